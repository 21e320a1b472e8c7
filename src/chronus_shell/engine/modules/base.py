"""The module API shared by built-in and user-written modules.

A module declares its `spec` (a ModuleSpec) once and implements `process`, which turns one
block of input into one block of output. The base class owns parameter targets and
smoothing, so no module has to think about zipper noise.
"""
from __future__ import annotations

from typing import ClassVar

import numpy as np

from .. import lazy_module
from ..glide import decay_table
from ..params import ModuleSpec, number
from ..voice_layout import MOD_OCTAVES
from ..voices import render_alone

kernels = lazy_module("chronus_shell.engine.kernels")

# every source and drum has it; the engine pans the module's mono output where it meets a stereo bus
PAN = number("pan", "ratio", 0, -1, 1, "stereo position: -1 hard left, 0 centre, 1 hard right (equal power)")

SMOOTHING_MS = 5.0  # time constant of the one-pole parameter smoother


class Module:
    """Base class: holds param targets, renders smoothed per-sample param arrays."""

    spec: ClassVar[ModuleSpec]
    CHANNELS: ClassVar[int] = 1   # 2: a stereo module (built-in effects): audio in and out are (2, n)

    def __init__(self, sample_rate: int):
        self.sample_rate = sample_rate
        self.targets: dict[str, float | str] = dict(self.spec.defaults())
        self.current: dict[str, float] = {
            k: float(v) for k, v in self.targets.items() if not isinstance(v, str)
        }
        self._pole = float(np.exp(-1.0 / (SMOOTHING_MS * 1e-3 * sample_rate)))

    def __getstate__(self) -> dict:
        # the param caches are made again from the targets, value for value: a snapshot (failover,
        # re-sync) or a removal's copy of a big patch was mostly these arrays (13 of 14 kB an acid filter)
        return {k: v for k, v in self.__dict__.items() if k not in ("_steady_cache", "_params_cache")}

    # -- control -------------------------------------------------------------
    def set(self, name: str, value: float | str) -> None:
        """Set a param target (already validated); numeric params glide to it."""
        self.targets[name] = value

    def snap(self, name: str) -> None:
        """Jump a numeric param to its target at once (used when a note sets the pitch)."""
        self.current[name] = float(self.targets[name])

    def note_on(self, freq: float | None, accent: float) -> None:
        """A gate opened on this module's voice; `freq` is the note's pitch if given."""

    def note_off(self) -> None:
        """The gate closed."""

    def rests(self) -> bool:
        """True when the next block is silence whatever the input (a drum between hits): the engine
        then skips params() and process(). A silent module has nothing to smooth, so its glides
        jump to their targets."""
        return False

    # -- rendering -----------------------------------------------------------
    def param_block(self, name: str, n: int) -> np.ndarray:
        """Per-sample values of a numeric param over the next n samples (closed-form one-pole, or
        the values a running ramp drives: engine/ramps.py)."""
        driven = self.__dict__.get("driven")
        if driven:
            block = driven.get(name)
            if block is not None and len(block) == n:
                self.current[name] = float(block[-1])
                return block
        target = float(self.targets[name])
        start = self.current[name]
        if start == target:
            return self._steady(name, target, n)
        block = target + (start - target) * decay_table(self._pole, n)
        end = float(block[-1])
        self.current[name] = target if abs(end - target) <= 1e-9 * max(1.0, abs(target)) else end
        return block

    def _steady(self, name: str, value: float, n: int) -> np.ndarray:
        """A settled param: one cached array per value, not a new one every block (a shorter
        segment, cut at a note, gets the front of it).

        Not flagged read-only on purpose: numba compiles a separate kernel for read-only arguments,
        which would happen in the audio path. Modules and kernels never write their inputs."""
        cache = self.__dict__.setdefault("_steady_cache", {})
        hit = cache.get(name)
        if hit is None or hit[0] != value or len(hit[1]) < n:
            block = np.full(n, value)
            cache[name] = hit = (value, block)
        block = hit[1]
        return block if len(block) == n else block[:n]

    def params(self, n: int, modulation: dict[str, np.ndarray]) -> dict[str, np.ndarray | str]:
        """Every param for a block: smoothed numeric arrays (+ modulation, clipped to range), enums.
        A settled module gets the same arrays as last block (kept only when computed from a settled
        start: they hold the targets; a block computed while a glide arrived is never heard twice)."""
        targets = self.targets
        driven = self.__dict__.get("driven")
        settled = not driven and self.current.items() <= targets.items()
        hit = self.__dict__.get("_params_cache")
        if hit is not None and settled and hit[0] == n and hit[1] == targets:
            out = hit[2]
        else:
            out = self._blocks(n)
            if settled:
                self._params_cache = (n, dict(targets), out)
        return _modulated(self.spec, out, modulation) if modulation else out

    def _blocks(self, n: int) -> dict[str, np.ndarray | str]:
        out: dict[str, np.ndarray | str] = {}
        for spec in self.spec.params:
            if spec.name == PAN.name:
                continue                      # the engine's mix stage reads (and glides) pan
            out[spec.name] = str(self.targets[spec.name]) if spec.is_enum else self.param_block(spec.name, n)
        return out

    def process(self, audio_in: np.ndarray, params: dict[str, np.ndarray | str]) -> np.ndarray:
        """Render one block: `audio_in` is the summed input (n,), float64; return (n,) float64."""
        raise NotImplementedError


class InBank(Module):
    """A module that renders in a bank of the engine while bound to it (`bank`, its `row` there):
    `set`/`snap` mark it dirty there, so a still one costs no Python per block."""

    bank = None
    row = 0

    def set(self, name, value):
        super().set(name, value)
        if self.bank is not None:
            self.bank.dirty.add(self)

    def snap(self, name):
        super().snap(name)
        if self.bank is not None:
            self.bank.dirty.add(self)


class Banked(InBank):
    """A voice module (oscillator, acid_filter, filter, adsr): its voices render together in the
    engine's VoiceBank, fused with the rest of their chain (engine/voices.py). While bound, its state
    arrays are views of its bank column. `process` renders it alone (a chain of one): one
    implementation. An enum param is a row of the bank's `kinds` (the index of its choice): declared
    in KINDS, so the kernel reads a number."""

    COLUMNS: ClassVar[dict[str, int]] = {}           # param name → column of the bank's tables
    STATE: ClassVar[tuple[tuple[str, int], ...]] = ()  # (state array attribute, first bank column)
    KINDS: ClassVar[dict[str, int]] = {}             # enum param name → row of the bank's kinds

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        spec = cls.__dict__.get("spec")
        if spec is not None and any(p.is_enum and p.name not in cls.KINDS for p in spec.params):
            raise TypeError(f"{spec.type}: a banked module's enum params are rows of the bank's kinds (KINDS)")

    def __getstate__(self) -> dict:
        return {**super().__getstate__(), "bank": None, "_solo": None}

    def set(self, name, value):
        super().set(name, value)
        if self.bank is not None and name in self.KINDS:
            self.bank.kinds[self.KINDS[name], self.row] = self.spec.param(name).choices.index(value)

    def bind(self, bank, row: int) -> None:
        """Move this module's state into voice `row` of `bank` (its arrays become views there)."""
        self.bank, self.row = bank, row
        for attr, start in self.STATE:
            own = getattr(self, attr)
            view = bank.state[start:start + len(own), row]
            view[:] = own
            setattr(self, attr, view)
        for name, kind in self.KINDS.items():
            bank.kinds[kind, row] = self.spec.param(name).choices.index(self.targets[name])

    def process(self, audio_in, params):
        return render_alone(self, audio_in, params)


def _modulated(spec: ModuleSpec, params: dict, modulation: dict[str, np.ndarray]) -> dict:
    """A copy of `params` with each modulated numeric param moved by its modulation, clipped to range."""
    out = dict(params)
    for name, mod in modulation.items():
        block = out.get(name)
        if block is not None and not isinstance(block, str):
            param = spec.param(name)
            out[name] = clipped(apply_modulation(param.unit, block, mod, param.span), param.low, param.high)
    return out


FLOAT64 = np.dtype(np.float64)   # numpy's one float64 dtype: compared by identity in the audio path


def all_finite(block: np.ndarray) -> bool:
    """No NaN or ±inf in a block: one compiled pass for a float64 block (aligned and writable, as
    the kernels are compiled for), numpy's two passes for anything else."""
    if block.dtype is FLOAT64 and block.flags.behaved:
        return kernels.finite(block.ravel())
    return bool(np.isfinite(block).all())


def clipped(block: np.ndarray, low: float, high: float) -> np.ndarray:
    """np.clip's values (NaN kept) in place on a block this code owns, without np.clip's wrappers."""
    np.maximum(block, low, out=block)
    return np.minimum(block, high, out=block)


def apply_modulation(unit: str, base: np.ndarray, mod: np.ndarray, span: float) -> np.ndarray:
    """Modulation signal in −1…1 around the param's value: ±MOD_OCTAVES octaves for Hz, ±half range
    otherwise (the voice bank's modulated voices: the same numbers, engine/modulation_kernels.py)."""
    if unit == "Hz":
        return base * np.exp2(MOD_OCTAVES * mod)
    return base + 0.5 * span * mod


def seeded_generator(name: str) -> np.random.Generator:
    """A random generator seeded from a fixed name: noise is identical run to run (and pickles)."""
    return np.random.Generator(np.random.PCG64(sum(name.encode()) * 7919))
