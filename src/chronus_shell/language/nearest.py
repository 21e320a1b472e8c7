"""The nearest documented phrasing for a refused line: a working example, not a lookalike word.

The examples are the grammar's own (`//:` lines of grammar/*.lark, the ones
docs/commands.md shows); the nearest shares the most content words with the line.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .command_forms import grammar_forms

_STOP = {"the", "a", "an", "to", "on", "at", "of", "it", "is", "and", "in", "by", "up", "down", "my", "me", "some",
         "more", "less", "with", "for", "make", "set", "add", "please", "can", "you", "could", "i", "this", "that"}


@lru_cache(maxsize=1)
def examples() -> tuple[tuple[str, frozenset[str]], ...]:
    """(example, its content words) for every documented example."""
    found = []
    for _form, shown in grammar_forms():
        for example in shown:
            found.append((example, frozenset(_words(example))))
    return tuple(found)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def nearest_phrasing(line: str) -> str | None:
    """The documented example sharing the most content words with `line` (None if none shares two)."""
    words = _words(line)
    best, score = None, 1
    for example, known in examples():
        shared = len(words & known)
        if shared > score:
            best, score = example, shared
    return best


__all__ = ["nearest_phrasing"]
