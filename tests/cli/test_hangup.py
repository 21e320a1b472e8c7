"""Closing the terminal (`tmux kill-session`: SIGHUP) is a clean exit, as the README says: no process and
no shared memory left, and no autosave either — the next shell starts without asking "the last run did
not exit cleanly: restore?" and runs the first lines typed at once (it used to hold them for the
question). In a real terminal (tmux), under the real-time lock like every test that starts the engine."""
from __future__ import annotations

import time

from chronus_shell.session.autosave import AUTOSAVE_INTERVAL_S
from tests.repl.test_e2e_tmux import Run, started, terminal_of

RECOVERY_WORDS = "did not exit cleanly"


def _autosaved(home, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if list(home.glob("autosave-*.json")):
            return True
        time.sleep(0.2)
    return False


def test_a_killed_tmux_session_is_a_clean_exit(chronus_home):
    with terminal_of(chronus_home) as terminal:
        started(terminal)
        terminal.enter("add a saw at 110 hz")
        terminal.enter("start")
        terminal.wait_for("▶ playing")
        assert _autosaved(chronus_home, AUTOSAVE_INTERVAL_S + 10)     # what a crash would leave behind
        run = Run(terminal)
        terminal.tmux("kill-session", "-t", "chronus")
        run.wait_all_gone(chronus_home)
    assert sorted(p.name for p in chronus_home.glob("autosave*")) == []
    with terminal_of(chronus_home) as terminal:
        started(terminal)
        terminal.enter("add a square at 220 hz")
        screen = terminal.wait_for("add a square at 220 hz\nchronus›")       # run, and the prompt back
        assert RECOVERY_WORDS not in screen
