"""Real-time scheduling of the real child processes, read back from the OS (/proc, sched_getscheduler).

CI runs as root, so the real-time path is exercised: the output's callback at the priority JACK gives
its clients (below the JACK server's own threads) or, with no audio server, at 20; the active slot one
step below it, the standby one step below the active, memory locked; the shell stays normal. The unprivileged
path runs in a child that dropped the right (RLIMIT_RTPRIO 0 and a non-root uid): everything stays
normal, nothing fails, and one line says what is lost and how to allow it.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import time

import pytest

from chronus_shell.engine import warmup
from chronus_shell.supervisor import Config, Supervisor, realtime
from chronus_shell.supervisor.rings import RT_PRIORITY

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
NOBODY = 65534


def policy(pid: int) -> tuple[int, int]:
    """The highest real-time priority among the process's threads, (policy, priority)."""
    best = (os.SCHED_OTHER, 0)
    for tid in os.listdir(f"/proc/{pid}/task"):
        got = (os.sched_getscheduler(int(tid)) & ~os.SCHED_RESET_ON_FORK, os.sched_getparam(int(tid)).sched_priority)
        if got[1] > best[1]:
            best = got
    return best


def locked_kb(pid: int) -> int:
    line = next(x for x in open(f"/proc/{pid}/status") if x.startswith("VmLck:"))
    return int(line.split()[1])


def output_priority(supervisor: Supervisor, timeout: float = 10.0) -> int:
    """The priority the output's callback claimed (published for the slots to follow)."""
    deadline = time.monotonic() + timeout
    while not int(supervisor.control.words[RT_PRIORITY]):
        assert time.monotonic() < deadline, "the output never claimed a real-time priority"
        time.sleep(0.02)
    return int(supervisor.control.words[RT_PRIORITY])


def wait_for_roles(supervisor: Supervisor, timeout: float = 10.0) -> dict:
    """{'active': pid, 'standby': pid} once both slots run and the roles have been applied."""
    deadline = time.monotonic() + timeout
    top = output_priority(supervisor, timeout)
    while True:
        rows = {row["role"]: row for row in supervisor.status()["slots"]}
        if all(rows.get(role, {}).get("alive") for role in ("active", "standby")):
            pids = {role: rows[role]["pid"] for role in ("active", "standby")}
            if policy(pids["active"]) == (os.SCHED_FIFO, top - 1) and policy(pids["standby"]) == (os.SCHED_FIFO, top - 2):
                return pids
        if time.monotonic() > deadline:
            return {role: rows[role]["pid"] for role in rows}
        time.sleep(0.05)


@pytest.mark.skipif(realtime.permission_notice() is not None, reason="needs real-time permission (root in CI)")
def test_output_and_active_slot_are_real_time_the_standby_just_below_the_shell_normal():
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        pids = wait_for_roles(supervisor)
        output, top = supervisor.output.pid, output_priority(supervisor)
        server = realtime.audio_server_priority(max_age_s=0)  # read afresh, as the output did: a JACK started within
        # the last 5 s (the JACK fixture of the test before) is not in a reading cached before it
        assert top == (realtime.NO_SERVER_OUTPUT if server is None else server - 1)
        assert policy(output) == (os.SCHED_FIFO, top)
        assert policy(pids["active"]) == (os.SCHED_FIFO, top - 1)
        assert policy(pids["standby"]) == (os.SCHED_FIFO, top - 2)
        assert os.sched_getscheduler(0) & ~getattr(os, "SCHED_RESET_ON_FORK", 0) == os.SCHED_OTHER  # the shell stays normal (a
        # prompt lifted and put back earlier in this process may leave reset-on-fork set: still the ordinary policy)
        assert all(locked_kb(pid) > 0 for pid in (output, *pids.values()))
        spare = supervisor.spares[0].pid
        assert policy(spare) == (os.SCHED_OTHER, 0)  # a spare waits at normal priority
        status = supervisor.status()
        assert status["notice"] is None
        assert status["scheduling"]["output"] == f"SCHED_FIFO {top} · locked"
        assert status["scheduling"]["shell"] == "normal"
        # the shell's monitor and checkpoints hold the lock and the GIL a command waits for: below the slots
        assert status["scheduling"]["shell's audio path"] == f"SCHED_FIFO {top - 3}"
        assert {row["role"]: row["scheduling"] for row in status["slots"]} == {
            "active": f"SCHED_FIFO {top - 1} · locked", "standby": f"SCHED_FIFO {top - 2} · locked"}

        supervisor.crash("active")  # whichever slot plays next (the standby, or a spare already in the
        deadline = time.monotonic() + 10  # dead one's ring) takes the active's priority, the other the standby's
        while len(supervisor.failovers) < 1:
            assert time.monotonic() < deadline, supervisor.failovers
            time.sleep(0.05)
        replaced = wait_for_roles(supervisor)
        assert pids["active"] not in replaced.values()
        assert policy(replaced["active"]) == (os.SCHED_FIFO, top - 1)
        assert policy(replaced["standby"]) == (os.SCHED_FIFO, top - 2)
        assert supervisor.status()["lost_blocks"] == 0


def jack_server_threads() -> list[int]:
    """Real-time priorities of the running jackd's threads."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and open(f"/proc/{entry}/comm").read().strip() == "jackd":
            found += [policy(int(entry))[1]]
    return found


@pytest.mark.jack
@pytest.mark.skipif(realtime.permission_notice() is not None, reason="needs real-time permission (root in CI)")
def test_on_jack_every_process_of_ours_stays_below_the_jack_server(jack_server):
    """A render above JACK's own threads makes JACK late (xruns): the callback keeps the priority JACK
    gave its client thread, the slots go below it."""
    with Supervisor(Config.from_env(backend="sounddevice")) as supervisor:
        assert "JACK" in supervisor.device
        pids = wait_for_roles(supervisor)
        server = max(jack_server_threads())
        assert realtime.audio_server_priority(max_age_s=0) == server  # read afresh (status reads it every 5 s)
        top = output_priority(supervisor)
        assert 0 < top < server
        assert policy(supervisor.output.pid) == (os.SCHED_FIFO, top)
        assert policy(pids["active"]) == (os.SCHED_FIFO, top - 1) and policy(pids["standby"]) == (os.SCHED_FIFO, top - 2)
        assert supervisor.status()["scheduling"]["audio server"] == f"SCHED_FIFO {server} (we stay below)"


def _unprivileged(home: str, answers) -> None:
    """In a forked child: drop real-time rights for good, then run a real supervisor (its children
    are forked too, so they inherit the dropped rights; the kernels are compiled before the drop)."""
    warmup()
    resource.setrlimit(resource.RLIMIT_RTPRIO, (0, 0))
    resource.setrlimit(resource.RLIMIT_MEMLOCK, (64 * 1024, 64 * 1024))
    os.setgroups([])
    os.setresgid(NOBODY, NOBODY, NOBODY)
    os.setresuid(NOBODY, NOBODY, NOBODY)
    realtime.permission_notice.cache_clear()
    os.environ["CHRONUS_HOME"] = home
    with Supervisor(Config.from_env(backend="null", start_method="fork")) as supervisor:
        time.sleep(1.0)
        status = supervisor.status()
        answers.put({
            "notice": status["notice"], "scheduling": status["scheduling"],
            "slots": [row["scheduling"] for row in status["slots"]],
            "policies": [policy(pid) for pid in (supervisor.output.pid, *(s.pid for s in supervisor.slots))],
            "blocks": status["blocks"], "lost_blocks": status["lost_blocks"],
        })


@pytest.mark.skipif(os.geteuid() != 0, reason="dropping to another uid needs root")
def test_without_permission_everything_stays_normal_and_one_line_says_how(tmp_path):
    tmp_path.chmod(0o777)
    ctx = multiprocessing.get_context("fork")
    answers = ctx.Queue()
    child = ctx.Process(target=_unprivileged, args=(str(tmp_path / "home"), answers))
    child.start()
    got = answers.get(timeout=60)
    child.join(30)
    assert child.exitcode == 0
    assert got["policies"] == [(os.SCHED_OTHER, 0)] * 3
    assert got["scheduling"]["output"] == "normal" and got["slots"] == ["normal", "normal"]
    assert got["notice"].startswith("no real-time scheduling: audio runs at normal priority")
    assert "/etc/security/limits.d/audio.conf" in got["notice"] and "audio" in got["notice"]
    assert got["blocks"] > 0  # it plays; what it loses is measured (status' lost_blocks), not hidden
