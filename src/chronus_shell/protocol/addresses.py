"""The canonical OSC addresses of docs/protocol.md, their argument shapes and their old aliases.

Includes the extensions listed in docs/architecture.md (`/session/delete`, `[now]` on `/seq/add`
and `/seq/bpm`, `overwrite` on `/session/save`); the REPL-only `/shell/*` verbs are not OSC.

Aliases are resolved once, where a message comes in: `parse_line` for a raw text line (the REPL,
scripts), `canonical(msg)` for an OSC packet (which also checks the argument count and kinds, so a
bad packet is one readable line before it goes anywhere); every layer after sees canonical
addresses. Module ids, params and values are checked later against the live patch and the
ParamSpecs (the supervisor's job).
"""
from __future__ import annotations

from ..engine.params import did_you_mean
from ..engine.engine_addresses import ADDRESSES as ENGINE
from ..engine.timeline import TRANSACTIONS
from .message import Address, Arg, Message

__all__ = ["Address", "ADDRESSES", "ALIASES", "QUERIES", "ProtocolError", "canonical", "find_address", "parse_line"]


class ProtocolError(ValueError):
    """A message whose address or arguments do not fit the protocol; one readable line."""


ADDRESSES: tuple[Address, ...] = (
    *ENGINE,        # /patch/*, /mod, /gate, /seq/*, /ramp, /at: with their handlers (engine/engine_addresses.py)
    *TRANSACTIONS,  # /patch/begin|commit|abort: the Timeline's (engine/timeline.py)
    Address("/record/start", "[path]", optional="s", doc="record the master output to WAV"),
    Address("/record/stop", "", doc="finish the recording"),
    Address("/session/save", "name [overwrite]", "s", "s", doc="snapshot the whole state", aliases=("/pattern/save",)),
    Address("/session/load", "name [now]", "s", "s", doc="load at the next bar, or now", aliases=("/pattern/load",)),
    Address("/session/list", "", doc="reply with the saved sessions", aliases=("/pattern/list",), replies=True),
    Address("/session/delete", "name", "s", doc="delete a saved session"),
    Address("/engine/status", "", doc="reply with slots, pids, blocks, xruns, failovers, cpu", replies=True),
    Address("/engine/crash", "active|standby|both", "s", doc="test aid: SIGKILL a slot, or both at once"),
    # gear (issue 18): MIDI and Ableton Link, answered by the gear layer (gear/)
    Address("/midi/in", "port|auto|off", "s", doc="listen to a MIDI input: by (part of) its name, the first found, or none"),
    Address("/midi/ports", "", doc="reply with the MIDI inputs and outputs"),
    Address("/midi/plays", "voice", "s", doc="incoming MIDI notes play this voice (default: the focused one)"),
    Address("/midi/map", "cc<n>|knob<n> id.param", "ss", doc="a controller moves a param along its range and scale"),
    Address("/midi/unmap", "cc<n>|knob<n>", "s", doc="forget a controller mapping"),
    Address("/midi/learn", "id.param", "s", doc="the next controller moved is mapped to the param"),
    Address("/midi/mappings", "", doc="reply with the controller mappings"),
    Address("/midi/unlearn", "id.param", "s", doc="undo a learn: the controller learnt goes back to what it did (or a pending learn is cancelled)"),
    Address("/midi/out", "voice [port]", "s", "s", doc="send the voice's notes to a MIDI output (no port: stop)"),
    Address("/midi/clock", "on|off [port]", "s", "s", doc="MIDI clock out: 24 ppqn with start/stop/continue"),
    Address("/link", "on|off", "s", doc="join or leave the Ableton Link session"),
)

ALIASES: dict[str, str] = {alias: address.path for address in ADDRESSES for alias in address.aliases}
QUERIES = frozenset(address.path for address in ADDRESSES if address.replies)   # answered to the sender

_KIND_NAMES = {"s": "text", "n": "a number", "a": "a number or text"}


def find_address(path: str) -> Address:
    """The Address a path matches (aliases included), or ProtocolError with a suggestion."""
    path = ALIASES.get(path, path)
    for address in ADDRESSES:
        if address.pattern.match(path):
            return address
    known = [a.path for a in ADDRESSES] + list(ALIASES)
    hint = did_you_mean(path, known)
    extra = f" — did you mean {hint[0]}?" if hint else ""
    raise ProtocolError(f"unknown address {path}{extra} (see docs/protocol.md, e.g. /mod/<id>/<param>)")


def parse_line(line: str) -> Message:
    """A raw `/address args` line as a Message, an old spelling already replaced by its address
    (the one place text comes in; OSC packets come in through `canonical`). ValueError if not raw."""
    head, space, rest = line.strip().partition(" ")
    return Message.parse(ALIASES.get(head, head) + space + rest)


def canonical(msg: Message) -> Message:
    """The message with its canonical address, after checking its argument count and kinds."""
    address = find_address(msg.address)
    path = ALIASES.get(msg.address, msg.address)
    args = msg.args
    fixed = address.kinds + address.optional
    if len(args) < len(address.kinds) or (address.rest is None and len(args) > len(fixed)):
        usage = f"takes {address.usage}" if address.usage else "takes no arguments"
        raise ProtocolError(f"{path} {usage}, got {len(args)} argument{'s' * (len(args) != 1)}")
    kinds = fixed + (address.rest or "") * max(0, len(args) - len(fixed))
    for index, (arg, kind) in enumerate(zip(args, kinds), start=1):
        if not _fits(arg, kind):
            raise ProtocolError(f"{path} argument {index} should be {_KIND_NAMES[kind]}, got {arg!r}")
    return Message(path, args)


def _fits(arg: Arg, kind: str) -> bool:
    is_number = isinstance(arg, (int, float)) and not isinstance(arg, bool)
    return kind == "a" and (is_number or isinstance(arg, str)) or \
        kind == "n" and is_number or kind == "s" and isinstance(arg, str)
