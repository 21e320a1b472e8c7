"""Scales a session key may name (one table: `/seq/key` checks against it, the language reads
degrees from it). Intervals are semitones above the tonic within one octave."""
from __future__ import annotations

from .params import ParamError, did_you_mean

SCALES: dict[str, tuple[int, ...]] = {
    "major": (0, 2, 4, 5, 7, 9, 11),
    "minor": (0, 2, 3, 5, 7, 8, 10),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
    "phrygian": (0, 1, 3, 5, 7, 8, 10),
    "lydian": (0, 2, 4, 6, 7, 9, 11),
    "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "locrian": (0, 1, 3, 5, 6, 8, 10),
    "harmonic_minor": (0, 2, 3, 5, 7, 8, 11),
    "melodic_minor": (0, 2, 3, 5, 7, 9, 11),
    "major_pentatonic": (0, 2, 4, 7, 9),
    "minor_pentatonic": (0, 3, 5, 7, 10),
    "blues": (0, 3, 5, 6, 7, 10),
    "phrygian_dominant": (0, 1, 4, 5, 7, 8, 10),      # maqam Hijaz, freygish
    "double_harmonic": (0, 1, 4, 5, 7, 8, 11),        # maqam Hijazkar, byzantine
    "hungarian_minor": (0, 2, 3, 6, 7, 8, 11),
    "ukrainian_dorian": (0, 2, 3, 6, 7, 9, 10),       # maqam Nikriz, romanian minor
    "whole_tone": (0, 2, 4, 6, 8, 10),
    "chromatic": tuple(range(12)),
}

PITCH_CLASSES = ("c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b")
_FLATS = {"db": "c#", "eb": "d#", "gb": "f#", "ab": "g#", "bb": "a#", "cb": "b", "fb": "e",
          "e#": "f", "b#": "c"}


def pitch_class(name: str) -> int:
    """'eb' → 3, 'F#' → 6: a note name without octave, as a semitone above C."""
    text = name.strip().lower()
    text = _FLATS.get(text, text)
    if text not in PITCH_CLASSES:
        raise ValueError(f"not a note name: {name}")
    return PITCH_CLASSES.index(text)


def scale_pitch_classes(tonic: str, scale: str) -> tuple[int, ...]:
    """The pitch classes of `tonic scale` ('d', 'minor' → 2, 4, 5, 7, 9, 10, 0)."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r} — one of {', '.join(SCALES)}")
    root = pitch_class(tonic)
    return tuple((root + step) % 12 for step in SCALES[scale])


def parse_key(args) -> tuple[str, str] | None:
    """`/seq/key d minor` → ('d', 'minor'); `/seq/key none` → None; the scales are SCALES above."""
    words = [str(a).strip().lower() for a in args]
    if words == ["none"]:
        return None
    if len(words) < 2:
        raise ParamError("/seq/key needs a tonic and a scale (d minor, eb major) or none")
    tonic, scale = words[0], "_".join(words[1:]).replace("-", "_")      # harmonic minor → harmonic_minor
    try:
        pitch_class(tonic)
    except ValueError:
        raise ParamError(f"{words[0]!r} is not a tonic: a note name without octave (c, f#, eb)") from None
    if scale not in SCALES:
        hint = did_you_mean(scale, SCALES)
        extra = f" — did you mean {hint[0]}?" if hint else ""
        raise ParamError(f"unknown scale {' '.join(words[1:])!r}{extra} (scales: {', '.join(SCALES)})")
    return tonic, scale
