"""Intents + context → messages, validated against the ParamSpecs.

The mapper reads the patch model but never changes it: the Translator applies the returned
messages afterwards, so a command that fails changes nothing.
"""
from __future__ import annotations

import re
from dataclasses import fields, replace
from fractions import Fraction

from ..engine.catalogue import CATALOGUE, module_spec
from ..engine.params import ModuleSpec, ParamError, ParamSpec, did_you_mean, number
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError, with_hint
from .patch_model import MASTER, PatchModel
from .resolve import CHOICE_SYNONYMS, EVERYTHING, GENERIC_NOUNS, Resolver, type_and_presets, type_named
from .vocabulary import closest_words, is_known_word
from .units import (absolute_value, canonical_unit, duration_seconds, convert, note_name, note_to_hz, quantity,
                    relative_value, scaled_value, tidy)

TEMPO = number("tempo", "bpm", 120, 20, 300, "sequencer tempo")
SWING = number("swing", "ratio", 0, 0, 0.6, "delay of every second 16th, fraction of a step")
SEQ_PARAMS = {"tempo": TEMPO, "bpm": TEMPO, "swing": SWING, "shuffle": SWING}
ID_SHAPE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
AUTO_ID = re.compile(r"^([a-z_]+?)\d+$")
SEQUENCER_WORDS = {"sequencer", "seq", "everything", "all", "music", "playback", "patterns",
                   "pattern", "tracks", "all patterns", "all tracks", "beat", "loop", "it all"}
SCREEN_WORDS = {"screen", "console", "terminal"}
TRACK_WORDS = ("pattern", "track", "part", "groove", "line", "loop", "beat")
LIST_TOPICS = {"modules": "modules", "module": "modules", "patch": "modules", "types": "types",
               "params": "params", "tracks": "tracks", "playing": "tracks", "sessions": "sessions"}
LEVEL = ("gain", "mix")
#: A module's level when it is named instead of a param ("more lfo", "mute the lfo").
LEVEL_OF_MODULE = ("gain", "mix", "depth")
PITCH = ("pitch",)
#: "brighter" → (direction, params tried in order); "@tempo" is the sequencer's tempo.
COMPARATIVES: dict[str, tuple[int, tuple[str, ...]]] = {}
for _words, _direction, _params in (
    ("brighter", 1, ("cutoff", "tone")), ("darker duller", -1, ("cutoff", "tone")),
    ("louder", 1, LEVEL), ("quieter softer", -1, LEVEL),
    ("faster quicker speed-up", 1, ("rate", "@tempo")),
    ("slower slow slow-down", -1, ("rate", "@tempo")),
    ("wetter", 1, ("mix",)), ("drier dryer", -1, ("mix",)),
    ("bigger larger", 1, ("room",)), ("smaller", -1, ("room",)),
    ("higher", 1, PITCH), ("lower", -1, PITCH),
    ("longer", 1, ("decay", "release", "time")), ("shorter", -1, ("decay", "release", "time")),
    ("dirtier grittier harder heavier", 1, ("drive",)), ("cleaner", -1, ("drive",)),
    ("wider", 1, ("width",)), ("narrower thinner", -1, ("width",)),
    ("deeper", 1, ("depth",)), ("shallower", -1, ("depth",)),
    ("punchier", 1, ("punch",)), ("snappier", 1, ("snap",)), ("squelchier", 1, ("resonance", "q")),
):
    for _word in _words.split():
        COMPARATIVES[_word] = (_direction, _params)
#: Effects made of an LFO: (target param names, rate Hz, depth).
LFO_EFFECTS = {"vibrato": (PITCH, 5.0, 0.01), "tremolo": (LEVEL, 4.0, 0.5),
               "wobble": (("cutoff", "tone") + PITCH, 2.0, 0.5)}
QUERY_PARAMS = {"how loud": LEVEL, "how fast": ("rate", "@tempo"), "how high": PITCH}


def _msg(address: str, *args) -> Message:
    return Message(address, tuple(args))


class Mapper:
    def __init__(self, model: PatchModel):
        self.model = model
        self.resolve = Resolver(model)

    def map(self, intent) -> list[Message]:
        handler = getattr(self, f"_{type(intent).__name__}", None)
        if handler is None:
            raise LanguageError(f"{type(intent).__name__.lower()} is not available here")
        return handler(intent)

    # -- several commands on a line --------------------------------------------------------------
    def carry(self, previous, intent):
        """In "mute the kick and the snare", the bare "the snare" repeats the previous command."""
        if previous is None or not isinstance(intent, (it.SetWords, it.SetParam)):
            return intent
        words = intent.words if isinstance(intent, it.SetWords) else intent.ref
        if isinstance(previous, (it.AddModule, it.AddTo)) and type_and_presets(words.texts):
            value = intent.value if isinstance(intent, it.SetParam) else None
            return it.AddModule(words, value)
        if not isinstance(intent, it.SetWords) or isinstance(previous, it.SetParam):
            return intent                                 # a value is never carried over
        slot = next((f.name for f in fields(previous) if f.name in _TARGET_FIELDS), None)
        if slot is None or not self._names_something(words):
            return intent
        return replace(previous, **{slot: words})

    def _names_something(self, words: it.Words) -> bool:
        if words.texts in EVERYTHING or "_".join(words.texts) in self.model.tracks:
            return True
        for resolve in (self.resolve.module, self.resolve.param):
            try:
                resolve(words, hints=False)
                return True
            except LanguageError:
                continue
        return words.texts[0] in SEQ_PARAMS

    # -- modules -------------------------------------------------------------------------------
    def _AddModule(self, intent: it.AddModule) -> list[Message]:
        seq = _seq_param(intent.type_name)
        if seq is not None:                               # "add some swing"
            if intent.value is not None:
                return self._set_seq(seq, intent.value)
            return [self._change(None, seq, 1, None, None, intent.type_name.column)]
        if intent.type_name.text in LFO_EFFECTS:
            return self._lfo_effect(intent.type_name, None, intent.value)
        spec, presets = self._module_type(intent.type_name, intent.value)
        module_id = self._new_id(spec.type, intent.name)
        messages = [_msg("/patch/create", module_id, spec.type)] + self._place(module_id, spec)
        messages += self._presets(module_id, spec, presets)
        if intent.value is not None:
            if intent.param is not None:
                param = self._param_named(spec, intent.param)
            else:
                param = _primary_param(spec, intent.value)
            messages.append(_msg(f"/mod/{module_id}/{param.name}", self._absolute(param, intent.value)))
        return messages

    def _param_named(self, spec: ModuleSpec, words: it.Words) -> ParamSpec:
        name = "_".join(words.texts)
        if not spec.has_param(name):
            hints = tuple(h for h in closest_words(name) if spec.has_param(h))
            valid = ", ".join(p.name for p in spec.params)
            raise LanguageError(with_hint(f"{spec.type} has no param {name!r}", hints)
                                + f" (params: {valid})", words.column, hints)
        return spec.param(name)

    def _module_type(self, words: it.Words, value: it.Value | None = None):
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

    @staticmethod
    def _presets(module_id: str, spec: ModuleSpec, presets) -> list[Message]:
        return [_msg(f"/mod/{module_id}/{name}", choice) for name, choice in presets
                if spec.param(name).default != choice]

    def _new_id(self, type_name: str, name: it.Word | None) -> str:
        if name is None:
            return self.model.next_id(type_name)
        module_id = name.text.lower()
        if not ID_SHAPE.match(module_id):
            raise LanguageError(f"{name.text!r} is not a valid id (a letter, then letters, digits, _)",
                                name.column)
        if module_id in self.model.modules:
            raise LanguageError(f"the name {module_id!r} is taken by a module already in the patch", name.column)
        if (named := type_named((module_id,))) is not None:
            raise LanguageError(f"{module_id!r} already means the {named} module type: pick another name",
                                name.column)
        return module_id

    def _place(self, module_id: str, spec: ModuleSpec, voice: list[str] | None = None) -> list[Message]:
        """Sources and drums go to master; processors go at the end of the focused voice."""
        if spec.role == "modulator":
            return []
        if voice is None:
            voice = self.resolve.focused_voice() if spec.role == "processor" else []
        if not voice:
            return [_msg("/patch/connect", module_id, MASTER)]
        last = voice[-1]
        return [_msg("/patch/disconnect", last, MASTER), _msg("/patch/connect", last, module_id),
                _msg("/patch/connect", module_id, MASTER)]

    def _AddTo(self, intent: it.AddTo) -> list[Message]:
        """'add an lfo to the cutoff' modulates; 'add a reverb to the saw' goes into the saw's voice."""
        if intent.type_name.text in LFO_EFFECTS:
            return self._lfo_effect(intent.type_name, intent.target, intent.value)
        spec, presets = self._module_type(intent.type_name)
        if spec.role == "modulator":
            messages, modulator = self._modulate_new(spec, intent.target)
            messages += self._presets(modulator, spec, presets)
            if intent.value is not None:
                param = _primary_param(spec, intent.value)
                messages.append(_msg(f"/mod/{modulator}/{param.name}", self._absolute(param, intent.value)))
            return messages
        if spec.role != "processor":
            raise LanguageError(f"a {spec.type} is a {spec.role}: add it on its own ('add a {spec.type}')",
                                intent.type_name.column)
        target = self.resolve.module(intent.target)
        voice = self.model.voice_of(target)
        if not voice:
            raise LanguageError(f"{target} does not reach master, so it has no chain to add to",
                                intent.target.column)
        module_id = self.model.next_id(spec.type)
        messages = [_msg("/patch/create", module_id, spec.type), *self._place(module_id, spec, voice)]
        messages += self._presets(module_id, spec, presets)
        if intent.value is not None:
            param = _primary_param(spec, intent.value)
            messages.append(_msg(f"/mod/{module_id}/{param.name}", self._absolute(param, intent.value)))
        return messages

    def _modulate_new(self, spec: ModuleSpec, target: it.Words) -> tuple[list[Message], str]:
        module_id, param = self._modulation_target(target)
        modulator = self.model.next_id(spec.type)
        return [_msg("/patch/create", modulator, spec.type),
                _msg("/patch/connect", modulator, f"{module_id}.{param.name}")], modulator

    def _modulation_target(self, words: it.Words, names: tuple[str, ...] = ()) -> tuple[str, ParamSpec]:
        """A param to modulate: named, or a module's first pitch/cutoff param."""
        self._typo_checked(lambda w: None, words)
        try:
            return self.resolve.param(words, hints=False)
        except LanguageError:
            try:
                module_id = self.resolve.module(words, hints=False)
            except LanguageError:
                self.resolve.param(words)                 # the error again, with did-you-mean
                raise
        spec = self.model.spec(module_id)
        for name in names:
            if spec.has_param(name):
                return module_id, spec.param(name)
        numeric = [p for p in spec.params if not p.is_enum]
        hz = [p for p in numeric if p.unit == "Hz"]
        if not (hz or numeric):
            raise LanguageError(f"{module_id} has nothing to modulate", words.column)
        return module_id, (hz or numeric)[0]

    def _lfo_effect(self, words: it.Words, target: it.Words | None, value: it.Value | None) -> list[Message]:
        """'add vibrato [to the saw]': a new LFO on the pitch (tremolo: the level), at a musical rate."""
        names, rate, depth = LFO_EFFECTS[words.text]
        module_id, param = self._near_param(target, names, words.column)
        lfo = self.model.next_id("lfo")
        lfo_spec = module_spec("lfo")
        if value is not None:
            rate = self._absolute(_primary_param(lfo_spec, value), value)
        return [_msg("/patch/create", lfo, "lfo"), _msg("/patch/connect", lfo, f"{module_id}.{param.name}"),
                _msg(f"/mod/{lfo}/rate", float(rate)), _msg(f"/mod/{lfo}/depth", float(depth))]

    def _RemoveModule(self, intent: it.RemoveModule) -> list[Message]:
        if intent.target.texts in EVERYTHING:
            return self._remove_everything(intent.target.column)
        if any(w in TRACK_WORDS for w in intent.target.texts) and _track_name(intent.target) in self.model.tracks:
            return [_msg("/seq/remove", _track_name(intent.target))]     # "remove the snare pattern"
        module_id = self.resolve.module(intent.target)
        if module_id == MASTER:
            raise LanguageError("master cannot be removed", intent.target.column)
        reconnect = [_msg("/patch/connect", a, b) for a in self.model.inputs(module_id)
                     for b in self.model.outputs(module_id)]
        return [_msg("/patch/remove", module_id)] + reconnect

    def _remove_everything(self, column: int) -> list[Message]:
        modules = [m for m in self.model.modules if m != MASTER]
        if not modules:
            raise LanguageError("the patch is already empty", column)
        clear = [_msg("/seq/clear")] if self.model.tracks else []
        return clear + [_msg("/patch/remove", m) for m in reversed(modules)]

    def _Drop(self, intent: it.Drop) -> list[Message]:
        """'drop the cutoff [by/to …]' lowers a param; 'drop the kick' removes the module."""
        if intent.amount is None and intent.to is None:
            try:
                self.resolve.param(intent.target, hints=False)
            except LanguageError:
                if intent.target.texts[0] not in SEQ_PARAMS:
                    return self._RemoveModule(it.RemoveModule(intent.target))
        if intent.to is not None:
            return self._SetParam(it.SetParam(intent.target, intent.to))
        return self._ChangeParam(it.ChangeParam(intent.target, -1, intent.amount, intent.intensity,
                                                intent.target.column))

    def _Swap(self, intent: it.Swap) -> list[Message]:
        """A new module where the old one was: same edges, tracks and shared param values."""
        column = intent.old.column if intent.old else intent.column
        old = self.resolve.module(intent.old) if intent.old else self.resolve.focus(column)
        if old == MASTER:
            raise LanguageError("master cannot be swapped", column)
        old_spec = self.model.spec(old)
        spec, presets = self._module_type(intent.new)
        if spec.type == old_spec.type and not presets:
            raise LanguageError(f"{old} is already a {spec.type}", intent.new.column)
        if spec.type == old_spec.type:               # "swap the filter for a highpass"
            changed = [_msg(f"/mod/{old}/{name}", choice) for name, choice in presets
                       if self.model.value(old, name) != choice]
            return changed or self._already(old, intent.new.column)
        if spec.role != old_spec.role:
            raise LanguageError(f"{old} is a {old_spec.role} and a {spec.type} is a {spec.role}: "
                                f"swap like for like, or remove it and add a {spec.type}", intent.new.column)
        auto = AUTO_ID.match(old)
        new = self.model.next_id(spec.type) if auto and auto.group(1) == old_spec.type else old
        messages = [_msg("/patch/remove", old), _msg("/patch/create", new, spec.type)]
        messages += [_msg("/patch/connect", a, new) for a in self.model.inputs(old)]
        messages += [_msg("/patch/connect", new, b) for b in self.model.outputs(old)]
        for src, dst in self.model.mod_edges:
            module_id, param = dst.split(".", 1)
            if src == old:
                messages.append(_msg("/patch/connect", new, dst))
            elif module_id == old and spec.has_param(param):
                messages.append(_msg("/patch/connect", src, f"{new}.{spec.param(param).name}"))
        for param, value in self.model.values.get(old, {}).items():
            if spec.has_param(param) and not spec.param(param).is_enum and not isinstance(value, str):
                target = spec.param(param)
                if target.low <= value <= target.high:
                    messages.append(_msg(f"/mod/{new}/{target.name}", value))
        messages += self._presets(new, spec, presets)
        for name, track in self.model.tracks.items():
            if track.target == old:
                messages.append(_msg("/seq/add", name, new, track.pattern))
        return messages

    def _Duplicate(self, intent: it.Duplicate) -> list[Message]:
        """A copy beside the original: a source or drum layered into the same outputs, a processor
        right after it, a modulator on the same targets; the values it had set."""
        old = self.resolve.module(intent.target)
        if old == MASTER:
            raise LanguageError("master cannot be duplicated", intent.target.column)
        spec = self.model.spec(old)
        new = self.model.next_id(spec.type)
        messages = [_msg("/patch/create", new, spec.type)]
        if spec.role == "processor":
            for out in self.model.outputs(old):
                messages += [_msg("/patch/disconnect", old, out), _msg("/patch/connect", new, out)]
            messages.append(_msg("/patch/connect", old, new))
        else:
            messages += [_msg("/patch/connect", new, out) for out in self.model.outputs(old)]
            messages += [_msg("/patch/connect", new, dst) for src, dst in self.model.mod_edges if src == old]
        messages += [_msg(f"/mod/{new}/{param}", value) for param, value in self.model.values.get(old, {}).items()]
        return messages

    @staticmethod
    def _already(module_id: str, column: int):
        raise LanguageError(f"{module_id} is already set that way", column)

    # -- params --------------------------------------------------------------------------------
    def _SetParam(self, intent: it.SetParam) -> list[Message]:
        seq = _seq_param(intent.ref)
        value = intent.value
        if seq is None and _is_bpm(value) and (intent.ref.texts in EVERYTHING or intent.ref.texts in _PRONOUN_REFS):
            seq = TEMPO                                   # "make it 128 bpm"
        if seq is not None:
            return self._set_seq(seq, value, intent.now)
        if value.kind == "word":
            special = (self._power_by_value if value.text in _POWER_WORDS else self._swap_by_value)(
                intent.ref, value)
            if special is not None:
                return special
        implicit = self._implicit_add(intent.ref, value)
        if implicit is not None:
            return implicit
        module_id, spec = self._typo_checked(self._param_or_primary, intent.ref, value)
        if value.kind == "note" and spec.unit != "Hz":         # "tune the saw to a2": its pitch
            spec = next((p for p in self.model.spec(module_id).params if p.unit == "Hz"), spec)
        if _is_signed_change(spec, value):
            amount = replace(value, text=value.text.lstrip("+-"), number=abs(value.number))
            direction = -1 if value.text.startswith("-") else 1
            current = self.model.value(module_id, spec.name)
            new = relative_value(spec, current, direction, amount, value.column)
            return [_msg(f"/mod/{module_id}/{spec.name}", new)]
        return [_msg(f"/mod/{module_id}/{spec.name}", self._absolute(spec, value))]

    def _implicit_add(self, ref: it.Words, value: it.Value | None) -> list[Message] | None:
        """'a square at 220', 'give me some reverb': a type nobody has added yet is added."""
        found = type_and_presets(ref.texts)
        if found is None or self.model.of_type(found[0]) or ref.texts in EVERYTHING:
            return None
        if value is not None and value.kind == "word" and not any(
                p.is_enum and value.text in p.choices for p in module_spec(found[0]).params):
            return None
        try:
            self.resolve.param(ref, hints=False)
            return None
        except LanguageError:
            return self._AddModule(it.AddModule(ref, value))

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
            raise self._lone_word(last)
        choice = self._choice_first(intent.words) or self._type_last(intent.words)
        if choice is not None:
            return choice
        value = it.Value("word", last.text.lower(), last.column)
        return self._SetParam(it.SetParam(it.Words(tuple(ref)), value))

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
                return [_msg(f"/mod/{module_id}/{param.name}", choice)]
        return None

    def _type_last(self, words: it.Words) -> list[Message] | None:
        """'make it a lowpass filter', 'the saw a square wave': a module, then a type: swap (or set)."""
        for split in range(1, len(words.items)):
            ref, rest = it.Words(words.items[:split]), it.Words(words.items[split:])
            if type_and_presets(rest.texts) is None:
                continue
            try:
                self.resolve.module(ref, hints=False)
            except LanguageError:
                continue
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
        except LanguageError as param_error:
            module_id = self._module_or_raise(ref)
            return module_id, _primary_param(self.model.spec(module_id), value)

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
        raise LanguageError(f"{value.text!r} needs a param, e.g. 'cutoff {value.text}'", value.column)

    def _Extreme(self, intent: it.Extreme) -> list[Message]:
        """'max resonance', 'no swing', 'no reverb' (its mix), 'full volume'."""
        module_id, spec = self._target(intent.ref, None, intent.column)
        if spec.is_enum:
            raise LanguageError(f"{spec.name} is a choice ({spec.range_text()}), not an amount",
                                intent.ref.column)
        return [self._set(module_id, spec, spec.high if intent.top else spec.low)]

    def _ChangeParam(self, intent: it.ChangeParam) -> list[Message]:
        module_id, spec = self._target(intent.ref, intent.amount, intent.column)
        return [self._change(module_id, spec, intent.direction, intent.amount, intent.intensity,
                             intent.ref.column if intent.ref else intent.column)]

    def _change(self, module_id, spec, direction, amount, intensity, column) -> Message:
        current = self._current(module_id, spec)
        amount = self._musical_time(spec, amount)
        if amount is None and intensity == "edge":
            new = spec.high if direction > 0 else spec.low
            if new == current:
                raise _at_edge(spec, new, direction, column)
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
        return self._set(module_id, spec, new)

    def _target(self, ref: it.Words | None, amount: it.Value | None, column: int) -> tuple[str | None, ParamSpec]:
        """(module id, ParamSpec) a relative command works on; (None, TEMPO/SWING) for the sequencer."""
        if ref is None:
            return self._by_unit(self.resolve.focus(column), amount, column)
        seq = _seq_param(ref)
        if seq is not None:
            return None, seq
        return self._typo_checked(self._param_or_level, ref, amount)

    def _param_or_level(self, ref: it.Words, amount: it.Value | None = None) -> tuple[str, ParamSpec]:
        """'turn the drive up' names a param; 'turn the saw up' names a module: its level (or, for
        'lower the saw an octave', the param the amount's unit fits)."""
        try:
            return self.resolve.param(ref, hints=False)
        except LanguageError as param_error:
            module_id = self._module_or_raise(ref)
            try:
                return self._by_unit(module_id, amount, ref.column)
            except LanguageError:
                pass
            try:                                          # "turn the 303 up": its voice's level
                return self._near_param(ref, LEVEL, ref.column)
            except LanguageError:
                self.resolve.param(ref)
                raise param_error from None

    def _by_unit(self, module_id: str, amount: it.Value | None, column: int) -> tuple[str, ParamSpec]:
        """A module's param for a change: the first whose unit the amount fits, else its level."""
        spec = self.model.spec(module_id)
        unit = None
        if amount is not None:
            unit = "hz" if amount.kind == "note" else canonical_unit(amount.unit)[0]
        wanted = {"octaves": "Hz", "semitones": "Hz", "cents": "Hz", "hz": "Hz", "ms": "ms", "s": "ms"}
        if unit in wanted:
            for param in spec.params:
                if param.unit in (wanted[unit], "s" if wanted[unit] == "ms" else wanted[unit]):
                    return module_id, param
        for name in LEVEL_OF_MODULE:
            if spec.has_param(name):
                return module_id, spec.param(name)
        raise LanguageError(f"{module_id} has no level to change — name a param "
                            f"({', '.join(p.name for p in spec.params)})", column)

    def _typo_checked(self, resolve, ref: it.Words, *args):
        """Resolve a param phrase, but first catch a word nobody knows (a typo of any kind)."""
        for word in ref.items:
            if not is_known_word(word.text, self.model.modules):
                raise self._lone_word(word)
        return resolve(ref, *args)

    def _current(self, module_id: str | None, spec: ParamSpec) -> float:
        if module_id is None:
            return self.model.bpm if spec is TEMPO else self.model.swing
        return self.model.value(module_id, spec.name)

    def _set(self, module_id: str | None, spec: ParamSpec, value) -> Message:
        if module_id is None:
            return _msg("/seq/bpm" if spec is TEMPO else "/seq/swing", _checked_number(spec, value))
        return _msg(f"/mod/{module_id}/{spec.name}", value)

    def _Comparative(self, intent: it.Comparative) -> list[Message]:
        direction, names = COMPARATIVES[re.sub(r"[\s-]+", "-", intent.word)]
        module_id, spec = self._comparative_target(intent, names)
        if "@tempo" in names and spec.unit.lower() in ("ms", "s"):
            direction = -direction                        # "faster attack": a shorter one
        return [self._change(module_id, spec, direction, intent.amount, intent.intensity, intent.column)]

    def _comparative_target(self, intent: it.Comparative, names) -> tuple[str | None, ParamSpec]:
        ref = intent.ref
        if ref is not None and ref.texts in _PRONOUN_REFS:
            ref = None                                    # "make it brighter": the focus, then its voice
        if ref is None and "@tempo" in names:
            return None, TEMPO                            # "faster", "slow it down": the tempo
        if ref is not None:
            if _seq_param(ref) is not None:
                return None, _seq_param(ref)
            if ref.texts in EVERYTHING and names == LEVEL:
                return MASTER, self.model.spec(MASTER).param("gain")
            try:
                return self._typo_checked(self.resolve.param, ref, False)
            except LanguageError:
                if _names_param(ref) and not type_named(ref.texts):
                    self.resolve.param(ref)
                    raise
        if intent.word in ("higher", "lower") and intent.amount is not None and (
                canonical_unit(intent.amount.unit)[0] not in (None, "octaves", "semitones", "cents", "hz")):
            return self._target(ref, intent.amount, intent.column)    # "3 db lower": the level
        return self._near_param(ref, names, intent.column, what=intent.word)

    def _near_param(self, ref: it.Words | None, names, column: int, what: str = "") -> tuple[str | None, ParamSpec]:
        """The first of `names` on the module (or focus), then its voice, then the patch."""
        if ref is not None and ref.texts in _PRONOUN_REFS[:4]:
            ref = None
        if ref is not None:
            self._typo_checked(lambda r: None, ref)
            start = self.resolve.module(ref)
        else:
            start = self.model.focus if self.model.focus in self.model.modules else None
        voice = self.model.voice_of(start) if start else []
        if not voice and ref is None:                     # the focus is an lfo: the voice in focus
            voice = self.resolve.focused_voice()
        if start and start in voice:
            at = voice.index(start)
            nearby = [start] + voice[at + 1:] + voice[:at][::-1]
        else:
            nearby = ([start] if start else []) + voice
        for group in ([nearby[0]] if nearby else [], nearby):
            for name in names:
                for module_id in group:
                    spec = self.model.spec(module_id)
                    if spec is not None and spec.has_param(name):
                        return module_id, spec.param(name)
        if ref is None:
            if "@tempo" in names:
                return None, TEMPO
            if names == LEVEL:
                return MASTER, self.model.spec(MASTER).param("gain")
            for name in names:
                owners = [m for m in self.model.modules if self.model.spec(m).has_param(name)]
                if len(owners) == 1:
                    return owners[0], self.model.spec(owners[0]).param(name)
        wanted = " or ".join(n.lstrip("@") for n in names)
        where = f"{start}'s voice" if start else "the patch"
        raise LanguageError(f"nothing in {where} has {wanted}{f' to make {what}' if what else ''}",
                            ref.column if ref else column)

    def _Scale(self, intent: it.Scale) -> list[Message]:
        """'double the tempo', 'halve the cutoff', 'half time'."""
        if intent.ref is None:
            module_id, spec = None, TEMPO
        else:
            module_id, spec = self._target(intent.ref, None, intent.column)
        if spec.is_enum:
            raise LanguageError(f"{spec.name} is a choice, not an amount", intent.column)
        new = scaled_value(spec, self._current(module_id, spec), intent.factor,
                           intent.ref.column if intent.ref else intent.column)
        return [self._set(module_id, spec, new)]

    def _Transpose(self, intent: it.Transpose) -> list[Message]:
        """'transpose up 2 semitones' (a plain number counts semitones), 'transpose to a3'."""
        ref = None if intent.ref is not None and intent.ref.texts in _PRONOUN_REFS else intent.ref
        module_id, spec = self._near_param(ref, (intent.param,), intent.column,
                                           "higher" if intent.param == "pitch" else "")
        if intent.to is not None:
            return [_msg(f"/mod/{module_id}/{spec.name}", self._absolute(spec, intent.to))]
        amount = intent.amount
        if amount is not None and amount.kind == "number" and amount.unit is None:
            amount = replace(amount, unit="semitones" if spec.unit == "Hz" else None)
        direction = intent.direction
        if amount is not None and amount.kind == "number" and amount.number < 0:
            amount, direction = replace(amount, number=-amount.number), -direction
        return [self._change(module_id, spec, direction, amount, None, intent.column)]

    # -- mute, solo, open/close ------------------------------------------------------------------
    def _Mute(self, intent: it.Mute) -> list[Message]:
        switch = self._switch_param(intent.target, intent.verb)
        if switch is not None:                            # "turn off the limiter"
            return switch
        if intent.verb in ("mute", "unmute"):
            everything = intent.target is None or intent.target.texts in EVERYTHING
            if intent.verb == "unmute" and everything:
                return self._unmute_all(intent.column)
            module_id = MASTER if everything else self._level_module(intent.target)
            column = intent.target.column if intent.target is not None else intent.column
            return (self._mute if intent.verb == "mute" else self._unmute)(module_id, column)
        if intent.verb == "unsolo":
            return self._unmute_all(intent.column)
        return self._solo(intent.target, intent.column)

    def _switch_param(self, words: it.Words | None, verb: str) -> list[Message] | None:
        """An on/off param named by 'turn off X' / 'X on' is set, not muted."""
        if words is None or verb not in ("mute", "unmute"):
            return None
        try:
            module_id, spec = self.resolve.param(words, hints=False)
        except LanguageError:
            return None
        if not (spec.is_enum and {"on", "off"} <= set(spec.choices)):
            return None
        return [_msg(f"/mod/{module_id}/{spec.name}", "on" if verb == "unmute" else "off")]

    def _level_module(self, words: it.Words) -> str:
        name = _track_name(words)
        track = self.model.tracks.get(name)
        if track is not None and track.target in self.model.modules and not type_named(words.texts):
            return track.target
        return self.resolve.module(words)

    def _level(self, module_id: str, column: int) -> ParamSpec:
        spec = self.model.spec(module_id)
        for name in LEVEL_OF_MODULE:
            if spec.has_param(name):
                return spec.param(name)
        raise LanguageError(f"{module_id} has no level to mute — remove it with 'remove {module_id}'",
                            column)

    def _mute(self, module_id: str, column: int) -> list[Message]:
        param = self._level(module_id, column)
        if self.model.value(module_id, param.name) == param.low:
            raise LanguageError(f"{module_id} is already muted", column)
        return [_msg(f"/mod/{module_id}/{param.name}", param.low)]

    def _unmute(self, module_id: str, column: int) -> list[Message]:
        param = self._level(module_id, column)
        if self.model.value(module_id, param.name) != param.low:
            raise LanguageError(f"{module_id} is not muted", column)
        return [_msg(f"/mod/{module_id}/{param.name}", self.model.unmuted_value(module_id, param))]

    def _unmute_all(self, column: int) -> list[Message]:
        messages = []
        for module_id in self.model.modules:
            spec = self.model.spec(module_id)
            param = next((spec.param(n) for n in LEVEL_OF_MODULE if spec.has_param(n)), None)
            if param is not None and self.model.value(module_id, param.name) == param.low and (
                    module_id == MASTER or (module_id, param.name) in self.model.premute):
                messages.append(_msg(f"/mod/{module_id}/{param.name}",
                                     self.model.unmuted_value(module_id, param)))
        if not messages:
            raise LanguageError("nothing is muted", column)
        return messages

    def _solo(self, target: it.Words | None, column: int) -> list[Message]:
        """Mute every other source and drum (outside the soloed module's voice)."""
        keep = self._level_module(target) if target else self.resolve.focus(column)
        voice = set(self.model.voice_of(keep)) | {keep}
        messages = []
        for module_id in self.model.modules:
            spec = self.model.spec(module_id)
            if spec.role in ("source", "drum") and module_id not in voice and spec.has_param("gain"):
                if self.model.value(module_id, "gain") != spec.param("gain").low:
                    messages.append(_msg(f"/mod/{module_id}/gain", spec.param("gain").low))
        if not messages:
            raise LanguageError(f"nothing else is playing to mute around {keep}", column)
        return messages

    def _OpenClose(self, intent: it.OpenClose) -> list[Message]:
        """'open the filter' raises its cutoff; 'open night-drive' loads a session."""
        words = intent.target
        session_like = len(words.items) == 1 and not is_known_word(words.text, self.model.modules)
        if intent.direction > 0 and (intent.at_bar or session_like):
            return self._LoadSession(it.LoadSession(words.items[0], intent.now))
        try:
            module_id, spec = self.resolve.param(words, hints=False)
        except LanguageError:
            module_id, spec = self._near_param(words, ("cutoff", "tone"), words.column,
                                               "opener" if intent.direction > 0 else "closer")
        return [self._change(module_id, spec, intent.direction, intent.amount, intent.intensity,
                             words.column)]

    # -- edges ---------------------------------------------------------------------------------
    def _endpoint(self, words: it.Words) -> str:
        """A module id, or 'id.param' for a modulation edge."""
        try:
            return self.resolve.module(words)
        except LanguageError as module_error:
            try:
                module_id, spec = self.resolve.param(words)
            except LanguageError:
                raise module_error from None
            return f"{module_id}.{spec.name}"

    def _Connect(self, intent: it.Connect) -> list[Message]:
        return [_msg("/patch/connect", self.resolve.module(intent.source), self._endpoint(intent.dest))]

    def _Disconnect(self, intent: it.Disconnect) -> list[Message]:
        source = self.resolve.module(intent.source)
        if intent.dest is not None:
            return [_msg("/patch/disconnect", source, self._endpoint(intent.dest))]
        edges = [e for e in self.model.edges + self.model.mod_edges if e[0] == source]
        if not edges:
            raise LanguageError(f"{source} is not connected to anything", intent.source.column)
        return [_msg("/patch/disconnect", a, b) for a, b in edges]

    def _Modulate(self, intent: it.Modulate) -> list[Message]:
        module_id, spec = self._modulation_target(intent.target)
        messages, modulator, mod_spec = self._modulator(intent.modulator, intent.new)
        messages.append(_msg("/patch/connect", modulator, f"{module_id}.{spec.name}"))
        if intent.value is not None:
            param = _primary_param(mod_spec, intent.value)
            messages.append(_msg(f"/mod/{modulator}/{param.name}", self._absolute(param, intent.value)))
        return messages

    def _modulator(self, words: it.Words, new: bool) -> tuple[list[Message], str, ModuleSpec]:
        """An existing modulator, or a new one when asked for or when none of that type exists."""
        type_name = type_named(words.texts)
        if type_name and (new or not self.model.of_type(type_name)):
            spec, presets = self._module_type(words)
            module_id = self.model.next_id(spec.type)
            return ([_msg("/patch/create", module_id, spec.type)] + self._presets(module_id, spec, presets),
                    module_id, spec)
        module_id = self.resolve.module(words)
        return [], module_id, self.model.spec(module_id)

    def _Wobble(self, intent: it.Wobble) -> list[Message]:
        """An LFO on the target: the one already on it, else a free one, else a new one."""
        focus = self.model.focus
        aimed = [dst for src, dst in self.model.mod_edges if src == focus]
        if intent.target.texts in _PRONOUN_REFS and aimed:       # "wobble it faster": the lfo's target
            module_id, param = aimed[0].split(".", 1)
            spec = self.model.spec(module_id).param(param)
        else:
            module_id, spec = self._modulation_target(intent.target, LFO_EFFECTS["wobble"][0])
        edge_target = f"{module_id}.{spec.name}"
        on_it = [src for src, dst in self.model.mod_edges if dst == edge_target and self.model.modules.get(src) == "lfo"]
        busy = {src for src, _ in self.model.mod_edges}
        free = [m for m in self.model.of_type("lfo") if m not in busy]
        messages: list[Message] = []
        if on_it:
            lfo = on_it[0]
        elif free:
            lfo = free[-1]
            messages.append(_msg("/patch/connect", lfo, edge_target))
        else:
            lfo = self.model.next_id("lfo")
            messages += [_msg("/patch/create", lfo, "lfo"), _msg("/patch/connect", lfo, edge_target)]
        if intent.value is not None:
            rate = module_spec("lfo").param("rate")
            messages.append(_msg(f"/mod/{lfo}/rate", self._absolute(rate, intent.value)))
        if not messages:
            raise LanguageError(f"{lfo} already wobbles {edge_target} — give a rate, e.g. 'at 4 hz'",
                                intent.target.column)
        return messages

    # -- gates and the sequencer ---------------------------------------------------------------
    def _voice_head(self, words: it.Words | None, column: int) -> str:
        module_id = self.resolve.module(words) if words else self.resolve.focus(column)
        voice = self.model.voice_of(module_id)
        if not voice and words is None and self.model.spec(module_id).role == "modulator":
            voice = self.resolve.focused_voice()          # an lfo in focus: the voice it plays in
        return voice[0] if voice else module_id

    def _Gate(self, intent: it.Gate) -> list[Message]:
        target = self._voice_head(intent.target, intent.column)
        if not intent.on:
            return [_msg(f"/gate/{target}", 0)]
        if intent.note is None:
            return [_msg(f"/gate/{target}", 1)]
        return [_msg(f"/gate/{target}", 1, _pitch(intent.note))]

    def _track(self, words: it.Words | None, column: int) -> tuple[str, str, list[Message]]:
        """(track name, target id, messages creating the target if a drum type is missing)."""
        if words is None:
            head = self._voice_head(None, column)
            return head, head, []
        words = _track_words(words)
        type_name = type_named(words.texts)
        if type_name and not self.model.of_type(type_name):
            spec, _ = self._module_type(words)
            module_id = self.model.next_id(spec.type)
            return spec.type, module_id, [_msg("/patch/create", module_id, spec.type),
                                          *self._place(module_id, spec)]
        name = type_name or "_".join(words.texts)
        if name in self.model.tracks and self.model.tracks[name].target in self.model.modules and not type_name:
            return name, self.model.tracks[name].target, []
        target = self._voice_head(words, column)
        return name, target, []

    def _PlayPattern(self, intent: it.PlayPattern) -> list[Message]:
        existing = self._existing_track(None, intent.column) if intent.target is None else None
        if existing is not None:                          # "play x..x": the track of the focused voice
            track, target, messages = existing, self.model.tracks[existing].target, []
        else:
            track, target, messages = self._track(intent.target, intent.column)
        now = ("now",) if intent.now else ()
        return messages + [_msg("/seq/add", track, target, intent.pattern, *now), *self._start()]

    def _start(self) -> list[Message]:
        """'play …' means play: start the sequencer when it is stopped."""
        return [] if self.model.running else [_msg("/seq/start")]

    def _SetNotes(self, intent: it.SetNotes) -> list[Message]:
        notes = [note_name(n.text) for n in intent.notes]
        existing = self._existing_track(intent.target, intent.column)
        if existing:
            return [_msg("/seq/notes", existing, *notes)]
        track, target, messages = self._track(intent.target, intent.column)
        return messages + [_msg("/seq/add", track, target, "x" * len(notes)),
                           _msg("/seq/notes", track, *notes), *self._start()]

    def _existing_track(self, words: it.Words | None, column: int) -> str | None:
        """The track a phrase names: by name, else the track playing that module's voice."""
        if words is not None:
            words = _track_words(words)
            name = type_named(words.texts) or "_".join(words.texts)
            if name in self.model.tracks:
                return name
            if type_named(words.texts) and not self.model.of_type(name):
                return None
        voice = self.model.voice_of(self._voice_head(words, column))
        members = set(voice) | {self._voice_head(words, column)}
        return next((n for n, t in self.model.tracks.items() if t.target in members), None)

    def _Tempo(self, intent: it.Tempo) -> list[Message]:
        value = intent.value
        amount, unit = quantity(value) if value.kind == "number" else (None, None)
        if amount is None or unit not in (None, "bpm"):
            raise LanguageError("tempo takes beats per minute, e.g. tempo 128", value.column)
        now = ("now",) if intent.now else ()
        if value.text.startswith(("+", "-")):
            return [_msg("/seq/bpm", _checked(TEMPO, self.model.bpm + amount, value), *now)]
        return [_msg("/seq/bpm", _checked(TEMPO, amount, value), *now)]

    def _Swing(self, intent: it.Swing) -> list[Message]:
        value = intent.value
        if value.kind == "word" and value.text in ("off", "none", "min", "minimum"):
            return [_msg("/seq/swing", 0.0)]
        amount, unit = quantity(value) if value.kind == "number" else (None, None)
        if amount is None or unit not in (None, "%"):
            raise LanguageError("swing takes a fraction of a step, e.g. swing 20%", value.column)
        if unit is None and 10 <= amount <= 100:
            unit = "%"                                    # "swing 50": percent
        return [_msg("/seq/swing", _checked(SWING, amount / 100 if unit == "%" else amount, value))]

    def _Stop(self, intent: it.Stop) -> list[Message]:
        if intent.target is None or intent.target.text in SEQUENCER_WORDS:
            return [_msg("/seq/stop")]
        if intent.target.texts in (("note",), ("notes",), ("the", "note")):    # "stop the note"
            return self._Gate(it.Gate(None, False, None, intent.target.column))
        track = self._existing_track(intent.target, intent.target.column)
        if track is None:
            playing = ", ".join(self.model.tracks) or "none"
            raise LanguageError(f"nothing plays {intent.target.text!r} (tracks: {playing})",
                                intent.target.column, tuple(self.model.tracks))
        return [_msg("/seq/remove", track)]

    def _Clear(self, intent: it.Clear) -> list[Message]:
        """'clear' (the screen), 'clear the sequencer', 'clear the kick' (its track), 'reset the cutoff'."""
        what = intent.what
        if what is None or what.text in SCREEN_WORDS:
            return [_msg("/shell/clear")]
        if what.text in SEQUENCER_WORDS:
            return [_msg("/seq/clear")]
        if intent.verb == "clear":
            track = _track_name(what)
            if track in self.model.tracks:
                return [_msg("/seq/remove", track)]
        seq = _seq_param(what)
        if seq is not None:
            return [self._set(None, seq, seq.default)]
        try:
            module_id, spec = self.resolve.param(what, hints=False)
            return [_msg(f"/mod/{module_id}/{spec.name}", spec.default)]
        except LanguageError:
            pass
        try:
            module_id = self.resolve.module(what)
        except LanguageError:
            raise LanguageError(f"{intent.verb} what? '{intent.verb}' (the screen), '{intent.verb} the "
                                f"sequencer', a track, a param or a module", what.column) from None
        spec = self.model.spec(module_id)
        changed = [p for p, v in self.model.values.get(module_id, {}).items() if spec.param(p).default != v]
        if not changed:
            raise LanguageError(f"{module_id} is already at its defaults", what.column)
        return [_msg(f"/mod/{module_id}/{p}", spec.param(p).default) for p in changed]

    # -- sessions, recording, shell ------------------------------------------------------------
    def _SaveSession(self, intent: it.SaveSession) -> list[Message]:
        overwrite = ("overwrite",) if intent.overwrite else ()
        return [_msg("/session/save", intent.name.text, *overwrite)]

    def _LoadSession(self, intent: it.LoadSession) -> list[Message]:
        now = ("now",) if intent.now else ()
        return [_msg("/session/load", intent.name.text, *now)]

    def _DeleteSession(self, intent: it.DeleteSession) -> list[Message]:
        return [_msg("/session/delete", intent.name.text)]

    def _Record(self, intent: it.Record) -> list[Message]:
        return [_msg("/record/start", *((intent.path,) if intent.path else ()))]

    def _Fixed(self, intent: it.Fixed) -> list[Message]:
        return [Message(intent.address, intent.args)]

    def _ShellVerb(self, intent: it.ShellVerb) -> list[Message]:
        if intent.verb == "list" and intent.arg is not None and intent.arg.texts in EVERYTHING:
            return [_msg("/shell/list", "modules")]
        if intent.verb == "list" and intent.arg is not None and intent.arg.text not in LIST_TOPICS:
            try:
                return self._Show(it.Show(intent.arg, intent.column, "show"))
            except LanguageError:
                pass
        if intent.verb == "list" and intent.arg is not None and intent.arg.text in LIST_TOPICS:
            return [_msg("/shell/list", LIST_TOPICS[intent.arg.text])]
        return [_msg(f"/shell/{intent.verb}", *((intent.arg.text,) if intent.arg else ()))]

    def _Show(self, intent: it.Show) -> list[Message]:
        """'what is the cutoff' → /shell/show acid_filter1.cutoff 800.0 (the REPL prints it)."""
        what = intent.what
        if what is None:
            return [_msg("/shell/list", "modules")]
        if what.texts in (("status",), ("engine",), ("engine", "status")):
            return [_msg("/engine/status")]
        if what.text in LIST_TOPICS:
            return [_msg("/shell/list", LIST_TOPICS[what.text])]
        seq = _seq_param(what)
        if seq is not None:
            return [_msg("/shell/show", seq.name, self._current(None, seq))]
        names = QUERY_PARAMS.get(intent.verb)
        self._typo_checked(lambda w: None, what)
        try:
            module_id, spec = self.resolve.param(what, hints=False)
        except LanguageError:
            try:
                module_id = self._module_or_everything(what, hints=False)
            except LanguageError:
                self.resolve.param(what)
                raise
            if names is None:
                return [_msg("/shell/show", module_id)]
            module_id, spec = self._near_param(what, names, intent.column)
        return [_msg("/shell/show", f"{module_id}.{spec.name}", self.model.value(module_id, spec.name))]

    def _Wait(self, intent: it.Wait) -> list[Message]:
        raise LanguageError("wait only works in scripts (chronus run / render)", intent.value.column)


#: The field of each intent type that names what it acts on (for "… and the snare").
_TARGET_FIELDS = ("target", "ref", "what")


_POWER_WORDS = {"on": "unmute", "in": "unmute", "off": "mute", "out": "mute"}
_PRONOUN_REFS = (("it",), ("that",), ("this",), ("them",), ("everything",), ("all",))


def _is_bpm(value: it.Value) -> bool:
    return value.kind == "number" and value.unit is not None and canonical_unit(value.unit)[0] == "bpm"


def _names_param(words: it.Words) -> bool:
    name = "_".join(words.texts)
    return any(cls.spec.has_param(name) for cls in CATALOGUE.values())


def _seq_param(words: it.Words | None) -> ParamSpec | None:
    if words is None or len(words.texts) != 1:
        return None
    return SEQ_PARAMS.get(words.texts[0])


def _track_words(words: it.Words) -> it.Words:
    """'the kick pattern' → 'kick': words that only say "track" are dropped."""
    kept = tuple(w for w in words.items if w.text.lower() not in TRACK_WORDS)
    return it.Words(kept) if kept else words


def _track_name(words: it.Words) -> str:
    words = _track_words(words)
    return type_named(words.texts) or "_".join(words.texts)


def _is_signed_change(spec: ParamSpec, value: it.Value) -> bool:
    """'cutoff +200', 'resonance -10%': an explicit sign on a param that cannot be negative is a
    relative change (dB stays a level: 'volume -6 db' sets -6 dB)."""
    if value.kind != "number" or not value.text.startswith(("+", "-")) or spec.is_enum:
        return False
    unit = canonical_unit(value.unit)[0]
    return unit != "db" and spec.low is not None and spec.low >= 0


def _at_edge(spec: ParamSpec, value: float, direction: int, column: int) -> LanguageError:
    edge = "maximum" if direction > 0 else "minimum"
    return LanguageError(f"{spec.name} is already at its {edge} {value:g}", column)


def _primary_param(spec: ModuleSpec, value: it.Value) -> ParamSpec:
    """The param a bare value sets on a module: the first one whose unit fits the value."""
    numeric = [p for p in spec.params if not p.is_enum]
    if value.kind == "word":
        for param in spec.params:
            if param.is_enum and value.text in param.choices:
                return param
        choices = [c for p in spec.params for c in p.choices] + list(COMPARATIVES)
        hints = tuple(h for h in did_you_mean(value.text, choices) if h != value.text)
        raise LanguageError(with_hint(f"{spec.type} has no setting {value.text!r}", hints), value.column, hints)
    preferred = numeric
    if value.kind in ("number", "unit") and canonical_unit(value.unit)[0] in ("bars", "beats", "steps"):
        timed = [p for p in numeric if p.unit.lower() in ("s", "ms") or (p.name == "rate" and p.unit == "Hz")]
        if timed:
            return timed[0]                               # "add a delay of a dotted eighth"
    if value.kind == "number" and quantity(value)[1] in ("%", "db"):
        preferred = [p for p in numeric if p.unit in ("ratio", "dB")] + numeric
    for param in preferred:
        try:
            convert(param, value)
            return param
        except LanguageError:
            continue
    raise LanguageError(f"{spec.type} has no param that takes {value.unit or 'that'}", value.column)


def _pitch(note: it.Value) -> float:
    if note.kind == "note":
        return note_to_hz(note.text)
    amount, unit = quantity(note)
    if unit not in (None, "hz"):
        raise LanguageError(f"a note needs a pitch (a2, c#3 or Hz), not {unit}", note.column)
    return tidy(amount)


def _checked(spec: ParamSpec, amount: float, value: it.Value) -> float:
    try:
        return spec.coerce(tidy(amount))
    except ParamError as err:
        raise LanguageError(with_hint(str(err), err.suggestions), value.column) from None


def _checked_number(spec: ParamSpec, amount: float) -> float:
    try:
        return spec.coerce(tidy(amount))
    except ParamError as err:
        raise LanguageError(str(err), None) from None


__all__ = ["Mapper", "TEMPO", "SWING", "COMPARATIVES"]
