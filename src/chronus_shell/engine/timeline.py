"""The Timeline: an Engine plus transactions, rendered block by block — offline and in every slot.

Offline render and the real-time slots run this same code on the same stamped messages, which is
why a real-time recording equals an offline render bit for bit. Transactions:
- `/patch/begin` (at a block boundary) clones the engine into `pending`; `/patch/*` then build on
  `pending` only, other messages reach both graphs where valid, and both keep rendering in step;
- `/patch/commit` starts an equal-gain crossfade old → pending at the first block boundary at or
  after its stamp, lasting COMMIT_FADE_MS; then pending is the engine;
- `/patch/abort` drops pending; the music never notices.
"""
from __future__ import annotations

import copy
import heapq
from collections.abc import Callable, Iterable

import numpy as np

from ..protocol.message import Address, Message
from . import tempo_curve
from .engine import Engine, EngineError
from .engine_addresses import HEADS
from .user_modules.hang_guard import HangGuard
from .patch_shape import PatchShape

COMMIT_FADE_MS = 15.0
TRANSACTIONS = (
    Address("/patch/begin", "", doc="open a transaction on the standby slot"),
    Address("/patch/commit", "", doc="crossfade to the standby slot"),
    Address("/patch/abort", "", doc="drop the open transaction"),
)
TRANSACTION = tuple(address.path for address in TRANSACTIONS)


def crossfade_curve(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Raised-cosine fade of n samples: (fade_out, fade_in), with fade_out + fade_in = 1.

    Equal gain, not equal power: old and pending mostly play the same patch (correlated), where an
    equal-power fade swells by up to 3 dB and would push a limited master above 0 dBFS; a sum
    of weights of 1 keeps every sample within the louder of the two graphs."""
    angle = (np.arange(n) + 0.5) / n * (np.pi / 2)
    fade_in = np.sin(angle) ** 2
    return (1.0 - fade_in).astype(np.float32), fade_in.astype(np.float32)


def is_engine_message(msg: Message) -> bool:
    """Messages the Timeline renders; /record, /session, /engine and /shell belong elsewhere."""
    parts = msg.parts
    return bool(parts) and parts[0] in HEADS


class Timeline:
    def __init__(self, sample_rate: int = 48000, block_size: int = 256, hang_guard: HangGuard | None = None):
        self.sample_rate = sample_rate
        self.block_size = block_size
        self.engine = Engine(sample_rate, block_size, hang_guard=hang_guard)
        self.pending: Engine | None = None
        self.fade_length = max(1, round(COMMIT_FADE_MS * 1e-3 * sample_rate))
        self._fade_out, self._fade_in = crossfade_curve(self.fade_length)
        self._fading: tuple[Engine, int] | None = None  # (old engine, samples faded so far)
        self._queue: list[tuple[int, int, Message]] = []
        self._serial = 0
        self._live_shape = self.engine.shape.copy()  # the patch as scheduled so far
        self._pending_shape: PatchShape | None = None
        self.commits: list[int] = []  # sample where each crossfade started

    @property
    def position(self) -> int:
        return self.engine.position

    @property
    def in_transaction(self) -> bool:
        return self._pending_shape is not None

    def engines(self) -> list[Engine]:
        """The graphs playing now: the live one, a transaction's pending one, one fading out."""
        return [e for e in (self.engine, self.pending, self._fading and self._fading[0]) if e]

    def guard_hangs(self, guard: HangGuard) -> None:
        """Give every graph the hang guard of the process it plays in (a guard never pickles)."""
        for engine in self.engines():
            engine.hang_guard = guard

    # -- messages ---------------------------------------------------------------
    def check(self, msg: Message) -> None:
        """Raise EngineError if `msg` would be rejected; changes nothing."""
        self._validate(msg, commit_plan=False)

    def admit(self, msg: Message) -> str | None:
        """Validate against the patch as scheduled so far and record its effect (no queueing).

        The supervisor keeps a Timeline that is never rendered and admits every message to it, so
        invalid messages are refused in the shell before they reach a slot. Returns a line for the
        musician when the message does more than it says (a chord made a voice polyphonic).
        """
        return self._validate(msg, commit_plan=True)

    def schedule(self, msg: Message, at: int | None = None) -> None:
        """Validate against the patch as scheduled so far, then queue for sample `at`."""
        self.admit(msg)
        stamp = self.position if at is None else max(int(at), self.position)
        heapq.heappush(self._queue, (stamp, self._serial, msg))
        self._serial += 1

    def _validate(self, msg: Message, commit_plan: bool) -> str | None:
        if msg.address in TRANSACTION:
            opening = msg.address == "/patch/begin"
            if opening == self.in_transaction:
                raise EngineError("a transaction is already open: commit or abort it first" if opening
                                  else "no transaction is open: begin one first")
            if commit_plan:
                if opening:
                    self._pending_shape = self._live_shape.copy()
                else:
                    if msg.address == "/patch/commit":
                        self._live_shape = self._pending_shape
                    self._pending_shape = None
            return
        if not is_engine_message(msg):
            return
        if msg.parts[0] == "patch" or not self.in_transaction:
            shape = self._pending_shape if self.in_transaction else self._live_shape
            return self.engine.validate(msg, shape if commit_plan else shape.copy())
        errors = []
        for shape in (self._pending_shape, self._live_shape):
            try:
                self.engine.validate(msg, shape if commit_plan else shape.copy())
            except EngineError as err:
                errors.append(err)
        if len(errors) == 2:
            raise errors[0]

    def _dispatch(self, msg: Message, at: int) -> None:
        if msg.address == "/patch/begin":
            self.pending = copy.deepcopy(self.engine)
            self.pending.hang_guard = self.engine.hang_guard
        elif msg.address == "/patch/commit":
            self._fading = (self.engine, 0)
            self.engine, self.pending = self.pending, None
            self.commits.append(self.position)
        elif msg.address == "/patch/abort":
            self.pending = None
        elif not is_engine_message(msg):
            return
        elif self.pending is None or msg.parts[0] == "patch":
            try:
                if self.pending is None and msg.address == "/patch/remove" and self._fading is None \
                        and self._heard(str(msg.args[0])):
                    self._fade_from_copy(at)
                (self.engine if self.pending is None else self.pending).schedule(msg, at)
            except EngineError as err:   # checked when sent, but for a graph as it was then: never stop the music
                self.engine.faults.append(f"{msg} (at sample {at}): {err} — dropped")
        else:
            for engine in (self.engine, self.pending):
                try:
                    engine.schedule(msg, at)
                except EngineError:
                    pass  # valid in the other graph only (checked when scheduled)

    def _heard(self, module_id: str) -> bool:
        """Whether `module_id` can reach the master (an audio or modulation path, an edge still fading
        out, or a connection still queued): removing a module nobody hears changes no sample, so it
        needs no fade — and no copy of the whole engine (a flood of such removals stalled the slots)."""
        engine = self.engine
        if any(queued.address == "/patch/connect" for _, _, queued in engine._queue):
            return True
        heard, grew = {"master"}, True
        while grew and module_id not in heard:
            before = len(heard)
            heard.update(src for src, dst in engine.edges + engine.fades.leaving() if dst in heard)
            heard.update(src for src, dst, _ in engine.mod_edges if dst in heard)
            grew = len(heard) > before
        return module_id in heard

    def _fade_from_copy(self, at: int) -> None:
        """A module removed outside a transaction (`remove the filter`, `swap the sine for a
        triangle`): the graph as it was plays on and crossfades into the new one from the sample of
        the removal, as a commit does — the old output never steps to 0 in one sample. Messages of
        the same sample after it (the reconnection, the new module) reach the new graph only."""
        old = copy.deepcopy(self.engine)
        old.hang_guard = self.engine.hang_guard
        self._fading = (old, -max(0, int(at) - self.position))   # (negative: the fade starts `at`)

    # -- rendering --------------------------------------------------------------
    def render_block(self) -> np.ndarray:
        """The next block: (block_size, 2) float32 frames."""
        size = self.block_size
        self._dispatch_due()
        out = self.engine.render_stereo(size)
        if self.pending is not None:
            self.pending.render_stereo(size)
        if self._fading is not None:
            out = self._crossfade(out)
        return out

    def skip_block(self) -> None:
        """The next block without rendering it (see Engine.skip); a commit's crossfade ends at once."""
        self._fading = None
        self._dispatch_due()
        self._fading = None
        for engine in (self.engine, self.pending):
            if engine is not None:
                engine.skip(self.block_size)

    def _dispatch_due(self) -> None:
        start = self.position
        while self._queue and self._queue[0][0] < start + self.block_size:
            at, _, msg = self._queue[0]
            if msg.address in TRANSACTION and (at > start or (self._fading and msg.address == "/patch/commit")):
                break  # transactions act on block boundaries, one crossfade at a time
            heapq.heappop(self._queue)
            self._dispatch(msg, at)

    def _crossfade(self, new: np.ndarray) -> np.ndarray:
        old_engine, done = self._fading
        old = old_engine.render_stereo(len(new))
        skip, done = max(0, -done), max(0, done)      # a removal's fade starts inside its block
        count = min(len(new) - skip, self.fade_length - done)
        out = new.copy()
        out[skip:skip + count] = (old[skip:skip + count] * self._fade_out[done:done + count, None]
                                  + new[skip:skip + count] * self._fade_in[done:done + count, None])
        done += count
        self._fading = None if done >= self.fade_length else (old_engine, done)
        return out

    def status(self) -> dict:
        glide = tempo_curve.in_progress(self.engine.sequencer)   # the tempo now, mid-glide too
        return {
            "position": self.position, "in_transaction": self.in_transaction,
            "tempo": glide["from"] if glide else float(self.engine.sequencer.bpm),
            "modules": len(self.engine.modules), "faults": list(self.engine.faults[-5:]),
            "commits": list(self.commits[-5:]),
        }


def render_script(events: Iterable[tuple[int, Message]], seconds: float, sample_rate: int = 48000,
                  block_size: int = 256, progress: Callable[[int, int], None] | None = None,
                  after_block: Callable[[Timeline], None] | None = None) -> np.ndarray:
    """Render stamped messages offline for `seconds`: (frames, 2) float32, deterministic to the bit.
    `after_block(timeline)` sees the timeline after each block (`chronus render` saves sessions there)."""
    timeline = Timeline(sample_rate, block_size)
    for at, msg in events:
        timeline.schedule(msg, at)
    total = int(round(seconds * sample_rate))
    blocks = -(-total // block_size)
    out = np.empty((blocks * block_size, 2), dtype=np.float32)
    for index in range(blocks):
        out[index * block_size:(index + 1) * block_size] = timeline.render_block()
        if progress is not None:
            progress(index + 1, blocks)
        if after_block is not None:
            after_block(timeline)
    return out[:total]
