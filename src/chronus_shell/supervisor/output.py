"""The output process: the device callback and nothing else.

Each callback plays block READ_BLOCK from the active slot's ring. If the active ring does not have
it (the slot died or stalled), the standby's ring has the identical block at the same index, so the
output switches there without losing a sample. It holds no user code, allocates nothing in the
callback, takes no locks and never waits on the shell; it exits when the shell's pipe closes.
"""
from __future__ import annotations

import gc
import os
import time

import numpy as np

from . import realtime
from .backends import choose_backend, open_backend
from .rings import (
    ACTIVE_SLOT, DEVICE_LATENCY_US, FAILOVER_AT, FAILOVERS, LEVEL_MILLI, LOST_BLOCKS, OUTPUT_PID,
    PLAYED_NS, READ_BLOCK, RECORD_WRITE, SWITCH_NS, WRITTEN, XRUNS_JACK, XRUNS_PORTAUDIO, Control, Ring,
    leave_signals_to_the_shell, raise_priority, release_blocks_of_a_dead_shell,
)


class BlockSource:
    """Reads the next block from the rings into a preallocated buffer (the callback's only work)."""

    def __init__(self, control: Control, rings: list[Ring], record: Ring | None, prefill: int):
        self.words = control.words
        self.rings = rings
        self.record = record
        self.prefill = prefill
        self.started = False
        self.silence = np.zeros(rings[0].audio.shape[1], dtype=np.float32)

    def next_block(self) -> np.ndarray:
        words = self.words
        read = words[READ_BLOCK]
        active = words[ACTIVE_SLOT]
        ring = self.rings[active]
        if not self.started:
            if ring.header[WRITTEN] < read + self.prefill:
                return self.silence  # still prefilling: nothing is late yet
            self.started = True
        if ring.header[WRITTEN] > read:
            block = ring.audio[read % ring.capacity]
        else:
            started = time.perf_counter_ns()
            other = self.rings[1 - active]
            if other.header[WRITTEN] > read and other.header[WRITTEN] - read < other.capacity:
                words[ACTIVE_SLOT] = 1 - active
                words[FAILOVERS] += 1
                words[FAILOVER_AT] = read
                block = other.audio[read % other.capacity]
            else:
                words[LOST_BLOCKS] += 1
                block = self.silence  # neither slot has it: play silence, keep the clock
            words[SWITCH_NS] = time.perf_counter_ns() - started
        if self.record is not None:  # lost blocks too (as silence): a take keeps the play clock
            index = words[RECORD_WRITE]
            self.record.audio[index % self.record.capacity] = block
            words[RECORD_WRITE] = index + 1
        words[LEVEL_MILLI] = int(1000 * max(block.max(), -block.min()))
        words[PLAYED_NS] = time.perf_counter_ns()  # command → audible is measured from this clock
        words[READ_BLOCK] = read + 1
        return block


def output_main(conn, control_name: str, ring_names: list[str], capacity: int, block_size: int,
                record_name: str | None, record_capacity: int, sample_rate: int, prefill: int,
                backend: str, device: str | None, wasapi_exclusive: bool) -> None:
    """Process entry: open the backend and play until the shell's pipe closes or says stop.

    `backend` is what the user asked for (auto/sounddevice/null): the device is probed here, not in
    the shell, so PortAudio never loads into the REPL's process.
    """
    leave_signals_to_the_shell()
    raise_priority()
    try:
        control = Control(control_name, create=False)
        rings = [Ring(name, capacity, block_size, create=False) for name in ring_names]
        record = Ring(record_name, record_capacity, block_size, create=False) if record_name else None
    except FileNotFoundError:
        return  # the shell stopped while the output was starting
    control.words[OUTPUT_PID] = os.getpid()
    realtime.enter("output", block_size / sample_rate)  # memory locked, garbage frozen before any callback
    source = BlockSource(control, rings, record, prefill)

    def count_xrun(kind: int) -> None:
        control.words[kind] += 1

    def open_stream(kind: str):
        return open_backend(kind, device, sample_rate, block_size, source.next_block,
                            lambda: count_xrun(XRUNS_PORTAUDIO), lambda: count_xrun(XRUNS_JACK),
                            wasapi_exclusive)

    stream, shell_gone = None, False
    try:
        kind, notice = choose_backend(backend, device)
        try:
            stream = open_stream(kind)
        except Exception as err:  # noqa: BLE001 — a device that lists but will not open
            if backend != "auto" or kind == "null":
                raise
            notice = f"the audio device did not open ({str(err).splitlines()[0]}): using the null backend"
            stream = open_stream("null")
        realtime.set_role("output", block_size / sample_rate)  # again: the device's callback thread is new
        control.words[DEVICE_LATENCY_US] = int(1e6 * stream.latency)
        conn.send(("started", stream.description, notice))
        while True:
            try:
                if conn.poll(0.05) and conn.recv() == ("stop",):
                    break
            except (EOFError, OSError):
                shell_gone = True
                break
            gc.collect(0)  # garbage collected here, between callbacks, never inside one
            if not stream.alive():
                conn.send(("error", "the audio stream stopped"))
                break
    except Exception as err:  # the device failed to open: one line to the shell, then exit
        try:
            conn.send(("error", f"{type(err).__name__}: {err}"))
        except OSError:
            pass
    finally:
        if stream is not None:
            stream.close()
        for block in [control.block, *[r.block for r in rings], *([record.block] if record else [])]:
            block.close()
    if shell_gone:
        release_blocks_of_a_dead_shell(control_name)
