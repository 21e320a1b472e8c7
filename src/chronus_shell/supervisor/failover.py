"""Failover and the monitor thread: dead or hung slots are replaced by pre-started spares from the
live slot's snapshot, a dead output process is restarted, output switches are recorded.

A mixin of Supervisor (it uses the supervisor's rings, slots, spares and lock), kept apart so each
file reads as one concern.
"""
from __future__ import annotations

import threading
import time
from multiprocessing.connection import wait

from ..engine.engine import EngineError
from . import realtime
from .rings import (
    ACTIVE_SLOT, FAILOVER_AT, FAILOVERS, LATE_COMMANDS, LOST_BLOCKS, RT_PRIORITY, SKIPPED, SWITCH_NS, WRITTEN,
)
from .child_processes import SlotWorker, SupervisorError, WorkerGone

START_TIMEOUT_S = 120.0  # the first start may compile every kernel
SKIP_QUIET_S = 0.5  # blocks dropped, then none for this long: the slots are back in time
STALL_S = 0.5  # a slot behind the output that renders nothing for this long (while the other does) is hung


class Failover:
    # -- threads that touch the shared blocks ---------------------------------------
    def _in_background(self, target, *args) -> None:
        """A replacement or restore thread, kept so that stop() waits for it. None starts once
        stop() has begun: one started after stop() looked would start workers nobody stops (a
        restore's last step starts the second slot's replacement, the monitor a restore)."""
        with self._background_lock:
            if self._stopping.is_set():
                return
            thread = threading.Thread(target=target, args=args, daemon=True)
            self._background = [t for t in self._background if t.is_alive()] + [thread]
            thread.start()

    def _join_background(self, within_s: float) -> None:
        """After the children stopped: wait for every thread still working on the shared blocks (a
        view holds its mapping, so one that outlives this reads valid memory, but its work is moot)."""
        deadline = time.monotonic() + within_s
        with self._background_lock:   # _stopping is set: no thread is added after this look
            threads = [*self.audio_path_threads, *self._background, *self.samples.loaders]
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(max(0.0, deadline - time.monotonic()))

    # -- failover -----------------------------------------------------------------
    def _active_slot(self) -> SlotWorker | None:
        return self.slots[int(self.control.words[ACTIVE_SLOT])]

    def crash(self, which: str) -> str:
        """Test aid: SIGKILL the active or standby slot, both slots at once, or the output process."""
        active = int(self.control.words[ACTIVE_SLOT])
        targets = {"output": [self.output], "active": [self.slots[active]], "standby": [self.slots[1 - active]],
                   "both": self.slots[:]}.get(which)   # both in one go: two lines let a replacement come between
        if targets is None:
            raise EngineError(f"/engine/crash takes active, standby, both or output, not {which!r}")
        killed = [target for target in targets if target is not None]
        for target in killed:
            self._kill_times[target.pid] = time.perf_counter()
            self._crashed_pids.add(target.pid)
            target.kill()
        if not killed:
            return f"no {which} process to crash"
        return f"killed the {which} process{'es' if len(killed) > 1 else ''} (pid {', '.join(str(t.pid) for t in killed)})"

    def _replace_slot(self, index: int, pid: int | None) -> None:
        """A slot died: a pre-started spare takes its ring from the live slot's snapshot; with no live
        slot left, both rings are restored from the checkpoint (restore.py)."""
        started = time.perf_counter()
        realtime.audio_path_thread(int(self.control.words[RT_PRIORITY]))  # it holds the lock a command waits for
        killed = self._kill_times.pop(pid, None)
        live = self.slots[1 - index]
        if self._restoring or live is None or not live.alive():
            self._restore_both()
            return
        spare = self._ready_spare()
        with self._lock:
            live = self.slots[1 - index]
            snapshot = None
            if spare is not None and live is not None and live.alive() and self.slots[index] is None:
                try:
                    snapshot, block = live.request(("snapshot",), timeout=0.5)
                except WorkerGone:
                    snapshot = None
            if snapshot is None:
                if spare is not None:
                    self.spares.append(spare)
            else:
                self._fill_gap(index, block)
                for payload in self.user_modules.values():  # any accepted while it was being picked
                    spare.send(("user_module", *payload, None))
                self._assign(spare, index, snapshot)
        if snapshot is None:
            if spare is None:
                self.problems.append("no spare audio worker: the engine runs on one slot until one starts")
            self._restore_both()  # only acts when the live slot died meanwhile
            return
        done = time.perf_counter()
        self.failovers.append({
            "slot": "AB"[index], "at_block": self.play_block, "lost_blocks": int(self.control.words[LOST_BLOCKS]),
            "replace_ms": round(1000 * (done - started), 2),
            "kill_to_standby_ms": None if killed is None else round(1000 * (done - killed), 2),
        })

    def _ready_spare(self, timeout: float = START_TIMEOUT_S) -> SlotWorker | None:
        """A started spare, waiting for one still warming up (or about to be started) rather than giving up."""
        deadline = time.monotonic() + timeout
        while not self._stopping.is_set():
            with self._lock:
                spare = next((s for s in self.spares if s.ready.is_set() and s.alive()), None)
                if spare is not None:
                    self.spares.remove(spare)
                    return spare
            self._replenish()
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.003)
        return None

    def _fill_gap(self, index: int, block: int) -> None:
        """Blocks the dead slot never wrote, up to where its successor starts, copied from the live
        ring (identical in lockstep), so the dead ring never plays a stale block."""
        dead, live = self.rings[index], self.rings[1 - index]
        first = max(int(dead.header[WRITTEN]), block - dead.capacity + 1)
        for number in range(first, block):
            dead.audio[number % dead.capacity] = live.audio[number % live.capacity]

    def _restart_output(self) -> None:
        started = time.perf_counter()
        lost_before = int(self.control.words[LOST_BLOCKS])
        try:
            self._start_output()
            self.restarts.append({"output_ms": round(1000 * (time.perf_counter() - started), 2),
                                  "lost_blocks": int(self.control.words[LOST_BLOCKS]) - lost_before})
        except SupervisorError as err:
            self.output = None
            self.problems.append(str(err))

    # -- monitor thread -------------------------------------------------------------
    def _watch(self) -> None:
        on_audio_path = False
        while not self._stopping.is_set():
            on_audio_path = on_audio_path or realtime.audio_path_thread(int(self.control.words[RT_PRIORITY]))
            try:
                self._watch_once()
            except Exception as err:  # noqa: BLE001 — the monitor must outlive any one surprise
                self.problems.append(f"supervisor monitor: {type(err).__name__}: {err}")
                time.sleep(0.05)

    def _watch_once(self) -> None:
        children = [c for c in [self.output, *self.slots, *self.spares] if c is not None]
        ready = wait([c.conn for c in children] + [c.sentinel for c in children], timeout=0.05)
        for child in children:
            if child.conn in ready:
                self._read(child)
            if child.sentinel in ready and not self._stopping.is_set():
                self._on_death(child)
        self._note_failovers()
        self._check_stalls()
        self._check_late()
        self._check_skips()
        self._replenish()
        self._keep_a_path_back()
        self.tap.drain()

    def _read(self, child) -> None:
        try:
            while child.conn.poll():
                item = child.conn.recv()
                if item[0] == "ready":
                    child.ready.set()
                    self._spare_failures = 0
                elif item[0] == "error":
                    self._say(str(item[1]), every_s=30.0)
                elif item[0] == "loading":
                    child.loading = item[1]
                elif item[0] == "module_failed":
                    if item[1] in self.user_modules:
                        self._module_failed(item[1], item[2])
                elif item[0] == "slow":
                    self._slow(*item[1:])
                elif item[0] == "late":
                    child.late_why = item[1]
                elif item[0] != "assigned":
                    child.replies.put(item)
        except (EOFError, OSError):
            pass

    def _on_death(self, child) -> None:
        child.process.join(0)
        if child is self.output:
            self._restart_output()
        elif child in self.spares:
            self._spare_died(child)
        elif child in self.slots:
            index = self.slots.index(child)
            self.slots[index] = None  # seen once: the replacement runs in its own thread
            self._in_background(self._replace_slot, index, child.pid)

    def _check_late(self) -> None:
        """A command that reached a slot after its stamp was applied late there, so the two slots
        may differ from that sample on: the standby is re-synced from the active's snapshot."""
        for index, ring in enumerate(self.rings):
            late = int(ring.header[LATE_COMMANDS])
            if late < self._late_seen[index]:  # a new slot took this ring: counting starts again
                self._late_seen[index] = late
            elif late > self._late_seen[index]:
                self._late_seen[index] = late
                slot = next((s for s in self.slots if s is not None and s.ring_index == index), None)
                if slot is not None:
                    self._read(slot)              # (its report may still be in the pipe: slot.py `_why_late`)
                why = f" — {slot.late_why}" if slot is not None and slot.late_why else ""
                self._resync_standby(f"a command reached slot {'AB'[index]} late: standby re-synced{why}")

    def _check_skips(self) -> None:
        """A slot that dropped blocks to catch up with the output no longer matches the other one:
        once the dropping has stopped for SKIP_QUIET_S, the standby is re-synced from the active."""
        skipped = [int(ring.header[SKIPPED]) for ring in self.rings]
        now = time.monotonic()
        if skipped != self._skips_seen:
            if any(new > old for new, old in zip(skipped, self._skips_seen)):
                self._skipped_at = now
            self._skips_seen = skipped
        elif self._skipped_at and now - self._skipped_at > SKIP_QUIET_S and not self._restoring:
            self._skipped_at = 0.0
            self._resync_standby("the audio slots fell behind and dropped what could no longer be played: "
                                 "back in time, standby re-synced")

    def _resync_standby(self, why: str) -> None:
        """The standby no longer matches the active: it is replaced from the active's snapshot. Only
        while both run: with one gone (a crash not yet switched over), the other is the music."""
        active = int(self.control.words[ACTIVE_SLOT])
        playing, standby = self.slots[active], self.slots[1 - active]
        if playing is None or standby is None or not playing.alive() or not standby.alive():
            return
        self.problems.append(why)
        self._crashed_pids.add(standby.pid)  # killed on purpose: not a module's fault
        standby.kill()

    def _check_stalls(self) -> None:
        """A hung slot (stopped, deadlocked, stuck in user code) is killed and replaced like a dead one."""
        now = time.monotonic()
        for index, slot in enumerate(self.slots):
            written = int(self.rings[index].header[WRITTEN])
            last, since = self._progress[index]
            other_written, other_since = self._progress[1 - index]
            other_is_fine = self.slots[1 - index] is not None and now - other_since < STALL_S / 2
            if slot is None or written != last or written > self.play_block:
                self._progress[index] = (written, now)
            elif now - since > STALL_S and slot.alive() and other_is_fine and other_written > written + 2:
                # only when the other slot keeps rendering: a loaded machine slows both, and is not a hang
                self.problems.append(f"slot {'AB'[index]} hung for {1000 * (now - since):.0f} ms: replaced")
                self._progress[index] = (written, now)
                slot.kill()

    def _note_failovers(self) -> None:
        words = self.control.words
        count = int(words[FAILOVERS])
        if count > self._seen_failovers:
            self._seen_failovers = count
            self.switches.append({"at_block": int(words[FAILOVER_AT]), "switch_ms": int(words[SWITCH_NS]) / 1e6,
                                  "lost_blocks": int(words[LOST_BLOCKS])})
