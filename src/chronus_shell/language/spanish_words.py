"""A Spanish-speaking musician's words for parts and bars, said the language's way before any reading
(the bombo is the kick, the caja the snare, a compás a bar): whole words that mean nothing else in
English. (Key, chord and note words — 'la menor', 'acorde', solfège — are read by the harmony
readers: harmony_solfege.py.)"""
from __future__ import annotations

import re

#: Spanish words for parts and bars → the language's words (one way each).
SPANISH = {
    "bombo": "kick", "caja": "snare", "platillo": "hats", "platillos": "hats", "charles": "hats",
    "compás": "bar", "compas": "bar", "compases": "bars", "tonality": "key", "secuencer": "sequencer",
    "secuenciador": "sequencer",
    "semicorchea": "sixteenth", "semicorcheas": "sixteenths", "corchea": "eighth", "corcheas": "eighths",
    "negra": "quarter", "negras": "quarters",
    "grave": "low", "graves": "low", "agudo": "high", "aguda": "high", "agudos": "high", "fuerte": "loud",
    "subir": "raise", "sube": "raise", "bajar": "lower", "baja": "lower",
    "charge": "load",                                  # cargar: a false friend
}
_WORDS = re.compile(r"\b(?:" + "|".join(sorted(SPANISH, key=len, reverse=True)) + r")\b", re.I)
#: Spanish turns of phrase said word for word in English (el doble de rápido, al final del compás, entra la caja).
_PHRASES = [(re.compile(p, re.I), r) for p, r in (
    (r"\bthe\s+double\s+of\s+(fast|slow|quick)\b", r"twice as \1"),
    (r"\bthe\s+half\s+of\s+(fast|slow|quick)\b", r"half as \1"),
    (r"\b(?:in|at)\s+the\s+final\s+of\b", "at the end of"),
    (r"\benters?\s+(?=(?:the\s+)?[a-z])", "bring in "),
)]


def in_english(line: str) -> str:
    """The line with its Spanish part and bar words in English; the same line when it has none."""
    line = _WORDS.sub(lambda m: SPANISH[m.group(0).lower()], line) if _WORDS.search(line) else line
    for pattern, replacement in _PHRASES:
        line = pattern.sub(replacement, line)
    return line


__all__ = ["in_english", "SPANISH"]
