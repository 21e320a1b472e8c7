"""Undo steps: the inverse messages of a line (made smaller where a later message makes one moot),
the messages it sent for a redo, and what takes a command on a bar line back before it plays."""
from __future__ import annotations

from ..protocol.message import Message


def simplify_undo(messages: list[Message]) -> list[Message]:
    """Drop undo steps that only touch a module the same undo removes anyway, and a value set that a
    later set of the same param overrides (a fade's start, then its ramp, both taken back)."""
    messages = _last_sets(messages)
    removed = {m.args[0] for m in messages if m.address == "/patch/remove"}
    if not removed:
        return messages

    def touches_removed(msg: Message) -> bool:
        if msg.address.startswith("/mod/"):
            return msg.parts[1] in removed
        if msg.address == "/patch/disconnect":
            return any(str(a).split(".")[0] in removed for a in msg.args)
        return False

    return [m for m in messages if not touches_removed(m)]


def _last_sets(messages: list[Message]) -> list[Message]:
    kept, later = [], set()
    for msg in reversed(messages):
        if msg.address.startswith("/patch/"):
            later.clear()                        # a module made again between two sets: both count
        elif msg.address.startswith("/mod/"):
            if msg.address in later:
                continue
            later.add(msg.address)
        kept.append(msg)
    return kept[::-1]



def at_cancel(msg: Message) -> Message:
    """The message that takes an /at's command back from the engine's queue if it has not played."""
    return Message("/at/cancel", tuple(msg.args[2:]))


class UndoStep(list):
    """One undo step: the inverse messages (the list itself) and `forward`, the messages the line
    sent, which a redo sends again."""

    def __init__(self, inverse: list[Message], forward: list[Message]):
        super().__init__(inverse)
        self.forward = list(forward)


__all__ = ["UndoStep", "at_cancel", "simplify_undo"]
