"""Absolute settings: 'cutoff 800', 'saw off', 'make it a square', a bare word or a bare value.

A value names more than a number: a power word mutes, a type swaps, a type nobody has added
yet adds one, and musical times ('a dotted eighth') become seconds at the tempo.
"""
from __future__ import annotations

from dataclasses import replace
from functools import partial

from ..engine.catalogue import module_spec
from ..engine.params import ParamSpec
from ..engine.sequencer_verbs import TEMPO
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .mapper_messages import message
from .mapper_owners import add_owner
from .mapper_targets import (absolute, choices_named, lone_word, module_or_everything, names_param, param_or_primary,
                             primary_param, typo_checked)
from .param_words import seq_param
from .patch_model import MASTER
from .resolve import CHOICE_SYNONYMS, EVERYTHING, type_and_presets, type_named
from .said_way import against_the_way, not_the_level
from .target_words import PRONOUN_REFS
from .units import canonical_unit, relative_value


def _not_the_tempo(ctx, ref: it.Words, value: it.Value) -> None:
    """'drop it to 70' with the music playing: 'it' may be the song (its tempo) or the sound in
    focus (its main param) — both readings are named, nothing is guessed."""
    if ref.texts not in PRONOUN_REFS[:3] or not _plausible_tempo(value) or not ctx.model.tracks:
        return
    try:
        module_id, spec = param_or_primary(ctx, ref, value)
    except LanguageError:
        return
    number = f"{float(value.number):g}"
    unit = f" {spec.unit}" if spec.unit not in ("ratio", "") else ""
    raise LanguageError(f"that could mean 'tempo {number}' — or — '{module_id} {spec.name} {number}{unit}': "
                        f"say which", value.column)


#: A note length said before a drum: one hit per length through the bar.
_EVERY = {"sixteenth": "x" * 16, "16th": "x" * 16, "eighth": "x." * 8, "8th": "x." * 8, "quarter": "x..." * 4}


def _note_length_rhythm(ctx, intent: it.SetParam) -> it.PlayPattern | None:
    """'16th hats', 'eighth note hats': the drum's rhythm, a hit every note length."""
    value = intent.value
    length = (value.unit or "").lower().removesuffix(" note").removesuffix("s") if value.kind == "unit" else ""
    if length not in _EVERY or value.column > intent.ref.column:
        return None
    try:
        module_id = ctx.resolve.module(intent.ref, hints=False)
    except LanguageError:
        return None
    if ctx.model.spec(module_id).role != "drum":
        return None
    return it.PlayPattern(_EVERY[length], intent.ref, value.column, False)


def set_param(ctx, intent: it.SetParam) -> list[Message]:
    seq = seq_param(intent.ref)
    value = intent.value
    if seq is None and _is_bpm(value) and (intent.ref.texts in EVERYTHING or intent.ref.texts in PRONOUN_REFS):
        seq = TEMPO                                   # "make it 128 bpm"
    if seq is None and intent.ref.texts in PRONOUN_REFS[:3] and ctx.model.last_param == ("seq", "bpm") and \
            _plausible_tempo(value):
        seq = TEMPO                                   # 'tempo 140', then 'pull it back to 120': the tempo just moved
    if seq is not None:
        return set_seq(ctx, seq, value, intent.now, intent.moved)
    _not_the_tempo(ctx, intent.ref, value)
    rhythm = _note_length_rhythm(ctx, intent)
    if rhythm is not None:                                   # '16th hats': their rhythm, not a decay of 125 ms
        return ctx.map(rhythm)
    if intent.moved:
        not_the_level(ctx, intent.ref, value)
    if value.kind == "word":
        special = (_power_by_value if value.text in _POWER_WORDS else _swap_by_value)(
            ctx, intent.ref, value)
        if special is not None:
            return special
    chosen = _leading_choice(ctx, intent.ref, value)
    if chosen is not None:                                   # "bandpass q 8", "highpass the pad at 300"
        return chosen
    implicit = _implicit_add(ctx, intent.ref, value)
    if implicit is not None:
        return implicit
    try:
        module_id, spec = typo_checked(ctx, partial(param_or_primary, ctx), intent.ref, value)
    except LanguageError:
        added = add_owner(ctx, intent.ref, value)
        if added is None:
            raise
        return added
    if value.kind == "note" and spec.unit != "Hz":         # "tune the saw to a2": its pitch
        spec = next((p for p in ctx.model.spec(module_id).params if p.unit == "Hz"), spec)
    if spec.unit == "cents" and "tune" in intent.ref.texts and value.kind == "number" and value.unit is None:
        spec = _tuned_in_hz(ctx, module_id, spec, value)     # "tune the sine to 330": Hz, not cents
    if _a_fader_cut(ctx, intent, module_id, spec, value):  # 'gtr -6', 'snr -3': the part's level, in dB
        spec, value = ctx.model.spec(module_id).param("gain"), replace(value, unit="db")
    if _means_decibels(spec, value):                       # "volume -6": a level in dB
        value = replace(value, unit="db")
    if _is_signed_change(spec, value) or _a_level_step(ctx, intent, spec, value):
        if spec.unit == "Hz" and value.unit is None and not names_param(ctx, intent.ref):   # 'bass +6'
            raise LanguageError(f"'{intent.ref.text} {value.text}' could mean {value.text.lstrip('+')} semitones up or "
                                f"{value.text} Hz: say '{intent.ref.text} up {value.text.lstrip('+')} semitones' or "
                                f"'{module_id} {spec.name} {value.text} hz'", value.column)
        amount = replace(value, text=value.text.lstrip("+-"), number=abs(value.number))
        current = ctx.model.value(module_id, spec.name)
        new = relative_value(spec, current, 1 if value.number > 0 else -1, amount, value.column)
        if _a_level_step(ctx, intent, spec, value):       # (said: 'gain -6 db' sets a level)
            ctx.understood.append(f"{amount.text} dB down: {module_id} gain {current:g} → {new:g} ('{intent.ref.text} gain {value.text} db' sets the level)")
        return [message(f"/mod/{module_id}/{spec.name}", new)]
    new = absolute(ctx, spec, value)
    against_the_way(intent.moved, ctx.model.value(module_id, spec.name), new, f"{module_id} {spec.name}", spec.unit, value)
    return choices_named(ctx, module_id, intent.ref) + [message(f"/mod/{module_id}/{spec.name}", new)]


def _tuned_in_hz(ctx, module_id: str, spec, value: it.Value):
    """'tune <oscillator> to N': N Hz when only a pitch fits (above 100: no tuning is that many cents
    off), cents below 20 (a Hz that low is no pitch); between, both fit and both are named."""
    hz = next((p for p in ctx.model.spec(module_id).params if p.unit == "Hz"), None)
    if hz is None or abs(value.number) < 20:
        return spec
    if abs(value.number) > 100:
        return hz
    raise LanguageError(f"that could mean '{module_id} freq {value.text} hz' — or — '{module_id} detune {value.text} "
                        f"cents': say which", value.column)


def _leading_choice(ctx, ref: it.Words, value: it.Value) -> list[Message] | None:
    """A choice word before a setting sets that choice too, on the module of the voice that
    has it; the value goes to that module ('highpass the pad at 300 hz': the pad's filter)."""
    first = CHOICE_SYNONYMS.get(ref.items[0].text.lower(), ref.items[0].text.lower())
    if value.kind == "word" or first != "lowpass" and not any(first in p.choices for m in ctx.model.modules.values()
                                                              for p in ctx.model.spec_of_type(m)):
        return None
    rest = it.Words(ref.items[1:]) if len(ref.items) > 1 else ref
    if len(ref.items) > 1 and _named_by_mode(ctx, first, rest):
        return None                          # 'lowpass cutoff 300' beside a highpass: the lowpass's cutoff
    try:
        named, spec = ctx.resolve.param(rest, hints=False)
    except LanguageError:
        named, spec = None, None
    if named is None:
        try:
            named = ctx.resolve.module(rest, hints=False)
        except LanguageError:
            return None
    voice = [named] + ctx.model.voice_of(named)
    owner = next((m for m in voice if any(first in p.choices for p in ctx.model.spec(m).params)), None)
    kin = next((m for m in voice if "filter" in ctx.model.modules[m].split("_")), None) \
        if first == "lowpass" and ((value.unit or "").lower() in ("hz", "khz", "k") or not value.unit and value.number >= 20) else None
    if owner is None and kin is not None:             # 'lowpass the saw at 2k' through a 303's filter (a lowpass): its cutoff
        spec = primary_param(ctx.model.spec(kin), value)
        return [message(f"/mod/{kin}/{spec.name}", absolute(ctx, spec, value))]
    if owner is None:
        return None
    param = next(p for p in ctx.model.spec(owner).params if first in p.choices)
    if spec is None or named != owner:
        named, spec = owner, primary_param(ctx.model.spec(owner), value)
    said = [message(f"/mod/{owner}/{param.name}", first)] if ctx.model.value(owner, param.name) != first else []
    return said + [message(f"/mod/{named}/{spec.name}", absolute(ctx, spec, value))]


def _named_by_mode(ctx, choice: str, rest: it.Words) -> bool:
    """The choice names the one module already in it, and the rest is only one of its params."""
    in_mode = [m for m in ctx.model.modules if any(p.is_enum and ctx.model.value(m, p.name) == choice
                                                   for p in ctx.model.spec(m).params)]
    return len(in_mode) == 1 and ctx.model.spec(in_mode[0]).has_param("_".join(rest.texts))


def _implicit_add(ctx, ref: it.Words, value: it.Value | None) -> list[Message] | None:
    """'a square at 220', 'give me some reverb': a type nobody has added yet is added."""
    found = type_and_presets(ref.texts)
    if found is None or ctx.model.of_type(found[0]) or ref.texts in EVERYTHING:
        return None
    if value is not None and value.kind == "word" and not any(
            p.is_enum and value.text in p.choices for p in module_spec(found[0]).params):
        return None
    for resolve in (ctx.resolve.param, ctx.resolve.module):   # "filter 800" with an acid filter there
        try:
            resolve(ref, hints=False)
            return None
        except LanguageError:
            pass
    for split in range(1, len(ref.items)):               # "the saw wobble": the saw is there
        try:
            ctx.resolve.module(it.Words(ref.items[:split]), hints=False)
            return None
        except LanguageError:
            pass
    kin = _kin(ctx, found[0], dict(found[1]))
    if kin is not None and value is not None:           # "lpf 800" with a 303 there: its cutoff
        return ctx.map(it.SetParam(it.Words((it.Word(kin, ref.column),)), value))
    return ctx.map(it.AddModule(ref, value))


def _kin(ctx, type_name: str, presets: dict) -> str | None:
    """A module of a kindred type already there ('lpf' → the acid filter, a lowpass)."""
    kin = [m for m, t in ctx.model.modules.items() if t != type_name and type_name in t.split("_")]
    if len(kin) != 1 or any(v != "lowpass" for v in presets.values()):
        return None
    return kin[0]


def _power_by_value(ctx, ref: it.Words, value: it.Value) -> list[Message] | None:
    """'sine off', 'reverb on': a module without an on/off setting is muted or unmuted."""
    if ref.texts in EVERYTHING:                       # "everything off"
        return ctx.map(it.Mute(_POWER_WORDS[value.text], ref, ref.column))
    try:
        ctx.resolve.param(ref, hints=False)
        return None
    except LanguageError:
        pass
    try:
        module_id = module_or_everything(ctx, ref, hints=False)
    except LanguageError:
        return None
    spec = ctx.model.spec(module_id)
    if any(p.is_enum and value.text in p.choices for p in spec.params):
        return None
    return ctx.map(it.Mute(_POWER_WORDS[value.text], ref, ref.column))


def _swap_by_value(ctx, ref: it.Words, value: it.Value) -> list[Message] | None:
    """'change the saw to a square', 'make the triangle a sine': a type as the value swaps."""
    try:
        module_id = ctx.resolve.module(ref, hints=False)
    except LanguageError:
        return None
    spec = ctx.model.spec(module_id)
    if any(p.is_enum and value.text in p.choices for p in spec.params):
        return None
    if not type_named((value.text,)):
        return None
    new = module_spec(type_named((value.text,)))
    if spec.role == new.role == "processor" and not _kindred(new.type, spec.type):   # "make it fuzzy": one more effect
        return ctx.map(it.AddTo(it.Words((it.Word(value.text, value.column),)), ref, None, right_after=True))
    return ctx.map(it.Swap(ref, it.Words((it.Word(value.text, value.column),)), ref.column))


def set_seq(ctx, spec: ParamSpec, value: it.Value, now: bool = False, way: int = 0) -> list[Message]:
    if spec is TEMPO:
        return ctx.map(it.Tempo(value, now, way))
    return ctx.map(it.Swing(value))


def set_words(ctx, intent: it.SetWords) -> list[Message]:
    *ref, last = intent.words.items
    implicit = _implicit_add(ctx, intent.words, None)
    if implicit is not None:
        return implicit
    if not ref:
        choice = focus_choice(ctx, last) or _only_choice(ctx, last)    # "foldback": the focus's mode
        if choice is not None:
            return ctx.map(choice)
        raise lone_word(ctx, last)
    choice = _choice_first(ctx, intent.words) or _type_last(ctx, intent.words)
    if choice is not None:
        return choice
    value = it.Value("word", last.text.lower(), last.column)
    return ctx.map(it.SetParam(it.Words(tuple(ref)), value))


def _only_choice(ctx, word: it.Word):
    """A choice word only one module of the patch takes ('lowpass' with one filter); not a word
    that names another module's type ('triangle' with a triangle and an lfo: that is the module)."""
    text = CHOICE_SYNONYMS.get(word.text.lower(), word.text.lower())
    owners = [(m, p) for m in ctx.model.modules for p in ctx.model.spec(m).params
              if p.is_enum and text in p.choices]
    kind = type_named((text,))
    if len(owners) != 1 or (kind and ctx.model.modules.get(owners[0][0]) != kind):
        return None
    module_id, param = owners[0]
    return it.SetParam(it.Words((it.Word(module_id, word.column), it.Word(param.name, word.column))),
                       it.Value("word", text, word.column))


def _choice_first(ctx, words: it.Words) -> list[Message] | None:
    """'bitcrush it', 'highpass the filter': an enum choice, then the module it applies to (or the one of its voice that
    has it: 'bitcrush the guitar' with a distortion on it sets that one's mode, never a second distortion)."""
    first, rest = words.items[0], it.Words(words.items[1:])
    try:
        module_id = ctx.resolve.module(rest, hints=False)
    except LanguageError:
        return None
    choice = CHOICE_SYNONYMS.get(first.text.lower(), first.text.lower())
    for owner in dict.fromkeys([module_id, *ctx.model.voice_of(module_id)]):   # ('bitcrush the guitar': its distortion)
        for param in ctx.model.spec(owner).params:
            if param.is_enum and choice in param.choices:
                return [message(f"/mod/{owner}/{param.name}", choice)]
    return None


def _type_last(ctx, words: it.Words) -> list[Message] | None:
    """'make it a lowpass filter', 'the saw a square wave': a module, then a type: swap (or set)."""
    for split in range(1, len(words.items)):
        ref, rest = it.Words(words.items[:split]), it.Words(words.items[split:])
        if type_and_presets(rest.texts) is None:
            continue
        chosen = _choice_first(ctx, it.Words(rest.items + ref.items)) if len(rest.items) == 1 else None
        if chosen is not None:                        # "lfo square": its shape, not a square
            return chosen
        try:
            old = ctx.resolve.module(ref, hints=False)
        except LanguageError:
            continue
        new = module_spec(type_and_presets(rest.texts)[0])
        if ctx.model.spec(old).role == new.role == "processor" and not _kindred(new.type, ctx.model.modules[old]):
            return ctx.map(it.AddTo(rest, ref, None, right_after=True))   # "make it fuzzy": one more effect
        return ctx.map(it.Swap(ref, rest, ref.column))
    return None


def bare_value(ctx, intent: it.BareValue) -> list[Message]:
    value = intent.value
    if value.kind == "number" and value.unit and canonical_unit(value.unit)[0] == "bpm":
        return ctx.map(it.Tempo(value, intent.now))
    focus = ctx.model.focus if ctx.model.focus in ctx.model.modules else None
    if focus is not None and focus != MASTER and (value.unit or value.kind == "unit"):
        try:                                          # "delay on the hats, 375 ms": the focus's time
            param = primary_param(ctx.model.spec(focus), value)
            unit = "" if value.kind == "unit" else canonical_unit(value.unit)[0]   # ('x..x.., 12 steps': its length)
            if param.name == "time" if unit == "steps" else unit not in ("%", "db") or param.name in ("gain", "mix", "depth"):
                said = value.text if value.kind == "unit" else f"{value.text} {value.unit}"
                ctx.understood.append(f"{said}: {focus} {param.name}")
                return [message(f"/mod/{focus}/{param.name}", absolute(ctx, param, value))]
        except LanguageError:
            pass
    raise LanguageError(f"{value.text!r} needs a param, e.g. 'cutoff {value.text}'", value.column)


def focus_choice(ctx, word: it.Word):
    """A lone choice word the focused module takes ('square' for an lfo's shape); with a
    module of that type there too ('triangle' and a triangle1), both readings are named."""
    spec = ctx.model.spec(ctx.model.focus) if ctx.model.focus in ctx.model.modules else None
    for param in spec.params if spec else ():
        if param.is_enum and word.text.lower() in param.choices:
            named = [m for m, t in ctx.model.modules.items() if t == word.text.lower() and m != ctx.model.focus]
            if named:
                raise LanguageError(f"'{word.text}' names {named[0]} and {ctx.model.focus}'s {param.name}: say "
                                    f"'{ctx.model.focus} {param.name} {word.text.lower()}' or a setting of "
                                    f"{named[0]}, e.g. '{word.text.lower()} gain 0.5'", word.column)
            return it.SetParam(it.Words((it.Word(ctx.model.focus, word.column), it.Word(param.name, word.column))),
                               it.Value("word", word.text.lower(), word.column))
    return None


_POWER_WORDS = {"on": "unmute", "in": "unmute", "off": "mute", "out": "mute"}


def _kindred(a: str, b: str) -> bool:
    """Types of one family ('filter', 'acid_filter'): one can stand for the other."""
    return bool(set(a.split("_")) & set(b.split("_")))


def _plausible_tempo(value: it.Value) -> bool:
    return value.kind == "number" and value.unit is None and value.number is not None and 40 <= value.number <= 240


def _is_bpm(value: it.Value) -> bool:
    return value.kind == "number" and value.unit is not None and canonical_unit(value.unit)[0] == "bpm"


def _means_decibels(spec: ParamSpec, value: it.Value) -> bool:
    """A gain set to a negative number without a unit ('volume -6'): no ratio is below 0, and a
    step of more than the whole range is no step either — it is dB, as on a mixing desk."""
    return (spec.name == "gain" and spec.unit == "ratio" and value.kind == "number" and value.unit is None
            and value.number is not None and value.number <= -1)


def _a_fader_cut(ctx, intent: it.SetParam, module_id: str, spec: ParamSpec, value: it.Value) -> bool:
    """A drum and a minus number alone ('snr -3'): a cut on its fader, never its tone below its range; a pitched part's
    ('gtr -6', 'bass -13') a cut or a transposition: asked."""
    if not (intent.bare and value.kind == "number" and value.unit is None and value.text.startswith("-") and (spec.low or 0) >= 0
            and spec.name != "gain" and not names_param(ctx, intent.ref) and ctx.model.spec(module_id).has_param("gain")):
        return False
    if ctx.model.spec(module_id).role != "drum":
        said, amount = intent.ref.text, value.text.lstrip("-")
        raise LanguageError(f"'{said} {value.text}' could mean {amount} dB down or {amount} semitones down: say '{said} "
                            f"{value.text} db' or '{said} down {amount} semitones'", value.column)
    return True


def _is_signed_change(spec: ParamSpec, value: it.Value) -> bool:
    """'cutoff +200', 'resonance +10%', 'kick +3 db': an explicit plus on a param is a relative change. A minus
    is not: '-50 hz' on a cutoff is a value out of range (the error says 'cutoff down 50 hz')."""
    if value.kind != "number" or not value.text.startswith("+") or spec.is_enum:
        return False
    unit = canonical_unit(value.unit)[0]
    return (unit != "db" or spec.unit == "ratio") and spec.low is not None and spec.low >= 0


def _a_level_step(ctx, intent: it.SetParam, spec: ParamSpec, value: it.Value) -> bool:
    """'bass -3db' (no set/to/at, no param named): 3 dB down, as a mixer's trim — never the level set at −3 dB,
    louder than a part at −6 ('bass to -3 db', 'bass gain -3 db' set it)."""
    return intent.bare and spec.name == "gain" and spec.unit == "ratio" and value.kind == "number" and \
        value.text.startswith("-") and canonical_unit(value.unit)[0] == "db" and not names_param(ctx, intent.ref)


#: The intents this family maps.
HANDLERS = {it.SetParam: set_param, it.SetWords: set_words, it.BareValue: bare_value}
