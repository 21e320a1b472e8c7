"""Every refusal of a dev-set phrase is one line in the musician's words: never the grammar's own —
its terminals ('centre', 'adjective', 'patname'), its rules, or the parser's 'expected …' lists
(a refusal gives the place the line stopped making sense and the nearest phrasing, plain_refusals.py)."""
import re
from functools import lru_cache

import pytest

from chronus_shell.language import LanguageError, Translator
from chronus_shell.language.grammar import grammar_parser

#: The parser's and Lark's own words: in a refusal they say the grammar, not the music.
_PARSER_WORDS = re.compile(r"\bexpected\b|incomplete command|\$END|\btoken\b|\bterminal\b|\blark\b|\bTree\(", re.I)


@lru_cache(maxsize=1)
def _grammar_names() -> frozenset[str]:
    """The grammar's names for its parts, as a refusal would quote them: a terminal's name that is no
    word it reads ('patname', 'adjective'; 'start' is the word 'start'), and its rules' ('param_value')."""
    parser = grammar_parser()
    names = {t.name.lstrip("_").lower() for t in parser.terminals
             if not re.fullmatch(t.pattern.to_regexp(), t.name.lstrip("_").lower())}
    names |= {str(rule.origin.name).lstrip("_?").lower() for rule in parser.rules if "_" in str(rule.origin.name).strip("_?")}
    return frozenset(names)


def leaks(refusal: str, line: str) -> list[str]:
    """What of the grammar a refusal says: parser words, and quoted terminal or rule names the line has not."""
    found = _PARSER_WORDS.findall(refusal)
    typed = line.lower()
    found += [q for q in re.findall(r"'([^']+)'", refusal) if q.lower() in _grammar_names() and q.lower() not in typed]
    return found + (["two lines"] if "\n" in refusal else [])


def speaking_the_grammar(results) -> list[tuple[str, str]]:
    """(phrase, refusal) of the scored dev-set cases whose refusal speaks the grammar or is not one line
    (test_corpus.py checks every dev set with it, on the results it scores anyway)."""
    return [(r.case["phrase"], r.error) for r in results if r.error and leaks(r.error, r.case["phrase"])]


@pytest.mark.parametrize("line, said", [
    ("add", "'add' needs more to be a command — a phrasing I know: 'add a 303'"),
    ("connect saw1", "'connect saw1' needs more to be a command — a phrasing I know: 'connect saw1 to delay1'"),
    ("tempo 128 bpm saw", "I can read 'tempo 128 bpm' but not 'saw' after it ('help' lists what I know, 'help <area>' more)"),
    ("@#$%", "I can't read a command starting '@#$%' ('help' lists what I know, 'help <area>' more)"),
])
def test_a_parser_refusal_says_where_the_line_stopped_and_a_phrasing_that_works(line, said):
    with pytest.raises(LanguageError) as caught:
        Translator().translate(line)
    assert str(caught.value) == said and not leaks(said, line)


def test_a_hint_never_points_at_another_part_nor_throws_anything_away():
    """'acid 2 octaves down' was offered 'delete acid_filter1'; 'play it a little faster', 'play the kick on
    every beat': a phrasing that names what the line did not, or deletes, is no hint."""
    translator = Translator()
    for line in ("add a saw", "add acid filter"):
        translator.translate(line)
    for line in ("acid 2 octaves down", "Please play it a little faster, perhaps by ten beats per minute."):
        with pytest.raises(LanguageError) as caught:
            translator.translate(line)
        assert "delete" not in str(caught.value) and "kick" not in str(caught.value), line
