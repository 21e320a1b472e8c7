"""Room for a bigger chord: a chord of more notes than its polyphonic voice plays at once ('the Db should
be Dbadd9' on a voice of three, 'add the bass note an octave lower', 9ths after 7ths) gets `/patch/poly`
first — the engine grows a mono voice to its first chord by itself, but a polyphonic one would play the
new chord by stealing its own lowest notes, silently."""
from __future__ import annotations

from ..engine.note_steps import MAX_CHORD
from ..protocol.message import Message


def with_room(model, messages: list[Message]) -> list[Message]:
    targets = {str(m.args[0]): str(m.args[1]) for m in messages if m.address == "/seq/add" and len(m.args) > 1}
    out, grown = [], {}
    for msg in messages:
        if msg.address == "/patch/poly" and len(msg.args) > 1:   # made room already (a nested reading's)
            grown[str(msg.args[0])] = int(float(msg.args[1]))
        module_id, size = _chord(model, msg, targets)
        playing = grown.get(module_id) or model.notes_at_once(module_id)
        if module_id and 1 < playing < size:
            grown[module_id] = min(size, MAX_CHORD)
            out.append(Message("/patch/poly", (module_id, grown[module_id])))
        out.append(msg)
    return out


def _chord(model, msg: Message, targets: dict) -> tuple[str | None, int]:
    """(the voice a message plays a chord on, its size), or (None, 0)."""
    if msg.address == "/seq/notes" and msg.args:
        track = str(msg.args[0])
        target = targets.get(track) or (model.tracks[track].target if track in model.tracks else None)
        return target, max((len(str(n).split("+")) for n in msg.args[1:]), default=1)
    if msg.address.startswith("/gate/") and len(msg.args) > 2 and float(msg.args[0]) != 0:
        return msg.parts[1], len(msg.args) - 1
    return None, 0


__all__ = ["with_room"]
