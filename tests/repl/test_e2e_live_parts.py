"""End to end: the shell with its live parts wired in — the user's modules (sandbox pool, hot
reload, `reload <module>`), the OSC server (a real `oscsend` from outside), and the engine's news
(a slot killed mid-set is reported once, and the music goes on).

The real `chronus` in tmux, null audio backend; no process or shared-memory block may remain.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from .test_e2e_tmux import TIMEOUT_S, Run, shm_blocks_of, started, still_alive, terminal_of

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "modules"
needs_oscsend = pytest.mark.skipif(shutil.which("oscsend") is None,
                                   reason="liblo-tools (oscsend) is not installed: no outside OSC client")


def count_when(terminal, text: str, count: int, timeout: float = TIMEOUT_S) -> str:
    """Wait until `text` is on the screen `count` times."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = terminal.screen()
        if screen.count(text) >= count:
            return screen
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never appeared {count} times; the screen was:\n{terminal.screen()}")


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_user_modules_load_hot_reload_and_survive_a_broken_save(chronus_home, tmp_path):
    folder = tmp_path / "my-modules"
    folder.mkdir()
    module = folder / "bitwarp.py"
    good = (EXAMPLES / "bitwarp.py").read_text()
    module.write_text(good)
    with terminal_of(chronus_home, extra=f"--modules {folder}") as terminal:
        started(terminal)
        terminal.wait_for("module bitwarp ready", TIMEOUT_S * 3)     # validated before the prompt
        terminal.enter("add a saw at 110 hz")
        terminal.enter("add bitwarp")
        terminal.enter("help bitwarp")
        terminal.wait_for("bits")                                    # its params drive help

        time.sleep(1.1)                                              # a new mtime on coarse clocks
        module.write_text(good + "\nraise RuntimeError('broken on purpose')\n")
        terminal.wait_for("the previous version keeps playing", TIMEOUT_S * 3)
        terminal.enter("reload nosuch")
        terminal.wait_for("no module file")
        assert "your modules: bitwarp" in " ".join(terminal.screen().split())

        time.sleep(1.1)
        module.write_text(good)
        count_when(terminal, "module bitwarp ready", 2, TIMEOUT_S * 3)
        terminal.enter("reload bitwarp")                             # unchanged, validated again
        count_when(terminal, "module bitwarp ready", 3, TIMEOUT_S * 3)
        terminal.enter("status")
        terminal.wait_for("failovers")
        assert "internal error" not in terminal.screen() and "Traceback" not in terminal.screen()

        run = Run(terminal)
        terminal.keys("C-d")
        terminal.wait_dead()
        run.assert_all_gone(chronus_home)                             # the pool's workers too


@needs_oscsend
def test_osc_from_outside_reaches_the_shell_and_a_killed_slot_is_news(chronus_home):
    port = free_udp_port()
    with terminal_of(chronus_home, extra=f"--osc-port {port}") as terminal:
        started(terminal)
        terminal.wait_for(f"OSC server on 127.0.0.1:{port}")

        def oscsend(address: str, types: str, *values) -> None:
            subprocess.run(["oscsend", "127.0.0.1", str(port), address, types, *map(str, values)],
                           check=True, timeout=10)

        oscsend("/patch/create", "ss", "drone", "saw")
        oscsend("/patch/connect", "ss", "drone", "master")
        oscsend("/mod/drone/freq", "f", 220.0)
        time.sleep(0.5)
        terminal.enter("what is the freq of drone")                 # the shell's model learnt it
        terminal.wait_for("drone freq 220 Hz")
        terminal.enter("drone freq up an octave")
        terminal.enter("what is the freq of drone")
        terminal.wait_for("drone freq 440 Hz")

        oscsend("/engine/crash", "s", "active")
        screen = terminal.wait_for("an audio process died or hung", TIMEOUT_S * 2)
        assert screen.count("an audio process died or hung") == 1
        run = Run(terminal)
        terminal.enter("status")
        terminal.keys("C-d")                                         # typed ahead: read after status
        terminal.wait_dead()
        run.assert_all_gone(chronus_home)


def test_closing_the_terminal_stops_everything(chronus_home, tmp_path):
    """The terminal window closed mid-set (SIGHUP to the whole process group): the shell stops its
    engine, its module pool and its OSC server in order; the children ignore the hang-up."""
    folder = tmp_path / "my-modules"
    folder.mkdir()
    (folder / "bitwarp.py").write_text((EXAMPLES / "bitwarp.py").read_text())
    with terminal_of(chronus_home, extra=f"--modules {folder} --osc-port {free_udp_port()}") as terminal:
        started(terminal)
        terminal.wait_for("module bitwarp ready", TIMEOUT_S * 3)
        terminal.enter("add a saw at 110 hz")
        run = Run(terminal)
        terminal.tmux("kill-session", "-t", "chronus")           # tmux hangs up the pane
        deadline = time.monotonic() + TIMEOUT_S
        while (still_alive(run.processes) or shm_blocks_of(run.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)
        run.assert_all_gone(chronus_home)
