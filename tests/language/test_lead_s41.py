"""Session 41 (lead): a chord held 'soft', an effect said as a verb ('delay the keys'), a track named like a rhythm
('mute the clave'), a section said before a length ('for the intro, 4 bars'), a chord's purpose ('F7 to turn it
around') and a loud marking that never lowers a part (nor a soft one raises it)."""
from __future__ import annotations

import pytest

from .test_lead_s39 import DRUMS, PAD
from .test_time_harmony_classes import echo, last


@pytest.mark.parametrize("phrase", ["hold a soft d major chord on the pad", "hold a warm d major chord on the pad",
                                    "Hold a gentle D major chord on the pad, please."])
def test_a_chord_said_soft_or_warm_is_held(phrase):
    """'Hold a soft D major chord on the pad' was refused ('no module called soft d major chord'), so the next chord
    change ('Now change the chord to G major') went to the bell."""
    assert last(*PAD, phrase) == ["/gate/triangle1 1 146.832384 184.997211 220.0"]


def test_an_effect_said_as_a_verb_on_a_part_adds_it_there():
    made = last(*PAD, "delay the pad")
    assert made[0] == "/patch/create delay1 delay" and "/patch/connect triangle1 delay1" in made
    assert "/patch/connect triangle1 delay1" in last(*PAD, "dly pad")


CLAVE = ("/patch/create snare1 snare", "/patch/connect snare1 master", "/seq/add clave snare1 x..x..x...x.x...",
         "/patch/create triangle1 triangle", "/patch/connect triangle1 master", "/seq/add montuno triangle1 x.xx.x.xx.xx.x.x")


@pytest.mark.parametrize("phrase, made", [
    ("Mute the clave for 2 bars.", ["/seq/mute clave 1 2"]),      # 'no module called mute': the rhythm called clave
    ("mute the clave", ["/seq/mute clave 1"]),
    ("solo the clave", ["/seq/mute montuno 1"]),
])
def test_a_track_named_like_a_rhythm_is_that_track(phrase, made):
    assert last(*CLAVE, phrase) == made


def test_a_named_rhythm_on_a_part_still_plays_it():
    assert last(*CLAVE, "the snare plays a tresillo") == ["/seq/add clave snare1 x..x..x.x..x..x."]


@pytest.mark.parametrize("phrase, made", [
    ("Lay the snare out for the intro, 4 bars.", ["/seq/mute snare 1 4"]),
    ("hats off for the intro, 4 bars", ["/seq/mute hats 1 4"]),
    ("kick out in the bridge, for 2 bars", ["/seq/mute kick 1 2"]),
])
def test_a_section_said_before_a_length_is_the_length(phrase, made):
    assert last(*DRUMS, phrase) == made


def test_a_chord_to_turn_it_around_is_the_chord():
    made = last(*PAD, "hold an eb chord on the pad", "F7 to turn it around.")
    assert made[-1] == "/gate/triangle1 1 174.614116 220.0 261.625565 311.126984"


@pytest.mark.parametrize("marking", ["forte", "forte please"])
def test_a_loud_marking_never_lowers_a_part(marking):
    """'snare forte' on a snare at 0.8 set it to forte's −3 dB (0.71): quieter, on a word that means loud."""
    lines = (*DRUMS, "/mod/snare1/gain 0.8", f"snare {marking}")
    assert float(last(*lines)[0].split()[-1]) > 0.8 and "a step louder" in echo(*lines)


def test_a_soft_marking_never_raises_a_part_and_a_marking_the_right_way_is_its_level():
    lines = (*DRUMS, "/mod/snare1/gain 0.05", "snare pianissimo")
    assert float(last(*lines)[0].split()[-1]) < 0.05 and "quieter" in echo(*lines)
    assert last(*DRUMS, "/mod/snare1/gain 0.5", "snare forte") == ["/mod/snare1/gain 0.707946"]
    assert last(*DRUMS, "/mod/snare1/gain 0.5", "snare pianissimo") == ["/mod/snare1/gain 0.125893"]
