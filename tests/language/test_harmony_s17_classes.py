"""Harmony, time and rhythm phrasings by CLASS (session 17): each test one shape said several ways —
wordings invented here, none copied from a corpus."""
import pytest

from .test_time_harmony_classes import PAD, last, refused


@pytest.mark.parametrize("phrase, track, voice", [
    ("melody e5 d5 c5 on the sine", "sine", "sine1"),
    ("lead line b4 a4 g4 for the triangle", "triangle", "triangle1"),
    ("the melody: e5 g5 a5 on the sine, quarter notes", "sine", "sine1"),
])
def test_a_note_noun_that_is_also_a_nickname_gives_way_to_the_voice_named(phrase, track, voice):
    messages = last(*PAD, phrase)
    assert any(m.startswith(f"/seq/notes {track} ") for m in messages)
    assert not any("triangle1" in m for m in messages) or voice == "triangle1"


@pytest.mark.parametrize("phrase", ["the sine plays e5 d5 on the triangle", "triangle notes c5 d5 for the sine"])
def test_two_sounds_named_for_one_run_of_notes_is_asked_never_the_focus(phrase):
    assert "which voice" in refused(*PAD, phrase)


@pytest.mark.parametrize("phrase, expected", [
    ("would you mind fading out the sine over 2 bars?", ["/ramp/sine1/gain 0.0 8"]),
    ("could you close the filter to 400 over 4 bars, please", ["/ramp/filter1/cutoff 400.0 16"]),
    ("please stop at the end of the bar.", ["/seq/stop bar"]),
])
def test_a_timed_line_said_politely_is_timed_as_without_the_politeness(phrase, expected):
    assert last(*PAD, "tempo 120", "start", phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("let the delay fade out over 2 bars", ["/ramp/delay1/mix 0.0 8"]),
    ("the sine fades away over a bar", ["/ramp/sine1/gain 0.0 4"]),
    ("make the echo fade down over 8 bars", ["/ramp/delay1/mix 0.0 32"]),    # an alias of the effect: its mix
])
def test_what_fades_may_be_said_first_as_the_subject_of_fade(phrase, expected):
    assert last(*PAD, phrase) == expected


@pytest.mark.parametrize("phrase", ["at the next bar line, play 110 hz on the triangle",
                                    "at the next barline, play 110 hz on the triangle",
                                    "on the next bar line play 110 hz on the triangle"])
def test_the_bar_line_is_a_start_never_a_word_left_out(phrase):
    assert last(*PAD, phrase) == ["/at 1 bar /gate/triangle1 1 110.0"]
