"""A tremolo or a vibrato said after its part: 'rhodes tremolo, slow, like the suitcase', 'vibes tremolo, the motor,
medium speed', 'moog vibrato, slow, 5 hz' — as 'add tremolo to triangle1, slow' or 'add vibrato to sine1 at 5 hz'. Read
otherwise, 'rhodes tremolo' (the rhodes a triangle) set an lfo's shape to triangle, and 'slow, 5 hz' was two rates. A
rate said in Hz is the rate; else a pace word, as said before the effect; else the effect's own pace."""
from __future__ import annotations

import re

from .part_naming import part_named
from .patch_model import PatchModel

#: A pace word → the step said after the effect (a medium or gentle pace is the effect's own).
_SPEEDS = {"slow": "slower", "slower": "slower", "lazy": "slower", "fast": "faster", "quick": "faster", "faster": "faster",
           "gentle": "", "medium": "", "moderate": ""}
_FORM = re.compile(r"^(?:the\s+|my\s+)?(?P<part>[\w-]+)\s+(?P<kind>tremolo|vibrato)(?P<rest>(?:\s*,\s*[^,]+)*)$", re.I)
_HZ = re.compile(r"(?<![\w.])(?P<hz>\d+(?:\.\d+)?)\s*(?:hz|times\s+a\s+second)\b", re.I)


def modulation_said(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, the line as 'slow tremolo on <part>' or 'add tremolo to <part> at N hz') for a tremolo or
    vibrato said after its part; None otherwise."""
    match = _FORM.match(line.strip().rstrip(".!"))
    part = part_named(match["part"].lower(), model) if match else None
    if part is None:
        return None
    rest, kind = match["rest"] or "", match["kind"].lower()
    hz = _HZ.search(rest)
    speed = next((w for w in re.findall(r"[a-z]+", rest.lower()) if w in _SPEEDS), None)
    said = f"a {kind} on the {match['part']}" + (" (the rest of the line: how it sounds)" if rest and not (hz or speed) else "")
    if hz:
        return said, f"add {kind} to {part} at {hz['hz']} hz"
    return said, f"add {kind} to {part}" + (f", {_SPEEDS[speed]}" if speed and _SPEEDS[speed] else "")


__all__ = ["modulation_said"]
