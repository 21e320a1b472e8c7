"""The output process: the device callback and nothing else.

Each callback plays block READ_BLOCK from the active slot's ring. If the active ring does not have
it (the slot died or stalled), the standby's ring has the identical block at the same index, so the
output switches there without losing a sample. It holds no user code, allocates nothing in the
callback, takes no locks and never waits on the shell (only, briefly, on a slot close to writing the
block it needs); it exits when the shell's pipe closes.
"""
from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import numpy as np

from . import realtime
from .backends import choose_backend, open_backend
from .faults import kill_group
from .rings import (
    ACTIVE_SLOT, DEVICE_LATENCY_US, FAILOVER_AT, FAILOVERS, LEVEL_MILLI, LOST_BLOCKS, OUTPUT_PID,
    PLAYED_NS, READ_BLOCK, RECORD_WRITE, RT_PRIORITY, SLOT_PID, SWITCH_NS, WAITED_BLOCKS, WATCHDOG_KILLS,
    WRITTEN, XRUNS_JACK,
    XRUNS_PORTAUDIO, Control, Ring,
    leave_signals_to_the_shell, raise_priority, release_blocks_of_a_dead_shell,
)

BUSY_SHARE = 0.3  # of the stall's time on a CPU without writing a block: stuck in a loop, not starved
WATCHDOG_POLL_S = 0.005  # the main loop's pace: the watchdog looks every few milliseconds


START_GRACE_S = 0.5  # the first half second of playing: a block neither slot has yet is waited for (silence
# that is not music: the play clock holds, the music starts that much later), not lost — a loaded machine
# slows a new slot's first renders, and `chronus run --record` lost blocks 2–5 there
CATCH_UP_WAIT_BLOCKS = 0.6  # a block a slot is close to writing (at most CLOSE_BEHIND_BLOCKS short of it) is
# waited for, up to this much of a block, before it counts as lost: after the whole machine stalled (the VM's
# both CPUs, 10–60 ms, every thread at any priority), the audio server runs its late cycles back to back, at a
# higher priority than the slots, so the catch-up cycles came before the slot could render the blocks (each
# loss on the loaded VM); sleeping here lets the slot run, and the cycle's own deadline is a block away
CLOSE_BEHIND_BLOCKS = 4
CATCH_UP_POLL_S = 50e-6


class BlockSource:
    """Reads the next block from the rings into a preallocated buffer (the callback's only work)."""

    def __init__(self, control: Control, rings: list[Ring], record: Ring | None, prefill: int,
                 block_seconds: float):
        self.words = control.words
        self.block_seconds = block_seconds
        self.claimed = False  # the callback thread's real-time priority is set on its first call
        self.rings = rings
        self.record = record
        self.prefill = prefill
        self.started = False
        self.settled_at = 0.0  # perf_counter when START_GRACE_S ends (set when playing starts)
        self.silence = np.zeros(rings[0].audio.shape[1:], dtype=np.float32)
        self.catch_up_wait_s = CATCH_UP_WAIT_BLOCKS * block_seconds

    def next_block(self) -> np.ndarray:
        words = self.words
        if not self.claimed:
            words[RT_PRIORITY] = realtime.claim_callback(self.block_seconds)  # the slots follow it
            self.claimed = True
        read = words[READ_BLOCK]
        active = words[ACTIVE_SLOT]
        ring = self.rings[active]
        if not self.started:
            if ring.header[WRITTEN] < read + self.prefill:
                return self.silence  # still prefilling: nothing is late yet
            self.started = True
            self.settled_at = self.settled_at or time.perf_counter() + START_GRACE_S
        if ring.header[WRITTEN] <= read and self.rings[1 - active].header[WRITTEN] <= read:
            self._wait_for_a_slot_close_behind(read)
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
            elif time.perf_counter() < self.settled_at:
                self.started = False  # still starting: prefill again, the clock holds, nothing is lost
                return self.silence
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

    def _wait_for_a_slot_close_behind(self, read: int) -> None:
        """Neither ring has block `read`: a slot close to it is given up to CATCH_UP_WAIT_BLOCKS (one far
        behind, or dead long ago, is not waited for: it will not make it, the block is lost)."""
        if all(read + 1 - ring.header[WRITTEN] > CLOSE_BEHIND_BLOCKS for ring in self.rings):
            return
        self.words[WAITED_BLOCKS] += 1
        give_up = time.perf_counter() + self.catch_up_wait_s
        while all(ring.header[WRITTEN] <= read for ring in self.rings) and time.perf_counter() < give_up:
            time.sleep(CATCH_UP_POLL_S)


class Watchdog:
    """Both slots stalled: neither ring has gained a block for STALL_BLOCKS while the output starves
    (a user module stuck in compiled code holds the GIL, so the slots' own hang guard cannot fire).
    Both slot processes are killed (their process groups too); the supervisor restores from its
    checkpoint with the module their markers name bypassed. Runs in the output process's main
    loop, never in the callback.

    A loaded machine can starve both slots for as long: a slot counts as hung only when it is not
    waiting for a CPU — stopped, blocked (sleeping while behind), or its render thread burning CPU
    without finishing a block (Linux /proc); a slot that merely waits to run is given STARVED_S."""

    STALL_BLOCKS = 10  # ~53 ms at 256 / 48 kHz
    STARVED_S = 0.5    # runnable but not running for this long: killed all the same
    BLIND_S = 0.2      # where the process state cannot be read

    def __init__(self, control: Control, rings: list[Ring], block_seconds: float):
        self.words, self.rings = control.words, rings
        self.limit_s = self.STALL_BLOCKS * block_seconds
        now = time.monotonic()
        self.progress = [(-1, now) for _ in rings]   # (blocks written, when it last changed)
        self.sampled: dict[int, tuple[float, float]] = {}  # pid → (when, its render thread's CPU s) mid-stall
        self.killed: set[int] = set()

    def check(self, started: bool) -> None:
        now, read = time.monotonic(), int(self.words[READ_BLOCK])
        stalled_s = float("inf") if started else 0.0
        for index, ring in enumerate(self.rings):
            written = int(ring.header[WRITTEN])
            if written != self.progress[index][0] or written > read:
                self.progress[index] = (written, now)
            stalled_s = min(stalled_s, now - self.progress[index][1])
        pids = [int(ring.header[SLOT_PID]) for ring in self.rings]
        if stalled_s < self.limit_s / 3 or not all(pids) or any(pid in self.killed for pid in pids):
            self.sampled.clear()
            return
        for pid in pids:
            self.sampled.setdefault(pid, (now, _thread_cpu_s(pid) or 0.0))
        if stalled_s < self.limit_s:
            return
        running = [pid for pid in pids if _slot_state(pid) is not None]  # a dead one is being replaced
        if not running or not all(self._hung(pid, now, stalled_s) for pid in running):
            return
        for pid in running:
            self.killed.add(pid)
            kill_group(pid)
        self.words[WATCHDOG_KILLS] += 1

    def _hung(self, pid: int, now: float, stalled_s: float) -> bool:
        state = _slot_state(pid)
        if state is None:
            return False                  # gone already, or not one of ours: nothing to kill
        if state == "?":
            return stalled_s >= self.BLIND_S  # no /proc to ask (Windows, macOS): the time alone decides
        if stalled_s >= self.STARVED_S:
            return True
        if state in "TtSD":
            return True                   # stopped, or blocked while behind the output
        when, cpu = self.sampled[pid]
        # burning CPU and finishing nothing (a block takes a fraction of its time: this is many blocks' worth)
        return (_thread_cpu_s(pid) or 0.0) - cpu >= BUSY_SHARE * (now - when)


def _slot_state(pid: int) -> str | None:
    """The process state letter of a running child of our own parent (the shell or its forkserver);
    None for a stranger whose pid reused a dead slot's, or a zombie; "?" where there is no /proc."""
    if not Path("/proc").is_dir():
        return "?"
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" or int(fields[1]) != os.getppid() else fields[0]


def _thread_cpu_s(pid: int) -> float | None:
    """CPU seconds of the process's main (render) thread (Linux); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/task/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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
    realtime.prepare()  # memory locked, garbage frozen before any callback
    source = BlockSource(control, rings, record, prefill, block_size / sample_rate)
    watchdog = Watchdog(control, rings, block_size / sample_rate)

    def count_xrun(kind: int) -> None:
        control.words[kind] += 1

    def open_stream(kind: str):
        return open_backend(kind, device, sample_rate, block_size, source.next_block,
                            lambda: count_xrun(XRUNS_PORTAUDIO), lambda: count_xrun(XRUNS_JACK),
                            wasapi_exclusive)

    stream, shell_gone, watchdog_priority = None, False, 0
    try:
        kind, notice = choose_backend(backend, device)
        try:
            stream = open_stream(kind)
        except Exception as err:  # noqa: BLE001 — a device that lists but will not open
            if backend != "auto" or kind == "null":
                raise
            notice = f"the audio device did not open ({str(err).splitlines()[0]}): using the null backend"
            stream = open_stream("null")
        control.words[DEVICE_LATENCY_US] = int(1e6 * stream.latency)
        conn.send(("started", stream.description, notice))
        while True:
            try:
                if conn.poll(WATCHDOG_POLL_S) and conn.recv() == ("stop",):
                    break
            except (EOFError, OSError):
                shell_gone = True
                break
            watchdog.check(source.settled_at > 0)  # from the first block played on: a prefill again in the
            # start's grace (both slots stuck in a module from their first blocks) must not blind it
            if watchdog_priority != int(control.words[RT_PRIORITY]):  # once the callback claimed one:
                watchdog_priority = int(control.words[RT_PRIORITY])  # above the slots it may kill
                realtime.set_role("output", watchdog_priority, block_size / sample_rate)
                realtime.every_thread_real_time(watchdog_priority)  # libjack's threads too (the xrun counter)
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
