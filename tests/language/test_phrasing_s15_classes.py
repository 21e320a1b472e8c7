"""Issue 13, session 15: classes of musicians' phrasing that did the wrong thing (each test a
family, several wordings): now the right thing, or a refusal that says the working phrasing."""
import pytest

from .test_musicians import refused
from .test_phrasing_classes import ACID, DRUMS, last


@pytest.mark.parametrize("lines", [
    ("add a saw", "add an adsr", "release: 0.1"),
    ("add a saw", "add an adsr", "attack 0.05"),
    ("add a saw", "add an adsr", "set the release to .5"),
    ("kick x...", "kick decay 0.4"),
])
def test_a_fraction_on_a_time_in_ms_is_refused_with_the_seconds_reading(lines):
    """Live coders type seconds: '0.1' on a param in ms is never taken as 0.1 ms, nor guessed."""
    error = refused(*lines)
    assert "in ms" in error and "did you mean" in error and " ms'" in error


@pytest.mark.parametrize("rhythm", ["snare roll, straight 16ths", "snare x.x.x.x.x.x.x.x."])
@pytest.mark.parametrize("phrase, factor", [("now double that", "2.0"), ("double it", "2.0"), ("halve that", "0.5")])
def test_double_that_after_a_rhythm_is_that_rhythm(rhythm, phrase, factor):
    """'that' right after a rhythm line is the rhythm (its speed), not the drum last tweaked."""
    assert last(*DRUMS, "hats decay 50", rhythm, phrase) == [f"/seq/speed snare {factor}"]


def test_double_it_after_a_setting_is_still_that_setting():
    assert last(*ACID, "cutoff 400", "double it") == ["/mod/acid_filter1/cutoff 800.0"]


@pytest.mark.parametrize("phrase", ["reset everything", "reset all", "set everything back to default"])
def test_resetting_everything_is_never_a_guess_between_settings_and_patterns(phrase):
    """Two plausible readings (every setting to its default, every pattern wiped): refused, nothing wiped."""
    refused(*ACID, phrase)


@pytest.mark.parametrize("phrase, hz", [
    ("add a second saw an octave up", "110.0"),
    ("another saw a fifth up", "82.41"),
    ("layer a square an octave below", "27.5"),
])
def test_an_interval_for_a_new_oscillator_counts_from_an_oscillator(phrase, hz):
    """The focus is the filter (its cutoff was set last): the interval counts from the voice's
    oscillator, never from a cutoff."""
    out = last("add a saw at 55 hz", "add acid filter", "cutoff 800", phrase)
    assert out[-1].endswith(f"/freq {hz}") and "acid_filter1" not in out[-1]


@pytest.mark.parametrize("phrase, expected", [
    ("lose the kick", ["/seq/mute kick 1"]),
    ("lose the hats", ["/seq/mute hats 1"]),
])
def test_losing_a_part_mutes_it_and_keeps_it(phrase, expected):
    """'lose' is 'drop': a part that plays is muted (its track kept); only remove/delete removes."""
    assert last(*DRUMS, phrase) == expected


@pytest.mark.parametrize("phrase", ["chuck some distortion on it", "whack a distortion on the bass",
                                    "bung a distortion on the bass"])
def test_slang_verbs_for_putting_an_effect_on(phrase):
    assert last(*ACID, phrase)[0] == "/patch/create distortion1 distortion"


@pytest.mark.parametrize("phrase, expected", [
    ("knock the tempo down to 120", "/seq/bpm 120.0"),
    ("wind the cutoff down to 300", "/mod/acid_filter1/cutoff 300.0"),
    ("ease the resonance up to 0.6", "/mod/acid_filter1/resonance 0.6"),
])
def test_more_verbs_for_turning_a_knob(phrase, expected):
    assert last(*ACID, phrase) == [expected]
