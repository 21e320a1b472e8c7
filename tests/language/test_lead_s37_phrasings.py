"""Session 37 (lead): phrasings left over from session 36 and found in the s37 rounds."""
from __future__ import annotations

import pytest

from chronus_shell.language.chord_names import chart, chord_name

from .test_time_harmony_classes import last, refused

STABS = ("add a saw called stabs", "chords am f c g on stabs")


@pytest.mark.parametrize("phrase", ["stabs play c9 f9, two bars each", "stabs play c9 f9 two bars each"])
def test_ninth_chords_said_like_notes_keep_their_length(phrase):
    made = last(*STABS, phrase)
    assert made[0] == "/seq/add chords stabs x" + "-" * 31 + "x" + "-" * 31
    assert made[-1].startswith("/seq/notes chords c3+e3+g3+bb3+d4 ")


def test_a_line_of_notes_up_in_octave_nine_with_rests_stays_notes():
    assert last("add a saw", "saw notes c9 . f9 .") == ["/seq/add saw saw1 x.x.", "/seq/notes saw c9 . f9 ."]


@pytest.mark.parametrize("step, named", [("a3+c4+e4", "Am"), ("e3+g3+c4", "C/E"), ("c3+e3+g3+bb3+d4", "C9"),
                                          ("c3+e3+g3+a3", "C6"), ("bb3+d4+f4", "Bb"), ("c#4+e4+g#4", "C#m"),
                                          ("b3+d4+f4", "Bdim"), ("c4+c#4+d4", "c4+c#4+d4"), ("c2", "c2"),
                                          ("220.0+301.5", "220.0+301.5")])
def test_a_chord_is_named_as_a_chart_writes_it(step, named):
    assert chord_name(step) == named


def test_a_chart_says_a_restruck_chord_once_and_every_note():
    assert chart(["a3+c4+e4", "-", "a3+c4+e4", ".", "f3+a3+c4"]) == "Am F"
    assert chart(["c2", "c2", "-", "e2"]) == "c2 c2 e2"


@pytest.mark.parametrize("phrase", ["what chord are the stabs playing?", "what chords are playing", "what are the chords?"])
def test_asking_what_chords_play_names_them(phrase):
    assert last(*STABS, "add a sine called bass", "bass notes c2 e2 g2", phrase) == \
        ["/shell/show 'the chords track (stabs) plays' 'Am F C G'"]


def test_asking_what_notes_a_part_plays_says_them():
    assert last(*STABS, "add a sine called bass", "bass notes c2 e2 g2", "what notes is the bass playing?") == \
        ["/shell/show 'the bass track (bass) plays' 'c2 e2 g2'"]


def test_asking_with_nothing_playing_says_so():
    assert "no track plays chords or notes yet" in refused("what chords are playing")


DELAY = ("add a saw", "add a delay")


def test_riding_a_param_moves_it_and_it_is_what_comes_back_down():
    assert last(*DELAY, "ride the feedback up to 0.85 over 2 bars") == ["/ramp/delay1/feedback 0.85 8"]
    assert last(*DELAY, "ride the feedback up to 0.85 over 2 bars", "then pull it back down to 0.3 right away") == \
        ["/mod/delay1/feedback 0.3"]


@pytest.mark.parametrize("phrase", ["little lfo on the filter, slow, like one every 2 bars",
                                    "slow lfo on the filter, one every 2 bars", "lfo on the filter, once every 2 bars"])
def test_an_lfo_rate_counted_in_bars_with_a_speed_word_beside_it(phrase):
    assert last("add a saw", "add a lowpass filter on the saw", phrase)[-1] == "/mod/lfo1/rate 0.25"


@pytest.mark.parametrize("phrase, made", [("tune the kick down, like 45", "/mod/kick1/freq 45.0"),
                                          ("cutoff down, about 500", "/mod/filter1/cutoff 500.0")])
def test_a_way_then_a_hedged_value_goes_to_the_value(phrase, made):
    assert last("add a kick", "add a saw", "add a lowpass filter on the saw", phrase) == [made]


@pytest.mark.parametrize("phrase", ["A crescendo over four bars, everybody.", "crescendo over 4 bars, guys"])
def test_a_hairpin_told_to_the_band_is_the_whole_mix(phrase):
    assert last("add a saw", "add a kick", phrase) == ["/ramp/master/gain 3.0 16"]


PARTS = ("add a saw", "add an envelope", "add a kick", "add a lowpass filter on the saw")


@pytest.mark.parametrize("phrase, made", [("kick louder too", "/mod/kick1/gain 0.9"),
                                          ("release longer, too", "/mod/adsr1/release 237.841423")])
def test_a_change_said_with_too_is_its_own_not_the_last_line_again(phrase, made):
    assert last(*PARTS, phrase) == [made]


def test_narrower_vibrato_is_less_of_it_never_a_stereo_width():
    setup = ("add a saw", "add vibrato to the saw", "add a reverb to the saw")
    assert last(*setup, "narrower vibrato") == ["/mod/lfo1/depth 0.005"]
    assert last(*setup, "saw wider") == ["/mod/reverb1/width 1.2"]


def test_throughout_says_nothing_more():
    assert last("add a saw", "saw notes c3 e3", "the saw a semitone lower throughout")[-1] == "/seq/notes saw b2 d#3"


def test_a_value_corrected_after_a_glide_keeps_the_glide():
    assert last("add a saw", "tempo up to 150 over 8 bars", "no, 140") == ["/seq/bpm 140.0 ramp 32"]
    assert last("add a saw", "add a lowpass filter", "cutoff to 2k over 8 bars", "no, 3k") == \
        ["/ramp/filter1/cutoff 3000.0 32"]
    assert last("add a saw", "tempo 90", "no, 80") == ["/seq/bpm 80.0"]


def test_a_chord_part_said_with_an_article_is_no_a_chord_of_a():
    made = last("add a triangle", "the triangle is the bells", "A chord part on the bells: C, A minor, F, G, one bar each.")
    assert made[-1].startswith("/seq/notes chords c3+e3+g3 ") and "c#" not in made[-1]


ECHOED = ("add a sine called melody", "add a delay to the melody")


def test_an_effect_put_on_a_part_that_has_one_sets_it_with_the_value_said():
    assert last(*ECHOED, "tempo 70", "Put delay on melody, 1 beat") == ["/mod/delay1/time 0.857143"]
    assert last(*ECHOED, "tempo 70", "delay on melody, 1 beat") == ["/mod/delay1/time 0.857143"]
    assert last(*ECHOED, "put another delay on melody")[0] == "/patch/create delay2 delay"


def test_a_key_change_leaves_a_track_none_of_whose_notes_move():
    assert last("add a saw", "saw notes a3 c4 e4", "key a minor", "change to a harmonic minor") == \
        ["/seq/key a harmonic_minor"]
    assert last("add a saw", "saw notes a3 c4 g4", "key a minor", "change to a harmonic minor") == \
        ["/seq/key a harmonic_minor", "/seq/notes saw a3 c4 g#4"]


@pytest.mark.parametrize("phrase, made", [("the strings lower than the piano", "/mod/strings/gain 0.4"),
                                          ("the strings an octave lower than the piano", "/mod/strings/freq 110.0")])
def test_lower_than_another_part_is_its_place_in_the_mix_unless_an_interval_is_said(phrase, made):
    assert last("add a triangle called piano", "add a saw called strings", phrase) == [made]
