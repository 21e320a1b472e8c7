"""The patch graph and the Engine: modules, audio and modulation edges, voices, sample-exact events.

The Engine is deterministic (same messages at the same samples and block size → same bytes) and
pickles whole, which is how the supervisor brings a new standby slot into lockstep. Changes are
diff-applied: adding or removing a module or edge never rebuilds or resets the others.
"""
from __future__ import annotations

import heapq

import numpy as np

from ..protocol.message import Message
from .catalogue import CATALOGUE
from .edge_fades import EdgeFades, fade_from_old_version
from .user_modules.hang_guard import HangGuard, ModuleHung
from .modules.base import Module, all_finite
from .params import ParamError
from .patch_shape import PatchShape
from .poly import Polyphony
from .voice_members import connected_components
from . import ramps
from .render_plan import Plan, build_plan
from .sequencer import Sequencer
from .stereo import Bus, carried_pan, mono
from .user_modules.loading import USER_PACKAGE
from .engine_addresses import EngineError, apply, validate


PATCH_SCHEMA_VERSION = 1  # the session file schema that patch_state() produces
NO_MODULATION: dict = {}  # what an unmodulated module is given (read only)


class Engine:
    """One patch graph plus its sequencer, rendered block by block."""

    def __init__(self, sample_rate: int = 48000, block_size: int = 256, *, contain_faults: bool = True,
                 hang_guard: HangGuard | None = None):
        self.sample_rate = sample_rate
        self.block_size = block_size
        self.contain_faults = contain_faults  # off in the sandbox pool: a module's exception is its verdict there
        self.hang_guard = hang_guard          # in the slots: a user module that hangs is bypassed
        self.position = 0
        self.modules: dict[str, Module] = {"master": CATALOGUE["master"](sample_rate)}
        self.edges: list[tuple[str, str]] = []
        self.mod_edges: list[tuple[str, str, str]] = []
        self.sequencer = Sequencer(sample_rate)
        self.poly = Polyphony()  # polyphonic voices: note counts, note copies, allocation (engine/poly.py)
        self.shape = PatchShape.of(self)  # what the patch will be once the queue is applied
        self.faults: list[str] = []
        self._queue: list[tuple[int, int, Message]] = []
        self._serial = 0
        self.delayed: set[int] = set()  # serials of queued commands an /at put there (/at/cancel takes them)
        self._order: Plan | None = None  # the render plan, compiled again after every graph change
        self._voice_of: dict[str, tuple[str, ...]] | None = None
        self.fades = EdgeFades(sample_rate)  # audio edges switched under a sounding module
        self._ramps: dict[tuple[str, str], np.ndarray] = {}
        self._pans: dict[str, np.ndarray] = {}   # this segment's pan of every module off centre
        self._born: dict[str, int] = {}  # module id → the sample it was created at
        self.swaps: dict[str, tuple[Module, int]] = {}  # hot-reloaded id → (old version, samples faded)
        self.settings: dict[str, dict] = {}  # id → the params /mod set (a note's pitch is not one): what is saved
        self.param_ramps: dict[tuple[str, str], ramps.Ramp] = {}  # (id, param) → its running /ramp
        self.held: dict[str, bool] = {}  # voice module id → whether the voice's last gate opened a note

    def __getstate__(self) -> dict:
        # an old version fading out after a hot reload cannot pickle (its class was replaced):
        # a snapshot taken in those 5 ms goes on with the new version alone; the hang guard is the
        # process's own timer: a copy is guarded where it plays (Timeline.guard_hangs)
        return {**self.__dict__, "swaps": {}, "_order": None, "hang_guard": None}

    # -- messages ---------------------------------------------------------------
    def check(self, msg: Message) -> None:
        """Raise EngineError if `msg` would be rejected; changes nothing."""
        self.validate(msg, self.shape.copy())

    def schedule(self, msg: Message, at: int | None = None) -> None:
        """Validate, then queue `msg` for sample `at` (None or past → the next sample rendered)."""
        self.validate(msg, self.shape)
        stamp = self.position if at is None else max(int(at), self.position)
        heapq.heappush(self._queue, (stamp, self._serial, msg))
        self._serial += 1

    def validate(self, msg: Message, shape: PatchShape) -> str | None:
        """Validate `msg` against `shape`, recording its effect there (engine/engine_addresses.py)."""
        return validate(msg, shape)

    # -- voices -----------------------------------------------------------------
    def voice(self, module_id: str) -> tuple[str, ...]:
        """The ids of the voice containing `module_id`: its audio-connected chain, master excluded."""
        if self._voice_of is None:
            self._voice_of = connected_components(self.modules, self.edges)
        return self._voice_of.get(module_id, ())

    def _note(self, module_id: str, on: bool, freq, accent: float) -> None:
        """A note (freq: Hz, a chord's tuple of Hz, or None) on the voice; a poly voice's per-note
        modules play it in note rows (engine/poly.py), the rest of the voice hears its gate."""
        voice = self.voice(module_id)
        self.held.update(dict.fromkeys(voice, on))
        if self.poly.fit_chord(voice, self.modules, on, freq):
            self._order = None
        per_note = ()
        if self.poly.count(voice) > 1:
            self._order = self._order or self._plan()
            per_note = self.poly.play(voice, self.modules, self._order.fused, on, freq, accent)
        for member in voice:
            module = self.modules[member]
            if member in per_note:
                continue
            if on:
                module.note_on(freq[0] if isinstance(freq, tuple) else freq, accent)
            else:
                module.note_off()

    # -- rendering --------------------------------------------------------------
    def render(self, n: int) -> np.ndarray:
        """The next n samples folded to mono ((L + R) / 2, float32): where nothing is panned or
        stereo, exactly the mono engine's output. For analysis and tests; the output is render_stereo."""
        out = self.render_stereo(n)
        return (out[:, 0] + out[:, 1]) * np.float32(0.5)

    def render_stereo(self, n: int) -> np.ndarray:
        """The next n frames of the master output, (n, 2) float32, every event at its exact sample."""
        out = np.empty((n, 2), dtype=np.float32)
        end = self.position + n
        self.apply_due()
        while self.position < end:
            stop = min(end, self._queue[0][0]) if self._queue else end
            for sample, target, on, freq, accent in self.sequencer.events(self.position, stop - self.position):
                self._render_into(out, end, sample)
                if target in self.modules:
                    self._note(target, on, freq, accent)
            self._render_into(out, end, stop)
            self.apply_due()
        return out

    def skip(self, n: int) -> None:
        """Move n samples on without rendering them (a restored or lagging slot drops what can no
        longer be played): messages and note events still apply at their samples, so the patch,
        the tempo, the bar position and the gates are what they would have been."""
        end = self.position + n
        self.apply_due()
        while self.position < end:
            stop = min(end, self._queue[0][0]) if self._queue else end
            for _, target, on, freq, accent in self.sequencer.events(self.position, stop - self.position):
                if target in self.modules:
                    self._note(target, on, freq, accent)
            self.position = stop
            self.apply_due()

    def apply_due(self) -> None:
        """Apply every queued message stamped at or before the current position."""
        while self._queue and self._queue[0][0] <= self.position:
            _, _, msg = heapq.heappop(self._queue)
            apply(self, msg, self.position)

    def _render_into(self, out: np.ndarray, end: int, stop: int) -> None:
        """Render [position, stop) into the matching slice of `out` (which ends at sample `end`)."""
        count = stop - self.position
        if count <= 0:
            return
        offset = len(out) - (end - self.position)
        self._render_segment(count, out[offset:offset + count])
        self.position = stop

    def _render_segment(self, n: int, out: np.ndarray) -> None:
        """Render n samples into `out` (float32): the voice bank, every other module, the master."""
        if self.param_ramps:
            ramps.drive(self, n)
        if self._order is None:
            self._order = self._plan()
        plan = self._order
        self._ramps = self.fades.ramps(n) if self.fades.fading else {}
        self._pans = {m: self.modules[m].param_block("pan", n) for m in plan.panned} if plan.panned else {}
        outputs: dict[str, np.ndarray] = {}
        total = np.zeros(n)
        silence = np.zeros(n) if plan.steps or plan.early or plan.drums else None
        for module_id, inputs, modulators in plan.early:
            outputs[module_id] = self._render_module(module_id, inputs, modulators, outputs, silence)
        if plan.bank is not None:
            self._render_voices(plan, n, total, outputs)
        if plan.drums is not None:
            for module_id in plan.drums.render(n, total, outputs, silence):
                self._contain_fault(module_id, "produced NaN/Inf or a wrong shape")
                self._order = None
        for module_id, inputs, modulators in plan.steps:
            outputs[module_id] = self._render_module(module_id, inputs, modulators, outputs, silence)
        bus = Bus(total, silent=not plan.into_total)
        for src in plan.master_inputs:
            bus.add(self._fed(src, "master", outputs) if self._ramps else outputs[src],
                    self._pan_of(src) if self._pans else None, True)
        self.modules["master"].mix_down(bus.master(), out, _modulation(plan.master_modulators, outputs)
                                        if plan.master_modulators else NO_MODULATION)
        if self.poly.fading_out:
            self._order = None                   # notes a voice lost room for may have faded out
        if plan.panned and any(self.modules[m].current["pan"] == self.modules[m].targets["pan"] == 0.0
                               for m in plan.panned):
            self._order = None                   # a pan glided back to the centre: the bank may sum it again
        if self._ramps:
            fading = len(self.fades.fading)
            if self.fades.advance(n) or len(self.fades.fading) != fading:
                self._order = None               # a faded-out edge leaves the plan; a faded-in one may fuse

    def _render_voices(self, plan: Plan, n: int, total: np.ndarray, outputs: dict) -> None:
        """Every fused voice chain in one kernel call (what modulates them in one more); a voice that
        went NaN/Inf is silenced and reset."""
        block = plan.bank.render(n, total, [mono(outputs[m]) for m in plan.given] if plan.given else ())
        for module_id, k in plan.lfo_outputs:   # an LFO of the bank also heard elsewhere
            outputs[module_id] = plan.bank.modulation.source(k)
        for module_id, v in plan.shared:   # a poly voice's notes (several rows) summed into its output
            row = np.ascontiguousarray(block[:, v])
            outputs[module_id] = outputs[module_id] + row if module_id in outputs else row
        if plan.bank.broken:
            for v in np.flatnonzero(~plan.bank.ok):
                ids = plan.bank_ids[v]
                broken = [m for m in ids if not all(np.isfinite(getattr(self.modules[m], attr)).all()
                                                    for attr, _ in self.modules[m].STATE)]
                self._contain_fault((broken or ids)[-1 if not broken else 0], "produced NaN/Inf")
                outputs[ids[-1]] = np.zeros(n)
                self.poly.reset(ids)       # a poly voice's notes start afresh with it
            self._order = None

    def _plan(self) -> Plan:
        """The render plan, with the edges still fading out (dropped if they would make a cycle)."""
        leaving = [e for e in self.fades.leaving() if e[0] in self.modules and e[1] in self.modules]
        fading = set(self.fades.fading)
        self.poly.sync(self.modules, self.voice)
        copies = self.poly.copies
        try:
            plan = build_plan(self.modules, self.edges + leaving, self.mod_edges, fading, self.sample_rate, copies)
        except ParamError:
            for edge in leaving:
                self.fades.fading.pop(edge, None)
            plan = build_plan(self.modules, self.edges, self.mod_edges, set(self.fades.fading), self.sample_rate,
                              copies)
        if self.poly.joining:
            self.poly.settle(plan.fused, self.modules)
        return plan

    def _pan_of(self, src: str) -> np.ndarray | None:
        """This segment's pan of `src`'s mono output (None: centred, no multiplication)."""
        return carried_pan(self._order.carried.get(src, ()), self._pans) if self._pans else None

    def _fed(self, src: str, dst: str, outputs) -> np.ndarray:
        """What `src` feeds into `dst` (faded while that edge changes)."""
        ramp = self._ramps.get((src, dst))
        return outputs[src] if ramp is None else outputs[src] * ramp

    def _render_module(self, module_id, inputs, modulators, outputs, base) -> np.ndarray:
        module = self.modules[module_id]
        if module.rests() and not (self.swaps and module_id in self.swaps):
            return base                           # silence (`base` is the segment's zeros, never written)
        if module.CHANNELS == 2:
            bus = Bus(base)
            for src in inputs:
                bus.add(self._fed(src, module_id, outputs) if self._ramps else outputs[src], self._pan_of(src))
            audio_in = bus.stereo()
        else:
            audio_in = base                       # a source, drum or LFO hears the segment's zeros
            for src in inputs:                    # a mono input: the sum from zeros, as a mono Bus sums it
                audio_in = audio_in + mono(self._fed(src, module_id, outputs) if self._ramps else outputs[src])
        modulation = _modulation(modulators, outputs) if modulators else NO_MODULATION
        block = self._run(module_id, module, audio_in, modulation)
        if self.swaps and module_id in self.swaps:  # a hot reload: the old version fades into the new one
            return fade_from_old_version(self.swaps, module_id, block, audio_in, modulation, self.fades.step)
        return block

    def _run(self, module_id, module, audio_in, modulation) -> np.ndarray:
        """One module's block: a user module's exception, NaN or hang is contained here (a
        processor that hung passes its input through; anything else is silent)."""
        n = audio_in.shape[-1]
        if getattr(module, "hung", False):
            return _bypassed(module, audio_in)
        guard = self.hang_guard
        if guard is not None and not type(module).__module__.startswith(USER_PACKAGE):
            guard = None                                   # built-ins are trusted: no timer per call
        try:
            if guard is None:
                block = module.process(audio_in, module.params(n, modulation))
            else:
                with guard.watching(module_id):
                    block = module.process(audio_in, module.params(n, modulation))
            healthy = block.shape == audio_in.shape and all_finite(block)
        except ModuleHung:
            module.hung = True
            self.faults.append(f"{module_id} hung in process() for {guard.limit_s:g} s at sample {self.position}: "
                               "bypassed until a fixed version is saved")
            return _bypassed(module, audio_in)
        except Exception as err:  # noqa: BLE001 — a user module's bug must not stop the music
            if not self.contain_faults:
                raise
            healthy, reason = False, f"raised {type(err).__name__}: {err}"
        else:
            reason = "produced NaN/Inf or a wrong shape"
        return block if healthy else self._contain_fault(module_id, reason)(n)

    def _contain_fault(self, module_id: str, reason: str):
        """Replace a module that failed (NaN/Inf, wrong shape, exception) by a fresh instance; report it."""
        old = self.modules[module_id]
        fresh = type(old)(self.sample_rate)
        fresh.targets = dict(old.targets)
        self.modules[module_id] = fresh
        self.faults.append(f"{module_id} {reason} at sample {self.position}: silenced and reset")
        return np.zeros

    # -- state ------------------------------------------------------------------
    def patch_state(self) -> dict:
        """The patch as JSON-able data (session snapshots): modules, params, edges, sequencer."""
        return {
            "schema_version": PATCH_SCHEMA_VERSION,
            "modules": {
                module_id: {"type": m.spec.type, "params": self._set_params(module_id, m)}
                for module_id, m in self.modules.items()
            },
            "edges": [list(e) for e in self.edges],
            "mod_edges": [[src, f"{dst}.{param}"] for src, dst, param in self.mod_edges],
            "sequencer": self.sequencer.state(),
        } | ({"poly": self.poly.state()} if self.poly.counts else {}) \
          | ({"ramps": running} if (running := ramps.in_progress(self)) else {})

    def _set_params(self, module_id: str, module: Module) -> dict:
        """Params as the musician set them (else defaults), never a playing note's pitch."""
        settings = self.settings.get(module_id, {})
        return {name: settings.get(name, default) for name, default in module.spec.defaults().items()}


def _modulation(modulators, outputs: dict) -> dict[str, np.ndarray]:
    """param → the sum of what modulates it, each source folded to mono."""
    modulation = {}
    for src, param in modulators:
        modulation[param] = modulation.get(param, 0.0) + mono(outputs[src])
    return modulation


def _bypassed(module: Module, audio_in: np.ndarray) -> np.ndarray:
    return audio_in if module.spec.role == "processor" else np.zeros(audio_in.shape)


__all__ = ["Engine", "EngineError"]
