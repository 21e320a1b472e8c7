"""Phrasings a blind live-shell trial got wrong (session 26's second trial), by class: a band's
'take it up' moves the tune, not the voice added last; a swing over quarter notes and held chords
swings the 8ths (jazz), since 16ths there would move nothing."""
import pytest

from .test_time_harmony_classes import echo, last

#: A jazz trio's start: a ii-V-I held a bar each on a triangle, a walking line on a sine.
TRIO = ("tempo 140", "add a triangle", "loop a ii-V-I in Bb, 7th chords, a bar each", "add a sine for the bass",
        "sine notes c2 d2 eb2 e2 f2 a2 c3 eb3 bb1 c2 d2 f2 in quarter notes")
SWUNG = (*TRIO, "swing it", "more swing")


@pytest.mark.parametrize("phrase", ["take it up a half step", "take it up a semitone", "take this up a half step",
                                    "take it down a whole step"])
def test_take_it_up_after_a_swing_moves_every_note_track(phrase):
    out = last(*SWUNG, phrase)
    assert [m.split()[1] for m in out if m.startswith("/seq/notes")] == ["chords", "sine"]
    assert "every note track" in echo(*SWUNG, phrase)


def test_take_it_up_right_after_the_notes_moves_those_notes():
    out = last(*TRIO, "take it up a half step")
    assert [m.split()[1] for m in out if m.startswith("/seq/notes")] == ["sine"]


def test_take_it_up_on_a_drone_alone_moves_the_drone():
    assert last(*SWUNG, "add a saw", "take it up a semitone") == ["/mod/saw1/freq 233.081881"]


def test_move_it_up_still_moves_the_voice_in_focus():
    assert last(*SWUNG, "move it up a semitone")[0] == "/mod/sine1/freq 233.081881"
    assert not any(m.startswith("/seq/notes chords") for m in last(*SWUNG, "move it up a semitone"))


@pytest.mark.parametrize("phrase", ["swing it", "add some swing", "swing"])
def test_a_swing_over_quarter_notes_and_held_chords_swings_the_8ths(phrase):
    assert last(*TRIO, phrase)[0].startswith("/seq/swing") and last(*TRIO, phrase)[0].endswith(" 8")
    assert "every second 8th" in echo(*TRIO, phrase)


def test_a_swing_over_16th_hats_still_swings_the_16ths():
    out = last("add hats", "hats x.xxx.xxx.xxx.xx", "swing it")
    assert out[0].startswith("/seq/swing") and not out[0].endswith(" 8")


# -- time said loosely ----------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["fade out 16 bars", "fade out over 16 bars", "fade everything out 16 bars"])
def test_a_fade_length_with_no_word_before_it(phrase):
    assert last("add a saw", phrase) == ["/ramp/master/gain -60.0 64"]


@pytest.mark.parametrize("phrase", ["end it, fade out 8 bars", "stop, fade out over 8 bars", "fade out over 8 bars and stop",
                                    "fade out over 8 bars then stop", "stop. fade out 8 bars"])
def test_a_stop_beside_a_fade_out_comes_when_the_fade_has(phrase):
    assert last("add a saw", phrase)[:2] == ["/ramp/master/gain -60.0 32", "/at 32 beat /seq/stop"]


@pytest.mark.parametrize("phrase, out", [("mute the snare for 8 counts", ["/seq/mute snare 1 2"]),
                                         ("fade out over 2 eights", ["/ramp/master/gain -60.0 16"])])
def test_a_dancers_counts_are_beats_and_an_eight_is_two_bars(phrase, out):
    assert last("add a snare", "snare ....x.......x...", phrase) == out


def test_a_remark_after_a_timed_change_is_left_out_and_said():
    line = "now slow down to 60 over 8 bars, like the tape is dying"
    assert last(line) == ["/seq/bpm 60.0 ramp 32"]
    assert "left out: 'like the tape is dying'" in echo(line)
