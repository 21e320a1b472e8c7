"""Relative changes: 'up', 'max', 'double', and which param they move ('transpose' is mapper_transpose's,
'brighter' mapper_comparatives').

A relative command often names a module, a pronoun or nothing; finding the param it means
(by unit, by level, near the focus in its voice) is most of the work, shared by all of them.
"""
from __future__ import annotations

import math
import re
from functools import partial
from dataclasses import replace
from fractions import Fraction

from ..engine.catalogue import CATALOGUE
from ..engine.params import ParamSpec, format_number
from ..engine.sequencer_verbs import SWING, TEMPO
from ..protocol.message import Message
from . import intents as it
from .chords import hz, token_pitches, transpose_token
from .errors import LanguageError
from .intents_rhythm import TrackFeel
from .mapper_messages import checked, message, playable
from .mapper_owners import owner_hint
from .mapper_targets import module_or_raise, musical_time, typo_checked
from .mapper_tracks import only_drums, plays_a_track, scale_track, set_track_muted
from .rephrasings import QUALITIES
from .param_words import AMOUNT_OF_EFFECT, LEVEL, LEVEL_OF_MODULE, SWING_FEELS, seq_param
from .patch_model import MASTER
from .swing_units import swing_message
from .target_words import PRONOUN_REFS
from .units import canonical_unit, relative_value, scaled_value, tidy


def extreme(ctx, intent: it.Extreme) -> list[Message]:
    """'max resonance', 'no swing', 'no reverb' (its mix), 'full volume'; 'no hats' (a part
    that plays a track) mutes its track, as 'stop the hats' does."""
    if not intent.top and names_a_part(ctx, intent.ref) and plays_a_track(ctx, intent.ref) and \
            not _names_an_effect(ctx, intent.ref):    # ('no reverb' on a voice playing: the reverb's mix)
        return set_track_muted(ctx, intent.ref, True)
    module_id, spec = _last_param(ctx, intent.ref) or target_of(ctx, intent.ref, None, intent.column)
    if spec.is_enum:
        raise LanguageError(f"{spec.name} is a choice ({spec.range_text()}), not an amount",
                            intent.ref.column)
    if not intent.top and spec.unit == "Hz" and module_id and not {spec.name, *spec.aliases} & set(intent.ref.texts):
        raise LanguageError(f"that could mean '{module_id} {spec.name} max' — or — 'remove {module_id}': say which "
                            f"(a filter closed to its lowest is near silence)", intent.column)   # 'no filter'
    return [set_message(ctx, module_id, spec, spec.high if intent.top else spec.low)]


def _last_param(ctx, ref: it.Words | None) -> tuple[str | None, ParamSpec] | None:
    """'max it', 'double that': the param set last, when the words only point back."""
    if ref is None or ref.texts not in PRONOUN_REFS[:3] or ctx.model.last_param is None:
        return None
    module_id, name = ctx.model.last_param
    if module_id == "seq":
        return None, TEMPO if name == "bpm" else SWING
    if module_id != ctx.model.focus or ctx.model.spec(module_id) is None:
        return None
    return module_id, ctx.model.spec(module_id).param(name)


def change_param(ctx, intent: it.ChangeParam) -> list[Message]:
    if intent.ref is None and intent.amount is not None and intent.amount.unit and \
            canonical_unit(intent.amount.unit)[0] in ("octaves", "semitones"):
        return ctx.map(it.Transpose(None, intent.direction, intent.amount, None, intent.column))
    module_id, spec = target_of(ctx, intent.ref, intent.amount, intent.column)
    column = intent.ref.column if intent.ref else intent.column
    amount = intent.amount
    if _steps_of_a_melody(ctx, intent.ref, module_id, spec, amount):      # 'tumbi down 2': which 2?
        said = f"{intent.ref.text} {'up' if intent.direction > 0 else 'down'} {amount.text}"
        unit = "semitone" if amount.number == 1 else "semitones"
        raise LanguageError(f"that could mean '{said} {unit}' — or — '{said} db': say which", column)
    if (intent.ref is not None and "pitch" in intent.ref.texts and spec.unit == "Hz" and amount is not None
            and amount.kind == "number" and amount.unit is None):
        amount = replace(amount, unit="semitones")    # "pitch up 12": semitones, as transpose counts
    turned = ramp_turned_back(ctx, module_id, spec, intent.direction, amount, intent.intensity)
    if turned is not None:
        return [turned]
    change = change_message(ctx, module_id, spec, intent.direction, amount, intent.intensity, column)
    return [change, *transposed_notes(ctx, module_id, spec, change.args[0], column)]


def ramp_turned_back(ctx, module_id: str | None, spec: ParamSpec, direction: int, amount,
                     intensity: str | None = None, said_back: bool = False) -> Message | None:
    """'bring the volume back up' while a fade out runs, or 'open it back up' once the filter's sweep down arrived: the
    ramp stopped and the value it started from back (a step up from the level mid-fade left the fade going on to
    silence); None when no ramp of it ran the other way. `said_back`: only when the line says 'back' ('open it a bit'
    mid-sweep is a step). Arrived, only 'back' said with no amount right after the sweep (ramp_from forgets a ramp's
    start once the value is set again: pair_words.ramp_starts)."""
    key = f"{module_id}.{spec.name}"
    going, start = ctx.model.going_to.get(key), ctx.model.ramp_from.get(key)
    back = bool(re.search(r"\bback\s+(?:up|down|open|closed?)\b", ctx.line, re.I))
    some = intensity is not None or re.search(r"\b(?:bit|little|touch|tad|slightly|hair|notch|smidge|some)\b", ctx.line, re.I)
    if module_id is None or amount is not None or start is None or said_back and (not back or some):
        return None
    now = float(ctx.model.value(module_id, spec.name))
    if going is None and not (back and not some and ctx.model.last_param == (module_id, spec.name) and spec.name != "gain"):
        return None                                   # (arrived: 'back up' right after a sweep is to where it started;
    #                                                   a level faded in and 'back down' is quieter, never silence)
    if going is not None and (going - now) * direction >= 0 or (start - now) * direction <= 0:
        return None
    unit = "" if spec.unit in ("ratio", "enum", "bool") else f" {spec.unit}"
    stopped = f"the ramp to {format_number(going)}{unit} stopped: " if going is not None else ""
    ctx.understood.append(f"{stopped}{module_id} {spec.name} back to {format_number(start)}{unit}, where its ramp started")
    return message(f"/mod/{module_id}/{spec.name}", start)


def _steps_of_a_melody(ctx, ref: it.Words | None, module_id: str | None, spec: ParamSpec, amount) -> bool:
    """'tumbi down 2', 'the bass up 3': a whole number with no unit, said of a part (not of its level) whose
    voice plays notes, where the level cannot move that far — semitones of the notes, or decibels: asked."""
    if ref is None or module_id is None or amount is None or amount.kind != "number" or amount.unit or \
            spec.name != "gain" or any(t == spec.name or t in spec.aliases for t in ref.texts):
        return False
    steps = float(amount.number) if amount.number is not None else 0.0
    if module_id == MASTER and not {"master", "volume", "level", "vol", "loudness", "mix"} & set(ref.texts) and \
            not re.match(r"^\s*(?:turn|bring|pull|push)\b", ctx.line, re.I):      # ('turn everything down 6': the level)
        return steps == int(steps) and 1 <= steps <= 12 and any(t.notes for t in ctx.model.tracks.values())   # ('everything up 5')
    voice = ctx.model.voice_of(module_id) or [module_id]
    return steps == int(steps) and 1 <= steps <= 12 and steps > spec.high - spec.low and \
        any(t.target in voice and t.notes for t in ctx.model.tracks.values())


def change_message(ctx, module_id, spec, direction, amount, intensity, column) -> Message:
    current = current_value(ctx, module_id, spec)
    if direction > 0 and amount is None and current == spec.low and (module_id, spec.name) in ctx.model.premute:
        return set_message(ctx, module_id, spec, ctx.model.premute[module_id, spec.name])   # 'back up' after a fade out
    amount = musical_time(ctx, spec, amount)
    if spec is SWING and direction > 0 and amount is None and intensity != "edge" and current == 0:
        return set_message(ctx, None, spec, SWING_FEELS["heavy" if intensity == "big" else "medium"])   # 'more swing': a feel
    if amount is None and intensity != "edge" and _a_pitch(ctx, module_id, spec):
        octaves = 2 if intensity == "big" else 1      # 'higher': an octave (any other step changes the key)
        amount, intensity = it.Value("number", f"{octaves} octaves", column, Fraction(octaves), "octaves"), None
    if amount is None and intensity == "edge":
        new = spec.high if direction > 0 else spec.low
        if new == current:
            raise _at_edge(spec, new, direction, column)
    elif amount is None and intensity == "little":    # 'louder', 'a bit less': half a step back
        new = tidy(current + (relative_value(spec, current, direction, None, column) - current) / 2)
    elif amount is None and intensity == "big":
        new = current
        for _ in range(3):
            try:
                new = relative_value(spec, new, direction, None, column)
            except LanguageError:
                if new == current:
                    raise
                break
    else:
        new = relative_value(spec, current, direction, amount, column)
    return set_message(ctx, module_id, spec, new)


def _a_pitch(ctx, module_id: str | None, spec: ParamSpec) -> bool:
    """Whether the param is a voice's pitch (an oscillator's frequency)."""
    return module_id is not None and spec.name == "freq" and ctx.model.spec(module_id).role == "source"


def target_of(ctx, ref: it.Words | None, amount: it.Value | None, column: int) -> tuple[str | None, ParamSpec]:
    """(module id, ParamSpec) a relative command works on; (None, TEMPO/SWING) for the sequencer."""
    if ref is None:                                   # 'up 4 bpm': the unit names the tempo
        return (None, TEMPO) if amount is not None and canonical_unit(amount.unit)[0] == "bpm" else _by_unit(ctx, ctx.resolve.focus(column), amount, column)
    seq = seq_param(ref)
    if seq is not None:
        return None, seq
    focus = ctx.model.spec(ctx.model.focus) if ctx.model.focus in ctx.model.modules else None
    if ref.texts == ("speed",) and not (focus and focus.has_param("speed")):
        return None, TEMPO                            # 'double the speed': the tempo, unless an LFO is in focus
    return typo_checked(ctx, partial(_param_or_level, ctx), ref, amount)


def _param_or_level(ctx, ref: it.Words, amount: it.Value | None = None) -> tuple[str, ParamSpec]:
    """'turn the drive up' names a param; 'turn the saw up' names a module: its level (or, for
    'lower the saw an octave', the param the amount's unit fits); a part's own name that is also a param's word ('click
    up 4 db', a track called click): the part."""
    try:
        if ref.text.lower() in ctx.model.tracks or ref.text.lower() in ctx.model.labels:
            raise LanguageError(f"{ref.text!r} names a part", ref.column)
        return ctx.resolve.param(ref, hints=False)
    except LanguageError as param_error:
        module_id = module_or_raise(ctx, ref)
        try:
            return _by_unit(ctx, module_id, amount, ref.column)
        except LanguageError:
            pass
        spec = ctx.model.spec(module_id)
        if ("filter" in ref.texts or ref.text == module_id and "filter" in ctx.model.modules[module_id]) \
                and spec.has_param("cutoff"):        # "filter down", "filter1 down" (each of 'the filters'): its cutoff
            return module_id, spec.param("cutoff")
        quality = QUALITIES.get(ref.text, "")
        if spec.has_param(quality.split()[-1] if quality else ""):   # "more acid": its resonance
            return module_id, spec.param(quality.split()[-1])
        try:                                          # "turn the 303 up": its voice's level
            return near_param(ctx, ref, LEVEL, ref.column)
        except LanguageError:
            ctx.resolve.param(ref)
            raise param_error from None


def _by_unit(ctx, module_id: str, amount: it.Value | None, column: int) -> tuple[str, ParamSpec]:
    """A module's param for a change: the first whose unit the amount fits, else its level."""
    spec = ctx.model.spec(module_id)
    unit = None
    if amount is not None:
        unit = "hz" if amount.kind == "note" else canonical_unit(amount.unit)[0]
    wanted = {"octaves": "Hz", "semitones": "Hz", "cents": "Hz", "hz": "Hz", "ms": "ms", "s": "ms"}
    if unit in wanted:
        for param in spec.params:
            if param.unit in (wanted[unit], "s" if wanted[unit] == "ms" else wanted[unit]):
                return module_id, param
    for name in (AMOUNT_OF_EFFECT if spec.has_param("mix") else ()) + LEVEL_OF_MODULE:
        if spec.has_param(name):
            return module_id, spec.param(name)
    raise LanguageError(f"{module_id} has no level to change — name a param "
                        f"({', '.join(p.name for p in spec.params)})", column)


def current_value(ctx, module_id: str | None, spec: ParamSpec) -> float:
    return ctx.model.value(module_id, spec.name) if module_id else ctx.model.bpm if spec is TEMPO else ctx.model.swing


def set_message(ctx, module_id: str | None, spec: ParamSpec, value) -> Message:
    if module_id is None:
        return message("/seq/bpm", checked(spec, value)) if spec is TEMPO else swing_message(ctx, checked(spec, value))
    return message(f"/mod/{module_id}/{spec.name}", value)


def _names_an_effect(ctx, ref: it.Words) -> bool:
    """The words name a module that shapes a voice (a reverb, a filter), not one that sounds."""
    if "_".join(ref.texts) in ctx.model.tracks:
        return False
    try:
        return ctx.model.spec(ctx.resolve.module(ref, hints=False)).role in ("processor", "modulator")
    except LanguageError:
        return False


def near_param(ctx, ref: it.Words | None, names, column: int, what: str = "",
               anywhere: bool = True) -> tuple[str | None, ParamSpec]:
    """The first of `names` on the module (or focus), then its voice, then the patch (not
    for 'it': 'make it punchier' means the sound in focus, never the one drum that has punch)."""
    if ref is not None and ref.texts in PRONOUN_REFS[:4]:
        ref, anywhere = None, False                   # ('open it up' with a noise in focus: never another voice's filter)
    if ref is not None:
        typo_checked(ctx, lambda r: None, ref)
        start = ctx.resolve.module(ref)
    else:
        start = ctx.model.focus if ctx.model.focus in ctx.model.modules else None
    spec = ctx.model.spec(start) if start else None
    if "stereo_width" in names and spec is not None and spec.role == "modulator" and spec.has_param("depth"):
        return start, spec.param("depth")             # 'narrower vibrato': an lfo is as wide as it moves
    voice = ctx.model.voice_of(start) if start else []
    if not voice and ref is None:                     # the focus is an lfo: the voice in focus
        voice = ctx.resolve.focused_voice()
    if start and start in voice:
        at = voice.index(start)
        nearby = [start] + voice[at + 1:] + voice[:at][::-1]
    else:
        nearby = ([start] if start else []) + voice
    for group in ([nearby[0]] if nearby else [], nearby):
        for name in names:
            for module_id in group:
                spec = ctx.model.spec(module_id)
                if spec is not None and spec.has_param(name):
                    return module_id, spec.param(name)
    if ref is None:
        if "@tempo" in names:
            return None, TEMPO
        if names == LEVEL:
            return MASTER, ctx.model.spec(MASTER).param("gain")
        for name in names if anywhere else ():
            owners = [m for m in ctx.model.modules if ctx.model.spec(m).has_param(name)]
            if len(owners) == 1:
                return owners[0], ctx.model.spec(owners[0]).param(name)
    wanted = " or ".join(n.lstrip("@").replace("_", " ") for n in names)
    where = f"{start}'s voice" if start else "the patch"
    raise LanguageError(f"nothing in {where} has {wanted}{f' to make {what}' if what else ''}{owner_hint(ctx, names, start)}",
                        ref.column if ref else column)


def scale(ctx, intent: it.Scale) -> list[Message]:
    """'double the tempo', 'halve the cutoff', 'half time'."""
    if intent.ref is None and intent.feel:
        return _feel(ctx, intent)
    if intent.ref is None:
        module_id, spec = None, TEMPO
    elif _last_param(ctx, intent.ref) is not None:
        module_id, spec = _last_param(ctx, intent.ref)        # "cutoff 400, double it"
    elif intent.factor in (2, 0.5) and names_a_part(ctx, intent.ref):
        return scale_track(ctx, intent.ref, intent.factor)      # "double the hats": the rhythm
    else:
        module_id, spec = target_of(ctx, intent.ref, None, intent.column)
    if spec.is_enum:
        raise LanguageError(f"{spec.name} is a choice, not an amount", intent.column)
    new = scaled_value(spec, current_value(ctx, module_id, spec), intent.factor,
                       intent.ref.column if intent.ref else intent.column)
    return [set_message(ctx, module_id, spec, new)]


def _feel(ctx, intent: it.Scale) -> list[Message]:
    """'half time', 'double time': a drummer's feel — on a kit alone, the drums' speed; with no drum playing, refused
    (the tempo is 'tempo 60', a part 'the bass at half speed'); with drums and other parts, the tempo, said so."""
    said = "half time" if intent.factor < 1 else "double time"
    if only_drums(ctx):
        kit = it.Words((it.Word("whole kit", intent.column),))
        return ctx.map(TrackFeel("speed", kit, ("set", intent.factor), intent.column))       # 'half time' on a kit
    tempo = scaled_value(TEMPO, ctx.model.bpm, intent.factor, intent.column)
    if not re.match(r"(?:half|double)[- ]?time", (ctx.line or "")[intent.column:], re.I):
        return [set_message(ctx, None, TEMPO, tempo)]          # 'half speed': the pace, not a drummer's feel
    if not any(ctx.model.spec(t.target) is not None and ctx.model.spec(t.target).role == "drum" for t in ctx.model.tracks.values()):
        part = next(iter(ctx.model.tracks), None)
        raise LanguageError(f"'{said}' is how the drums play, and no drum plays here — 'tempo {format_number(tempo)}' "
                            f"{'halves' if intent.factor < 1 else 'doubles'} the tempo"
                            + (f", 'the {part} at {said.split()[0]} speed' one part" if part else ""), intent.column)
    ctx.understood.append(f"{said}: the tempo, every part ({format_number(ctx.model.bpm)} → {format_number(tempo)} bpm) — "
                          f"'{said} on the drums' for the drums alone")
    return [set_message(ctx, None, TEMPO, tempo)]


def names_a_part(ctx, ref: it.Words) -> bool:
    """A drum or a track named without a param ('the hats'); a track's name first ('the tune slower')."""
    if "_".join(ref.texts) in ctx.model.tracks:
        return True
    try:
        ctx.resolve.param(ref, hints=False)
        return False
    except LanguageError:
        return plays_a_track(ctx, ref)


def transposed_notes(ctx, module_id: str, spec: ParamSpec, new: float, column: int) -> list[Message]:
    """A voice that plays notes: its notes move too (each note sets the pitch again, so a
    transposed oscillator alone would be undone at the next step)."""
    if module_id is None or spec.name != "freq" or ctx.model.spec(module_id).role != "source":
        return []                                     # a cutoff moves alone
    old = ctx.model.value(module_id, spec.name)
    if not old or not new:
        return []
    semitones = 12 * math.log2(new / old)
    voice = set(ctx.model.voice_of(module_id)) | {module_id}
    if abs(semitones - round(semitones)) > 1e-6:
        if any(t.target in voice and t.notes for t in ctx.model.tracks.values()):   # its notes set the pitch again
            raise LanguageError(f"{module_id} plays notes, which set its pitch at every step: move them by semitones "
                                f"or octaves ('up 2 semitones'), or tune finer with detune (cents)", column)
        return []                                     # a drone: the oscillator alone moves
    moved = []
    for name, track in ctx.model.tracks.items():
        if track.target in voice and track.notes:
            notes = [transpose_token(note, round(semitones)) for note in track.notes]   # chords move as chords
            for note in notes:
                for pitch in token_pitches(note) or ():
                    playable(hz(pitch), note, column)
            moved.append(message("/seq/notes", name, *notes))
    return moved


def names_param(words: it.Words) -> bool:
    name = "_".join(words.texts)
    return any(cls.spec.has_param(name) for cls in CATALOGUE.values())


def _at_edge(spec: ParamSpec, value: float, direction: int, column: int) -> LanguageError:
    edge = "maximum" if direction > 0 else "minimum"
    return LanguageError(f"{spec.name} is already at its {edge} {value:g}", column)


#: The intents this family maps.
HANDLERS = {it.Extreme: extreme, it.ChangeParam: change_param, it.Scale: scale}
