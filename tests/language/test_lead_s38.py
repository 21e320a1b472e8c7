"""Session 38 (lead): a part named by the musician's own label after 'on the', and a way said against its value."""
from __future__ import annotations

import pytest

from .test_time_harmony_classes import last, refused

BED = ("add a triangle called bed",)
FILTER = ("add a saw", "add acid filter at 800hz")


@pytest.mark.parametrize("phrase, length", [("chords c g am f on the bed", 16), ("chords c g am f on bed", 16),
                                            ("chords c g on the bed, two bars each", 32)])
def test_chords_on_a_part_of_the_musicians_naming(phrase, length):
    made = last(*BED, phrase)
    assert made[0] == "/seq/add chords bed " + ("x" + "-" * (length - 1)) * (2 if "two bars" in phrase else 4)
    assert made[1].startswith("/seq/notes chords c3+e3+g3 ")


def test_a_chord_played_on_a_labelled_part():
    assert last(*BED, "play am7 on the bed")[-1] == "/gate/bed 1 220.0 261.625565 329.627557 391.995436"


def test_a_name_no_part_has_is_said_not_guessed():
    assert "no module called 'fly'" in refused(*BED, "chords c g am f on the fly")


@pytest.mark.parametrize("phrase, said", [
    ("cutoff up to 200", "acid_filter1 cutoff is 800 Hz now: 200 Hz is not up from there"),
    ("cutoff up, like 200", "acid_filter1 cutoff is 800 Hz now: 200 Hz is not up from there"),
    ("lower the cutoff to 2k", "acid_filter1 cutoff is 800 Hz now: 2000 Hz is not down from there"),
    ("resonance up to 10%", "acid_filter1 resonance is 50% now: 10% is not up from there — say 'acid_filter1 resonance 10%'"),
    ("tempo up to 100", "tempo is 120 bpm now: 100 bpm is not up from there — say 'tempo 100' to set it, or a value above 120"),
    ("slow it down to 140", "tempo is 120 bpm now: 140 bpm is not down from there"),
])
def test_a_way_said_against_the_value_names_both_readings(phrase, said):
    assert refused(*FILTER, phrase).startswith(said)


@pytest.mark.parametrize("phrase, made", [("cutoff up to 2000", "/mod/acid_filter1/cutoff 2000.0"),
                                          ("cutoff down to 300", "/mod/acid_filter1/cutoff 300.0"),
                                          ("cutoff up, maybe 2000", "/mod/acid_filter1/cutoff 2000.0"),
                                          ("slow it down to 90", "/seq/bpm 90.0"), ("tempo up to 130", "/seq/bpm 130.0")])
def test_a_way_said_with_a_value_that_way_is_done(phrase, made):
    assert last(*FILTER, phrase) == [made]


SINE_AND_KICK = ("/patch/create sine1 sine", "/patch/connect sine1 master", "/patch/create kick1 kick",
                 "/patch/connect kick1 master")


@pytest.mark.parametrize("naming", ["the sine is the 808", "call the sine 808", "the sine is my 808"])
def test_a_machine_number_names_a_part(naming):
    """It set the sine to 808 Hz, and 'the 808' stayed the kick (funk carioca, session 37)."""
    assert last(*SINE_AND_KICK, naming) == []
    assert last(*SINE_AND_KICK, naming, "808 up 3db") == ["/mod/sine1/gain 0.706269"]
    assert last(*SINE_AND_KICK, naming, "the 808 an octave down") == ["/mod/sine1/freq 110.0"]


def test_a_number_no_machine_has_is_still_a_value():
    assert last("add a saw", "the saw is the 440") == ["/mod/saw1/freq 440.0"]


@pytest.mark.parametrize("phrase", ["pull it back to 120 right away", "get it back to 120 at once"])
def test_back_to_a_tempo_right_away(phrase):
    assert last("add a saw", "tempo 120", "tempo 140", phrase) == ["/seq/bpm 120.0 now"]


@pytest.mark.parametrize("phrase, made", [("fade out everything 4 bar", ["/ramp/master/gain -60.0 16"]),
                                          ("fade out the saw 2 bars", ["/ramp/saw1/gain 0.0 8"])])
def test_a_fade_with_its_length_and_no_over(phrase, made):
    assert last("add a saw", phrase) == made


def test_a_side_with_a_share_after_it():
    assert last("add a saw", "add a sine", "saw pan left 0.2, sine right 0.25") == ["/mod/saw1/pan -0.2", "/mod/sine1/pan 0.25"]


@pytest.mark.parametrize("phrase, made", [("Give me 200 bpm... no, 190.", ["/seq/bpm 190.0"]),
                                          ("cutoff 300 hz... no, 400", ["/mod/acid_filter1/cutoff 400.0"])])
def test_a_number_corrected_without_its_unit_keeps_it(phrase, made):
    assert last(*FILTER, phrase) == made


def test_a_side_with_a_fraction_of_a_percent_is_that_percent():
    assert last("add a saw", "saw left 0.5%") == ["/mod/saw1/pan -0.005"]
