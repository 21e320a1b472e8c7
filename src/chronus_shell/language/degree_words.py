"""A chord of the progression named by its degree in words, made another: 'make the five a dominant seventh', 'turn
the 4 into a minor', 'the fifth chord should be a dominant 7th' — as 'make the v a V7'. Read otherwise, 'a dominant
seventh' was an A7 struck over the progression (the article taken for the root) and 'the five' was dropped.
Only while a chord track plays (PatchModel.chord_track): with none, there is no degree to change.
"""
from __future__ import annotations

import re

from .patch_model import PatchModel

_DEGREES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "first": 1, "second": 2,
            "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6,
            "7": 7}
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii")
#: How a quality is said → (major numeral?, suffix); None keeps the case the chord has.
_QUALITIES = {"dominant seventh": (True, "7"), "dominant 7th": (True, "7"), "dominant 7": (True, "7"), "dominant": (True, "7"),
              "major seventh": (True, "maj7"), "major 7th": (True, "maj7"), "maj7": (True, "maj7"),
              "minor seventh": (False, "7"), "minor 7th": (False, "7"), "m7": (False, "7"), "major": (True, ""),
              "minor": (False, ""), "major chord": (True, ""), "minor chord": (False, "")}
_LINE = re.compile(rf"^(?:(?:make|turn|change)\s+the\s+(?P<deg>{'|'.join(_DEGREES)})(?:\s+chord)?\s+(?:into\s+)?|"
                   rf"the\s+(?P<deg2>{'|'.join(_DEGREES)})(?:\s+chord)?\s+(?:should\s+be|becomes?|is)\s+)"
                   rf"(?:an?\s+)?(?P<quality>{'|'.join(sorted(_QUALITIES, key=len, reverse=True))})(?:\s+chord)?[\s.!]*$", re.I)


def degree_made(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, 'make the v a V7') for a degree said in words made another quality; None otherwise."""
    match = _LINE.match(line.strip())
    if match is None or model.chord_track is None:
        return None
    degree = _DEGREES[(match["deg"] or match["deg2"]).lower()]
    major, suffix = _QUALITIES[match["quality"].lower()]
    numeral = _ROMAN[degree - 1]
    said = (numeral.upper() if major else numeral) + suffix
    return f"the {numeral} chord made {match['quality'].lower()}: {said}", f"make the {numeral} a {said}"


__all__ = ["degree_made"]
