"""A Spanish-speaking musician's words, said the language's way before any reading (the bombo is
the kick, a compás a bar, 'la menor' A minor): whole words that mean nothing else in English, and
a solfège root only with its mode after it ('do' alone stays the English verb)."""
from __future__ import annotations

import re

#: Spanish music words → the language's words (one way each).
SPANISH = {
    "bombo": "kick", "caja": "snare", "platillo": "hats", "platillos": "hats", "charles": "hats",
    "compás": "bar", "compas": "bar", "compases": "bars", "semicorchea": "sixteenth", "semicorcheas": "sixteenths",
    "corchea": "eighth", "corcheas": "eighths", "negra": "quarter", "negras": "quarters", "acorde": "chord",
    "acordes": "chords", "tonalidad": "key", "tonality": "key", "secuencer": "sequencer", "secuenciador": "sequencer",
    "mayor": "major", "menor": "minor",
}
#: Solfège roots, said as letters when a mode follows ('re menor', 'sol mayor').
SOLFEGE = {"do": "c", "re": "d", "mi": "e", "fa": "f", "sol": "g", "la": "a", "si": "b"}
_WORDS = re.compile(r"\b(?:" + "|".join(sorted(SPANISH, key=len, reverse=True)) + r")\b", re.I)
_ROOT = re.compile(r"\b(" + "|".join(SOLFEGE) + r")(?=\s+(?:major|minor)\b)", re.I)


def in_english(line: str) -> str:
    """The line with its Spanish music words in English; the same line when it has none."""
    if not _WORDS.search(line):
        return line
    said = _WORDS.sub(lambda m: SPANISH[m.group(0).lower()], line)
    return _ROOT.sub(lambda m: SOLFEGE[m.group(1).lower()], said)


__all__ = ["in_english", "SPANISH", "SOLFEGE"]
