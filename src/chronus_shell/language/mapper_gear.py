"""Samples, MIDI and Link intents → messages (issue 18).

Samples become plain patch and param messages (`/mod/<id>/sample <file>`: the supervisor decodes
the file off the audio path before the message is applied), so undo, sessions and raw lines
work as for any param. MIDI and Link settings are `/midi/*` and `/link` messages for the gear
layer (gear/), which answers them and keeps the mappings (saved in sessions, undone here).
"""
from __future__ import annotations

import re
from pathlib import PurePath

from ..engine.catalogue import module_spec
from ..engine.samples import split_ref
from ..protocol.message import Message
from . import intents as it
from . import intents_gear as gear
from .errors import LanguageError
from .mapper_chain import new_id, place_module
from .mapper_chain import ID_SHAPE
from .mapper_messages import message
from .mapper_tracks import voice_head
from .patch_model import MASTER
from .resolve import type_named
from .units import parse_number

SAMPLER = "sampler"
SLICE_NOTE_NAMES = ("c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b")
MIDDLE_C = 60                  # slice 1 is played by middle C (engine/modules/sampler.py)


def slice_note(index: int) -> str:
    """Slice 1 → 'c4', slice 2 → 'c#4', … (the sampler picks a slice by the note from middle C)."""
    midi = MIDDLE_C + index - 1
    return f"{SLICE_NOTE_NAMES[midi % 12]}{midi // 12 - 1}"


# -- samples -----------------------------------------------------------------------------
def add_sample(ctx, intent: gear.AddSample) -> list[Message]:
    if type_named(intent.type_name.texts) != SAMPLER:
        raise LanguageError(f"a file goes into a sampler: 'add a sample {intent.path}'", intent.column)
    module_id = new_id(ctx, SAMPLER, intent.name) if intent.name else _sample_id(ctx, intent.path)
    return [message("/patch/create", module_id, SAMPLER), *place_module(ctx, module_id, module_spec(SAMPLER), []),
            message(f"/mod/{module_id}/sample", intent.path)]


def _sample_id(ctx, path: str) -> str:
    """The file's stem if it is a free, plain id that names no module type ('amen.wav' → amen),
    else the next sampler id ('kick.wav' → sampler1: 'kick' means the drum)."""
    stem = re.sub(r"[^a-z0-9_]", "_", PurePath(split_ref(path)[0]).stem.lower()).strip("_")
    if ID_SHAPE.match(stem) and stem not in ctx.model.modules and type_named((stem,)) is None:
        return stem
    return ctx.model.next_id(SAMPLER)


def load_sample(ctx, intent: gear.LoadSample) -> list[Message]:
    named = intent.name.text.replace(" ", "_").lower() if intent.name else None
    if named in ctx.model.modules:
        return _into(ctx, named, intent.path, intent.column)
    samplers = ctx.model.of_type(SAMPLER)
    a_new_one = intent.target is not None and type_named(intent.target.texts) == SAMPLER and not samplers
    if a_new_one and named is None:                  # 'load steps.wav into a sampler': a new one, named as a sampler
        named = ctx.model.next_id(SAMPLER)
    if intent.target is not None and not (named and type_named(intent.target.texts) == SAMPLER) and not a_new_one:
        return _into(ctx, ctx.resolve.module(intent.target), intent.path, intent.column)
    if named is None and len(samplers) == 1:
        return _into(ctx, samplers[0], intent.path, intent.column)
    if named is None and ctx.model.focus in samplers:
        return _into(ctx, ctx.model.focus, intent.path, intent.column)
    return ctx.map(gear.AddSample(it.Words((it.Word(SAMPLER, intent.column),)), intent.path,
                                  it.Word(named, intent.column) if named else None, intent.column))


def _into(ctx, module_id: str, path: str, column: int) -> list[Message]:
    if ctx.model.modules.get(module_id) != SAMPLER:
        raise LanguageError(f"{module_id} is a {ctx.model.modules.get(module_id)}, not a sampler: "
                            f"'use {path} for {module_id}' makes it play the file", column)
    return [message(f"/mod/{module_id}/sample", path)]


def chop(ctx, intent: gear.Chop) -> list[Message]:
    module_id = _sampler(ctx, intent.target)
    count = 16 if intent.slices is None else _whole(intent.slices, "slices", 1, 64)
    mode = "onsets" if intent.onsets else "equal"
    changed = [] if str(ctx.model.value(module_id, "chop")) == mode else [message(f"/mod/{module_id}/chop", mode)]
    return changed + [message(f"/mod/{module_id}/slices", float(count))]     # the way of cutting only when it changes


def play_slices(ctx, intent: gear.PlaySlices) -> list[Message]:
    module_id = _sampler(ctx, intent.target) if intent.target else _sampler(ctx, None, intent.column)
    chopped = int(float(ctx.model.value(module_id, "slices")))
    too_far = [n for n in intent.slices if n > chopped]
    if chopped <= 1 or too_far:
        raise LanguageError(f"{module_id} is cut into {chopped} slice{'s' * (chopped != 1)}: "
                            f"'chop the {module_id} into 16' first", intent.column)
    pattern = "".join("x" if n else "." for n in intent.slices)
    notes = [slice_note(n) for n in intent.slices if n]
    start = [] if ctx.model.running else [message("/seq/start")]
    return [message("/seq/add", module_id, module_id, pattern), message("/seq/notes", module_id, *notes), *start]


def use_sample(ctx, intent: gear.UseSample) -> list[Message]:
    """The track keeps its id and pattern; its drum module becomes a sampler of the file."""
    try:
        module_id = ctx.resolve.module(intent.target)
    except LanguageError:
        drum = type_named(intent.target.texts)
        if drum is None:
            raise
        module_id = drum if drum not in ctx.model.modules else ctx.model.next_id(drum)
        return [message("/patch/create", module_id, SAMPLER), message("/patch/connect", module_id, MASTER),
                message(f"/mod/{module_id}/sample", intent.path)]
    if ctx.model.modules[module_id] == SAMPLER:
        return _into(ctx, module_id, intent.path, intent.column)
    outputs = ctx.model.outputs(module_id)
    return [message("/patch/remove", module_id), message("/patch/create", module_id, SAMPLER),
            *[message("/patch/connect", module_id, dst) for dst in outputs or [MASTER]],
            message(f"/mod/{module_id}/sample", intent.path)]


def _sampler(ctx, words: it.Words | None, column: int = 0) -> str:
    module_id = ctx.resolve.module(words) if words is not None else ctx.resolve.focus(column)
    if ctx.model.modules.get(module_id) != SAMPLER:
        samplers = ctx.model.of_type(SAMPLER)
        if words is None and len(samplers) == 1:
            return samplers[0]
        raise LanguageError(f"{module_id} is not a sampler", words.column if words else column)
    return module_id


# -- MIDI --------------------------------------------------------------------------------
def midi_plays(ctx, intent: gear.MidiPlays) -> list[Message]:
    return [message("/midi/plays", voice_head(ctx, intent.target, intent.target.column))]


def map_control(ctx, intent: gear.MapControl) -> list[Message]:
    module_id, spec = ctx.resolve.param(intent.target)
    target = f"{module_id}.{spec.name}"
    if spec.is_enum:
        raise LanguageError(f"{spec.name} is a choice ({spec.range_text()}): a knob moves numbers",
                            intent.target.column)
    if intent.kind == "learn":
        return [message("/midi/learn", target)]
    return [message("/midi/map", f"{intent.kind}{intent.number}", target)]


def midi_out(ctx, intent: gear.MidiOut) -> list[Message]:
    voice = voice_head(ctx, intent.target, intent.target.column)
    return [message("/midi/out", voice, *((intent.port,) if intent.port else ()))]


def _whole(word: it.Word, what: str, low: int, high: int) -> int:
    number = parse_number(word.text)
    if number.denominator != 1 or not low <= number <= high:
        raise LanguageError(f"{what}: a whole number from {low} to {high}", word.column)
    return int(number)


__all__ = ["HANDLERS", "slice_note"]


#: The intents this family maps.
HANDLERS = {gear.AddSample: add_sample, gear.LoadSample: load_sample, gear.Chop: chop,
            gear.PlaySlices: play_slices, gear.UseSample: use_sample, gear.MidiPlays: midi_plays,
            gear.MapControl: map_control, gear.MidiOut: midi_out}
