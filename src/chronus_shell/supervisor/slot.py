"""The slot worker: a pre-started process that renders a Timeline into its shared-memory ring.

Both slots run the same Timeline with the same stamped commands, so their rings hold identical
audio and either can feed the output from any block index (lockstep hot standby). Transactions
are rendered inside the Timeline (each slot builds the pending graph and renders the crossfade
itself): that keeps lockstep trivially true through a commit and makes a real-time run equal to
the offline render. A worker is started ahead of need, imports and compiles everything, then waits
for its assignment, so taking over costs no cold start. It exits when the shell's end of its pipe
closes, whatever way the shell ended.
"""
from __future__ import annotations

import gc
import os
import pickle
import time

from ..engine import warmup
from ..engine.engine import EngineError
from ..engine.user_modules.hang_guard import HangGuard
from ..engine.timeline import Timeline
from ..engine.sequencer_peek import peek
from ..engine.user_modules.install import ModuleSwaps, install_user_module
from .cushion import Ahead
from .faults import SLOW_SHARE, ModuleMarker, end_own_group, lead_own_group, limit_memory
from .latency import BEGIN_PHASE
from .samples import attach_sample
from . import realtime, stamp_hold
from .rings import (
    ACTIVE_SLOT, CPU_NS, LATE_COMMANDS, PLAYED_NS, PROCESS_CPU_NS, READ_BLOCK, RT_PRIORITY, SKIPPED, SLOT_PID, WRITTEN,
    Control, Ring,
    leave_signals_to_the_shell, raise_priority, release_blocks_of_a_dead_shell,
)

RESYNC_BEHIND_S = 0.1  # further behind the output than this: the active drops the blocks (the output
# waits for the next one), and so does a standby for which rendering them would take more than half of
# it (a slow module). Less is caught up by rendering faster than real time (a short preemption; a
# standby just made from a snapshot the shell sent late, on a busy machine)
SLOW_REPORT_S = 1.0       # at most one "this module is slow" report per this many seconds
HOLD_WAIT_BLOCKS = 0.25   # the least a slot waits for a command being stamped; longer while its block's render
# can still be done before the device takes it (`_hold_wait_s`). A stalled shell past that: the command is then
# late in this slot, counted, and the standby re-synced (failover.py)
RENDER_MARGIN_BLOCKS = 0.15   # kept free before a block's cycle, besides twice the slot's mean render (`_hold_wait_s`)


def _no_wait() -> float:
    """Before a dear change's block, whatever is being stamped is stamped at it or later (cushion.py): no wait."""
    return 0.0


def slot_main(conn, control_name: str) -> None:
    """Process entry: warm up, report ready, wait for an assignment, then render until told to stop.

    Nothing here may end in a traceback: a failure is one line to the shell, then a quiet exit."""
    lead_own_group()
    leave_signals_to_the_shell()
    try:
        _slot(conn, control_name)
    except Exception as err:  # noqa: BLE001 — one line for the shell, never a traceback on the terminal
        try:
            conn.send(("error", f"an audio worker stopped: {type(err).__name__}: {err}"))
        except OSError:
            pass
    finally:
        end_own_group()


def _slot(conn, control_name: str) -> None:
    raise_priority()
    realtime.ordinary_children()  # a user module's threads and processes: never raised, never real-time
    warmup()
    stamp_hold.barrier()
    realtime.prepare()  # while warming up: a spare takes over without paging in or a full collection
    conn.send(("ready", os.getpid()))
    try:
        kind, *assignment = conn.recv()
        while kind in ("user_module", "sample"):  # what a snapshot may use, before the snapshot
            if kind == "sample":
                attach_sample(*assignment)
            else:
                _preload_module(conn, assignment[:3])
            kind, *assignment = conn.recv()
    except (EOFError, OSError):
        return
    if kind != "assign":
        return
    (ring_name, capacity, room, block_size, ahead, max_catchup, timeline_bytes, sample_rate, memory_mb, restore,
     load) = assignment
    try:
        control = Control(control_name, create=False)
        ring = Ring(ring_name, capacity, block_size, create=False)
    except FileNotFoundError:
        return  # the shell stopped while this worker was being assigned
    role = realtime.SlotRole(control.words, ring.block.name, ACTIVE_SLOT, RT_PRIORITY, block_size / sample_rate)
    role.follow()  # real-time before the snapshot is read and caught up with, not after
    if memory_mb:
        limit_memory(memory_mb)  # where there is no RLIMIT_AS the slot runs without a cap
    timeline = pickle.loads(timeline_bytes) if timeline_bytes else Timeline(sample_rate, block_size)
    marker = ModuleMarker(ring)
    # a user module stuck in process() is bypassed, in both slots alike; the marker names it meanwhile
    timeline.guard_hangs(HangGuard(marker=marker))
    loop = SlotLoop(conn, control, ring, timeline, (ahead, max_catchup, room), role, marker, restore, load)
    try:
        loop.run()
    finally:
        ring.block.close()
        control.block.close()
    if loop.shell_gone:
        release_blocks_of_a_dead_shell(control_name)


def _preload_module(conn, payload) -> None:
    """A module that fails to load in a slot (only there) is reported once; the worker lives on. One
    that ends the process while loading is named by the "loading" sent before (the shell reads it)."""
    conn.send(("loading", payload[0]))
    try:
        install_user_module(*payload)
    except Exception as err:  # noqa: BLE001 — user code: any failure is the module's, not the worker's
        conn.send(("module_failed", payload[0], f"{type(err).__name__}: {err}"))
    conn.send(("loading", None))


def fast_forward(timeline: Timeline, swaps: ModuleSwaps, block: int) -> None:
    """Skip `timeline` to the start of `block` without rendering (Timeline.skip_block)."""
    while timeline.position < block * timeline.block_size:
        if swaps.pending():
            swaps.apply_due(timeline)
        timeline.skip_block()


def bypass(timeline: Timeline, module_ids) -> None:
    """Those modules pass their input through (a processor) or stay silent from now on."""
    for engine in timeline.engines():
        for module_id in module_ids:
            if module_id in engine.modules:
                engine.modules[module_id].hung = True


def restore_timeline(timeline: Timeline, swaps: ModuleSwaps, restore: dict, handle) -> None:
    """A cold restore: a checkpoint plus the commands sent since (`handle`d in order), skipped to
    the block where the music resumes, the faulty modules bypassed. Both restored slots (and a
    test, offline) do exactly this, so they render the same bytes from there on."""
    for item in restore["replay"]:
        handle(item)
    fast_forward(timeline, swaps, restore["resume_block"])
    bypass(timeline, restore["bypass"])


class SlotLoop:
    def __init__(self, conn, control: Control, ring: Ring, timeline: Timeline, blocks: tuple[int, int, int],
                 role: realtime.SlotRole, marker: ModuleMarker | None = None, restore: dict | None = None,
                 load: tuple | None = None):
        """`blocks`: the lead, the most blocks rendered in one go, and the ring's room (how far past the block
        the output plays next the ring may be written: its capacity less the blocks kept after reading). `load`:
        the ("cushion", …) of a load whose parts were still being written when this slot was given its ring."""
        self.conn, self.control, self.ring, self.timeline = conn, control, ring, timeline
        self.ahead, self.max_catchup, self.room = blocks
        self.block_seconds = timeline.block_size / timeline.sample_rate
        self.hold_wait_s = HOLD_WAIT_BLOCKS * self.block_seconds
        self.block_ns = int(1e9 * self.block_seconds)
        self.phase_ns = int(BEGIN_PHASE * self.block_ns)
        self.swaps = ModuleSwaps()  # hot-reloaded user modules, switched at a stamped block
        self.shell_gone = False     # the pipe closed without a stop: the shell crashed
        self.marker = marker
        self._rendered = 0          # blocks rendered since the last slowness report
        self._render_ns, self._render_count = 0, 0  # this slot's own pace, for catching up
        self._reported_at = 0.0
        self.cushions = Ahead(timeline.block_size)  # dear changes read, their blocks not rendered yet (cushion.py)
        self._held_in_vain = self._cushioned = False   # how the last block began (a late command's report)
        self._waited_s = 0.0                            # the last wait for a stamping, as allowed (its report)
        if restore is not None:
            restore_timeline(timeline, self.swaps, restore, self._handle)
        if load is not None and load[1] >= timeline.position:
            self.cushions.opened(*load[1:])
        ring.reset(timeline.position // timeline.block_size)
        ring.header[SLOT_PID] = os.getpid()
        self.role = role

    def run(self) -> None:
        gc.disable()
        self.conn.send(("assigned", self.timeline.position))
        while self._handle_commands():
            self._resync()
            self.role.follow()  # real-time scheduling as active, one step below as standby
            rendered = 0
            while rendered < self.max_catchup and self._behind():
                if not self._begin_block():
                    return
                self._render_one()
                rendered += 1
            if not self._behind():
                if self.cushions.block() != int(self.ring.header[WRITTEN]):   # slack: young garbage collected
                    gc.collect(0)   # between blocks, never mid-render nor while a dear change's block waits (cushion.py)
                self._wait()

    def _behind(self) -> bool:
        """Short of the lead. Its newest block is begun BEGIN_PHASE of a block after the device's cycle
        that made room for it (latency.py), not at once: a command arriving meanwhile is played a block
        sooner, and the block keeps 1 − BEGIN_PHASE of a block before its cycle at a lead of 1."""
        target, written = self._device_block() + self.ahead, int(self.ring.header[WRITTEN])
        if written - int(self.control.words[READ_BLOCK]) >= self.room:
            return False    # the ring is full: never over a block the output has not played
        cushion = self.cushions.block()
        if cushion is not None and written == cushion:   # a dear change's block: once all its messages are in,
            return self.cushions.complete()              # at once, however late (cushion.py)
        if cushion is not None and written < cushion and self.cushions.at_once(target):
            return True                                  # the blocks before it at once
        return written < target - 1 or (written < target and time.perf_counter_ns() >= self._due_ns(0))

    def _due_ns(self, cycles: int) -> int:
        """When the lead's newest block is due, `cycles` device cycles after the last one."""
        return int(self.control.words[PLAYED_NS]) + cycles * self.block_ns + self.phase_ns

    def _device_block(self) -> int:
        """The block the device takes next — or, when its cycle is more than half a block late, the one
        it would be taking by the clock: a busy host wakes the audio server's timer late, then it runs
        its cycles back to back to catch up, and with the slots waiting for READ_BLOCK to move those
        cycles found the cushion gone (each loss on the loaded VM followed such a late cycle). At most
        `ahead` more blocks (the ring keeps room for them)."""
        read, played_ns = int(self.control.words[READ_BLOCK]), int(self.control.words[PLAYED_NS])
        if not played_ns:
            return read
        late = (time.perf_counter_ns() - played_ns) / 1e9 / self.block_seconds - 1.5
        return read + min(self.ahead, max(0, int(late) + 1)) if late >= 0 else read

    def _begin_block(self) -> bool:
        """Commit to the next block, then take what is in the pipe: a command the shell is stamping
        right now may be for this very block, so its few microseconds are waited for (stamp_hold.py).
        The shell stamps at the first block no slot has begun (supervisor.py): with this order, either
        it sees this block begun and stamps the next, or its command is in the pipe before the render."""
        cushioned = self._before_cushion()
        self._held_in_vain = not stamp_hold.begin_block(self.ring.header, self.control.words,
                                                        _no_wait if cushioned else self._hold_wait_s)
        self._cushioned = cushioned
        return self._handle_commands()

    def _hold_wait_s(self) -> float:
        """How long the block about to begin may wait for a stamping in progress: until it must start rendering
        to be in the ring before the device's cycle takes it (twice the slot's mean render and a margin before),
        at least HOLD_WAIT_BLOCKS. A fixed quarter block gave up on a shell whose stamping thread waited 0.7 ms
        for a core at start-up (both cores taken by the output, the slots and the spares starting): the command
        was late in the standby, and it was re-synced (a CI run, session 39). Asked only while a stamping is in
        progress (stamp_hold.begin_block)."""
        read, played_ns = int(self.control.words[READ_BLOCK]), int(self.control.words[PLAYED_NS])
        self._waited_s = self.hold_wait_s
        if played_ns:
            cycle_ns = played_ns + (int(self.ring.header[WRITTEN]) - read + 1) * self.block_ns
            render_ns = 2 * self._render_ns // max(1, self._render_count) + int(RENDER_MARGIN_BLOCKS * self.block_ns)
            self._waited_s = max(self.hold_wait_s, (cycle_ns - render_ns - time.perf_counter_ns()) / 1e9)
        return self._waited_s

    def _render_one(self) -> None:
        started = time.perf_counter_ns()
        if self.swaps.pending():
            self.swaps.apply_due(self.timeline)
        block = self.timeline.render_block()
        written = int(self.ring.header[WRITTEN])
        self.ring.audio[written % self.ring.capacity] = block
        self.ring.header[WRITTEN] = written + 1
        self.cushions.rendered(written)
        took = time.perf_counter_ns() - started
        self.ring.header[CPU_NS] += took
        self._render_ns += took
        self._render_count += 1
        self.ring.header[PROCESS_CPU_NS] = time.process_time_ns()  # every thread of the process
        self._rendered += 1

    def _resync(self) -> None:
        """Fallen behind the output (a slow module, a stopped process): the blocks it has already
        passed can never be played, so they are dropped (skipped, not rendered) and the slot
        goes on from the output's position; the supervisor re-syncs the standby afterwards."""
        read = int(self.control.words[READ_BLOCK])
        written = int(self.ring.header[WRITTEN])
        if (read - written) * self.block_seconds <= RESYNC_BEHIND_S:
            return
        catching_up_s = (read - written) * self._render_ns / max(1, self._render_count) / 1e9
        if catching_up_s < RESYNC_BEHIND_S / 2 and not self.role.active:
            return  # a standby renders them, quickly, and stays exact; the active must play now
        cushion = self.cushions.block()
        read = read if cushion is None else min(read, cushion)  # never past a dear change's block unrendered
        fast_forward(self.timeline, self.swaps, read)
        self.ring.header[WRITTEN] = read
        self.ring.header[SKIPPED] += read - written
        self._report_slow()

    def _why_late(self, kind: str, at: int) -> str:
        """What a late command's report says (failover.py puts it in the re-sync's line): how late, and what the
        slot did as it began the block — so a late command seen on another machine names its cause."""
        blocks = (self.timeline.position - at) / self.timeline.block_size
        gave_up = f"gave up waiting for a stamping in progress after {1e3 * self._waited_s:.2f} ms"
        began = (gave_up if self._held_in_vain else
                 "rendered ahead of a dear change" if self._cushioned else "saw no stamping in progress")
        dear = self.cushions.block()
        return f"a {kind} item {blocks:g} blocks after its stamp; the slot {began}" + \
            ("" if dear is None else f" (a dear change open at block {dear})")

    def _report_slow(self) -> None:
        """Name the user module that takes the largest share of each block, if it is a large one."""
        now = time.monotonic()
        if self.marker is None or now - self._reported_at < SLOW_REPORT_S:
            return
        slowest = self.marker.slowest(self._rendered)
        self._rendered, self._reported_at = 0, now
        block_ms = 1000 * self.block_seconds
        if slowest is not None and slowest[1] >= SLOW_SHARE * block_ms:
            self.conn.send(("slow", slowest[0], round(slowest[1], 2), round(block_ms, 2)))

    def _wait(self) -> None:
        """Until the lead's newest block is due (a precise sleep), or a quarter block while the device's
        cycle is late; commands wait in the pipe meanwhile (read as a block begins: stamp_hold.py)."""
        if self.cushions.block() == int(self.ring.header[WRITTEN]):   # its messages, read as they come
            self.conn.poll(self.block_seconds / 8)
            return
        now = time.perf_counter_ns()
        due = next((at for at in (self._due_ns(0), self._due_ns(1)) if at > now), now + self.block_ns // 4)
        time.sleep(min(due - now, self.block_ns // 4 if due > self._due_ns(1) else self.block_ns) / 1e9)

    def _handle_commands(self) -> bool:
        """Apply queued commands; False when the slot must exit (stop, or the shell is gone)."""
        try:
            while self._reading() and self.conn.poll():
                item = self.conn.recv()
                if item[0] == "cushion":
                    self.cushions.opened(*item[1:])
                elif not self._handle(item):
                    return False
                elif item[0] in ("msg", "msgs"):
                    self.cushions.read(item[1])
        except (EOFError, OSError):
            self.shell_gone = True
            return False
        return True

    def _reading(self) -> bool:
        """Not while the blocks before a dear change "now" are rendered: its messages are read at its block — but
        for a load's parts at a later time still to come (cushion.Ahead.awaited)."""
        return not self._before_cushion() or self.cushions.awaited()

    def _before_cushion(self) -> bool:
        """Before the block of a dear change sent "now": what comes after it in the pipe is stamped at it or later."""
        cushion = self.cushions.block()
        return cushion is not None and int(self.ring.header[WRITTEN]) < cushion and self.cushions.now()

    def _handle(self, item) -> bool:
        kind = item[0]
        if kind in ("msg", "msgs"):   # one message, or a session's load at one sample (cushion.py)
            _, at, messages = item
            if at < self.timeline.position:     # the report first: the monitor reads it once it sees the count
                self.conn.send(("late", self._why_late(kind, at)))
                self.ring.header[LATE_COMMANDS] += 1
            for msg in messages if kind == "msgs" else [messages]:
                try:
                    self.timeline.schedule(msg, at)
                except EngineError as err:
                    self.conn.send(("error", str(err)))
        elif kind == "user_module":
            _, name, source, path, at = item
            if self.marker is not None:
                self.marker.enter(name)  # a process that dies importing it names the type
            try:
                self.swaps.receive(name, source, path, at)
            except Exception as err:  # noqa: BLE001 — validated in the pool; never end the slot over it
                self.conn.send(("module_failed", name, f"{type(err).__name__}: {err}"))
            finally:
                if self.marker is not None:
                    self.marker.leave()
        elif kind == "sample":        # decoded by the shell: attached between blocks, before its message
            attach_sample(*item[1:])
        elif kind == "snapshot":
            data = pickle.dumps(self.timeline, protocol=pickle.HIGHEST_PROTOCOL)
            self.conn.send(("snapshot", data, self.timeline.position // self.timeline.block_size))
        elif kind == "status":
            self.conn.send(("status", self.timeline.status()))
        elif kind == "state":
            self.conn.send(("state", self.timeline.engine.patch_state()))
        elif kind == "peek":          # what the sequencer will play (MIDI out, clock): read on a copy
            self.conn.send(("peek", peek(self.timeline, item[1])))
        elif kind == "bar":
            self.conn.send(("bar", self.timeline.engine.sequencer.next_bar(item[1])))
        elif kind == "stop":
            return False
        return True
