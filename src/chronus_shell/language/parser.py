"""English text → one intent, with Lark (LALR, contextual lexer) and friendly parse errors.

The grammar is packaged data (grammar/chronus.lark) loaded once per process; the Transformer is
thin: one small method per command rule building an intent dataclass, grouped by family in
parser_values, parser_patch_rules, parser_sequencer_rules and parser_shell_rules and joined here
as mixins. Turning a Lark error into words is parser_errors' job.
"""
from __future__ import annotations

import re
from dataclasses import fields, replace
from functools import lru_cache

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedInput, UnexpectedToken, VisitError

from . import intents as it
from .errors import LanguageError
from .parser_errors import parse_error
from .parser_gear_rules import GearRules
from .parser_harmony import harmony_intent
from .parser_patch_rules import ADJECTIVES, PatchRules
from .parser_rhythm_rules import rhythm_intent
from .parser_sequencer_rules import SequencerRules
from .parser_shell_rules import ShellRules
from .parser_stereo_rules import StereoRules
from .parser_values import ValueRules, glue_numeric_names


#: INTENSITY tokens ("way", "a lot", "all the way") the lexer saw in the line being parsed: the
#: grammar ignores them, a lexer callback records them here for the relative changes.
_INTENSITIES: list[Token] = []


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser for grammar/chronus.lark, built once per process (and the LALR analysis
    once per grammar version: Lark keeps it in a file in the temp directory)."""
    return Lark.open_from_package("chronus_shell", "chronus.lark", ("grammar",),
                                  parser="lalr", lexer="contextual", propagate_positions=False,
                                  lexer_callbacks={"INTENSITY": _record_intensity}, cache=True)


def _record_intensity(token: Token) -> Token:
    _INTENSITIES.append(token)
    return token


def _intensity(token: Token) -> str:
    return "edge" if token.lower().replace(" ", "") in ("alltheway", "fully", "completely") else "big"


def _has_field(intent, name: str) -> bool:
    return any(f.name == name for f in fields(intent))


class _ToIntent(ValueRules, PatchRules, SequencerRules, ShellRules, GearRules, StereoRules, Transformer):
    """Parse tree → intent. Keyword tokens arrive as children; values and words as dataclasses.

    Methods take the children inline; the dispatch is resolved once (no per-call wrappers) and
    tokens are not visited: the hot path of every command."""

    __visit_tokens__ = False

    def __init__(self):
        super().__init__(visit_tokens=False)
        self._methods: dict[str, object] = {}

    def _call_userfunc(self, tree, new_children=None):
        children = new_children if new_children is not None else tree.children
        method = self._methods.get(tree.data)
        if method is None:
            method = getattr(self, tree.data, None)
            if method is None:
                return self.__default__(tree.data, children, tree.meta)
            self._methods[tree.data] = method
        try:
            return method(*children)
        except LanguageError:
            raise
        except Exception as err:
            raise VisitError(tree.data, tree, err) from err

    def start(self, *children):
        """Intents in order; "now" after a command sets its `now`; intensities go to their command."""
        items: list = []
        bounds: list[int] = []           # where each command after a separator starts
        for child in children:
            if isinstance(child, Token):
                if child.type == "NOW" and items and _has_field(items[-1][0], "now"):
                    items[-1] = (replace(items[-1][0], now=True), items[-1][1])
                elif child.type == "SEP" and items:
                    bounds.append(child.start_pos)
                continue
            items.append((child, len(bounds)))
        segments = {}
        for token in _INTENSITIES:
            segment = sum(1 for b in bounds if b < token.start_pos)
            segments.setdefault(segment, _intensity(token))
        intents = []
        for intent, segment in items:
            if segment in segments and _has_field(intent, "intensity"):
                intent = replace(intent, intensity=segments[segment])
            intents.append(intent)
        return intents[0] if len(intents) == 1 else it.Sequence(tuple(intents))


_TRANSFORMER = _ToIntent()


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
    return rhythm if rhythm is not None else _parse(line)


def parse_plain(line: str):
    """A line read by the grammar alone (the parts of a harmony line that are not harmony)."""
    return _parse(line)


def _parse(line: str):
    _INTENSITIES.clear()
    try:
        return _TRANSFORMER.transform(_parse_tree(glue_numeric_names(line)))
    except UnexpectedInput as err:
        raise parse_error(line, err) from None
    except VisitError as err:                     # a value the grammar took but cannot be read
        if isinstance(err.orig_exc, LanguageError):
            raise err.orig_exc from None
        raise LanguageError(f"I can't read that: {err.orig_exc}", 0, (), line) from None


_NOT_NAMES = {"WORD", "NOTE", "NUMBER", "PATTERN", "PATH", "SESSION_PATH", "UNIT"}
_PLAIN_WORD = re.compile(r"[a-zA-Z_][\w\-]*")


def _parse_tree(line: str):
    """The parse tree; if a keyword stands where only a name fits, read it as a name and retry."""
    try:
        return grammar_parser().parse(line)
    except UnexpectedToken as first:
        if first.token.type in ("WORD", "$END"):
            raise
        _INTENSITIES.clear()
        try:
            return _parse_keywords_as_names(line)
        except UnexpectedInput:
            raise first from None


def _parse_keywords_as_names(line: str):
    """Token by token: a keyword the parser cannot take here but a name fits becomes a WORD.

    ("remove the last one": LALR merges lookahead sets, so the lexer may read 'one' as a number
    where only a name can follow.)"""
    parser = grammar_parser().parse_interactive(line)
    state = parser.parser_state
    last = None
    for token in parser.lexer_thread.lex(state):
        saved = state.copy()              # deep: reductions may extend a tree in place
        try:
            state.feed_token(token)
        except UnexpectedToken:
            if token.type in _NOT_NAMES or not _PLAIN_WORD.fullmatch(str(token)):
                raise
            state.state_stack[:], state.value_stack[:] = saved.state_stack, saved.value_stack
            state.feed_token(Token.new_borrow_pos("WORD", str(token), token))
        last = token
    return parser.feed_eof(last)


__all__ = ["parse", "grammar_parser", "ADJECTIVES"]
