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
from ..engine.graph import Engine, EngineError
from ..engine.hang_guard import HangGuard
from ..engine.render import Timeline
from ..engine.user_modules_install import ModuleSwaps, install_user_module
from . import realtime
from .rings import (
    ACTIVE_SLOT, CPU_NS, LATE_COMMANDS, READ_BLOCK, SLOT_PID, WRITTEN, Control, Ring,
    leave_signals_to_the_shell, raise_priority, release_blocks_of_a_dead_shell,
)


def slot_main(conn, control_name: str) -> None:
    """Process entry: warm up, report ready, wait for an assignment, then render until told to stop."""
    leave_signals_to_the_shell()
    raise_priority()
    warmup()
    realtime.lock_memory()  # while warming up: a spare takes over without paging in
    conn.send(("ready", os.getpid()))
    try:
        kind, *assignment = conn.recv()
        while kind == "user_module":  # accepted user modules, before any snapshot that uses them
            install_user_module(*assignment[:3])
            kind, *assignment = conn.recv()
    except (EOFError, OSError):
        return
    if kind != "assign":
        return
    ring_name, capacity, block_size, ahead, max_catchup, timeline_bytes, sample_rate = assignment
    try:
        control = Control(control_name, create=False)
        ring = Ring(ring_name, capacity, block_size, create=False)
    except FileNotFoundError:
        return  # the shell stopped while this worker was being assigned
    timeline = pickle.loads(timeline_bytes) if timeline_bytes else Timeline(sample_rate, block_size)
    Engine.hang_guard = HangGuard()  # a user module stuck in process() is bypassed, in both slots alike
    loop = SlotLoop(conn, control, ring, timeline, ahead, max_catchup)
    try:
        loop.run()
    finally:
        ring.block.close()
        control.block.close()
    if loop.shell_gone:
        release_blocks_of_a_dead_shell(control_name)


class SlotLoop:
    def __init__(self, conn, control: Control, ring: Ring, timeline: Timeline, ahead: int, max_catchup: int):
        self.conn, self.control, self.ring, self.timeline = conn, control, ring, timeline
        self.ahead, self.max_catchup = ahead, max_catchup
        self.block_seconds = timeline.block_size / timeline.sample_rate
        self.swaps = ModuleSwaps()  # hot-reloaded user modules, switched at a stamped block
        self.shell_gone = False     # the pipe closed without a stop: the shell crashed
        ring.reset(timeline.position // timeline.block_size)
        ring.header[SLOT_PID] = os.getpid()
        self.role = realtime.SlotRole(control.words, ring.block.name, ACTIVE_SLOT, self.block_seconds)

    def run(self) -> None:
        gc.disable()
        self.conn.send(("assigned", self.timeline.position))
        while self._handle_commands():
            self.role.follow()  # real-time scheduling as active, one step below as standby
            rendered = 0
            while rendered < self.max_catchup and self._behind():
                self._render_one()
                rendered += 1
            if not self._behind():
                gc.collect(0)  # slack: collect young garbage between blocks, never mid-render
                self._wait()

    def _behind(self) -> bool:
        return self.ring.header[WRITTEN] < self.control.words[READ_BLOCK] + self.ahead

    def _render_one(self) -> None:
        started = time.perf_counter_ns()
        if self.swaps.pending():
            self.swaps.apply_due(self.timeline)
        block = self.timeline.render_block()
        written = int(self.ring.header[WRITTEN])
        self.ring.audio[written % self.ring.capacity] = block
        self.ring.header[WRITTEN] = written + 1
        self.ring.header[CPU_NS] += time.perf_counter_ns() - started

    def _wait(self) -> None:
        try:
            self.conn.poll(self.block_seconds / 4)
        except (EOFError, OSError):
            pass

    def _handle_commands(self) -> bool:
        """Apply queued commands; False when the slot must exit (stop, or the shell is gone)."""
        try:
            while self.conn.poll():
                item = self.conn.recv()
                if not self._handle(item):
                    return False
        except (EOFError, OSError):
            self.shell_gone = True
            return False
        return True

    def _handle(self, item) -> bool:
        kind = item[0]
        if kind == "msg":
            _, at, msg = item
            if at < self.timeline.position:
                self.ring.header[LATE_COMMANDS] += 1
            try:
                self.timeline.schedule(msg, at)
            except EngineError as err:
                self.conn.send(("error", str(err)))
        elif kind == "user_module":
            _, name, source, path, at = item
            try:
                self.swaps.receive(name, source, path, at)
            except Exception as err:  # noqa: BLE001 — validated in the pool; never end the slot over it
                self.conn.send(("error", f"user module {name} did not load in a slot: {err}"))
        elif kind == "snapshot":
            data = pickle.dumps(self.timeline, protocol=pickle.HIGHEST_PROTOCOL)
            self.conn.send(("snapshot", data, self.timeline.position // self.timeline.block_size))
        elif kind == "status":
            self.conn.send(("status", self.timeline.status()))
        elif kind == "state":
            self.conn.send(("state", self.timeline.engine.patch_state()))
        elif kind == "bar":
            self.conn.send(("bar", self.timeline.engine.sequencer.next_bar(item[1])))
        elif kind == "stop":
            return False
        return True
