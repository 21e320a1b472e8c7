"""English text → one intent: harmony and rhythm phrases first, then the grammar.

Chord symbols and bare note letters are plain words to the grammar, so parser_harmony reads
harmony lines before it, and parser_rhythm_rules the rhythm phrases (euclid counts, chance…);
every other line goes to the grammar (parser_grammar, over the Lark parser of grammar.py).
"""
from __future__ import annotations

import re

from . import intents as it
from .errors import LanguageError
from .grammar import grammar_parser
from .parser_grammar import parse_plain
from .parser_harmony import harmony_intent
from .parser_patch_rules import ADJECTIVES
from .parser_rhythm_rules import rhythm_intent


_YES_NO_QUESTION = re.compile(r"\s*(is|are|am|was|were|does|do|did|isn'?t|aren'?t|doesn'?t|don'?t)\s", re.I)
_ASKS = re.compile(r"\s*(what|how|help|tell|show|list|which|who|where|why|\?)", re.I)


def as_question(line: str) -> str | None:
    """'cutoff?' → 'what is cutoff': a line ending in '?' that is not a command asks for a value."""
    stripped = line.rstrip()
    if stripped.endswith("?") and not _ASKS.match(stripped) and not _YES_NO_QUESTION.match(stripped):
        return "what is " + stripped.rstrip("?")
    return None


def parse(line: str):
    """One line of English → an intent, or LanguageError with a caret column and suggestions.

    A yes/no question ("is the saw on?") is refused: read as a command it would change the patch
    ("the saw on" unmutes)."""
    harmony = harmony_intent(line)              # 'Am F C G': chords, not the question 'am …'
    if harmony is not None:
        return harmony
    if _YES_NO_QUESTION.match(line):
        raise LanguageError("that is a yes/no question, and a question changes nothing here: ask "
                            "'what is the saw gain', 'what is playing' or 'status'", 0)
    rhythm = rhythm_intent(line)                 # "kick 3 hits over 8", "hats 50% of the time"
    if rhythm is None and (area := _HELP_AREA.fullmatch(line.strip())) and area["area"].lower() in help_areas():
        return it.ShellVerb("help", it.Words((it.Word(area["area"].lower(), area.start("area")),)), 0)   # ('sound':
    return rhythm if rhythm is not None else parse_plain(line)    # a word the grammar passes over elsewhere)


_HELP_AREA = re.compile(r"help\s+(?:with\s+|on\s+)?(?P<area>[\w-]+)[\s.!?]*", re.I)


def help_areas() -> frozenset[str]:
    from .command_forms import form_areas         # (the areas are the grammar's: read once it is built)
    return frozenset(name for name, _, _ in form_areas())


__all__ = ["parse", "parse_plain", "as_question", "grammar_parser", "ADJECTIVES"]
