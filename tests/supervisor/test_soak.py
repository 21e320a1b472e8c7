"""A minute of music on the JACK dummy device while someone types: no lost block, and JACK xruns of ours bounded.

Four voices (two saw → acid_filter → adsr basses with step patterns, a kick and a hat) play for
SECONDS while a parameter change arrives every 100 ms, the rate of a fast typist. JACK's own xrun
count matters as much as PortAudio's: jackd reports "client not finished" xruns PortAudio never
flags. What loading the patch costs (each new module type's first block) is counted apart from the
minute of typing, so a failure says which one lost audio. benchmarks/bench_soak.py plays
the same patch and commands for its soak figures.
"""
from __future__ import annotations

import os
import time

import numpy as np
import pytest

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.rings import WRITTEN

from .conftest import jack_log_xruns

SECONDS = 60
COMMAND_PERIOD_S = 0.1
OUR_XRUNS = 30  # JACK cycles our client had not finished in 11,250 (a minute at 256 frames; see the assert)
SPAWN = os.environ.get("CHRONUS_START_METHOD") == "spawn"

FOUR_VOICES = [
    "/patch/create saw1 saw", "/patch/create acid_filter1 acid_filter", "/patch/create adsr1 adsr",
    "/patch/connect saw1 acid_filter1", "/patch/connect acid_filter1 adsr1", "/patch/connect adsr1 master",
    "/mod/acid_filter1/cutoff 800", "/mod/acid_filter1/resonance 0.76",
    "/seq/add bass saw1 X.x.x..xx.X.x.x.", "/seq/notes bass a2 c3 e3 g2",
    "/patch/create saw2 saw", "/patch/create acid_filter2 acid_filter", "/patch/create adsr2 adsr",
    "/patch/connect saw2 acid_filter2", "/patch/connect acid_filter2 adsr2", "/patch/connect adsr2 master",
    "/mod/acid_filter2/cutoff 400", "/mod/saw2/gain 0.4",
    "/seq/add lead saw2 x..x..x.x..x....", "/seq/notes lead a3 e3 g3",
    "/patch/create kick1 kick", "/patch/connect kick1 master", "/seq/add kick kick1 x...x...x...x...",
    "/patch/create hat1 hat", "/patch/connect hat1 master", "/seq/add hat hat1 ..x...x...x...x.",
    "/seq/bpm 126", "/seq/start",
]



SLACK_BLOCKS = 4  # blocks the rings may gain while they are compared


def rings_in_lockstep(rings) -> bool:
    """The blocks both rings still hold are identical. Only blocks neither ring can have overwritten
    while they are compared count: a ring ahead (after a late device cycle a slot renders up to two
    leads ahead) has already reused the oldest slots of the one behind (at 128 frames that read as a
    lockstep broken)."""
    a, b = rings
    written = [int(a.header[WRITTEN]), int(b.header[WRITTEN])]
    blocks = [i % a.capacity for i in range(max(0, max(written) - a.capacity + 1 + SLACK_BLOCKS), min(written))]
    return bool(np.array_equal(a.audio[blocks], b.audio[blocks]))

def typing_command(step: int) -> Message:
    """The step-th parameter change of a musician twiddling the patch (deterministic sweeps)."""
    phase = (step % 40) / 40.0
    choices = (
        ("/mod/acid_filter1/cutoff", 300.0 + 2700.0 * phase),
        ("/mod/acid_filter2/resonance", 0.2 + 0.7 * phase),
        ("/mod/saw1/detune", -20.0 + 40.0 * phase),
        ("/mod/hat1/decay", 30.0 + 90.0 * phase),
        ("/mod/adsr2/release", 50.0 + 400.0 * phase),
    )
    address, value = choices[step % len(choices)]
    return Message(address, (round(value, 3),))


def play_while_typing(supervisor: Supervisor, seconds: float, period: float = COMMAND_PERIOD_S) -> dict:
    """Send typing_command every `period` s (absolute deadlines) for `seconds`; what it saw."""
    levels, send_ms = [], []
    start = time.perf_counter()
    step = 0
    while (now := time.perf_counter()) - start < seconds:
        began = time.perf_counter()
        supervisor.send(typing_command(step))
        send_ms.append(1000.0 * (time.perf_counter() - began))
        if step % 10 == 0:
            levels.append(supervisor.status()["level"])
        step += 1
        time.sleep(max(0.0, start + step * period - time.perf_counter()))
    return {"commands": step, "levels": levels, "send_ms": send_ms, "seconds": now - start}


def wait_for_music(supervisor: Supervisor, timeout: float = 30.0) -> None:
    """Until the output plays real blocks (prefill over)."""
    deadline = time.monotonic() + timeout
    while supervisor.play_block == 0:
        assert time.monotonic() < deadline, "the output never played a block"
        time.sleep(0.005)


def counts(supervisor: Supervisor) -> dict:
    status = supervisor.status()
    return {"xruns": status["xruns"], "lost_blocks": status["lost_blocks"]}


@pytest.mark.soak
@pytest.mark.jack
@pytest.mark.skipif(SPAWN, reason="the start method only changes how workers start; the first pass soaks")
def test_a_minute_of_typing_on_jack_loses_nothing(jack_server):
    with Supervisor(Config.from_env(backend="sounddevice")) as supervisor:
        assert "JACK" in supervisor.device
        wait_for_music(supervisor)
        for line in FOUR_VOICES:
            supervisor.send(Message.parse(line))
        time.sleep(1.0)
        loaded = counts(supervisor)  # what loading the patch cost, told apart from the soak
        causes = jack_log_xruns()
        played = play_while_typing(supervisor, SECONDS)
        status = supervisor.status()
        causes = {k: v - causes[k] for k, v in jack_log_xruns().items()}
        lockstep = rings_in_lockstep(supervisor.rings)
    config = supervisor.config
    soak = {"xruns": {k: v - loaded["xruns"][k] for k, v in status["xruns"].items()},
            "lost_blocks": status["lost_blocks"] - loaded["lost_blocks"]}
    assert played["commands"] >= 0.95 * SECONDS / COMMAND_PERIOD_S
    # Not a block is lost: the slots keep up. JACK's xruns are told apart by cause (its log): a cycle
    # our client (the output's callback, real-time just below JACK) had not finished, and a late
    # wake-up of the dummy driver's own timer thread, which no client can cause or prevent (a shared
    # 2-core VM whose kernel does not preempt a process busy in a system call). Ours are bounded;
    # the timer's are the machine and only reported. Measured on the shared machine, one minute:
    # 10 ours + 6 timer while six other engineers' test runs loaded it (before the fixes: 90 xruns
    # and 384 lost blocks at ordinary priority in the same conditions).
    assert soak["lost_blocks"] == 0 and loaded["lost_blocks"] == 0, f"while typing: {soak}, loading: {loaded}"
    cycles = SECONDS * Config().sample_rate / Config().block_size     # the same share of cycles at any block size
    assert causes["ours"] <= OUR_XRUNS * cycles / 11_250, (causes, soak, loaded)
    assert supervisor.failovers == [] and supervisor.restarts == [], (supervisor.failovers, supervisor.restarts,
                                                                      supervisor.problems)   # why a slot was replaced
    # a switch to the standby's identical ring is allowed (that is what it is for), a lost block is not
    assert all(switch["lost_blocks"] == 0 for switch in supervisor.switches), supervisor.switches
    assert supervisor.problems == [], supervisor.problems
    assert all(row["late_commands"] == 0 for row in status["slots"]), (status["slots"], supervisor.problems)
    assert status["faults"] == [], status["faults"]
    assert lockstep, "the standby's ring differs from the active one's"
    # the level is one instant's; the patterns have rests, so ~7 % of instants are below −40 dB:
    # silence would be all of them
    assert sum(level > 0.01 for level in played["levels"]) >= 0.75 * len(played["levels"]), played["levels"]
    assert status["blocks"] >= 0.98 * SECONDS * config.sample_rate / config.block_size
