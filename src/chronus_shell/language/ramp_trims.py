"""A step of a level during its fade trims the fade: 'pull the tone down 3 dB' while it fades in moves the level
3 dB down now and the fade goes on, to 3 dB under where it was going — as a fader trims automation. Read from the
level mid-fade alone, the step set the level there and the fade stopped: -31 dB where the musician meant -21.
(A step of any other param mid-ramp — 'darker' during a sweep, 'a bit slower' during a glide — still moves from where
it plays and ends the ramp, the musician reacting to what they hear; the echo says the ramp ended.)

The shell's RampWatch puts each running ramp's playing value in the model (`going_to` holds where it goes,
`going_for` the beats left and its curve). The line is read twice: against where the ramps go (a dry reading,
then forgotten) and as it plays now. A setting that comes out the same both ways was said outright ('volume
-6 db'): it stops the ramp there. One that follows where it was read from was a step: it becomes the ramp on.
"""
from __future__ import annotations

from ..engine.params import format_number
from ..protocol.message import Message
from .errors import LanguageError
from .mapper_messages import message


def read_over_ramps(translator, line: str) -> list[Message]:
    """The line's messages, each step of a ramping param made a trim of its ramp (see the module's docstring)."""
    model = translator.model
    held = {key: model.going_to[key] for key in model.going_for
            if key in model.going_to and key.split(".")[0] in model.modules and key.endswith(".gain")}
    if not held:
        return _stops_said(translator, dict(model.going_to), translator.translate(line))
    playing = {key: float(model.value(*key.split(".", 1))) for key in held}
    going = _dry_reading(translator, line, held)
    messages = translator.translate(line)
    out = []
    for m in messages:
        key = _mod_key(m)
        now = m.args[0] if key in going and len(m.args) == 1 and isinstance(m.args[0], float) else None
        if now is None or going[key] is None or _same(going[key], now) or _same(playing[key], now):
            out.append(m)           # not a ramping param, said outright, or held where it plays: the ramp stops there
            continue
        out.append(_trim(translator, key, now, going[key], held[key]))
    if out != messages and translator.undo_stack:
        step = translator.undo_stack[-1]
        step.forward = list(out)                          # a redo trims again; an undo puts the fade back on its way
        for index, m in enumerate(step):
            key = _mod_key(m)
            if key in held and any(o.address == f"/ramp/{m.address[len('/mod/'):]}" for o in out):
                beats, curve = model.going_for[key]
                step[index] = message(f"/ramp/{m.address[len('/mod/'):]}", held[key], beats, curve)
    return _stops_said(translator, {k: v for k, v in model.going_to.items() if k not in held}, out)


def _stops_said(translator, going: dict[str, float], messages: list[Message]) -> list[Message]:
    """'darker' halfway through a sweep, 'a bit slower' during a glide: the step moves from where it plays and ends
    the ramp — said, so the musician knows it will not go on."""
    for m in messages:
        key = "seq.bpm" if m.address == "/seq/bpm" and "ramp" not in m.args else _mod_key(m)
        if key in going and not any("stopped where it is" in done or "called off" in done
                                    for done in translator.mapper.understood):     # ('stop the sweep' says so itself)
            what, way = ("the tempo", "glide") if key == "seq.bpm" else (key.replace(".", " "), "ramp")
            translator.mapper.understood.append(f"{what} stays there (its {way} to {format_number(going[key])} ended)")
    return messages


def _mod_key(m: Message) -> str | None:
    """'id.param' of a /mod message (the model's key for a ramp), else None."""
    return m.address[len("/mod/"):].replace("/", ".", 1) if m.address.startswith("/mod/") else None


def _same(a: float, b: float) -> bool:
    """Equal as the language writes a value (six decimals: 'stop the fade' sets the level it read, rounded)."""
    return abs(a - b) <= max(1e-6, 1e-5 * abs(b))


def _dry_reading(translator, line: str, held: dict[str, float]) -> dict[str, float | None]:
    """What the line sets each held param to when read against where its ramp goes; the translator as it was."""
    kept, state, said = dict(vars(translator)), translator._state(), list(translator.understood)
    for key, going in held.items():
        module_id, param = key.split(".", 1)
        model = translator.model
        model.values[module_id] = {**model.values.get(module_id, {}), param: going}
    try:
        messages = translator.translate(line)
    except LanguageError:
        messages = []
    finally:
        vars(translator).update(kept)
        translator._restore(state)
        translator.mapper.understood[:] = said
    values = {_mod_key(m): m.args[0] for m in messages if _mod_key(m) and len(m.args) == 1 and isinstance(m.args[0], float)}
    return {key: values.get(key) for key in held}


def _trim(translator, key: str, now: float, to: float, was_going: float) -> Message:
    model = translator.model
    module_id, param = key.split(".", 1)
    beats, curve = model.going_for[key]
    model.values[module_id] = {**model.values.get(module_id, {}), param: to}   # the model knows a ramp by its end
    model.ramp_from = {**model.ramp_from, key: now}
    unit = model.spec(module_id).param(param).unit
    unit = "" if unit in ("ratio", "enum", "bool") else f" {unit}"
    translator.mapper.understood.append(
        f"the fade goes on: {module_id} {param} {format_number(now)}{unit} now, to {format_number(to)}{unit} "
        f"(it was going to {format_number(was_going)}{unit}) over the {format_number(beats)} beats left")
    return message(f"/ramp/{module_id}/{param}", to, beats, curve, now)


__all__ = ["read_over_ramps"]
