"""How the REPL reads a line as words: shared by the completer and the highlighter.

Keyword spellings come from the language layer's vocabulary (itself derived from the grammar);
here we only learn which grammar terminal each spelling belongs to, so the completer can offer
exactly the keywords the parser accepts next and the lexer can colour them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..language.parser import grammar_parser
from ..language.vocabulary import command_words, filler_words

#: A word as the musician types it: ids, params, dotted targets, numbers with units, notes,
#: patterns, paths and raw addresses all stay in one piece.
WORD = re.compile(r"[^\s,;!]+")
NUMBER_WITH_UNIT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)[a-z%]*", re.I)
NOTE = re.compile(r"[a-g](#|b|s|sharp|flat)?-?\d", re.I)
PATTERN = re.compile(r"[xX.][xX.\-|]*")
PATH = re.compile(r"[\w.~/\\:-]+\.(wav|flac|aiff?)", re.I)

#: Words after which a new name follows (a session, a module called ...): never "unknown".
NAME_INTRODUCERS = frozenset({"as", "called", "named"})


@dataclass(frozen=True)
class Word:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()


def split_words(text: str) -> list[Word]:
    return [Word(m.group(), m.start()) for m in WORD.finditer(text)]


@lru_cache(maxsize=1)
def keyword_terminals() -> dict[str, str]:
    """Every keyword spelling → the name of the grammar terminal that reads it ("create" → ADD)."""
    terminals = [t for t in grammar_parser().terminals if t.pattern.type == "re"]
    table: dict[str, str] = {}
    for word in command_words():
        matching = [t for t in terminals if re.fullmatch(t.pattern.to_regexp(), word, re.I)]
        keyword = [t for t in matching if t.priority > 1 and t.name not in ("UNIT", "NUMWORD")]
        if keyword:
            table[word] = max(keyword, key=lambda t: t.priority).name
    return table


def keyword_of(word: str) -> str | None:
    """The grammar terminal of a keyword spelling, None for any other word."""
    return keyword_terminals().get(word.lower())


def is_filler(word: str) -> bool:
    return word.lower() in filler_words()


NOTE_LETTERS = ("c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b")


@lru_cache(maxsize=1)
def note_names() -> tuple[str, ...]:
    """Note names for completion, octaves 1–6, sharps spelled with '#'."""
    return tuple(f"{letter}{octave}" for octave in range(1, 7) for letter in NOTE_LETTERS)


__all__ = ["Word", "split_words", "keyword_of", "keyword_terminals", "is_filler", "note_names", "NOTE_LETTERS",
           "NUMBER_WITH_UNIT", "NOTE", "PATTERN", "PATH", "NAME_INTRODUCERS"]
