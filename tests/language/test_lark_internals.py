"""The language's uses of Lark internals (grammar.parsed_values, lark_letters' lexer) and the public
parts it builds on: a Lark upgrade fails here first, with what to check, before it fails somewhere obscure."""
import inspect

import lark
import pytest
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedToken
from lark.lexer import BasicLexer

from chronus_shell.language import intents as it
from chronus_shell.language.errors import LanguageError
from chronus_shell.language.grammar import _record_intensity, accepted_terminals, grammar_parser, grammar_source, parsed_values
from chronus_shell.language.grammar_template import filled
from chronus_shell.language.lark_letters import LetterContextualLexer
from chronus_shell.language.parser import parse

from .phrase_table import TABLE, load_table

#: The Lark release grammar.parsed_values (ParserState.value_stack),
#: grammar._parse_keywords_as_names (InteractiveParser.iter_parse/copy/feed_token) and
#: lark_letters (BasicLexer._build_scanner restated, Scanner's attributes) were checked with.
TESTED_LARK = "1.3.1"


def test_lark_is_the_release_the_internals_were_checked_with():
    assert lark.__version__ == TESTED_LARK, (
        f"Lark {lark.__version__} is not {TESTED_LARK}: check grammar.parsed_values still reads what the "
        "parser took (ParserState.value_stack), the keyword-as-name retry still works, and "
        "lark_letters._LetterLexer._build_scanner still says what BasicLexer._build_scanner does (this "
        "file), then set TESTED_LARK")


def test_parsed_values_are_what_the_parser_took_before_it_stopped():
    with pytest.raises(UnexpectedToken) as caught:
        grammar_parser().parse("undo undo")
    values = parsed_values(caught.value.interactive_parser)
    assert isinstance(values, list) and values
    assert all(isinstance(v, (Tree, Token)) for v in values)
    assert any(isinstance(v, Token) and v.lower() == "undo" for v in values)


def test_a_whole_command_then_a_word_says_the_command_ended():
    with pytest.raises(LanguageError) as caught:
        parse("undo undo")
    assert str(caught.value) == "didn't expect 'undo' here (expected the end of the command)"


def test_a_keyword_where_only_a_name_fits_is_read_as_a_name():
    assert parse("remove the last one") == it.RemoveModule(
        it.Words((it.Word("last", 11), it.Word("one", 16))))


def test_the_interactive_parser_has_the_public_steps_the_retry_uses():
    parser = grammar_parser().parse_interactive("undo")
    for step in ("iter_parse", "copy", "feed_token", "feed_eof", "accepts"):
        assert callable(getattr(parser, step, None)), f"InteractiveParser.{step} is gone"


def test_the_letter_lexer_reads_every_phrase_as_lark_s_own_lexer_does():
    """lark_letters only skips terminals that cannot start with the letter: the same trees and errors."""
    assert isinstance(grammar_parser().parser.lexer, LetterContextualLexer)
    plain = Lark(filled(grammar_source()), parser="lalr", lexer="contextual", propagate_positions=False,
                 lexer_callbacks={"INTENSITY": _record_intensity}, cache=False)  # never the shell's cache file

    def shape(node):
        """A tree as plain data: a rule's name is a Token when Lark built the grammar and a str when
        it loaded it from its cache file — which of the two each parser did must not matter."""
        if isinstance(node, Tree):
            return str(node.data), [shape(child) for child in node.children]
        return node.type, str(node), node.start_pos

    def read(parser, line):
        try:
            return shape(parser.parse(line))
        except lark.exceptions.UnexpectedInput as err:    # what was expected: a set, in no fixed order
            expected = getattr(err, "expected", None) or getattr(err, "allowed", None) or ()
            return type(err).__name__, err.line, err.column, repr(getattr(err, "token", None)), sorted(expected)
    lines = [case.line for block in load_table(TABLE) for case in block.cases] + ["ſaw 110 hz", "Ünïcode", "cutoff ½"]
    assert [read(grammar_parser(), line) for line in lines] == [read(plain, line) for line in lines]


def test_the_restated_build_scanner_is_lark_s():
    body = inspect.getsource(BasicLexer._build_scanner)
    assert "_create_unless(self.terminals" in body and "CallChain(self.callback[type_], f" in body
    assert body.rstrip().endswith("return Scanner(terminals, self.g_regex_flags, self.re, self.use_bytes)")


def test_the_terminals_accepted_are_lark_s_own_at_every_stop_and_every_step():
    """grammar.accepted_terminals (the parser's stack of states alone) says what InteractiveParser.accepts
    says, where a line stops and after each token of a line that parses."""
    lines = [case.line for block in load_table(TABLE) for case in block.cases]
    compared = 0
    for line in lines:
        try:
            grammar_parser().parse(line)
        except UnexpectedToken as err:
            if err.interactive_parser is not None:
                assert accepted_terminals(err.interactive_parser) == set(err.interactive_parser.accepts()), line
                compared += 1
        except lark.exceptions.UnexpectedInput:
            pass
    for line in lines[:200]:
        parser = grammar_parser().parse_interactive(line)
        try:
            for _ in parser.iter_parse():
                assert accepted_terminals(parser) == set(parser.accepts()), line
                compared += 1
        except lark.exceptions.UnexpectedInput:
            pass
    assert compared > 500
