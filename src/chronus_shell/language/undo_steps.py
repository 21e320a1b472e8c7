"""Undo steps: the inverse messages of a line (made smaller where a later message makes one moot),
the messages it sent for a redo, and what takes a command on a bar line back before it plays."""
from __future__ import annotations

from ..protocol.message import Message


def simplify_undo(messages: list[Message]) -> list[Message]:
    """Drop undo steps that only touch a module the same undo removes afterwards anyway, and a value
    set that a later set of the same param overrides (a fade's start, then its ramp, both taken back).
    A module removed and made again (a session loaded over one with the same ids) keeps the sets
    that follow its making: they are its values back."""
    kept, doomed = [], set()                     # walking back: modules removed later, not made again since
    for msg in reversed(_last_sets(messages)):
        if msg.address == "/patch/remove":
            doomed.add(msg.args[0])
        elif msg.address == "/patch/create":
            doomed.discard(msg.args[0])
        elif msg.address.startswith("/mod/") and msg.parts[1] in doomed:
            continue
        elif msg.address == "/patch/disconnect" and any(str(a).split(".")[0] in doomed for a in msg.args):
            continue
        kept.append(msg)
    return kept[::-1]


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
    sent, which a redo sends again; `labels` when the line gave a sound a name ('call the saw bob')."""

    def __init__(self, inverse: list[Message], forward: list[Message], labels: tuple[dict, dict] | None = None):
        super().__init__(inverse)
        self.forward = list(forward)
        self.labels = labels       # (names before, names after) of a line that named a sound: no message says it


__all__ = ["UndoStep", "at_cancel", "simplify_undo"]
