"""Issue 13, session 16: classes of musicians' phrasing that did the wrong thing (each test a
family, several wordings): now the right thing, or a refusal that says the working phrasing."""
import pytest

from chronus_shell.language import LanguageError

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, PAD, last


@pytest.mark.parametrize("verb", ["restore", "recall", "load", "kindly restore"])
@pytest.mark.parametrize("part, track", [("the kick drum", "kick"), ("the hats", "hats"), ("snare", "snare")])
def test_restoring_a_muted_part_brings_it_back_never_loads_a_session(verb, part, track):
    assert last(*DRUMS, f"mute the {track}", f"{verb} {part}") == [f"/seq/mute {track} 0"]


@pytest.mark.parametrize("phrase", ["restore the kick", "recall the hats", "load the snare"])
def test_restoring_a_part_that_plays_says_it_is_no_session(phrase):
    assert "not a saved session" in refused(*DRUMS, phrase)


@pytest.mark.parametrize("phrase", ["load night-drive", "restore dembow_01", "recall set-2 now"])
def test_a_session_name_still_loads(phrase):
    assert last(*DRUMS, phrase)[0].startswith("/session/load ")


@pytest.mark.parametrize("phrase", ["the stone is cold", "stor it as night"])
def test_a_guessed_word_never_saves_or_loads_a_session(phrase):
    """'stone' one letter off 'store': a typo guess never writes a session (refused with the guess)."""
    refused(*PAD, phrase)


def test_a_remark_with_a_lookalike_word_is_left_out_never_a_session():
    assert last(*PAD, "less damping, the stone walls are bright") == ["/mod/reverb1/damp 0.4"]


@pytest.mark.parametrize("phrase", [
    "Would you be so kind as to add a reverb?", "Be good enough to add a reverb.", "Might I ask you to add a reverb?",
    "Would it trouble you to add a reverb?", "Good afternoon. Would you be so kind as to add a reverb for me?",
    "I should like to add a reverb, if I may.",
])
def test_formal_requests_are_the_request(phrase):
    assert last(*DRUMS, phrase)[0] == "/patch/create reverb1 reverb"


@pytest.mark.parametrize("phrase", ["I wonder whether the hi-hat might be made somewhat brighter.",
                                    "I wonder if the hats could be made a bit brighter", "Could the hats be made brighter?"])
def test_a_wondered_change_is_made(phrase):
    assert last(*DRUMS, phrase)[0].startswith("/mod/hat1/tone ")


@pytest.mark.parametrize("phrase", ["I am afraid I made a mistake; would you undo the last change?",
                                    "we messed up, go back", "I made a mistake, undo that"])
def test_what_happened_then_the_request_is_the_request(phrase):
    assert last(*PAD, "set the cutoff to 300", phrase) == ["/mod/filter1/cutoff 1000.0"]   # undone


@pytest.mark.parametrize("phrase", ["I made it, listen",
                                    "the walls are made of stone"])
def test_english_words_one_letter_off_a_command_are_never_that_command(phrase):
    """'listen' is not 'list', 'made' not 'mode', 'stone' not 'store'."""
    refused(*DRUMS, phrase)


@pytest.mark.parametrize("phrase, wanted", [
    ("808 louder", "/mod/kick1/gain 0.9"), ("the 808 louder", "/mod/kick1/gain 0.9"), ("mute the 808", "/seq/mute kick 1"),
    ("shaker 16ths", "/seq/add hats hat1 xxxxxxxxxxxxxxxx"), ("pan shaker 40% left", "/mod/hat1/pan -0.4"),
    ("shaker chance 70%", "/seq/chance hats 0.7"), ("humanize the shakers a bit", "/seq/humanize hats 0.25"),
])
def test_an_instrument_the_kit_stands_in_for_is_that_part(phrase, wanted):
    """In a kit with no bass line the 808 is the kick; a shaker is played by the hats."""
    assert last(*DRUMS, phrase)[0] == wanted


@pytest.mark.parametrize("phrase, wanted", [("808 louder", "/mod/saw1/gain"), ("mute the 808", "/seq/mute bass 1")])
def test_the_808_is_the_bass_line_when_there_is_one(phrase, wanted):
    assert last(*ACID, phrase)[0].startswith(wanted)


@pytest.mark.parametrize("phrase", ["make the kick longer, more 808", "a bit less 808", "like an 808"])
def test_an_instrument_said_as_a_sound_is_not_that_part(phrase):
    """'more 808' is more of its character, not the bass line louder: refused, or the other words only."""
    try:
        sent = last(*ACID, phrase)
    except LanguageError:                   # a refusal is fine
        return
    assert not any(m.startswith("/mod/saw1/") for m in sent)


@pytest.mark.parametrize("phrase", ["make the kick play twice as often"])
def test_words_misread_as_one_name_get_the_nearest_working_phrasing(phrase):
    """'no module called kick play twice' says nothing useful: a documented form that works instead."""
    error = refused(*ACID, phrase)
    assert "I can't place" in error and "a phrasing I know: '" in error


@pytest.mark.parametrize("phrase", ["shorter gate, more staccato", "the gate longer"])
def test_a_weak_lookalike_is_not_offered(phrase):
    """'gate' is not 'master': no did-you-mean that points elsewhere."""
    assert "did you mean master" not in refused(*ACID, phrase)


@pytest.mark.parametrize("phrase, guess", [("add a sine wav", "sine"), ("cutof up", "cutoff")])
def test_a_close_lookalike_is_still_offered_or_taken(phrase, guess):
    try:
        error = refused(*ACID, phrase)
    except BaseException:                   # taken as the lookalike: fine
        return
    assert guess in error


@pytest.mark.parametrize("phrase, hz", [
    ("sine on c2", "65.406391"), ("put the sine on g2", "97.998859"), ("make the sine drone on f2", "87.307058"),
    ("the sine holds g2", "97.998859"), ("pedal point: the sine holds g2 the whole time", "97.998859"),
    ("keep the sine at c2 throughout", "65.406391"),
])
def test_a_voice_placed_on_a_note_is_its_pitch(phrase, hz):
    assert last(*PAD, phrase) == [f"/mod/sine1/freq {hz}"]


@pytest.mark.parametrize("phrase", ["put the reverb on c2", "the filter on a2"])
def test_an_effect_placed_on_a_note_is_refused(phrase):
    refused(*PAD, phrase)


@pytest.mark.parametrize("phrase, pan", [
    ("kick left 20%", "/mod/kick1/pan -0.2"), ("kick pan r 30%", "/mod/kick1/pan 0.3"),
    ("hats pan l", "/mod/hat1/pan -0.5"), ("snare panned right", "/mod/snare1/pan 0.5"),
])
def test_a_side_said_after_the_part_or_after_pan_is_its_pan(phrase, pan):
    assert last(*DRUMS, phrase) == [pan]


@pytest.mark.parametrize("phrase", ["add sqr", "add a sqr"])
def test_sqr_is_a_square(phrase):
    assert last(phrase)[0] == "/patch/create square1 square"


@pytest.mark.parametrize("phrase", ["load steps.wav into a sampler", "load steps.wav into the sampler"])
def test_a_file_loaded_into_a_sampler_there_is_not_makes_one(phrase):
    sent = last(phrase)
    assert sent[0] == "/patch/create sampler1 sampler" and sent[-1] == "/mod/sampler1/sample steps.wav"


@pytest.mark.parametrize("phrase, wanted", [
    ("vol up on the bass", "/mod/saw1/gain"), ("volume up on the bass", "/mod/saw1/gain"),
    ("reso up for the bass", "/mod/acid_filter1/resonance"), ("decay up on the kick", "/mod/kick1/decay"),
])
def test_a_setting_moved_then_the_part_is_that_parts_setting(phrase, wanted):
    assert last(*ACID, phrase)[0].startswith(wanted + " ")


@pytest.mark.parametrize("phrase", ["lfo on the cutoff, synced to the beat", "delay on the bass, dotted",
                                    "lfo on the cutoff, locked to the bars"])
def test_a_clause_tying_a_setting_to_the_beat_is_never_left_out(phrase):
    """'synced to the beat' says how fast: refused (with a phrasing) rather than dropped."""
    refused(*ACID, phrase)


def test_a_colouring_clause_is_still_left_out():
    assert last(*ACID, "decay 30ms, real plucky") == ["/mod/acid_filter1/decay 30.0"]


@pytest.mark.parametrize("before, phrase, wanted", [
    ("tempo 140", "back to 120", "/seq/bpm 120.0"), ("a touch faster", "ok back to 128", "/seq/bpm 128.0"),
    ("cutoff 300", "back to 800", "/mod/acid_filter1/cutoff 800.0"),
    ("cutoff up", "put it back to 500 hz", "/mod/acid_filter1/cutoff 500.0"),
])
def test_back_to_a_value_sets_what_was_just_moved(before, phrase, wanted):
    assert last(*ACID, before, phrase) == [wanted]


def test_back_to_a_value_with_nothing_moved_is_refused_without_a_lookalike():
    assert "did you mean" not in refused("add a saw", "back to 1000")     # (a tempo-like 120: the tempo, session 26)


@pytest.mark.parametrize("phrase", ["kick and snare louder", "kick and the snare louder", "make the snare punchier"])
def test_a_part_that_is_not_there_is_named_in_the_refusal(phrase):
    """Not what the grammar tripped on ('kick' needs a value): the snare is missing, and how to add one."""
    assert refused(*ACID, phrase) == "there is no snare yet — add one with 'add a snare'"


@pytest.mark.parametrize("phrase, wanted", [
    ("loud kick", "/mod/kick1/gain 0.9"), ("punchy kick", "/mod/kick1/punch 0.6"),
    ("bright hats", "/mod/hat1/tone 9513.65692"), ("make the hats dark", "/mod/hat1/tone 6727.171322"),
])
def test_a_plain_quality_with_its_part_is_its_comparative(phrase, wanted):
    assert last(*DRUMS, phrase) == [wanted]


def test_a_plain_quality_without_a_part_there_is_refused():
    refused(*DRUMS, "dark pad")


@pytest.mark.parametrize("phrase", ["sloppy hats", "make the hats sloppy and loose", "spacey pad"])
def test_two_edits_that_change_a_short_word_s_start_are_another_word_not_a_typo(phrase):
    """'sloppy' is not 'snappy': the hats never get snappier (refused, or read some other way)."""
    try:
        sent = last(*DRUMS, phrase)
    except LanguageError:
        return
    assert not any("/mod/hat1/tone" in m or "snap" in m for m in sent)


@pytest.mark.parametrize("phrase, wanted", [("cuttof 600", "/mod/filter1/cutoff 600.0"),
                                            ("resonanse 2", "/mod/filter1/q 2.0")])
def test_two_edits_after_the_same_start_are_still_a_typo(phrase, wanted):
    assert last(*PAD, phrase) == [wanted]


@pytest.mark.parametrize("phrase", ["make a beat", "give me a bass", "i want a synth"])
def test_a_known_word_that_is_no_setting_is_never_asked_for_a_value(phrase):
    """'beat 50%' is no phrasing that works: the refusal never suggests it."""
    assert "needs a value" not in refused("add a saw", phrase)
