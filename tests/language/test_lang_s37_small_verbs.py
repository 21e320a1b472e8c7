"""Session 37: short verbs of a musician's or a sysadmin's ('shift kick +2', 'release all gates', 'nah too much, back
down', 'straight back to 75', 'delay time 8 beat dot'), read as the commands they stand for."""
import pytest

from chronus_shell.language import LanguageError

from .test_phrasing_classes import last

ACID = ("add a saw", "add an adsr", "connect saw1 to adsr1", "add a delay to saw1", "add a kick", "/seq/bpm 140",
        "/seq/add kick kick1 x...x...x...x...", "/seq/add bass saw1 x.x.x.x.", "/seq/notes bass a1 c2 e2 g2")


@pytest.mark.parametrize("phrase, expected", [
    ("shift kick +2", ["/seq/shift kick 2"]),
    ("nudge the kick -1", ["/seq/shift kick -1"]),
])
def test_a_signed_shift_is_that_many_steps(phrase, expected):
    assert last(*ACID, phrase) == expected


def test_a_signed_move_is_not_read_as_a_shift():
    with pytest.raises(LanguageError):           # ('move the bass +2' may be semitones)
        last(*ACID, "move kick +2")


def test_release_all_lets_every_voice_go():
    assert last("add a triangle", "add a sine", "/gate/triangle1 1 220", "release all gates") == \
        ["/gate/triangle1 0", "/gate/sine1 0"]
    assert last(*ACID, "/gate/saw1 1 110", "release everything") == ["/gate/saw1 0"]


def test_a_complaint_then_back_down_undoes():
    assert "/seq/notes bass a1 c2 e2 g2" in last(*ACID, "bass up an octave", "nah too much, back down")


def test_straight_back_is_back():
    assert last(*ACID, "tempo 120", "nah, straight back to 75") == ["/seq/bpm 75.0"]


def test_a_learners_8_beat_dot_is_a_dotted_eighth():
    assert last(*ACID, "delay time 8 beat dot") == last(*ACID, "delay time dotted eighth")


def test_eight_beats_stay_beats():
    with pytest.raises(LanguageError):           # (eight beats: longer than a delay holds)
        last(*ACID, "delay time 8 beats")
