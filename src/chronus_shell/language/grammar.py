"""The Lark parser for grammar/*.lark, and (with lark_letters) the place that reaches into Lark's internals.

Loaded once per process (and the LALR analysis once per grammar version: Lark keeps it in a
file in the temp directory), its placeholders filled by grammar_template. The vocabulary reads
its keywords from here; parser_grammar turns its trees into intents.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from lark import Lark, Token
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.parsers.lalr_analysis import Shift
from lark.parsers.lalr_interactive_parser import InteractiveParser

from .grammar_template import filled
from .lark_letters import PLUGINS

#: INTENSITY tokens ("way", "a lot", "all the way") the lexer saw in the line being parsed: the
#: grammar ignores them, a lexer callback records them here for the relative changes.
INTENSITIES: list[Token] = []


#: The grammar's files in grammar/, joined in this order: the commands, two families, the shared words.
GRAMMAR_FILES = ("chronus.lark", "gear.lark", "stereo.lark", "words.lark")


def grammar_source() -> str:
    """The grammar as written (placeholders, and the `//:` lines docs/commands.md shows), its
    files joined."""
    folder = resources.files("chronus_shell").joinpath("grammar")
    return "\n".join(folder.joinpath(name).read_text(encoding="utf-8") for name in GRAMMAR_FILES)


@lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    """The LALR parser for the grammar (its placeholders filled by grammar_template), built once
    per process; its lexer tries only the terminals that can start with the letter at hand
    (lark_letters: the same tokens, a fraction of the regex work)."""
    return Lark(filled(grammar_source()), parser="lalr", lexer="contextual", propagate_positions=False,
                lexer_callbacks={"INTENSITY": _record_intensity}, cache=True, _plugins=PLUGINS)


def _record_intensity(token: Token) -> Token:
    INTENSITIES.append(token)
    return token


_NOT_NAMES = {"WORD", "NOTE", "NUMBER", "PATTERN", "PATH", "SESSION_PATH", "UNIT"}
_PLAIN_WORD = re.compile(r"[a-zA-Z_][\w\-]*")


def parse_tree(line: str):
    """The parse tree; if a keyword stands where only a name fits, read it as a name and retry."""
    INTENSITIES.clear()
    try:
        return grammar_parser().parse(line)
    except UnexpectedToken as first:
        if first.token.type in ("WORD", "$END"):
            raise
        INTENSITIES.clear()
        try:
            return _parse_keywords_as_names(line)
        except UnexpectedInput:
            raise first from None


def _parse_keywords_as_names(line: str):
    """Token by token: a keyword the parser cannot take here but a name fits becomes a WORD.

    ("remove the last one": LALR merges lookahead sets, so the lexer may read 'one' as a number
    where only a name can follow.) Lark's public InteractiveParser only: `iter_parse` yields each
    token before feeding it, so a copy taken then is the parser just before that token."""
    parser = grammar_parser().parse_interactive(line)
    tokens, last = parser.iter_parse(), None
    token = next(tokens, None)
    while token is not None:
        saved = parser.copy()             # deep: reductions may extend a tree in place
        try:
            following = next(tokens, None)    # feeds `token`, then lexes the next one
        except UnexpectedToken as err:
            if err.token is not token or token.type in _NOT_NAMES or not _PLAIN_WORD.fullmatch(str(token)):
                raise                             # the next token's lexing failed, or no name fits
            parser = saved
            parser.feed_token(Token.new_borrow_pos("WORD", str(token), token))
            tokens = parser.iter_parse()
            following = next(tokens, None)
        last, token = token, following
    return parser.feed_eof(last)


def parsed_values(parser: InteractiveParser) -> list:
    """What the parser has read so far (trees and tokens), for the error message of a line it
    stopped on. Lark has no public way to this: the one use of its internals (ParserState's value
    stack); tests/language/test_lark_internals.py fails first when a Lark upgrade moves it."""
    return parser.parser_state.value_stack


def accepted_terminals(parser: InteractiveParser) -> set[str]:
    """InteractiveParser.accepts(), worked out on the parser's stack of states alone: Lark copies the
    whole parser (its trees too) for each terminal the state lists and feeds it, where the states are
    all that decides (the reductions are those of the table). The other use of Lark's internals
    (ParserState.state_stack, parse_conf), checked in tests/language/test_lark_internals.py."""
    state = parser.parser_state
    conf, stack = state.parse_conf, state.state_stack
    return {terminal for terminal in conf.states[stack[-1]]
            if terminal.isupper() and _taken(conf.states, conf.end_state, list(stack), terminal)}


def _taken(states: dict, end_state, stack: list, terminal: str) -> bool:
    """Whether `terminal` is shifted after the reductions it causes from `stack` — the end of the line
    whether they reach the end state (ParserState.feed_token, its `is_end` for '$END')."""
    while True:
        action = states[stack[-1]].get(terminal)
        if action is None:
            return False
        kind, rule = action
        if kind is Shift:
            return True
        if rule.expansion:
            del stack[-len(rule.expansion):]
        stack.append(states[stack[-1]][rule.origin.name][1])
        if terminal == "$END" and stack[-1] == end_state:
            return True


__all__ = ["grammar_parser", "grammar_source", "parse_tree", "parsed_values", "accepted_terminals", "INTENSITIES"]
