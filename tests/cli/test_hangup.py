"""Closing the terminal (`tmux kill-session`: SIGHUP) is a clean exit, as the README says: no process and
no shared memory left, and no autosave either — the next shell starts without asking "the last run did
not exit cleanly: restore?" and runs the first lines typed at once (it used to hold them for the
question). In a real terminal (tmux), under the real-time lock like every test that starts the engine.

It waits for what it checks, never for a guessed time. CI reran it in three runs of three: in a clean
clone it is the first test whose shell starts the engine in full (test_ctrl_c_at_start interrupts the
start), so its first shell compiled the audio kernels — "about half a minute, several minutes on a busy
machine" — while `started` gave it 30 s; the rerun found them compiled. The kernels are compiled first
here, as the shell itself would (not in the time the test gives a start). After the hangup its children
(a spare started meanwhile too) take their time to see the shell gone on a loaded machine."""
from __future__ import annotations

import time

import pytest

from chronus_shell.engine import compile_if_needed
from chronus_shell.session.autosave import AUTOSAVE_INTERVAL_S
from tests.repl.test_e2e_tmux import PROMPT, STARTUP_TIMEOUT_S, Run, processes_of, shm_blocks_of, started, \
    still_alive, terminal_of

RECOVERY_WORDS = "did not exit cleanly"
GONE_TIMEOUT_S = 30


def _all_gone(run: Run, home) -> None:
    """Until every process of the run (those taken before the hangup, and anything else carrying its
    CHRONUS_HOME: a spare started meanwhile) and its shared memory are gone, then the checks."""
    deadline = time.monotonic() + GONE_TIMEOUT_S
    while time.monotonic() < deadline and (still_alive(run.processes) or processes_of(home) or shm_blocks_of(run.pid)):
        time.sleep(0.1)
    run.assert_all_gone(home)


def _ran(terminal, line: str) -> str:
    """The screen once `line` has run: the prompt back on a line below it (a notice printed meanwhile,
    such as a dropout on a loaded machine, may come between them)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        screen = terminal.screen()
        lines = screen.splitlines()
        typed = [i for i, text in enumerate(lines) if text.endswith(line)]
        if typed and any(text.startswith(PROMPT) for text in lines[typed[-1] + 1:]):
            return screen
        assert time.monotonic() < deadline, f"{line!r} never ran; the screen was:\n{screen}"
        time.sleep(0.05)


@pytest.fixture(scope="module", autouse=True)
def compiled_kernels():
    compile_if_needed(print)


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
        terminal.wait_for("▶ playing", STARTUP_TIMEOUT_S)
        assert _autosaved(chronus_home, AUTOSAVE_INTERVAL_S + 10)     # what a crash would leave behind
        run = Run(terminal)
        terminal.tmux("kill-session", "-t", "chronus")
        _all_gone(run, chronus_home)
    assert sorted(p.name for p in chronus_home.glob("autosave*")) == []
    with terminal_of(chronus_home) as terminal:
        started(terminal)
        terminal.enter("add a square at 220 hz")
        screen = _ran(terminal, "add a square at 220 hz")                   # run, and the prompt back
        assert RECOVERY_WORDS not in screen
