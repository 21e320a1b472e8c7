"""Autosave: written every 15 s only while the state changes, gone after a clean exit, offered after a crash."""
import json

from chronus_shell.session.autosave import Autosave, discard_recovery, pending_recovery, recover


def test_writes_only_after_the_interval_and_a_change(acid_state, chronus_home):
    autosave = Autosave()
    assert not autosave.tick(acid_state, now=100.0)           # the clock starts here
    assert not autosave.tick(acid_state, now=114.9)
    assert autosave.tick(acid_state, now=115.0)
    assert json.loads((chronus_home / "autosave.json").read_text())["focus"] == "acid_filter1"
    assert not autosave.tick(acid_state, now=200.0)           # unchanged: nothing to write
    changed = dict(acid_state, focus="saw1")
    assert autosave.tick(changed, now=200.0)
    assert not autosave.tick(dict(acid_state, focus="lfo1"), now=214.0)    # changed, but too soon
    assert recover()["focus"] == "saw1"


def test_clean_exit_leaves_nothing_to_recover(acid_state):
    autosave = Autosave(interval=0)
    autosave.tick(acid_state, now=0.0)
    assert pending_recovery() is not None
    autosave.close()
    assert pending_recovery() is None


def test_a_crash_is_offered_on_the_next_start(acid_state):
    Autosave(interval=0).tick(acid_state, now=0.0)            # the process dies without close()
    assert pending_recovery().name == "autosave.json"
    assert recover() == acid_state
    discard_recovery()
    assert pending_recovery() is None


def test_failure_is_kept_not_raised(acid_state, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    autosave = Autosave(interval=0, path=blocker / "autosave.json")
    assert not autosave.tick(acid_state, now=0.0)
    assert autosave.error.startswith("autosave failed: cannot save")


def test_an_empty_patch_is_not_offered_back(acid_state):
    autosave = Autosave(interval=0)
    assert autosave.tick(acid_state, now=0.0) and pending_recovery() is not None
    empty = {"schema_version": 1, "modules": {"master": {"type": "master", "params": {"gain": -6.0}}},
             "edges": [], "mod_edges": [], "sequencer": {"bpm": 120.0, "tracks": {}}}
    assert autosave.tick(empty, now=1.0)                      # everything was removed: nothing to offer
    assert pending_recovery() is None
    assert not autosave.tick(empty, now=2.0)
