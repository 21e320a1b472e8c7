"""What the engine accepts: a message checked against the patch as it will be (a PatchShape).

Checking never touches the rendering graph, so the shell refuses a bad message before any slot sees it.
"""
from __future__ import annotations

from ..protocol.message import Message
from .catalogue import module_spec
from .note_steps import chord_size
from .params import ParamError
from .patch_shape import PatchShape
from .poly import gate_args as _gate_args
from . import ramps, timed_actions
from .sequencer import Sequencer


class EngineError(ParamError):
    """An invalid message; the text is one readable line naming the valid choices."""


def validate(sequencer: Sequencer, msg: Message, shape: PatchShape) -> str | None:
    """Validate `msg` against `shape` (the patch as it will be), recording its effect there;
    returns a line to tell the musician (a chord made a mono voice polyphonic), or None."""
    parts = msg.parts
    if not parts:
        raise EngineError(f"empty address {msg.address!r}")
    head = parts[0]
    try:
        if head == "seq":
            sequencer.check(msg)
            if msg.address in ("/seq/add", "/seq/update/pattern") and len(msg.args) >= 2:
                shape.require(str(msg.args[1]))
            shape.apply_seq(msg)
            if msg.address == "/seq/notes":
                return shape.grow(shape.targets.get(str(msg.args[0]), ""), chord_size(msg.args[1:]))
        elif head == "patch":
            shape.apply_patch(msg, module_type)
        elif head == "mod" and len(parts) == 3:
            _, module_id, param = parts
            spec = module_spec(shape.require(module_id)).param(param)
            if len(msg.args) != 1:
                raise EngineError(f"{msg.address} takes one value ({spec.range_text()})")
            spec.coerce(msg.args[0])
        elif head == "gate" and len(parts) == 2:
            shape.require(parts[1])
            on, freq, _ = _gate_args(msg)
            return shape.grow(parts[1], len(freq)) if on and isinstance(freq, tuple) else None
        elif head == "ramp" and len(parts) == 3:
            ramps.parse_args(module_spec(shape.require(parts[1])).param(parts[2]), msg.args)
        elif msg.address == "/at":
            validate(sequencer, timed_actions.inner_message(msg)[2], shape)
        else:
            raise EngineError(f"the engine has no address {msg.address!r}")
    except EngineError:
        raise
    except ParamError as err:
        raise EngineError(str(err), err.suggestions) from None


def module_type(name: str) -> str:
    """Canonical module type for a name, or an EngineError with the valid types."""
    module_spec(name)
    return name


__all__ = ["EngineError", "module_type", "validate"]
