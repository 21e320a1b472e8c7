"""A score's Italian for tempo, loudness and touch (session 21, score_terms.py): each read only where it is the
whole instruction, said back in the echo."""
import pytest

from chronus_shell.language.score_terms import score_terms

from .test_time_harmony_classes import ACID, DRUMS, PAD, last

SHORT = ["/mod/adsr1/sustain 0.6", "/mod/adsr1/release 168.179283"]
LONG = ["/mod/adsr1/sustain 0.8", "/mod/adsr1/release 237.841423"]


@pytest.mark.parametrize("phrase, expected", [
    ("staccato", SHORT), ("pizzicato please", SHORT), ("shorter notes", SHORT), ("the notes shorter", SHORT),
    ("arco again, legato", LONG), ("legato please, the notes should connect", LONG), ("longer notes please", LONG),
])
def test_a_touch_is_the_envelopes_sustain_and_release(phrase, expected):
    assert last(*ACID, phrase) == expected


@pytest.mark.parametrize("phrase, bpm", [("poco più mosso", "125.0"), ("meno mosso", "115.0"), ("♩ = 96, please", "96.0"),
                                         ("quarter note = 96", "96.0"), ("M.M. 72", "72.0")])
def test_tempo_words_and_a_metronome_mark(phrase, bpm):
    assert last(*DRUMS, phrase) == [f"/seq/bpm {bpm}"]


def test_a_metronome_mark_keeps_its_timing():
    assert last(*DRUMS, "♩= 60 from the next bar") == ["/at 1 bar /seq/bpm 60.0"]


def test_piu_piano_is_quieter_and_poco_a_poco_is_gradual():
    assert last(*DRUMS, "the hi-hat, più piano") == ["/mod/hat1/gain 0.7"]
    assert last(*DRUMS, "crescendo poco a poco over 8 bars") == last(*DRUMS, "crescendo over 8 bars")


def test_tutti_brings_every_part_back_and_con_sordino_is_darker():
    assert last(*DRUMS, "mute the kick", "mute the snare", "tutti") == ["/seq/mute kick 0", "/seq/mute snare 0"]
    assert last(*PAD, "con sordino")[0].startswith("/mod/filter1/cutoff")


@pytest.mark.parametrize("line", ["shorter", "short decay", "longer release", "legato on the bass track please now",
                                  "sul ponticello", "add a piano", "mosso"])
def test_words_that_are_not_a_whole_term_are_left_to_the_grammar(line):
    assert score_terms(line) is None


def test_the_echo_says_the_term():
    said, text = score_terms("staccato")
    assert said == "staccato → less sustain and shorter release" and text == "less sustain and shorter release"


def test_q_equals_a_number_is_still_a_filters_q():
    assert last(*PAD, "q = 4") == ["/mod/filter1/q 4.0"]


@pytest.mark.parametrize("line", ["smoother", "marcato", "connect"])
def test_words_that_are_not_a_touch_are_not_read_as_one(line):
    assert score_terms(line) is None
