"""Command → audible is measured on the real processes' clocks and agrees with docs/tuning.md's formula."""
from __future__ import annotations

import statistics
import time

import pytest

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.latency import formula_ms
from chronus_shell.supervisor.rings import DEVICE_LATENCY_US

from .test_soak import wait_for_music


@pytest.fixture(params=["null", pytest.param("jack", marks=pytest.mark.jack)])
def device(request):
    """The null device (no latency of its own) or the JACK dummy server (a period of its own)."""
    if request.param == "jack":
        request.getfixturevalue("jack_server")
        return "sounddevice"
    return "null"


def test_the_measured_latency_is_the_documented_one_and_the_status_shows_it(device):
    config = Config.from_env(env={}, backend=device)  # the defaults
    block_ms = 1000 * config.block_size / config.sample_rate
    with Supervisor(config) as supervisor:
        wait_for_music(supervisor)
        before_any = supervisor.status()["latency_ms"]   # the start line's figure
        device_ms = int(supervisor.control.words[DEVICE_LATENCY_US]) / 1000
        supervisor.send(Message.parse("/patch/create saw1 saw"))
        for step in range(60):
            supervisor.send(Message("/mod/saw1/gain", (0.1 + step / 100,)))
            time.sleep(0.0123)  # not a multiple of the block: commands land all over a block
        measured = list(supervisor.latencies_ms)
        status = supervisor.status()
    formula, median = formula_ms(config, device_ms), statistics.median(measured)
    print(f"{supervisor.device}: start line {before_any} ms, commands' median {median:.1f} ms, formula {formula:.1f} ms")
    assert len(measured) == 61
    assert ("JACK" in supervisor.device) == (device == "sounddevice") and (device_ms > 0) == (device == "sounddevice")
    # on average half a block after a callback; each within the block it arrived in, or one block
    # sooner when it arrived between a callback and the slot beginning the next block
    assert abs(median - formula) < block_ms / 2, (median, formula)
    assert formula - block_ms - 1 <= min(measured) and max(measured) <= formula + block_ms / 2 + 5
    # before any command, the same figure: a command's latency taken across a block (not one moment of it)
    assert abs(before_any - median) < block_ms / 3, (before_any, median)   # each figure's sampling noise
    assert status["latency_ms"] == round(statistics.median(measured[-32:]), 1)
