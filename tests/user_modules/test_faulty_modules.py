"""User modules that pass validation and then fail in the slots, where lockstep makes them hit both
slots at the same block: the music comes back by itself within 0.5 s with the module bypassed and
named in one line; a module that faults twice is quarantined until its file changes."""
from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

import pytest

from chronus_shell.engine.user_modules.install import unregister_user_module
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor, realtime
from chronus_shell.supervisor.user_modules.hot_reload import UserModules

from supervisor.conftest import read_wav, silent_runs_s  # tests/ is on the path (no __init__ there)

from .conftest import write_module

HEADER = '''
import multiprocessing, os, time
import numpy as np
from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, number
'''


def late(name: str, fault: str, after: int = 100, top: str = "") -> str:
    """A processor that passes its input through the sandbox's test render and its first `after`
    calls in a slot, then runs `fault` at every call."""
    return HEADER + top + f'''

class Late(Module):
    spec = ModuleSpec("{name}", "processor", (number("gain", "ratio", 0.5, 0, 1, "how loud"),), "faults late")

    def __init__(self, sample_rate):
        super().__init__(sample_rate)
        self.calls = 0

    def process(self, audio_in, params):
        self.calls += 1
        if self.calls > {after} and multiprocessing.current_process().name == "chronus-slot":
            {fault}
        return audio_in * params["gain"]
'''


@contextlib.contextmanager
def playing(pool, folder, name: str, source: str, record=None):
    """saw1 → <name>1 → master with the module accepted (recorded to `record` if given); cleaned up after."""
    path = write_module(folder, name, source)
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        if record is not None:
            from chronus_shell.session.recorder import Recorder
            supervisor.tap.start(Recorder(record, 48000))
        modules = UserModules(pool, on_accept=lambda v: supervisor.install_user_module(*v.payload()))
        try:
            verdicts = modules.load_all()
            assert any(v.ok and v.name == name for v in verdicts), [v.line() for v in verdicts]
            for line in ("/patch/create saw1 saw", f"/patch/create {name}1 {name}", f"/patch/connect saw1 {name}1",
                         f"/patch/connect {name}1 master"):
                supervisor.send(Message.parse(line))
            yield supervisor, path
        finally:
            modules.stop()
            path.unlink(missing_ok=True)
            unregister_user_module(name)


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_a_module_that_kills_both_slots_is_bypassed_and_the_music_comes_back(pool, folder, tmp_path):
    take = tmp_path / "bomb.wav"
    with playing(pool, folder, "bomb", late("bomb", "os._exit(1)"), record=take) as (supervisor, _):
        assert wait_for(lambda: supervisor.restores, 10), supervisor.problems
        time.sleep(0.6)
        status = supervisor.status()
        line = next(p for p in supervisor.problems if "bomb1" in p)
        assert status["level"] > 0.05 and all(row["alive"] for row in status["slots"])
    assert line.startswith("bomb1 (bomb) crashed its audio process: bypassed: the music came back by itself")
    assert supervisor.restores[0]["bypassed"] == ["bomb1"]
    assert max(silent_runs_s(read_wav(take))) < 0.5


def test_a_module_stuck_in_compiled_code_is_ended_by_the_watchdog(pool, folder):
    top = '''
from numba import njit


@njit(cache=False)
def forever(x):
    while x >= 0.0:
        x = x * 1.0
    return x
'''
    with playing(pool, folder, "numbaloop", late("numbaloop", "forever(1.0)", top=top)) as (supervisor, _):
        assert wait_for(lambda: supervisor.restores, 15), supervisor.problems
        time.sleep(0.6)
        line = next(p for p in supervisor.problems if "numbaloop1" in p)
        assert supervisor.restores[0]["stalled"] and supervisor.status()["level"] > 0.05
        started = time.monotonic()
    assert line.startswith("numbaloop1 (numbaloop) stalled in process(): bypassed")
    assert time.monotonic() - started < 2.0  # quitting does not wait on the hung processes


def test_a_module_that_faults_twice_is_quarantined_until_its_file_changes(pool, folder):
    with playing(pool, folder, "twice", late("twice", "os._exit(1)", after=100)) as (supervisor, path):
        assert wait_for(lambda: supervisor.restores, 10), supervisor.problems
        supervisor.send(Message.parse("/patch/create twice2 twice"))
        supervisor.send(Message.parse("/patch/connect twice2 master"))
        assert wait_for(lambda: len(supervisor.restores) == 2, 10), supervisor.problems
        assert "twice" in supervisor.status()["quarantined"]
        assert any("quarantined until its file changes" in p for p in supervisor.problems)
        try:
            supervisor.send(Message.parse("/patch/create twice3 twice"))
            raise AssertionError("a quarantined module was accepted")
        except Exception as err:  # noqa: BLE001 — the refusal is an EngineError line
            assert "quarantined" in str(err)
        supervisor.install_user_module("twice", path.read_text() + "\n# fixed\n", str(path))
        supervisor.send(Message.parse("/patch/create twice3 twice"))


def test_a_module_that_fails_to_import_only_in_slots_is_said_once_and_refused(pool, folder):
    """Every spare used to die on it (~31 restarts a second, each with a traceback): now each worker
    skips it, the shell says so once, and `add` is refused with that reason."""
    path = write_module(folder, "slotonly", late("slotonly", "pass", top='''
import multiprocessing
if multiprocessing.current_process().name == "chronus-slot":
    raise ImportError("only in the slots")
'''))
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        modules = UserModules(pool, on_accept=lambda v: supervisor.install_user_module(*v.payload()))
        try:
            assert any(v.ok for v in modules.load_all())
            assert wait_for(lambda: supervisor.quarantined, 5)
            time.sleep(1.0)
            status = supervisor.status()
            try:
                supervisor.send(Message.parse("/patch/create slotonly1 slotonly"))
                refusal = ""
            except Exception as err:  # noqa: BLE001 — the refusal is an EngineError line
                refusal = str(err)
        finally:
            modules.stop()
            path.unlink()
            unregister_user_module("slotonly")
    lines = [p for p in supervisor.problems if "slotonly" in p]
    assert status["spares"] >= 1 and all(row["alive"] for row in status["slots"])
    assert len(lines) == 1 and "does not load in an audio slot (ImportError: only in the slots)" in lines[0]
    assert "quarantined" in refusal and "only in the slots" in refusal


def test_a_module_that_sleeps_each_block_is_named_and_the_slots_catch_up_after_remove(pool, folder):
    with playing(pool, folder, "sleepy", late("sleepy", "time.sleep(0.010)", after=100)) as (supervisor, _):
        assert wait_for(lambda: any("sleepy1" in p for p in supervisor.problems), 10), supervisor.problems
        line = next(p for p in supervisor.problems if "sleepy1" in p)
        supervisor.send(Message.parse("/patch/remove sleepy1"))
        supervisor.send(Message.parse("/patch/connect saw1 master"))
        time.sleep(1.5)
        before = supervisor.status()["lost_blocks"]
        time.sleep(1.0)
        after = supervisor.status()
    block_ms = 1000 * Config.from_env().block_seconds
    assert "takes" in line and f"ms of each {block_ms:.1f} ms block" in line and "voices" not in line
    assert after["lost_blocks"] == before and after["level"] > 0.05


def test_a_huge_allocation_in_a_slot_meets_the_memory_limit(pool, folder):
    with playing(pool, folder, "hog", late("hog", "self.table = np.ones(2**29)")) as (supervisor, _):
        assert wait_for(lambda: supervisor.status()["faults"], 10), supervisor.problems
        fault = supervisor.status()["faults"][0]
        assert supervisor.status()["level"] > 0.05 and not supervisor.restores
    assert fault.startswith("hog1 raised MemoryError") and "CHRONUS_SLOT_MEMORY_MB" in fault


def _sleepers(tag: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "cmdline").read_bytes().split(b"\0")[:2] == [b"sleep", tag.encode()]:
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def test_what_a_module_starts_dies_with_the_shell_and_its_threads_count_in_status(pool, folder):
    """A subprocess started at import (in the pool's test and in every slot) is gone when the shell
    stops; a thread burning CPU in the slots shows in `status` (every thread counted)."""
    tag = "3131"
    source = late("spawner", "pass", top=f'''
import subprocess, threading
subprocess.Popen(["sleep", "{tag}"])


def burn():
    while True:
        pass


if multiprocessing.current_process().name == "chronus-slot":
    threading.Thread(target=burn, daemon=True).start()
''')
    with playing(pool, folder, "spawner", source) as (supervisor, _):
        assert wait_for(lambda: _sleepers(tag), 3)      # the module's children run meanwhile
        time.sleep(0.6)
        supervisor.status()
        time.sleep(0.5)
        rows = supervisor.status()["slots"]
    figures = [(row["cpu_percent"], row["all_threads_cpu_percent"]) for row in rows]
    # the threads take what the machine gives four busy workers (2 slots, 2 spares) on top of rendering
    assert all(threads > render for render, threads in figures) and sum(t for _, t in figures) > 30, figures
    assert wait_for(lambda: not _sleepers(tag), 3), _sleepers(tag)


def test_a_module_that_ends_every_new_worker_at_import_is_dropped_and_spares_back_off(pool, folder):
    """os._exit at import in slot processes only: the spares die loading it; the shell names it once,
    stops giving it to new workers, and the spares come back (no restart flood)."""
    path = write_module(folder, "exitimport", late("exitimport", "pass", top='''
if multiprocessing.current_process().name == "chronus-slot":
    os._exit(3)
'''))
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        modules = UserModules(pool, on_accept=lambda v: supervisor.install_user_module(*v.payload()))
        try:
            assert any(v.ok for v in modules.load_all())
            assert wait_for(lambda: "exitimport" in supervisor.quarantined, 5), supervisor.problems
            assert wait_for(lambda: supervisor.status()["spares"] >= 2, 10)
            time.sleep(0.5)
            status = supervisor.status()
        finally:
            modules.stop()
            path.unlink()
            unregister_user_module("exitimport")
    assert all(row["alive"] for row in status["slots"]) or supervisor.restores
    lines = [p for p in supervisor.problems if "exitimport" in p]
    assert len(lines) == 1 and "not used until its file changes" in lines[0], supervisor.problems
    assert len([p for p in supervisor.problems if "died while starting" in p]) <= 1


def _slot_threads(supervisor) -> dict[int, list[int]]:
    """Each slot's threads by its pid, the slots read from the supervisor at every call: on a loaded
    machine a slot is replaced now and then (a standby re-synced after a late command or dropped
    blocks) and its pid goes with it; {} while one is being replaced."""
    try:
        return {slot.pid: [int(t) for t in os.listdir(f"/proc/{slot.pid}/task")] for slot in supervisor.slots}
    except (AttributeError, OSError):
        return {}


def _scheduling(supervisor) -> dict[int, list[tuple[int, bool, int]]]:
    """(thread, real-time?, niceness) of every thread of each slot now; {} while one is replaced."""
    try:
        return {pid: [(t, os.sched_getscheduler(t) & ~os.SCHED_RESET_ON_FORK in (os.SCHED_FIFO, os.SCHED_RR),
                       os.getpriority(os.PRIO_PROCESS, t)) for t in tids]
                for pid, tids in _slot_threads(supervisor).items()}
    except OSError:
        return {}


def _only_the_render_thread_real_time(supervisor) -> bool:
    """Every slot with the module's two threads: the render thread (the pid's) real-time, every
    other thread ordinary at niceness 0 (not even the slot's)."""
    slots = _scheduling(supervisor)
    return bool(slots) and all(len(threads) >= 3 and [t for t, fifo, _ in threads if fifo] == [pid]
                               and all(nice == 0 for t, _, nice in threads if t != pid)
                               for pid, threads in slots.items())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.skipif(realtime.permission_notice() is not None, reason="needs real-time permission (root in CI)")
def test_threads_and_processes_a_module_starts_never_run_real_time(pool, folder):
    """Only a slot's render thread is real-time: a thread a module starts at import (before the slot
    took its role) or from process() (inside the real-time render), and a process it starts, are
    ordinary — a module spinning in a thread of its own cannot starve the machine."""
    source = late("rtspawner", "start_spinner()", after=20, top='''
import subprocess, threading

SPINNERS = []


def spin():
    while True:
        time.sleep(0.001)


def start_spinner():
    if not SPINNERS:
        SPINNERS.append(threading.Thread(target=spin, daemon=True))
        SPINNERS[0].start()
        SPINNERS.append(subprocess.Popen(["sleep", "3132"]))


if multiprocessing.current_process().name == "chronus-slot":
    threading.Thread(target=spin, daemon=True).start()
''')
    with playing(pool, folder, "rtspawner", source) as (supervisor, _):
        assert wait_for(lambda: (slots := _slot_threads(supervisor)) and all(len(t) >= 3 for t in slots.values()), 5)
        assert wait_for(lambda: len(_sleepers("3132")) >= 2, 3)
        assert wait_for(lambda: _only_the_render_thread_real_time(supervisor), 3), _scheduling(supervisor)
        assert all(os.sched_getscheduler(child) == os.SCHED_OTHER for child in _sleepers("3132"))
