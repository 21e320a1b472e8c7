"""Issue 13, session 31: families of phrasing the dev sets refused, made to work in the general case — each with
the near misses that must still be refused or asked."""
import pytest

from .test_phrasing_classes import last


# -- 'the Xs down' is 'the X down' for each X: a filter's cutoff, never the voices' level ----------------------------
@pytest.mark.parametrize("kind, word", [("filter", "filter"), ("acid filter", "acid filter"), ("distortion", "distortion"),
                                        ("reverb", "reverb"), ("delay", "delay"), ("adsr", "envelope"), ("lfo", "lfo")])
@pytest.mark.parametrize("way", ["down", "up"])
def test_the_plural_of_a_processor_type_is_the_singular_for_each_member(kind, word, way):
    one = ("add a saw", f"add a {kind}", "drive 4" if kind == "distortion" else "add a sine")
    two = ("add a saw", f"add a {kind}", "drive 4" if kind == "distortion" else "add a sine",
           "add a square", f"add a {kind}", "drive 4" if kind == "distortion" else "add a sine")
    single = last(*one, f"the {word} {way}")
    each = last(*two, f"the {word}s {way}")
    assert len(single) == 1 and len(each) == 2
    assert each[0] == single[0]
    other = single[0].replace("saw1/", "square1/") if "saw1/" in single[0] else single[0].replace("1/", "2/")
    assert each[1] == other


def test_a_filter_named_by_its_id_is_its_cutoff_as_the_word_filter_is():
    assert last("add a saw", "add a filter", "filter1 down") == last("add a saw", "add a filter", "the filter down")
