"""A pan that cannot be heard is said back (trial, session 20: two saws through one filter, panned
apart, stayed in the middle — a mono module carries its sources at their average pan)."""
from chronus_shell.language.translator import Translator


def _patch(*lines: str) -> Translator:
    translator = Translator()
    for line in lines:
        translator.translate(line)
    return translator


def test_panning_apart_two_sources_sharing_a_mono_filter_says_why_it_is_not_heard():
    translator = _patch("add a saw at 110 hz", "add a filter", "add another saw", "/patch/disconnect saw2 master",
                        "/patch/connect saw2 filter1", "pan saw1 left")
    translator.translate("pan saw2 right")
    (note,) = [u for u in translator.understood if "average pan" in u]
    assert "filter1" in note and "add a filter to saw1" in note


def test_a_source_alone_in_its_chain_or_into_a_stereo_effect_says_nothing():
    translator = _patch("add a saw at 110 hz", "add a filter", "add a sine", "add a reverb")
    translator.translate("pan saw1 left")
    assert not any("average pan" in u for u in translator.understood)
