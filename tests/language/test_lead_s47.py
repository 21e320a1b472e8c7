"""Session 47 (lead): a complaint's step said with 'minus'; a correction opened in the musician's own language or after
an 'ah'; a melody corrected by another; a level complained of, then half of it back."""
from __future__ import annotations

import pytest

from .test_lead_s39 import DRUMS
from .test_time_harmony_classes import last

KICK = (*DRUMS, "/mod/kick1/gain 0.5")
MELODY = ("/seq/key a minor", "/patch/create sine1 sine", "/patch/connect sine1 master", "/seq/add melody sine1 x...x...x...x...",
          "/seq/notes melody a4 - - - c5 - - - e5 - - - d5 - - -", "the sine is the melody")


@pytest.mark.parametrize("phrase", ["kick is too loud, minus 4 dB", "the kick's too loud, minus 4 db.", "kick too loud, -4 db",
                                    "kick too loud, down 4 db"])
def test_a_complaints_step_said_with_minus_is_a_step_down(phrase):
    """'minus 4 dB' after 'too loud' set the kick to −4 dB (0.63, louder than it was) instead of 4 dB down."""
    assert last(*KICK, phrase) == ["/mod/kick1/gain 0.315479"]


@pytest.mark.parametrize("take_back", ["no", "nao", "não", "nah", "sorry", "non", "nein"])
def test_a_glides_target_corrected_in_the_musicians_own_no(take_back):
    """'nao, 140' after a glide set the tempo at once: 'nao' was read as the name of a style."""
    assert last("tempo 130", "speed up to 150 over 8 bars", f"{take_back}, 140") == ["/seq/bpm 140.0 ramp 32"]


@pytest.mark.parametrize("phrase", ["key D minor... ah no, E minor", "Change the key to D minor... ah no, E minor.",
                                    "change the key to d minor... oh no, e minor"])
def test_a_key_corrected_after_an_ah_is_the_key_meant_alone(phrase):
    """'… ah no, E minor' moved the notes to D minor and set E minor apart: 'ah no' was left out as a remark."""
    messages = last(*MELODY, phrase)
    assert "/seq/key e minor" in messages and not any(" d5 " in m or "d minor" in m for m in messages)


@pytest.mark.parametrize("phrase", ["Melody notes: a4 b4 c5 e5... sorry, a4 b4 c5 d5 e5.",
                                    "melody a4 b4 c5 e5, no wait, a4 b4 c5 d5 e5"])
def test_a_melody_corrected_by_another_is_the_one_meant(phrase):
    """The two melodies were played one after the other, the first's e5 read as a chord (e4+b4)."""
    assert last(*MELODY, phrase) == ["/seq/notes melody a4 b4 c5 d5 e5"]


def test_a_plain_no_then_back_still_undoes():
    assert last(*MELODY, "melody up a semitone", "nope, back") == last(*MELODY, "melody up a semitone", "undo")


@pytest.mark.parametrize("complaint", ["too hot", "too loud", "too much", "way too strong"])
def test_a_level_complained_of_then_half_that_is_halfway_back(complaint):
    """'too hot, half that' after 'kick +3 dB' halved the kick's gain (−6 dB from the boost, 3 dB below where it was);
    'way too strong, half that' took all of it back."""
    assert last(*KICK, "kick +4 db", f"{complaint}, half that") == last(*KICK, "kick +2 db")

