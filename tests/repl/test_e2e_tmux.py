"""End to end: the real `chronus` in a real terminal (tmux), null audio backend.

We type as a musician would, press Tab, read the screen with `tmux capture-pane`, and after
Ctrl-D (or a third Ctrl-C) check in /proc that no process of the run is left (the shell's
descendants, and anything carrying this run's CHRONUS_HOME) and in /dev/shm that none of its
`chronus_<pid>_*` shared-memory blocks is.
"""
from __future__ import annotations

import contextlib
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
PROMPT = "chronus›"


class TmuxShell:
    """One chronus process in a private tmux server."""

    def __init__(self, home: Path, cpr: bool = False, columns: int = 120, extra: str = ""):
        self.home = home
        self.socket = f"chronus-test-{uuid.uuid4().hex[:8]}"
        no_cpr = "" if cpr else "PROMPT_TOOLKIT_NO_CPR=1 "
        command = (f"env {no_cpr}CHRONUS_HOME={home} "
                   f"{sys.executable} -m chronus_shell.cli --backend null {extra}")
        self.tmux("new-session", "-d", "-s", "chronus", "-x", str(columns), "-y", "40", command,
                  ";", "set-option", "-t", "chronus", "remain-on-exit", "on")
        self.pid = int(self.tmux("display-message", "-p", "-t", "chronus", "#{pane_pid}").strip())

    def tmux(self, *args: str) -> str:
        # only chronus gets CHRONUS_HOME, and CPR is off only where the command line says so; the
        # size is the tmux window's (pytest-xdist's worker has COLUMNS=80: tables were drawn 80 wide)
        env = {k: v for k, v in os.environ.items()
               if k not in ("CHRONUS_HOME", "PROMPT_TOOLKIT_NO_CPR", "COLUMNS", "LINES")}
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True,
                              text=True, env=env).stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "chronus", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "chronus", "-l", text)

    def enter(self, line: str) -> None:
        self.type(line)
        self.keys("Enter")

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

    def wait_dead(self) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while not self.dead() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.dead(), f"the shell did not exit; the screen was:\n{self.screen()}"

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


# -- /proc and /dev/shm ------------------------------------------------------------------------
def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, start time) of a live process, None once it is gone (or a zombie)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else (int(fields[1]), fields[19])


def descendants(root: int) -> dict[int, str]:
    """Every live process under `root` (root included): pid → start time (so a reused pid is not it)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            parents[int(entry.name)] = stat
    found, frontier = {}, [root]
    while frontier:
        pid = frontier.pop()
        if pid in parents and pid not in found:
            found[pid] = parents[pid][1]
            frontier += [child for child, (ppid, _) in parents.items() if ppid == pid]
    return found


def still_alive(processes: dict[int, str]) -> list[int]:
    return [pid for pid, started in processes.items() if (_stat(pid) or (0, None))[1] == started]


def processes_of(home: Path) -> list[int]:
    """Pids whose environment carries this run's CHRONUS_HOME (finds orphans re-parented to init)."""
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


def shell_pid(terminal: TmuxShell) -> int:
    """The python process of the shell (the pane may run it under `env`/`sh`)."""
    for pid in descendants(terminal.pid):
        try:
            if b"chronus_shell.cli" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0"):
                return pid
        except OSError:
            pass
    raise AssertionError("no chronus_shell.cli process in the pane")


def shm_blocks_of(pid: int) -> list[str]:
    shm = Path("/dev/shm")
    return sorted(p.name for p in shm.glob(f"chronus_{pid}_*")) if shm.is_dir() else []


class Run:
    """What a running shell owns, taken before it exits, to check after that it is all gone."""

    def __init__(self, terminal: TmuxShell):
        self.pid = shell_pid(terminal)
        self.processes = descendants(terminal.pid)
        self.blocks = shm_blocks_of(self.pid)
        assert len(self.processes) >= 4, self.processes      # shell, output, slots A and B (+ spares)
        assert self.blocks, "the engine's shared-memory blocks are not where the check looks"

    def wait_all_gone(self, home: Path, timeout: float = 10) -> None:
        """Give the children time to see the shell gone and clean up, then check."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and (still_alive(self.processes) or shm_blocks_of(self.pid)):
            time.sleep(0.1)
        self.assert_all_gone(home)

    def assert_all_gone(self, home: Path) -> None:
        time.sleep(0.2)
        assert still_alive(self.processes) == []
        assert processes_of(home) == []
        assert shm_blocks_of(self.pid) == []


# -- fixtures ----------------------------------------------------------------------------------
@contextlib.contextmanager
def terminal_of(home: Path, **options):
    """A TmuxShell that is always closed, and anything of its run killed, even when a test fails."""
    terminal = TmuxShell(home, **options)
    try:
        yield terminal
    finally:
        terminal.close()
        for pid in processes_of(home):          # never leave a process behind, even on failure
            try:
                os.kill(pid, 9)
            except OSError:
                pass


@pytest.fixture
def shell(chronus_home):
    with terminal_of(chronus_home) as terminal:
        yield terminal


@pytest.fixture
def shell_with_cpr(chronus_home):
    """prompt_toolkit asks the terminal where the cursor is (tmux answers)."""
    with terminal_of(chronus_home, cpr=True) as terminal:
        yield terminal


def started(terminal: TmuxShell) -> str:
    """The screen once the prompt is up and the engine too (its line: backend and measured latency)."""
    terminal.wait_for("Tab completes", STARTUP_TIMEOUT_S)
    terminal.wait_for("latency", STARTUP_TIMEOUT_S)
    return terminal.wait_for(PROMPT)


def toolbar_line(screen: str) -> str:
    return next(line for line in reversed(screen.splitlines()) if " │ " in line and "♩" in line)


# -- tests -------------------------------------------------------------------------------------
def test_a_session_in_a_real_terminal(shell, chronus_home):
    screen = started(shell)
    assert "Chronus Shell" in screen.splitlines()[0] and "audio starting" in screen.splitlines()[0]
    audio = next(line for line in screen.splitlines() if line.startswith("audio "))   # once the engine is up
    assert "audio null (clock-paced)" in audio and "latency" in audio and " ms" in audio
    assert "null (null" not in audio

    shell.enter("add acid filter at 800hz")
    shell.type("acid_filter1 ")
    shell.keys("Tab")
    screen = shell.wait_for("Hz 20–20000  now 800")              # completion with range and value
    assert "resonance" in screen and "ratio 0–0.95  now 0.5" in screen
    shell.keys("C-c")

    shell.enter("set the xutoff to 900")
    screen = shell.wait_for("did you mean cutoff?")
    caret_row = next(line for line in screen.splitlines() if "did you mean cutoff?" in line)
    assert caret_row.index("^") == len(f"{PROMPT} set the ")

    shell.enter("set the cutof to 900")                          # one letter off: read, and said so
    shell.wait_for("→ cutof → cutoff")
    shell.enter("what is the cutoff")
    shell.wait_for("acid_filter1 cutoff 900 Hz")

    shell.enter("status")
    screen = shell.wait_for("engine status")
    shell.wait_for("late")                                       # the slots table is drawn in full
    screen = shell.screen()
    for part in ("audio", "null (clock-paced) · 48000 Hz", "latency", "running", "active slot",
                 "xruns", "failovers", "level", "slots", "standby", "cpu %"):
        assert part in screen

    run = Run(shell)
    shell.keys("C-d")
    shell.wait_dead()
    run.assert_all_gone(chronus_home)
    assert "set the cutof to 900" in (chronus_home / "history").read_text()


def test_the_toolbar_shows_the_engine_at_a_glance(shell):
    started(shell)
    shell.enter("tempo 128")
    shell.enter("add a saw at 110 hz")
    shell.enter("play x.x. on hats and start")                 # a pattern waits for start (issue 13)
    shell.wait_for("▶ playing")
    deadline = time.monotonic() + TIMEOUT_S
    while "-inf dB" in toolbar_line(shell.screen()) and time.monotonic() < deadline:
        time.sleep(0.1)                                          # the meter follows the level
    toolbar = toolbar_line(shell.screen())
    for part in ("null (clock-paced)", "♩ 128", "▶ playing", "slot ", "xruns 0", "failovers 0",
                 "cpu A ", "% B ", " dB", "▮"):
        assert part in toolbar, toolbar
    assert "REC" not in toolbar

    shell.enter(f"record to {shell.home / 'take.wav'}")
    shell.wait_for("● REC")
    shell.enter("stop recording")
    shell.wait_for("recorded")
    shell.keys("C-d")
    shell.wait_dead()


def test_the_toolbar_with_cursor_position_reports(shell_with_cpr):
    started(shell_with_cpr)
    shell_with_cpr.enter("tempo 97")
    toolbar = toolbar_line(shell_with_cpr.wait_for("♩ 97"))
    for part in ("null", "slot", "xruns 0", "failovers 0", "cpu", "dB"):
        assert part in toolbar
    shell_with_cpr.keys("C-d")
    shell_with_cpr.wait_dead()


def test_ctrl_c_cancels_then_asks_then_quits(shell, chronus_home):
    started(shell)
    shell.type("tempo 140")
    shell.keys("C-c")                                            # cancels the line: nothing asked
    time.sleep(0.5)
    screen = shell.screen()
    assert "press Ctrl-C again" not in screen and "♩ 140" not in screen and not shell.dead()

    shell.enter("tempo 141")                                     # the shell goes on
    shell.wait_for("♩ 141")
    run = Run(shell)
    shell.keys("C-c")                                            # an empty line: the first
    time.sleep(0.3)
    assert "press Ctrl-C again" not in shell.screen()
    shell.keys("C-c")                                            # the second asks
    shell.wait_for("press Ctrl-C again to quit")
    assert not shell.dead()
    shell.keys("C-c")                                            # the third quits
    shell.wait_dead()
    run.assert_all_gone(chronus_home)


def test_a_killed_shell_leaves_no_process_and_no_shared_memory(chronus_home, tmp_path):
    """kill -9 (a crash of the shell): its children see the pipes close, exit, and remove the
    shell's shared-memory blocks once it is gone, not at the next start (Python's resource tracker,
    which under spawn is what removes them, may warn that it found them gone)."""
    errors = tmp_path / "stderr.txt"
    with terminal_of(chronus_home, extra=f"2>{errors}") as terminal:
        started(terminal)
        terminal.enter("add a saw at 110 hz")
        terminal.wait_for("♩ 120")
        run = Run(terminal)
        os.kill(run.pid, 9)
        run.wait_all_gone(chronus_home)


def test_the_no_device_notice_is_one_line_at_start(chronus_home):
    with terminal_of(chronus_home, extra="--backend auto --device no-such-device-here") as terminal:
        screen = started(terminal)
        said = screen[screen.index("\naudio "):]                 # the engine's line, once it is up
        assert "audio null (clock-paced)" in said.splitlines()[1]
        notice = said[said.index("⚠ "):said.index(PROMPT)]       # one notice (wrapped if very long)
        assert said.count("⚠") == 1 and "using the null backend" in " ".join(notice.split())
        terminal.keys("C-d")
        terminal.wait_dead()


def test_no_popups_for_screen_readers(chronus_home):
    with terminal_of(chronus_home, extra="--no-popups") as terminal:
        started(terminal)
        terminal.enter("add acid filter")
        terminal.type("acid_filter1 cu")
        time.sleep(0.5)
        assert "Hz 20–20000" not in terminal.screen()            # nothing pops up while typing
        terminal.keys("C-u")
        terminal.type("acid_filter1 re")
        terminal.keys("Tab")
        terminal.wait_for("resonance  ratio 0–0.95  now 0.5")     # Tab lists, with the range
        terminal.keys("C-u", "C-d")
        terminal.wait_dead()


def test_a_closed_terminal_window_ends_the_shell_quietly(chronus_home, tmp_path):
    """Closing the window (SIGHUP to the whole group): everything stops, and stderr gets no
    traceback (no resource tracker relaunched, no termios error on the dead terminal)."""
    errors = tmp_path / "stderr.txt"
    with terminal_of(chronus_home, extra=f"2>{errors}") as terminal:
        started(terminal)
        terminal.enter("add a saw at 110 hz")
        terminal.enter("start")
        terminal.wait_for("▶ playing")
        run = Run(terminal)
        terminal.tmux("new-window", "-d", "sleep 30")              # the server outlives the window
        terminal.tmux("kill-window", "-t", "chronus:0")
        run.wait_all_gone(chronus_home)
        lines = [line for line in errors.read_text(errors="replace").splitlines() if line.strip()]
        assert len(lines) <= 1, errors.read_text()

