"""The parse-tree leaves as values: words, quantities, notes, units, and helpers every rule uses.

The rule mixins (patch, sequencer, shell) all read their children through these helpers;
the numeric-name gluing lives here because it is undone by `word_of` (the_303 → 303).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token

from . import intents as it
from .units import parse_number


def word_of(token: Token) -> it.Word:
    text = str(token)
    glued = _GLUED_NUMBER.match(text)
    if glued:                             # "the_303" (see glue_numeric_names): the name "303"
        return it.Word(glued.group(2), token.start_pos + glued.start(2))
    return it.Word(text, token.start_pos)


_GLUED_NUMBER = re.compile(r"^(the|that|this|my|your|our|a|an)_+(\d+)$", re.I)
_NUMERIC_NAME = re.compile(r"\b(the|that|this|my|your|our|a|an)(\s+)(\d+)\b(?![.,]\d)", re.I)


def glue_numeric_names(line: str) -> str:
    """'turn the 303 up': a number after 'the' that names a module type is a name, not a value.
    Glued to the article with underscores (same length, so columns stay right)."""
    if not _NUMERIC_NAME.search(line):
        return line
    names = _numeric_type_names()

    def glue(match):
        if match.group(3) not in names:
            return match.group(0)
        return match.group(1) + "_" * len(match.group(2)) + match.group(3)

    return _NUMERIC_NAME.sub(glue, line)


def _numeric_type_names() -> frozenset[str]:
    from ..engine.catalogue import CATALOGUE
    return frozenset(a for cls in CATALOGUE.values() for a in (cls.spec.type, *cls.spec.aliases) if a.isdigit())


def first_of(children, kind):
    """The first child of a type (None if absent): rule children mix tokens and intents."""
    return next((c for c in children if isinstance(c, kind)), None)


def has_token(children, token_type: str) -> bool:
    return any(isinstance(c, Token) and c.type == token_type for c in children)


#: Words before a name said after what it names ('the set as gig-1', 'a take called boss_theme').
_NAME_MARKS = ("called", "named", "as")


class ValueRules:
    """Part of the parse-tree Transformer: the rules for values and words."""

    def words(self, *tokens):
        return it.Words(tuple(word_of(t) for t in tokens))

    def quantity(self, number, unit=None):
        return it.Value("number", str(number), number.start_pos, parse_number(number),
                        str(unit) if unit else None)

    def note(self, token):
        return it.Value("note", str(token), token.start_pos)

    def note_length(self, token):
        """'a dotted eighth' alone: one of that length (the unit carries it)."""
        return it.Value("unit", str(token), token.start_pos, None, str(token))

    def word_value(self, token):
        return it.Value("word", str(token).lower(), token.start_pos)

    def amount(self, value):
        return unit_value(value)

    def to_value(self, value):
        return ToValue(value)

    def type_name(self, name):
        return name if isinstance(name, it.Words) else it.Words((word_of(name),))

    def name(self, *tokens):
        """A session name of one or more words ("night drive"), or a file path."""
        words = [word_of(token) for token in tokens]
        marks = [i for i, word in enumerate(words[:-1]) if word.text.lower() in _NAME_MARKS]
        if marks:                                        # "my session called standards", "the set as gig-1"
            words = words[marks[-1] + 1:]
        return it.Word(" ".join(word.text for word in words), words[0].column)

    one_name = name                        # "delete night-drive session": one word before "session"

    def direction(self, token):
        return 1 if token.type == "UP" else -1

    def more_less(self, token):
        return 1 if token.type == "MORE" else -1

    def param_value(self, value, words):
        return ParamValue(value, words)

    def param_value_after(self, words, value):
        """'with drive 10', 'with the cutoff at 400'."""
        return ParamValue(value, words)


@dataclass(frozen=True)
class ToValue:
    """'… to VALUE' inside a relative command: it becomes an absolute setting."""

    value: it.Value


@dataclass(frozen=True)
class ParamValue:
    """'with 50% mix' after add: a value and the param it sets."""

    value: it.Value
    words: it.Words


def unit_value(value):
    if isinstance(value, Token):          # a unit alone: "up an octave"
        return it.Value("unit", str(value), value.start_pos, None, str(value))
    return value
