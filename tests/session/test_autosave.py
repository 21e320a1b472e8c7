"""Autosave: written every 15 s only while the state changes, gone after a clean exit, offered after a crash.

Each shell owns its autosave (a lock holding its pid): the other "shells" here are real processes,
one still running (never offered, never touched) and one killed (its autosave is offered)."""
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from chronus_shell.session.autosave import (
    Autosave, autosave_path, discard_recovery, pending_recovery, recover, set_aside_recovery,
)
from chronus_shell.session.snapshot import remove_interrupted_saves

OTHER_SHELL = textwrap.dedent("""
    import json, sys, time
    from chronus_shell.session.autosave import Autosave
    autosave = Autosave(interval=0)
    autosave.tick(json.loads(sys.argv[1]), now=0.0)
    print("saved", flush=True)
    time.sleep(60)
""")


def other_shell(state):
    """A real process that owns an autosave of `state` and keeps running until killed."""
    process = subprocess.Popen([sys.executable, "-c", OTHER_SHELL, json.dumps(state)], stdout=subprocess.PIPE,
                               env=os.environ.copy(), text=True)
    assert process.stdout.readline().strip() == "saved"
    return process


def test_writes_only_after_the_interval_and_a_change(acid_state, chronus_home):
    autosave = Autosave()
    assert not autosave.tick(acid_state, now=100.0)           # the clock starts here
    assert not autosave.tick(acid_state, now=114.9)
    assert autosave.tick(acid_state, now=115.0)
    assert json.loads(autosave_path().read_text())["focus"] == "acid_filter1"
    assert not autosave.tick(acid_state, now=200.0)           # unchanged: nothing to write
    changed = dict(acid_state, focus="saw1")
    assert autosave.tick(changed, now=200.0)
    assert not autosave.tick(dict(acid_state, focus="lfo1"), now=214.0)    # changed, but too soon
    assert recover(autosave.path)["focus"] == "saw1"
    autosave.close()


def test_clean_exit_leaves_nothing_behind(acid_state, chronus_home):
    autosave = Autosave(interval=0)
    autosave.tick(acid_state, now=0.0)
    assert autosave.path.is_file() and autosave.path.with_suffix(".lock").read_text() == f"{os.getpid()}\n"
    assert pending_recovery() is None                          # this shell is running: not a crash
    autosave.close()
    assert sorted(p.name for p in chronus_home.iterdir()) == []


def test_two_shells_each_own_their_autosave_and_a_killed_one_is_offered(acid_state, chronus_home):
    first = other_shell(acid_state)
    try:
        mine = Autosave(interval=0)
        assert pending_recovery() is None                      # the first shell runs: nothing to offer
        mine.tick(dict(acid_state, focus="saw1"), now=0.0)
        mine.close()                                           # a clean exit of one …
        assert autosave_path(first.pid).is_file()              # … leaves the other's autosave alone
        first.send_signal(signal.SIGKILL)
        first.wait()
        crashed = pending_recovery()                           # a stale lock: it did not exit cleanly
        assert crashed == autosave_path(first.pid)
        assert recover() == acid_state
        discard_recovery()
        assert pending_recovery() is None
        assert sorted(p.name for p in chronus_home.iterdir()) == []
    finally:
        first.kill()
        first.wait()


def test_declining_sets_the_crashed_set_aside(acid_state, chronus_home):
    crashed = other_shell(acid_state)
    crashed.kill()
    crashed.wait()
    assert pending_recovery() is not None
    kept = set_aside_recovery()
    assert kept == chronus_home / "autosave-declined.json" and recover(kept) == acid_state
    assert pending_recovery() is None


def test_a_temp_file_left_by_a_crash_during_save_is_removed(chronus_home, acid_state):
    sessions = chronus_home / "sessions"
    sessions.mkdir(parents=True)
    old = sessions / ".night-drive.json.k2j4h1.tmp"
    old.write_bytes(b"")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    fresh = chronus_home / ".autosave-1.json.abc.tmp"           # another shell's save in progress
    fresh.write_bytes(b"")
    mine = sessions / "notes.tmp"                               # not ours
    mine.write_bytes(b"")
    assert remove_interrupted_saves() == [old]
    assert fresh.exists() and mine.exists() and not old.exists()


def test_failure_is_kept_not_raised(acid_state, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    autosave = Autosave(interval=0, path=blocker / "autosave.json")
    assert not autosave.tick(acid_state, now=0.0)
    assert autosave.error.startswith("autosave failed: cannot save")


def test_an_empty_patch_is_not_written(acid_state):
    autosave = Autosave(interval=0)
    assert autosave.tick(acid_state, now=0.0) and autosave.path.is_file()
    empty = {"schema_version": 1, "modules": {"master": {"type": "master", "params": {"gain": -6.0}}},
             "edges": [], "mod_edges": [], "sequencer": {"bpm": 120.0, "tracks": {}}}
    assert autosave.tick(empty, now=1.0)                      # everything was removed: nothing to offer
    assert not autosave.path.exists()
    assert not autosave.tick(empty, now=2.0)
