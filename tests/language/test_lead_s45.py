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
    assert last(*GUITARS, "rhythm guitar hard left, lead hard right") == ["/mod/saw1/pan -1.0", "/mod/square1/pan 1.0"]
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


KIT = (*DRUMS, "/seq/start", "/mod/kick1/gain 0.7", "/mod/snare1/gain 0.6")


@pytest.mark.parametrize("before, phrase, said", [
    ((), "hold up, stop", ["/seq/stop"]),
    ((), "Pause the music please", ["/seq/stop"]),
    ((), "end it: fade out over 4 bars and stop", ["/ramp/master/gain -60.0 16", "/at 16 beat /seq/stop"]),
    ((), "everybody out over 8 bars then stop", ["/ramp/master/gain -60.0 32", "/at 32 beat /seq/stop"]),
    ((), "everything stops at bar 9, big ending", ["/at 8 bar /seq/stop"]),
    ((), "hats 16ths but only 60% chance", ["/seq/add hats hat1 xxxxxxxxxxxxxxxx", "/seq/chance hats 0.6"]),
    ((), "hats in 16ths, 60% chance", ["/seq/add hats hat1 xxxxxxxxxxxxxxxx", "/seq/chance hats 0.6"]),   # (16ths dropped)
    (("tempo 132",), "speed her up to 150 over 16 bars", ["/seq/bpm 150.0 ramp 64"]),
    (("tempo 132",), "whoa, back to how she was", ["/seq/bpm 120.0"]),
    (("kick and snare down 2 db",), "put them back", ["/mod/snare1/gain 0.6", "/mod/kick1/gain 0.7"]),
    (("kick and snare -2",), "same again", ["/mod/kick1/gain 0.44167", "/mod/snare1/gain 0.378574"]),   # (the snare alone)
])
def test_a_band_leaders_turns(before, phrase, said):
    assert last(*KIT, "/seq/bpm 120", *before, phrase) == said


def test_end_it_beside_a_fade_is_still_a_stop():
    assert last("add a saw", "end it, fade out 8 bars")[:2] == ["/ramp/master/gain -60.0 32", "/at 32 beat /seq/stop"]


@pytest.mark.parametrize("phrase, said", [
    ("bring the delay in after 4 bars", "/at 4 bar /ramp/delay1/mix 0.3 16"),   # an effect comes in: never its part muted
    ("tempo 80, slowly", "/seq/bpm 80.0 ramp 16"),                              # how to get there: a glide
    ("kick back it off", None),                                                 # (refused: never the kick muted)
    ("tune up 2", "/mod/square1/detune 2.0"),                                   # a bare number: cents, as before
])
def test_what_the_review_found(phrase, said):
    setup = (*LEAD, "/patch/create delay1 delay", "/patch/disconnect square1 master", "/patch/connect square1 delay1",
             "/patch/connect delay1 master", "/mod/delay1/mix 0.3", "/seq/bpm 92", "the square is the lead")
    if said is None:
        assert refused(*setup, phrase)
    else:
        assert said in last(*setup, phrase)


def test_back_after_a_sweep_only_when_said_right_after_it_with_no_amount():
    assert last(*SWEPT, "bring the cutoff back up a bit") == ["/mod/filter1/cutoff 475.682846"]
    assert last(*SWEPT, "open it back up a little") == ["/mod/filter1/cutoff 475.682846"]
    assert last(*SWEPT, "cutoff 300", "open it back up") == ["/mod/filter1/cutoff 356.762135"]   # set since: a step


def test_what_a_part_plays_names_none():
    assert last(*GUITARS, "hats rhythm x.x.") == ["/seq/add hats hat1 x.x."]   # ('rhythm' the riff's: it changed too)
    assert "names" not in refused(*DRUMS, "the kick is the loudest drum")    # a remark, no name ('loudest drum' was one)
    assert last("/patch/create saw1 saw", "/patch/connect saw1 master", "saw is my rhythm guitar", "guitar louder") == \
        ["/mod/saw1/gain 0.6"]


def test_nao_corrects_only_after_a_pause():
    assert last(*DRUMS, "tempo 66... não, 63") == ["/seq/bpm 63.0"]
    assert refused(*DRUMS, "mute the kick, não the snare")                 # (Portuguese 'not': never the snare muted)


FADO = ("/seq/bpm 66", "/patch/create triangle1 triangle", "/patch/create filter1 filter", "/patch/connect triangle1 filter1",
        "/patch/connect filter1 master", "/mod/triangle1/gain 0.4", "/seq/add viola triangle1 x...............",
        "/seq/notes viola e3+g3+b3", "/seq/start", "triangle is the viola", "/seq/swing 0.2")


@pytest.mark.parametrize("before, phrase, said", [
    ((), "mais devagar, 58 em 8 compassos", ["/seq/bpm 58.0 ramp 32"]),
    ((), "a viola entra devagar em 4 compassos", ["/mod/triangle1/gain 0.0", "/ramp/triangle1/gain 0.4 16"]),
    ((), "viola mais escura", ["/mod/filter1/cutoff 840.896415"]),
    ((), "sem swing, tudo direito", ["/seq/swing 0.0"]),
    ((), "continua de onde parou", ["/seq/continue"]),
    (("tempo 70",), "volta como estava", ["/seq/bpm 66.0"]),
    (("viola +2db",), "demasiado, metade", ["/mod/triangle1/gain 0.448807"]),
])
def test_a_fado_players_portuguese(before, phrase, said):
    assert last(*FADO, *before, phrase) == said


@pytest.mark.parametrize("before, phrase, said", [
    ((), "sab kuch ek semitone upar", ["/seq/notes viola f3+ab3+c4", "/seq/key f minor"]),
    (("viola +2db",), "zyada ho gaya, wapas karo", ["/mod/triangle1/gain 0.4"]),
])
def test_an_arrangers_hinglish(before, phrase, said):
    assert last(*FADO, "/seq/key e minor", *before, phrase) == said


SECOND = (*KIT, "/seq/bpm 120")


@pytest.mark.parametrize("before, phrase, said", [
    (("mute the kick and the snare",), "put them back in", ["/seq/mute kick 0", "/seq/mute snare 0"]),   # (the snare alone)
    (("mute the kick and the snare", "tempo 100"), "put them back", ["/seq/mute snare 0"]),   # never the tempo undone
    ((), "everybody out in 2 bars", ["/at 2 bar /seq/mute kick 1", "/at 2 bar /seq/mute snare 1", "/at 2 bar /seq/mute hats 1"]),
    (("kick and snare pan -0.5",), "again", ["/mod/snare1/pan -0.5"]),     # (never a cut of both levels)
])
def test_what_the_second_review_found(before, phrase, said):
    assert last(*SECOND, *before, phrase) == said


def test_a_stop_at_a_bar_with_more_said_is_not_the_whole_band_stopped():
    assert refused(*SECOND, "everything stops at bar 9 except the kick")


def test_an_octave_with_no_part_is_still_the_part_in_focus():
    assert last(*GUITARS, "tune up an octave") == ["/mod/square1/detune 1200.0"]


def test_back_down_after_a_fade_in_arrived_is_quieter_never_silence():
    made = last(*SECOND, "/mod/master/gain -60", "fade in over 8 bars", "bring the volume back down")
    assert made and made[0].startswith("/mod/master/gain") and float(made[0].split()[-1]) > -60


def test_a_raw_setting_after_a_sweep_is_where_back_goes_no_more():
    assert last(*SWEPT, "/mod/filter1/cutoff 300", "open it back up") == ["/mod/filter1/cutoff 356.762135"]


def test_open_it_back_up_a_bit_mid_sweep_is_a_step():
    from chronus_shell.language import Translator
    translator = Translator()
    for line in SWEPT:
        translator.translate(line)
    translator.model.going_to = {"filter1.cutoff": 400.0}
    translator.model.restore(translator.model.snapshot())
    made = [str(m) for m in translator.translate("open it back up a bit")]
    assert made != ["/mod/filter1/cutoff 800.0"]


def test_the_rewrite_screens_are_built_once():
    """fixed_terms passed `BAND_TURNS + _TERMS`, a new tuple each line: its screen was built again for every line typed
    (the prompt's Enter → audible went from 6 to 16 ms in CI) and kept, one more each line."""
    from chronus_shell.language import literal_needs
    last(*DRUMS, "kick louder")
    before = len(literal_needs._SCREENS)
    for line in ("snare softer", "hats 16ths", "tempo 128", "kick louder"):
        last(*DRUMS, line)
    assert len(literal_needs._SCREENS) == before
