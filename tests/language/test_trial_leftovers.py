"""Issue 13, session 19: what new users hit in the last trial — undo everything, a session name
with a filler word in it, a percent out of range, and what `stop` does to a drone."""
import pytest

from chronus_shell.language import Translator

from .test_musicians import refused
from .test_phrasing_classes import ACID, PAD, last


@pytest.mark.parametrize("phrase", ["undo everything", "undo all", "undo it all", "undo all of it", "undo all my changes"])
def test_undo_everything_undoes_every_step(phrase):
    translator = Translator()
    for line in ("add a saw", "saw freq 110", "saw freq 220"):
        translator.translate(line)
    translator.translate(phrase)
    assert translator.model.modules == {"master": "master"} and not translator.undo_stack
    assert [str(m) for m in translator.translate("redo everything")][-1] == "/mod/saw1/freq 220.0"


@pytest.mark.parametrize("phrase, steps_left", [("undo", 2), ("undo that", 2), ("undo twice", 1), ("undo the last change", 2)])
def test_undo_without_everything_still_takes_one_step_or_the_count(phrase, steps_left):
    translator = Translator()
    for line in ("add a saw", "saw freq 110", "saw freq 220"):
        translator.translate(line)
    translator.translate(phrase)
    assert len(translator.undo_stack) == steps_left


@pytest.mark.parametrize("phrase, expected", [
    ("save session as my song", "/session/save 'my song'"),
    ("save it as my song", "/session/save 'my song'"),
    ("save this as the best one overwrite", "/session/save 'the best one' overwrite"),
    ("save session called my jam", "/session/save 'my jam'"),
    ("save session as night-drive", "/session/save night-drive"),       # near-misses: unchanged
    ("save as my-song", "/session/save my-song"),
])
def test_a_session_name_after_as_is_taken_whole(phrase, expected):
    assert last(phrase) == [expected]


@pytest.mark.parametrize("lines, said", [
    (("add a saw", "volume 200%"), "gain 200% is out of range 0–199% (-60–6 dB)"),
    (("add a saw", "saw volume 200%"), "gain 200% is out of range 0–100% (0–1)"),
    (("add a saw", "add a filter", "cutoff 200%"), "cutoff 200% is out of range 0–100% (20–20000 Hz)"),
    (("add a saw", "add a delay", "feedback 120%"), "feedback 120% is out of range 0–95% (0–0.95)"),
])
def test_a_percent_out_of_range_states_the_range_in_percent_then_in_the_unit(lines, said):
    assert refused(*lines).startswith(said)


def test_volume_just_under_the_top_in_percent_is_taken():
    assert last("add a saw", "volume 199%") == ["/mod/master/gain 5.977062"]


@pytest.mark.parametrize("phrase", ["stop", "stop everything", "stop it all", "stop all"])
def test_stop_silences_the_drones_too(phrase):
    assert last(*PAD, phrase) == ["/seq/stop", "/mod/triangle1/gain 0.0", "/mod/sine1/gain 0.0"]


def test_stop_on_a_patch_whose_voices_have_envelopes_says_nothing_more():
    translator = Translator()
    for line in ACID:
        translator.translate(line)
    assert [str(m) for m in translator.translate("stop everything")] == ["/seq/stop"] and not translator.understood


def test_stop_a_drone_without_a_track_mutes_it_and_a_part_with_a_track_mutes_its_track():
    assert last(*PAD, "stop the sine") == ["/mod/sine1/gain 0.0"]
    assert last(*ACID, "stop the hats") == ["/seq/mute hats 1"]
    assert "nothing plays 'delay'" in refused(*PAD, "stop the delay")


@pytest.mark.parametrize("phrase, expected", [
    ("load session my song", "/session/load 'my song'"), ("load the session called my song", "/session/load 'my song'"),
    ("load night drive", "/session/load 'night drive'"), ("load session called night-drive now", "/session/load night-drive now"),
])
def test_a_session_name_to_load_is_taken_whole_too(phrase, expected):
    assert last(phrase) == [expected]
