"""How a stamped change reaches both slots: one message (cushioned when dear, now or at its time), or a session's load.

A mixin of Supervisor (its lock, stamping, log and slots), beside Cushion (cushion.py: how many blocks a change
needs). A load "now" goes as one item written under the supervisor's lock, right after its stamping: nothing
typed after it can be stamped before it. A load at its bar goes in parts of BAR_PART on a deadline (one a block:
~0.14 s at 64 voices), each written and logged under the lock, which is let go between parts — until session 35
it was held across them. A part's items are matched to its change by their stamp in each slot (cushion.Ahead).
A line typed meanwhile waits for the last part (`after_load_parts`), then is stamped as usual: the plan holds the
whole load, and each slot checks a line against what it has read (Timeline.schedule) — in between, a line naming
a module the load removes and creates again was kept by the plan and refused by both slots (session 36). The
parts are written by a thread of their own, to the end: Ctrl-C in the shell's thread (or its exception) never
leaves the slots with part of a load the plan holds whole. A slot given a ring meanwhile (a failover, a restore)
is told how many parts are still to come (`load_in_flight`), so it too waits for them at the bar.
"""
from __future__ import annotations

import threading
import time
from multiprocessing.reduction import ForkingPickler

from ..protocol.message import Message
from . import latency, realtime
from .cushion import BAR_PART
from .repl_realtime import no_collection
from .rings import RT_PRIORITY


class FanOut:
    _writing: list | None = None   # [stamp, parts still to write, lead] of the load at a bar being written

    def _fan_out(self, msg: Message, at: int | None) -> int:
        """One message, stamped "now" or `at` a sample (a timetag): a dear one (a /patch change at a big patch)
        with a cushion of its own, the item counted for it written with it (cushion.py) — `at` a time too, so
        long as its cushion fits before that time (else as if sent now: heard later, nothing lost)."""
        work, now = self.work_for([msg]), at is None
        with self._stamping():
            earliest, blocks = self.earliest_stamp(), self.cushion_blocks(work)
            self._last_now = earliest
            floor = self.timed.floor([msg])   # never before an earlier-sent change it conflicts with (order.py)
            if floor > (earliest if at is None else int(at)):
                at, now = floor, False
            lead = None
            if blocks:
                soonest = (self.play_block + self.ahead + blocks) * self.config.block_size
                lead = blocks if at is not None and int(at) > soonest else None
                stamp = self.open_cushion(blocks, work, at=None if lead is None else int(at))
            else:
                stamp = earliest if at is None else max(int(at), earliest)
            if stamp > earliest:   # later than "now": what is sent after it may be stamped before it
                self.timed.add(stamp, [msg])
            self._log(("msg", stamp, msg))
            at_once = getattr(self._at_once, "now", False)
            for slot in self.slots:
                if slot is not None:
                    for item in ([("cushion", stamp, 1, lead)] if blocks else []) + [("msg", stamp, msg)]:
                        slot.send_holding_the_gil(item, block=not at_once)
                    self._at_once.stalled = self.stalled() or (at_once and slot.owes())
        cfg = self.config
        heard = latency.audible_ms(self.control.words, stamp, cfg.block_size, cfg.sample_rate,
                                   getattr(self._entered, "ns", 0))
        if now and heard is not None:  # a timetagged command (or one after it) plays when asked, not "now"
            self.latencies_ms.append(heard)
        self._last_stamp = max(self._last_stamp, stamp)
        return stamp

    def after_load_parts(self) -> None:
        """Called with the lock held (and given up meanwhile): once a load's parts being written are all in both
        slots, so that a line is checked by the plan and the slots against the same patch (the whole load)."""
        while self._writing is not None:
            self._parts_written.wait()

    def load_in_flight(self) -> tuple | None:
        """Called with the lock held, for a slot given a ring: ("cushion", stamp, parts still to come, lead) of the
        load being written (the parts written so far are in the snapshot or the replay it is given)."""
        return None if self._writing is None else ("cushion", *self._writing)

    def fan_out_at_once(self, messages: list[Message], work: float, at: int | None = None) -> list:
        """A session's load, "now" or `at` its bar, with the lock held: a cushion opened under the stamp hold, then
        the load's messages pickled and written after it (their stamp fixed): no slot renders the cushion's block
        before it has read them (Ahead), so none can be late however long the writes take, and no slot waits for
        the hold meanwhile. "Now": in one item (read at its block, in the cushion). At a bar: the parts of BAR_PART
        returned, for `parts_writer` (its writes wait for the lock to be let go) — a slot reads them as they come, before the run-up
        (one item of 1,607 took it 20–30 ms to read and schedule: 5–7 blocks lost at each bar at 64 voices). At the
        active slot's priority, with no garbage collection: a full one of the shell's heap took 44 ms of a load's
        pickling."""
        parts = [messages] if at is None else [messages[i:i + BAR_PART] for i in range(0, len(messages), BAR_PART)]
        blocks = max(1, self.cushion_blocks(work))
        with no_collection(), realtime.briefly(int(self.control.words[RT_PRIORITY]), as_role="active"):
            with self._stamping():
                stamp = self.open_cushion(blocks, work, len(parts), at)
            self._last_stamp = max(self._last_stamp, stamp)
            if at is not None:
                self.timed.add(stamp, messages)   # a line typed after it conflicting with it waits for it (order.py)
                self._writing = [stamp, len(parts), blocks]
                return parts
            self._write_part(ForkingPickler.dumps(("msgs", stamp, messages)), stamp, messages)
        return []

    def load_stamp(self, messages: list[Message], work: float, now: bool) -> int | None:
        """Where a load goes: "now" (None) — unless an earlier-sent timed change it conflicts with is later
        (order.py): then at that one's time, as far after the lead as its cushion and writes need — or at its bar
        (the first at or after such a change)."""
        floor, blocks = self.timed.floor(messages), self.bar_blocks(messages, work)
        if not now:
            return self._next_bar(blocks, floor)
        if floor <= self.earliest_stamp():
            return None
        return max(floor, (self.play_block + self.ahead + blocks) * self.config.block_size)

    def parts_writer(self, parts: list[list[Message]]) -> threading.Thread:
        """A load's parts at its bar, written by a thread of its own (`_write_parts`), started here (under the Ctrl-C
        hold, so the parts the slots were told of always come) and waited for by the caller: Ctrl-C then stops the
        wait, not the writes (a signal reaches the main thread only)."""
        writer = threading.Thread(target=self._write_parts, args=(parts,), name="load-parts", daemon=True)
        writer.start()
        return writer

    def _write_parts(self, parts: list[list[Message]]) -> None:
        """One part a block on a deadline (one late wake-up is not added to every part after it), each pickled
        without the lock and written and logged with it: a failover's snapshot or a checkpoint falls between two
        parts, a line typed meanwhile waits for the last one (`after_load_parts`)."""
        stamp, started = self._writing[0], time.perf_counter()
        try:
            with no_collection(), realtime.briefly(int(self.control.words[RT_PRIORITY]), as_role="active"):
                for n, part in enumerate(parts):
                    time.sleep(max(0.0, started + n * self.config.block_seconds - time.perf_counter()))
                    body = ForkingPickler.dumps(("msgs", stamp, part))
                    with self._lock:
                        self._write_part(body, stamp, part)
                        self._writing[1] -= 1
        finally:
            with self._lock:
                self._writing = None
                self._parts_written.notify_all()

    def _write_part(self, body, stamp: int, messages: list[Message]) -> None:
        """Called with the lock held: one item of a load to both slots, and its messages to the replay log."""
        body = bytes(body)
        for slot in self.slots:
            if slot is not None:
                slot.send_bytes(body)
        for msg in messages:
            self._log(("msg", stamp, msg))
