"""What a phrase names and what its value means: shared by every family of handlers.

A module or param phrase is checked for words nobody knows first (one typo error, with
did-you-mean), and musical times ('a dotted eighth', '2 beats') become seconds at the tempo.
"""
from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from ..engine.catalogue import specs
from ..engine.params import ModuleSpec, ParamSpec, did_you_mean
from . import intents as it
from .errors import LanguageError, UnknownWord, with_hint
from .mapper_messages import message
from .param_words import COMPARATIVES, LEVEL_OF_MODULE
from .patch_model import MASTER
from .resolve import CHOICE_SYNONYMS, EVERYTHING, joined, type_named
from .units import absolute_value, canonical_unit, convert, duration_seconds, quantity
from .slips import slips
from .vocabulary import closest_words, is_known_word


def typo_checked(ctx, resolve, ref: it.Words, *args):
    """Resolve a param phrase, but first catch a word nobody knows (a typo of any kind)."""
    ref = joined(ref)                                    # 'the low pass': one word
    for word in ref.items:
        if not is_known_word(word.text, ctx.model.names()):
            raise lone_word(ctx, word)
    return resolve(ref, *args)


def choices_named(ctx, module_id: str, ref: it.Words) -> list:
    """A choice said among the words naming a module ('filter highpass 300'): set too, never
    dropped because the words also name the module's type (sent only when it changes)."""
    said = []
    for word in ref.items:
        choice = CHOICE_SYNONYMS.get(word.text.lower(), word.text.lower())
        param = next((p for p in ctx.model.spec(module_id).params if p.is_enum and choice in p.choices), None)
        if param is not None and ctx.model.value(module_id, param.name) != choice:
            said.append(message(f"/mod/{module_id}/{param.name}", choice))
    return said


def names_param(ctx, ref: it.Words) -> bool:
    """The words name a param ('saw freq', 'cutoff'), not only a module or a part ('bass')."""
    try:
        return ctx.resolve.param(ref, hints=False) is not None
    except LanguageError:
        return False


def lone_word(ctx, word: it.Word) -> LanguageError:
    """A word that is no command: a param missing its value, or a typo."""
    text = word.text.lower()
    examples = {"tempo": "tempo 128", "bpm": "bpm 128", "swing": "swing 20%"}
    if text in examples or is_known_word(text, ctx.model.modules) and any(s.has_param(text) for s in specs()):
        return LanguageError(f"{text!r} needs a value, e.g. '{examples.get(text, f'{text} 50%')}'", word.column)
    if is_known_word(text, ctx.model.modules):               # 'make a beat': a known word, but no setting
        return LanguageError(f"no module has a param {text!r}", word.column)
    modules = tuple(ctx.model.modules)
    return UnknownWord(text, word.column, lambda: closest_words(text, modules))


def module_or_everything(ctx, ref: it.Words, hints: bool = True) -> str:
    return MASTER if ref.texts in EVERYTHING else ctx.resolve.module(ref, hints)


def module_or_raise(ctx, ref: it.Words) -> str:
    """The module a phrase names; if none, the module's error when it names a type, else the
    param's (worked out again, now with did-you-mean)."""
    try:
        return module_or_everything(ctx, ref, hints=False)
    except LanguageError:
        if type_named(ref.texts):
            module_or_everything(ctx, ref)
        ctx.resolve.param(ref)
        raise


def param_or_primary(ctx, ref: it.Words, value: it.Value) -> tuple[str, ParamSpec]:
    """'saw1 freq 220' names a param; 'the saw 220 hz' names a module: use its main param."""
    try:
        return ctx.resolve.param(ref, hints=False)
    except LanguageError:
        module_id = module_or_raise(ctx, ref)
        last = ctx.model.last_param            # 'feedback up to 0.85', then 'pull it down to 0.3': the feedback
        if ref.texts in (("it",), ("that",)) and last and last[0] == module_id and value.kind == "number" and not value.unit \
                and ctx.model.spec(module_id).param(last[1]).low <= float(value.number) <= ctx.model.spec(module_id).param(last[1]).high:
            return module_id, ctx.model.spec(module_id).param(last[1])      # (a value it cannot take: the main param's)
        return module_id, primary_param(ctx.model.spec(module_id), value)


def absolute(ctx, spec: ParamSpec, value: it.Value):
    """absolute_value, with musical times ('a dotted eighth', '1/8', '2 beats') in seconds."""
    return absolute_value(spec, musical_time(ctx, spec, value))


def musical_time(ctx, spec: ParamSpec, value: it.Value | None) -> it.Value | None:
    """Bars, beats, steps and note lengths on a param in s or ms → seconds at the tempo; a
    plain fraction there ('delay 1/8', 'one quarter') is a fraction of a whole note."""
    rate = spec.name == "rate" and spec.unit == "Hz"   # an lfo rate: once per that length
    if value is None or value.kind not in ("number", "unit") or not (rate or spec.unit.lower() in ("s", "ms")):
        return value
    unit = canonical_unit(value.unit)[0]
    if rate and unit in ("s", "ms"):                 # "lfo rate 8 s": once every 8 seconds
        seconds = quantity(value)[0] / (1000 if unit == "ms" else 1)
        return replace(value, kind="number", number=Fraction(1 / seconds).limit_denominator(10**6), unit="hz")
    if unit is None and ("/" in value.text or spec.name == "time" and
                         re.fullmatch(r"(?:(?:one|a)\s+)?(?:quarter|half)", value.text.strip(), re.I)):
        value = replace(value, unit="bars")      # ('echo, one quarter': a quarter note, as 1/4 is)
    elif unit not in ("bars", "beats", "steps"):
        return value
    seconds = duration_seconds(value, Fraction(ctx.model.bpm).limit_denominator())
    if rate:
        return replace(value, kind="number", number=1 / seconds, unit="hz")
    return replace(value, kind="number", number=seconds, unit="s")


def primary_param(spec: ModuleSpec, value: it.Value) -> ParamSpec:
    """The param a bare value sets on a module: the first one whose unit fits the value."""
    numeric = [p for p in spec.params if not p.is_enum]
    if value.kind == "word":
        for param in spec.params:
            if param.is_enum and value.text in param.choices:
                return param
        choices = [c for p in spec.params for c in p.choices] + list(COMPARATIVES)
        hints = tuple(h for h in slips(value.text, did_you_mean(value.text, choices)) if h != value.text)   # 'right' is not 'brighter'
        raise LanguageError(with_hint(f"{spec.type} has no setting {value.text!r}", hints), value.column, hints)
    preferred = numeric
    if value.kind in ("number", "unit") and canonical_unit(value.unit)[0] in ("bars", "beats", "steps"):
        timed = [p for p in numeric if p.unit.lower() in ("s", "ms") or (p.name == "rate" and p.unit == "Hz")]
        if timed:
            return timed[0]                               # "add a delay of a dotted eighth"
    if value.kind == "number" and quantity(value)[1] in ("%", "db"):     # "snare 70%": its level
        levels = [spec.param(n) for n in LEVEL_OF_MODULE if spec.has_param(n)]
        preferred = levels + [p for p in numeric if p.unit in ("ratio", "dB")] + numeric
    elif value.kind == "number" and value.unit is None and "/" not in value.text and numeric \
            and numeric[0].low is not None:
        first, number = numeric[0], float(value.number)
        levels = [spec.param(n) for n in LEVEL_OF_MODULE if spec.has_param(n)]
        if not first.low <= number <= first.high and levels and levels[0].low <= number <= levels[0].high:
            preferred = levels + numeric                  # "kick 0.9": no pitch is 0.9 Hz, a level is
    for param in preferred:
        try:
            convert(param, value)
            return param
        except LanguageError:
            continue
    raise LanguageError(f"{spec.type} has no param that takes {value.unit or 'that'}", value.column)
