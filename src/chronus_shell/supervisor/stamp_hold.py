"""The handshake that lets the shell stamp a command at the first block no slot has begun.

A slot publishes the block it begins (STARTED), then looks at STAMP_HOLD; the shell raises
STAMP_HOLD, then reads STARTED, and lowers it after its last pipe write. Each side stores, then
loads: only a full memory barrier between the two (`barrier`) makes sure at least one sees the
other — without it a CPU may do the load before the store, both miss, and the command is stamped
for a block the slot renders without it (late in that slot: counted, standby re-synced).
STAMP_HOLD counts holds (odd while one is up). A slot waits only for the hold it saw, never for the
next: a stamping that begins after the slot published its block sees it and stamps the next one, so
a flood of commands, hold after hold, keeps no slot waiting (it did: a lost block after an OSC flood).
"""
from __future__ import annotations

import functools
import sys
import threading
import time

from .rings import STAMP_HOLD, STARTED, WRITTEN, raise_priority

POLL_S = 20e-6


_shell_fence = None  # the shell's side: set by load_in_background once numba has loaded


@functools.cache
def barrier():
    """The full memory barrier (memory_barrier.py), imported here, not at import: a slot loads it
    while warming up (its numba is loaded already)."""
    from .memory_barrier import full_fence
    return full_fence


def load_in_background() -> threading.Thread:
    """The shell imports no numba before the engine starts (~0.4 s of CPU and the GIL): its side of the
    barrier is loaded by a thread, raised like the workers, while they start, and start() waits for it
    before the output plays (the first command and `chronus run`'s script time come after). Not later:
    an ordinary thread importing numba while commands were stamped held the GIL while preempted, so
    the stamping waited with the hold up and the slots gave up on it (9 s to load on the loaded 2-core
    VM: late commands, standby re-synced)."""
    def load() -> None:
        global _shell_fence
        if sys.platform.startswith("linux"):  # a thread's id is a pid there: niceness is per thread
            raise_priority(pid=threading.get_native_id())
        _shell_fence = barrier()
    loader = threading.Thread(target=load, name="chronus-barrier", daemon=True)
    loader.start()
    return loader


def hold(words) -> None:
    """The shell, before it reads STARTED (only one thread stamps at a time: the supervisor's lock)."""
    words[STAMP_HOLD] += 1
    if _shell_fence is not None:
        _shell_fence()


def release(words) -> None:
    words[STAMP_HOLD] += 1


def begin_block(header, words, give_up_s) -> bool:
    """A slot commits to its next block, then waits for a stamping in progress (a few µs; at most
    `give_up_s()` seconds if the shell stalls in it: asked only then, never on a block with no stamping).
    False: it gave up, the command may come late."""
    header[STARTED] = header[WRITTEN] + 1
    barrier()()
    seen = int(words[STAMP_HOLD])
    if seen % 2 == 0:
        return True
    give_up = time.perf_counter() + give_up_s()
    while words[STAMP_HOLD] == seen:
        if time.perf_counter() >= give_up:
            return False
        time.sleep(POLL_S)
    return True
