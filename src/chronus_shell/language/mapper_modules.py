"""Module intents: add, remove, drop, swap and duplicate modules, and where a new one is placed.

These are the commands that change which modules exist; they choose ids, types (with enum
presets such as 'highpass filter') and the edges that put a module into a voice.
"""
from __future__ import annotations

from dataclasses import replace

from ..engine.params import format_number, ModuleSpec, ParamSpec
from ..engine.sequencer_verbs import SWING, TEMPO
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError, with_hint
from .mapper_chain import module_type, move_module, new_id, place_module, preset_messages, right_before, sourceless_head
from .mapper_chain import AUTO_ID, heard_at_first, own_end, tail_cut
from .mapper_changes import change_message
from .mapper_edges import lfo_effect, modulate_new
from .mapper_levels import module_or_none, more_of_it
from .mapper_messages import message
from .mapper_targets import absolute, primary_param
from .mapper_tracks import plays_a_track, set_track_muted
from .mapper_values import set_seq
from .new_sound_notes import said_of_new
from .param_words import LFO_EFFECTS, SEQ_PARAMS, seq_param
from .patch_model import MASTER
from .resolve import EVERYTHING, type_and_presets, type_named
from .target_words import PRONOUN_REFS, TRACK_WORDS, track_name
from .vocabulary import closest_words


#: Words asking for one more of a kind ('add a second 303': a new bass voice, not a filter in series).
_ANOTHER = ("another", "second", "2nd", "third", "3rd", "new", "extra", "other")


def add_module(ctx, intent: it.AddModule) -> list[Message]:
    seq = seq_param(intent.type_name)
    if seq is not None:                               # "add some swing"
        if intent.value is not None:
            return set_seq(ctx, seq, intent.value)
        return [change_message(ctx, None, seq, 1, None, None, intent.type_name.column)]
    if intent.type_name.text in LFO_EFFECTS:
        return lfo_effect(ctx, intent.type_name, None, intent.value)
    said = intent.type_name.texts + ((intent.value.text,) if intent.value is not None else ())
    another = any(t in _ANOTHER for t in said)
    if another and len(intent.type_name.items) > 1:    # "add another 303": a 303
        intent = replace(intent, type_name=it.Words(tuple(w for w in intent.type_name.items if w.text not in _ANOTHER)))
    spec, presets = module_type(ctx, intent.type_name, intent.value)
    if not another and intent.value is None and not intent.name and (more := more_of_it(ctx, spec)) is not None:
        return more                                   # ('add some reverb to the chords', through one already)
    value = intent.value
    if value is not None and value.kind == "number" and value.unit is None and type_named((value.text,)) \
            and type_and_presets(intent.type_name.texts) is None:
        value = None                                  # "add a second 303": the 303 is the type
    module_id = new_id(ctx, spec.type, intent.name)
    said_of_new(ctx, intent.type_name, spec, module_id, another)
    voice_for = _voice_for_processor(ctx, spec, intent.type_name.column, another and "303" in said)
    if voice_for is not None:                         # "add a 303" with no synth to filter: one comes with it
        messages = voice_for + [message("/patch/create", module_id, spec.type),
                                message("/patch/connect", voice_for[0].args[0], module_id),
                                message("/patch/connect", module_id, MASTER)]
    else:
        messages = [message("/patch/create", module_id, spec.type)] + place_module(ctx, module_id, spec)
    messages += preset_messages(module_id, spec, presets)
    if value is not None:
        if intent.param is not None:
            param = _param_named(ctx, spec, intent.param)
        else:
            param = primary_param(spec, value)
        messages.append(message(f"/mod/{module_id}/{param.name}", absolute(ctx, param, value)))
    return heard_at_first(ctx, module_id, spec, messages)


def _voice_for_processor(ctx, spec: ModuleSpec, column: int, a_303: bool = False) -> list[Message] | None:
    """A processor needs a sound: with none in the patch it is refused, except a 303 filter,
    which is a bass voice (a saw comes with it, also when only drums play, and for 'a 303'
    when one is there already: 'add another 303' is a second bass, not a filter in series)."""
    if spec.role != "processor" or sourceless_head(ctx):
        return None
    if a_303 and ctx.model.of_type("acid_filter"):
        return [message("/patch/create", ctx.model.next_id("saw"), "saw")]
    sounds = [m for m in ctx.model.modules if ctx.model.spec(m).role in ("source", "drum")]
    focused = ctx.resolve.focused_voice()
    pitched = focused and ctx.model.spec(focused[0]).role == "source"
    if spec.type == "acid_filter" and not pitched and not any(
            ctx.model.spec(m).role == "source" for m in sounds):
        saw = ctx.model.next_id("saw")
        return [message("/patch/create", saw, "saw")]
    if not sounds:
        raise LanguageError(f"there is nothing to put a {spec.type.replace('_', ' ')} on yet — add a sound "
                            f"first, e.g. 'add a saw at 110 hz'", column)
    voices = [v for v in ctx.model.voices() if ctx.model.spec(v[0]).role == "source"]
    if focused and not pitched and voices:             # a drum in focus and a synth playing: which?
        name = spec.type.replace("_", " ")
        raise LanguageError(f"add the {name} to which voice? 'add a {name} to {voices[-1][0]}' or "
                            f"'add a {name} to {focused[0]}'", column, (voices[-1][0], focused[0]))
    return None


def _param_named(ctx, spec: ModuleSpec, words: it.Words) -> ParamSpec:
    name = "_".join(words.texts)
    if not spec.has_param(name):
        hints = tuple(h for h in closest_words(name) if spec.has_param(h))
        valid = ", ".join(p.name for p in spec.params)
        raise LanguageError(with_hint(f"{spec.type} has no param {name!r}", hints)
                            + f" (params: {valid})", words.column, hints)
    return spec.param(name)


def add_to(ctx, intent: it.AddTo) -> list[Message]:
    """'add an lfo to the cutoff' modulates; 'add a reverb to the saw' goes into the saw's voice
    (at its end; 'after the saw': straight after it)."""
    if intent.type_name.text in LFO_EFFECTS:
        return lfo_effect(ctx, intent.type_name, intent.target, intent.value)
    existing = _existing_to_move(ctx, intent)
    if existing is not None and intent.through and _on_another_part(ctx, existing, intent.target):
        return ctx.map(it.Connect(intent.target, intent.type_name, True))    # never taken off the part it is on
    if existing is not None:                          # "put the delay before the reverb"
        return move_module(ctx, existing, ctx.resolve.module(intent.target), intent.before,
                           intent.type_name.column)
    named = "_".join(intent.type_name.texts)
    if intent.move and named in ctx.model.modules and ctx.model.spec(named).role in ("source", "drum"):
        return _route_existing(ctx, named, ctx.resolve.module(intent.target), intent)   # 'put sine1 into the reverb'
    spec, presets = module_type(ctx, intent.type_name)
    if intent.value is not None and not presets and _put_on_a_part(ctx, spec, intent):   # (a kind said: one added)
        return ctx.map(it.Modulate(intent.type_name, intent.target, intent.value))
    if spec.role == "modulator":
        messages, modulator = modulate_new(ctx, spec, intent.target)
        return messages + _settings(ctx, modulator, spec, presets, intent.value)
    if spec.type == "adsr" and intent.target.texts in EVERYTHING and len(ctx.model.inputs(MASTER)) > 1:
        raise LanguageError("one envelope on the whole mix would shape every part's notes at once — 'add an adsr to "
                            "all voices' gives each voice its own", intent.target.column)
    if spec.role == "processor" and (intent.target.texts in EVERYTHING or intent.target.texts in _MASTER_BUS):
        return _on_the_master(ctx, spec, presets, intent)
    target = ctx.resolve.module(intent.target)
    if intent.value is None and not presets and not intent.before and not intent.right_after and not any(
            t in _ANOTHER for t in intent.type_name.texts) and (more := more_of_it(ctx, spec, ctx.model.voice_of(target))):
        return more                                   # ('add some reverb to the chords', through one already)
    if spec.role == "source" and ctx.model.spec(target).role == "processor" and intent.move \
            and len(ctx.model.of_type(spec.type)) == 1:            # "throw the sine into the echo": that sine
        return _route_existing(ctx, ctx.model.of_type(spec.type)[0], target, intent)
    if spec.role == "source" and ctx.model.spec(target).role == "processor":
        return _feed(ctx, spec, presets, target, intent.value)      # "add a saw into the filter"
    if spec.role != "processor":
        raise LanguageError(f"a {spec.type} is a {spec.role}: add it on its own ('add a {spec.type}')",
                            intent.type_name.column)
    voice = ctx.model.voice_of(target)
    if not voice:
        raise LanguageError(f"{target} does not reach master, so it has no chain to add to",
                            intent.target.column)
    module_id = ctx.model.next_id(spec.type)
    if intent.before:
        placed = right_before(ctx, module_id, target)
    elif intent.right_after:
        placed = _right_after(ctx, module_id, target)
    elif (own := own_end(ctx.model, voice)) is not None:  # 'a filter on the noise' with a reverb it shares: before that
        placed = _right_after(ctx, module_id, own)
        tail_cut(ctx, module_id, spec.type, voice, own)
    else:
        placed = place_module(ctx, module_id, spec, voice)
    return [message("/patch/create", module_id, spec.type), *placed] + _settings(
        ctx, module_id, spec, presets, intent.value, intent.param)


#: The master bus said as a place for an effect ('a reverb on the master', '… on the master bus').
_MASTER_BUS = {("master",), ("master", "bus"), ("main", "bus"), ("main", "out"), ("master", "channel")}


def _on_the_master(ctx, spec: ModuleSpec, presets, intent: it.AddTo) -> list[Message]:
    """'add a reverb to the master', '… to the whole mix': every part through it — what fed the master feeds
    the new effect, and it the master (one undo takes it out again)."""
    feeding = ctx.model.inputs(MASTER)
    if not feeding:
        raise LanguageError(f"nothing plays into the master yet: add a sound first, then 'add a {spec.type} to the master'",
                            intent.target.column)
    module_id = ctx.model.next_id(spec.type)
    ctx.understood.append(f"{module_id} on the master: the whole mix ({', '.join(feeding)}) goes through it")
    return ([message("/patch/create", module_id, spec.type)]
            + [message("/patch/disconnect", source, MASTER) for source in feeding]
            + [message("/patch/connect", source, module_id) for source in feeding]
            + [message("/patch/connect", module_id, MASTER)]
            + _settings(ctx, module_id, spec, presets, intent.value, intent.param))


def _put_on_a_part(ctx, spec: ModuleSpec, intent: it.AddTo) -> bool:
    """'put delay on melody, 1 beat' is 'delay on melody, 1 beat': the one there already set, never a second unasked."""
    return intent.move and spec.role == "processor" and not (intent.right_after or intent.before or intent.param) and \
        not set(_ANOTHER) & set(ctx.line.lower().split()) and not (intent.target.texts in EVERYTHING or intent.target.texts in _MASTER_BUS)


def _route_existing(ctx, source: str, target: str, intent: it.AddTo) -> list[Message]:
    """'put the sine into the delay' with one sine there: that sine goes through it."""
    if target in ctx.model.voice_of(source):
        kind = ctx.model.modules[target]
        raise LanguageError(f"{source} already goes through {target} — for more of it, say 'more {kind} mix'",
                            intent.target.column)
    return ctx.map(it.Connect(it.Words((it.Word(source, intent.type_name.column),)), intent.target, True))


def _existing_to_move(ctx, intent: it.AddTo) -> str | None:
    """put/move/run through with a place: the module named, when it exists (else one is added)."""
    if not intent.move or not (intent.right_after or intent.before):
        return None
    try:
        module_id = ctx.resolve.module(intent.type_name, hints=False)
    except LanguageError as err:
        if intent.through and err.message.startswith("which "):
            raise                                     # 'through the delay' with two: which, never a third one
        return None
    return module_id if ctx.model.spec(module_id).role != "modulator" else None


def _on_another_part(ctx, module_id: str, target: it.Words) -> bool:
    """Whether a voice other than the one `target` names plays through `module_id` ('send saw1 through the filter'
    with the filter on saw2: saw1 joins it)."""
    try:
        voice = ctx.model.voice_of(ctx.resolve.module(target, hints=False))
    except LanguageError:
        return False
    return bool(voice) and ctx.model.spec(voice[0]).role in ("source", "drum") and \
        any(source not in voice for source in ctx.model.inputs(module_id))


def _right_after(ctx, module_id: str, target: str) -> list[Message]:
    """Insert `module_id` between `target` and whatever it feeds."""
    outputs = ctx.model.outputs(target)
    return ([message("/patch/disconnect", target, out) for out in outputs]
            + [message("/patch/connect", target, module_id)]
            + [message("/patch/connect", module_id, out) for out in outputs or [MASTER]])


def _settings(ctx, module_id: str, spec: ModuleSpec, presets, value: it.Value | None,
              named: it.Words | None = None) -> list[Message]:
    """A new module's preset choices ('highpass filter') and its value ('at 2k', 'with drive 8')."""
    messages = preset_messages(module_id, spec, presets)
    if value is not None:
        param = _param_named(ctx, spec, named) if named is not None else primary_param(spec, value)
        messages.append(message(f"/mod/{module_id}/{param.name}", absolute(ctx, param, value)))
    return heard_at_first(ctx, module_id, spec, messages)


def _feed(ctx, spec: ModuleSpec, presets, target: str, value: it.Value | None) -> list[Message]:
    """A new source playing into `target` (alongside whatever already feeds it)."""
    module_id = ctx.model.next_id(spec.type)
    return [message("/patch/create", module_id, spec.type), message("/patch/connect", module_id, target),
            *_settings(ctx, module_id, spec, presets, value)]


def remove_module(ctx, intent: it.RemoveModule) -> list[Message]:
    if intent.target.texts in EVERYTHING:
        return _remove_everything(ctx, intent.target.column, intent.fresh)
    if any(w in TRACK_WORDS for w in intent.target.texts) and track_name(intent.target, ctx.model.tracks) in ctx.model.tracks:
        return [message("/seq/remove", track_name(intent.target, ctx.model.tracks))]     # "remove the snare pattern"
    module_id = ctx.resolve.module(intent.target)
    if module_id == MASTER:
        raise LanguageError("master cannot be removed", intent.target.column)
    if intent.target.texts in PRONOUN_REFS[:3] and ctx.model.focus_raw == module_id:   # a script's focus: no part named
        raise LanguageError(f"'{intent.target.text}' — the last line? 'undo' takes it back; to take a part out, name "
                            f"it ('remove {module_id}')", intent.target.column)
    reconnect = [message("/patch/connect", a, b) for a in ctx.model.inputs(module_id)
                 for b in ctx.model.outputs(module_id)]
    tracks = [message("/seq/remove", n) for n, t in ctx.model.tracks.items() if t.target == module_id]
    return tracks + [message("/patch/remove", module_id)] + reconnect


def _remove_everything(ctx, column: int, fresh: bool = False) -> list[Message]:
    """Every module and track removed; a fresh start ('start over') also puts back the tempo, the swing
    and the key a new shell has — the next piece is not slow and swung by the last one's."""
    modules = [m for m in ctx.model.modules if m != MASTER]
    settings = ([message("/seq/bpm", TEMPO.default)] if ctx.model.bpm != TEMPO.default else []) + \
        ([message("/seq/swing", SWING.default, 16)] if ctx.model.swing or ctx.model.swing_unit != 16 else []) + \
        ([message("/seq/key", "none")] if ctx.model.key else []) + _master_as_new(ctx) if fresh else \
        _faded_out(ctx) + _key_cleared(ctx)
    if not modules and not settings:
        raise LanguageError("the patch is already empty", column)
    if settings and fresh:
        ctx.understood.append("a fresh start: tempo 120, no swing, no key, the master at 0 dB, as a new shell")
    clear = [message("/seq/clear")] if ctx.model.tracks else []
    return clear + [message("/patch/remove", m) for m in reversed(modules)] + settings


def _faded_out(ctx) -> list[Message]:
    """The master back at 0 dB when the last piece faded it out (at or going to −40 dB or less): everything removed,
    what comes next would be silent (trial: a new beat at −60 dB, and no word of why)."""
    now = float(ctx.model.value(MASTER, "gain"))
    if min(now, ctx.model.going_to.get(f"{MASTER}.gain", now)) > -40:
        return []
    ctx.understood.append(f"the master was faded out ({format_number(now)} dB): back at 0 dB for what comes next")
    return [message(f"/mod/{MASTER}/gain", ctx.model.spec(MASTER).param("gain").default)]


def _key_cleared(ctx) -> list[Message]:
    """No key once every note is gone: the last piece's key is no one's ('put it in A' then moved a new E A D A by the
    old minor key: trial); the tempo stays (a set goes on at it)."""
    if not ctx.model.key:
        return []
    ctx.understood.append(f"the key ({' '.join(ctx.model.key)}) went with the notes: the next piece sets its own")
    return [message("/seq/key", "none")]


def _master_as_new(ctx) -> list[Message]:
    """The master's settings a new shell has, where the last piece left others (a fade out, '-6 db', a ramp under way)."""
    spec = ctx.model.spec(MASTER)
    return [message(f"/mod/{MASTER}/{p.name}", p.default) for p in spec.params
            if ctx.model.value(MASTER, p.name) != p.default or f"{MASTER}.{p.name}" in ctx.model.going_to]


def drop(ctx, intent: it.Drop) -> list[Message]:
    """'drop the cutoff [by/to …]' lowers a param; 'drop the kick' removes the module."""
    if intent.amount is None and intent.to is None and any(w in TRACK_WORDS for w in intent.target.texts):
        return ctx.map(it.RemoveModule(intent.target))     # "take out the kick pattern"
    if intent.amount is None and intent.to is None:
        try:
            ctx.resolve.param(intent.target, hints=False)
        except LanguageError:
            if intent.target.texts[0] not in SEQ_PARAMS:
                return _drop_part(ctx, intent.target)
    if intent.to is not None:
        return ctx.map(it.SetParam(intent.target, intent.to))
    return ctx.map(it.ChangeParam(intent.target, -1, intent.amount, intent.intensity,
                                  intent.target.column))


def _drop_part(ctx, target: it.Words) -> list[Message]:
    """'drop the kick', 'take out the bass': its track is muted (kept); a source that plays
    no track is muted; an effect ('take out the delay') is taken out of its chain."""
    named = module_or_none(ctx, target)
    if named is not None and ctx.model.spec(named).role in ("processor", "modulator"):
        return ctx.map(it.RemoveModule(target))   # "take the amp env out"
    if plays_a_track(ctx, target):
        return set_track_muted(ctx, target, True)
    module_id = ctx.resolve.module(target)
    if ctx.model.spec(module_id).role in ("source", "drum"):
        return ctx.map(it.Mute("mute", target, target.column))
    return ctx.map(it.RemoveModule(target))


def swap(ctx, intent: it.Swap) -> list[Message]:
    """A new module where the old one was: same edges, tracks and shared param values."""
    column = intent.old.column if intent.old else intent.column
    old = ctx.resolve.module(intent.old) if intent.old else ctx.resolve.focus(column)
    if old == MASTER:
        raise LanguageError("master cannot be swapped", column)
    old_spec = ctx.model.spec(old)
    spec, presets = module_type(ctx, intent.new)
    if spec.type == old_spec.type and not presets:
        article = "an" if spec.type[0] in "aeiou" else "a"
        raise LanguageError(f"{old} is already {article} {spec.type}", intent.new.column)
    if spec.type == old_spec.type:               # "swap the filter for a highpass"
        changed = [message(f"/mod/{old}/{name}", choice) for name, choice in presets
                   if ctx.model.value(old, name) != choice]
        return changed or _already(old, intent.new.column)
    if spec.role != old_spec.role:
        raise LanguageError(f"{old} is a {old_spec.role} and a {spec.type} is a {spec.role}: "
                            f"swap like for like, or remove it and add a {spec.type}", intent.new.column)
    auto = AUTO_ID.match(old)
    new = ctx.model.next_id(spec.type) if auto and auto.group(1) == old_spec.type else old
    messages = [message("/patch/remove", old), message("/patch/create", new, spec.type)]
    messages += [message("/patch/connect", a, new) for a in ctx.model.inputs(old)]
    messages += [message("/patch/connect", new, b) for b in ctx.model.outputs(old)]
    for src, dst in ctx.model.mod_edges:
        module_id, param = dst.split(".", 1)
        if src == old:
            messages.append(message("/patch/connect", new, dst))
        elif module_id == old and spec.has_param(param):
            messages.append(message("/patch/connect", src, f"{new}.{spec.param(param).name}"))
    for param, value in ctx.model.values.get(old, {}).items():
        if spec.has_param(param) and not spec.param(param).is_enum and not isinstance(value, str):
            target = spec.param(param)
            if target.low <= value <= target.high:
                messages.append(message(f"/mod/{new}/{target.name}", value))
    messages += preset_messages(new, spec, presets)
    for name, track in ctx.model.tracks.items():
        if track.target == old:
            messages.append(message("/seq/add", name, new, track.pattern))
    return messages


def duplicate(ctx, intent: it.Duplicate) -> list[Message]:
    """A copy beside the original: a source or drum layered into the same outputs, a processor
    right after it, a modulator on the same targets; the values it had set."""
    old = ctx.resolve.module(intent.target)
    if old == MASTER:
        raise LanguageError("master cannot be duplicated", intent.target.column)
    spec = ctx.model.spec(old)
    new = ctx.model.next_id(spec.type)
    messages = [message("/patch/create", new, spec.type)]
    if spec.role == "processor":
        for out in ctx.model.outputs(old):
            messages += [message("/patch/disconnect", old, out), message("/patch/connect", new, out)]
        messages.append(message("/patch/connect", old, new))
    else:
        messages += [message("/patch/connect", new, out) for out in ctx.model.outputs(old)]
        messages += [message("/patch/connect", new, dst) for src, dst in ctx.model.mod_edges if src == old]
    messages += [message(f"/mod/{new}/{param}", value) for param, value in ctx.model.values.get(old, {}).items()]
    return messages


def _already(module_id: str, column: int):
    raise LanguageError(f"{module_id} is already set that way", column)


#: The intents this family maps.
HANDLERS = {it.AddModule: add_module, it.AddTo: add_to, it.RemoveModule: remove_module, it.Drop: drop,
            it.Swap: swap, it.Duplicate: duplicate}
