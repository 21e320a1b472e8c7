"""A pan that cannot be heard, said back: sources summed into one mono module (two saws through one
filter) reach the stereo bus as one signal, at the mean of their pans (engine/stereo.py) — so 'pan
saw1 left and saw2 right' would change nothing audible. The echo says why and how to pan them apart."""
from __future__ import annotations

from ..engine.catalogue import CATALOGUE
from ..protocol.message import Message
from .patch_model import MASTER, PatchModel


def shared_pan_note(messages: list[Message], model: PatchModel) -> str | None:
    """The echo line for the first panned source that shares a mono module with a source panned
    elsewhere, else None."""
    for message in messages:
        parts = message.address.split("/")
        if len(parts) != 4 or parts[1] != "mod" or parts[3] != "pan":
            continue
        source = parts[2]
        for mono in _mono_downstream(source, model):
            others = [s for s in _panned_sources(mono, model) if s != source]
            if others and any(model.value(s, "pan") != model.value(source, "pan") for s in others):
                kind = model.modules[mono]
                return (f"{source} and {', '.join(others)} go through {mono} together (one mono {kind}): they sit "
                        f"at their average pan — 'add a {kind} to {others[0]}' gives each its own, then pan them apart")
    return None


def _is_stereo(model: PatchModel, module_id: str) -> bool:
    cls = CATALOGUE.get(model.modules.get(module_id, ""))
    return module_id == MASTER or cls is None or getattr(cls, "CHANNELS", 1) == 2


def _mono_downstream(module_id: str, model: PatchModel) -> list[str]:
    """The mono modules a source's sound passes through before a stereo bus."""
    return _walk(model.outputs(module_id), model.outputs, model, lambda _: False)


def _panned_sources(module_id: str, model: PatchModel) -> list[str]:
    """The modules with a pan whose sound a mono module carries (as engine/stereo.carried_sources)."""
    def has_pan(current: str) -> bool:
        spec = model.spec(current)
        return spec is not None and spec.has_param("pan")
    return sorted(m for m in _walk(model.inputs(module_id), model.inputs, model, has_pan) if has_pan(m))


def _walk(start: list[str], step, model: PatchModel, stops) -> list[str]:
    """The mono modules reached from `start` one `step` (inputs or outputs) at a time, not past a
    stereo module, nor past one where `stops`."""
    found, todo, seen = [], list(start), set()
    while todo:
        current = todo.pop()
        if current in seen or _is_stereo(model, current):
            continue
        seen.add(current)
        found.append(current)
        if not stops(current):
            todo += step(current)
    return found


__all__ = ["shared_pan_note"]
