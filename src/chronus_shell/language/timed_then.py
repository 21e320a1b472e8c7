"""A timed line's commands: where it splits ('…, then …', '; ', 'A over 8 bars and B over 8'), and
when each starts — a command said after 'then' starts when the timed one before it ends (its ramp,
tempo glide or timed mute), not at once: two ramps sent together would have the second undo the first."""
from __future__ import annotations

import re

from ..protocol.message import Message
from .time_phrases import split, strip_label

THEN = re.compile(r"\bthen\b", re.I)
_SEPARATORS = re.compile(r"\s*(?:;|,|\band then\b|\bthen\b)\s*", re.I)
_BACK = re.compile(r"^(?:and\s+)?(?:bring\s+(?:them|em|'em|it|\w+)\s+back(?:\s+in)?|(?:(?:it\s+|they\s+)?comes?\s+)?back(?:\s+in)?)$", re.I)
_STAYS = re.compile(r"^(?:and\s+)?(?:(?:it|they)\s+)?(?:stays?|holds?|sits?|rests?)(?:\s+there)?$", re.I)
_TIMED_MUTE = re.compile(r"\bfor\s+(?:a|an|one|two|three|four|eight|sixteen|\d+)\b", re.I)
_CURVE_ONLY = re.compile(r"^(?:and\s+)?(?:exponential(?:ly)?|exp|logarithmic(?:ally)?|log|linear(?:ly)?)(?:\s+curve)?$", re.I)

_RESTATED = re.compile(r"^(?:and\s+)?(?:(?P<slow>slow)|speed)(?:\s+(?:it|things|everything))?\s+(?:down|up)$", re.I)
_MANNER = re.compile(r"^(?:and\s+)?(?:slowly|gradually|gently|smoothly)$", re.I)


#: A 'then' said with 'right away': at once, cutting the ramp before short, as asked.
_AT_ONCE = re.compile(r"\b(?:right\s+away|immediately|at\s+once|right\s+now|straight\s+away)\b", re.I)
#: A line that goes on from the one before ('then speed up to 90' after 'slow down to 60 over 8 bars').
_THEN_FIRST = re.compile(r"^\s*(?:and\s+|ok\s+|now\s+)?then\b[\s,]*(?P<rest>.+)$", re.I)


def then_after_timed(line: str, last_text: str) -> tuple[str, str] | None:
    """(the refusal, the rest of the line) for 'then …' typed after a line that takes its time — refused when the rest
    sets what that line ramps (at once it would cut the tempo glide or the fade short; said in one line it is timed
    after it); None for any other line."""
    then = _THEN_FIRST.match(line)
    if then is None or _AT_ONCE.search(line) or not last_text or not _has_length(last_text) or not any(_has_length(p) for p in segments(last_text)):
        return None
    return (f"'then' after '{last_text}' would start now and cut it short: say both in one line "
            f"('{last_text.rstrip('.!')}, then {then['rest'].rstrip('.!')}'), or give it its own time ('… in 8 bars')",
            then["rest"])


def ramped(messages, every_set: bool = False) -> set[str]:
    """The settings `messages` ramp (a /ramp, a tempo glide) — or, `every_set`, set in any way."""
    found = set()
    for m in messages:
        glide = m.address == "/seq/bpm" and (every_set or len(m.args) > 1)
        if glide or m.address.startswith("/ramp/") or every_set and m.address.startswith("/mod/"):
            found.add("tempo" if m.address == "/seq/bpm" else m.address.split("/", 2)[2])
    return found


def _has_length(text: str) -> bool:
    try:
        timed = split(text)
    except ValueError:
        return False
    return timed is not None and (timed.beats is not None or timed.start_in)


def segments(text: str) -> list[str]:
    """The commands of a timed line, a segment of time words alone joined to its command."""
    parts = [p for part in _SEPARATORS.split(strip_label(text)) for p in _two_timed(part.strip()) if p]
    out: list[str] = []
    waiting: list[str] = []                      # "at the next bar," before its command
    for part in parts:
        kind = _time_only(part)
        if _BACK.match(part) and out and _TIMED_MUTE.search(out[-1]):
            continue                              # "… for 4 then bring em back": the timed mute does that
        if _STAYS.match(part) and out:
            continue                              # "… over 8 bars then stays": a ramp stays where it ends
        if _MANNER.match(part) and out and _has_length(out[-1]):
            continue                              # "… in 2 bars, slowly": how, the length said already
        restated = _RESTATED.match(part)
        if restated and out and _has_length(out[-1]) and re.search(
                r"\b(?:tempo|bpm)\b.*\b" + ("down" if restated["slow"] else "up") + r"\b", out[-1], re.I):
            continue                              # "tempo down to 70 over 8 bars, slow it down": the glide said again
        if kind == "start" or (kind == "after" and not out):
            waiting.append(part)
        elif kind == "after" and out:
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(" ".join(waiting + [part]))
            waiting = []
    if waiting:
        out = out[:-1] + [" ".join(out[-1:] + waiting)]
    return out


def _two_timed(part: str) -> list[str]:
    """'decay to 80ms over 8 bars and reso to .9 over 8': two commands, each with its own length."""
    for match in re.finditer(r"\s+and\s+", part):
        halves = part[:match.start()], part[match.end():]
        if all(_own_length(half) for half in halves):
            return list(halves)
    return [part]


def _own_length(text: str) -> bool:
    try:
        timed = split(text)
    except ValueError:
        return False
    return timed is not None and timed.beats is not None and bool(timed.command.strip()) and timed.prep != "slowly"


def _time_only(part: str) -> str | None:
    """'start' for a segment that is only a start ("at the next bar"), 'after' for only a length or a
    curve ("over 8 bars", "exponentially"), None for a command."""
    if _CURVE_ONLY.match(part):
        return "after"
    try:
        timed = split(part)
    except ValueError:
        return None
    if timed is None or timed.command.strip() or timed.level:
        return None
    return "start" if timed.start is not None and timed.beats is None else "after"


def lasts_beats(messages: list[Message]) -> float:
    """How long what a command started takes to finish, in beats (0: it is done at once)."""
    longest = 0.0
    for m in messages:
        args = m.args[3:] if m.address == "/at" else m.args
        address = str(m.args[2]) if m.address == "/at" else m.address
        if address.startswith("/ramp/") and len(args) > 1:
            longest = max(longest, float(args[1]))
        elif address == "/seq/bpm" and len(args) > 2 and args[1] == "ramp":
            longest = max(longest, float(args[2]))
        elif address == "/seq/mute" and len(args) > 2:
            longest = max(longest, 4.0 * float(args[2]))
    return longest


def after(messages: list[Message], beats: float, at) -> list[Message]:
    """The messages started `beats` from now (`at` wraps one in /at); already timed ones as they are."""
    if beats <= 0:
        return messages
    count = max(1, round(beats))
    return [m if m.address == "/at" else at(m, count, "beat") for m in messages]


__all__ = ["ramped", "then_after_timed", "THEN", "after", "lasts_beats", "segments"]
