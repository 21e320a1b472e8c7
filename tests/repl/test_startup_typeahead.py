"""The prompt comes before the engine is up (issue 17's start-up): lines typed meanwhile wait for it
and run in the order typed, nothing lost; leaving before it is up leaves nothing running.

In a real terminal (pexpect, cursor position reports off). The workers start by `spawn` here (the
Windows way: each imports and loads the kernels itself), so the engine is surely not up when the
prompt shows."""
from __future__ import annotations

import os
import re
import sys
import time

import pytest

from tests.repl.test_e2e_tmux import PROMPT, processes_of

pexpect = pytest.importorskip("pexpect")

STARTUP_TIMEOUT_S = 60


def _shell(home):
    env = {**os.environ, "CHRONUS_HOME": str(home), "PROMPT_TOOLKIT_NO_CPR": "1", "CHRONUS_START_METHOD": "spawn"}
    child = pexpect.spawn(sys.executable, ["-m", "chronus_shell.cli", "--backend", "null"], env=env,
                          encoding="utf-8", timeout=STARTUP_TIMEOUT_S, dimensions=(40, 120))
    child.expect_exact(PROMPT.strip())
    return child


def _plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", text)


def _wait_for(child, text: str) -> str:
    """All the shell printed up to `text` (colours and cursor moves taken out), once it shows."""
    seen = ""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while text not in _plain(seen):
        assert time.monotonic() < deadline, f"{text!r} never showed: {_plain(seen)[-800:]!r}"
        try:
            seen += child.read_nonblocking(4096, timeout=1)
        except pexpect.TIMEOUT:
            pass
    return _plain(seen)


def _gone(home, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while processes_of(home) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not processes_of(home)


def test_lines_typed_before_the_engine_is_up_run_in_order(chronus_home):
    child = _shell(chronus_home)
    try:
        assert "audio starting" in _plain(child.before) and "latency" not in child.before
        for line in ("add a saw at 110 hz", "set the freq to 220", "what is the freq", "status"):
            child.send(line + "\r")                 # all typed at once, before the engine is up
        said = _wait_for(child, "saw1 freq 220 Hz")     # the add, then the change, then the question
        assert "audio null (clock-paced)" in said and "latency" in said   # the engine's line came first
        _wait_for(child, "engine status")           # and the last line ran too
        child.sendline("quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
    assert _gone(chronus_home)


def test_leaving_before_the_engine_is_up_leaves_nothing_running(chronus_home):
    child = _shell(chronus_home)
    try:
        child.sendcontrol("d")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0
    assert _gone(chronus_home)
