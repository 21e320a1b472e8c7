"""Module intents: add, remove, drop, swap and duplicate modules, and where a new one is placed.

These are the commands that change which modules exist; they choose ids, types (with enum
presets such as 'highpass filter') and the edges that put a module into a voice.
"""
from __future__ import annotations

from dataclasses import replace

from ..engine.catalogue import module_spec
from ..engine.params import ModuleSpec, ParamError, ParamSpec
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError, with_hint
from .mapper_words import (AUTO_ID, ID_SHAPE, LFO_EFFECTS, SEQ_PARAMS, TRACK_WORDS, message, primary_param,
                           seq_param, track_name)
from .patch_model import MASTER
from .resolve import EVERYTHING, GENERIC_NOUNS, type_and_presets, type_named
from .vocabulary import closest_words


#: Words asking for one more of a kind ('add a second 303': a new bass voice, not a filter in series).
_ANOTHER = ("another", "second", "2nd", "third", "3rd", "new", "extra", "other")


class ModuleMapper:
    """Part of Mapper: the intents that create or remove modules."""

    def _AddModule(self, intent: it.AddModule) -> list[Message]:
        seq = seq_param(intent.type_name)
        if seq is not None:                               # "add some swing"
            if intent.value is not None:
                return self._set_seq(seq, intent.value)
            return [self._change(None, seq, 1, None, None, intent.type_name.column)]
        if intent.type_name.text in LFO_EFFECTS:
            return self._lfo_effect(intent.type_name, None, intent.value)
        said = intent.type_name.texts + ((intent.value.text,) if intent.value is not None else ())
        another = any(t in _ANOTHER for t in said)
        if another and len(intent.type_name.items) > 1:    # "add another 303": a 303
            intent = replace(intent, type_name=it.Words(tuple(w for w in intent.type_name.items if w.text not in _ANOTHER)))
        spec, presets = self._module_type(intent.type_name, intent.value)
        value = intent.value
        if value is not None and value.kind == "number" and value.unit is None and type_named((value.text,)) \
                and type_and_presets(intent.type_name.texts) is None:
            value = None                                  # "add a second 303": the 303 is the type
        module_id = self._new_id(spec.type, intent.name)
        voice_for = self._voice_for_processor(spec, intent.type_name.column, another and "303" in said)
        if voice_for is not None:                         # "add a 303" with no synth to filter: one comes with it
            messages = voice_for + [message("/patch/create", module_id, spec.type),
                                    message("/patch/connect", voice_for[0].args[0], module_id),
                                    message("/patch/connect", module_id, MASTER)]
        else:
            messages = [message("/patch/create", module_id, spec.type)] + self._place(module_id, spec)
        messages += self._presets(module_id, spec, presets)
        if value is not None:
            if intent.param is not None:
                param = self._param_named(spec, intent.param)
            else:
                param = primary_param(spec, value)
            messages.append(message(f"/mod/{module_id}/{param.name}", self._absolute(param, value)))
        return messages

    def _voice_for_processor(self, spec: ModuleSpec, column: int, a_303: bool = False) -> list[Message] | None:
        """A processor needs a sound: with none in the patch it is refused, except a 303 filter,
        which is a bass voice (a saw comes with it, also when only drums play, and for 'a 303'
        when one is there already: 'add another 303' is a second bass, not a filter in series)."""
        if spec.role != "processor" or self._sourceless_head():
            return None
        if a_303 and self.model.of_type("acid_filter"):
            return [message("/patch/create", self.model.next_id("saw"), "saw")]
        sounds = [m for m in self.model.modules if self.model.spec(m).role in ("source", "drum")]
        focused = self.resolve.focused_voice()
        pitched = focused and self.model.spec(focused[0]).role == "source"
        if spec.type == "acid_filter" and not pitched and not any(
                self.model.spec(m).role == "source" for m in sounds):
            saw = self.model.next_id("saw")
            return [message("/patch/create", saw, "saw")]
        if not sounds:
            raise LanguageError(f"there is nothing to put a {spec.type.replace('_', ' ')} on yet — add a sound "
                                f"first, e.g. 'add a saw at 110 hz'", column)
        voices = [v for v in self.model.voices() if self.model.spec(v[0]).role == "source"]
        if focused and not pitched and voices:             # a drum in focus and a synth playing: which?
            name = spec.type.replace("_", " ")
            raise LanguageError(f"add the {name} to which voice? 'add a {name} to {voices[-1][0]}' or "
                                f"'add a {name} to {focused[0]}'", column, (voices[-1][0], focused[0]))
        return None

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
        """The choices a new module was named with ('a lowpass filter'), said even when default."""
        return [message(f"/mod/{module_id}/{name}", choice) for name, choice in presets]

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
        if voice is None and spec.role == "source" and (waiting := self._sourceless_head()):
            return [message("/patch/connect", module_id, waiting)]     # "add a 303", then "add a saw"
        if voice is None:
            voice = self.resolve.focused_voice() if spec.role == "processor" else []
        if not voice:
            return [message("/patch/connect", module_id, MASTER)]
        last = voice[-1]
        return [message("/patch/disconnect", last, MASTER), message("/patch/connect", last, module_id),
                message("/patch/connect", module_id, MASTER)]

    def _AddTo(self, intent: it.AddTo) -> list[Message]:
        """'add an lfo to the cutoff' modulates; 'add a reverb to the saw' goes into the saw's voice
        (at its end; 'after the saw': straight after it)."""
        if intent.type_name.text in LFO_EFFECTS:
            return self._lfo_effect(intent.type_name, intent.target, intent.value)
        existing = self._existing_to_move(intent)
        if existing is not None:                          # "put the delay before the reverb"
            return self._move(existing, self.resolve.module(intent.target), intent.before,
                              intent.type_name.column)
        spec, presets = self._module_type(intent.type_name)
        if spec.role == "modulator":
            messages, modulator = self._modulate_new(spec, intent.target)
            return messages + self._settings(modulator, spec, presets, intent.value)
        target = self.resolve.module(intent.target)
        if spec.role == "source" and self.model.spec(target).role == "processor" and intent.move \
                and len(self.model.of_type(spec.type)) == 1:            # "throw the sine into the echo": that sine
            return self._route_existing(self.model.of_type(spec.type)[0], target, intent)
        if spec.role == "source" and self.model.spec(target).role == "processor":
            return self._feed(spec, presets, target, intent.value)      # "add a saw into the filter"
        if spec.role != "processor":
            raise LanguageError(f"a {spec.type} is a {spec.role}: add it on its own ('add a {spec.type}')",
                                intent.type_name.column)
        voice = self.model.voice_of(target)
        if not voice:
            raise LanguageError(f"{target} does not reach master, so it has no chain to add to",
                                intent.target.column)
        module_id = self.model.next_id(spec.type)
        if intent.before:
            placed = self._right_before(module_id, target)
        elif intent.right_after:
            placed = self._right_after(module_id, target)
        else:
            placed = self._place(module_id, spec, voice)
        return [message("/patch/create", module_id, spec.type), *placed] + self._settings(
            module_id, spec, presets, intent.value, intent.param)

    def _route_existing(self, source: str, target: str, intent: it.AddTo) -> list[Message]:
        """'put the sine into the delay' with one sine there: that sine goes through it."""
        if target in self.model.voice_of(source):
            kind = self.model.modules[target]
            raise LanguageError(f"{source} already goes through {target} — for more of it, say 'more {kind} mix'",
                                intent.target.column)
        return self._Connect(it.Connect(it.Words((it.Word(source, intent.type_name.column),)), intent.target, True))

    def _existing_to_move(self, intent: it.AddTo) -> str | None:
        """put/move/run through with a place: the module named, when it exists (else one is added)."""
        if not intent.move or not (intent.right_after or intent.before):
            return None
        try:
            module_id = self.resolve.module(intent.type_name, hints=False)
        except LanguageError:
            return None
        return module_id if self.model.spec(module_id).role != "modulator" else None

    def _right_after(self, module_id: str, target: str) -> list[Message]:
        """Insert `module_id` between `target` and whatever it feeds."""
        outputs = self.model.outputs(target)
        return ([message("/patch/disconnect", target, out) for out in outputs]
                + [message("/patch/connect", target, module_id)]
                + [message("/patch/connect", module_id, out) for out in outputs or [MASTER]])

    def _settings(self, module_id: str, spec: ModuleSpec, presets, value: it.Value | None,
                  named: it.Words | None = None) -> list[Message]:
        """A new module's preset choices ('highpass filter') and its value ('at 2k', 'with drive 8')."""
        messages = self._presets(module_id, spec, presets)
        if value is not None:
            param = self._param_named(spec, named) if named is not None else primary_param(spec, value)
            messages.append(message(f"/mod/{module_id}/{param.name}", self._absolute(param, value)))
        return messages

    def _sourceless_head(self) -> str | None:
        """The focused voice's first module when it is a processor with nothing feeding it."""
        voice = self.model.voice_of(self.model.focus)
        if voice and self.model.spec(voice[0]).role == "processor" and not self.model.inputs(voice[0]):
            return voice[0]
        return None

    def _feed(self, spec: ModuleSpec, presets, target: str, value: it.Value | None) -> list[Message]:
        """A new source playing into `target` (alongside whatever already feeds it)."""
        module_id = self.model.next_id(spec.type)
        return [message("/patch/create", module_id, spec.type), message("/patch/connect", module_id, target),
                *self._settings(module_id, spec, presets, value)]

    def _RemoveModule(self, intent: it.RemoveModule) -> list[Message]:
        if intent.target.texts in EVERYTHING:
            return self._remove_everything(intent.target.column)
        if any(w in TRACK_WORDS for w in intent.target.texts) and track_name(intent.target) in self.model.tracks:
            return [message("/seq/remove", track_name(intent.target))]     # "remove the snare pattern"
        module_id = self.resolve.module(intent.target)
        if module_id == MASTER:
            raise LanguageError("master cannot be removed", intent.target.column)
        reconnect = [message("/patch/connect", a, b) for a in self.model.inputs(module_id)
                     for b in self.model.outputs(module_id)]
        tracks = [message("/seq/remove", n) for n, t in self.model.tracks.items() if t.target == module_id]
        return tracks + [message("/patch/remove", module_id)] + reconnect

    def _remove_everything(self, column: int) -> list[Message]:
        modules = [m for m in self.model.modules if m != MASTER]
        if not modules:
            raise LanguageError("the patch is already empty", column)
        clear = [message("/seq/clear")] if self.model.tracks else []
        return clear + [message("/patch/remove", m) for m in reversed(modules)]

    def _Drop(self, intent: it.Drop) -> list[Message]:
        """'drop the cutoff [by/to …]' lowers a param; 'drop the kick' removes the module."""
        if intent.amount is None and intent.to is None and any(w in TRACK_WORDS for w in intent.target.texts):
            return self._RemoveModule(it.RemoveModule(intent.target))     # "take out the kick pattern"
        if intent.amount is None and intent.to is None:
            try:
                self.resolve.param(intent.target, hints=False)
            except LanguageError:
                if intent.target.texts[0] not in SEQ_PARAMS:
                    return self._drop_part(intent.target)
        if intent.to is not None:
            return self._SetParam(it.SetParam(intent.target, intent.to))
        return self._ChangeParam(it.ChangeParam(intent.target, -1, intent.amount, intent.intensity,
                                                intent.target.column))

    def _drop_part(self, target: it.Words) -> list[Message]:
        """'drop the kick', 'take out the bass': its track is muted (kept); a source that plays
        no track is muted; an effect ('take out the delay') is taken out of its chain."""
        named = self._module_or_none(target)
        if named is not None and self.model.spec(named).role in ("processor", "modulator"):
            return self._RemoveModule(it.RemoveModule(target))   # "take the amp env out"
        if self._plays_a_track(target):
            return self._mute_track(target, True)
        module_id = self.resolve.module(target)
        if self.model.spec(module_id).role in ("source", "drum"):
            return self._Mute(it.Mute("mute", target, target.column))
        return self._RemoveModule(it.RemoveModule(target))

    def _Swap(self, intent: it.Swap) -> list[Message]:
        """A new module where the old one was: same edges, tracks and shared param values."""
        column = intent.old.column if intent.old else intent.column
        old = self.resolve.module(intent.old) if intent.old else self.resolve.focus(column)
        if old == MASTER:
            raise LanguageError("master cannot be swapped", column)
        old_spec = self.model.spec(old)
        spec, presets = self._module_type(intent.new)
        if spec.type == old_spec.type and not presets:
            article = "an" if spec.type[0] in "aeiou" else "a"
            raise LanguageError(f"{old} is already {article} {spec.type}", intent.new.column)
        if spec.type == old_spec.type:               # "swap the filter for a highpass"
            changed = [message(f"/mod/{old}/{name}", choice) for name, choice in presets
                       if self.model.value(old, name) != choice]
            return changed or self._already(old, intent.new.column)
        if spec.role != old_spec.role:
            raise LanguageError(f"{old} is a {old_spec.role} and a {spec.type} is a {spec.role}: "
                                f"swap like for like, or remove it and add a {spec.type}", intent.new.column)
        auto = AUTO_ID.match(old)
        new = self.model.next_id(spec.type) if auto and auto.group(1) == old_spec.type else old
        messages = [message("/patch/remove", old), message("/patch/create", new, spec.type)]
        messages += [message("/patch/connect", a, new) for a in self.model.inputs(old)]
        messages += [message("/patch/connect", new, b) for b in self.model.outputs(old)]
        for src, dst in self.model.mod_edges:
            module_id, param = dst.split(".", 1)
            if src == old:
                messages.append(message("/patch/connect", new, dst))
            elif module_id == old and spec.has_param(param):
                messages.append(message("/patch/connect", src, f"{new}.{spec.param(param).name}"))
        for param, value in self.model.values.get(old, {}).items():
            if spec.has_param(param) and not spec.param(param).is_enum and not isinstance(value, str):
                target = spec.param(param)
                if target.low <= value <= target.high:
                    messages.append(message(f"/mod/{new}/{target.name}", value))
        messages += self._presets(new, spec, presets)
        for name, track in self.model.tracks.items():
            if track.target == old:
                messages.append(message("/seq/add", name, new, track.pattern))
        return messages

    def _Duplicate(self, intent: it.Duplicate) -> list[Message]:
        """A copy beside the original: a source or drum layered into the same outputs, a processor
        right after it, a modulator on the same targets; the values it had set."""
        old = self.resolve.module(intent.target)
        if old == MASTER:
            raise LanguageError("master cannot be duplicated", intent.target.column)
        spec = self.model.spec(old)
        new = self.model.next_id(spec.type)
        messages = [message("/patch/create", new, spec.type)]
        if spec.role == "processor":
            for out in self.model.outputs(old):
                messages += [message("/patch/disconnect", old, out), message("/patch/connect", new, out)]
            messages.append(message("/patch/connect", old, new))
        else:
            messages += [message("/patch/connect", new, out) for out in self.model.outputs(old)]
            messages += [message("/patch/connect", new, dst) for src, dst in self.model.mod_edges if src == old]
        messages += [message(f"/mod/{new}/{param}", value) for param, value in self.model.values.get(old, {}).items()]
        return messages

    @staticmethod
    def _already(module_id: str, column: int):
        raise LanguageError(f"{module_id} is already set that way", column)
