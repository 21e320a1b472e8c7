"""Session 37: a value set apart after a hedged or polite line ('Would you slow it down a hair? 100.', 'Could the
piano sit a little to the left? Say 20.', 'Largo. 50.') is the value the line asks for; a number that cannot be
one (a tempo on the wrong side) is still refused or asked."""
import pytest

from chronus_shell.language import LanguageError

from .test_phrasing_classes import last

BAND = ("add a triangle", "the triangle is the piano", "add a kick", "/seq/bpm 104", "/seq/add kick kick1 x...x...x...x...")


@pytest.mark.parametrize("phrase, expected", [
    ("Would you slow it down a hair? 100.", ["/seq/bpm 100.0"]),
    ("Could you speed it up a touch? 110.", ["/seq/bpm 110.0"]),
    ("slow it down, 100", ["/seq/bpm 100.0"]),
])
def test_a_tempo_set_apart_after_a_hedged_way_is_the_tempo(phrase, expected):
    assert last(*BAND, phrase) == expected


def test_a_tempo_on_the_wrong_side_is_still_refused():
    with pytest.raises(LanguageError):
        last(*BAND, "Would you slow it down a hair? 200.")


@pytest.mark.parametrize("phrase, expected", [
    ("Could the piano sit a little to the left? Say 20.", ["/mod/triangle1/pan -0.2"]),
    ("piano left. 40", ["/mod/triangle1/pan -0.4"]),
    ("kick left 20", ["/mod/kick1/pan -0.2"]),
])
def test_a_side_with_how_far_set_apart_is_a_pan(phrase, expected):
    assert last(*BAND, phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("Largo. 50.", ["/seq/bpm 50.0"]),
    ("Largo 50", ["/seq/bpm 50.0"]),
    ("Presto! 170", ["/seq/bpm 170.0"]),
])
def test_a_tempo_marking_with_its_number_is_that_tempo(phrase, expected):
    assert last(*BAND, phrase) == expected

