"""Session 45 (lead): a rhythm moved under notes a hit each keeps them heard, a part that comes in after some bars is
muted until then, 'back it off', 'open it back up' after a sweep, a key corrected on the next line, a pace word after
a tempo said as a number, a band's tuning, session and take names said in Spanish, Portuguese and French."""
from __future__ import annotations

import pytest

from chronus_shell.language.chord_rhythms import restruck, struck_on_each_hit

from .test_lead_s39 import DRUMS, PAD
from .test_time_harmony_classes import echo, last, refused

SKANK = (*PAD, "/seq/add skank triangle1 ....x.......x...", "/seq/notes skank . . . . a3+c4+e4 . . . . . . . a3+c4+e4 . . .")
CHORD = ". . a3+c4+e4 . . . a3+c4+e4 . . . a3+c4+e4 . . . a3+c4+e4 ."


def test_a_new_rhythm_under_chords_on_their_hits_strikes_each_new_hit():
    """'skank on the off beat' moved the hits onto the rests between the chords: the part went silent."""
    assert last(*SKANK, "skank on the off beat") == ["/seq/add skank triangle1 ..x...x...x...x.", f"/seq/notes skank {CHORD}"]


def test_each_hit_plays_the_note_of_its_span():
    notes = ("a1", ".", ".", ".", ".", ".", ".", ".", "c2", ".", ".", ".", ".", ".", ".", ".")
    assert struck_on_each_hit(notes, "x.......x.......", "x...x...x...x...") == \
        ("x...x...x...x...", ["a1", ".", ".", ".", "a1", ".", ".", ".", "c2", ".", ".", ".", "c2", ".", ".", "."])
    assert struck_on_each_hit(notes, "x.......x.......", "x.......x.......") is None     # the same rhythm: nothing moves
    assert struck_on_each_hit(("a1", "-", "c2", "-"), "x.x.", "xxxx") is None             # held notes: restruck's
    assert restruck(("a3+c4", "-", "-", "-", "d3+f4", "-", "-", "-"), "x...x...", "x.x.x.x.") == \
        ("x.x.x.x.", ["a3+c4", "-", "-", "-", "d3+f4", "-", "-", "-"])                   # (its behaviour kept)


LEAD = (*DRUMS, "/patch/create square1 square", "/patch/connect square1 master", "/mod/square1/gain 0.3",
        "/seq/add lead square1 x...x...x...x...", "/seq/notes lead e5 . . . g5 . . . b5 . . . a5 . . .")


@pytest.mark.parametrize("phrase, said", [
    ("bring the lead in after 4 bars", ["/seq/mute lead 1 4"]),          # it played on, then faded in again at bar 4
    ("the lead comes in after 2 bars", ["/seq/mute lead 1 2"]),
    ("lead waits 2 bars then comes in", ["/seq/mute lead 1 2"]),
    ("the drums come in after 8 bars", ["/seq/mute kick 1 8", "/seq/mute snare 1 8", "/seq/mute hats 1 8"]),
])
def test_a_part_that_comes_in_after_some_bars_is_muted_until_then(phrase, said):
    made = last(*LEAD, phrase)
    assert [m for m in made if m.startswith("/seq/mute")] == said


GUITARS = (*DRUMS, "/patch/create saw1 saw", "/patch/create distortion1 distortion", "/patch/connect saw1 distortion1",
           "/patch/connect distortion1 master", "/mod/distortion1/drive 20", "/mod/saw1/gain 0.5",
           "/seq/add riff saw1 x.x.x.x.x.x.x.x.", "/seq/notes riff e2 . e2 . g2 . e2 . a#2 . a2 . e2 . g2 .",
           "/patch/create square1 square", "/patch/connect square1 master", "/seq/add lead square1 x...x...x...x...",
           "/seq/notes lead e5 . . . g5 . . . b5 . . . a5 . . .", "saw is my rhythm guitar", "square is the lead guitar")


def test_back_it_off_is_less_never_a_mute():
    """'too much gain, back it off' muted the riff ('it off')."""
    assert last(*GUITARS, "distortion1 drive 25", "back it off") == ["/mod/distortion1/drive 20.1"]
    assert last(*GUITARS, "distortion1 drive 25", "too much drive, back it off") == ["/mod/distortion1/drive 20.1"]


def test_a_two_word_instrument_name_is_a_label_and_a_guitars_bare_gain_is_asked():
    assert last(*GUITARS, "rhythm guitar -3db") == ["/mod/saw1/gain 0.353973"]
    assert last(*GUITARS, "rhythm hard left, lead hard right") == ["/mod/saw1/pan -1.0", "/mod/square1/pan 1.0"]
    said = refused(*GUITARS, "saw1 gain 0.5", "more gain")          # (the saw in focus: its level went up)
    assert "distortion1's drive" in said and "saw1's level" in said


def test_tuning_down_with_no_part_moves_the_band():
    """'tune down a whole step' moved the part in focus alone (the lead a tone below the riff)."""
    made = last(*GUITARS, "tune down a whole step")
    assert "/seq/notes riff d2 . d2 . f2 . d2 . g#2 . g2 . d2 . f2 ." in made   # (no key said: spelt as written)
    assert "/seq/notes lead d5 . . . f5 . . . a5 . . . g5 . . ." in made
    assert last(*GUITARS, "tune the lead down a whole step")[-1].startswith("/seq/notes lead d5")
    assert last("/patch/create saw1 saw", "/patch/connect saw1 master", "tune up 20 cents") == ["/mod/saw1/detune 20.0"]


SWEPT = ("/patch/create saw1 saw", "/patch/create filter1 filter", "/patch/connect saw1 filter1",
         "/patch/connect filter1 master", "/mod/filter1/cutoff 800", "saw is the bass", "bass filter down to 400 over 4 bars")


def test_open_it_back_up_after_a_sweep_goes_back_to_where_it_started():
    """'and open it back up in 2 bars' went a step up from 400 (476 Hz), not back to 800."""
    assert last(*SWEPT, "and open it back up in 2 bars") == ["/ramp/filter1/cutoff 800.0 8"]
    assert last(*SWEPT, "open it back up") == ["/mod/filter1/cutoff 800.0"]
    assert last(*SWEPT, "open it up") == ["/mod/filter1/cutoff 475.682846"]      # a step on, as before
    assert last(*SWEPT, "cutoff back down") == ["/mod/filter1/cutoff 336.358566"]   # (it went down: no way back down)


@pytest.mark.parametrize("before, phrase, key", [
    ("key of A for the next tune", "no wait, D", "d major"),
    ("key of G major for the next song", "sorry I mean F major", "f major"),
    ("key G major", "no, D minor", "d minor"),
])
def test_a_key_corrected_on_the_next_line(before, phrase, key):
    assert last(*DRUMS, before, phrase) == [f"/seq/key {key}"]


@pytest.mark.parametrize("phrase, bpm", [("tempo 66... não, 63", 63), ("tempo 128... 아니 127", 127),
                                         ("tempo 100... nahi, 98", 98), ("tempo 100, nope 98", 98)])
def test_a_correction_mid_line_in_other_languages(phrase, bpm):
    assert last(*DRUMS, phrase) == [f"/seq/bpm {bpm}.0"]


@pytest.mark.parametrize("phrase, said", [
    ("tempo 80 over 8 bars, slow for the sad part", ["/seq/bpm 80.0 ramp 32"]),   # then 75 bpm
    ("tempo 80, slow for the sad part", ["/seq/bpm 80.0"]),
    ("slow down to 80, nice and slow", ["/seq/bpm 80.0"]),
])
def test_a_pace_word_after_a_tempo_said_as_a_number_is_a_remark(phrase, said):
    assert last(*DRUMS, "/seq/bpm 92", phrase) == said
    assert "a remark" in echo(*DRUMS, "/seq/bpm 92", phrase)


@pytest.mark.parametrize("phrase, said", [
    ("carga la sesion de ayer, cumbia_rebajada", "/session/load cumbia_rebajada"),   # loaded 'la sesion the ayer'
    ("save la session en paris_nuit", "/session/save paris_nuit"),
    ("guarda la sesión: noche_3", "/session/save noche_3"),
    ("gravar, nome: fado_da_saudade", "/record/start fado_da_saudade.wav"),         # a take with no name
    ("grabar, nombre: toma_1", "/record/start toma_1.wav"),
])
def test_names_said_apart_in_other_languages(phrase, said):
    assert last(*DRUMS, phrase) == [said]


def test_a_session_said_without_its_name_is_asked():
    assert "which session" in refused(*DRUMS, "carga la sesion de ayer")
