"""The engine's addresses, one entry each: its argument shape (the protocol's table and
docs/protocol.md read it from here), its check against the patch as it will be (a PatchShape) and
what it does when the engine reaches its sample.

Checking never touches the rendering graph, so the shell refuses a bad message before any slot
sees it. The `/seq/*` verbs are engine/sequencer_verbs.py's; the transactions are the Timeline's.
Adding an engine address is one `Handler` below (plus its test).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..protocol.message import Address, Message
from .catalogue import CATALOGUE, module_spec
from .modules.envelopes import ADSR
from .params import ParamError
from .patch_shape import PatchShape
from .poly import gate_args
from .voice_layout import IDLE
from .voice_members import holds_a_note
from . import ramps, sequencer_verbs, timed_actions


class EngineError(ParamError):
    """An invalid message; the text is one readable line naming the valid choices."""


@dataclass(frozen=True)
class Handler:
    """`check(msg, shape)` raises ParamError or records the message's effect on `shape` (returning
    a line to tell the musician, or None); `apply(engine, msg, at)` acts at sample `at`."""

    address: Address
    check: Callable[[Message, PatchShape], str | None]
    apply: Callable[[object, Message, int], None]


def module_type(name: str) -> str:
    """Canonical module type for a name, or an EngineError with the valid types."""
    module_spec(name)
    return name


# -- /patch/*: the graph --------------------------------------------------------------------
def _check_patch(msg, shape):
    shape.apply_patch(msg, module_type)


def _changed(engine) -> None:
    engine._order = None
    engine._voice_of = None


def _create(engine, msg, at):
    module_id, type_name = str(msg.args[0]), module_type(str(msg.args[1]))
    if module_id not in engine.modules:
        engine.modules[module_id] = CATALOGUE[type_name](engine.sample_rate)
        engine._born[module_id] = engine.position
        engine.settings[module_id] = {}
    _changed(engine)


def _remove(engine, msg, at):
    module_id = str(msg.args[0])
    engine.modules.pop(module_id, None)
    engine.settings.pop(module_id, None)
    engine.held.pop(module_id, None)
    engine.poly.forget(module_id)
    engine.fades.forget(module_id)
    engine.edges = [e for e in engine.edges if module_id not in e]
    engine.mod_edges = [e for e in engine.mod_edges if module_id not in e[:2]]
    _changed(engine)


def _poly(engine, msg, at):
    module_id = str(msg.args[0])
    engine.poly.set_count(engine.voice(module_id) or (module_id,), int(float(str(msg.args[1]))))
    _changed(engine)


def _edge(connect: bool):
    def edge(engine, msg, at):
        src, dst = str(msg.args[0]), str(msg.args[1])
        if "." in dst:
            target, param = dst.split(".", 1)
            edge, edges = (src, target, engine.modules[target].spec.param(param).name), engine.mod_edges
        else:
            edge, edges = (src, dst), engine.edges
        if connect and edge not in edges:
            edges.append(edge)
        elif not connect and edge in edges:
            edges.remove(edge)
        else:
            edge = None
        if edge is not None and edges is engine.edges and engine._born.get(src, -1) < engine.position:
            engine.fades.start(edge, fade_in=connect)   # it was sounding: crossfade
        _changed(engine)
        if connect and edges is engine.edges:
            _join_held_note(engine, src, dst)
    return edge


def _join_held_note(engine, src: str, dst: str) -> None:
    """An idle envelope patched into a voice that holds a note (a chord, a long step) opens with it:
    silence until the next note would be a gap nobody asked for. A drone (never gated) stays shut,
    as a VCA with no gate does."""
    for module_id in (src, dst):
        module = engine.modules.get(module_id)
        if isinstance(module, ADSR) and module.state[0] == IDLE and holds_a_note(engine.edges, module_id, engine.held):
            module.note_on(None, 1.0)


# -- /mod, /gate, /ramp, /at -----------------------------------------------------------------
def _check_mod(msg, shape):
    _, module_id, param = msg.parts
    spec = module_spec(shape.require(module_id)).param(param)
    if len(msg.args) != 1:
        raise EngineError(f"{msg.address} takes one value ({spec.range_text()})")
    spec.coerce(msg.args[0])


def _mod(engine, msg, at):
    _, module_id, param = msg.parts
    module = engine.modules[module_id]
    spec = module.spec.param(param)
    if engine.param_ramps:
        ramps.stop_ramp(engine, module_id, spec.name)
    for each in (module, *engine.poly.copies.get(module_id, ())):   # a poly voice's notes alike
        each.set(spec.name, spec.coerce(msg.args[0]))
    engine.settings.setdefault(module_id, {})[spec.name] = module.targets[spec.name]
    if spec.name == "pan":
        engine._order = None            # off centre or back: the plan says which voices the bank sums


def _check_gate(msg, shape):
    module_id = msg.parts[1]
    shape.require(module_id)
    on, freq, _ = gate_args(msg)
    return shape.grow(module_id, len(freq)) if on and isinstance(freq, tuple) else None


def _gate(engine, msg, at):
    engine._note(msg.parts[1], *gate_args(msg))


def _check_ramp(msg, shape):
    _, module_id, param = msg.parts
    ramps.parse_args(module_spec(shape.require(module_id)).param(param), msg.args)


def _ramp(engine, msg, at):
    _, module_id, param = msg.parts
    ramps.start_ramp(engine, module_id, param, msg.args, at)


def _check_at(msg, shape):
    validate(timed_actions.inner_message(msg)[2], shape)


def _check_cancel(msg, shape):
    timed_actions.cancel_message(msg)


def _check_nothing(msg, shape):
    if msg.args:
        raise ParamError(f"{msg.address} takes no arguments")


def _seq_check(msg, shape):
    return sequencer_verbs.check(msg, shape)


def _seq_apply(engine, msg, at):
    engine.sequencer.handle(msg, at)


HANDLERS: tuple[Handler, ...] = (
    Handler(Address("/patch/create", "id type", "ss", doc="add a module instance"), _check_patch, _create),
    Handler(Address("/patch/connect", "src dst", "ss", doc="audio edge, or modulation edge to <id>.<param>"),
            _check_patch, _edge(True)),
    Handler(Address("/patch/disconnect", "src dst", "ss", doc="remove an edge"), _check_patch, _edge(False)),
    Handler(Address("/patch/remove", "id", "s", doc="remove a module and its edges"), _check_patch, _remove),
    Handler(Address("/mod/<id>/<param>", "value", "a", doc="set a parameter"), _check_mod, _mod),
    Handler(Address("/gate/<id>", "1|0 [hz…] [accent]", "n", rest="n", doc="open/close the voice's envelopes; "
                    "several Hz open a chord (a mono voice grows to play it, said once); 0 with Hz releases those "
                    "notes; a last number ≤ 1 after a pitch is the accent (a MIDI velocity)"), _check_gate, _gate),
    *(Handler(verb.address, _seq_check, _seq_apply) for verb in sequencer_verbs.VERBS.values()),
    # harmony (issue 14): polyphonic voices
    Handler(Address("/patch/poly", "id n", "sn", doc="the voice containing id plays up to n notes at once "
                    "(1–16; 1: mono)"), _check_patch, _poly),
    # time (issue 15): ramps and commands on the bar grid (engine/ramps.py, engine/timed_actions.py)
    Handler(Address("/ramp/<id>/<param>", "target beats [lin|exp] [from]", "nn", "sn",
                    doc="move a numeric param to target over beats, sample by sample, from where it is (or from); "
                        "exp (Hz, dB default) or lin (others)"), _check_ramp, _ramp),
    Handler(Address("/at", "count bar|beat address [args…]", "nss", rest="a",
                    doc="play a /mod, /ramp, /gate or /seq command on the count-th bar (or beat) line: 1 = the next"),
            _check_at, timed_actions.queue),
    Handler(Address("/at/cancel", "address [args…]", "s", rest="a",
                    doc="take back the latest command an /at queued that equals this one and has not played yet "
                        "(what undo sends for a timed line)"), _check_cancel, timed_actions.cancel),
    Handler(Address("/at/clear", "", doc="take back every command an /at queued that has not played yet (a session "
                    "loaded sends it first)"), _check_nothing, timed_actions.clear),
)
_BY_PATH = {handler.address.path: handler for handler in HANDLERS}
_TEMPLATED = {"mod": "/mod/<id>/<param>", "gate": "/gate/<id>", "ramp": "/ramp/<id>/<param>"}
_PARTS = {"mod": 3, "gate": 2, "ramp": 3}
HEADS = frozenset(handler.address.path.split("/")[1] for handler in HANDLERS)   # what the Timeline hands on


def handler_of(msg: Message) -> Handler:
    """The Handler of an engine message, or EngineError naming the address."""
    parts = msg.parts
    if not parts:
        raise EngineError(f"empty address {msg.address!r}")
    head = parts[0]
    handler = _BY_PATH.get(_TEMPLATED[head] if _PARTS.get(head) == len(parts) else msg.address)
    if handler is None:
        if head == "seq":
            sequencer_verbs.verb_of(msg)          # says "the sequencer has no address …"
        raise EngineError(f"the engine has no address {msg.address!r}")
    return handler


def validate(msg: Message, shape: PatchShape) -> str | None:
    """Validate `msg` against `shape` (the patch as it will be), recording its effect there;
    returns a line to tell the musician (a chord made a mono voice polyphonic), or None."""
    try:
        return handler_of(msg).check(msg, shape)
    except EngineError:
        raise
    except ParamError as err:
        raise EngineError(str(err), err.suggestions) from None


def apply(engine, msg: Message, at: int) -> None:
    """Apply a validated message the engine reached at sample `at`."""
    handler_of(msg).apply(engine, msg, at)


ADDRESSES = tuple(handler.address for handler in HANDLERS)

__all__ = ["ADDRESSES", "EngineError", "HEADS", "Handler", "HANDLERS", "apply", "handler_of", "module_type", "validate"]
