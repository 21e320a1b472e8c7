"""A cushion for the patch changes a slot cannot apply within a block: stamped a few blocks later, rendered up to first.

Both slots apply a change at the same sample, so a change that takes one longer than a block takes the
other as long: the lead of one block (0.8 of a block from its begin to its cycle at 128 frames, 2.1 ms)
covers a /mod, not what grows with the patch — its render plan built again after a /patch/create or
/patch/connect (2–4 ms at 64 voices), a copy of the whole engine for /patch/begin or the fade of a heard
module's removal (6–12 ms), a session's load of 1,600 messages (34 ms at 64 voices). On a patch of 64 voices
a new voice lost 1–3 blocks, a removal 9–14, a session loaded over itself 270–290 (benchmarks/bench_patch_burst.py).

Such a change is stamped `blocks` after the lead, not at the first block no slot has begun, and goes to the
slots after a ("cushion", stamp, count) item: a slot stops reading its pipe there, renders the blocks before
the stamp at once (a fraction of a block each), then reads the `count` messages (a session's load: all of
them at that one sample) and renders the stamped block at once — with that many blocks in its ring for the
device meanwhile (slot.py). What is sent after it is
stamped after it (the order kept); it waits those blocks too: a dearer change is heard later, nothing is lost.
"""
from __future__ import annotations

import math
from ..engine.timeline import TRANSACTION
from ..protocol.message import Message
from .admission import scheduled_types
from .config import CUSHION_MAX_S

# ms of a slot's CPU on the shared 2-core VM, idle (bench_patch_burst.py's patches, offline: /tmp probes of session 34)
PER_MESSAGE_MS = 0.06        # a message written by the shell, read, scheduled and applied by a slot (a session's
#                              load at 64 voices: 1,608 written in ~50 ms, applied in 34 ms)
PER_MODULE_PLAN_MS = 0.02    # the render plan built again after the graph changed (193 modules: 1.8–3.9 ms)
PER_MODULE_COPY_MS = 0.08    # the whole engine copied and its plan built (/patch/begin, a removal's fade; 193
#                              modules: 6–12 ms, and the copy's plan 2–4 ms)
LOADED = 2.0                 # how much longer it may take on a busy machine (real-time, but cold caches)
FITS = 0.5                   # of a block: work up to this fits in the lead's own cushion, stamped as before
GRAPH = ("/patch/create", "/patch/remove", "/patch/connect", "/patch/disconnect", "/patch/poly", *TRANSACTION)
COPIES = ("/patch/begin", "/patch/remove")


def work_ms(messages: list[Message], modules: int) -> float:
    """What applying `messages` at one sample may cost a slot with a patch of `modules`, on a busy machine."""
    addresses = {msg.address for msg in messages}
    graph = PER_MODULE_PLAN_MS * modules if addresses & set(GRAPH) else 0.0
    copy = PER_MODULE_COPY_MS * modules if addresses & set(COPIES) else 0.0
    return LOADED * (PER_MESSAGE_MS * len(messages) + graph + copy)


class Cushion:
    """The supervisor's side (a mixin of Supervisor): `work_for` a change, then, stamping, `cushion_blocks` and
    `open_cushion`. A burst's changes each land in a block of their own once the slots began the first one's
    (a new voice: 3 creates, 3 connects), so a change's cushion covers the work still ahead of it too."""

    _pending: list[tuple[int, float]]   # (block, work ms) of each cushioned change the device has not played yet

    def work_for(self, messages: list[Message], modules: int | None = None) -> float:
        return work_ms(messages, len(scheduled_types(self.plan)) if modules is None else modules)

    def cushion_blocks(self, work: float) -> int:
        """Called stamping: blocks of cushion for a change of `work` ms (0: it fits, stamped as any message)."""
        block_ms = 1000.0 * self.config.block_seconds
        if work <= FITS * block_ms:
            return 0
        self._pending = [(block, ms) for block, ms in getattr(self, "_pending", []) if block >= self.play_block]
        needed = (work + sum(ms for _, ms in self._pending)) / block_ms
        return min(math.ceil(CUSHION_MAX_S / self.config.block_seconds), math.ceil(needed))

    def open_cushion(self, blocks: int, work: float, count: int = 0) -> int:
        """Called stamping (`_stamping`): the stamp `blocks` after the lead, where what is sent next is stamped
        too; with a `count`, the slots are told to wait for that many messages there (written here)."""
        stamp = self._last_now = max(self.earliest_stamp(), (self.play_block + self.ahead + blocks) * self.config.block_size)
        self._pending.append((stamp // self.config.block_size, work))
        for slot in self.slots if count else ():
            if slot is not None:
                slot.send_holding_the_gil(("cushion", stamp, count))
        return stamp
