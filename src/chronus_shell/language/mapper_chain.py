"""The chain: where a new module goes, what it is called, moving modules, refusing loops.

"put the delay before the reverb", "move the distortion after the filter", "run it through
the reverb" (an effect that exists moves; one that does not is added there). Audio feeding
back into itself is refused with the loop named ("feed the reverb into the delay"). A new
module's type comes from the words (module_type), its id is the next free one (new_id), and it
goes to master or the end of the focused voice (place_module); every family that adds uses these.
"""
from __future__ import annotations

import re

from ..engine.catalogue import module_spec
from ..engine.params import ModuleSpec, ParamError, format_number
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .parser_grammar import parse_plain
from .mapper_messages import message
from .patch_model import MASTER
from .resolve import GENERIC_NOUNS, type_and_presets, type_named

#: What an id may look like, and an id the shell gave ("saw1": type, then a number).
ID_SHAPE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
AUTO_ID = re.compile(r"^([a-z_]+?)\d+$")


def move_module(ctx, module_id: str, anchor: str, before: bool, column: int) -> list[Message]:
    """Take `module_id` out of its place (its inputs then feed its outputs) and put it right
    before or after `anchor`."""
    if module_id == anchor:
        raise LanguageError(f"{module_id} cannot go {'before' if before else 'after'} itself", column)
    if anchor == MASTER:
        raise LanguageError("master is the end of every chain: name a module", column)
    if ctx.model.spec(module_id).role not in ("processor",) and before is False and \
            ctx.model.spec(anchor).role == "processor" and module_id in ctx.model.voice_of(anchor)[:1]:
        raise LanguageError(f"{module_id} is the source of that chain: it can only start it", column)
    ins, outs = ctx.model.inputs(module_id), ctx.model.outputs(module_id)
    if (before and outs == [anchor]) or (not before and ins == [anchor]):
        raise LanguageError(f"{module_id} is already right {'before' if before else 'after'} {anchor}", column)
    edges = [e for e in ctx.model.edges if module_id not in e]
    messages = [message("/patch/disconnect", a, b) for a, b in ctx.model.edges if module_id in (a, b)]
    for a in ins:
        for b in outs:
            if (a, b) not in edges:
                edges.append((a, b))
                messages.append(message("/patch/connect", a, b))
    if before:
        feeding = [a for a, b in edges if b == anchor]
        messages += [message("/patch/disconnect", a, anchor) for a in feeding]
        messages += [message("/patch/connect", a, module_id) for a in feeding]
        messages.append(message("/patch/connect", module_id, anchor))
    else:
        fed = [b for a, b in edges if a == anchor] or [MASTER]
        messages += [message("/patch/disconnect", anchor, b) for b in fed if (anchor, b) in edges]
        messages.append(message("/patch/connect", anchor, module_id))
        messages += [message("/patch/connect", module_id, b) for b in fed]
    return messages


def right_before(ctx, module_id: str, anchor: str) -> list[Message]:
    """Insert a new `module_id` between whatever feeds `anchor` and `anchor`."""
    feeding = ctx.model.inputs(anchor)
    return ([message("/patch/disconnect", a, anchor) for a in feeding]
            + [message("/patch/connect", a, module_id) for a in feeding]
            + [message("/patch/connect", module_id, anchor)])


def check_loop(ctx, source: str, dest: str, column: int) -> None:
    """An audio edge source → dest must not close a loop (dest already reaching source)."""
    seen, todo = set(), [dest]
    while todo:
        node = todo.pop()
        if node == source:
            raise LanguageError(f"that would make a loop: {dest} already feeds {source} — move it instead, "
                                f"e.g. 'put {source} after {dest}'", column)
        if node not in seen:
            seen.add(node)
            todo.extend(ctx.model.outputs(node))


def module_type(ctx, words: it.Words, value: it.Value | None = None):
    """(ModuleSpec, enum presets) a phrase names: 'saw', 'highpass filter', 'pink noise'."""
    texts = words.texts
    if value is not None and value.kind == "number" and value.unit is None and type_named((value.text,)):
        texts = (value.text,)                     # "add a 303 filter"
    found = type_and_presets(texts)
    if found is None:
        core = tuple(t for t in texts if t not in GENERIC_NOUNS + ("wave",)) or texts
        type_name, presets = "_".join(core), ()
    else:
        type_name, presets = found
    try:
        spec = module_spec(type_name)
    except ParamError as err:
        raise LanguageError(str(err), words.column, err.suggestions) from None
    if spec.role == "master":
        raise LanguageError("master always exists; there is only one", words.column)
    return spec, presets


def preset_messages(module_id: str, spec: ModuleSpec, presets) -> list[Message]:
    """The choices a new module was named with ('a lowpass filter'), said even when default."""
    return [message(f"/mod/{module_id}/{name}", choice) for name, choice in presets]


#: A new effect asked for by name is heard at once: a distortion's drive starts where it bites, not at its floor (1,
#: the signal untouched), unless the line says its drive — a bitcrusher's at 8 bits (drive 1 is 16: nothing heard).
HEARD_AT_FIRST = {"distortion": ("drive", 5.0), ("distortion", "bitcrush"): ("drive", 29.0)}


def heard_at_first(ctx, module_id: str, spec: ModuleSpec, messages: list[Message]) -> list[Message]:
    """`messages` (a new module's) with the setting that makes it heard (HEARD_AT_FIRST), when they set none; said."""
    if spec.type not in HEARD_AT_FIRST:
        return messages
    crushed = any(m.address == f"/mod/{module_id}/mode" and m.args == ("bitcrush",) for m in messages)
    param, value = HEARD_AT_FIRST[(spec.type, "bitcrush") if crushed else spec.type]
    if any(m.address == f"/mod/{module_id}/{param}" for m in messages):
        return messages
    ctx.understood.append(f"{module_id} {param} {format_number(value)}, to be heard ('more {param}', 'less {param}' to taste)")
    return messages + [message(f"/mod/{module_id}/{param}", value)]


def new_id(ctx, type_name: str, name: it.Word | None) -> str:
    if name is None:
        return ctx.model.next_id(type_name)
    module_id = name.text.lower()
    if not ID_SHAPE.match(module_id):
        raise LanguageError(f"{name.text!r} is not a valid id (a letter, then letters, digits, _)",
                            name.column)
    if module_id in ctx.model.modules:
        raise LanguageError(f"the name {module_id!r} is taken by a module already in the patch", name.column)
    if (named := type_named((module_id,))) is not None:
        raise LanguageError(f"{module_id!r} already means the {named} module type: pick another name",
                            name.column)
    if _misread(module_id):                           # 'called wind': 'wind level -21 db' would read 'turn level …'
        raise LanguageError(f"{module_id!r} is also one of my command words, so lines would misread it as a "
                            f"name: call it e.g. '{module_id}1'", name.column)
    track = ctx.model.tracks.get(module_id)
    if track is not None and track.target in ctx.model.modules:   # its lines would go on playing the old sound
        raise LanguageError(f"{module_id!r} is the track {track.target} plays: call the new {type_name} another name, "
                            f"e.g. '{module_id}2'", name.column)
    return module_id


def _misread(name: str) -> bool:
    """Whether a line naming `name` first is read without it ('wind level -6 db' as 'turn level -6 db': the level of
    the part in focus); a name read so, or refused ('crash gain 0.3'), is no misreading."""
    try:
        intent = parse_plain(f"{name} level -6 db")
    except LanguageError:
        return False
    ref = getattr(intent, "ref", None) or getattr(intent, "target", None)
    return ref is not None and name not in ref.texts


def place_module(ctx, module_id: str, spec: ModuleSpec, voice: list[str] | None = None) -> list[Message]:
    """Sources and drums go to master; processors go at the end of the focused voice."""
    if spec.role == "modulator":
        return []
    if voice is None and spec.role == "source" and (waiting := sourceless_head(ctx)):
        return [message("/patch/connect", module_id, waiting)]     # "add a 303", then "add a saw"
    if voice is None:
        voice = _heard_voice(ctx, module_id, spec) if spec.role == "processor" else []
    if not voice:
        return [message("/patch/connect", module_id, master_bus(ctx.model))]
    tail = next((m for m in voice[1:] if ctx.model.modules.get(m) in _TAILS), None) if spec.type == "adsr" else None
    if tail is not None:                              # an envelope shapes the notes before their echo and their room:
        feeding = voice[voice.index(tail) - 1]        # after it, it would cut the tail off with each note
        return [message("/patch/disconnect", feeding, tail), message("/patch/connect", feeding, module_id),
                message("/patch/connect", module_id, tail)]
    before = own_end(ctx.model, voice)
    shared = voice[voice.index(before) + 1:] if before is not None else []
    if spec.type in _TAILS and any(ctx.model.modules.get(m) == "adsr" for m in shared):
        envelope = next(m for m in shared if ctx.model.modules.get(m) == "adsr")   # before an envelope its tail is cut:
        ctx.understood.append(f"{module_id} after {envelope}, which {voice[0]} shares with "    # after it, on all it shapes
                              f"{', '.join(i for i in ctx.model.inputs(shared[0]) if i != before)}")
        before = None
    if before is not None:                            # a voice into a bus ('a reverb on the master'): before the bus
        bus = voice[voice.index(before) + 1]
        return [message("/patch/disconnect", before, bus), message("/patch/connect", before, module_id),
                message("/patch/connect", module_id, bus)]
    last = voice[-1]
    return [message("/patch/disconnect", last, MASTER), message("/patch/connect", last, module_id),
            message("/patch/connect", module_id, MASTER)]


#: Effects that ring on after a note (its echo, its room): an envelope goes before them.
_TAILS = ("reverb", "delay")


def tail_cut(ctx, module_id: str, kind: str, voice: list[str], own: str) -> None:
    """'add a reverb to pad2' where pad2 joins a filter and an envelope pad goes through too: on pad2 alone, as asked,
    but the envelope after it cuts its tail off with each note — said, with where it would ring on."""
    envelope = next((m for m in voice[voice.index(own) + 1:] if ctx.model.modules.get(m) == "adsr"), None)
    if kind in _TAILS and envelope is not None:
        ctx.understood.append(f"{module_id} is before {envelope}, which cuts its tail with each note: 'move {module_id} "
                              f"after {envelope}' lets it ring on (on every part through {envelope})")


def own_end(model, voice: list[str]) -> str | None:
    """The voice's last module before one other voices feed too (a shared reverb), if there is one."""
    shared = next((i for i, m in enumerate(voice) if i > 0 and len(model.inputs(m)) > 1), None)
    return voice[shared - 1] if shared is not None else None


def master_bus(model) -> str:
    """Where a new sound goes: the master, or the effect on the master every part goes through ('add a reverb to
    the master', then 'add a saw': the saw through it too)."""
    feeding = model.inputs(MASTER)
    if len(feeding) == 1 and len(model.inputs(feeding[0])) > 1 and model.spec(feeding[0]) is not None \
            and model.spec(feeding[0]).role == "processor":
        return feeding[0]
    return MASTER


def _heard_voice(ctx, module_id: str, spec: ModuleSpec) -> list[str]:
    """The voice in focus — unless it is silent (its level at nothing, its tracks muted) while others
    are heard: an effect put where nothing is heard helps no one, and one put elsewhere is a guess, so
    the musician is asked which."""
    voice = ctx.resolve.focused_voice()
    heard = ctx.model.sounding_voices()
    if voice and len(ctx.model.voices()) > 1 and spec.type != "adsr":
        ctx.understood.append(f"{module_id} on {voice[0]}, the part in focus")    # several parts: which, said back
    if not voice or voice in heard or not heard or spec.type == "adsr":
        return voice
    names = ", ".join(v[0] for v in heard)
    raise LanguageError(f"{voice[0]} is silent — which part gets the {spec.type}? e.g. 'add a {spec.type} to "
                        f"{heard[0][0]}' (heard: {names}), or 'add a {spec.type} to {voice[0]}'", 0)


def sourceless_head(ctx) -> str | None:
    """The focused voice's first module when it is a processor with nothing feeding it."""
    voice = ctx.model.voice_of(ctx.model.focus)
    if voice and ctx.model.spec(voice[0]).role == "processor" and not ctx.model.inputs(voice[0]):
        return voice[0]
    return None
