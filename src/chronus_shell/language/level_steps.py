"""A level's step said after the way it goes ('vibes a bit quieter, 3 db', 'kick louder, by 2 db', 'the bass down, 6
dB'): the dB after the comma is how far, as '3 db quieter' says — an unsigned dB above the top is no level of its own
(the refusal had said 'did you mean … down 3 db?'). A signed value ('quieter, -12 db') stays asked: it may be the level
meant."""
from __future__ import annotations

import re

_STEP = re.compile(r"^(?P<head>.+?)\s+(?:(?:a\s+(?:bit|little|touch|tad)|slightly)\s+)?(?P<way>louder|quieter|softer|up|down)"
                   r"\s*,\s*(?:by\s+|about\s+|like\s+)?(?P<n>\d+(?:\.\d+)?)\s*(?:db|decibels?)[.!]*$", re.I)


def level_step(line: str) -> tuple[str, str] | None:
    """(how it was read, '<part> 3 db quieter') for a level's step said after its way, else None."""
    match = _STEP.match(line.strip())
    if match is None:
        return None
    way = match["way"].lower()
    said = f"{match['head']} {way} {match['n']} db" if way in ("up", "down") else f"{match['head']} {match['n']} db {way}"
    return f"read as '{said}'", said


__all__ = ["level_step"]
