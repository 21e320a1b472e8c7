"""Zero loss on a busy machine: the soak and the failovers again, with every core kept busy.

The typing minute of test_soak.py, loaded, at the defaults: nothing may be lost, no command may
reach a slot late (the shell, at ordinary priority, is what the load starves), the two slots stay
in lockstep with no failover.

A minute on the JACK dummy device at the default settings (not the tests' longer lead) with a dozen
ordinary-priority busy loops and a memory toucher running (tests/supervisor/busy.py), a musician
typing every 100 ms, the sandbox pool validating a module the whole time, and 20 slot kills (active
and standby in turn): not one block may be lost. It relies on real-time scheduling (root in CI,
the `audio` group's rtprio on a musician's machine); without it the loss is measured in `status`
and reported, and this test is skipped.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time

import pytest

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor, realtime
from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool
from chronus_shell.supervisor.rings import ACTIVE_SLOT, LOST_BLOCKS

from .busy import busy_machine, still_busy
from .conftest import jack_log_xruns
from .test_soak import FOUR_VOICES, play_while_typing, rings_in_lockstep, wait_for_music

SECONDS = 60
KILLS = 20
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = os.path.join(ROOT, "examples", "modules", "bitwarp.py")
SPAWN = os.environ.get("CHRONUS_START_METHOD") == "spawn"


pytestmark = [
    pytest.mark.soak, pytest.mark.jack,
    pytest.mark.skipif(SPAWN, reason="the start method only changes how workers start; the first pass soaks"),
    pytest.mark.skipif(realtime.permission_notice() is not None, reason="zero loss under load needs real-time scheduling"),
]


@contextlib.contextmanager
def playing_with_a_pool(tmp_path):
    """The defaults a user gets on JACK, the soak's four voices playing, and a sandbox pool with a
    module to validate: (supervisor, pool, the module's path)."""
    config = Config.from_env(env={}, backend="sounddevice")
    module = tmp_path / "modules"
    module.mkdir()
    path = module / "bitwarp.py"
    path.write_text(open(EXAMPLE).read())
    with SandboxPool(size=2, sample_rate=config.sample_rate, block_size=config.block_size, folder=module) as pool, \
            Supervisor(config) as supervisor:
        assert "JACK" in supervisor.device
        wait_for_music(supervisor)
        for line in FOUR_VOICES:
            supervisor.send(Message.parse(line))
        time.sleep(1.0)
        yield supervisor, pool, path


def validate_until(pool: SandboxPool, path: str, stop: threading.Event, verdicts: list, keep_crashes=None) -> None:
    """Validate the module again and again; the log of a try that crashed its worker (retried by the
    pool, so not a refusal) is copied into the folder `keep_crashes` and said."""
    while not stop.is_set():
        verdict = pool.validate(path)
        verdicts.append(verdict.ok or verdict.line())
        for log in verdict.stats.get("crash_logs", []) + ([str(verdict.log_path)] if verdict.signal else []):
            print(f"a pool worker crashed validating {verdict.name}: {log}", flush=True)
            if keep_crashes is not None:
                shutil.copy(log, keep_crashes)


def watch_losses(supervisor: Supervisor, stop: threading.Event, losses: list) -> None:
    """Each lost block as it happens: (monotonic time, the block the output played)."""
    seen = int(supervisor.control.words[LOST_BLOCKS])
    while not stop.wait(0.002):
        lost = int(supervisor.control.words[LOST_BLOCKS])
        if lost > seen:
            losses += [(time.monotonic(), supervisor.play_block)] * (lost - seen)
            seen = lost


def where_lost(losses: list, kills: list) -> list[str]:
    """Each loss next to the kill before it: a loss within a second of a kill is the failover's; one
    long after is the machine's (a JACK cycle late, both slots stalled at once: docs/tuning.md)."""
    said = []
    for when, block in losses:
        before = [(at, which) for at, which in kills if at <= when]
        after = f"{1000 * (when - before[-1][0]):.0f} ms after killing the {before[-1][1]}" if before else "before any kill"
        said.append(f"block {block}: {after}")
    return said


def kill_in_turn(supervisor: Supervisor, stop: threading.Event, period: float, killed: list) -> None:
    """The i-th kill at start + i × period, or as soon after as the last one is over (its slot
    replaced) and a spare is ready: a spare warms up at normal priority, so on a loaded machine it
    can take longer than a period. One failover at a time: two at once is a double fault."""
    start, gone = time.monotonic(), None
    while len(killed) < KILLS and not stop.wait(max(0.0, start + (len(killed) + 1) * period - time.monotonic())):
        while not (supervisor.spares and all(slot is not None and slot.alive() and slot.pid != gone
                                             for slot in supervisor.slots)):
            if stop.wait(0.05):
                return
        which = "active" if len(killed) % 2 == 0 else "standby"
        active = int(supervisor.control.words[ACTIVE_SLOT])
        gone = supervisor.slots[active if which == "active" else 1 - active].pid
        killed.append((time.monotonic(), which))
        supervisor.crash(which)


def test_a_loaded_minute_with_the_pool_busy_and_20_failovers_loses_nothing(jack_server, tmp_path):
    stop = threading.Event()
    verdicts, killed, losses = [], [], []
    with playing_with_a_pool(tmp_path) as (supervisor, pool, path):
        before, causes = supervisor.status()["lost_blocks"], jack_log_xruns()
        with busy_machine(SECONDS + 10) as load:
            helpers = [threading.Thread(target=validate_until, args=(pool, str(path), stop, verdicts, tmp_path)),
                       threading.Thread(target=kill_in_turn, args=(supervisor, stop, SECONDS / (KILLS + 2), killed)),
                       threading.Thread(target=watch_losses, args=(supervisor, stop, losses))]
            for helper in helpers:
                helper.start()
            try:
                played = play_while_typing(supervisor, SECONDS)
            finally:
                stop.set()
                for helper in helpers:
                    helper.join()
            busy_throughout = still_busy(load)
        time.sleep(0.5)
        status = supervisor.status()
        xruns = {k: v - causes[k] for k, v in jack_log_xruns().items()}
    measured = (f"{status['lost_blocks']} lost {where_lost(losses, killed)}; {status['waited_blocks']} waited for; "
                f"JACK xruns meanwhile {xruns}; "
                f"failovers (replace ms) {[f['replace_ms'] for f in supervisor.failovers]}")
    print(measured)
    assert busy_throughout, "the load ended early: the test proved nothing"
    assert len(killed) >= KILLS - 1, killed
    assert verdicts and all(v is True for v in verdicts), [v for v in verdicts if v is not True]
    assert played["commands"] >= 0.95 * SECONDS / 0.1
    assert before == 0, f"{before} blocks lost while loading the patch"
    assert status["lost_blocks"] == 0, measured
    assert all(f["lost_blocks"] == 0 for f in supervisor.failovers), supervisor.failovers
    assert supervisor.problems == [] or all("late" in p for p in supervisor.problems), supervisor.problems


def test_a_loaded_minute_of_typing_loses_nothing_and_keeps_lockstep(jack_server, tmp_path):
    stop, verdicts = threading.Event(), []
    with playing_with_a_pool(tmp_path) as (supervisor, pool, path):
        before, causes = supervisor.status(), jack_log_xruns()
        with busy_machine(SECONDS + 10) as load:
            validating = threading.Thread(target=validate_until, args=(pool, str(path), stop, verdicts, tmp_path))
            validating.start()
            try:
                played = play_while_typing(supervisor, SECONDS)
            finally:
                stop.set()
                validating.join()
            busy_throughout = still_busy(load)
        status = supervisor.status()
        xruns = {k: v - causes[k] for k, v in jack_log_xruns().items()}
        lockstep = rings_in_lockstep(supervisor.rings)
    assert busy_throughout, "the load ended early: the test proved nothing"
    # the pool is load here (its verdicts under load are the failover test's): it validated throughout
    assert len(verdicts) >= 5, verdicts
    assert played["commands"] >= 0.95 * SECONDS / 0.1
    lost = status["lost_blocks"] - before["lost_blocks"]
    # JACK's xruns are the machine's as much as ours here (its own timer thread wakes late under this
    # load, docs/tuning.md): reported with a loss, not bounded
    print(f"{lost} lost; {status['waited_blocks']} waited for; JACK xruns meanwhile {xruns}")
    assert before["lost_blocks"] == 0 and lost == 0, (before["lost_blocks"], lost, xruns, supervisor.switches)
    assert all(row["late_commands"] == 0 for row in status["slots"]), (status["slots"], supervisor.problems)
    assert supervisor.failovers == [] and supervisor.problems == [], (supervisor.failovers, supervisor.problems)
    assert lockstep, "the standby's ring differs from the active one's"
