"""A chord of the progression named by its degree in words, made another: 'make the five a dominant seventh', 'turn
the 4 into a minor', 'the fifth chord should be a dominant 7th' — as 'make the v a V7'. Read otherwise, 'a dominant
seventh' was an A7 struck over the progression (the article taken for the root) and 'the five' was dropped.
Only while a chord track plays (PatchModel.chord_track): with none, there is no degree to change.
"""
from __future__ import annotations

import re

from ..engine.scales import SCALES, pitch_class
from .chords import analyse, token_pitches
from .errors import LanguageError
from .patch_model import PatchModel

#: A degree said as a number ('the five'); an ordinal ('the second chord') is a place in the progression, not a degree.
_DEGREES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
            "6": 6, "7": 7}
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
    """(what was understood, 'make the v a V7') for a degree said in words made another quality; None otherwise (a
    degree no chord of the progression is on is refused: its nearest numeral was taken instead)."""
    match = _LINE.match(line.strip())
    if match is None or model.chord_track is None or model.key is None:
        return None
    if re.search(r"\ba\s+(?:major|minor)\b", line, re.I) and not re.search(r"\ba\s+(?:major|minor)\s+(?:seventh|7th)", line, re.I):
        return None                                   # ('should be A major': the chord A, said by the others)
    degree = _DEGREES[(match["deg"] or match["deg2"]).lower()]
    playing = _playing(model, degree)
    if playing is None:
        raise LanguageError(f"no chord on the {_ROMAN[degree - 1]} plays in the progression: name one that does, or "
                            f"the chord by its place ('the second chord should be …')", 0, (), line)
    major, suffix = _QUALITIES[match["quality"].lower()]
    numeral = playing.upper() if playing.isupper() else _ROMAN[degree - 1]
    said = (numeral.upper() if major else numeral.lower()) + suffix
    return f"the {numeral} chord made {match['quality'].lower()}: {said}", f"make the {numeral} a {said}"


def _playing(model: PatchModel, degree: int) -> str | None:
    """The numeral of the chord on that degree of the key as the progression plays it (upper case a major third), or
    None when none of its chords is on that degree."""
    tonic, scale = model.key
    root = (pitch_class(tonic) + SCALES[scale][degree - 1]) % 12
    for token in model.chord_track.notes:
        pitches = token_pitches(str(token)) if "+" in str(token) else []
        found = analyse(pitches) if pitches else None
        if found is not None and found[0] == root:
            numeral = _ROMAN[degree - 1]
            return numeral.upper() if 4 in found[1][:2] else numeral
    return None


__all__ = ["degree_made"]
