"""Issue 13, session 23: the silent wrongs of the s22 round, each as a class of phrasing: band talk whose
'it' is the whole music ('push it', 'take it up'), a bare 'hit', a pan said 'fully', a fraction said in
words without a unit, an instrument the shell has no sound of ('add a clap'), a comparative 'in 4 bars'."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last

CHORDS = (*PAD, "/seq/add chords triangle1 x...x...x...x...", "/seq/notes chords a3+c4+e4 f3+a3+c4")


# -- band talk: 'it' is the music, its tempo, key or level — never one module's gain guessed ----------
@pytest.mark.parametrize("context, phrase, readings", [
    (DRUMS, "push it", ("tempo up", "turn it up")),
    (DRUMS, "nudge that", ("tempo up", "turn it up")),
    (ACID, "pull it", ("tempo down", "turn it down")),
    (CHORDS, "take it up", ("transpose up a half step", "turn it up")),
    (DRUMS, "take this up", ("transpose up a half step", "turn it up")),
    (DRUMS, "drop it", ("mute everything", "mute the kick")),      # the part in focus (session 24)
    (DRUMS, "kill it", ("'stop'", "mute the kick")),
])
def test_band_talk_about_it_names_its_readings(context, phrase, readings):
    said = refused(*context, phrase)
    assert said.startswith("that could mean") and all(r in said for r in readings)


@pytest.mark.parametrize("context, phrase, expected", [
    (ACID, "push the cutoff", ["/mod/acid_filter1/cutoff 951.365692"]),
    (ACID, "turn it up", ["/mod/saw1/gain 0.6"]),
    (DRUMS, "pull the kick way down", ["/mod/kick1/gain 0.5"]),
    (DRUMS, "drop the kick", ["/seq/mute kick 1"]),
    (DRUMS, "kill the hats", ["/seq/mute hats 1"]),
    (ACID, "drop it a whole step", ["/mod/saw1/freq 48.999429", "/seq/notes bass g1 g1 a#1 g1"]),
])
def test_a_param_or_part_named_or_turn_it_up_is_still_done(context, phrase, expected):
    assert last(*context, phrase) == expected


# -- a bare 'hit' is a cue, not the voice in focus -------------------------------------------------
@pytest.mark.parametrize("phrase", ["hit and stop", "hit", "strike", "fire, then stop"])
def test_hit_without_a_voice_asks_which(phrase):
    assert "name the voice" in refused(*DRUMS, phrase)


def test_hit_with_a_voice_or_trigger_plays_it():
    assert last(*DRUMS, "hit the kick") == ["/gate/kick1 1"]
    assert last(*PAD, "trigger") == ["/gate/sine1 1"]


# -- a pan said 'fully' / 'completely' after the side is the edge -----------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("hats on right side fully", ["/mod/hat1/pan 1.0"]),
    ("pan the kick left completely", ["/mod/kick1/pan -1.0"]),
    ("snare right", ["/mod/snare1/pan 0.5"]),
])
def test_fully_after_a_side_pans_to_the_edge(phrase, expected):
    assert last(*DRUMS, phrase) == expected


# -- a fraction said in words has no unit: never half a hertz ---------------------------------------
@pytest.mark.parametrize("context, phrase", [
    (ACID, "cutoff down a half"), (ACID, "cutoff up a quarter"), (DRUMS, "kick decay down a half"),
])
def test_a_fraction_in_words_without_a_unit_is_refused_with_the_ways_to_say_it(context, phrase):
    said = refused(*context, phrase)
    assert "of what?" in said and ("halve" in said or "double" in said)


def test_a_fraction_in_words_on_a_ratio_is_still_an_amount():
    assert last(*ACID, "resonance 0.2", "resonance up a half") == ["/mod/acid_filter1/resonance 0.7"]


# -- an instrument the shell has no sound of: said, never a second snare in silence -----------------
def test_add_a_clap_with_a_snare_says_the_snare_plays_it():
    said = refused(*DRUMS, "add a clap")
    assert "no clap sound" in said and "snare1" in said and "add another snare" in said


def test_add_a_clap_without_a_snare_adds_one_and_says_so():
    translator = Translator()
    assert [str(m) for m in translator.translate("add a clap")][0] == "/patch/create snare1 snare"
    assert translator.understood == ["no clap sound: a snare (snare1) plays it"]


def test_a_clap_rhythm_is_still_the_snare():
    assert last(*DRUMS, "clap on 2 and 4") == ["/seq/add snare snare1 ....x.......x..."]


# -- 'in 4 bars' after a comparative alone: then, not over -------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "hats quieter in 4 bars", ["/at 4 bar /mod/hat1/gain 0.7"]),
    (ACID, "bass louder in 2 bars", ["/at 2 bar /mod/saw1/gain 0.6"]),
    (ACID, "cutoff to 1000 in 4 beats", ["/ramp/acid_filter1/cutoff 1000.0 4"]),
    (DRUMS, "hats slowly quieter in 4 bars", ["/ramp/hat1/gain 0.7 16"]),
])
def test_a_comparative_in_n_bars_is_a_step_then_unless_it_moves(context, phrase, expected):
    assert last(*context, phrase) == expected


# -- two nicknames for one sound, each set its own way: asked, never the last one winning -------------
@pytest.mark.parametrize("phrase", ["organ left and piano right", "the organ louder, and the piano quieter"])
def test_two_nicknames_of_one_sound_set_apart_are_asked(phrase):
    assert "would both be triangle1" in refused(*PAD, phrase)


def test_two_nicknames_of_one_sound_set_differently_are_both_done():
    assert last(*PAD, "keys warmer, pad louder") == ["/mod/filter1/cutoff 840.896415", "/mod/triangle1/gain 0.6"]


# -- a colour said of 'it' with one drum of a kit in focus: which part? ------------------------------
@pytest.mark.parametrize("phrase", ["make it sound warmer", "make it darker"])
def test_a_colour_of_it_with_a_drum_in_focus_asks_which_part(phrase):
    assert "which part?" in refused(*DRUMS, "hats decay 50", phrase)


def test_a_colour_of_a_drum_named_or_a_voice_in_focus_is_done():
    assert last(*DRUMS, "hats brighter") == ["/mod/hat1/tone 9513.65692"]
    assert last(*ACID, "make it sound warmer") == ["/mod/acid_filter1/cutoff 672.717132"]


# -- a band leader's calls, chance and humanize said in any order -----------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (ACID, "everybody out but the kick", ["/seq/mute bass 1", "/seq/mute hats 1"]),
    ((*ACID, "everyone out except the bass"), "everybody back in", ["/seq/mute kick 0", "/seq/mute hats 0"]),
    (DRUMS, "percussion tacet 4 bars", ["/seq/mute kick 1 4", "/seq/mute snare 1 4", "/seq/mute hats 1 4"]),
    (DRUMS, "snare tacet 2 bars", ["/seq/mute snare 1 2"]),
    (DRUMS, "stop at bar end", ["/seq/stop bar"]),
    (DRUMS, "stop the music at the end of the measure", ["/seq/stop bar"]),
    (DRUMS, "chance on hats 60", ["/seq/chance hats 0.6"]),
    (DRUMS, "put some probability on the snare, 50-50", ["/seq/chance snare 0.5"]),
    (DRUMS, "humanize hats 30", ["/seq/humanize hats 0.3"]),
    (DRUMS, "snare humanize 20%", ["/seq/humanize snare 0.2"]),
    (DRUMS, "a bit of humanization on the kick", ["/seq/humanize kick 0.5"]),
])
def test_band_calls_chance_and_humanize_in_any_order(context, phrase, expected):
    assert last(*context, phrase) == expected


# -- an effect taken off a part, a part that returns, the low end cut, a slapback --------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (PAD, "take the echo off the sine", ["/patch/remove delay1", "/patch/connect sine1 master"]),
    (PAD, "remove the delay from the sine", ["/patch/remove delay1", "/patch/connect sine1 master"]),
    (PAD, "kill the LFO on the filter", ["/patch/disconnect lfo1 filter1.cutoff"]),
    ((*DRUMS, "mute the kick"), "kick returns", ["/seq/mute kick 0"]),
    ((*DRUMS, "mute the snare"), "the snare comes back", ["/seq/mute snare 0"]),
    (ACID, "cut the low end below 80 hz on the bass", ["/patch/create filter1 filter", "/patch/disconnect adsr1 master",
                                           "/patch/connect adsr1 filter1", "/patch/connect filter1 master",
                                           "/mod/filter1/mode highpass", "/mod/filter1/cutoff 80.0"]),
    (PAD, "little slapback on the sine", ["/mod/delay1/time 0.09", "/mod/delay1/feedback 0.0"]),
])
def test_effects_off_parts_returns_low_cuts_and_slapback(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_disconnecting_what_is_not_connected_is_refused():
    assert "is not connected to" in refused(*PAD, "disconnect the lfo from the sine")


@pytest.mark.parametrize("phrase, expected", [
    ("stop it", ["/seq/stop"]), ("stop this", ["/seq/stop"]), ("stop it at the end of the bar", ["/seq/stop bar"]),
    ("stop the hats", ["/seq/mute hats 1"]),
])
def test_stop_it_is_the_music_never_the_part_in_focus(phrase, expected):
    assert last(*DRUMS, "hats decay 50", phrase) == expected


# -- how far said after the side; a tempo said by its unit alone -------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (PAD, "sine left a touch", ["/mod/sine1/pan -0.25"]),
    (PAD, "sine right a little bit", ["/mod/sine1/pan 0.25"]),
    (PAD, "sine to the right a bit", ["/mod/sine1/pan 0.25"]),
    (PAD, "sine left a touch, triangle right", ["/mod/sine1/pan -0.25", "/mod/triangle1/pan 0.5"]),
    (DRUMS, "up 4 bpm", ["/seq/bpm 124.0"]),
    (DRUMS, "down 10 bpm", ["/seq/bpm 110.0"]),
    (DRUMS, "up 4 clicks", ["/seq/bpm 124.0"]),
])
def test_how_far_after_the_side_and_a_tempo_by_its_unit(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_a_setting_with_no_lookalike_names_none():
    assert "did you mean" not in refused(*PAD, "sine to the right a bit much")


@pytest.mark.parametrize("phrase, expected", [
    ("tempo 96, its a ballad", ["/seq/bpm 96.0"]),
    ("tempo 90, this is for the intro", ["/seq/bpm 90.0"]),
    ("kick louder, it's a banger", ["/mod/kick1/gain 0.9"]),
])
def test_a_remark_after_a_comma_about_what_it_is_is_left_out(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase", ["hold", "hold it", "hold that"])
def test_hold_alone_asks_what_never_starts_or_plays_the_part_in_focus(phrase):
    assert "hold what?" in refused(*DRUMS, "hats decay 50", phrase)


def test_hold_a_chord_still_holds_it():
    assert last(*PAD, "hold an a minor chord on the triangle") == ["/gate/triangle1 1 220.0 261.625565 329.627557"]


@pytest.mark.parametrize("phrase, expected", [
    ("hats and kick out", ["/seq/mute hats 1", "/seq/mute kick 1"]),
    ("bass alone", ["/seq/mute kick 1", "/seq/mute hats 1"]),
])
def test_parts_out_together_or_one_alone(phrase, expected):
    assert last(*ACID, phrase) == expected


def test_leave_it_alone_changes_nothing():
    assert "nothing changed" in refused(*ACID, "leave the bass alone")


# -- the review of session 23: lines these rules must not catch --------------------------------------
@pytest.mark.parametrize("context, phrase", [
    ((*ACID, "add a delay"), "take the saw off the delay"), (DRUMS, "drop the kick on beat"),
    (DRUMS, "remove the snare from the groove"), (DRUMS, "random on the snare 30%"),
    (DRUMS, "cut the lows below 100 hz"), ((*ACID, "wobble the cutoff"), "stop it"),
])
def test_a_reading_that_would_be_wrong_is_refused(context, phrase):
    try:
        messages = last(*context, phrase)
    except LanguageError:
        return
    assert not any(m.startswith(("/patch/remove", "/seq/remove", "/seq/chance", "/seq/stop", "/patch/create filter"))
                   for m in messages), messages


@pytest.mark.parametrize("phrase, expected", [("louder and louder in 4 bars", "/ramp/saw1/gain"),
                                              ("faster in 4 bars", "/seq/bpm")])
def test_a_comparative_that_grows_is_a_ramp(phrase, expected):
    message, = last(*ACID, phrase)
    assert message.startswith(expected) and message.endswith(" 16")
