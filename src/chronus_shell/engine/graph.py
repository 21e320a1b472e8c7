"""The patch graph and the Engine: modules, audio and modulation edges, voices, sample-exact events.

The Engine is deterministic (same messages at the same samples and block size → same bytes) and
pickles whole, which is how the supervisor brings a new standby slot into lockstep. Changes are
diff-applied: adding or removing a module or edge never rebuilds or resets the others.
"""
from __future__ import annotations

import heapq

import numpy as np

from ..protocol.message import Message
from .catalogue import CATALOGUE, module_spec
from .edge_fades import EdgeFades, fade_from_old_version
from .hang_guard import HangGuard, ModuleHung
from .modules.base import Banked, Module, bank_params
from .params import ParamError
from .patch_shape import PatchShape
from .sequencer import Sequencer
from .user_modules import USER_PACKAGE


PATCH_SCHEMA_VERSION = 1  # the session file schema that patch_state() produces


class EngineError(ParamError):
    """An invalid message; the text is one readable line naming the valid choices."""


class Engine:
    """One patch graph plus its sequencer, rendered block by block."""

    contain_faults = True  # the sandbox pool turns this off to see a module's exceptions itself
    hang_guard: HangGuard | None = None  # set in the slots: user modules that hang are bypassed

    def __init__(self, sample_rate: int = 48000, block_size: int = 256):
        self.sample_rate = sample_rate
        self.block_size = block_size
        self.position = 0
        self.modules: dict[str, Module] = {"master": CATALOGUE["master"](sample_rate)}
        self.edges: list[tuple[str, str]] = []
        self.mod_edges: list[tuple[str, str, str]] = []
        self.sequencer = Sequencer(sample_rate)
        self.shape = PatchShape.of(self)  # what the patch will be once the queue is applied
        self.faults: list[str] = []
        self._queue: list[tuple[int, int, Message]] = []
        self._serial = 0
        self._order: list[str] | None = None
        self._voice_of: dict[str, tuple[str, ...]] | None = None
        self.fades = EdgeFades(sample_rate)  # audio edges switched under a sounding module
        self._ramps: dict[tuple[str, str], np.ndarray] = {}
        self._born: dict[str, int] = {}  # module id → the sample it was created at
        self.swaps: dict[str, tuple[Module, int]] = {}  # hot-reloaded id → (old version, samples faded)

    def __getstate__(self) -> dict:
        # an old version fading out after a hot reload cannot pickle (its class was replaced):
        # a snapshot taken in those 5 ms goes on with the new version alone
        return {**self.__dict__, "swaps": {}}

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

    def validate(self, msg: Message, shape: PatchShape) -> None:
        """Validate `msg` against `shape` (the patch as it will be), recording its effect there."""
        parts = msg.parts
        if not parts:
            raise EngineError(f"empty address {msg.address!r}")
        head = parts[0]
        try:
            if head == "seq":
                self.sequencer.check(msg)
                if msg.address in ("/seq/add", "/seq/update/pattern") and len(msg.args) >= 2:
                    shape.require(str(msg.args[1]))
            elif head == "patch":
                shape.apply_patch(msg, _module_type)
            elif head == "mod" and len(parts) == 3:
                _, module_id, param = parts
                spec = module_spec(shape.require(module_id)).param(param)
                if len(msg.args) != 1:
                    raise EngineError(f"{msg.address} takes one value ({spec.range_text()})")
                spec.coerce(msg.args[0])
            elif head == "gate" and len(parts) == 2:
                shape.require(parts[1])
                _gate_args(msg)
            else:
                raise EngineError(f"the engine has no address {msg.address!r}")
        except EngineError:
            raise
        except ParamError as err:
            raise EngineError(str(err), err.suggestions) from None

    def _apply(self, msg: Message, at: int) -> None:
        parts = msg.parts
        head = parts[0]
        if head == "seq":
            self.sequencer.handle(msg, at)
        elif head == "mod":
            module = self.modules[parts[1]]
            spec = module.spec.param(parts[2])
            module.set(spec.name, spec.coerce(msg.args[0]))
        elif head == "gate":
            on, freq = _gate_args(msg)
            accent = min(max(float(msg.args[2]), 0.0), 1.0) if len(msg.args) > 2 else 0.0   # MIDI velocity
            self._note(parts[1], on, freq, accent)
        else:
            self._apply_patch(parts[1], [str(a) for a in msg.args])

    def _apply_patch(self, verb: str, args: list[str]) -> None:
        if verb == "create":
            module_id, type_name = args[0], _module_type(args[1])
            if module_id not in self.modules:
                self.modules[module_id] = CATALOGUE[type_name](self.sample_rate)
                self._born[module_id] = self.position
        elif verb == "remove":
            module_id = args[0]
            self.modules.pop(module_id, None)
            self.fades.forget(module_id)
            self.edges = [e for e in self.edges if module_id not in e]
            self.mod_edges = [e for e in self.mod_edges if module_id not in e[:2]]
        elif verb in ("connect", "disconnect"):
            src, dst = args[0], args[1]
            if "." in dst:
                target, param = dst.split(".", 1)
                edge = (src, target, self.modules[target].spec.param(param).name)
                edges = self.mod_edges
            else:
                edge, edges = (src, dst), self.edges
            if verb == "connect" and edge not in edges:
                edges.append(edge)
            elif verb == "disconnect" and edge in edges:
                edges.remove(edge)
            else:
                edge = None
            if edge is not None and edges is self.edges and self._born.get(src, -1) < self.position:
                self.fades.start(edge, fade_in=verb == "connect")   # it was sounding: crossfade
        self._order = None
        self._voice_of = None

    # -- voices -----------------------------------------------------------------
    def voice(self, module_id: str) -> tuple[str, ...]:
        """The ids of the voice containing `module_id`: its audio-connected chain, master excluded."""
        if self._voice_of is None:
            self._voice_of = _connected_components(self.modules, self.edges)
        return self._voice_of.get(module_id, ())

    def _note(self, module_id: str, on: bool, freq: float | None, accent: float) -> None:
        for member in self.voice(module_id):
            module = self.modules[member]
            if on:
                module.note_on(freq, accent)
            else:
                module.note_off()

    # -- rendering --------------------------------------------------------------
    def render(self, n: int) -> np.ndarray:
        """The next n samples of the master output (float32), every event at its exact sample."""
        out = np.empty(n, dtype=np.float32)
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

    def apply_due(self) -> None:
        """Apply every queued message stamped at or before the current position."""
        while self._queue and self._queue[0][0] <= self.position:
            _, _, msg = heapq.heappop(self._queue)
            self._apply(msg, self.position)

    def _render_into(self, out: np.ndarray, end: int, stop: int) -> None:
        """Render [position, stop) into the matching slice of `out` (which ends at sample `end`)."""
        count = stop - self.position
        if count <= 0:
            return
        offset = len(out) - (end - self.position)
        out[offset:offset + count] = self._render_segment(count)
        self.position = stop

    def _render_segment(self, n: int) -> np.ndarray:
        if self._order is None:
            self._order = self._plan()
        self._ramps = self.fades.ramps(n) if self.fades.fading else {}
        outputs: dict[str, np.ndarray] = {}
        silence = np.zeros(n)
        for ids, inputs, modulators in self._order:
            if len(ids) == 1:
                outputs[ids[0]] = self._render_module(ids[0], inputs[0], modulators, outputs, silence)
            else:
                outputs.update(self._render_bank(ids, inputs, outputs, n))
        if self._ramps and self.fades.advance(n):
            self._order = None                   # a faded-out edge leaves the plan
        return outputs["master"].astype(np.float32)

    def _plan(self):
        """The render plan, with the edges still fading out (dropped if they would make a cycle)."""
        leaving = [e for e in self.fades.leaving() if e[0] in self.modules and e[1] in self.modules]
        try:
            return _render_plan(self.modules, self.edges + leaving, self.mod_edges)
        except EngineError:
            for edge in leaving:
                self.fades.fading.pop(edge, None)
            return _render_plan(self.modules, self.edges, self.mod_edges)

    def _fed(self, src: str, dst: str, outputs) -> np.ndarray:
        """What `src` feeds into `dst` (faded while that edge changes)."""
        ramp = self._ramps.get((src, dst))
        return outputs[src] if ramp is None else outputs[src] * ramp

    def _render_module(self, module_id, inputs, modulators, outputs, silence) -> np.ndarray:
        module = self.modules[module_id]
        audio_in = silence
        for src in inputs:
            audio_in = audio_in + (self._fed(src, module_id, outputs) if self._ramps else outputs[src])
        modulation = {}
        for src, param in modulators:
            modulation[param] = modulation.get(param, 0.0) + outputs[src]
        bypassed = audio_in if module.spec.role == "processor" else silence
        block = self._run(module_id, module, audio_in, modulation, bypassed)
        if module_id in self.swaps:  # a hot reload: the old version fades into the new one
            return fade_from_old_version(self.swaps, module_id, block, audio_in, modulation, self.fades.step)
        return block

    def _run(self, module_id, module, audio_in, modulation, bypassed) -> np.ndarray:
        """One module's block: a user module's exception, NaN or hang is contained here."""
        n = len(audio_in)
        if getattr(module, "hung", False):
            return bypassed
        guard = self.hang_guard
        if guard is not None and not type(module).__module__.startswith(USER_PACKAGE):
            guard = None                                   # built-ins are trusted: no timer per call
        try:
            if guard is None:
                block = module.process(audio_in, module.params(n, modulation))
            else:
                with guard.watching():
                    block = module.process(audio_in, module.params(n, modulation))
            healthy = block.shape == (n,) and bool(np.isfinite(block).all())
        except ModuleHung:
            module.hung = True
            self.faults.append(f"{module_id} hung in process() for {guard.limit_s:g} s at sample {self.position}: "
                               "bypassed until a fixed version is saved")
            return bypassed
        except Exception as err:  # noqa: BLE001 — a user module's bug must not stop the music
            if not self.contain_faults:
                raise
            healthy, reason = False, f"raised {type(err).__name__}: {err}"
        else:
            reason = "produced NaN/Inf or a wrong shape"
        return block if healthy else self._contain_fault(module_id, reason)(n)

    def _render_bank(self, ids, inputs, outputs, n) -> dict[str, np.ndarray]:
        """Same-type built-in modules of one graph level in one call, as (voices, n) arrays."""
        bank = [self.modules[module_id] for module_id in ids]
        audio_in = np.zeros((len(ids), n))
        for module_id, row, sources in zip(ids, audio_in, inputs):
            for src in sources:
                row += self._fed(src, module_id, outputs) if self._ramps else outputs[src]
        block = type(bank[0]).process_bank(bank, audio_in, bank_params(bank, n))
        healthy = np.isfinite(block).all(axis=1)
        return {
            module_id: row if fine else self._contain_fault(module_id, "produced NaN/Inf")(n)
            for module_id, row, fine in zip(ids, block, healthy)
        }

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
                module_id: {"type": m.spec.type, "params": dict(m.targets)}
                for module_id, m in self.modules.items()
            },
            "edges": [list(e) for e in self.edges],
            "mod_edges": [[src, f"{dst}.{param}"] for src, dst, param in self.mod_edges],
            "sequencer": self.sequencer.state(),
        }

    def load_patch_state(self, state: dict) -> None:
        """Replace the patch by `state` (as produced by patch_state); DSP state starts fresh."""
        fresh = Engine(self.sample_rate, self.block_size)
        for module_id, entry in state["modules"].items():
            if module_id != "master":
                fresh.schedule(Message("/patch/create", (module_id, entry["type"])))
        for src, dst in state.get("edges", []):
            fresh.schedule(Message("/patch/connect", (src, dst)))
        for src, dst in state.get("mod_edges", []):
            fresh.schedule(Message("/patch/connect", (src, dst)))
        for module_id, entry in state["modules"].items():
            for name, value in entry.get("params", {}).items():
                fresh.schedule(Message(f"/mod/{module_id}/{name}", (value,)))
        fresh.apply_due()
        for module in fresh.modules.values():
            for name in module.current:
                module.snap(name)
        fresh.sequencer.load_state(state.get("sequencer", {}), at=self.position)
        position = self.position
        self.__dict__.update(fresh.__dict__)
        self.position = position


def _module_type(name: str) -> str:
    """Canonical module type for a name, or an EngineError with the valid types."""
    module_spec(name)
    return name


def _gate_args(msg: Message) -> tuple[bool, float | None]:
    if not msg.args or str(msg.args[0]) not in ("0", "1", "0.0", "1.0"):
        raise EngineError(f"{msg.address} needs 1 (open) or 0 (close) [, note Hz [, accent 0–1]]")
    freq = None
    if len(msg.args) > 1:
        freq = module_spec("sine").param("freq").coerce(msg.args[1])
    return float(msg.args[0]) == 1.0, freq


def _connected_components(modules, edges) -> dict[str, tuple[str, ...]]:
    """Voice membership: undirected components over audio edges, master excluded."""
    neighbours: dict[str, list[str]] = {m: [] for m in modules if m != "master"}
    for src, dst in edges:
        if src in neighbours and dst in neighbours:
            neighbours[src].append(dst)
            neighbours[dst].append(src)
    voice_of: dict[str, tuple[str, ...]] = {}
    for start in neighbours:
        if start in voice_of:
            continue
        seen, stack = [start], [start]
        while stack:
            for nxt in neighbours[stack.pop()]:
                if nxt not in seen:
                    seen.append(nxt)
                    stack.append(nxt)
        members = tuple(m for m in modules if m in seen)
        for member in members:
            voice_of[member] = members
    return voice_of


def _render_plan(modules, edges, mod_edges):
    """[(ids, audio inputs per id, modulators)], every source before what it feeds.

    Modules are placed level by level (a level needs only earlier ones); within a level the
    unmodulated modules of one banked type form a bank, rendered in one call. Others go alone."""
    inputs = {m: [] for m in modules}
    modulators = {m: [] for m in modules}
    for src, dst in edges:
        inputs[dst].append(src)
    for src, dst, param in mod_edges:
        modulators[dst].append((src, param))
    plan, placed = [], set()
    pending = list(modules)
    while pending:
        ready = [m for m in pending if all(s in placed for s in inputs[m]) and all(s in placed for s, _ in modulators[m])]
        if not ready:
            raise EngineError(f"the patch has a cycle through {', '.join(pending)}")
        banks: dict[type, list[str]] = {}
        for m in ready:
            kind = type(modules[m])
            if issubclass(kind, Banked) and not modulators[m]:
                banks.setdefault(kind, []).append(m)
            else:
                plan.append(((m,), (tuple(inputs[m]),), tuple(modulators[m])))
        for ids in banks.values():
            plan.append((tuple(ids), tuple(tuple(inputs[m]) for m in ids), ()))
        placed.update(ready)
        pending = [m for m in pending if m not in placed]
    return plan


__all__ = ["Engine", "EngineError"]
