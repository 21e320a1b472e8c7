"""'transpose up 2 semitones', 'transpose to a3': a pitch moved, and the notes of a voice that plays them
moved with it (each note sets the pitch again, so an oscillator moved alone would be undone)."""
from __future__ import annotations

from dataclasses import replace

from ..protocol.message import Message
from . import intents as it
from .mapper_changes import change_message, near_param, transposed_notes
from .mapper_messages import message
from .mapper_targets import absolute
from .target_words import PRONOUN_REFS


def transpose(ctx, intent: it.Transpose) -> list[Message]:
    """'transpose up 2 semitones' (a plain number counts semitones), 'transpose to a3'."""
    ref = None if intent.ref is not None and intent.ref.texts in PRONOUN_REFS else intent.ref
    module_id, spec = near_param(ctx, ref, (intent.param,), intent.column,
                                 "higher" if intent.param == "pitch" else "")
    if intent.to is not None:
        return [message(f"/mod/{module_id}/{spec.name}", absolute(ctx, spec, intent.to))]
    amount = intent.amount
    if amount is not None and amount.kind == "number" and amount.unit is None:
        amount = replace(amount, unit="semitones" if spec.unit == "Hz" else None)
    direction = intent.direction
    if amount is not None and amount.kind == "number" and amount.number < 0:
        amount, direction = replace(amount, number=-amount.number), -direction
    change = change_message(ctx, module_id, spec, direction, amount, None, intent.column)
    return [change, *transposed_notes(ctx, module_id, spec, change.args[0], intent.column)]


#: The intents this family maps.
HANDLERS = {it.Transpose: transpose}
