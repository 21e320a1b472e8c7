"""How notes a session loaded in Hz are spelled when no key is set: as the major key that holds them writes them
('ab1 eb2', never 'g#1 d#2' — the trial's musicians typed flats and got sharps back after a load)."""
from __future__ import annotations

import math
import re

from .chords import key_flats, key_name

#: How many sharps or flats each major key is written with (C none, G and F one, … F# six).
_SIGNATURE = {0: 0, 7: 1, 5: 1, 2: 2, 10: 2, 9: 3, 3: 3, 4: 4, 8: 4, 11: 5, 1: 5, 6: 6}
_MAJOR = (0, 2, 4, 5, 7, 9, 11)


def flat_line(tokens) -> bool:
    """Whether notes sent in Hz read best with flats: the major key holding most of their pitch classes (on a tie, the
    one with the fewest sharps or flats) is written with flats."""
    classes = [round(69 + 12 * math.log2(float(p) / 440.0)) % 12 for t in tokens for p in str(t).split("+")
               if re.fullmatch(r"\d+(?:\.\d+)?", p) and float(p) > 0]
    if not any(c in (1, 3, 6, 8, 10) for c in classes):
        return False
    best = max(range(12), key=lambda k: (sum((c - k) % 12 in _MAJOR for c in classes), -_SIGNATURE[k]))
    return key_flats(key_name(best, "major"), "major")


__all__ = ["flat_line"]
