"""Session 34 (lead): the cases outside trials found, each with phrasings of its family."""
from __future__ import annotations

import pytest

from chronus_shell.language import Translator
from chronus_shell.language.errors import LanguageError
from chronus_shell.language.ramp_trims import read_over_ramps


def _translator(*lines):
    translator = Translator()
    for line in lines:
        translator.translate(line)
    return translator


def _mid_fade(translator, playing=0.02, going=0.5, beats=9.5):
    """The tone fading in, as the shell's RampWatch tells the model mid-fade."""
    model = translator.model
    model.values["tone"] = {**model.values["tone"], "gain": playing}
    model.going_to, model.going_for = {"tone.gain": going}, {"tone.gain": (beats, "exp")}


@pytest.mark.parametrize("phrase", ["pull tone down 3 dB", "tone -3 db", "turn tone down 3db", "tone 3 db quieter"])
def test_a_level_stepped_mid_fade_trims_the_fade(phrase):
    translator = _translator("add a sine called tone", "fade in tone over 4 bars")
    _mid_fade(translator)
    [trim] = read_over_ramps(translator, phrase)
    assert trim.address == "/ramp/tone/gain" and trim.args[1:3] == (9.5, "exp")
    assert trim.args[0] == pytest.approx(0.5 * 10 ** (-3 / 20), rel=1e-4)        # 3 dB under where it was going
    assert trim.args[3] == pytest.approx(0.02 * 10 ** (-3 / 20), rel=1e-4)       # and 3 dB down from where it plays
    assert translator.model.value("tone", "gain") == pytest.approx(trim.args[0])  # the model knows it by its end
    assert "the fade goes on" in " ".join(translator.understood)
    assert translator.undo_stack[-1].forward == [trim]                           # a redo trims again


@pytest.mark.parametrize("phrase, value", [("tone volume 0.3", 0.3), ("tone gain -12 db", 10 ** (-12 / 20))])
def test_a_level_said_outright_mid_fade_stops_the_fade_there(phrase, value):
    translator = _translator("add a sine called tone", "fade in tone over 4 bars")
    _mid_fade(translator)
    [setting] = read_over_ramps(translator, phrase)
    assert setting.address == "/mod/tone/gain" and setting.args[0] == pytest.approx(value, rel=1e-4)


def test_a_step_of_another_param_mid_fade_is_untouched():
    translator = _translator("add a sine called tone", "fade in tone over 4 bars")
    _mid_fade(translator)
    assert [str(m) for m in read_over_ramps(translator, "tone up an octave")][0].startswith("/mod/tone/freq")


@pytest.mark.parametrize("phrase", ["tone quieter by 3 db", "make tone quieter", "tone louder", "tone up 3 db",
                                    "tone 3 db quieter"])
def test_a_sound_named_like_a_param_is_the_sound(phrase):
    """A sine the musician called 'tone': 'tone louder' is its level (it said no module had a 'tone' param)."""
    assert [m.address for m in _translator("add a sine called tone").translate(phrase)] == ["/mod/tone/gain"]


def test_the_param_tone_still_reads_as_the_param_with_no_sound_of_that_name():
    assert [m.address for m in _translator("add a saw", "add a distortion").translate("tone up")] == \
        ["/mod/distortion1/tone"]


DRUMS = ("/patch/create kick1 kick", "/patch/connect kick1 master", "/patch/create snare1 snare", "/patch/connect snare1 master",
         "/patch/create hat1 hat", "/patch/connect hat1 master", "/seq/add kick kick1 x...x...", "/seq/add snare snare1 ....x...",
         "/seq/add hats hat1 x.x.x.x.", "/seq/start")


def _said(*lines):
    return [str(m) for m in _translator(*lines[:-1]).translate(lines[-1])]


@pytest.mark.parametrize("phrase", ["shaker humanize, like a real hand", "shaker humanize a bit", "humanize the shaker"])
def test_a_verb_after_its_part(phrase):
    """It crashed on 'shaker humanize, like a real hand' (an empty param said before 'like')."""
    assert _said(*DRUMS, "/seq/add shaker hat1 x.x.x.x.", phrase)[0].startswith("/seq/humanize shaker")


@pytest.mark.parametrize("phrase", ["kebero pattern x..x..x..x.. , 12 steps", "kebero x..x..x..x.., 12 steps"])
def test_a_count_of_steps_after_a_pattern_is_its_length(phrase):
    """It set the hat's decay to 12 sixteenths (1.4 s) too."""
    assert _said(*DRUMS[:6], "/seq/add kebero kick1 x.....x.....", phrase) == ["/seq/add kebero kick1 x..x..x..x.."]


def test_a_count_of_steps_that_is_not_the_pattern_s_length_is_refused():
    with pytest.raises(LanguageError, match="12 steps, not 16"):
        _said(*DRUMS, "kick x..x..x..x.., 16 steps")


def test_a_count_of_steps_alone_is_no_time_of_the_focus():
    with pytest.raises(LanguageError):
        _said(*DRUMS, "12 steps")


@pytest.mark.parametrize("label, phrase", [("the sine is our vibraphone", "vibes louder"),
                                           ("the sine is my saxophone", "sax louder"),
                                           ("the sine is the vibes", "vibraphone louder")])
def test_a_label_answers_to_its_short_form(label, phrase):
    assert _said("add a triangle", "add a sine", label, phrase)[0].startswith("/mod/sine1/gain")


@pytest.mark.parametrize("lines, expected", [
    (("add a square", "/gate/square1 1 164.81 246.94", "the square is my drone", "change the drone to D and A"),
     "/gate/square1 1 146.832384 220.0"),
    (("add a square", "/seq/add acidline square1 xxxx", "/seq/notes acidline e4 g4 a4 b4", "the square is my lead",
      "hold a drone on the lead: E and B"), "/gate/square1 1 164.813778 246.941651"),
    (("add a square", "the square is my lead", "the lead drone E and B"), "/gate/square1 1 164.813778 246.941651"),
    (("add a square", "the square is my lead", "hold E and B on the lead"), "/gate/square1 1 164.813778 246.941651"),
])
def test_notes_said_as_a_drone_are_held_together(lines, expected):
    """They became chords a bar each, or the lead's melody."""
    assert _said(*lines) == [expected]


def test_changing_a_part_that_holds_no_notes_to_letters_is_left_to_the_others():
    from chronus_shell.language.held_notes import held_notes
    assert held_notes("change the square to D and A", _translator("add a square").model) is None


@pytest.mark.parametrize("phrase, name", [("Please save this as 'Tosca act 2'.", "'Tosca act 2'"),
                                          ("Load 'Tosca act 2'.", "'Tosca act 2'"), ("save as v1.2", "v1.2")])
def test_a_full_stop_after_a_session_name_ends_the_sentence(phrase, name):
    assert _said("add a saw", phrase)[0].endswith(" " + name)


@pytest.mark.parametrize("phrase, name", [("record the set, name it goa_gil_tribute.wav", "goa_gil_tribute.wav"),
                                          ("record. dummy_demo.wav", "dummy_demo.wav"),
                                          ("start recording, call it take1.wav", "take1.wav")])
def test_a_recording_s_file_name_said_after_it(phrase, name):
    assert _said("add a saw", phrase) == [f"/record/start {name}"]


@pytest.mark.parametrize("phrase", ["key Do mayor, C major", "key C major, C major"])
def test_a_key_said_twice_is_set_once(phrase):
    assert _said("add a saw", phrase) == ["/seq/key c major"]


def test_same_for_after_a_refused_line_is_not_of_a_clause_of_it():
    """'hats softer and <something unread>' refused, then 'same for the snare': it did 'snare softer', the clause of
    the refused line read on the way."""
    translator = _translator(*DRUMS)
    with pytest.raises(LanguageError):
        translator.translate("hats softer and wobblier pan")
    with pytest.raises(LanguageError):
        translator.translate("same for the snare")


@pytest.mark.parametrize("phrase, pan", [("hats softer and a touch left", -0.25), ("the hats louder, a bit to the right", 0.25)])
def test_a_side_after_a_change_of_a_part(phrase, pan):
    said = _said(*DRUMS, phrase)
    assert said[0].startswith("/mod/hat1/gain") and said[1].startswith("/mod/hat1/pan") and float(said[1].split()[1]) == pan


@pytest.mark.parametrize("phrase, muted", [("break! everybody out 1 bar, only the clave", ("kick", "hats")),
                                           ("everybody out for 2 bars except the clave", ("kick", "hats")),
                                           ("all out two bars, just the kick", ("snare", "hats"))])
def test_every_part_out_for_a_time_but_one(phrase, muted):
    """It muted the clave too for the bar, then soloed it for good."""
    said = _said(*DRUMS, "the snare is my clave", phrase)
    assert [m.split()[1] for m in said] == list(muted) and all(m.startswith("/seq/mute") for m in said)


def test_a_long_tail_after_a_reverb_is_the_reverb_s():
    said = _said(*DRUMS, "reverb on the snare, long tail, 80% wet")
    assert "/mod/reverb1/room 0.7" in said and not any("snare1/decay" in m for m in said)
    assert _said(*DRUMS, "snare longer tail")[0].startswith("/mod/snare1/decay")


@pytest.mark.parametrize("phrase", ["vinyl crackle underneath", "crackle underneath"])
def test_a_thing_not_in_the_patch_said_quieter_is_not_the_mix_quieter(phrase):
    with pytest.raises(LanguageError):
        _said(*DRUMS, phrase)
