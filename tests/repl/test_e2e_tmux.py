"""End to end: the real `chronus` in a real terminal (tmux), null audio backend.

We type as a musician would, press Tab, read the screen with `tmux capture-pane`, and after
Ctrl-D check that no process of the run and no shared-memory block of it remains.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

STARTUP_TIMEOUT_S = 30
TIMEOUT_S = 10


def _supervisor_available() -> bool:
    import chronus_shell.supervisor as supervisor
    return hasattr(supervisor, "Supervisor")


needs_supervisor = pytest.mark.skipif(
    not _supervisor_available(), reason="chronus_shell.supervisor.Supervisor has not landed yet")


class TmuxShell:
    """One chronus process in a private tmux server."""

    def __init__(self, home: Path, cpr: bool = False):
        self.home = home
        self.socket = f"chronus-test-{uuid.uuid4().hex[:8]}"
        no_cpr = "" if cpr else "PROMPT_TOOLKIT_NO_CPR=1 "
        command = (f"env {no_cpr}CHRONUS_HOME={home} "
                   f"{sys.executable} -m chronus_shell.cli --backend null")
        self.tmux("new-session", "-d", "-s", "chronus", "-x", "120", "-y", "40", command,
                  ";", "set-option", "-t", "chronus", "remain-on-exit", "on")
        self.pid = int(self.tmux("display-message", "-p", "-t", "chronus", "#{pane_pid}").strip())

    def tmux(self, *args: str) -> str:
        env = {k: v for k, v in os.environ.items() if k != "CHRONUS_HOME"}   # only chronus has it
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True,
                              text=True, env=env).stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "chronus", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "chronus", "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "chronus")

    def wait_for(self, text: str, timeout: float = TIMEOUT_S) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def dead(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "chronus", "#{pane_dead}").strip() == "1"

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


def processes_of(home: Path) -> list[int]:
    """Pids whose environment carries this run's CHRONUS_HOME (the shell and all its children)."""
    marker = f"CHRONUS_HOME={home}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def shm_blocks_of(pid: int) -> list[str]:
    shm = Path("/dev/shm")
    return [p.name for p in shm.glob(f"chronus_{pid}_*")] if shm.is_dir() else []


def _terminal(home: Path, cpr: bool):
    terminal = TmuxShell(home, cpr)
    yield terminal
    terminal.close()
    for pid in processes_of(home):              # never leave a process behind, even on failure
        try:
            os.kill(pid, 9)
        except OSError:
            pass


@pytest.fixture
def shell(chronus_home):
    yield from _terminal(chronus_home, cpr=False)


@pytest.fixture
def shell_with_cpr(chronus_home):
    """prompt_toolkit draws the bottom toolbar only once the terminal answered a CPR query."""
    yield from _terminal(chronus_home, cpr=True)


def started(shell: TmuxShell) -> None:
    shell.wait_for("Tab completes", STARTUP_TIMEOUT_S)
    shell.wait_for("chronus›")


@needs_supervisor
def test_a_session_in_a_real_terminal(shell, chronus_home):
    started(shell)
    screen = shell.screen()
    assert "null" in screen and " ms" in screen                   # banner: backend and latency

    shell.type("add acid filter at 800hz")
    shell.keys("Enter")
    shell.type("acid_filter1 ")
    shell.keys("Tab")
    screen = shell.wait_for("Hz 20–20000  now 800")              # completion with range and value
    assert "resonance" in screen
    shell.keys("C-c")

    shell.type("set the cutof to 900")
    shell.keys("Enter")
    screen = shell.wait_for("did you mean cutoff?")
    caret_row = next(line for line in screen.splitlines() if "did you mean cutoff?" in line)
    assert caret_row.index("^") == len("chronus› set the ")

    shell.type("status")
    shell.keys("Enter")
    screen = shell.wait_for("engine status")
    assert "slots" in screen

    running = processes_of(chronus_home)
    assert len(running) >= 3                                      # shell, output, slots

    shell.keys("C-d")
    deadline = time.monotonic() + TIMEOUT_S
    while not shell.dead() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert shell.dead()
    time.sleep(0.2)
    assert processes_of(chronus_home) == []
    assert shm_blocks_of(shell.pid) == []
    assert "set the cutof to 900" in (chronus_home / "history").read_text()


@needs_supervisor
def test_toolbar_shows_engine_state(shell_with_cpr):
    started(shell_with_cpr)
    shell_with_cpr.type("tempo 128")
    shell_with_cpr.keys("Enter")
    screen = shell_with_cpr.wait_for("♩ 128")
    toolbar = screen.rstrip().splitlines()[-1]
    for part in ("null", "slot", "xruns 0", "failovers 0", "cpu", "dB"):
        assert part in toolbar
    shell_with_cpr.keys("C-d")
