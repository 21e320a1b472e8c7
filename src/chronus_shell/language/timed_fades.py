"""A fade said with time words ('fade the pad out over 8 bars', 'fade in the noise from nothing'): the levels the
command names go to their floor, or back up from it — an effect named fades its mix, not the voice it treats."""
from __future__ import annotations

import re

from ..protocol.message import Message
from .errors import LanguageError
from .time_phrases import Timed


def fade(translator, timed: Timed, sounding: set[str]) -> list[Message]:
    """A fade: the level the command names goes to its floor (out) or from it to where it was (in) —
    a part its track plays now drops to silence first when it fades 'in' (what musicians mean: s35 had six
    say so), but 'fade … up' is refused for it: that would drop what they only meant to raise.
    `sounding` gets the levels above their floor before the fade (a fade in starts them from it)."""
    model = translator.model
    levels = _levels(translator, timed.command)
    messages = []
    for address in levels:
        _, module_id, name = address.split("/")[1:]
        spec = model.spec(module_id).param(name)
        now = float(model.value(module_id, spec.name))
        if now > spec.low:
            sounding.add(address)
        if timed.level == "out":
            if now > spec.low:
                model.premute[(module_id, spec.name)] = now
            target = spec.low
        else:
            back = model.premute.pop((module_id, spec.name), None)
            back = model.going_to.get(f"{module_id}.{spec.name}") if back is None else back   # a fade in running: its end
            if back is None and now > spec.low and timed.level == "up" and _playing(model, module_id):
                raise LanguageError(f"{module_id} is playing already ({spec.name} {now:g}): say 'fade … in' to "
                                    f"bring it up from silence, or 'louder over 4 bars' to raise it", 0)
            if back is None and now > spec.low and timed.level == "in" and _playing(model, module_id):
                translator.mapper.understood.append(f"{module_id} plays already: it fades in from silence")
            target = back if back is not None else (now if now > spec.low else float(spec.default))
        messages.append(Message(address, (float(target),)))
    return translator.observe(messages)


_VOLUME_OF = re.compile(r"set the volume of (?P<what>.+?) to \S+?(?= and set |$)")


def _levels(translator, command: str) -> dict[str, float]:
    """The levels a fade moves: each part's volume, but an effect named by its type or id ('fade the
    delay out') fades its mix — its volume would be the voice's it treats."""
    parts = list(_VOLUME_OF.finditer(command))
    mixes = [_effect_mix(translator, part.group("what")) for part in parts]
    if not any(mixes):
        return probe(translator, command)
    found: dict[str, float] = {}
    for part, mix in zip(parts, mixes):
        found.update(mix or probe(translator, part.group(0)))
    return found


def _effect_mix(translator, what: str) -> dict[str, float] | None:
    said = set(what.lower().split())
    model = translator.model
    if not any((m in said or t in said or said & set(model.spec(m).aliases)) and model.spec(m).has_param("mix")
               for m, t in model.modules.items() if model.spec(m) is not None):
        return None                               # no effect named by id, type or alias: no mix to fade (and no probe,
    try:                                          # whose refusal of 'the pad', a saw, costs a whole second reading)
        mixes = probe(translator, f"set the mix of {what} to 50%")
    except LanguageError:
        return None
    named = all(a.split("/")[2] in said or model.modules.get(a.split("/")[2]) in said or
                said & set(model.spec(a.split("/")[2]).aliases) for a in mixes)     # 'the echo': the delay's alias
    return mixes if mixes and named else None


def _playing(model, module_id: str) -> bool:
    """Whether the sequencer runs a track (not muted) on the module."""
    return model.running and any(t.target == module_id and not t.muted for t in model.tracks.values())


def probe(translator, command: str) -> dict[str, float]:
    """What a command would set ({address: value}), leaving everything as it was."""
    state, last = translator._state(), (translator._last_intent, translator._last_text)
    try:
        try:
            messages = translator._translate(command)
        except LanguageError:                       # 'the pad', 'the organ': the names musicians give a voice
            messages = translator.translate(command)
        return {m.address: m.args[0] for m in messages if m.args}
    finally:
        translator._restore(state)
        translator._last_intent, translator._last_text = last


__all__ = ["fade", "probe"]
