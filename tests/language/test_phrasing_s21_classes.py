"""Issue 13, session 21: musicians' English of the s18–s20 rounds, each as a family of phrasings beyond
the corpus's (with near-misses that must still refuse): a learner's or patois function words, nicknames
of parts, several changes in one line, time said loosely, a take or session named in a clause of its own,
and the silent wrongs of a bare move after a quality word."""
import pytest

from chronus_shell.language import Translator

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last

GUITAR = ("add a saw at 110 hz", "add a distortion")


def echo(*lines) -> list[str]:
    translator = Translator()
    for line in lines:
        translator.translate(line)
    return translator.understood


# -- a learner's and patois function words --------------------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (ACID, "bass an kick louder", ["/mod/saw1/gain 0.6", "/mod/kick1/gain 0.9"]),
    (DRUMS, "kick an snare quieter", ["/mod/kick1/gain 0.7", "/mod/snare1/gain 0.7"]),
    (DRUMS, "snare more loud", ["/mod/snare1/gain 0.9"]),
    (DRUMS, "kick more louder", ["/mod/kick1/gain 0.9"]),
    (ACID, "bass a bit more dark", ["/mod/acid_filter1/cutoff 672.717132"]),
    (ACID, "cutoff less bright", ["/mod/acid_filter1/cutoff 672.717132"]),
    (DRUMS, "hats little bit left side", ["/mod/hat1/pan -0.25"]),
    (DRUMS, "snare a lickle to di right", ["/mod/snare1/pan 0.25"]),
    (DRUMS, "mute di drum dem", ["/seq/mute kick 1", "/seq/mute snare 1", "/seq/mute hats 1"]),
    (DRUMS, "all drum quieter", ["/mod/kick1/gain 0.7", "/mod/snare1/gain 0.7", "/mod/hat1/gain 0.7"]),
    (DRUMS, "drop out di drum", ["/seq/mute kick 1", "/seq/mute snare 1", "/seq/mute hats 1"]),
    (ACID, "tek out di kick", ["/seq/mute kick 1"]),
])
def test_a_learners_or_patois_small_words_are_read_plainly(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_an_before_a_vowel_or_an_lfo_stays_an_article():
    assert last(*ACID, "add an lfo to the cutoff") == ["/patch/create lfo1 lfo", "/patch/connect lfo1 acid_filter1.cutoff"]


def test_the_echo_says_a_learners_line_as_it_was_read():
    assert echo(*DRUMS, "snare a lickle to di right") == ["read as 'snare a bit to the right'"]


@pytest.mark.parametrize("phrase", ["more high end", "drum louder", "mute the drum"])
def test_more_before_a_noun_or_one_drum_of_several_still_refuses(phrase):
    refused(*ACID if phrase.startswith("more") else DRUMS, phrase)


# -- nicknames of parts ---------------------------------------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "doum more deep", ["/mod/kick1/freq 42.044821"]),
    (DRUMS, "tek quieter", ["/mod/snare1/gain 0.7"]),
    (DRUMS, "mute the doum", ["/seq/mute kick 1"]),
    (GUITAR, "guitar louder", ["/mod/saw1/gain 0.6"]),
    (GUITAR, "pan the guitar a bit right", ["/mod/saw1/pan 0.25"]),
    (PAD, "Would it be possible to have a little vibrato on the organ?",
     ["/patch/create lfo2 lfo", "/patch/connect lfo2 triangle1.freq", "/mod/lfo2/rate 5.0", "/mod/lfo2/depth 0.01"]),
])
def test_a_part_called_by_the_instrument_it_stands_in_for(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_the_guitar_with_no_distorted_voice_refuses():
    refused(*PAD, "the guitar louder")


def test_a_part_named_by_a_nickname_is_never_left_out_as_an_aside():
    refused(*DRUMS, "hats decay 50", "tek more sharp, more high")     # never the hats' tone


# -- several changes in one line -------------------------------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (ACID, "kick pan a bit left and hats right", ["/mod/kick1/pan -0.25", "/mod/hat1/pan 0.5"]),
    (DRUMS, "snare to the left and hats a little right", ["/mod/snare1/pan -0.5", "/mod/hat1/pan 0.25"]),
    (DRUMS, "the snare, a bit louder and a touch to the left", ["/mod/snare1/gain 0.9", "/mod/snare1/pan -0.25"]),
    (DRUMS, "the kick, shorter and quieter", ["/mod/kick1/decay 252.268925", "/mod/kick1/gain 0.7"]),
    (ACID, "filter of the bassline: resonance down a bit and cutoff up a bit",
     ["/mod/acid_filter1/resonance 0.405", "/mod/acid_filter1/cutoff 951.365692"]),
    (ACID, "the resonance of the filter up a bit", ["/mod/acid_filter1/resonance 0.595"]),
])
def test_several_changes_said_loosely_are_each_made(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("context, phrase, expected", [
    (PAD, "Make the tempo 90 beats per minute", ["/seq/bpm 90.0"]),
    (PAD, "tempo 100 beats a minute", ["/seq/bpm 100.0"]),
    (ACID, "move the bass line up to a higher octave", ["/seq/notes bass a2 a2 c3 a2"]),
    (DRUMS, "drop out the hats", ["/seq/mute hats 1"]),
    (DRUMS, "Set the snare's noise component to 0.8.", ["/mod/snare1/snap 0.8"]),
])
def test_a_thing_said_in_more_words_than_the_language_uses(context, phrase, expected):
    assert last(*context, phrase) == expected


# -- time said loosely -----------------------------------------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (ACID, "bpm 128 -> 140 in 8 bar, slowly go up", ["/seq/bpm 128.0 now", "/seq/bpm 140.0 ramp 32"]),
    (ACID, "resonance to 85 percent, slowly, 16 bars", ["/ramp/acid_filter1/resonance 0.85 64"]),
    (ACID, "cutoff to 2000, 8 bars", ["/ramp/acid_filter1/cutoff 2000.0 32"]),
    ((*DRUMS, "mute the kick"), "in 8 Takten the kick comes back", ["/at 8 bar /seq/mute kick 0"]),
    ((*DRUMS, "mute the snare"), "the snare comes back in 4 bars", ["/at 4 bar /seq/mute snare 0"]),
    ((*DRUMS, "mute the kick"), "drop in 8 bars, kick comes back", ["/at 8 bar /seq/mute kick 0"]),
    (DRUMS, "all drum stop 1 bar then come back", ["/seq/mute kick 1 1", "/seq/mute snare 1 1", "/seq/mute hats 1 1"]),
    (DRUMS, "hats out for 2 bars and back", ["/seq/mute hats 1 2"]),
])
def test_time_said_loosely_is_timed(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_a_loosely_timed_line_says_how_it_was_read():
    assert echo(*DRUMS, "all drum stop 1 bar then come back") == ["read as 'mute the drums for 1 bar'",
                                                                  "kick, snare, hats out for 1 bar, then back by itself"]


# -- a take or a session named in a clause of its own ----------------------------------------------
@pytest.mark.parametrize("phrase, expected", [
    ("record start, name mv_take1", "/record/start mv_take1.wav"),
    ("record, name: jam", "/record/start jam.wav"),
    ("record please, file 'ensaio'", "/record/start ensaio.wav"),
    ("save it, title 'sunday'", "/session/save sunday"),
    ("load last weeks set, it's called easter_2026", "/session/load easter_2026"),
    ("Save the current state as study_no_4.", "/session/save study_no_4"),
])
def test_a_take_or_session_named_in_a_clause_of_its_own(phrase, expected):
    assert last(*ACID, phrase) == [expected]


def test_a_bare_name_word_before_words_is_not_a_file_name():
    refused(*ACID, "record, name the take later")           # never a take called 'the_take_later'


# -- silent wrongs -----------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["it's too low, move it up a bit", "brighter, and turn it up a bit"])
def test_a_bare_move_after_a_quality_word_asks_instead_of_doing_both(phrase):
    assert "say one" in refused(*PAD, phrase)


def test_a_count_of_repeats_is_never_left_out_as_an_aside():
    refused(*GUITAR, "add a delay", "slapback shorter, like 90 ms, one repeat")   # never only the time


def test_a_note_given_to_tune_the_band_plays_it():
    assert last(*PAD, "give me an A 440 to tune the band") == ["/gate/sine1 1 440.0"]


def test_a_tempo_after_a_quality_word_is_never_taken_as_an_amount():
    refused(*DRUMS, "slow blues, 66 bpm")                      # never 120 − 66


@pytest.mark.parametrize("phrase, expected", [("overwrite mix_v3 with this", "/session/save mix_v3 overwrite"),
                                              ("overwrite night-drive with what we have", "/session/save night-drive overwrite")])
def test_overwrite_a_session_with_this_keeps_its_name(phrase, expected):
    assert last(*ACID, phrase) == [expected]


def test_clip_that_is_asked_but_clip_a_part_clips_it():
    refused(*ACID, "clip that")                                # a streamer's clip, or a clipper? not guessed
    assert last(*ACID, "clip the bass")[-1] == "/mod/distortion1/mode hard"


# -- a Portuguese- or French-speaking musician's words ---------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "tira the chimbal", ["/seq/mute hats 1"]),
    ((*DRUMS, "mute the hats"), "bota the chimbal back", ["/seq/mute hats 0"]),
    (DRUMS, "the caixa more quiet", ["/mod/snare1/gain 0.7"]),
    (DRUMS, "surdo more grave", ["/mod/kick1/freq 42.044821"]),
    (DRUMS, "inverte the kick", ["/seq/reverse kick"]),
    (DRUMS, "para tudo", ["/seq/stop"]),
    ((*DRUMS, "mute the snare"), "in 2 compassos bring the caixa back", ["/at 2 bar /seq/mute snare 0"]),
    (ACID, "filter at 800 and the résonance at 80%", ["/mod/acid_filter1/cutoff 800.0", "/mod/acid_filter1/resonance 0.8"]),
])
def test_portuguese_and_french_words_for_parts_bars_and_verbs(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_un_peu_alone_after_a_comma_is_still_only_colour():
    assert last(*ACID, "the filter more open, un peu")[-1].startswith("/mod/acid_filter1/cutoff")


@pytest.mark.parametrize("phrase", ["agian", "do that agian"])
def test_a_typo_of_again_repeats_the_last_command(phrase):
    assert last(*DRUMS, "kick louder", phrase) == ["/mod/kick1/gain 1.0"]


@pytest.mark.parametrize("phrase, expected", [("kick a lil louder rn", ["/mod/kick1/gain 0.9"]),
                                              ("snare less snappy tbh", ["/mod/snare1/snap 0.4"])])
def test_chat_shorthand_is_chatter(phrase, expected):
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("context, phrase, expected", [
    (ACID, "bass go octave down", ["/mod/saw1/freq 27.5", "/seq/notes bass a0 a0 c1 a0"]),
    (DRUMS, "swing little bit, 25%", ["/seq/swing 0.25 8"]),
    (DRUMS, "hats pan right a lil", ["/mod/hat1/pan 0.25"]),
    ((*DRUMS, "add a sine at 440 hz"), "Could you move it to the left speaker?", ["/mod/sine1/pan -0.5"]),
])
def test_a_learners_word_order_and_small_words(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "hi-hat little more left", ["/mod/hat1/pan -0.2"]),
    (DRUMS, "the kick a bit further to the right", ["/mod/kick1/pan 0.2"]),
    ((*DRUMS, "pan the hats left"), "hats more to the left", ["/mod/hat1/pan -0.7"]),
])
def test_more_to_one_side_moves_the_pan_from_where_it_is(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("phrase", ["the kick comes back", "kick come back", "kick is back"])
def test_a_part_that_comes_back_now_is_unmuted(phrase):
    assert last(*DRUMS, "mute the kick", phrase) == ["/seq/mute kick 0"]


def test_the_swing_chosen_is_said_back():
    assert echo(*DRUMS, "swing 0.6") == ["swing 0.6: every second 8th 0.6 of an 8th late"]
    assert echo(*DRUMS, "swing 20%") == ["swing 20%: every second 8th 0.2 of an 8th late"]   # the note value chosen: said


def test_what_a_change_is_for_is_left_out_but_a_time_is_not():
    assert last(*ACID, "bass detune 10 cent for thick") == ["/mod/saw1/detune 10.0"]
    refused(*ACID, "mute the kick for next verse")             # 'next verse' says when: never dropped


@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "the drums go to the left speaker", ["/mod/kick1/pan -0.5", "/mod/snare1/pan -0.5", "/mod/hat1/pan -0.5"]),
    (DRUMS, "the hats go right", ["/mod/hat1/pan 0.5"]),
    ((*DRUMS, "mute the kick", "mute the hats"), "everybody back in", ["/seq/mute kick 0", "/seq/mute hats 0"]),
])
def test_a_childs_or_learners_words_for_sides_and_everyone(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("context, phrase, expected", [
    (GUITAR, "guitar left 40", ["/mod/saw1/pan -0.4"]),
    (PAD, "detune the sine minus 50 cent for bayati feeling", ["/mod/sine1/detune -50.0"]),
    (ACID, "resonance up a bit for a dub vibe", ["/mod/acid_filter1/resonance 0.595"]),
])
def test_a_daws_side_readout_and_a_feeling_said_after(context, phrase, expected):
    assert last(*context, phrase) == expected


@pytest.mark.parametrize("phrase", ["the saw 7 cent detuned", "the saw detuned by 7 cents"])
def test_a_detune_said_after_its_amount_or_its_part(phrase):
    assert last(*ACID, phrase) == ["/mod/saw1/detune 7.0"]


@pytest.mark.parametrize("phrase", ["swing it lickle bit", "shuffle little bit"])
def test_a_little_bit_said_last_is_a_bit(phrase):
    assert last(*DRUMS, phrase) == ["/seq/swing 0.2 8"]   # (from none, a swing you hear: session 24; of 8ths, s25)


@pytest.mark.parametrize("context, phrase, expected", [
    (DRUMS, "take 2 dB off the kick", ["/mod/kick1/gain 0.635463"]),
    (ACID, "gain stage everything down 6 dB", ["/mod/master/gain -6.0"]),
    (ACID, "the hats are masking the bass, pull the hats 2 dB and push the bass 1 dB",
     ["/mod/hat1/gain 0.635463", "/mod/saw1/gain 0.561009"]),
])
def test_a_mixing_engineers_level_moves_in_db(context, phrase, expected):
    assert last(*context, phrase) == expected
