"""Session 46 (lead): a chord said to the stabs or to the voice that plays them changes their chord on its hits; a half
time breakdown and back to full speed."""
from __future__ import annotations

import pytest

from .test_lead_s39 import DRUMS, PAD
from .test_time_harmony_classes import last

STABS = (*DRUMS, "/patch/create square1 square", "/patch/connect square1 master", "/seq/add stabs square1 ...x.....x......",
         "/seq/notes stabs f4+g#4+c5+d#5", "/seq/start", "square = the organ stabs")
BBM7 = ["/seq/notes stabs bb3+db4+f4+ab4"]


@pytest.mark.parametrize("phrase", ["stabs: Bbm7 now", "stabs play Bbm7", "Bbm7 on the stabs", "Bbm7 on the organ",
                                    "Bbm7 on the square"])
def test_a_chord_said_to_the_stabs_is_their_chord_on_their_hits(phrase):
    """'stabs: Bbm7 now' held the chord on the square (its stabs cut it at their next hit): 'stabs' was a style word."""
    assert last(*STABS, phrase) == BBM7


def test_a_chord_held_on_the_stabs_mutes_their_track():
    assert last(*STABS, "hold Bbm7 on the organ") == [
        "/seq/mute stabs 1", "/gate/square1 1 233.081881 277.182631 349.228231 415.304698"]


def test_the_stabs_naming_nothing_leave_the_chord_where_it_would_go():
    """With no stabs, 'stab(s)' is a chart's word for short chords, never a refusal ('no module called stabs')."""
    assert last(*PAD, "Cm on the stabs") == last(*PAD, "Cm")
    assert last(*PAD, "stab chords am7 fmaj7, two bars each") == last(*PAD, "chords am7 fmaj7, two bars each")
    assert last(*PAD, "stabs chords am7 fmaj7") == last(*PAD, "chords am7 fmaj7")


def test_a_voice_with_a_line_of_notes_holds_the_chord():
    lead = (*DRUMS, "/patch/create square1 square", "/patch/connect square1 master", "/seq/add lead square1 x...x...",
            "/seq/notes lead e5 . . . g5 . . .", "/seq/start", "square is the lead")
    assert last(*lead, "Bbm7 on the square")[-1].startswith("/gate/square1 1 ")


@pytest.mark.parametrize("phrase", ["half time breakdown on the drums", "drums half time breakdown",
                                    "half-time feel on the drums"])
def test_a_half_time_breakdown_halves_the_drums(phrase):
    assert last(*DRUMS, phrase) == ["/seq/speed kick 0.5", "/seq/speed snare 0.5", "/seq/speed hats 0.5"]


@pytest.mark.parametrize("phrase", ["back to full speed", "full speed", "original speed", "drums back to full speed",
                                    "back to full time"])
def test_back_to_full_speed_after_half_time(phrase):
    """'back to full speed' was 'no module called to'; 'full speed' the fastest tempo (300 bpm)."""
    assert last(*DRUMS, "half time on the drums", phrase) == [
        "/seq/speed kick 1.0", "/seq/speed snare 1.0", "/seq/speed hats 1.0"]
    assert last(*DRUMS, "half time on the drums", "hats full speed") == ["/seq/speed hats 1.0"]
