"""The module catalogue: every module type the engine, the language and the REPL know.

Built-in modules are registered at import; user modules (sandbox pool) register at run time,
and everything derived from the catalogue (vocabulary, completion, help) follows at once.
"""
from __future__ import annotations

from .modules.base import Module
from .modules.drums import Hat, Kick, Snare
from .modules.dynamics import Distortion, Master
from .modules.envelopes import ADSR, LFO
from .modules.filters import AcidFilter, Filter
from .modules.oscillators import Noise, Saw, Sine, Square, Triangle
from .modules.sampler import Sampler
from .modules.time import Delay, Reverb
from .params import ModuleSpec, ParamError, did_you_mean

BUILTIN_MODULES: tuple[type[Module], ...] = (
    Sine, Saw, Square, Triangle, Noise,
    AcidFilter, Filter, Distortion, ADSR, LFO, Delay, Reverb,
    Kick, Snare, Hat, Master, Sampler,
)

CATALOGUE: dict[str, type[Module]] = {cls.spec.type: cls for cls in BUILTIN_MODULES}


def register(cls: type[Module]) -> None:
    """Add (or replace) a module type; used for user modules accepted by the sandbox pool."""
    CATALOGUE[cls.spec.type] = cls


def module_spec(type_name: str) -> ModuleSpec:
    """The spec of a module type, or a ParamError naming the valid types."""
    try:
        return CATALOGUE[type_name].spec
    except KeyError:
        hint = did_you_mean(type_name, CATALOGUE)
        extra = f" — did you mean {hint[0]}?" if hint else ""
        raise ParamError(
            f"unknown module type {type_name!r}{extra} (types: {', '.join(sorted(CATALOGUE))})", hint
        ) from None


def specs() -> list[ModuleSpec]:
    return [cls.spec for cls in CATALOGUE.values()]
