"""Highlighting as you type: command words, module ids, params, numbers with units, notes.

A word nobody knows is underlined before Enter, unless the cursor is at its end and it is still
the start of a known word (no red flash on every keystroke of "cutoff").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from prompt_toolkit.document import Document
from prompt_toolkit.lexers import Lexer

from ..engine.catalogue import specs
from ..language.units import UNIT_ALIASES
from ..language.vocabulary import command_words, is_known_word, module_words
from .line_tokens import (NAME_INTRODUCERS, NOTE, NUMBER_WITH_UNIT, PATH, PATTERN, is_filler, keyword_of,
                    split_words)

#: Keywords after which the next word is a session name.
_SESSION_KEYWORDS = frozenset({"LOAD", "SESSION", "SAVE"})


@dataclass(frozen=True)
class _Catalogue:
    """The catalogue's words by kind, taken fresh for each line (user modules appear at once)."""

    types: frozenset[str]
    params: frozenset[str]
    choices: frozenset[str]

    @classmethod
    def now(cls) -> "_Catalogue":
        all_specs = specs()
        return cls(
            frozenset(w for s in all_specs for w in (s.type, *s.aliases)),
            frozenset(name for s in all_specs for name in s.names()),
            frozenset(c for s in all_specs for p in s.params for c in p.choices),
        )


def _is_number(word: str) -> bool:
    match = NUMBER_WITH_UNIT.fullmatch(word)
    if not match:
        return False
    unit = word[len(match.group(1)) + (1 if word[0] in "+-" else 0):].lower()
    return unit == "" or unit in UNIT_ALIASES


class ChronusLexer(Lexer):
    """Colours one line of shell input; `live_words()` gives ids, tracks and session names."""

    def __init__(self, live_ids: Callable[[], set[str]], live_names: Callable[[], set[str]] = set):
        self.live_ids = live_ids
        self.live_names = live_names

    def lex_document(self, document: Document):
        lines = document.lines
        cursor_row, cursor_col = document.cursor_position_row, document.cursor_position_col
        ids, names, catalogue = self.live_ids(), self.live_names(), _Catalogue.now()

        def get_line(row: int):
            cursor = cursor_col if row == cursor_row else None
            return self.fragments(lines[row], ids, names, catalogue, cursor)

        return get_line

    def fragments(self, line: str, ids, names, catalogue: _Catalogue, cursor: int | None = None):
        """(style, text) pairs covering the whole line, whitespace included."""
        out, position, previous = [], 0, None
        raw = line.lstrip().startswith("/")
        for word in split_words(line):
            if word.start > position:
                out.append(("", line[position:word.start]))
            style = "class:address" if raw else self._style(word.text, previous, ids, names, catalogue,
                                                            typing=cursor == word.end)
            out.append((style, word.text))
            position, previous = word.end, word.text if not is_filler(word.text) else previous
        if position < len(line):
            out.append(("", line[position:]))
        return out

    def _style(self, text: str, previous: str | None, ids, names, catalogue: _Catalogue, typing: bool) -> str:
        lower = text.lower()
        if PATH.fullmatch(text):
            return "class:path"
        if _is_number(text):
            return "class:number"
        if NOTE.fullmatch(text) and lower not in ids:
            return "class:note"
        if PATTERN.fullmatch(text) and "x" in lower:
            return "class:pattern"
        if previous and (previous.lower() in NAME_INTRODUCERS or keyword_of(previous) in _SESSION_KEYWORDS) \
                and keyword_of(text) is None:
            return "class:name"
        if lower in ids or lower.split(".")[0] in ids:
            return "class:module-id"
        if keyword_of(text):
            return "class:keyword"
        if is_filler(text):
            return ""
        if lower in UNIT_ALIASES:
            return "class:unit"
        if lower in catalogue.types:
            return "class:module-type"
        if lower in catalogue.params:
            return "class:param"
        if lower in catalogue.choices:
            return "class:choice"
        if is_known_word(text, ids | names):
            return ""
        if typing and self._starts_known_word(lower, ids):
            return ""
        return "class:unknown"

    @staticmethod
    def _starts_known_word(prefix: str, ids) -> bool:
        return any(w.startswith(prefix) for pool in (command_words(), module_words(), ids) for w in pool)


__all__ = ["ChronusLexer"]
