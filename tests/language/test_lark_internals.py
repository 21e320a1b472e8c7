"""The language's one use of Lark internals (grammar.parsed_values) and the public parts it builds
on: a Lark upgrade fails here first, with what to check, before it fails somewhere obscure."""
import lark
import pytest
from lark import Token, Tree
from lark.exceptions import UnexpectedToken

from chronus_shell.language import intents as it
from chronus_shell.language.errors import LanguageError
from chronus_shell.language.grammar import grammar_parser, parsed_values
from chronus_shell.language.parser import parse

#: The Lark release grammar.parsed_values (ParserState.value_stack) and
#: grammar._parse_keywords_as_names (InteractiveParser.iter_parse/copy/feed_token) were checked with.
TESTED_LARK = "1.3.1"


def test_lark_is_the_release_the_internals_were_checked_with():
    assert lark.__version__ == TESTED_LARK, (
        f"Lark {lark.__version__} is not {TESTED_LARK}: check grammar.parsed_values still reads what the "
        "parser took (ParserState.value_stack) and the keyword-as-name retry still works (this file), "
        "then set TESTED_LARK")


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
