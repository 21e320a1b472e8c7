"""Command → audible latency, measured on the clocks of the processes that do the work.

A command is timed from the moment it reaches the engine (a line entered, an OSC packet arrived)
to the moment its first changed sample leaves the device: the output process writes the
perf_counter_ns of each callback (CLOCK_MONOTONIC, shared by every process of the machine) and the
device's own output latency into the control block, so the sample a command is stamped at has a
known time at the speaker. `formula_ms` is what docs/tuning.md tells people; a test checks both agree.
"""
from __future__ import annotations

import contextlib
import math
import statistics
import threading
import time

from .rings import DEVICE_LATENCY_US, PLAYED_NS, READ_BLOCK

PHASES = 16  # moments across two blocks at which the figure before any command is taken
BEGIN_PHASE = 0.2  # of a block after the device's cycle, the slots begin the lead's newest block (slot.py):
# a command arriving before is stamped for it. With a lead of 1 block the newest block has 0.8 of a block
# (2.1 ms at 128 frames) from its begin to its cycle, its render included; at 0.4 it had 0.6 (1.6 ms),
# too little for a patch the admission lets fill half a block (docs/tuning.md)


def margin_blocks(config) -> int:
    """Blocks between the first block no slot has begun and the stamp: the early margin rounded up
    to whole blocks (0 by default: the slots wait for a command being stamped, supervisor.py)."""
    return math.ceil(config.early_margin_ms * 1e-3 * config.sample_rate / config.block_size)


def ahead_blocks(config) -> int:
    """Blocks the slots keep rendered ahead of the output in steady state."""
    return max(config.prefill_buffers, config.lead_target)


def formula_ms(config, device_latency_ms: float = 0.0) -> float:
    """docs/tuning.md, on average: (ahead + margin blocks + ½ − BEGIN_PHASE) × block + the device's
    latency. The first block no slot has begun is `ahead` after the block the device takes next (which
    comes on average half a block after the command arrives) — or one sooner, in the BEGIN_PHASE of a
    block before the slots begin it; the stamp is the margin after that."""
    block_ms = 1000.0 * config.block_size / config.sample_rate
    return (ahead_blocks(config) + margin_blocks(config) + 0.5 - BEGIN_PHASE) * block_ms + device_latency_ms


def expected_ms(supervisor) -> float:
    """What a command takes on the live clocks before any was measured (the start line's figure and
    `status`'s until then): one sent at PHASES moments spread over two blocks, their median — a command
    arrives anywhere in a block, and a single moment said anything within a block of the commands'
    median (15.6–21.0 ms on JACK at the defaults, against 17.5); each reaches its stamp as a command does (a CI run
    under spawn read 2.4–2.7 ms from the bare stamp against commands' 3.4–3.6). The formula before the first block played."""
    cfg = supervisor.config
    figures = []
    for phase in range(PHASES):
        if phase:
            time.sleep(2 * cfg.block_seconds / PHASES)
        since = now_ns()            # (the stamping's own cost counted, as a command's is: a block later now and then)
        now = audible_ms(supervisor.control.words, supervisor.probe_stamp(), cfg.block_size, cfg.sample_rate, since)
        if now is None:
            return formula_ms(cfg)
        figures.append(now)
    return statistics.median(figures)


def audible_ms(words, stamp: int, block_size: int, sample_rate: int, since_ns: int) -> float | None:
    """ms from `since_ns` to the moment sample `stamp` leaves the device; None before the first block."""
    for _ in range(3):  # the output may write between our reads: take a consistent pair
        played, read = int(words[PLAYED_NS]), int(words[READ_BLOCK])
        if played == int(words[PLAYED_NS]):
            break
    if played == 0 or read == 0:
        return None
    block_ns = 1e9 * block_size / sample_rate
    at_device_ns = played + (stamp / block_size - (read - 1)) * block_ns + 1000 * int(words[DEVICE_LATENCY_US])
    return (at_device_ns - since_ns) / 1e6


def now_ns() -> int:
    return time.perf_counter_ns()


_arrival = threading.local()   # when the command the calling thread handles arrived (an OSC packet)


@contextlib.contextmanager
def arrived(ns: int):
    """Commands sent by this thread meanwhile are timed from `ns` (a packet's arrival), not from send()."""
    _arrival.ns = ns
    try:
        yield
    finally:
        _arrival.ns = None


def entered(entered_ns: int | None) -> int:
    """Where a command is timed from: the line's entry when told, its packet's arrival, or now."""
    return entered_ns or getattr(_arrival, "ns", None) or now_ns()
