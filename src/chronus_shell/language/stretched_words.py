"""Words typed stretched for emphasis ('waaay less', 'fasterrr', 'sooo loud'): said the usual way
before any reading, so a follow-up or a comparative is recognised under its emphasis. A run of
three or more of one letter becomes two or one, whichever spelling the language knows ('reallly' →
'really', 'waaay' → 'way'); a stretched word the language does not know either way is left alone."""
from __future__ import annotations

import re

from .musician_words import NOISE, SLANG
from .vocabulary import is_known_word

_RUN = re.compile(r"([a-z])\1{2,}", re.I)
#: Words of emphasis the vocabulary need not know: they only say how much.
_EMPHASIS = frozenset({"way", "so", "too", "much", "more", "less", "really", "very", "little"})


def unstretched(text: str) -> str:
    """The line with each stretched word said the usual way; the same line when it has none."""
    return re.sub(r"[A-Za-z']+", _word, text) if _RUN.search(text) else text


def _word(match: re.Match) -> str:
    word = match.group(0)
    if not _RUN.search(word) or _PATTERN.fullmatch(word):
        return word
    for kept in (2, 1):
        said = _RUN.sub(lambda m: m.group(1) * kept, word)
        core = said.lower()
        if core in _EMPHASIS or core in SLANG or core in NOISE or is_known_word(core):
            return said
    return word


_PATTERN = re.compile(r"[xX]+")           # 'xxxx': hits of a rhythm, never a stretched word


__all__ = ["unstretched"]
