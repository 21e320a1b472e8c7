"""Command → audible is measured on the real processes' clocks and agrees with docs/tuning.md's formula."""
from __future__ import annotations

import statistics
import time

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.latency import formula_ms

from .test_soak import wait_for_music


def test_the_measured_latency_is_the_documented_one_and_the_status_shows_it():
    config = Config.from_env(env={}, backend="null")  # the defaults; the null device adds no latency
    block_ms = 1000 * config.block_size / config.sample_rate
    with Supervisor(config) as supervisor:
        wait_for_music(supervisor)
        before_any = supervisor.status()["latency_ms"]
        supervisor.send(Message.parse("/patch/create saw1 saw"))
        for step in range(60):
            supervisor.send(Message("/mod/saw1/gain", (0.1 + step / 100,)))
            time.sleep(0.0123)  # not a multiple of the block: commands land all over a block
        measured = list(supervisor.latencies_ms)
        status = supervisor.status()
    assert len(measured) == 61
    # on average half a block after a callback; each within the block it arrived in, or one block
    # sooner when it arrived between a callback and the slot beginning the next block
    assert abs(statistics.median(measured) - formula_ms(config)) < block_ms / 2, (statistics.median(measured), formula_ms(config))
    assert formula_ms(config) - block_ms - 1 <= min(measured) and max(measured) <= formula_ms(config) + block_ms / 2 + 5
    assert abs(before_any - formula_ms(config)) < block_ms  # before any command: what one sent now would take
    assert status["latency_ms"] == round(statistics.median(measured[-32:]), 1)
