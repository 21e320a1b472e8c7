"""A sound's quality said as a complaint or with the part first (language/qualities.py, session 20):
'the kick is a bit boomy' (no 'too' needed for a complaint), hedges left out ('kinda', "I'm afraid"),
'kick more boom', 'the kick should have more click', drums named with 'drum' ('the big drum')."""
import pytest

from .test_time_harmony_classes import ACID, DRUMS, last


@pytest.mark.parametrize("phrase", [
    "the kick is a bit boomy", "The big drum is a bit boomy, I'm afraid.", "the kick drum is muddy",
    "kick is kinda boomy", "the bass drum sounds boomy", "the kick is too boomy",
])
def test_a_complaint_takes_the_quality_down(phrase):
    (message,) = last(*DRUMS, phrase)
    assert message.startswith("/mod/kick1/decay ") and float(message.split()[1]) < 300


@pytest.mark.parametrize("phrase, address, up", [
    ("kick more boom", "/mod/kick1/decay", True), ("the kick should have more click", "/mod/kick1/punch", True),
    ("the bassdrum should have more click", "/mod/kick1/punch", True), ("the hats are a bit harsh", "/mod/hat1/tone", False),
    ("snare a bit less ring", "/mod/snare1/decay", False),
])
def test_the_part_named_first(phrase, address, up):
    (message,) = last(*DRUMS, phrase)
    before = {"/mod/kick1/decay": 300, "/mod/kick1/punch": 0.5, "/mod/hat1/tone": 8000, "/mod/snare1/decay": 150}[address]
    assert message.split()[0] == address and (float(message.split()[1]) > before) == up


@pytest.mark.parametrize("phrase", ["the bass is buzzy", "bass less buzz"])
def test_buzz_on_a_synth_is_its_brightness(phrase):
    (message,) = last(*ACID, phrase)
    assert message.startswith("/mod/acid_filter1/cutoff ") and float(message.split()[1]) < 800


def test_a_quality_that_is_praise_is_not_a_complaint():
    with pytest.raises(Exception):
        last(*DRUMS, "the kick is punchy")
