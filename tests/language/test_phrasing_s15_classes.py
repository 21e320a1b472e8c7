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
