"""Issue 13, session 25: the classes behind a blind trial's silent wrongs and unhelpful refusals — a
whole-piece word with several parts heard (the mix, not the part last touched), an effect put on a part
(the one there moves), a sound described ('the beeping') and what 'it' took said back, an effect for a
silent part (asked), a recording played back (said where it is), chord names after a label (never a
melody overwritten), 'stop' (silence: the drones too), and refusals that give a working phrasing."""
import pytest

from chronus_shell.language import LanguageError, Translator

from .test_musicians import refused
from .test_phrasing_classes import ACID, PAD, last

#: A hymn: chords on the organ, a melody on the flute, both droning (no envelope).
HYMN = ("add a square called organ", "in g major", "chords g c d g", "add a sine called flute",
        "melody on the flute: g4 g4 a4 g4 c5 b4", "raise the melody an octave")
#: A beginner's patch: a kick and hats playing, a sine droning.
BEGINNER = ("four on the floor on the kick", "start", "add a sine", "add hats", "hats on every other step")


def said(*lines) -> list[str]:
    translator = Translator()
    for line in lines:
        translator.translate(line)
    return translator.understood


# -- a whole-piece word, several parts heard: the whole mix -------------------------------------------
@pytest.mark.parametrize("context, phrase, expected", [
    (HYMN, "crescendo over 4 bars", ["/ramp/master/gain 3.0 16"]),
    (HYMN, "now diminuendo", ["/ramp/master/gain -3.0 16"]),
    (HYMN, "a diminuendo over 2 bars", ["/ramp/master/gain -3.0 8"]),
    (BEGINNER, "its too loud", ["/mod/master/gain -3.0"]),
    (BEGINNER, "it's too quiet", ["/mod/master/gain 3.0"]),
    (BEGINNER, "too loud", ["/mod/master/gain -3.0"]),
    (BEGINNER, "the drummer says it's too loud", ["/mod/master/gain -3.0"]),
])
def test_a_whole_piece_word_with_several_parts_heard_is_the_mix(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_the_mix_is_said_back():
    assert "the whole mix" in said(*HYMN, "crescendo over 4 bars")[-1]


@pytest.mark.parametrize("lines, expected", [
    ((*BEGINNER, "add a saw", "it's too loud"), ["/mod/saw1/gain 0.4"]),      # the part just added: that one
    ((*BEGINNER, "add a saw", "louder"), ["/mod/saw1/gain 0.6"]),
    ((*BEGINNER, "the sine is too loud"), ["/mod/sine1/gain 0.4"]),           # a part named: that part
    ((*HYMN, "crescendo on the flute over 2 bars"), ["/ramp/flute/gain 0.6 8"]),
    (("add a saw", "crescendo over 4 bars"), ["/ramp/saw1/gain 0.6 16"]),     # one part heard: it
    ((*PAD, "the sine plays a melody: D5 F5 E5 C5 A4", "diminuendo over 2 bars"), ["/ramp/sine1/gain 0.4 8"]),  # just written
    ((*BEGINNER[:-1], "hats on every other step", "its too loud"), ["/mod/master/gain -3.0"]),   # a complaint: the mix
    ((*BEGINNER, "turn off the sine", "hats louder", "louder"), ["/mod/hat1/gain 1.0"]),   # a bare 'louder': the focus
])
def test_a_part_named_just_added_or_alone_keeps_the_word(lines, expected):
    assert last(*lines) == expected


# -- 'put the filter on X': the filter there moves, its settings kept --------------------------------
REESE = ("play x.x..x.x.xx..x. on kick", "add a lowpass filter at 400hz", "add a saw called reese at 55 hz")


@pytest.mark.parametrize("phrase", ["put the filter on the reese", "move the filter to the reese",
                                    "move the filter onto the reese", "stick the filter on the reese"])
def test_an_effect_put_on_a_part_moves_there(phrase):
    out = last(*REESE, phrase)
    assert not any(m.startswith("/patch/create") for m in out)
    assert "/patch/connect reese filter1" in out and "/patch/connect kick1 master" in out
    assert said(*REESE, phrase)[0] == "moved filter1 from kick1 to reese (its settings kept)"


def test_a_new_one_is_still_added_when_asked_for():
    assert last(*REESE, "put a filter on the reese")[0] == "/patch/create filter2 filter"


def test_two_it_could_be_are_asked_about_and_one_there_is_said():
    lines = (*REESE, "add a filter to the reese", "add a sine")
    assert refused(*lines, "put the filter on the sine").startswith("which filter? filter1 (on kick1) or filter2 (on reese)")
    assert "filter1 is on kick1 already" in refused(*REESE, "put the filter on the kick")


# -- a sound described, and 'it' said back --------------------------------------------------------
@pytest.mark.parametrize("phrase", ["the beeping is annoying, turn it off", "turn off the beeping",
                                    "mute that whining sound"])
def test_the_beeping_is_the_one_droning_oscillator(phrase):
    assert last(*BEGINNER, phrase) == ["/mod/sine1/gain 0.0"]


@pytest.mark.parametrize("phrase, echo", [
    ("turn it off", "it → the bass track: off"), ("silence it", "it → the bass track: off"),
    ("turn that off", "that → the bass track: off"),
    ("lose it", "it → acid_filter1: removed"), ("get rid of it", "it → acid_filter1: removed"),   # an effect in focus
])
def test_a_mute_or_removal_of_it_says_which_part_it_took(phrase, echo):
    assert said(*ACID, phrase) == [echo]


# -- an effect for a silent part: asked -----------------------------------------------------------
def test_an_effect_with_no_part_while_the_focus_is_silent_is_asked_about():
    error = refused(*BEGINNER, "turn off the sine", "add some echo")
    assert error.startswith("sine1 is silent — which part gets the delay?") and "kick1, hat1" in error
    assert last(*BEGINNER, "turn off the sine", "add a delay to the hats")[0] == "/patch/create delay1 delay"


# -- a recording played back ----------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["play it back", "play back the recording", "listen to it", "can you play it back",
                                    "play the recording", "let me hear what i recorded"])
def test_a_recording_played_back_says_where_it_is_and_gates_nothing(phrase):
    assert refused(*BEGINNER, "record it", "stop recording", phrase).startswith("I can't play a recording back")


@pytest.mark.parametrize("phrase, expected", [("play it", "/gate/saw1 1"), ("play it again", "/seq/start")])
def test_play_it_is_still_a_note_or_the_music(phrase, expected):
    assert last(*ACID, phrase) == [expected]


# -- chord names after a label ------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["amen: Ab Eb", "verse: G C D G", "ending: Ab Eb Bb7"])
def test_chord_names_after_a_label_are_chords_never_a_melody(phrase):
    assert "the chords play on organ" in refused(*HYMN, phrase)


def test_with_no_chord_part_a_melody_in_focus_is_kept_and_asked_about():
    lines = ("add a square called organ", "add a sine called flute", "melody on the flute: g4 g4 a4 g4 c5 b4")
    assert "chords ab eb on organ" in refused(*lines, "amen: Ab Eb")
    assert last(*lines, "chords ab eb on organ", "amen: Ab Eb")[1].startswith("/seq/notes chords ab3+c4+eb4")


def test_a_label_naming_a_part_keeps_its_notes():
    out = last("add a sine called flute", "flute: E D C")
    assert out[0] == "/seq/add flute flute xxx" and out[1].startswith("/seq/notes flute e") and "+" not in out[1]


# -- stop is silence ------------------------------------------------------------------------------
def test_stop_silences_the_drones_and_start_brings_them_back():
    assert last(*HYMN, "stop") == ["/seq/stop", "/mod/organ/gain 0.0", "/mod/flute/gain 0.0"]
    assert last(*HYMN, "stop", "start") == ["/seq/start", "/mod/organ/gain 0.5", "/mod/flute/gain 0.5"]
    assert "'start' brings them back" in said(*HYMN, "stop")[0]
    assert last(*PAD, "stop at the next bar")[1:] == ["/at 1 bar /mod/triangle1/gain 0.0", "/at 1 bar /mod/sine1/gain 0.0"]


def test_stop_with_envelopes_only_stops():
    assert last(*ACID, "stop") == ["/seq/stop"]


# -- refusals with a working phrasing -------------------------------------------------------------
@pytest.mark.parametrize("context, phrase, starts", [
    ((), "hello", "hello! 'help' lists"),
    ((), "hi there!", "hello! 'help' lists"),
    ((), "how do i make music", "start with a beat and a sound"),
    ((), "how do i start", "start with a beat and a sound"),
    ((), "something chill", "I don't make music from a mood"),
    ((), "make a beat", "a beat is a part at a time: 'four on the floor'"),
    ((), "play a drum beat", "a beat is a part at a time"),
    (BEGINNER, "i cant hear anything", "nothing heard? 'start' runs the patterns"),
    (("add a square called organ",), "make the organ sound more like pipes", "I can't make a sound like another"),
    ((), "can you play a piano", "I play notes on a sound, not tunes or instruments by name"),
    ((), "play twinkle twinkle little star", "I play notes on a sound"),
    ((), "same for the snare", "'same for …' does the last change again"),
])
def test_a_refusal_gives_a_working_phrasing(context, phrase, starts):
    assert refused(*context, phrase).startswith(starts)


@pytest.mark.parametrize("context, phrase, expected", [
    ((), "what does cutoff mean", ["/shell/help cutoff"]),
    ((), "what is cutoff?", ["/shell/help cutoff"]),
    ((), "what's resonance do", ["/shell/help resonance"]),
    (ACID, "what is cutoff?", ["/shell/show acid_filter1.cutoff 800.0"]),    # one there: its value
    ((), "what can i do", ["/shell/help"]),
])
def test_what_a_word_means_is_its_help(context, phrase, expected):
    assert last(*context, phrase) == expected


def test_a_complaint_passed_on_then_the_change_is_the_change():
    out = last("add a square called organ", "in g major", "chords g c d g",
               "the choir finds it too high, take it down a tone")
    assert out[0].startswith("/seq/notes chords f3+a3+c4")


@pytest.mark.parametrize("phrase", ["flute plays the melody e5 d5 c5 d5 e5 e5 e5", "flute plays e5 d5 c5 d5 e5 e5 e5",
                                    "the flute melody e5 d5 c5 d5 e5 e5 e5"])
def test_a_part_plays_notes_said_in_words(phrase):
    assert last("add a sine called flute", phrase)[-1] == "/seq/notes flute e5 d5 c5 d5 e5 e5 e5"


@pytest.mark.parametrize("answer, expected", [
    ("one after another", "/seq/notes sine1 c4 d4 e4 f4 g4"), ("as a melody", "/seq/notes sine1 c4 d4 e4 f4 g4"),
    ("the first one", "/seq/notes sine1 c4 d4 e4 f4 g4"), ("together", "/gate/sine1 1"), ("as a chord", "/gate/sine1 1"),
])
def test_the_answer_to_the_shells_own_question_is_taken(answer, expected):
    translator = Translator()
    for line in ("add a sine",):
        translator.translate(line)
    with pytest.raises(Exception):
        translator.translate("play c d e f g on the sine")
    out = [str(m) for m in translator.translate(answer)]
    assert out[-1].startswith(expected) and translator.understood[0].startswith(f"{answer}: ")


def test_an_answer_word_without_a_question_is_not_one():
    refused("add a sine", "one after another")


@pytest.mark.parametrize("between, taken", [("make it sound happy", True), ("add a saw", False)])
def test_a_question_stands_until_a_line_works(between, taken):
    translator = Translator()
    translator.translate("add a sine")
    for line in ("play c d e f g on the sine", between):
        try:
            translator.translate(line)
        except LanguageError:
            pass
    if taken:
        assert str(translator.translate("one after another")[-1]) == "/seq/notes sine1 c4 d4 e4 f4 g4"
    else:
        with pytest.raises(LanguageError):
            translator.translate("one after another")


@pytest.mark.parametrize("phrase", ["what is muted", "what's muted?", "is the kick muted?", "which tracks are muted"])
def test_what_is_muted_is_the_tracks_table(phrase):
    assert last(*BEGINNER, phrase) == ["/shell/list tracks"]


def test_a_reading_of_every_word_beats_one_that_leaves_a_clause_out():
    assert last("add a saw", "add a reverb, make it huge")[-1] == "/mod/reverb1/room 0.7"


@pytest.mark.parametrize("phrase", ["drop", "the drop"])
def test_drop_alone_says_what_a_drop_is_here(phrase):
    assert refused(*BEGINNER, phrase).startswith("drop what? a breakdown is parts muted")


def test_an_effect_with_no_part_named_says_where_it_went_when_there_are_several_parts():
    assert said("add a saw", "add a sine", "add some echo") == ["delay1 on sine1, the part in focus"]
    assert said("add a saw", "add a reverb") == []


def test_an_effect_said_on_a_part_that_has_one_never_adds_a_second_by_a_reading():
    out = Translator()
    for line in PAD:
        out.translate(line)
    with pytest.raises(LanguageError):
        out.translate("echo on the melody")              # the sine has a delay: more of it, or another? asked
    assert last(*PAD, "reverb on the sine")[0] == "/patch/create reverb2 reverb"   # none there: one comes


@pytest.mark.parametrize("phrase, starts", [
    ("time signature 3/4", "the sequencer keeps no time signature"),
    ("chords 1 4 1 5 in 3/4", "the sequencer keeps no time signature"),
    ("why is it still beeping", "I can't say why — 'what is playing'"),
])
def test_metre_and_why_refusals_say_what_works(phrase, starts):
    assert refused("add a square called organ", "in g major", phrase).startswith(starts)


@pytest.mark.parametrize("context, phrase, expected", [
    (PAD, "the triangle brighter, like a metal bar", "/mod/filter1/cutoff 1189.207115"),
    (("kick x...x...x...x...",), "kick a bit deeper like the cajon bass", "/mod/kick1/freq 42.044821"),
])
def test_a_simile_after_a_change_is_left_out_and_said(context, phrase, expected):
    assert last(*context, phrase) == [expected]
    assert said(*context, phrase)[0].startswith("'like ")


def test_a_simile_never_leaves_a_bare_verb():
    assert not any(m.startswith("/gate/") for m in last(*ACID, "play it like a waltz"))


@pytest.mark.parametrize("phrase, expected", [
    ("whoa too loud", "/mod/master/gain -3.0"), ("oof, that's too loud", "/mod/master/gain -3.0"),
    ("ugh too bright", "/mod/acid_filter1/cutoff 672.717132"),
])
def test_an_interjection_before_a_request_is_chatter(phrase, expected):
    assert last(*ACID, phrase) == [expected]


@pytest.mark.parametrize("context, phrase, expected", [
    (ACID, "decay short 50ms", ["/mod/acid_filter1/decay 50.0"]),
    (PAD, "the sine very soft, 10%", ["/mod/sine1/gain 0.1"]),
])
def test_a_word_for_the_value_before_its_number_is_the_number(context, phrase, expected):
    assert last(*context, phrase) == expected
