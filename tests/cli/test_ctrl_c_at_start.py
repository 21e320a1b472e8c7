"""Ctrl-C in the shell's first half second (the engine starting, the prompt not up yet) means what it
means at the prompt: the shell comes up, a second Ctrl-C asks, a third quits, and nothing is left —
no process, no shared memory. (It used to end the shell half-started, with no word and no offer.)
One that comes sooner, while Python itself starts (before the engine does), stops it with one line.

In a real terminal (pexpect, cursor position reports off), under the real-time lock like every
test that starts the engine."""
from __future__ import annotations

import os
import sys
import time

import pytest

from tests.repl.test_e2e_tmux import PROMPT, processes_of, shm_blocks_of

pexpect = pytest.importorskip("pexpect")

STARTUP_TIMEOUT_S = 60


def _gone(home, pid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while (processes_of(home) or shm_blocks_of(pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not processes_of(home) and not shm_blocks_of(pid)


@pytest.mark.parametrize("after_s", [0.05, 0.3, 0.6])
def test_ctrl_c_while_the_shell_starts_waits_for_the_prompt(chronus_home, after_s):
    env = {**os.environ, "CHRONUS_HOME": str(chronus_home), "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(sys.executable, ["-m", "chronus_shell.cli", "--backend", "null"], env=env,
                          encoding="utf-8", timeout=STARTUP_TIMEOUT_S, dimensions=(40, 120))
    try:
        time.sleep(after_s)
        child.send("\x03")                          # before the prompt is up
        if child.expect_exact(["latency", "chronus: stopped (Ctrl-C)"]) == 1:
            said = child.before
            child.expect(pexpect.EOF)               # so soon that nothing had started: one line, gone
            child.wait()
            assert child.exitstatus == 130 and "Traceback" not in said + child.before
            assert _gone(chronus_home, child.pid), (processes_of(chronus_home), shm_blocks_of(child.pid))
            return
        child.expect_exact(PROMPT.strip())          # and the prompt, drawn again under its line
        assert child.isalive()
        child.send("\x03")                          # the second on an empty line asks
        child.expect_exact("press Ctrl-C again to quit")
        assert child.isalive()
        child.send("\x03")                          # the third quits
        child.expect(pexpect.EOF)
        child.wait()
        assert child.exitstatus == 0
        assert _gone(chronus_home, child.pid), (processes_of(chronus_home), shm_blocks_of(child.pid))
    finally:
        child.close(force=True)
