"""Cold restore: when both slots are gone at once, the music comes back by itself.

A single dead slot is replaced from the live one (failover.py). When both die together (a double
kill, a user module that crashes or hangs in lockstep, a stall the output's watchdog ended), there is
no live slot to copy, so the supervisor keeps what it needs to rebuild:
- a checkpoint: the standby's pickled Timeline (all DSP state, the sequencer, ramps, transactions),
  taken every CHECKPOINT_S between two of its blocks — the played audio never waits for it, and the
  bytes only ever go back into our own slot processes (never a file);
- the replay log: every command (and user-module version) sent since that checkpoint, with its stamp.
Both rings get a fresh worker with the checkpoint, the replay and a resume block a little ahead of
the output; each skips to that block without rendering (messages and note events still apply, so the
bar position is exact) and plays on from there. The module the slots' markers named is bypassed in
the restored patch; one that faults twice is quarantined until its file changes. The gap is said
once, in one line, with its length.

A mixin of Supervisor, like Failover.
"""
from __future__ import annotations

import time

from ..engine.engine import EngineError
from .faults import read_marker
from . import realtime
from .rings import LOST_BLOCKS, RT_PRIORITY, SLOT_PID, WATCHDOG_KILLS, WRITTEN
from .child_processes import WorkerGone

CHECKPOINT_S = 1.0      # how stale the music may be after a restore (the bar position is always exact)
RESUME_S = 0.06         # resume this far ahead of the output (beyond the lead): the restored slots' time to
# receive the checkpoint, unpickle, replay and skip — measured from their assignment to both rings set at the
# resume block (slots_ready_ms): 3–4 ms idle, 3–31 ms with the machine loaded (tests/supervisor/test_restore.py).
# The silence a restore leaves (gap_s, 70–100 ms) is this, the lead, and the monitor's noticing the deaths
SPARE_BACKOFF_S = (0.1, 5.0)  # a worker that dies before it is ready: wait, doubling, then try again


class Restore:
    def _init_restore(self) -> None:
        self.checkpoint: tuple[bytes, int] | None = None  # (pickled Timeline, its block)
        self.replay: list[tuple] = []     # commands sent since the checkpoint: ("msg", stamp, msg), ("user_module", …)
        self.restores: list[dict] = []    # each cold restore: blocks, gap, what was bypassed
        self.quarantined: dict[str, tuple[str, str | None]] = {}  # module type → (reason, its source then)
        self.module_faults: dict[str, int] = {}
        self._restoring = False
        self._restore_tried_at = time.monotonic()
        self._crashed_pids: set[int] = set()    # killed on purpose (/engine/crash): not a module's fault
        self._watchdog_seen = 0
        self._spare_failures, self._next_spare_at = 0, 0.0
        self._told: dict[str, float] = {}       # a repeated line → when it was last said

    # -- what is kept -------------------------------------------------------------------------
    def _log(self, item: tuple) -> None:
        """Called with the lock held, for every command sent to the slots."""
        self.replay.append(item)

    def _take_checkpoints(self) -> None:
        """Thread: every CHECKPOINT_S, the standby's Timeline (the active's when alone)."""
        on_audio_path = False
        while not self._stopping.wait(CHECKPOINT_S):
            on_audio_path = on_audio_path or realtime.audio_path_thread(int(self.control.words[RT_PRIORITY]))
            if not self._restoring:
                self._take_checkpoint()

    def _take_checkpoint(self) -> None:
        """The request is written under the lock, so the commands logged before it are exactly those
        in the snapshot (a slot reads its pipe in order); the reply is waited for without the lock —
        held, every command waited for the standby to pickle and the monitor to read, tens of
        milliseconds on a busy machine."""
        self._lock.acquire()
        locked = [True]

        def unlock() -> None:
            if locked.pop():
                self._lock.release()

        try:
            active = self._active_slot()
            others = [s for s in self.slots if s is not None and s is not active]
            source = next((s for s in [*others, active] if s is not None and s.alive()), None)
            if source is None:
                return
            logged, restores = len(self.replay), len(self.restores)
            snapshot = tuple(source.request(("snapshot",), timeout=0.5, sent=unlock))
        except WorkerGone:
            return
        finally:
            if locked:
                unlock()
        with self._lock:
            if self._restoring or len(self.restores) != restores:
                return  # a restore meanwhile: it used the checkpoint and replay as they were
            self.checkpoint = snapshot
            del self.replay[:logged]

    # -- both slots gone ------------------------------------------------------------------------
    def _keep_a_path_back(self) -> None:
        """Monitor thread: no slot at all and no restore under way (one found no worker in time):
        try again, once a second, for as long as it takes."""
        now = time.monotonic()
        if self.slots == [None, None] and not self._restoring and now - self._restore_tried_at > 1.0:
            self._restore_tried_at = now
            self._in_background(self._restore_both)

    def _restore_both(self) -> None:
        """Restart both rings from the checkpoint (once, however many threads noticed the deaths)."""
        realtime.audio_path_thread(int(self.control.words[RT_PRIORITY]))  # it holds the lock a command waits for
        with self._lock:
            if self._restoring or self._stopping.is_set():
                return
            if any(s is not None and s.alive() for s in self.slots):
                return  # a restore (or a failover) already brought a slot back
            self._restoring = True
            dead = [int(ring.header[SLOT_PID]) for ring in self.rings]
            self.slots = [None, None]
        try:
            self._restore(dead)
        finally:
            self._restoring = False
        if self.slots[0] is not None and self.slots[1] is None:  # restored on one spare: the second
            self._in_background(self._replace_slot, 1, None)  # follows

    def _restore(self, dead_pids: list[int]) -> None:
        cfg, started = self.config, time.perf_counter()
        stalled = int(self.control.words[WATCHDOG_KILLS]) > self._watchdog_seen
        self._watchdog_seen = int(self.control.words[WATCHDOG_KILLS])
        crashed = all(pid in self._crashed_pids for pid in dead_pids)
        blamed = {} if crashed else self._blame("stalled in process()" if stalled else "crashed its audio process")
        silent_from = max(int(ring.header[WRITTEN]) for ring in self.rings)
        first = self._ready_spare()      # waits for one if need be; a second only if it is ready now
        workers = [w for w in (first, first and self._ready_spare(timeout=0)) if w is not None]
        if not workers:
            self._say("the audio slots are down and no worker starts: restart the shell (see the line above)")
            return
        deadline = time.monotonic() + 0.5
        while self.play_block < silent_from and time.monotonic() < deadline:
            time.sleep(0.002)  # what the dead slots wrote ahead still plays
        for ring in self.rings:
            ring.audio[:] = 0  # no stale block can play before the resume block
        with self._lock:
            snapshot, checkpoint_block = self.checkpoint
            resume = self.play_block + self.ahead + round(RESUME_S / cfg.block_seconds)
            bypass = sorted(set(blamed) | {m for m, t in self.plan._live_shape.types.items() if t in self.quarantined})
            replay = [item for item in self.replay if item[0] != "user_module" or item[1] not in self.quarantined]
            restore = {"replay": replay, "resume_block": resume, "bypass": bypass}
            for index, worker in enumerate(workers):
                self._assign(worker, index, snapshot, restore)
        assigned, ready = time.perf_counter(), None
        while self.play_block < resume and time.monotonic() < deadline + 2 and not self._stopping.is_set():
            if not any(worker.alive() for worker in workers):
                return  # they died on what they were given (a module quarantined since): the monitor tries again
            if ready is None and all(int(self.rings[i].header[SLOT_PID]) == w.pid for i, w in enumerate(workers)):
                ready = time.perf_counter()   # each restored: its ring set at the resume block (slot.py)
            time.sleep(0.002)
        if self._stopping.is_set():
            return
        lost = int(self.control.words[LOST_BLOCKS])
        time.sleep((self.ahead + 2) * cfg.block_seconds)  # slots later than the resume block lose blocks here
        late = int(self.control.words[LOST_BLOCKS]) - lost
        gap = (resume - silent_from + late) * cfg.block_seconds
        self.restores.append({
            "silent_from_block": silent_from, "resume_block": resume, "checkpoint_block": checkpoint_block,
            "gap_s": round(gap, 3), "restore_ms": round(1000 * (time.perf_counter() - started), 1),
            "slots_ready_ms": None if ready is None else round(1000 * (ready - assigned), 1),   # within RESUME_S
            "bypassed": bypass, "stalled": stalled, "restore": restore, "snapshot": snapshot,
        })
        age = (silent_from - checkpoint_block) * cfg.block_seconds
        what = ("were stopped" if crashed else "stalled" if stalled else "died")
        cause = "; ".join(blamed.values()) or f"both audio slots {what}"
        self._say(f"{cause}: the music came back by itself, on the beat, after {gap:.2f} s of silence "
                  f"(restored from a checkpoint {age:.1f} s old)")

    def _blame(self, fault: str) -> dict[str, str]:
        """The module the dead slots' markers name → one line saying what it did and what follows."""
        named = {found[0] for ring in self.rings if (found := read_marker(ring)) is not None}
        lines = {}
        for module_id in sorted(named):
            if module_id not in self.plan._live_shape.types:  # a type: the slot died importing it
                if module_id in self.user_modules:
                    self._module_failed(module_id, f"{fault} at import")  # said there, once
                continue
            kind = self.plan._live_shape.types.get(module_id, module_id)
            self.module_faults[kind] = self.module_faults.get(kind, 0) + 1
            if self.module_faults[kind] >= 2:
                source = self.user_modules.get(kind, (None, None, None))[1]
                self.quarantined[kind] = (fault, source)
                lines[module_id] = (f"{module_id} ({kind}) {fault} again: bypassed, and {kind} is quarantined "
                                    "until its file changes")
            else:
                lines[module_id] = f"{module_id} ({kind}) {fault}: bypassed"
        return lines

    def restore_figures(self) -> list[dict]:
        """The restores as JSON-able figures (without the checkpoint's bytes and the replay)."""
        return [{k: v for k, v in r.items() if k not in ("restore", "snapshot")} for r in self.restores]

    # -- user modules that misbehave in the slots ---------------------------------------------------
    def refuse_quarantined(self, msg) -> None:
        """`add` of a quarantined type is refused with the reason (EngineError)."""
        if msg.address == "/patch/create" and len(msg.args) > 1 and str(msg.args[1]) in self.quarantined:
            kind = str(msg.args[1])
            raise EngineError(f"{kind} is quarantined ({kind} {self.quarantined[kind][0]}): "
                              "save a fixed version of its file to use it again")

    def _lift_quarantine(self, name: str, source: str) -> None:
        """A new version of a module's file: it may play again."""
        if name in self.quarantined and self.quarantined[name][1] != source:
            del self.quarantined[name]
            self.module_faults.pop(name, None)

    def _module_failed(self, name: str, error: str) -> None:
        """A module that loads in the pool but not in a slot: unused from now on, said once (the
        monitor thread: no lock, see _replenish)."""
        entry = self.user_modules.pop(name, None)
        self.quarantined[name] = (f"does not load in an audio slot ({error})", entry[1] if entry else None)
        self._say(f"user module {name} does not load in an audio slot ({error}): not used until its file changes")

    def _slow(self, module_id: str, ms: float, block_ms: float) -> None:
        kind = self.plan._live_shape.types.get(module_id, module_id)
        self._say(f"{module_id} ({kind}) takes {ms:.1f} ms of each {block_ms:.1f} ms block: the audio cannot keep "
                  f"up — the slots drop what they cannot play; fix {kind} or remove {module_id}", every_s=10.0)

    # -- spares ------------------------------------------------------------------------------------
    def _replenish(self) -> None:
        """Keep the spares topped up; a worker that dies before it is ready delays the next one.
        Never waits for the lock: the monitor thread calls it, and a thread holding the lock may be
        waiting for a reply only the monitor reads."""
        if not self._lock.acquire(blocking=False):
            return
        try:
            warming = [s for s in self.spares if s.alive()]
            if len(warming) < self.spare_target and time.monotonic() >= self._next_spare_at \
                    and not self._stopping.is_set():
                self.spares.append(self._new_worker())
        finally:
            self._lock.release()

    def _spare_died(self, spare) -> None:
        """A spare is never asked to exit: its death is a failure (a start that failed, or a module
        that ends the process at import: named by what it said it was loading, and dropped)."""
        if spare in self.spares:  # the monitor thread: no lock (see _replenish)
            self.spares.remove(spare)
        if spare.loading in self.user_modules:
            self._module_failed(spare.loading, f"the process ended at import, code {spare.process.exitcode}")
        self._spare_failures += 1
        low, high = SPARE_BACKOFF_S
        delay = min(high, low * 2 ** (self._spare_failures - 1))
        self._next_spare_at = time.monotonic() + delay
        self._say(f"an audio worker died while starting (code {spare.process.exitcode}): retrying, "
                  f"at most every {high:g} s", every_s=60.0)

    def _say(self, line: str, every_s: float = 0.0) -> None:
        """One line for the user (a repeat within `every_s` seconds is dropped)."""
        now = time.monotonic()
        if every_s and now - self._told.get(line.split(":")[0], -every_s) < every_s:
            return
        self._told[line.split(":")[0]] = now
        self.problems.append(line)
