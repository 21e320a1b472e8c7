"""Shared memory between the shell, the output process and the slots: a control block and rings.

Each slot owns one single-producer ring of audio blocks, indexed by absolute block number (block
b lives at b % capacity), so after a failover the output reads the standby's ring at the very same
block index. Counters are int64 words written by exactly one process each (no locks needed).
Blocks are named `chronus_<shell pid>_<tag>` so a stale one from a crashed shell can be found.
"""
from __future__ import annotations

import os
import re
import signal
import time
from multiprocessing import resource_tracker, shared_memory
from pathlib import Path

import numpy as np

SHM_PREFIX = "chronus_"

# control words (int64)
READ_BLOCK = 0        # next block the output will play            (written by output)
ACTIVE_SLOT = 1       # 0 or 1: the ring the output plays from        (written by output)
FAILOVERS = 2         # switches to the standby                       (output)
LOST_BLOCKS = 3       # blocks played as silence (neither ring had it) (output)
XRUNS_PORTAUDIO = 4   # PortAudio output underflows                   (output)
XRUNS_JACK = 5        # JACK-side xruns                                (output)
OUTPUT_PID = 6        #                                                (output)
LEVEL_MILLI = 7       # master peak of the last block × 1000          (output)
SWITCH_NS = 8         # duration of the last switch decision           (output)
FAILOVER_AT = 9       # block index of the last failover              (output)
RECORD_WRITE = 10     # blocks copied into the record ring            (output)
WATCHDOG_KILLS = 11   # times both slots stalled and were killed      (output's watchdog)
PLAYED_NS = 12        # perf_counter_ns when the device took block READ_BLOCK - 1 (output)
DEVICE_LATENCY_US = 13  # the device's own output latency, µs          (output)
RT_PRIORITY = 14      # SCHED_FIFO priority of the device callback; 0: not real-time (output)
STAMP_HOLD = 15       # holds so far, odd while the shell stamps a command and writes it to the pipes (shell)
WAITED_BLOCKS = 16    # blocks the callback found still being rendered and waited for (output)
CONTROL_WORDS = 17

# per-slot header words (int64)
WRITTEN = 0           # blocks rendered so far (next block index)     (slot)
SLOT_PID = 1
LATE_COMMANDS = 2     # commands that arrived after their stamp       (slot)
CPU_NS = 3            # wall time spent rendering (a module that sleeps counts)  (slot)
MARK_SINCE = 4        # monotonic ns a user-module call started; 0 outside one   (slot: faults.py)
SKIPPED = 5           # blocks dropped because the output had already passed them (slot)
PROCESS_CPU_NS = 6    # CPU time of the whole process, every thread   (slot)
STARTED = 7           # blocks begun: WRITTEN + 1 from the last look at the pipe before a render (slot)
MARK_TEXT = 8         # words 8–15: the id of the module in that call, utf-8     (slot: faults.py)
MARK_BYTES = 64
SLOT_WORDS = 16

CHANNELS = 2          # every ring holds stereo frames: (capacity, block_size, CHANNELS) float32


class _Mapping(shared_memory.SharedMemory):
    """Closed while a numpy view still uses it (a thread that outlived a stop), it leaves the
    mapping to the views, which hold it: unmapped with the last of them, never under one."""

    def close(self) -> None:
        try:
            super().close()
        except BufferError:   # a view is alive: drop our handles, the views keep the mapping
            self._mmap = None
            if self._fd >= 0:  # POSIX: the mapping does not need the descriptor
                os.close(self._fd)
                self._fd = -1


class SharedBlock:
    """A named shared-memory block with numpy views; the creator unlinks it."""

    def __init__(self, name: str, nbytes: int | None = None):
        self.owner = nbytes is not None
        if self.owner:
            self.shm = _Mapping(name=name, create=True, size=nbytes)
        else:
            self.shm = _attach(name)
        self.name = name

    def view(self, dtype, shape, offset: int = 0) -> np.ndarray:
        """A view that holds the mapping (np.frombuffer keeps a buffer export; `np.ndarray(buffer=)`
        does not, and a read after close() was a segfault: CI's crash in a restore thread)."""
        count = int(np.prod(shape))
        return np.frombuffer(self.shm.buf, dtype=dtype, count=count, offset=offset).reshape(shape)

    def close(self) -> None:
        """Unlink (the creator) and unmap — the mapping stays while a view is alive (_Mapping)."""
        self.shm.close()
        if self.owner:
            try:
                self.shm.unlink()
            except FileNotFoundError:
                pass


def _attach(name: str) -> shared_memory.SharedMemory:
    """Open an existing block without registering it with Python's resource tracker (`track=False`
    from 3.13 on): only the creator's registration counts — under spawn the tracker is what unlinks
    the blocks after a kill -9 of the shell — and a child's would forget or double-unlink it."""
    register = resource_tracker.register
    resource_tracker.register = lambda *args: None
    try:
        return _Mapping(name=name)
    finally:
        resource_tracker.register = register


class Control:
    def __init__(self, name: str, create: bool):
        self.block = SharedBlock(name, CONTROL_WORDS * 8 if create else None)
        self.words = self.block.view(np.int64, (CONTROL_WORDS,))
        if create:
            self.words[:] = 0
            self.words[ACTIVE_SLOT] = 0


class Ring:
    """One slot's audio ring: a header of counters and `capacity` blocks of stereo float32 frames."""

    def __init__(self, name: str, capacity: int, block_size: int, create: bool):
        size = SLOT_WORDS * 8 + capacity * block_size * CHANNELS * 4
        self.block = SharedBlock(name, size if create else None)
        self.header = self.block.view(np.int64, (SLOT_WORDS,))
        self.audio = self.block.view(np.float32, (capacity, block_size, CHANNELS), offset=SLOT_WORDS * 8)
        self.capacity = capacity
        if create:
            self.header[:] = 0

    def reset(self, written: int) -> None:
        self.header[:] = 0
        self.header[WRITTEN] = written


def shm_name(tag: str, pid: int | None = None) -> str:
    return f"{SHM_PREFIX}{pid or os.getpid()}_{tag}"


def remove_stale_blocks() -> list[str]:
    """Unlink chronus_* blocks left by shells that no longer run (POSIX /dev/shm only)."""
    shm_dir = Path("/dev/shm")
    removed = []
    if not shm_dir.is_dir():
        return removed
    for entry in shm_dir.glob(f"{SHM_PREFIX}*"):
        shell = _shell_pid(entry.name)
        if shell is not None and not _pid_alive(shell):
            try:
                entry.unlink()
                removed.append(entry.name)
            except OSError:
                pass
    return removed


def _shell_pid(block_name: str) -> int | None:
    """The pid of the shell that made a block (`chronus_<pid>_<tag>`)."""
    match = re.match(rf"{SHM_PREFIX}(\d+)_", block_name)
    return int(match.group(1)) if match else None


def _pid_alive(pid: int) -> bool:
    """Running (a zombie, dead but not yet reaped, is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[:1] != ["Z"]


def release_blocks_of_a_dead_shell(block_name: str, patience_s: float = 2.0) -> None:
    """A child whose shell went away without a stop (kill -9, a crash) removes the shell's shared
    blocks once the shell is gone, instead of leaving them until the next start. `block_name` is
    any of its blocks (`chronus_<shell pid>_…`). POSIX only: Windows frees them with the last handle."""
    shell = _shell_pid(block_name)
    if shell is None or not Path("/dev/shm").is_dir():
        return
    deadline = time.monotonic() + patience_s
    while _pid_alive(shell) and time.monotonic() < deadline:
        time.sleep(0.05)
    remove_stale_blocks()


def leave_signals_to_the_shell() -> None:
    """Ctrl-C and a closed terminal (SIGINT, SIGHUP reach the whole foreground process group) are
    the shell's to handle: it stops its children in order, so they ignore both."""
    for name in ("SIGINT", "SIGHUP"):
        if hasattr(signal, name):                # Windows has no SIGHUP
            signal.signal(getattr(signal, name), signal.SIG_IGN)


def raise_priority(niceness: int = -10, pid: int = 0) -> None:
    """Audio processes go before the desktop and the REPL when the OS lets us (root, or a raised
    RLIMIT_NICE); otherwise they keep the normal priority. `pid` 0: the calling process."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, niceness)
    except (AttributeError, PermissionError, OSError):
        pass  # Windows has no setpriority; without the right nothing changes
