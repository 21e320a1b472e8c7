"""Stereo intents → messages (issue 17): a pan becomes `/mod/<id>/pan`, a ping-pong the delay's
`mode` — plain param messages, so undo, sessions and raw lines work as for any param."""
from __future__ import annotations

from fractions import Fraction

from ..protocol.message import Message
from . import intents as it
from . import intents_stereo as stereo
from .errors import LanguageError

HALF_WAY = Fraction(1, 2)      # "pan the hats left": half way; "hard left" / "all the way left": the edge
A_LITTLE = Fraction(1, 4)      # "hats a little to the right", "pan the bass slightly left": a quarter
DELAY = "delay"


def pan_position(intent: stereo.Pan) -> Fraction:
    """−1…1 from the side and how far ("30%" or 0.3 → 0.3; a number above 1 is a percentage)."""
    if intent.side == 0:
        return Fraction(0)
    if intent.amount is not None and intent.amount.number is not None:
        far = abs(intent.amount.number)
        if intent.amount.unit in ("%", "percent") or far > 1:
            far /= 100
        if far > 1:
            raise LanguageError("a pan goes from the centre (0%) to the side (100%)", intent.amount.column)
    else:
        far = Fraction(1) if intent.hard or intent.intensity == "edge" else A_LITTLE if intent.intensity == "little" else HALF_WAY
    return intent.side * far


def pan(ctx, intent: stereo.Pan) -> list[Message]:
    position = pan_position(intent)
    target = intent.target.items if intent.target is not None else ()
    ref = it.Words(target + (it.Word("pan", intent.column),))
    if intent.intensity == "little" and intent.amount is None and not intent.hard:
        position = _nudged(ctx, ref, position)
    value = it.Value("number", f"{float(position):g}", intent.column, position)
    return ctx.map(it.SetParam(ref, value))


def _nudged(ctx, ref: it.Words, step: Fraction) -> Fraction:
    """'saw left a touch' moves it a quarter from where it is (after 'hard right': 0.75, never
    across the centre to −0.25); from the centre that is a quarter to that side."""
    try:
        module_id, spec = ctx.resolve.param(ref, hints=False)
    except LanguageError:
        return step                                   # the usual error, said by the setting
    now = Fraction(ctx.model.value(module_id, spec.name)).limit_denominator(1000)
    return max(Fraction(-1), min(Fraction(1), now + step))


def ping_pong(ctx, intent: stereo.PingPong) -> list[Message]:
    mode = "pingpong" if intent.on else "straight"
    delays = [m for m, t in ctx.model.modules.items() if t == DELAY]
    target = intent.target
    if target is not None and len(target.items) > 1 and target.texts[-1] in ("mode", "style"):
        target = it.Words(target.items[:-1])          # "delay mode ping pong"
    if target is not None and target.texts != (DELAY,):
        module_id = ctx.resolve.module(target)
        if ctx.model.modules.get(module_id) != DELAY:
            raise LanguageError(f"{module_id} is not a delay: ping-pong is a delay's mode", target.column)
    elif delays:
        module_id = ctx.resolve.pick(delays, DELAY, intent.column)
    elif intent.on:                                 # "ping pong delay" with none yet: add one
        return ctx.map(it.AddModule(it.Words((it.Word(mode, intent.column), it.Word(DELAY, intent.column)))))
    else:
        raise LanguageError("there is no delay yet — add one with 'add a ping pong delay'", intent.column)
    return ctx.map(it.SetParam(it.Words((it.Word(module_id, intent.column), it.Word("mode", intent.column))),
                               it.Value("word", mode, intent.column)))


#: The intents this family maps.
HANDLERS = {stereo.Pan: pan, stereo.PingPong: ping_pong}
