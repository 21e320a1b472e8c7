"""Absolute settings: 'cutoff 800', 'saw off', 'make it a square', a bare word or a bare value.

A value names more than a number: a power word mutes, a type swaps, a type nobody has added
yet adds one, and musical times ('a dotted eighth') become seconds at the tempo.
"""
from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from ..engine.catalogue import CATALOGUE, module_spec
from ..engine.params import ParamSpec
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError, with_hint
from .mapper_words import PRONOUN_REFS, TEMPO, message, primary_param, seq_param
from .patch_model import MASTER
from .resolve import CHOICE_SYNONYMS, EVERYTHING, type_and_presets, type_named
from .units import absolute_value, canonical_unit, duration_seconds, quantity, relative_value
from .vocabulary import closest_words, is_known_word


class ValueMapper:
    """Part of Mapper: the intents that set a param to a value."""

    def _not_the_tempo(self, ref: it.Words, value: it.Value) -> None:
        """'drop it to 70' with the music playing: 'it' may be the song (its tempo) or the sound in
        focus (its main param) — both readings are named, nothing is guessed."""
        if ref.texts not in PRONOUN_REFS[:3] or not _plausible_tempo(value) or not self.model.tracks:
            return
        try:
            module_id, spec = self._param_or_primary(ref, value)
        except LanguageError:
            return
        number = f"{float(value.number):g}"
        unit = f" {spec.unit}" if spec.unit not in ("ratio", "") else ""
        raise LanguageError(f"that could mean 'tempo {number}' — or — '{module_id} {spec.name} {number}{unit}': "
                            f"say which", value.column)

    def _not_the_level(self, ref: it.Words, value: it.Value) -> None:
        """'bring the bass down to 70': up/down on a part is its level, so a bare number there may
        be the level or the part's own main param — both readings are named."""
        if value.kind != "number" or value.unit is not None or ref.texts in PRONOUN_REFS:
            return
        try:
            self.resolve.param(ref, hints=False)
            return                                        # a param was named: its own unit
        except LanguageError:
            pass
        try:
            module_id, spec = self._param_or_primary(ref, value)
        except LanguageError:
            return
        gain = self.model.spec(module_id).param("gain") if self.model.spec(module_id).has_param("gain") else None
        if spec.name == "gain" or gain is None or not gain.low <= float(value.number) / 100 <= gain.high:
            return                                        # no level reading ('the triangle down to 110')
        number = f"{float(value.number):g}"
        unit = f" {spec.unit}" if spec.unit not in ("ratio", "") else ""
        raise LanguageError(f"that could mean '{module_id} gain {number}%' — or — '{module_id} {spec.name} {number}{unit}': "
                            f"say which", value.column)

    def _SetParam(self, intent: it.SetParam) -> list[Message]:
        seq = seq_param(intent.ref)
        value = intent.value
        if seq is None and _is_bpm(value) and (intent.ref.texts in EVERYTHING or intent.ref.texts in PRONOUN_REFS):
            seq = TEMPO                                   # "make it 128 bpm"
        if seq is not None:
            return self._set_seq(seq, value, intent.now)
        self._not_the_tempo(intent.ref, value)
        if intent.moved:
            self._not_the_level(intent.ref, value)
        if value.kind == "word":
            special = (self._power_by_value if value.text in _POWER_WORDS else self._swap_by_value)(
                intent.ref, value)
            if special is not None:
                return special
        chosen = self._leading_choice(intent.ref, value)
        if chosen is not None:                                   # "bandpass q 8", "highpass the pad at 300"
            return chosen
        implicit = self._implicit_add(intent.ref, value)
        if implicit is not None:
            return implicit
        try:
            module_id, spec = self._typo_checked(self._param_or_primary, intent.ref, value)
        except LanguageError:
            added = self._add_owner(intent.ref, value)
            if added is None:
                raise
            return added
        if value.kind == "note" and spec.unit != "Hz":         # "tune the saw to a2": its pitch
            spec = next((p for p in self.model.spec(module_id).params if p.unit == "Hz"), spec)
        if _means_decibels(spec, value):                       # "volume -6": a level in dB
            value = replace(value, unit="db")
        if _is_signed_change(spec, value):
            amount = replace(value, text=value.text.lstrip("+-"), number=abs(value.number))
            current = self.model.value(module_id, spec.name)
            new = relative_value(spec, current, 1, amount, value.column)
            return [message(f"/mod/{module_id}/{spec.name}", new)]
        return [message(f"/mod/{module_id}/{spec.name}", self._absolute(spec, value))]

    def _add_owner(self, ref: it.Words, value: it.Value) -> list[Message] | None:
        """'attack 5s' with no envelope yet: the envelope owning that param is added to the voice
        in focus, with that setting (said back). An effect's param ('feedback') adds nothing."""
        name = "_".join(ref.texts)
        named = self._effect_with_param(ref, value)
        if named is not None:
            return named
        owners = [cls.spec for cls in CATALOGUE.values() if cls.spec.has_param(name)]
        if len(owners) != 1 or owners[0].role != "processor" or self.model.of_type(owners[0].type) \
                or not owners[0].has_param("attack"):
            return None
        voice = self.resolve.focused_voice()
        if not voice or self.model.spec(voice[0]).role != "source":
            return None
        self.understood.append(f"{name}: a new {owners[0].type} on {voice[0]}")
        return self._AddModule(it.AddModule(it.Words((it.Word(owners[0].type, ref.column),)), value, None, ref))

    def _effect_with_param(self, ref: it.Words, value: it.Value) -> list[Message] | None:
        """'distortion drive 8' with no distortion yet: one is added to the voice in focus, set."""
        for split in range(1, len(ref.items)):
            kind = type_named(it.Words(ref.items[:split]).texts)
            param = "_".join(it.Words(ref.items[split:]).texts)
            if kind and not self.model.of_type(kind) and module_spec(kind).role == "processor" \
                    and module_spec(kind).has_param(param):
                voice = self.resolve.focused_voice()
                if not voice:
                    return None
                self.understood.append(f"{param}: a new {kind} on {voice[0]}")
                return self._AddModule(it.AddModule(it.Words(ref.items[:split]), value, None,
                                                    it.Words(ref.items[split:])))
        return None

    def _leading_choice(self, ref: it.Words, value: it.Value) -> list[Message] | None:
        """A choice word before a setting sets that choice too, on the module of the voice that
        has it; the value goes to that module ('highpass the pad at 300 hz': the pad's filter)."""
        first = CHOICE_SYNONYMS.get(ref.items[0].text.lower(), ref.items[0].text.lower())
        if value.kind == "word" or not any(first in p.choices for m in self.model.modules.values()
                                           for p in self.model.spec_of_type(m)):
            return None
        rest = it.Words(ref.items[1:]) if len(ref.items) > 1 else ref
        try:
            named, spec = self.resolve.param(rest, hints=False)
        except LanguageError:
            named, spec = None, None
        if named is None:
            try:
                named = self.resolve.module(rest, hints=False)
            except LanguageError:
                return None
        voice = [named] + self.model.voice_of(named)
        owner = next((m for m in voice if any(first in p.choices for p in self.model.spec(m).params)), None)
        if owner is None:
            return None
        param = next(p for p in self.model.spec(owner).params if first in p.choices)
        if spec is None or named != owner:
            named, spec = owner, primary_param(self.model.spec(owner), value)
        said = [message(f"/mod/{owner}/{param.name}", first)] if self.model.value(owner, param.name) != first else []
        return said + [message(f"/mod/{named}/{spec.name}", self._absolute(spec, value))]

    def _implicit_add(self, ref: it.Words, value: it.Value | None) -> list[Message] | None:
        """'a square at 220', 'give me some reverb': a type nobody has added yet is added."""
        found = type_and_presets(ref.texts)
        if found is None or self.model.of_type(found[0]) or ref.texts in EVERYTHING:
            return None
        if value is not None and value.kind == "word" and not any(
                p.is_enum and value.text in p.choices for p in module_spec(found[0]).params):
            return None
        for resolve in (self.resolve.param, self.resolve.module):   # "filter 800" with an acid filter there
            try:
                resolve(ref, hints=False)
                return None
            except LanguageError:
                pass
        for split in range(1, len(ref.items)):               # "the saw wobble": the saw is there
            try:
                self.resolve.module(it.Words(ref.items[:split]), hints=False)
                return None
            except LanguageError:
                pass
        kin = self._kin(found[0], dict(found[1]))
        if kin is not None and value is not None:           # "lpf 800" with a 303 there: its cutoff
            return self._SetParam(it.SetParam(it.Words((it.Word(kin, ref.column),)), value))
        return self._AddModule(it.AddModule(ref, value))

    def _kin(self, type_name: str, presets: dict) -> str | None:
        """A module of a kindred type already there ('lpf' → the acid filter, a lowpass)."""
        kin = [m for m, t in self.model.modules.items() if t != type_name and type_name in t.split("_")]
        if len(kin) != 1 or any(v != "lowpass" for v in presets.values()):
            return None
        return kin[0]

    def _power_by_value(self, ref: it.Words, value: it.Value) -> list[Message] | None:
        """'sine off', 'reverb on': a module without an on/off setting is muted or unmuted."""
        if ref.texts in EVERYTHING:                       # "everything off"
            return self._Mute(it.Mute(_POWER_WORDS[value.text], ref, ref.column))
        try:
            self.resolve.param(ref, hints=False)
            return None
        except LanguageError:
            pass
        try:
            module_id = self._module_or_everything(ref, hints=False)
        except LanguageError:
            return None
        spec = self.model.spec(module_id)
        if any(p.is_enum and value.text in p.choices for p in spec.params):
            return None
        return self._Mute(it.Mute(_POWER_WORDS[value.text], ref, ref.column))

    def _swap_by_value(self, ref: it.Words, value: it.Value) -> list[Message] | None:
        """'change the saw to a square', 'make the triangle a sine': a type as the value swaps."""
        try:
            module_id = self.resolve.module(ref, hints=False)
        except LanguageError:
            return None
        spec = self.model.spec(module_id)
        if any(p.is_enum and value.text in p.choices for p in spec.params):
            return None
        if not type_named((value.text,)):
            return None
        new = module_spec(type_named((value.text,)))
        if spec.role == new.role == "processor" and not _kindred(new.type, spec.type):   # "make it fuzzy": one more effect
            return self._AddTo(it.AddTo(it.Words((it.Word(value.text, value.column),)), ref, None, right_after=True))
        return self._Swap(it.Swap(ref, it.Words((it.Word(value.text, value.column),)), ref.column))

    def _absolute(self, spec: ParamSpec, value: it.Value):
        """absolute_value, with musical times ('a dotted eighth', '1/8', '2 beats') in seconds."""
        return absolute_value(spec, self._musical_time(spec, value))

    def _musical_time(self, spec: ParamSpec, value: it.Value | None) -> it.Value | None:
        """Bars, beats, steps and note lengths on a param in s or ms → seconds at the tempo; a
        plain fraction there ('delay 1/8') is a fraction of a whole note."""
        rate = spec.name == "rate" and spec.unit == "Hz"   # an lfo rate: once per that length
        if value is None or value.kind not in ("number", "unit") or not (rate or spec.unit.lower() in ("s", "ms")):
            return value
        unit = canonical_unit(value.unit)[0]
        if rate and unit in ("s", "ms"):                 # "lfo rate 8 s": once every 8 seconds
            seconds = quantity(value)[0] / (1000 if unit == "ms" else 1)
            return replace(value, kind="number", number=Fraction(1 / seconds).limit_denominator(10**6), unit="hz")
        if unit is None and "/" in value.text:
            value = replace(value, unit="bars")
        elif unit not in ("bars", "beats", "steps"):
            return value
        seconds = duration_seconds(value, Fraction(self.model.bpm).limit_denominator())
        if rate:
            return replace(value, kind="number", number=1 / seconds, unit="hz")
        return replace(value, kind="number", number=seconds, unit="s")

    def _set_seq(self, spec: ParamSpec, value: it.Value, now: bool = False) -> list[Message]:
        if spec is TEMPO:
            return self._Tempo(it.Tempo(value, now))
        return self._Swing(it.Swing(value))

    def _SetWords(self, intent: it.SetWords) -> list[Message]:
        *ref, last = intent.words.items
        implicit = self._implicit_add(intent.words, None)
        if implicit is not None:
            return implicit
        if not ref:
            choice = self._focus_choice(last) or self._only_choice(last)    # "foldback": the focus's mode
            if choice is not None:
                return self._SetParam(choice)
            raise self._lone_word(last)
        choice = self._choice_first(intent.words) or self._type_last(intent.words)
        if choice is not None:
            return choice
        value = it.Value("word", last.text.lower(), last.column)
        return self._SetParam(it.SetParam(it.Words(tuple(ref)), value))

    def _only_choice(self, word: it.Word):
        """A choice word only one module of the patch takes ('lowpass' with one filter); not a word
        that names another module's type ('triangle' with a triangle and an lfo: that is the module)."""
        text = CHOICE_SYNONYMS.get(word.text.lower(), word.text.lower())
        owners = [(m, p) for m in self.model.modules for p in self.model.spec(m).params
                  if p.is_enum and text in p.choices]
        kind = type_named((text,))
        if len(owners) != 1 or (kind and self.model.modules.get(owners[0][0]) != kind):
            return None
        module_id, param = owners[0]
        return it.SetParam(it.Words((it.Word(module_id, word.column), it.Word(param.name, word.column))),
                           it.Value("word", text, word.column))

    def _choice_first(self, words: it.Words) -> list[Message] | None:
        """'bitcrush it', 'highpass the filter': an enum choice, then the module it applies to."""
        first, rest = words.items[0], it.Words(words.items[1:])
        try:
            module_id = self.resolve.module(rest, hints=False)
        except LanguageError:
            return None
        choice = CHOICE_SYNONYMS.get(first.text.lower(), first.text.lower())
        for param in self.model.spec(module_id).params:
            if param.is_enum and choice in param.choices:
                return [message(f"/mod/{module_id}/{param.name}", choice)]
        return None

    def _type_last(self, words: it.Words) -> list[Message] | None:
        """'make it a lowpass filter', 'the saw a square wave': a module, then a type: swap (or set)."""
        for split in range(1, len(words.items)):
            ref, rest = it.Words(words.items[:split]), it.Words(words.items[split:])
            if type_and_presets(rest.texts) is None:
                continue
            chosen = self._choice_first(it.Words(rest.items + ref.items)) if len(rest.items) == 1 else None
            if chosen is not None:                        # "lfo square": its shape, not a square
                return chosen
            try:
                old = self.resolve.module(ref, hints=False)
            except LanguageError:
                continue
            new = module_spec(type_and_presets(rest.texts)[0])
            if self.model.spec(old).role == new.role == "processor" and not _kindred(new.type, self.model.modules[old]):
                return self._AddTo(it.AddTo(rest, ref, None, right_after=True))   # "make it fuzzy": one more effect
            return self._Swap(it.Swap(ref, rest, ref.column))
        return None

    def _lone_word(self, word: it.Word) -> LanguageError:
        """A word that is no command: a param missing its value, or a typo."""
        text = word.text.lower()
        if is_known_word(text, self.model.modules):
            example = {"tempo": "tempo 128", "bpm": "bpm 128", "swing": "swing 20%"}.get(text, f"{text} 50%")
            return LanguageError(f"{text!r} needs a value, e.g. '{example}'", word.column)
        hints = closest_words(text, self.model.modules)
        return LanguageError(with_hint(f"I don't know the word {text!r}", hints), word.column, hints)

    def _param_or_primary(self, ref: it.Words, value: it.Value) -> tuple[str, ParamSpec]:
        """'saw1 freq 220' names a param; 'the saw 220 hz' names a module: use its main param."""
        try:
            return self.resolve.param(ref, hints=False)
        except LanguageError:
            module_id = self._module_or_raise(ref)
            return module_id, primary_param(self.model.spec(module_id), value)

    def _module_or_raise(self, ref: it.Words) -> str:
        """The module a phrase names; if none, the module's error when it names a type, else the
        param's (worked out again, now with did-you-mean)."""
        try:
            return self._module_or_everything(ref, hints=False)
        except LanguageError:
            if type_named(ref.texts):
                self._module_or_everything(ref)
            self.resolve.param(ref)
            raise

    def _module_or_everything(self, ref: it.Words, hints: bool = True) -> str:
        return MASTER if ref.texts in EVERYTHING else self.resolve.module(ref, hints)

    def _BareValue(self, intent: it.BareValue) -> list[Message]:
        value = intent.value
        if value.kind == "number" and value.unit and canonical_unit(value.unit)[0] == "bpm":
            return self._Tempo(it.Tempo(value, intent.now))
        focus = self.model.focus if self.model.focus in self.model.modules else None
        if focus is not None and focus != MASTER and (value.unit or value.kind == "unit"):
            try:                                          # "delay on the hats, 375 ms": the focus's time
                param = primary_param(self.model.spec(focus), value)
                if value.kind == "unit" or canonical_unit(value.unit)[0] not in ("%", "db") or \
                        param.name in ("gain", "mix", "depth"):
                    said = value.text if value.kind == "unit" else f"{value.text} {value.unit}"
                    self.understood.append(f"{said}: {focus} {param.name}")
                    return [message(f"/mod/{focus}/{param.name}", self._absolute(param, value))]
            except LanguageError:
                pass
        raise LanguageError(f"{value.text!r} needs a param, e.g. 'cutoff {value.text}'", value.column)


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


def _is_signed_change(spec: ParamSpec, value: it.Value) -> bool:
    """'cutoff +200', 'resonance +10%': an explicit plus on a param is a relative change. A minus
    is not: '-50 hz' on a cutoff is a value out of range (the error says 'cutoff down 50 hz')."""
    if value.kind != "number" or not value.text.startswith("+") or spec.is_enum:
        return False
    unit = canonical_unit(value.unit)[0]
    return unit != "db" and spec.low is not None and spec.low >= 0
