"""Edges: connect and disconnect, modulation and the LFO effects (vibrato, tremolo, wobble).

Everything that draws an edge between modules — audio or onto a param — chooses its
endpoints here, including the param a modulator aims at when only a module is named.
"""
from __future__ import annotations

import re

from ..engine.catalogue import module_spec
from ..engine.params import ModuleSpec, ParamSpec
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .mapper_chain import check_loop, module_type, preset_messages
from .mapper_changes import near_param
from .mapper_messages import message
from .mapper_targets import absolute, typo_checked
from .mapper_targets import primary_param
from .param_words import LFO_EFFECTS
from .resolve import type_named
from .target_words import PRONOUN_REFS


def _endpoint(ctx, words: it.Words) -> str:
    """A module id, or 'id.param' for a modulation edge."""
    try:
        return ctx.resolve.module(words)
    except LanguageError as module_error:
        try:
            module_id, spec = ctx.resolve.param(words)
        except LanguageError:
            raise module_error from None
        return f"{module_id}.{spec.name}"


def connect(ctx, intent: it.Connect) -> list[Message]:
    kind = type_named(intent.dest.texts)
    if kind and not ctx.model.of_type(kind) and module_spec(kind).role == "processor":
        return ctx.map(it.AddTo(intent.dest, intent.source))     # "send the bass to the echo": one comes
    source, dest = ctx.resolve.module(intent.source), _endpoint(ctx, intent.dest)
    if "." in dest:
        return [message("/patch/connect", source, dest)]
    if intent.series and ctx.model.spec(dest).role == "processor":   # "send the sine into the reverb":
        voice = ctx.model.voice_of(source)                          # its voice's end, instead of master
        source = voice[-1] if voice and source in voice and dest not in voice else source
    check_loop(ctx, source, dest, intent.dest.column)
    reroute = [message("/patch/disconnect", source, "master")] if intent.series and \
        (source, "master") in ctx.model.edges else []
    return reroute + [message("/patch/connect", source, dest)]


def disconnect(ctx, intent: it.Disconnect) -> list[Message]:
    source = ctx.resolve.module(intent.source)
    if intent.dest is not None:
        dest = _endpoint(ctx, intent.dest)
        onto = [d for s, d in ctx.model.mod_edges if s == source and d.split(".")[0] == dest]
        if (source, dest) not in ctx.model.edges and onto:     # "from the filter": its param
            return [message("/patch/disconnect", source, d) for d in onto]
        if (source, dest) not in ctx.model.edges + ctx.model.mod_edges:
            raise LanguageError(f"{source} is not connected to {dest}", intent.dest.column)   # (nothing to take off)
        return [message("/patch/disconnect", source, dest)]
    edges = [e for e in ctx.model.edges + ctx.model.mod_edges if e[0] == source]
    if not edges:
        raise LanguageError(f"{source} is not connected to anything", intent.source.column)
    return [message("/patch/disconnect", a, b) for a, b in edges]


def modulate(ctx, intent: it.Modulate) -> list[Message]:
    shape = _shape_of(ctx, intent)
    if shape is not None:                             # "triangle wave on the lfo": its shape
        return shape
    effect = _effect_named(ctx, intent.modulator)
    if effect is not None:                            # "delay on the hats": into its chain
        there = _effect_there(ctx, effect, intent)
        return there if there is not None else ctx.map(it.AddTo(intent.modulator, intent.target, intent.value))
    target, also = _without_too(intent.target)
    module_id, spec = _modulation_target(ctx, target)
    kind = type_named(intent.modulator.texts)
    on_it = [src for src, dst in ctx.model.mod_edges if dst == f"{module_id}.{spec.name}" and ctx.model.modules.get(src) == kind]
    if on_it and not intent.new and not also and intent.value is not None:   # 'lfo on the filter 6 hz' with one there: it
        param = primary_param(ctx.model.spec(on_it[0]), intent.value)
        return [message(f"/mod/{on_it[0]}/{param.name}", absolute(ctx, param, intent.value))]
    if on_it and not intent.new and not also:           # 'the lfo on the filter': the one there, never a second unasked
        raise LanguageError(f"{on_it[0]} is already on {module_id} {spec.name}: set it (e.g. '{on_it[0]} rate 2 hz', "
                            f"'{on_it[0]} depth 50%'), or say 'add another {kind} to the {target.text}'",
                            intent.modulator.column)
    definite = re.search(rf"\b(?:the|that|my)\s+{re.escape(intent.modulator.text)}\b", ctx.line, re.I) is not None
    messages, modulator, mod_spec = _modulator(ctx, intent.modulator, intent.new, also and f"{module_id} {spec.name}",
                                               f"{module_id} {spec.name}" if definite else "")
    if modulator == module_id:                        # 'the lead on the sine' with the sine the lead
        raise LanguageError(f"{module_id} can't modulate its own {spec.name}: name another module, e.g. "
                            f"'lfo on the {spec.name}'", intent.modulator.column)
    messages.append(message("/patch/connect", modulator, f"{module_id}.{spec.name}"))
    if intent.value is not None:
        param = primary_param(mod_spec, intent.value)
        messages.append(message(f"/mod/{modulator}/{param.name}", absolute(ctx, param, intent.value)))
    return messages


def _effect_there(ctx, effect: str, intent: it.Modulate) -> list[Message] | None:
    """'delay on the sine' when the sine already goes through a delay: that delay (its setting, with
    a value), never a second one unasked; without a value, how to set it or add another."""
    try:
        voice = ctx.model.voice_of(ctx.resolve.module(intent.target, hints=False))
    except LanguageError:
        return None
    there = [m for m in voice if ctx.model.modules[m] == effect]
    if not there:
        return None
    if intent.value is None:
        raise LanguageError(f"{voice[0]} already goes through {there[0]}: set it (e.g. 'more {effect}', '{there[0]} "
                            f"{primary_param(ctx.model.spec(there[0]), it.Value('number', '1', 0, 1, None)).name} …'), or "
                            f"say 'add another {effect} to the {intent.target.text}'", intent.modulator.column)
    param = primary_param(ctx.model.spec(there[0]), intent.value)
    return [message(f"/mod/{there[0]}/{param.name}", absolute(ctx, param, intent.value))]


def _shape_of(ctx, intent: it.Modulate) -> list[Message] | None:
    """'<choice> on <modulator>': the choice of the modulator's enum param."""
    try:
        module_id = ctx.resolve.module(intent.target, hints=False)
    except LanguageError:
        return None
    spec = ctx.model.spec(module_id)
    word = intent.modulator.texts[0]
    if spec.role != "modulator":
        return None
    param = next((p for p in spec.params if p.is_enum and word in p.choices), None)
    return [message(f"/mod/{module_id}/{param.name}", word)] if param else None


def _effect_named(ctx, words: it.Words) -> str | None:
    """The type when the words name an effect or source, not a modulator (nor a module there)."""
    type_name = type_named(words.texts)
    if type_name is None or module_spec(type_name).role == "modulator":
        return None
    try:
        module_id = ctx.resolve.module(words, hints=False)
        if ctx.model.spec(module_id).role == "modulator":
            return None
    except LanguageError:
        pass
    return type_name


def _modulator(ctx, words: it.Words, new: bool, also: bool | str = False, where: str = "") -> tuple[list[Message], str, ModuleSpec]:
    """An existing modulator, or a new one when asked for or when none of that type exists
    ('lfo on the reverb mix as well' with one busy, or 'modulate the delay time with the lfo' with each one busy
    elsewhere: the same one, or a new one? both are named)."""
    type_name = type_named(words.texts)
    busy = {src for src, _ in ctx.model.mod_edges}
    mine = ctx.model.of_type(type_name) if type_name else []
    if where and not new and mine and all(m in busy for m in mine):    # 'modulate the delay time with the lfo'
        if len(mine) == 1:                                              # the one there: on one more target
            ctx.understood.append(f"the {type_name}: {mine[0]}, on {where} too (it stays on "
                                  f"{', '.join(dst.replace('.', ' ') for src, dst in ctx.model.mod_edges if src == mine[0])})")
            return [], mine[0], ctx.model.spec(mine[0])
        on = "; ".join(f"{m} on {', '.join(d.replace('.', ' ') for s, d in ctx.model.mod_edges if s == m)}" for m in mine)
        raise LanguageError(f"which {type_name}? {on} — say 'connect {mine[0]} to {where}', or 'add another "
                            f"{type_name} to {where}'", words.column)
    if also and type_name and not new and [m for m in mine if m in busy]:
        module_id, where = mine[0], also if isinstance(also, str) else "…"
        raise LanguageError(f"that could mean 'connect {module_id} to {where}' (the same one, on one more "
                            f"target) — or — 'add another {type_name} to {where}': say which", words.column)
    if type_name and (new or not [m for m in ctx.model.of_type(type_name) if m not in busy]):
        spec, presets = module_type(ctx, words)
        module_id = ctx.model.next_id(spec.type)
        return ([message("/patch/create", module_id, spec.type)] + preset_messages(module_id, spec, presets),
                module_id, spec)
    module_id = ctx.resolve.module(words)
    if ctx.model.spec(module_id).role == "processor":     # ('chorus effect on the pad': the reverb is no modulator)
        raise LanguageError(f"'{words.text}' is no modulator here ({module_id} is an effect a sound goes through): an lfo or "
                            f"an envelope moves a param, e.g. 'lfo on the cutoff'", words.column)
    played = [name for name, track in ctx.model.tracks.items() if track.target == module_id]
    if played and words.text.lower() not in (module_id, ctx.model.modules[module_id]):
        raise LanguageError(f"'{words.text}' is {module_id}, a sound that plays '{played[0]}' — no modulator: to play "
                            f"'{played[0]}' on another sound, add it there ('/seq/add {played[0]} <module> <pattern>'); an "
                            "lfo moves a param ('lfo on the cutoff')", words.column)
    return [], module_id, ctx.model.spec(module_id)


def wobble(ctx, intent: it.Wobble) -> list[Message]:
    """An LFO on the target: the one already on it, else a free one, else a new one."""
    focus = ctx.model.focus
    aimed = [dst for src, dst in ctx.model.mod_edges if src == focus]
    shaped = _lfo_shaped_as(ctx, intent.target)
    if shaped is not None:                                  # 'wobble on the sine pitch, vibrato': that wobble made
        return shaped                                       # a vibrato, never an lfo on the lfo's rate
    if intent.target.texts in PRONOUN_REFS and aimed:       # "wobble it faster": the lfo's target
        module_id, param = aimed[0].split(".", 1)
        spec = ctx.model.spec(module_id).param(param)
    else:
        module_id, spec = _modulation_target(ctx, intent.target, LFO_EFFECTS["wobble"][0])
    edge_target = f"{module_id}.{spec.name}"
    on_it = [src for src, dst in ctx.model.mod_edges if dst == edge_target and ctx.model.modules.get(src) == "lfo"]
    busy = {src for src, _ in ctx.model.mod_edges}
    free = [m for m in ctx.model.of_type("lfo") if m not in busy]
    messages: list[Message] = []
    if on_it:
        lfo = on_it[0]
    elif free:
        lfo = free[-1]
        messages.append(message("/patch/connect", lfo, edge_target))
    else:
        lfo = ctx.model.next_id("lfo")
        messages += [message("/patch/create", lfo, "lfo"), message("/patch/connect", lfo, edge_target)]
    if intent.value is not None:
        rate = module_spec("lfo").param("rate")
        messages.append(message(f"/mod/{lfo}/rate", absolute(ctx, rate, intent.value)))
    if not messages:
        raise LanguageError(f"{lfo} already wobbles {edge_target} — give a rate, e.g. 'at 4 hz'",
                            intent.target.column)
    return messages


def _lfo_shaped_as(ctx, words: it.Words) -> list[Message] | None:
    """'vibrato' (or 'gentle vibrato') said of an LFO already making it: its rate and depth as that effect has them."""
    effect = words.texts[-1] if words.texts else ""
    if effect not in LFO_EFFECTS:
        return None
    try:
        lfo = ctx.resolve.module(words, hints=False)
    except LanguageError:
        return None
    if ctx.model.modules.get(lfo) != "lfo":
        return None
    _, rate, depth = LFO_EFFECTS[effect]
    return [message(f"/mod/{lfo}/{name}", float(value)) for name, value in (("rate", rate), ("depth", depth))
            if ctx.model.value(lfo, name) != float(value)] or None


def modulate_new(ctx, spec: ModuleSpec, target: it.Words) -> tuple[list[Message], str]:
    module_id, param = _modulation_target(ctx, target)
    modulator = ctx.model.next_id(spec.type)
    return [message("/patch/create", modulator, spec.type),
            message("/patch/connect", modulator, f"{module_id}.{param.name}")], modulator


def _modulation_target(ctx, words: it.Words, names: tuple[str, ...] = ()) -> tuple[str, ParamSpec]:
    """A param to modulate: named, or a module's first pitch/cutoff param."""
    typo_checked(ctx, lambda w: None, words)
    try:
        return ctx.resolve.param(words, hints=False)
    except LanguageError:
        try:
            module_id = ctx.resolve.module(words, hints=False)
        except LanguageError:
            ctx.resolve.param(words)                 # the error again, with did-you-mean
            raise
    spec = ctx.model.spec(module_id)
    voice = [module_id] + [m for m in ctx.model.voice_of(module_id) if m != module_id]
    if "cutoff" in names and "bass" in words.texts and not any(ctx.model.spec(m).has_param("cutoff") for m in voice):
        raise _no_filter_to_wobble(module_id, "bass", words.column)
    for name in names:                                # "make the bass wobble": its filter first
        for member in voice:
            if ctx.model.spec(member).has_param(name):
                return member, ctx.model.spec(member).param(name)
    numeric = [p for p in spec.params if not p.is_enum]
    hz = [p for p in numeric if p.unit == "Hz"]
    if not (hz or numeric):
        raise LanguageError(f"{module_id} has nothing to modulate", words.column)
    return module_id, (hz or numeric)[0]


def lfo_effect(ctx, words: it.Words, target: it.Words | None, value: it.Value | None) -> list[Message]:
    """'add vibrato [to the saw]': a new LFO on the pitch (tremolo: the level), at a musical rate."""
    names, rate, depth = LFO_EFFECTS[words.text]
    if words.text == "wobble" and target is not None and "bass" in target.texts:   # a wobble bass: its filter, never a
        try:                                                                        # siren unasked
            module_id, param = near_param(ctx, target, names[:2], words.column, anywhere=False)
        except LanguageError:
            raise _no_filter_to_wobble(ctx.resolve.module(target), target.text, words.column) from None
    else:
        module_id, param = near_param(ctx, target, names, words.column)
    lfo = ctx.model.next_id("lfo")
    lfo_spec = module_spec("lfo")
    if value is not None:
        rate = absolute(ctx, primary_param(lfo_spec, value), value)
    return [message("/patch/create", lfo, "lfo"), message("/patch/connect", lfo, f"{module_id}.{param.name}"),
            message(f"/mod/{lfo}/rate", float(rate)), message(f"/mod/{lfo}/depth", float(depth))]


def _no_filter_to_wobble(module_id: str, part: str, column: int) -> LanguageError:
    return LanguageError(f"a wobble bass moves a filter, and {module_id} has none: 'add an acid filter to the {part}', then "
                         f"'make the {part} wobble' (or 'wobble the {part} pitch' for a siren)", column)


def _without_too(words: it.Words) -> tuple[it.Words, bool]:
    """'the reverb mix as well' → ('reverb mix', True): the same modulator on one more target."""
    texts = words.texts
    for ending in (("as", "well"), ("too",), ("also",)):
        if len(texts) > len(ending) and texts[-len(ending):] == ending:
            return it.Words(words.items[:-len(ending)]), True
    return words, False


#: The intents this family maps.
HANDLERS = {it.Connect: connect, it.Disconnect: disconnect, it.Modulate: modulate, it.Wobble: wobble}
