"""A cushion for the patch changes a slot cannot apply within a block: stamped some blocks later, rendered up to first.

Both slots apply a change at the same sample, so a change that takes one longer than a block takes the
other as long: the lead of one block (0.8 of a block from its begin to its cycle at 128 frames, 2.1 ms)
covers a /mod, not what grows with the patch — its render plan built again after a /patch/create or
/patch/connect (2–4 ms at 64 voices, 193 modules), a copy of the whole engine for /patch/begin or the fade of a
heard module's removal (6–12 ms), a session's load of 1,607 messages (34 ms to apply at 64 voices, idle). Without
a cushion, at 64 voices, a new voice lost 1–4 blocks, a removal 6–9, a session loaded over itself 155–231
(docs/tuning.md, benchmarks/bench_patch_burst.py).

Such a change is stamped `blocks` after the lead (its cost on a busy machine plus that of the cushioned changes
a slot has not rendered yet, at most CUSHION_MAX_S) and reaches the slots after a ("cushion", stamp, count) item
written in the same stamping (a session's load: all its messages in one item, written after the stamping, or
at its bar in parts: fan_out.py). A slot (Ahead) then renders the blocks before the stamp at once, neither
reading its pipe (but for a load's parts still to come) nor waiting for a stamping (whatever is stamped after
the cushion is stamped at it or later), and the stamped block once its `count` items are in — never before,
however late they come: none of them can be late (a shell that stalls costs blocks, in both slots alike, never lockstep). Meanwhile its ring holds that many blocks for the device,
up to its room (never over a block not played yet). What is sent after it is stamped after it (the order
kept) and waits those blocks too: a dearer change is heard later, nothing is lost.

Until session 35 a load's messages were counted one by one, each written under the stamp hold: a slot reads
nothing before the cushion's block, so its pipe filled after ~280 of them and the write blocked with the hold
up — each slot then waited a quarter of a block at every block it began and gave up (its rule for a stalled
shell, under which a command can come late); the writes took 0.14 s at 40 voices, a block was lost.
"""
from __future__ import annotations

import bisect
import math
import time

from ..engine.timeline import TRANSACTION
from ..protocol.message import Message
from .admission import scheduled_types
from .config import CUSHION_MAX_S
from .rings import WRITTEN

# ms of a slot's CPU on the shared 2-core VM (bench_patch_burst.py's patches, offline: /tmp probes of sessions 34–35)
PER_MESSAGE_MS = 0.04        # a message read, scheduled and applied by a slot (a session's load at 64 voices,
#                              1,607 messages in one item, with a test run alongside: unpickled in 4–13 ms,
#                              scheduled in 12–24 ms, applied in 45–57 ms; 34 ms idle)
PER_MODULE_PLAN_MS = 0.02    # the render plan built again after the graph changed (193 modules: 1.8–3.9 ms)
PER_MODULE_COPY_MS = 0.08    # the whole engine copied and its plan built (/patch/begin, a removal's fade; 193
#                              modules: 6–12 ms, and the copy's plan 2–4 ms)
LOADED = 2.0                 # how much longer it may take on a busy machine (real-time, but cold caches)
FITS = 0.5                   # of a block: work up to this fits in the lead's own cushion, stamped as before
GRAPH = ("/patch/create", "/patch/remove", "/patch/connect", "/patch/disconnect", "/patch/poly", *TRANSACTION)
COPIES = ("/patch/begin", "/patch/remove")
BAR_PART = 32                # messages per item of a load at its bar (a slot reads one in ~0.4 ms at 64 voices)


def work_ms(messages: list[Message], modules: int) -> float:
    """What applying `messages` at one sample may cost a slot with a patch of `modules`, on a busy machine."""
    addresses = {msg.address for msg in messages}
    graph = PER_MODULE_PLAN_MS * modules if addresses & set(GRAPH) else 0.0
    copy = PER_MODULE_COPY_MS * modules if addresses & set(COPIES) else 0.0
    return LOADED * (PER_MESSAGE_MS * len(messages) + graph + copy)


class Cushion:
    """The supervisor's side (a mixin of Supervisor, beside FanOut: fan_out.py): `work_for` a change, then,
    stamping, `cushion_blocks` and `open_cushion`. A burst's changes each land in a block of their own once the
    slots began the first one's (a new voice: 3 creates, 3 connects), so a change's cushion covers the work still
    ahead of it too."""

    _pending: list[tuple[int, float]]   # (block, work ms) of each cushioned change a slot has not rendered yet

    def work_for(self, messages: list[Message], modules: int | None = None) -> float:
        return work_ms(messages, len(scheduled_types(self.plan)) if modules is None else modules)

    def cushion_blocks(self, work: float) -> int:
        """Called stamping: blocks of cushion for a change of `work` ms (0: it fits, stamped as any message)."""
        block_ms = 1000.0 * self.config.block_seconds
        if work <= FITS * block_ms:
            return 0
        cap = math.ceil(CUSHION_MAX_S / self.config.block_seconds)
        rendered = [int(self.rings[slot.ring_index].header[WRITTEN]) for slot in self.slots if slot is not None]
        self._pending = [(block, ms) for block, ms in getattr(self, "_pending", []) if block >= min(rendered, default=0)]
        reach = self.play_block + self.ahead + cap   # a load at a bar further on is rendered after this one
        needed = (work + sum(ms for block, ms in self._pending if block < reach)) / block_ms
        return min(cap, math.ceil(needed))

    def open_cushion(self, blocks: int, work: float, count: int = 0, at: int | None = None) -> int:
        """Called stamping (`_stamping`): the stamp `blocks` after the lead, where what is sent next is stamped
        too; with a `count`, the slots are told to wait for that many items there (written here). With `at`
        (a load at the next bar, a message's time): stamped there, the slots told to render the `blocks` before
        it at once."""
        if at is None:
            lead = (self.play_block + self.ahead + blocks) * self.config.block_size
            stamp = self._last_now = max(self.earliest_stamp(), lead)
        else:
            stamp = max(self.earliest_stamp(), at)
        self._pending = [*getattr(self, "_pending", []), (stamp // self.config.block_size, work)]   # (a small load's
        #                                                                                  first: none counted before)
        for slot in self.slots if count else ():
            if slot is not None:
                slot.send_holding_the_gil(("cushion", stamp, count, None if at is None else blocks))
        return stamp

    def bar_blocks(self, messages: list[Message], work: float) -> int:
        """How far after the lead a load at a bar must be: its cushion, and a block and a half for each part written
        (a busy machine wakes the writer late)."""
        return self.cushion_blocks(work) + math.ceil(1.5 * len(messages) / BAR_PART)


#: How long past its opening a dear change's block waits for its items at most: far past any load's writing (0.3 s at
#: 64 voices, a bar's parts ~0.15 s), short enough that a shell which stopped sending leaves no lasting silence.
GIVE_UP_S = 2.0


class Ahead:
    """The slot's side: the dear changes read from its pipe as [block, items still to read, lead, give-up time,
    stamp], by block. The slot renders the blocks before the first at once — from now for a change "now" (`lead`
    None), from `lead` blocks before the device reaches it for one at a later time (a load at its bar, a timed
    message) — and its block once every item sent for every change there is in, whenever they come: never
    before (a block lost, never a command late, and both slots alike). An item is matched to its change by its
    stamp (the shell stamps nothing else there while a change's items are still to come: fan_out.py): until
    session 36 any item counted for the change opened last, so a line written between a load's parts at its bar
    was counted as one of them, and a change opened meanwhile took the parts that came after it."""

    def __init__(self, block_size: int):
        self.block_size = block_size
        self._open: list[list] = []

    def opened(self, stamp: int, count: int, lead: int | None = None) -> None:
        """A ("cushion", stamp, count, lead) item: `count` items stamped at `stamp` are still to come."""
        change = [stamp // self.block_size, count, lead, time.monotonic() + GIVE_UP_S, stamp]
        bisect.insort(self._open, change, key=lambda change: change[0])

    def read(self, stamp: int) -> None:
        """An item stamped at `stamp` (a message, or a load's messages) was read: one fewer still to come for
        the change opened at that stamp (the first with any still to come, two loads sharing a bar)."""
        change = next((change for change in self._open if change[4] == stamp and change[1] > 0), None)
        if change is not None:
            change[1] -= 1

    def block(self) -> int | None:
        """The block of the first change not rendered yet (None: none)."""
        return self._open[0][0] if self._open else None

    def complete(self) -> bool:
        """Every item sent for the changes at the first block is in — or the shell stopped sending them (an exception
        or Ctrl-C part-way through a load): after GIVE_UP_S the music goes on, what comes later is late (the standby
        re-syncs)."""
        now = time.monotonic()
        return all(change[1] <= 0 or now >= change[3] for change in self._open if change[0] == self._open[0][0])

    def awaited(self) -> bool:
        """Items of a change at a later time are still to come: they are read as they come (a load's parts are
        written one a block; unread, they would fill the pipe and block the shell's write of the next one)."""
        return any(change[2] is not None and change[1] > 0 for change in self._open)

    def now(self) -> bool:
        """The first change was sent "now": whatever is stamped after it is stamped at its block or later."""
        return self._open[0][2] is None

    def at_once(self, target: int) -> bool:
        """The blocks before the first change's are rendered at once, the lead's `target` being where it is."""
        return self._open[0][2] is None or target + self._open[0][2] >= self._open[0][0]

    def rendered(self, block: int) -> None:
        while self._open and self._open[0][0] <= block:
            self._open.pop(0)
