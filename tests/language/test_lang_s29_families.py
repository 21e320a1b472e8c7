"""Issue 13, session 29: families of phrasing the dev sets refused, made to work in the general case —
a part named by the instrument it stands in for, read through the whole line (a remark, a follow-up, a
time after it, as for the part's own name); an effect or a modulator named by the part it works on ('the
lfo on the filter: slower') — each with the near misses that must still be refused or not misread."""
import pytest

from .test_musicians import refused
from .test_phrasing_classes import DRUMS, PAD, last

TAIKO = (*DRUMS, "hats decay 50")


# -- a nickname read through the whole line ------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("shime reverb, like temple", ["/patch/create reverb1 reverb", "/patch/disconnect snare1 master",
                                   "/patch/connect snare1 reverb1", "/patch/connect reverb1 master"]),
    ("tamborim in triplets now", ["/seq/speed hats 1.5 now"]),
    ("triplet feel on the tilli", ["/seq/speed snare 1.5"]),
])
def test_a_part_named_by_its_instrument_is_read_through_the_whole_line(phrase, expected):
    assert last(*TAIKO, phrase) == expected


def test_a_nickname_then_a_follow_up_of_its_own():
    assert last(*TAIKO, "hats twice as fast", "chappa back to normal speed") == ["/seq/speed hats 1.0"]


def test_the_organ_brighter_with_a_remark_after_it():
    assert last(*PAD, "organ brighter, more upper harmonics")[0].startswith("/mod/filter1/cutoff ")


@pytest.mark.parametrize("lines, phrase", [
    (TAIKO, "add claps"),                        # a kind of sound to add: the snare plays it (asked, not a second)
    (TAIKO, "add some claps"),
    (PAD, "organ left and piano right"),         # two nicknames of one sound: asked
])
def test_a_nickname_that_is_a_kind_of_sound_or_names_one_part_twice_is_not_read_as_a_name(lines, phrase):
    refused(*lines, phrase)


# -- an effect named by the part it works on -------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("the wobble on the filter faster, 4 hz", ["/mod/lfo1/rate 4.0"]),
    ("the lfo on the filter: slower and deeper", ["/mod/lfo1/rate 0.840896", "/mod/lfo1/depth 0.6"]),
    ("The vibrato on the filter: slower, like a sigh.", ["/mod/lfo1/rate 0.840896"]),
    ("the wobble on the triangle faster", ["/mod/lfo1/rate 1.189207"]),     # a sound: what moves its voice
    ("echo on the sine off", ["/mod/delay1/mix 0.0"]),
    ("the wobble on the filter, kill it", ["/patch/remove lfo1"]),
])
def test_an_effect_named_by_its_part_is_that_effect(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_a_filter_named_by_the_chords_it_shapes():
    chords = ("/seq/add chords triangle1 x.......x.......", "/seq/notes chords d4+f#4+a4 g3+bb3+d4")
    assert last(*PAD, *chords, "filter on the chords darker")[0].startswith("/mod/filter1/cutoff ")


@pytest.mark.parametrize("phrase", [
    "the echo on the triangle longer",          # the triangle has no echo: never the sine's
    "the wobble on the reverb faster",          # the lfo moves the filter, not the reverb
    "lfo on the reverb mix as well",            # a param named: one more target (asked), not the lfo on the filter
])
def test_an_effect_the_part_does_not_have_is_not_another_parts(phrase):
    refused(*PAD, phrase)


# -- the way back: the last change undone; a reversed part forwards again ------------------------------------
@pytest.mark.parametrize("before, phrase, expected", [
    ("triangle1 up an octave", "back down", ["/mod/triangle1/freq 220.0"]),
    ("triangle1 up an octave", "nah, back down where it was", ["/mod/triangle1/freq 220.0"]),
    ("filter1 cutoff down 200", "go back up", ["/mod/filter1/cutoff 1000.0"]),
])
def test_back_the_other_way_undoes_the_last_change(before, phrase, expected):
    assert last(*PAD, before, phrase) == expected


@pytest.mark.parametrize("before, phrase", [
    ("triangle1 up an octave", "back up"),          # it went up: 'back up' is no way back
    ("filter1 cutoff down 200", "back down"),
    ("add a snare", "back down"),                   # nothing went one way
])
def test_back_the_same_way_or_from_nowhere_is_refused(before, phrase):
    refused(*PAD, before, phrase)


@pytest.mark.parametrize("befores, phrase, expected", [
    (("reverse the snare",), "unreverse", ["/seq/reverse snare 0"]),
    (("reverse the snare",), "and flip it back", ["/seq/reverse snare 0"]),
    (("reverse the snare",), "forwards again", ["/seq/reverse snare 0"]),
    (("reverse the snare", "reverse the kick"), "both forwards again", ["/seq/reverse kick 0", "/seq/reverse snare 0"]),
])
def test_a_reversed_part_plays_forwards_again_when_none_is_named(befores, phrase, expected):
    assert sorted(last(*DRUMS, *befores, phrase)) == expected


def test_forwards_with_nothing_reversed_is_refused():
    refused(*DRUMS, "unreverse")


# -- a complaint, then the value it should be ---------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["too fast lol 170", "too fast 170", "too fast, back to 170", "too quick, settle at 170",
                                    "too fast - 170", "too fast, try 170"])
def test_a_complaint_then_its_value_sets_that_value(phrase):
    assert last(*DRUMS, "tempo 180", phrase) == ["/seq/bpm 170.0"]


@pytest.mark.parametrize("before", ["swing 0.4", "/seq/swing 0.4"])         # said, or a knob's
@pytest.mark.parametrize("phrase", ["too much, 0.2", "too much, back to 0.2", "less - 0.2"])
def test_too_much_then_a_value_is_the_setting_just_moved(before, phrase):
    assert last(*DRUMS, before, phrase) == ["/seq/swing 0.2"]


def test_a_complaint_its_value_contradicts_is_asked():
    refused(*DRUMS, "too fast, 140")                # at 120: down by 140, or 140?


# -- the kit's one cymbal: the hats ----------------------------------------------------------------------------
def test_the_cymbals_are_the_hats_when_the_kit_has_one():
    assert last(*DRUMS, "mute the hats", "cymbals in on the next bar") == ["/at 1 bar /seq/mute hats 0"]


@pytest.mark.parametrize("phrase", ["crash cymbal on 1", "ride cymbal on every beat"])
def test_a_cymbal_of_another_kind_is_still_refused(phrase):
    assert "the kit here is kick, snare and hat" in refused(*DRUMS, phrase)


def test_a_cymbal_added_says_the_hat_plays_it():
    assert "the hat (hat1) plays it" in refused(*DRUMS, "add a cymbal")


# -- a part said to be distorted goes through a distortion ---------------------------------------------------------
@pytest.mark.parametrize("phrase", ["kick distorted a bit", "the kick distorted", "kick slightly overdriven"])
def test_a_part_said_distorted_gets_a_distortion(phrase):
    assert last(*DRUMS, phrase) == ["/patch/create distortion1 distortion", "/patch/disconnect kick1 master",
                                    "/patch/connect kick1 distortion1", "/patch/connect distortion1 master",
                                    "/mod/distortion1/drive 5.0"]             # (a drive that is heard)


def test_a_part_through_a_distortion_said_distorted_drives_that_one_harder():
    assert last(*DRUMS, "add a distortion to the kick", "kick distorted") == ["/mod/distortion1/drive 9.9"]   # (from 5: heard)


def test_distorted_said_of_no_part_is_refused():
    refused(*DRUMS, "everything distorted and weird")


# -- a tempo said with the style it is for ------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, bpm", [
    ("slow air, 60", 60), ("gabber! 180", 180), ("slow march, 60", 60), ("strathspey tempo, 128", 128),
    ("bpm 90 boom bap", 90), ("bpm 180 dnb style", 180), ("Allegro moderato, please. 112.", 112),
    ("menu music loop, 90 bpm", 90), ("tempo de cha-cha, like 116", 116),
])
def test_a_tempo_said_with_its_style_is_the_tempo(phrase, bpm):
    assert last(*DRUMS, phrase) == [f"/seq/bpm {bpm:.1f}"]


@pytest.mark.parametrize("phrase", [
    "snair, 60",            # a slip of the snare's name, not a style
    "rum, 90",              # like 'drum'
    "rum 90",               # a word and a number, nothing setting them apart: no style said
    "hats, 60",             # a part: its setting, asked
    "slow air, 20",         # no tempo
])
def test_a_number_beside_a_word_that_may_name_something_is_no_tempo(phrase):
    refused(*DRUMS, phrase)


# -- from the start again; a new rhythm said 'instead' ------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["restart", "Restart.", "restart the track", "start again from top", "re-start it"])
def test_restart_plays_from_the_start(phrase):
    assert last(*DRUMS, "stop", phrase) == ["/seq/start"]


def test_start_over_is_still_a_fresh_start_not_a_restart():
    assert "/seq/clear" in last(*DRUMS, "start over")


@pytest.mark.parametrize("phrase, pattern", [("kick on 1 and 3 instead", "x.......x......."),
                                             ("kick every 2 beats instead", "x.......x.......")])
def test_a_rhythm_said_instead_replaces_the_old_one(phrase, pattern):
    assert last(*DRUMS, phrase) == [f"/seq/add kick kick1 {pattern}"]


def test_a_level_said_instead_is_not_taken_as_a_replacement():
    refused(*DRUMS, "mute the snare", "the snare softer instead")      # would it unmute? asked, not guessed


# -- clauses said with nothing between them ------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("hats pan left snare pan right", ["/mod/hat1/pan -0.5", "/mod/snare1/pan 0.5"]),
    ("hats left snare right", ["/mod/hat1/pan -0.5", "/mod/snare1/pan 0.5"]),
    ("kick louder snare quieter", ["/mod/kick1/gain 0.9", "/mod/snare1/gain 0.7"]),
    ("the kick louder the snare quieter", ["/mod/kick1/gain 0.9", "/mod/snare1/gain 0.7"]),
])
def test_clauses_run_together_are_each_a_command(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase", ["kick snare louder",               # a list of parts, not two clauses
                                    "put a reverb on the snare louder",  # the snare joined by 'on'
                                    "hats left snare"])                  # a clause of a part alone says nothing
def test_a_part_joined_to_the_words_before_it_starts_no_clause(phrase):
    refused(*DRUMS, phrase)


# -- a correction in the middle of the line ------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["tempo 100 no wait 120", "tempo 100, no, 120", "tempo 100 i mean 120",
                                    "tempo 100... sorry, 120"])
def test_a_value_corrected_in_the_line_is_the_value_meant(phrase):
    assert last(*DRUMS, phrase) == ["/seq/bpm 120.0"]


def test_a_pattern_corrected_in_the_line_is_the_pattern_meant():
    assert last(*DRUMS, "kick x..x..x...x..x.. wait no x..x..x.x..x..x.") == ["/seq/add kick kick1 x..x..x.x..x..x."]


def test_a_chord_corrected_in_the_line_is_the_chord_meant():
    assert last(*PAD, "hold a G major chord... no, G minor.") == last(*PAD, "hold a G minor chord")


def test_a_part_corrected_in_the_line_is_the_part_meant():
    assert last(*DRUMS, "pan the guitar, i mean the snare, left") == ["/mod/snare1/pan -0.5"]


@pytest.mark.parametrize("phrase", [
    "hats louder, no, snare",       # a part after a change, not after a part: what would it mean?
])
def test_a_no_that_replaces_nothing_of_its_kind_is_refused(phrase):
    refused(*PAD, phrase)


def test_a_side_after_a_side_is_the_side_meant():
    """Asked until session 46; a side replaces the side said before it ('keys hard left... non, left 40')."""
    assert last(*PAD, "sine to the left, no, right") == ["/mod/sine1/pan 0.5"]


# -- a fade up from nothing with no part named: the whole mix ----------------------------------------------------
@pytest.mark.parametrize("phrase", ["fade in from nothing over 2 bars", "fade up from silence over 2 bars",
                                    "swell up from nothing over 2 bars"])
def test_a_fade_up_from_nothing_with_no_part_is_the_whole_mix(phrase):
    assert last(*DRUMS, phrase) == ["/mod/master/gain -60.0", "/ramp/master/gain 0.0 8"]


def test_a_part_faded_in_from_nothing_is_still_that_part():
    assert last(*DRUMS, "fade the hats in from nothing over 2 bars")[0] == "/mod/hat1/gain 0.0"


def test_an_exclamation_before_a_number_ends_the_clause():
    assert last(*DRUMS, "faster! 140") == ["/seq/bpm 140.0"]          # never 120 + 140
    assert last(*DRUMS, "slower! 110") == ["/seq/bpm 110.0"]


# -- instruments by the role they play in a band ----------------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("the harpsichord slightly left", ["/mod/triangle1/pan -0.25"]),        # a keyboard that comps: the pad
    ("the clarinet louder", ["/mod/sine1/gain 0.6"]),                       # a wind that sings the line: the high voice
])
def test_an_instrument_is_the_voice_that_plays_its_role(phrase, expected):
    assert last(*PAD, "sine1 gain 0.5", phrase) == expected


def test_an_instrument_to_add_is_no_voice_named():
    refused(*PAD, "add a harpsichord")


# -- a dictated line's slips -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("Cut off to eight hundred hertz", ["/mod/filter1/cutoff 800.0"]),
    ("Set the tempo to one hundred and thirty beats per minute period", ["/seq/bpm 130.0"]),
    ("Fade out over for bars", ["/ramp/master/gain -60.0 16"]),
    ("Lower the sign wave by an octave", ["/mod/sine1/freq 220.0"]),
])
def test_a_dictated_line_is_read_as_meant(phrase, expected):
    assert last(*PAD, phrase) == expected


def test_the_base_dictated_is_the_bass():
    assert last("add a saw at 55 hz", "bass x...x...x...x...", "bass notes a1 c2", "transpose the base up to semitones")[-1] \
        == "/seq/notes bass b1 d2"


@pytest.mark.parametrize("phrase", ["cut off the highs", "cut off at the end of the bar"])
def test_cut_off_as_a_verb_is_not_the_cutoff(phrase):
    refused(*PAD, phrase)


# -- a tracker's notation ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("tempo 0x8C", ["/seq/bpm 140.0"]),
    ("shift the hats 1 row later", ["/seq/shift hats 1"]),
    ("kick on every row", ["/seq/add kick kick1 xxxxxxxxxxxxxxxx"]),
    ("stop (F8)", ["/seq/stop"]),
])
def test_a_trackers_notation_is_read_as_meant(phrase, expected):
    assert last(*DRUMS, phrase) == expected


def test_a_trackers_note_names_are_notes():
    assert last("add a saw at 55 hz", "bass x...x...x...x...", "bass notes A-1 C-2 E-2 G-2")[-1] == "/seq/notes bass a1 c2 e2 g2"


def test_a_note_below_octave_0_alone_is_still_refused():
    assert "8.1758 Hz" in refused("add a saw", "play c-1")
