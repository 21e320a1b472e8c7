"""A setting for a module the patch lacks, said as if it were there: the module that owns the
param is added to the voice meant, with that setting ('attack 5s', 'sine attack 5 ms',
'distortion drive 8'), and said back."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE, module_spec
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .mapper_messages import message
from .mapper_targets import absolute
from .resolve import type_named


def add_owner(ctx, ref: it.Words, value: it.Value) -> list[Message] | None:
    """'attack 5s' with no envelope yet: the envelope owning that param is added to the voice
    in focus, with that setting (said back). An effect's param ('feedback') adds nothing."""
    name = "_".join(ref.texts)
    named = _effect_with_param(ctx, ref, value) or _envelope_for_voice(ctx, ref, value)
    if named is not None:
        return named
    owners = [cls.spec for cls in CATALOGUE.values() if cls.spec.has_param(name)]
    if len(owners) != 1 or owners[0].role != "processor" or ctx.model.of_type(owners[0].type) \
            or not owners[0].has_param("attack"):
        return None
    voice = ctx.resolve.focused_voice()
    if not voice or ctx.model.spec(voice[0]).role != "source":
        return None
    ctx.understood.append(f"{name}: a new {owners[0].type} on {voice[0]}")
    return ctx.map(it.AddModule(it.Words((it.Word(owners[0].type, ref.column),)), value, None, ref))


def _envelope_for_voice(ctx, ref: it.Words, value: it.Value) -> list[Message] | None:
    """'sine attack 5 ms', 'attack 5 ms on the lead' with no envelope in that voice: one is put
    straight after its oscillator, with that setting (said back) — the envelope of another voice
    is never the one meant."""
    for split in range(1, len(ref.items)):
        param = "_".join(it.Words(ref.items[split:]).texts)
        owners = [cls.spec for cls in CATALOGUE.values() if cls.spec.has_param(param) and cls.spec.has_param("attack")
                  and cls.spec.role == "processor"]
        try:
            voice = ctx.resolve.module(it.Words(ref.items[:split]), hints=False)
        except LanguageError:
            continue
        if len(owners) != 1 or ctx.model.spec(voice).role != "source" or \
                any(ctx.model.modules[m] == owners[0].type for m in ctx.model.voice_of(voice)):
            return None
        added = ctx.map(it.AddTo(it.Words((it.Word(owners[0].type, ref.column),)), it.Words(ref.items[:split]),
                                 right_after=True))
        new_id = next(m.args[0] for m in added if m.address == "/patch/create")
        ctx.understood.append(f"{param}: a new {owners[0].type} on {voice}")
        spec = owners[0].param(param)
        return added + [message(f"/mod/{new_id}/{spec.name}", absolute(ctx, spec, value))]
    return None


def _effect_with_param(ctx, ref: it.Words, value: it.Value) -> list[Message] | None:
    """'distortion drive 8' with no distortion yet: one is added to the voice in focus, set."""
    for split in range(1, len(ref.items)):
        kind = type_named(it.Words(ref.items[:split]).texts)
        param = "_".join(it.Words(ref.items[split:]).texts)
        if kind and not ctx.model.of_type(kind) and module_spec(kind).role == "processor" \
                and module_spec(kind).has_param(param):
            voice = ctx.resolve.focused_voice()
            if not voice:
                return None
            _not_guessed(ctx, kind, ref.column)
            ctx.understood.append(f"{param}: a new {kind} on {voice[0]}")
            return ctx.map(it.AddModule(it.Words(ref.items[:split]), value, None,
                                        it.Words(ref.items[split:])))
    return None


def _not_guessed(ctx, kind: str, column: int) -> None:
    """Right after a refused line, with several voices, the part in focus may not be the one the musician was after
    (the refused line named another): the new module's place is asked, not guessed."""
    voices = [m for m in ctx.model.modules if (spec := ctx.model.spec(m)) is not None and spec.role in ("source", "drum")]
    if ctx.after_refusal and len(voices) > 1:
        raise LanguageError(f"there is no {kind} yet — say where it goes: 'add a {kind} to {voices[0]}' (or "
                            f"{', '.join(voices[1:3])})", column)


__all__ = ["add_owner"]


def refuse_darker(ctx, intent: it.Comparative, direction: int, names) -> None:
    """'make it darker', 'less harsh' (or 'brighter') on a voice with nothing that darkens: refused with the ways
    to get there (a filter, a softer or a brighter wave) — adding one would be a guess between them."""
    if "cutoff" not in names or intent.amount is not None:
        return
    ref = intent.ref if intent.ref is not None and intent.ref.texts not in (("it",), ("this",), ("that",)) else None
    try:
        start = ctx.resolve.module(ref) if ref is not None else ctx.model.focus
    except LanguageError:
        return
    voice = ctx.model.voice_of(start) or (ctx.resolve.focused_voice() if ref is None else [])
    if voice and ctx.model.spec(voice[0]).role == "source" and \
            not any(ctx.model.spec(m).has_param(n) for m in voice for n in names):
        if direction > 0:                             # (unfiltered, a wave is as bright as it goes: a filter only darkens)
            wave = ctx.model.modules[voice[0]]
            softer = "" if wave in ("saw", "square") else " or use a brighter wave (a saw or a square)"
            raise LanguageError(f"{voice[0]} plays its {wave} wave unfiltered, as bright as it goes: 'add a distortion to "
                                f"{voice[0]}' gives it edge{softer}", intent.column)
        raise LanguageError(f"nothing in {voice[0]}'s voice darkens it yet: add a filter ('add a filter to {voice[0]}', "
                            f"then 'darker') or use a softer wave (a triangle or a sine)", intent.column)


def one_drum_of_the_kit(ctx, intent: it.Comparative, module_id: str | None, names) -> None:
    """'make it sound warmer' with the hat in focus and a kit playing: a colour said of 'it' is the
    music's, not one drum's — asked with the parts, never the hat changed alone."""
    if "tone" not in names or intent.ref is None or intent.ref.texts not in (("it",), ("that",), ("this",)):
        return
    spec = ctx.model.spec(module_id) if module_id else None
    drums = [m for m, t in ctx.model.modules.items() if CATALOGUE[t].spec.role == "drum"] if spec else []
    if spec is not None and spec.role == "drum" and len(drums) > 1:
        raise LanguageError(f"{intent.word} — which part? {module_id} is only one drum of the kit: say e.g. "
                            f"'{ctx.model.modules[module_id]} {intent.word}'", intent.column)


def the_bands_level(ctx) -> bool:
    """'louder' when the only focus is one a script or a controller left (raw messages: no part the
    musician named) and a band plays — several voices, drums among them: the band's level, not one player's."""
    voices = ctx.model.voices()
    return ctx.model.focus_raw == ctx.model.focus is not None and len(voices) > 1 and \
        any(ctx.model.spec(v[0]).role == "drum" for v in voices)


def new_parts(model, messages: list[Message], tracks_before: set[str]) -> tuple[str | None, str | None]:
    """(the sound a line added, the sound whose part — a new track — it wrote): the one a complaint or a
    hairpin said next means ('add a saw', 'it's too loud'; 'the sine plays a melody: …', 'diminuendo')."""
    added = next((str(m.args[0]) for m in messages if m.address == "/patch/create"
                  and model.voice_of(str(m.args[0]))[:1] == [str(m.args[0])]), None)
    track = next((str(m.args[0]) for m in messages if m.address == "/seq/add" and str(m.args[0]) not in tracks_before
                  and str(m.args[0]) in model.tracks), None)
    voice = model.voice_of(model.tracks[track].target) if track else []
    return added, (voice[0] if voice else added)


def the_whole_mix(ctx) -> bool:
    """'it's too loud' with no part named and several parts heard: the whole mix is (the part the line
    before added aside: the one just heard come in)."""
    heard = ctx.model.sounding_voices()
    focus = ctx.model.voice_of(ctx.model.focus)[:1]
    return len(heard) > 1 and not (focus and focus[0] in (ctx.model.just_added, ctx.model.just_named))


def named_part(model, line: str, messages: list[Message]) -> str | None:
    """The one voice a line named and changed ('the hats are too loud'): a complaint said next with no part
    named ('too quiet' — it went too far) is about it."""
    changed = {m.parts[1] for m in messages if m.address.startswith(("/mod/", "/ramp/"))}   # ('crescendo the violin')
    heads = {tuple(model.voice_of(module)[:1]) for module in changed}
    if len(heads) != 1 or not next(iter(heads)):
        return None
    voice = next(iter(heads))[0]
    names = {voice, model.modules.get(voice, "")} | {n for n, t in model.tracks.items() if t.target == voice} | \
        {label for label, module in model.labels.items() if module == voice}      # 'theremin vol 70%': the sine
    words = set(re.findall(r"[a-z0-9_]+", line.lower()))
    return voice if any(n and (n in words or f"{n}s" in words) for n in names) else None


def owner_hint(ctx, names, start: str | None) -> str:
    """How to get a param nothing in the voice has, for the one that musicians ask of a voice:
    a stereo width ('wider') is a reverb's or a delay's, never a pulse width."""
    if "stereo_width" not in names:
        return ""
    voice = ctx.model.voice_of(start) if start else []
    part = voice[0] if voice else "the part"
    pulse = next((m for m in voice if ctx.model.spec(m).has_param("pulse_width")), None)
    return (f": a reverb or a delay has one ('add a reverb to {part}', then 'wider'), or pan it ('pan {part} left')"
            + (f"; {pulse}'s pulse width is 'pulse width up'" if pulse else ""))
