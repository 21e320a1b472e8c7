"""Fuzz: random text and mutated valid phrases give messages or a LanguageError, nothing else."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronus_shell.language import LanguageError, Translator

from .phrase_table import load_table

PHRASES = sorted({case.line for block in load_table() for case in block.cases})
SETUP = ["add a saw at 110 hz", "add acid filter at 800hz", "add a delay", "lfo on the cutoff",
         "play x..x on kick"]
ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def translate_safely(translator: Translator, line: str) -> None:
    try:
        messages = translator.translate(line)
    except LanguageError as err:
        assert str(err) and "\n" not in str(err)
        assert err.column is None or 0 <= err.column <= len(line)
        err.render()
        return
    assert all(m.address.startswith("/") for m in messages)


def fresh() -> Translator:
    translator = Translator()
    for line in SETUP:
        translator.translate(line)
    return translator


@FUZZ
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_random_text(line):
    translate_safely(fresh(), line)


@FUZZ
@given(st.sampled_from(PHRASES), st.integers(0, 80), st.integers(0, 80),
       st.text(alphabet=st.sampled_from("abcxyz019 .#%-'/k"), max_size=6))
def test_mutated_phrases(phrase, cut, insert_at, junk):
    mutated = phrase[:insert_at] + junk + phrase[insert_at:]
    translate_safely(fresh(), mutated[:cut] + mutated[cut + 1:])


@FUZZ
@given(st.lists(st.sampled_from(PHRASES + ["undo"] * 10), max_size=12))
def test_phrase_sequences_in_one_context(lines):
    translator = Translator()
    for line in lines:
        translate_safely(translator, line)


@FUZZ
@given(st.lists(st.sampled_from(PHRASES).map(str.split), min_size=2, max_size=3))
def test_spliced_phrases(parts):
    words = [w for part in parts for w in part[: len(part) // 2 + 1]]
    translate_safely(fresh(), " ".join(words))
