"""Installing user modules: into the catalogue, and into running engines (hot swap).

Loading a file's source is `loading.py`; this is what happens to the class afterwards, in the
shell (a spec-only class for the language), in a pool worker (registered for its test render) and
in the slots (registered, then swapped into the live patch at the same sample in both slots).
"""
from __future__ import annotations

import heapq
import sys
import types
from pathlib import Path

from ..catalogue import CATALOGUE
from ..modules.base import Module
from ..params import ModuleSpec
from .loading import (
    ModuleLoadError, activate, builtin_names, execute_module_source, load_module_source, module_name,
)


def register_user_module(cls: type[Module]) -> None:
    """Add a user module class to CATALOGUE, replacing an older version of the same type."""
    type_name = cls.spec.type
    owner = builtin_names().get(type_name)
    if owner is not None:
        raise ModuleLoadError(f"{type_name!r} is already a built-in module name ({owner})")
    CATALOGUE[type_name] = cls


def unregister_user_module(type_name: str) -> None:
    """Forget a user module type (the catalogue, and its source module in this process)."""
    if type_name in builtin_names():
        return
    CATALOGUE.pop(type_name, None)
    sys.modules.pop(module_name(type_name), None)


def spec_class(spec: ModuleSpec, class_name: str = "UserModule") -> type[Module]:
    """A spec-only class for the shell's catalogue: the language, completion and help need the spec,
    never the code. Its `process` refuses to run (audio runs in the slots, which load the source)."""

    def process(self, audio_in, params):
        raise RuntimeError(f"{spec.type} is a user module: it renders in the audio slots only")

    return type(class_name, (Module,), {
        "spec": spec, "process": process, "spec_only": True,
        "__module__": module_name(spec.type), "__qualname__": class_name,
        "__doc__": spec.doc,
    })


# -- hot swap ----------------------------------------------------------------------------------
def engines_in(target) -> list:
    """The Engines an Engine or a Timeline plays (`Timeline.engines`: live, pending, fading out)."""
    return [target] if hasattr(target, "modules") else target.engines()


def swap_module_type(target, cls: type[Module]) -> list[str]:
    """Replace every instance of `cls.spec.type` in an Engine or Timeline by a new `cls` instance.

    Param values carry over (targets, and the smoother's current value so nothing jumps) for
    every param the new version still has with a value it accepts; DSP state starts fresh.
    Returns the ids swapped. Call it at the same block boundary in both slots (lockstep).
    """
    swapped: list[str] = []
    type_name = cls.spec.type
    for engine in engines_in(target):
        for module_id, old in list(engine.modules.items()):
            if old.spec.type != type_name or type(old) is cls:
                continue
            engine.modules[module_id] = carry_params(old, cls(engine.sample_rate))
            engine.swaps[module_id] = (old, 0)  # the old version fades into the new one
            swapped.append(module_id)
        _drop_vanished_modulation(engine, type_name, cls.spec)
    for shape in (getattr(target, "_live_shape", None), getattr(target, "_pending_shape", None)):
        if shape is not None:
            shape.drop_vanished_modulation(type_name, cls.spec)
    return swapped


def _drop_vanished_modulation(engine, type_name: str, spec: ModuleSpec) -> None:
    """Modulation of a param the new version no longer has is dropped and said once: kept, it
    would make the patch impossible to save (its file would name a param that does not exist)."""
    engine.shape.drop_vanished_modulation(type_name, spec)
    gone = [(src, dst, param) for src, dst, param in engine.mod_edges
            if engine.modules[dst].spec.type == type_name and not spec.has_param(param)]
    if gone:
        engine.mod_edges = [edge for edge in engine.mod_edges if edge not in gone]
        engine._order = None
        engine.faults.extend(f"the new {type_name} has no param {param}: {src} no longer modulates {dst}.{param}"
                             for src, dst, param in gone)


def carry_params(old: Module, new: Module) -> Module:
    """Copy `old`'s param values into `new` where the param still exists and the value still fits."""
    for name, value in old.targets.items():
        if not new.spec.has_param(name):
            continue
        spec = new.spec.param(name)
        try:
            value = spec.coerce(value)
        except ValueError:
            continue
        new.targets[spec.name] = value
        if not spec.is_enum:
            current = old.current.get(name, value)
            new.current[spec.name] = float(current) if spec.low <= current <= spec.high else float(value)
    return new


def install_user_module(name: str, source_text: str, path: str | Path, target=None) -> type[Module]:
    """Slot side of a reload: load the validated source, register it, swap it into `target`.

    `target` is the slot's Timeline (or an Engine); None only loads and registers (a spare worker
    before it unpickles a snapshot that holds instances of the type).
    """
    cls = load_module_source(name, source_text, path)
    register_user_module(cls)
    if target is not None:
        swap_module_type(target, cls)
    return cls


class ModuleSwaps:
    """Slot side of hot reload, lockstep-safe: load a validated source as soon as it arrives (the
    slow part, off the sample clock), put it in effect at a sample stamp.

    In a slot: `swaps.receive(name, source, path, at)` when the message arrives; before rendering
    each block, `swaps.apply_due(timeline)`. Both slots then switch at the same block boundary
    (the first whose start is ≥ `at`), so their audio stays identical. A type the slot does not
    know yet is registered at once (nothing can be using it, and `/patch/create` may follow
    immediately); a new version of a known type replaces the old one only at `at`: until then
    `chronus_user.<name>` still resolves to the old code, so snapshots keep pickling.
    """

    def __init__(self):
        self._due: list[tuple[int, int, type[Module], types.ModuleType]] = []
        self._serial = 0

    def receive(self, name: str, source_text: str, path: str | Path, at: int) -> type[Module]:
        cls, module = execute_module_source(name, source_text, path)
        if name not in CATALOGUE:
            activate(cls, module)
            register_user_module(cls)
        heapq.heappush(self._due, (int(at), self._serial, cls, module))
        self._serial += 1
        return cls

    def pending(self) -> int:
        return len(self._due)

    def apply_due(self, target, position: int | None = None) -> list[str]:
        """Put every version stamped at or before `position` (default: target.position) in effect."""
        position = target.position if position is None else position
        swapped: list[str] = []
        while self._due and self._due[0][0] <= position:
            _, _, cls, module = heapq.heappop(self._due)
            activate(cls, module)
            register_user_module(cls)
            swapped += swap_module_type(target, cls)
        return swapped


def install_all(payload) -> list[type[Module]]:
    """Load and register every (name, source, path) of `UserModules.payload()` (a fresh slot worker)."""
    return [install_user_module(name, source, path) for name, source, path in payload]


__all__ = [
    "ModuleSwaps", "install_all", "install_user_module", "register_user_module", "spec_class",
    "swap_module_type", "unregister_user_module",
]
