"""The grammar's structure (grammar/*.lark): each piece written once, priorities as its comment
states, and the word lists it shares with the Python tables naming the same words."""
import re

from chronus_shell.language.grammar import grammar_parser, grammar_source
from chronus_shell.language.grammar_template import VALUE_END, WORD_END
from chronus_shell.language.param_words import COMPARATIVES, QUERY_PARAMS, SEQ_PARAMS
from chronus_shell.language.parser_patch_rules import ADJECTIVES
from chronus_shell.language.units import NUMBER_WORDS

#: Terminals that are not words, so no word end follows them.
_NOT_WORDS = {"NUMBER", "WORD", "WS", "PUNCTUATION", "POSSESSIVE", "QUOTED", "PATH", "SESSION_PATH", "_TO"}


def _terminals():
    return {t.name: t for t in grammar_parser().terminals}


def _regex(name: str) -> str:
    return _terminals()[name].pattern.value


def _alternatives(name: str) -> set[str]:
    """The plain spellings of a keyword terminal: '(a|b c|d)' + the word end → {'a', 'b c', 'd'}."""
    body = _regex(name).removesuffix(WORD_END)
    body = body[1:-1] if body.startswith("(") and body.endswith(")") else body
    parts, depth, current = [], 0, ""
    for char in body:
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return {p for p in parts + [current] if re.fullmatch(r"[a-z' -]+", p)}


def _lexes_as(name: str, text: str) -> bool:
    return re.fullmatch(_regex(name), text, re.I) is not None


def test_the_word_end_is_written_once_and_every_placeholder_is_filled():
    source = grammar_source()
    assert WORD_END not in source and VALUE_END not in source
    filled_regexes = " ".join(t.pattern.value for t in grammar_parser().terminals)
    assert not re.search(r"\{[A-Z_]+\}", filled_regexes)


def test_every_keyword_ends_where_a_word_ends():
    for name, terminal in _terminals().items():
        if name not in _NOT_WORDS and not name.startswith("__"):
            assert terminal.pattern.value.endswith((WORD_END, VALUE_END)), f"{name} has no word end"


def test_priorities_are_the_levels_the_grammar_states():
    stated = {int(level) for level in re.findall(r"^//\s+(\d)\s{2}", grammar_source(), re.M)}
    used = {t.priority for t in grammar_parser().terminals}
    assert used <= stated, f"priorities {sorted(used - stated)} are not in the grammar's priority scheme"


def test_comparatives_are_the_same_words_in_the_grammar_and_the_mapper():
    for word in COMPARATIVES:
        spoken = word.replace("-", " ")
        assert _lexes_as("COMPARATIVE", spoken) or _lexes_as("LOWER", spoken), word
    assert _alternatives("COMPARATIVE") <= set(COMPARATIVES)


def test_adjectives_are_the_same_words_in_the_grammar_and_the_parser():
    assert _alternatives("ADJECTIVE") == set(ADJECTIVES)


def test_tempo_and_swing_words_are_the_sequencer_params():
    assert _alternatives("TEMPO") | _alternatives("SWING") == set(SEQ_PARAMS)


def test_the_questions_the_mapper_answers_are_query_words():
    assert set(QUERY_PARAMS) <= _alternatives("QUERY")


def test_number_words_are_the_units_number_words():
    for word in NUMBER_WORDS:
        assert _lexes_as("NUMWORD", word), word
    assert _lexes_as("NUMWORD", "two hundred and fifty")
