"""Note names ↔ Hz (equal temperament, A4 = 440 Hz), shared by the sequencer and the language."""
from __future__ import annotations

import re

NOTE_PATTERN = re.compile(r"^([a-g])(#|b|s|sharp|flat)?(-?\d)$")
_PITCH_CLASS = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}
_ACCIDENTAL = {"#": "#", "s": "#", "sharp": "#", "b": "b", "flat": "b"}


def is_note(text: str) -> bool:
    return bool(NOTE_PATTERN.match(text.lower()))


def note_name(text: str) -> str:
    """Canonical spelling of a note: 'C#3' → 'c#3', 'Eflat4' → 'eb4'."""
    match = NOTE_PATTERN.match(text.lower())
    if not match:
        raise ValueError(f"not a note name: {text}")
    letter, accidental, octave = match.groups()
    return f"{letter}{_ACCIDENTAL.get(accidental or '', '')}{octave}"


def _midi(text: str) -> int:
    name = note_name(text)
    letter, octave = name[0], int(name[1:].lstrip("#b"))
    return 12 * (octave + 1) + _PITCH_CLASS[letter] + (1 if "#" in name else -1 if name[1] == "b" else 0)


def note_to_hz(text: str) -> float:
    """'a2' → 110.0, 'c#3' → 138.591315 (rounded to 6 decimals so messages read cleanly)."""
    return float(round(440.0 * 2 ** ((_midi(text) - 69) / 12), 6))


_NAMES = ("c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b")


def transpose(text: str, semitones: int) -> str:
    """'a2' up 3 → 'c3' (sharps for the black keys)."""
    midi = _midi(text) + semitones
    return f"{_NAMES[midi % 12]}{midi // 12 - 1}"
