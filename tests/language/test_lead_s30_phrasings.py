"""What the blind trials of session 29 heard go wrong, by class (session 30): 'a bit less' after a step goes back part
of the way (the whole way is undo); 'back to how it was' after 'unsolo' is already so; a part faded part way comes
back in at its level before the fade; a plural type ('the filters', 'the saws') is each of them, never the one in focus;
one of several picked by the focus is said back; 'the drums and the bass' names the bass once."""
import pytest

from chronus_shell.language.translator import Translator

from .test_time_harmony_classes import echo, last, refused

KIT = ("add a kick", "add a snare", "add a hat", "kick x...x...x...x...", "snare ....x.......x...", "hats x.x.x.x.x.x.x.x.")
REESE = ("add a saw called reese at 55hz", "add another saw at 55.4hz", "add a lowpass filter to the reese at 300hz",
         "same for saw1")


def _level(out: list[str], module: str) -> float:
    return next(float(m.split()[1]) for m in out if m.startswith(f"/mod/{module}/gain "))


@pytest.mark.parametrize("phrase", ["a bit less", "a little less", "a tad less", "slightly less", "a bit too much"])
def test_a_bit_less_after_two_parts_louder_goes_back_part_of_the_way(phrase):
    louder = last(*KIT, "kick louder and snare louder")
    out = last(*KIT, "kick louder and snare louder", phrase)
    for part in ("kick1", "snare1"):
        before = _level(last(*KIT, "kick louder and snare louder", "undo"), part)
        assert before < _level(out, part) < _level(louder, part)


def test_less_after_a_bit_less_goes_on_down_by_a_whole_step():
    out = last(*KIT, "hats louder", "a bit less", "less")
    assert _level(out, "hat1") < _level(last(*KIT, "hats louder", "a bit less"), "hat1")


@pytest.mark.parametrize("undone", ["unsolo", "unmute the kick"])
def test_back_to_how_it_was_after_a_reversal_is_already_so(undone):
    first = "solo the kick and the snare" if undone == "unsolo" else "mute the kick"
    said = refused(*KIT, first, undone, "back to how it was")
    assert "it is" in said and "undo" in said


def test_back_to_how_it_was_after_a_change_still_undoes():
    assert last(*KIT, "kick louder", "back to how it was") == ["/mod/kick1/gain 0.8"]


def test_a_part_faded_part_way_comes_back_at_its_level_before_the_fade():
    translator = Translator()
    for line in ("add a triangle at 220 hz", "triangle gain 0.55", "fade the triangle out over 4 bars", "stop"):
        translator.translate(line)
    translator.model.values["triangle1"] = {**translator.model.values["triangle1"], "gain": 0.378}   # as it plays
    assert [str(m) for m in translator.translate("bring the triangle back in")] == ["/mod/triangle1/gain 0.55"]


@pytest.mark.parametrize("phrase, address", [
    ("open the filters", "/mod/filter{}/cutoff "),
    ("close both filters", "/mod/filter{}/cutoff "),
    ("sweep the filters down to 200 over 2 bars", "/ramp/filter{}/cutoff 200"),
    ("saws louder", None),
    ("mute the saws", None),
])
def test_a_plural_type_is_each_of_them(phrase, address):
    out = last(*REESE, phrase)
    if address is None:
        assert {m.split("/")[2] for m in out} == {"reese", "saw1"}
    else:
        assert any(m.startswith(address.format(1)) for m in out) and any(m.startswith(address.format(2)) for m in out)


def test_open_a_plural_is_never_a_session_loaded():
    assert not any(m.startswith("/session/") for m in last(*REESE, "open the filters"))


def test_one_of_two_picked_by_the_focus_is_said_back():
    assert "filter2, the filter in focus (not filter1)" in echo(*REESE, "open the filter to 2k over 8 bars")
    assert echo(*REESE, "filter1 cutoff 500") == ""


def test_the_drums_and_the_bass_names_the_bass_once():
    out = last(*KIT, "add a saw called bass at 55 hz", "add a sine at 440 hz", "get rid of the drums and the bass")
    removed = {m.split()[1] for m in out if m.startswith("/patch/remove ")}
    assert removed == {"kick1", "snare1", "hat1", "bass"}
