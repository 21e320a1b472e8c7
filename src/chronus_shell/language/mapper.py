"""Intents + context → messages, validated against the ParamSpecs.

The mapper reads the patch model but never changes it: the Translator applies the returned
messages afterwards, so a command that fails changes nothing.
"""
from __future__ import annotations

import re

from ..engine.catalogue import module_spec
from ..engine.params import ModuleSpec, ParamError, ParamSpec, number
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError, with_hint
from .patch_model import MASTER, PatchModel
from .resolve import Resolver, type_named
from .vocabulary import closest_words, is_known_word
from .units import absolute_value, convert, note_name, note_to_hz, quantity, relative_value, tidy

TEMPO = number("tempo", "bpm", 120, 20, 300, "sequencer tempo")
SWING = number("swing", "ratio", 0, 0, 0.6, "delay of every second 16th, fraction of a step")
ID_SHAPE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
SEQUENCER_WORDS = {"sequencer", "seq", "everything", "all", "music", "playback", "patterns",
                   "tracks", "all patterns", "all tracks", "beat", "loop"}
SCREEN_WORDS = {"screen", "console", "terminal"}


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

    # -- modules -------------------------------------------------------------------------------
    def _AddModule(self, intent: it.AddModule) -> list[Message]:
        spec = self._module_type(intent.type_name)
        module_id = self._new_id(spec.type, intent.name)
        messages = [_msg("/patch/create", module_id, spec.type)] + self._place(module_id, spec)
        if intent.value is not None:
            param = _primary_param(spec, intent.value)
            messages.append(_msg(f"/mod/{module_id}/{param.name}", absolute_value(param, intent.value)))
        return messages

    def _module_type(self, words: it.Words) -> ModuleSpec:
        type_name = type_named(words.texts) or "_".join(words.texts)
        try:
            spec = module_spec(type_name)
        except ParamError as err:
            raise LanguageError(str(err), words.column, err.suggestions) from None
        if spec.role == "master":
            raise LanguageError("master always exists; there is only one", words.column)
        return spec

    def _new_id(self, type_name: str, name: it.Word | None) -> str:
        if name is None:
            return self.model.next_id(type_name)
        module_id = name.text.lower()
        if not ID_SHAPE.match(module_id):
            raise LanguageError(f"{name.text!r} is not a valid id (a letter, then letters, digits, _)",
                                name.column)
        if module_id in self.model.modules or type_named((module_id,)):
            raise LanguageError(f"the name {module_id!r} is taken", name.column)
        return module_id

    def _place(self, module_id: str, spec: ModuleSpec) -> list[Message]:
        """Sources and drums go to master; processors go at the end of the focused voice."""
        if spec.role == "modulator":
            return []
        voice = self.resolve.focused_voice() if spec.role == "processor" else []
        if not voice:
            return [_msg("/patch/connect", module_id, MASTER)]
        last = voice[-1]
        return [_msg("/patch/disconnect", last, MASTER), _msg("/patch/connect", last, module_id),
                _msg("/patch/connect", module_id, MASTER)]

    def _RemoveModule(self, intent: it.RemoveModule) -> list[Message]:
        module_id = self.resolve.module(intent.target)
        if module_id == MASTER:
            raise LanguageError("master cannot be removed", intent.target.column)
        reconnect = [_msg("/patch/connect", a, b) for a in self.model.inputs(module_id)
                     for b in self.model.outputs(module_id)]
        return [_msg("/patch/remove", module_id)] + reconnect

    # -- params --------------------------------------------------------------------------------
    def _SetParam(self, intent: it.SetParam) -> list[Message]:
        module_id, spec = self._typo_checked(self._param_or_primary, intent.ref, intent.value)
        return [_msg(f"/mod/{module_id}/{spec.name}", absolute_value(spec, intent.value))]

    def _SetWords(self, intent: it.SetWords) -> list[Message]:
        *ref, last = intent.words.items
        if not ref:
            raise self._lone_word(last)
        value = it.Value("word", last.text.lower(), last.column)
        return self._SetParam(it.SetParam(it.Words(tuple(ref)), value))

    def _lone_word(self, word: it.Word) -> LanguageError:
        """A word that is no command: a param missing its value, or a typo."""
        text = word.text.lower()
        if is_known_word(text, self.model.modules):
            return LanguageError(f"{text!r} needs a value, e.g. '{text} 50%'", word.column)
        hints = closest_words(text, self.model.modules)
        return LanguageError(with_hint(f"I don't know the word {text!r}", hints), word.column, hints)

    def _param_or_primary(self, ref: it.Words, value: it.Value) -> tuple[str, ParamSpec]:
        """'saw1 freq 220' names a param; 'the saw 220 hz' names a module: use its main param."""
        try:
            return self.resolve.param(ref)
        except LanguageError as param_error:
            try:
                module_id = self.resolve.module(ref)
            except LanguageError:
                raise param_error from None
            return module_id, _primary_param(self.model.spec(module_id), value)

    def _ChangeParam(self, intent: it.ChangeParam) -> list[Message]:
        module_id, spec = self._typo_checked(self._param_or_level, intent.ref)
        current = self.model.value(module_id, spec.name)
        new = relative_value(spec, current, intent.direction, intent.amount, intent.ref.column)
        return [_msg(f"/mod/{module_id}/{spec.name}", new)]

    def _param_or_level(self, ref: it.Words) -> tuple[str, ParamSpec]:
        """'turn the drive up' names a param; 'turn the saw up' names a module: use its gain."""
        try:
            return self.resolve.param(ref)
        except LanguageError as param_error:
            try:
                module_id = self.resolve.module(ref)
            except LanguageError:
                raise param_error from None
            if not self.model.spec(module_id).has_param("gain"):
                raise param_error from None
            return module_id, self.model.spec(module_id).param("gain")

    def _typo_checked(self, resolve, ref: it.Words, *args):
        """Resolve a param phrase, but first catch a word nobody knows (a typo of any kind)."""
        for word in ref.items:
            if not is_known_word(word.text, self.model.modules):
                raise self._lone_word(word)
        return resolve(ref, *args)

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
        module_id, spec = self.resolve.param(intent.target)
        messages, modulator, mod_spec = self._modulator(intent.modulator, intent.new)
        messages.append(_msg("/patch/connect", modulator, f"{module_id}.{spec.name}"))
        if intent.value is not None:
            param = _primary_param(mod_spec, intent.value)
            messages.append(_msg(f"/mod/{modulator}/{param.name}", absolute_value(param, intent.value)))
        return messages

    def _modulator(self, words: it.Words, new: bool) -> tuple[list[Message], str, ModuleSpec]:
        """An existing modulator, or a new one when asked for or when none of that type exists."""
        type_name = type_named(words.texts)
        if type_name and (new or not self.model.of_type(type_name)):
            spec = self._module_type(words)
            module_id = self.model.next_id(spec.type)
            return [_msg("/patch/create", module_id, spec.type)], module_id, spec
        module_id = self.resolve.module(words)
        return [], module_id, self.model.spec(module_id)

    # -- gates and the sequencer ---------------------------------------------------------------
    def _voice_head(self, words: it.Words | None, column: int) -> str:
        module_id = self.resolve.module(words) if words else self.resolve.focus(column)
        voice = self.model.voice_of(module_id)
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
        type_name = type_named(words.texts)
        if type_name and not self.model.of_type(type_name):
            spec = self._module_type(words)
            module_id = self.model.next_id(spec.type)
            return spec.type, module_id, [_msg("/patch/create", module_id, spec.type),
                                          *self._place(module_id, spec)]
        target = self._voice_head(words, column)
        return type_name or "_".join(words.texts), target, []

    def _PlayPattern(self, intent: it.PlayPattern) -> list[Message]:
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
        return [_msg("/seq/bpm", _checked(TEMPO, amount, value))]

    def _Swing(self, intent: it.Swing) -> list[Message]:
        value = intent.value
        amount, unit = quantity(value) if value.kind == "number" else (None, None)
        if amount is None or unit not in (None, "%"):
            raise LanguageError("swing takes a fraction of a step, e.g. swing 20%", value.column)
        return [_msg("/seq/swing", _checked(SWING, amount / 100 if unit == "%" else amount, value))]

    def _Stop(self, intent: it.Stop) -> list[Message]:
        if intent.target is None or intent.target.text in SEQUENCER_WORDS:
            return [_msg("/seq/stop")]
        track = self._existing_track(intent.target, intent.target.column)
        if track is None:
            playing = ", ".join(self.model.tracks) or "none"
            raise LanguageError(f"nothing plays {intent.target.text!r} (tracks: {playing})",
                                intent.target.column, tuple(self.model.tracks))
        return [_msg("/seq/remove", track)]

    def _Clear(self, intent: it.Clear) -> list[Message]:
        if intent.what is None or intent.what.text in SCREEN_WORDS:
            return [_msg("/shell/clear")]
        if intent.what.text in SEQUENCER_WORDS:
            return [_msg("/seq/clear")]
        raise LanguageError("clear what? 'clear' (the screen) or 'clear the sequencer'",
                            intent.what.column)

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
        return [_msg(f"/shell/{intent.verb}", *((intent.arg.text,) if intent.arg else ()))]

    def _Wait(self, intent: it.Wait) -> list[Message]:
        raise LanguageError("wait only works in scripts (chronus run / render)", intent.value.column)


def _primary_param(spec: ModuleSpec, value: it.Value) -> ParamSpec:
    """The param a bare value sets on a module: the first one whose unit fits the value."""
    numeric = [p for p in spec.params if not p.is_enum]
    if value.kind == "word":
        for param in spec.params:
            if param.is_enum and value.text in param.choices:
                return param
        raise LanguageError(f"{spec.type} has no setting {value.text!r}", value.column)
    preferred = numeric
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


__all__ = ["Mapper", "TEMPO", "SWING"]
