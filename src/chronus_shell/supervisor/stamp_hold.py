"""The handshake that lets the shell stamp a command at the first block no slot has begun.

A slot publishes the block it begins (STARTED), then looks at STAMP_HOLD; the shell raises
STAMP_HOLD, then reads STARTED, and lowers it after its last pipe write. Each side stores, then
loads: only a full memory barrier between the two (`full_fence`) makes sure at least one sees the
other — without it a CPU may do the load before the store, both miss, and the command is stamped
for a block the slot renders without it (late in that slot: counted, standby re-synced).
STAMP_HOLD counts holds (odd while one is up). A slot waits only for the hold it saw, never for the
next: a stamping that begins after the slot published its block sees it and stamps the next one, so
a flood of commands, hold after hold, keeps no slot waiting (it did: a lost block after an OSC flood).
"""
from __future__ import annotations

import time

from numba import njit, types
from numba.extending import intrinsic

from .rings import STAMP_HOLD, STARTED, WRITTEN

POLL_S = 20e-6


@intrinsic
def _fence(typingctx):
    def codegen(context, builder, signature, args):
        builder.fence("seq_cst")
        return context.get_dummy_value()
    return types.void(), codegen


@njit("void()", cache=True)
def full_fence() -> None:
    """A full memory barrier: no later load is done before an earlier store is visible to all."""
    _fence()


def hold(words) -> None:
    """The shell, before it reads STARTED (only one thread stamps at a time: the supervisor's lock)."""
    words[STAMP_HOLD] += 1
    full_fence()


def release(words) -> None:
    words[STAMP_HOLD] += 1


def begin_block(header, words, give_up_s: float) -> bool:
    """A slot commits to its next block, then waits for a stamping in progress (a few µs; at most
    `give_up_s` if the shell stalls in it). False: it gave up, the command may come late."""
    header[STARTED] = header[WRITTEN] + 1
    full_fence()
    seen = int(words[STAMP_HOLD])
    if seen % 2 == 0:
        return True
    give_up = time.perf_counter() + give_up_s
    while words[STAMP_HOLD] == seen:
        if time.perf_counter() >= give_up:
            return False
        time.sleep(POLL_S)
    return True
