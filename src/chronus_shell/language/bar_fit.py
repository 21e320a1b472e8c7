"""A part's steps in a bar of another length than 4/4's 16 (a waltz's 12, 5/4's 20): one rule for a
groove's parts ('waltz time: snare on 2 and 3') and for beats said beside parts that play such a bar."""
from __future__ import annotations


def period(steps: str) -> int:
    """The shortest run the pattern repeats ('x...' for every beat; a bar for 'kick on 1 and 3')."""
    return next(p for p in range(1, len(steps) + 1) if steps == (steps[:p] * (len(steps) // p + 1))[:len(steps)])


def repeats(steps: str, bar: int) -> bool:
    """'kick on every beat' in a bar of two: a beat or shorter, over and over (never beats said one by one)."""
    return period(steps) <= 4 and bar % period(steps) == 0


def in_bar(steps: str, bar: int) -> str:
    """A part's pattern in a bar: a beat's pattern fills it ('hats every eighth in the 9'), beats said
    one by one are followed by rests ('slip jig, kick on 1')."""
    return (steps[:period(steps)] * bar)[:bar] if repeats(steps, bar) else (steps + "." * bar)[:bar]


def past_the_bar(steps: str, bar: int) -> bool:
    """A hit said past the bar's last beat (beat 4 in a waltz), not a beat's pattern over and over."""
    return "x" in steps[bar:].lower() and not repeats(steps, bar)


__all__ = ["period", "repeats", "in_bar", "past_the_bar"]
