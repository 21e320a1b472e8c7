"""How a track plays its step table: transforms (shift, reverse, speed, chance, humanize) and the
seeded random draws.

Every random decision is a pure function of (seed, track name, the track's step number, the hit's
index in that step, what is drawn): no generator state is carried from one draw to the next, so
two slots in lockstep, a spare taking over, a checkpoint restored and `render` run twice all draw
the very same numbers — the step number is the position, never the history.
"""
from __future__ import annotations

import math
import zlib
from fractions import Fraction

from .mini_notation import Hit, Table, compile_pattern
from .params import ParamError

SPEED_RANGE = (Fraction(1, 8), Fraction(8))
SHIFT_RANGE = (-256, 256)
HUMANIZE_LATE_S = 0.02     # at amount 1 a hit comes up to 20 ms late (never early: nothing is played back in time)
HUMANIZE_ACCENT = 0.25     # … and its accent moves up to ±0.25 (an x at 0 only goes up)
SEED_RANGE = (0, 2**31 - 1)

_MASK = (1 << 64) - 1
CHANCE, LATE, LEVEL = 0, 1, 2   # what a draw is for: each has its own stream


def draw(seed: int, salt: int, k: int, j: int, what: int) -> float:
    """A uniform number in [0, 1) for (seed, track, step k, hit j, purpose): splitmix64 of the key."""
    x = (seed * 0x9E3779B97F4A7C15 + salt * 0xD1B54A32D192ED03 + k * 0x2545F4914F6CDD1D
         + j * 0xA0761D6478BD642F + what * 0xE7037ED1A0B428DB) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return (x ^ (x >> 31)) / 18446744073709551616.0


class TrackStyle:
    """A track's transforms, kept apart from its pattern so the pattern stays as written."""

    DEFAULTS = {"shift": 0, "reverse": False, "speed": 1.0, "chance": 1.0, "humanize": 0.0}

    def __init__(self, name: str, pattern: str, **style):
        self.salt = zlib.crc32(name.encode())     # stable across processes (str hash is not)
        self.shift = int(style.get("shift", 0))
        self.reverse = bool(style.get("reverse", False))
        self.speed = speed_fraction(style.get("speed", 1.0))
        self.chance = float(style.get("chance", 1.0))
        self.humanize = float(style.get("humanize", 0.0))
        self.table: Table | None = compile_pattern(pattern, self.reverse) if pattern else None

    def style(self) -> dict:
        """The transforms that differ from their defaults (JSON-able, as a session saves them)."""
        values = {"shift": self.shift, "reverse": self.reverse, "speed": float(self.speed),
                  "chance": self.chance, "humanize": self.humanize}
        return {k: v for k, v in values.items() if v != self.DEFAULTS[k]}

    def hits(self, step: int):
        """(phase within global step `step`, hit, track step k, index j) of the hits starting there."""
        table = self.table
        speed = self.speed
        if speed == 1:
            k = step - self.shift
            cycle, index = divmod(k, table.steps)
            entry = table.variants[cycle % table.period][index]
            if entry:
                for j, hit in enumerate(entry):
                    yield hit.offset, hit, k, j
            return
        for kk in range(math.ceil(step * speed), math.ceil((step + 1) * speed)):
            base = kk / speed - step
            k = kk - self.shift
            cycle, index = divmod(k, table.steps)
            entry = table.variants[cycle % table.period][index]
            for j, hit in enumerate(entry or ()):
                yield base + hit.offset / speed, hit, k, j

    def plays(self, seed: int, hit: Hit, k: int, j: int) -> bool:
        chance = hit.chance * self.chance
        return chance >= 1 or draw(seed, self.salt, k, j, CHANCE) < chance

    def feel(self, seed: int, hit: Hit, k: int, j: int, sample_rate: int) -> tuple[int, float]:
        """(whole samples late, accent) of a hit: humanized, or as written."""
        if not self.humanize:
            return 0, hit.accent
        late = draw(seed, self.salt, k, j, LATE) * self.humanize * HUMANIZE_LATE_S * sample_rate
        accent = hit.accent + (draw(seed, self.salt, k, j, LEVEL) * 2 - 1) * self.humanize * HUMANIZE_ACCENT
        return round(late), min(max(accent, 0.0), 1.0)


def speed_fraction(value) -> Fraction:
    return Fraction(str(float(value))).limit_denominator(48)


# -- the transform messages -------------------------------------------------------------------------
def check_style(verb: str, args) -> None:
    """ParamError (one line, with the range) unless /seq/<verb> has the right arguments."""
    if verb == "seed":
        _number(args, 0, "/seq/seed needs a whole number", *SEED_RANGE, whole=True)
        return
    if not args or not str(args[0]):
        raise ParamError(f"/seq/{verb} needs a track name first")
    args = args[:-1] if len(args) > 1 and str(args[-1]).lower() == "now" else args
    if verb == "reverse":
        if len(args) > 2 or (len(args) == 2 and str(args[1]) not in ("0", "1", "0.0", "1.0")):
            raise ParamError("/seq/reverse needs a track and optionally 1 (reversed, the default) or 0 (forwards)")
    elif verb == "shift":
        _number(args, 1, "/seq/shift needs a track and whole steps (positive = later)", *SHIFT_RANGE, whole=True)
    elif verb == "speed":
        value = _number(args, 1, "/seq/speed needs a track and a factor (2 = double time, 0.5 = half time)",
                        float(SPEED_RANGE[0]), float(SPEED_RANGE[1]))
        if value <= 0:
            raise ParamError("a speed is above 0")
    elif verb in ("chance", "humanize"):
        _number(args, 1, f"/seq/{verb} needs a track and an amount from 0 to 1", 0.0, 1.0)


def _number(args, index: int, usage: str, low, high, whole: bool = False) -> float:
    try:
        value = float(args[index])
    except (IndexError, ValueError, TypeError):
        raise ParamError(usage) from None
    if len(args) > index + 1 and str(args[index + 1]).lower() != "now":
        raise ParamError(usage)
    if whole and value != int(value):
        raise ParamError(f"{usage}: {value:g} is not whole")
    if not low <= value <= high:
        raise ParamError(f"{value:g} is out of range {low:g}–{high:g} ({usage.split(' needs')[0]})")
    return value


def style_change(verb: str, args) -> tuple[str, object]:
    """(attribute, value) a checked /seq/shift|reverse|speed|chance|humanize message sets."""
    args = args[:-1] if len(args) > 1 and str(args[-1]).lower() == "now" else args
    if verb == "reverse":
        return "reverse", len(args) < 2 or float(args[1]) != 0
    if verb == "shift":
        return "shift", int(float(args[1]))
    if verb == "speed":
        return "speed", float(args[1])
    return verb, float(args[1])


STYLE_VERBS = ("shift", "reverse", "speed", "chance", "humanize")

__all__ = ["TrackStyle", "draw", "check_style", "style_change", "STYLE_VERBS", "speed_fraction"]
