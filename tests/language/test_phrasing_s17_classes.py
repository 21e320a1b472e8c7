"""Issue 13, session 17: classes of musicians' phrasing that were refused or did the wrong thing
(each test a family, several wordings of our own): now the right thing, or a clear refusal."""
import pytest

from .test_musicians import refused
from .test_phrasing_classes import DRUMS, PAD, last


@pytest.mark.parametrize("phrase, expected", [
    ("snar quieter", "/mod/snare1/gain 0.7"),          # 'snap' is one letter off too: a letter left out wins
    ("kik quieter", "/mod/kick1/gain 0.7"),            # three letters: a part's name with a letter left out
    ("hts quieter", "/mod/hat1/gain 0.7"),
    ("mute the snre", "/seq/mute snare 1"),
])
def test_a_letter_left_out_of_a_part_name_is_that_part(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase", ["the kick more fat", "hat fst", "kick sad"])
def test_a_short_word_that_is_no_parts_name_is_not_guessed(phrase):
    refused(*DRUMS, phrase)                            # 'fat' is not 'fast'


@pytest.mark.parametrize("phrase, expected", [
    ("snare really loud", "/mod/snare1/gain 0.9"), ("hats very quiet", "/mod/hat1/gain 0.7"),
    ("kick so quiet", "/mod/kick1/gain 0.7"), ("snare more high", "/mod/snare1/tone 214.057281"),
    ("make the hats super bright", "/mod/hat1/tone 9513.65692"),
])
def test_an_intensified_plain_adjective_on_a_part_is_its_comparative(phrase, expected):
    assert last(*DRUMS, "hat tone 8000", phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("kick a lil quieter", "/mod/kick1/gain 0.7"), ("snare abit louder", "/mod/snare1/gain 0.9"),
])
def test_chat_spellings_are_the_words(phrase, expected):
    assert last(*DRUMS, phrase) == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("no swing, house is always straight", ["/seq/swing 0.0"]),
    ("kick quieter, there's a singer tonight", ["/mod/kick1/gain 0.7"]),
    ("less damping, the walls here are glass", ["/mod/reverb1/damp 0.4"]),
    ("switch the delay off, the venue was muddy", ["/mod/delay1/mix 0.0"]),
])
def test_a_remark_after_a_comma_is_left_out(phrase, expected):
    assert last(*(PAD if "delay" in phrase or "damp" in phrase else DRUMS), phrase) == expected


@pytest.mark.parametrize("phrase", ["kick quieter, the snare is too loud", "kick quieter, the snare is on 2 and 4"])
def test_a_statement_that_asks_something_is_never_left_out(phrase):
    messages = last(*DRUMS, phrase)
    assert any("snare" in m for m in messages)
