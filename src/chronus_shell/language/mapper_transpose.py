"""'transpose up 2 semitones', 'transpose to a3': a pitch moved, and the notes of a voice that plays them
moved with it (each note sets the pitch again, so an oscillator moved alone would be undone)."""
from __future__ import annotations

from dataclasses import replace

from ..protocol.message import Message
from . import intents as it
from . import intents_harmony as ih
from .mapper_changes import change_message, near_param, transposed_notes
from .mapper_messages import message
from .mapper_targets import absolute
from .target_words import PRONOUN_REFS


#: Semitones in a unit a transposition is said in.
_STEPS = {"st": 1, "semitone": 1, "semitones": 1, "semis": 1, "octave": 12, "octaves": 12}


def transpose(ctx, intent: it.Transpose) -> list[Message]:
    """'transpose up 2 semitones' (a plain number counts semitones), 'transpose to a3'."""
    ref = None if intent.ref is not None and intent.ref.texts in PRONOUN_REFS else intent.ref
    focus = ctx.model.spec(ctx.model.focus) if ctx.model.focus in ctx.model.modules else None
    if intent.ref is None and intent.to is None and focus is not None and focus.role == "drum" and \
            intent.amount is not None and intent.amount.kind == "number" and (intent.amount.unit or "st") in _STEPS:
        steps = round(intent.amount.number * _STEPS[intent.amount.unit or "st"]) * intent.direction
        return ctx.map(ih.MoveNotes(None, steps, "", intent.column))    # ('transpose up 2' with the snare in focus:
        # the note tracks move, never the drum's tuning — as 'transpose up a whole step' does)
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
