"""A pattern typed inside a sentence (session 21, pattern_sentences.py): one pattern, one part, words that only
describe it — read as '<part> <pattern>'; anything asking for more is left to the grammar."""
import pytest

from chronus_shell.language.errors import LanguageError

from .test_time_harmony_classes import ACID, DRUMS, last


@pytest.mark.parametrize("phrase, expected", [
    ("hats on x.x.xx.x.x.x.xx. proper skippy", "/seq/add hats hat1 x.x.xx.x.x.x.xx."),
    ("tamborzão on the kick: x..x..x...x..x..", "/seq/add kick kick1 x..x..x...x..x.."),
    ("hats x.x.x.x.x.x.xx*3x with the roll", "/seq/add hats hat1 x.x.x.x.x.x.xx*3x"),
])
def test_a_pattern_with_words_about_it_plays_on_its_part(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


def test_the_part_after_on_is_where_it_goes():
    assert last(*ACID, "808 pattern x..x..x...x.x... on the bass") == ["/seq/add bass saw1 x..x..x...x.x..."]


@pytest.mark.parametrize("phrase", ["snare fill: ....x.......x*4 x x x", "kick x... 3 times"])   # ('snare x...x... louder':
# both done, test_lang_s34_families.py)
def test_words_that_ask_for_more_or_stray_steps_are_refused(phrase):
    with pytest.raises(LanguageError):
        last(*DRUMS, phrase)


def test_two_parts_named_is_asked_and_a_plain_refused_form_is_not_read_again():
    with pytest.raises(LanguageError):
        last(*DRUMS, "kick x..x..x. on the snare")
    with pytest.raises(LanguageError):                  # ('chords x...' recursed without end)
        last("add a triangle", "chords g c d", "chords x...")
