"""Issue 13, session 20: the trial's silent wrongs and crashes, each as a family of phrasings
(with near-misses that must not be read that way)."""
import pytest

from .test_musicians import refused
from .test_phrasing_classes import PAD, last

#: The pad with a second filter, a highpass, in focus: a mode word then names a filter by its setting.
TWO_FILTERS = (*PAD, "add a highpass filter after the sine")


@pytest.mark.parametrize("phrase, expected", [
    ("sweep the lowpass from 400 to 4k over 8 bars", ["/mod/filter1/cutoff 400.0", "/ramp/filter1/cutoff 4000.0 32"]),
    ("sweep the highpass from 400 to 4k over 8 bars", ["/mod/filter2/cutoff 400.0", "/ramp/filter2/cutoff 4000.0 32"]),
    ("the lowpass at 300", ["/mod/filter1/cutoff 300.0"]),
    ("lpf cutoff 300", ["/mod/filter1/cutoff 300.0"]),
    ("lowpass cutoff 300", ["/mod/filter1/cutoff 300.0"]),
    ("highpass cutoff 120", ["/mod/filter2/cutoff 120.0"]),
    ("bring the low pass down to 500 over 4 bars", ["/ramp/filter1/cutoff 500.0 16"]),
])
def test_a_mode_word_names_the_filter_in_that_mode(phrase, expected):
    assert last(*TWO_FILTERS, phrase) == expected


def test_a_mode_word_before_a_named_part_still_sets_the_mode():
    assert last(*TWO_FILTERS, "lowpass the sine at 300") == ["/mod/filter2/mode lowpass", "/mod/filter2/cutoff 300.0"]
