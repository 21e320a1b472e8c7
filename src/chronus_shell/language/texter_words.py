"""A hurried texter's word order, read before the grammar: the time before the verb ('kik 4 bars mute': mute the kick
for 4 bars), '4' for 'for' ('same 4 hats': the same for the hats), a speed as a factor ('x2 speed hats', 'hats x2':
the hats at 2x), a shift's steps with no 'by' ('shft hats 1'), 'nvm' before a line ('nvm back down': never mind,
back down). The texter's short words (SLANG: 'shft', 'nvm') are read as musician_words says."""
from __future__ import annotations

import re

from .musician_words import SLANG
from .typo_words import typo

_TIME_THEN_VERB = re.compile(r"^(?P<part>[\w-]+)\s+(?:for\s+|4\s+)?(?P<n>\d+|one|two|four|eight)\s+(?P<unit>bars?|beats?)\s+"
                             r"(?P<verb>mute|muted|out|off|drop|silent)[\s.!]*$", re.I)
_SAME_FOR = re.compile(r"^(?P<same>(?:the\s+)?same(?:\s+thing)?)\s+4\s+(?P<rest>(?:the\s+)?[\w-]+)[\s.!]*$", re.I)
_TIMES_SPEED = re.compile(r"^(?:x(?P<a>\d+(?:\.\d+)?)\s+speed\s+(?P<p1>[\w-]+)|(?P<p2>[\w-]+)\s+(?:speed\s+)?x(?P<b>\d+(?:\.\d+)?)"
                          r"(?:\s+speed)?)[\s.!]*$", re.I)
_SHIFT = re.compile(r"^(?P<verb>\w+)\s+(?P<part>[\w-]+)\s+(?P<n>-?\d+)(?:\s+steps?)?[\s.!]*$", re.I)
_NEVER_MIND_FIRST = re.compile(r"^(?P<nvm>\w+)[\s,]+(?P<rest>\S.*)$", re.I)


def texter_line(line: str, part_named) -> tuple[str, str] | None:
    """(how it was read, the line in the grammar's words) for a texter's word order, else None; `part_named(word)` is
    the module a word names, or None."""
    text = line.strip()
    said = _read(text, part_named)
    return (f"read as '{said}'", said) if said is not None and said != text else None


def _read(text: str, part_named) -> str | None:
    timed = _TIME_THEN_VERB.match(text)
    part = timed and (timed["part"] if part_named(timed["part"].lower()) else typo(timed["part"].lower(), ()))   # ('kik')
    if part and part_named(part.lower()):
        return f"mute {part} for {timed['n']} {timed['unit']}"
    if same := _SAME_FOR.match(text):
        return f"{same['same']} for {same['rest']}"
    if (fast := _TIMES_SPEED.match(text)) and part_named((fast["p1"] or fast["p2"]).lower()):
        return f"{fast['p1'] or fast['p2']} at {fast['a'] or fast['b']}x"
    if (shift := _SHIFT.match(text)) and SLANG.get(shift["verb"].lower(), shift["verb"].lower()) == "shift" and \
            part_named(shift["part"].lower()):
        return f"shift {shift['part']} by {shift['n']}"
    if (first := _NEVER_MIND_FIRST.match(text)) and SLANG.get(first["nvm"].lower()) == "never mind":
        return f"never mind, {first['rest']}"
    return None


__all__ = ["texter_line"]
