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
}
_WORDS = re.compile(r"\b(?:" + "|".join(sorted(SPANISH, key=len, reverse=True)) + r")\b", re.I)


def in_english(line: str) -> str:
    """The line with its Spanish part and bar words in English; the same line when it has none."""
    return _WORDS.sub(lambda m: SPANISH[m.group(0).lower()], line) if _WORDS.search(line) else line


__all__ = ["in_english", "SPANISH"]
