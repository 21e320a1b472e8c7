"""The module API shared by built-in and user-written modules.

A module declares its `spec` (a ModuleSpec) once and implements `process`, which turns one
block of input into one block of output. The base class owns parameter targets and
smoothing, so no module has to think about zipper noise.
"""
from __future__ import annotations

import importlib.util
import sys
from types import ModuleType
from typing import ClassVar

import numpy as np

from ..params import ModuleSpec

def lazy_module(name: str) -> ModuleType:
    """Import `name` on first attribute access, so the catalogue loads without numba (translate, help)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


kernels = lazy_module("chronus_shell.engine.kernels")

SMOOTHING_MS = 5.0  # time constant of the one-pole parameter smoother


class Module:
    """Base class: holds param targets, renders smoothed per-sample param arrays."""

    spec: ClassVar[ModuleSpec]

    def __init__(self, sample_rate: int):
        self.sample_rate = sample_rate
        self.targets: dict[str, float | str] = dict(self.spec.defaults())
        self.current: dict[str, float] = {
            k: float(v) for k, v in self.targets.items() if not isinstance(v, str)
        }
        self._pole = float(np.exp(-1.0 / (SMOOTHING_MS * 1e-3 * sample_rate)))

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

    # -- rendering -----------------------------------------------------------
    def param_block(self, name: str, n: int) -> np.ndarray:
        """Per-sample values of a numeric param over the next n samples (closed-form one-pole)."""
        target = float(self.targets[name])
        start = self.current[name]
        if start == target:
            return self._steady(name, target, n)
        decay = self._pole ** np.arange(1, n + 1)
        block = target + (start - target) * decay
        end = float(block[-1])
        self.current[name] = target if abs(end - target) <= 1e-9 * max(1.0, abs(target)) else end
        return block

    def _steady(self, name: str, value: float, n: int) -> np.ndarray:
        """A settled param: one cached array per (value, n), not a new one every block.

        Not flagged read-only on purpose: numba compiles a separate kernel for read-only arguments,
        which would happen in the audio path. Modules and kernels never write their inputs."""
        cache = self.__dict__.setdefault("_steady_cache", {})
        hit = cache.get(name)
        if hit is None or hit[0] != value or len(hit[1]) != n:
            block = np.full(n, value)
            cache[name] = hit = (value, block)
        return hit[1]

    def params(self, n: int, modulation: dict[str, np.ndarray]) -> dict[str, np.ndarray | str]:
        """Every param for a block: smoothed numeric arrays (+ modulation, clipped to range), enums."""
        out: dict[str, np.ndarray | str] = {}
        for spec in self.spec.params:
            if spec.is_enum:
                out[spec.name] = str(self.targets[spec.name])
                continue
            block = self.param_block(spec.name, n)
            mod = modulation.get(spec.name)
            if mod is not None:
                block = np.clip(apply_modulation(spec.unit, block, mod, spec.span), spec.low, spec.high)
            out[spec.name] = block
        return out

    def process(self, audio_in: np.ndarray, params: dict[str, np.ndarray | str]) -> np.ndarray:
        """Render one block: `audio_in` is the summed input (n,), float64; return (n,) float64."""
        raise NotImplementedError


class Banked(Module):
    """A module type whose voices render together: the engine hands `process_bank` every
    same-type module of one graph level as (voices, block) arrays, one kernel call for all of
    them. `process` is the bank of one, so there is a single implementation per type.
    Banked types have numeric params only (a bank shares no enum choice)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        spec = cls.__dict__.get("spec")
        if spec is not None and any(p.is_enum for p in spec.params):
            raise TypeError(f"{spec.type}: a banked module cannot have enum params")

    @classmethod
    def process_bank(cls, bank: list["Banked"], audio_in: np.ndarray, params: dict[str, np.ndarray]) -> np.ndarray:
        """Render one block for every module of `bank`: audio_in and params are (voices, n)."""
        raise NotImplementedError

    def process(self, audio_in, params):
        rows = {name: block[None, :] for name, block in params.items()}
        return self.process_bank([self], audio_in[None, :], rows)[0]


def stacked(bank: list[Module], name: str) -> np.ndarray:
    """The bank's per-module state arrays `name` as one (voices, k) array for a bank kernel; for a
    bank of one, a view of the module's own array (no copy, nothing to hand back)."""
    if len(bank) == 1:
        return getattr(bank[0], name)[None, :]
    return np.stack([getattr(m, name) for m in bank])


def hand_back(bank: list[Module], name: str, rows: np.ndarray) -> None:
    """After the kernel: each module's `name` becomes its row of the stacked array."""
    if len(bank) > 1:
        for module, row in zip(bank, rows):
            setattr(module, name, row)


def bank_params(bank: list[Module], n: int) -> dict[str, np.ndarray]:
    """Every param of a bank of unmodulated same-type modules as (voices, n) arrays: the one-pole
    glide of `Module.param_block` for all voices and params at once. A settled bank reuses its
    last blocks (kept on its first module), as `_steady` does for one module."""
    first = bank[0]
    names = [spec.name for spec in first.spec.params]
    targets = np.array([[float(m.targets[name]) for m in bank] for name in names])   # (params, voices)
    starts = np.array([[m.current[name] for m in bank] for name in names])
    moving = starts != targets
    if not moving.any():
        key = (targets.tobytes(), n)
        cached = first.__dict__.get("_bank_cache")
        if cached is None or cached[0] != key:
            cached = first.__dict__["_bank_cache"] = (key, np.repeat(targets[:, :, None], n, axis=2))
        blocks = cached[1]
    else:
        decay = first._pole ** np.arange(1, n + 1)
        blocks = targets[:, :, None] + (starts - targets)[:, :, None] * decay
        for p, v in zip(*np.nonzero(moving)):
            target, end = targets[p, v], float(blocks[p, v, -1])
            settled = abs(end - target) <= 1e-9 * max(1.0, abs(target))
            bank[v].current[names[p]] = float(target) if settled else end
    return dict(zip(names, blocks))


def apply_modulation(unit: str, base: np.ndarray, mod: np.ndarray, span: float) -> np.ndarray:
    """Modulation signal in −1…1 around the param's value: ±4 octaves for Hz, ±half range otherwise."""
    if unit == "Hz":
        return base * np.exp2(4.0 * mod)
    return base + 0.5 * span * mod


def seeded_generator(name: str) -> np.random.Generator:
    """A random generator seeded from a fixed name: noise is identical run to run (and pickles)."""
    return np.random.Generator(np.random.PCG64(sum(name.encode()) * 7919))
