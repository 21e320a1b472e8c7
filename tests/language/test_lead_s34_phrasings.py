"""Session 34 (lead): the cases outside trials found, each with phrasings of its family."""
from __future__ import annotations

import pytest

from chronus_shell.language import Translator
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
