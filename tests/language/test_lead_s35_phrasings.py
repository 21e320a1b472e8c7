"""Session 35 (lead): the development cases of the s35 round that did something else, each with phrasings of its family."""
from __future__ import annotations

import pytest

from .test_time_harmony_classes import last, refused


def _tried(*lines) -> list[str]:
    try:
        return last(*lines)
    except Exception:      # a refusal is fine
        return []

BAND = ("add a triangle", "add a sine", "add a square", "call the triangle guitar", "call the sine glock",
        "call the square bass", "add a kick", "square1 notes e2 . . . c2 . . .")


@pytest.mark.parametrize("phrase, address", [
    ("guitar: hold an E minor chord", "/gate/triangle1 1"),
    ("guitar: hold an E minor chord, let it ring", "/gate/triangle1 1"),
    ("glock: hold a C major chord", "/gate/sine1 1"),
    ("guitar: louder", "/mod/triangle1/gain"),
    ("the guitar: softer", "/mod/triangle1/gain"),
])
def test_a_part_named_before_a_colon_owns_the_line_never_the_voice_in_focus(phrase, address):
    out = last(*BAND, phrase)
    assert out and all(line.startswith(address.split(" ")[0].rsplit("/", 1)[0]) or line.startswith("/patch/poly triangle1")
                       for line in out) and any(line.startswith(address) for line in out), out


@pytest.mark.parametrize("phrase", ["guitar: reverb, 40%", "guitar: filter, 300", "kick, guitar: louder",
                                    "guitar, glock: softer"])
def test_a_colon_line_of_several_clauses_or_parts_is_refused_never_one_part(phrase):
    refused(*BAND, phrase)


def test_a_spaced_hyphen_before_a_number_is_a_minus_never_a_dash():
    assert not any(line.endswith(" 1200.0") for line in _tried(*BAND, "glock - 1 octave"))


def test_a_setting_before_a_colon_is_no_part():
    assert last("add a saw", "add an acid filter", "cutoff: 900") == ["/mod/acid_filter1/cutoff 900.0"]


@pytest.mark.parametrize("phrase, pan", [
    ("guitar to the left, 30 percent", "-0.3"), ("pan the guitar left, 40 percent", "-0.4"),
    ("guitar a little on the right, 20", "0.2"), ("the guitar to the right, 25%", "0.25"),
    ("guitar left, 30 per cent", "-0.3"),
])
def test_a_pans_amount_said_after_a_comma_is_how_far_never_a_level(phrase, pan):
    assert last(*BAND, phrase) == [f"/mod/triangle1/pan {pan}"]


def test_a_melody_as_long_as_the_tracks_hits_keeps_its_rhythm():
    out = last("add a square", "square1 notes e4 . g4 . a4 . b4 .", "square1 notes e5 d5 c5 b4")
    assert out == ["/seq/notes square1 e5 . d5 . c5 . b4 ."]


@pytest.mark.parametrize("phrase", ["big tune", "respect, big tune", "what a tune", "nice one", "wicked", "thank you",
                                    "sounds great", "big up", "cheers", "perfect, thanks", "love it"])
def test_praise_alone_changes_nothing_and_says_so(phrase):
    assert "glad you like it" in refused("add a sine", phrase)


def test_praise_before_a_command_is_left_out():
    assert last("add a sine", "wicked! sine1 louder") == ["/mod/sine1/gain 0.6"]
    assert last("add a kick", "fire it") == ["/gate/kick1 1"]          # a verb, not praise


@pytest.mark.parametrize("phrase, sent", [
    ("load the session of yesterday, turbo_love", "/session/load turbo_love"),
    ("load yesterday's session, turbo_love", "/session/load turbo_love"),
    ("load the session from yesterday: turbo_love", "/session/load turbo_love"),
    ("record please, name derdeba.wav", "/record/start derdeba.wav"),
    ("start recording, file name derdeba", "/record/start derdeba.wav"),
])
def test_a_files_name_said_apart_is_its_name(phrase, sent):
    assert last("add a sine", phrase) == [sent]


@pytest.mark.parametrize("setup, phrase", [((), "an echo on the kick, one quarter"),
                                           (("add a delay to the kick",), "delay time one quarter"),
                                           (("add a delay to the kick",), "delay time a quarter")])
def test_a_quarter_said_for_an_echo_is_a_quarter_note(setup, phrase):
    assert last("tempo 120", "add a kick", *setup, phrase)[-1] == "/mod/delay1/time 0.5"


@pytest.mark.parametrize("phrase", ["tune the triangle to 432", "tune the triangle to 442 please", "retune the triangle to 415"])
def test_a_bare_concert_pitch_for_one_part_is_the_bands_a_refused_with_the_way(phrase):
    assert "tune the triangle to 432 hz" in refused("add a triangle", phrase)


@pytest.mark.parametrize("phrase", ["the tbel deeper, 45 hz", "the zorg louder, 0.8", "my blorp way brighter, 2000"])
def test_a_change_of_a_part_nobody_knows_is_refused_never_put_on_the_focus(phrase):
    refused("add a triangle", "add a kick", phrase)


def test_the_filters_envelope_is_its_env_amount_even_beside_a_remark():
    out = last("add a saw", "add an acid filter", "add an adsr", "the bass filter: more envelope, the wow")
    assert out == ["/mod/acid_filter1/env_amount 0.6"]


@pytest.mark.parametrize("phrase", ["cancel that", "cancel", "cancel it", "abort"])
def test_cancel_with_no_change_set_open_is_refused_with_the_undo_it_may_mean(phrase):
    assert "nothing" in refused("add a kick", "tempo 132", "speed up to 140 over 16 bars", phrase)
    assert "nothing" in refused("add a kick", "record", phrase)        # never the step before the line
    assert last("add a kick", "begin", "add a snare", phrase) == ["/patch/abort"]


def test_one_envelope_for_the_whole_mix_is_asked_as_one_each():
    assert "add an adsr to all voices" in refused("add a sine", "add a square", "add an envelope to everything")
    out = last("add a sine", "add a square", "add an envelope to each voice")
    assert [line for line in out if line.startswith("/patch/create")] == ["/patch/create adsr1 adsr", "/patch/create adsr2 adsr"]


@pytest.mark.parametrize("phrase", ["too fast. normal again", "too fast, back to normal", "too fast, normal again"])
def test_a_complaint_then_normal_takes_the_change_back(phrase):
    assert last("add a kick", "kick x...x...x...x...", "tempo 132", "kick double speed", phrase) == ["/seq/speed kick 1.0"]


@pytest.mark.parametrize("phrase, sent", [("temp0 124", "/seq/bpm 124.0"), ("tmpo up to 140 ovr 16 bars", "/seq/bpm 140.0 ramp 64"),
                                          ("stp rec", "/record/stop")])
def test_a_hurried_texters_words(phrase, sent):
    assert last("add a sine", "record", phrase) == [sent]
