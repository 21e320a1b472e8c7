"""Gates, tracks and the sequencer: notes, patterns, tempo, swing, stop and clear.

A track plays a voice, named by the track, a module of that voice, or the focus; a drum type
nobody has added yet is added when a pattern is given to it.
"""
from __future__ import annotations

from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .mapper_words import (PRONOUN_REFS, SCREEN_WORDS, SEQUENCER_WORDS, SWING, TEMPO, TRACK_NAMES, checked, message,
                           playable, seq_param, track_name, track_words)
from .resolve import type_named
from .units import note_name, note_to_hz, quantity, tidy


class SequencerMapper:
    """Part of Mapper: the intents that play notes and patterns."""

    def _voice_head(self, words: it.Words | None, column: int) -> str:
        module_id = self.resolve.module(words) if words else self.resolve.focus(column)
        voice = self.model.voice_of(module_id)
        if not voice and words is None and self.model.spec(module_id).role == "modulator":
            voice = self.resolve.focused_voice()          # an lfo in focus: the voice it plays in
        return voice[0] if voice else module_id

    def _Gate(self, intent: it.Gate) -> list[Message]:
        target = self._voice_head(intent.target, intent.column)
        if not intent.on:
            return [message(f"/gate/{target}", 0)]
        if intent.note is None:
            return [message(f"/gate/{target}", 1)]
        return [message(f"/gate/{target}", 1, _pitch(intent.note))]

    def _track(self, words: it.Words | None, column: int) -> tuple[str, str, list[Message]]:
        """(track name, target id, messages creating the target if a drum type is missing)."""
        if words is None:
            head = self._voice_head(None, column)
            return self._new_track_name(head), head, []
        words = track_words(words)
        type_name = type_named(words.texts)
        playing = self.model.tracks.get(type_name or "")
        if playing is not None and playing.target in self.model.modules and not self.model.of_type(type_name):
            return type_name, playing.target, []          # the kick track plays a sample now
        if type_name and not self.model.of_type(type_name):
            spec, _ = self._module_type(words)
            module_id = self.model.next_id(spec.type)
            return TRACK_NAMES.get(spec.type, spec.type), module_id, [message("/patch/create", module_id, spec.type),
                                          *self._place(module_id, spec)]
        name = TRACK_NAMES.get(type_name, type_name) or "_".join(words.texts)
        if name in self.model.tracks and self.model.tracks[name].target in self.model.modules and not type_name:
            return name, self.model.tracks[name].target, []
        target = self._voice_head(words, column)
        playing = self.model.tracks.get(name)
        if playing is not None and playing.target != target and playing.target in self.model.modules:
            name = target          # a second snare ("clap on the backbeat"): its own track, the first plays on
        return name, target, []

    def _new_track_name(self, head: str) -> str:
        """A drum's track is named after the drum ('snare', 'hats'); a voice's after its id."""
        type_name = self.model.modules.get(head, "")
        spec = self.model.spec(head)
        name = TRACK_NAMES.get(type_name, type_name) if spec is not None and spec.role == "drum" else head
        return name if name not in self.model.tracks else head

    def _PlayPattern(self, intent: it.PlayPattern) -> list[Message]:
        named = None if intent.target is None or intent.target.texts in PRONOUN_REFS[:4] else intent.target
        existing = self._voice_track(named, intent.column)
        if existing is not None:                          # "play x..x", "x.xX on saw1" after "bass notes":
            track, target, messages = existing, self.model.tracks[existing].target, []   # the voice's track
        else:
            track, target, messages = self._track(named, intent.column)
        now = ("now",) if intent.now else ()
        return messages + [message("/seq/add", track, target, intent.pattern, *now)]

    def _voice_track(self, words: it.Words | None, column: int) -> str | None:
        """The track already playing the voice a phrase names (a rhythm and notes for one voice
        are one track); None for a drum type not yet added or a voice without a track."""
        if words is None:
            try:
                return self._existing_track(None, column)
            except LanguageError:
                return None
        words = track_words(words)
        type_name = type_named(words.texts)
        if type_name and not self.model.of_type(type_name):
            return None
        try:
            module_id = self.resolve.module(words, hints=False)
        except LanguageError:
            name = track_name(words)
            return name if name in self.model.tracks else None
        voice = [module_id] + self.model.voice_of(module_id)
        return next((n for m in voice for n, t in self.model.tracks.items() if t.target == m), None)

    def _SetNotes(self, intent: it.SetNotes) -> list[Message]:
        for note in intent.notes:
            playable(note_to_hz(note.text), note.text, note.column)
        notes = [note_name(n.text) for n in intent.notes]
        existing = self._existing_track(intent.target, intent.column)
        if existing:
            steps = [] if intent.steps is None else [     # rests: the rhythm changes too
                message("/seq/add", existing, self.model.tracks[existing].target, intent.steps)]
            return steps + [message("/seq/notes", existing, *notes)]
        track, target, messages = self._track(intent.target, intent.column)
        return messages + [message("/seq/add", track, target, intent.steps or "x" * len(notes)),
                           message("/seq/notes", track, *notes)]

    def _existing_track(self, words: it.Words | None, column: int) -> str | None:
        """The track a phrase names: by name, else the track playing that module's voice."""
        if words is not None:
            words = track_words(words)
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
        if value.text.startswith("-"):
            raise LanguageError(f"tempo {value.text} is out of range 20–300 bpm — to slow down by that much, "
                                f"say 'tempo down {value.text[1:]}'", value.column)
        if value.text.startswith("+"):
            return [message("/seq/bpm", checked(TEMPO, self.model.bpm + amount, value.column), *now)]
        return [message("/seq/bpm", checked(TEMPO, amount, value.column), *now)]

    def _Swing(self, intent: it.Swing) -> list[Message]:
        value = intent.value
        if value.kind == "word" and value.text in ("off", "none", "min", "minimum"):
            return [message("/seq/swing", 0.0)]
        amount, unit = quantity(value) if value.kind == "number" else (None, None)
        if amount is None or unit not in (None, "%"):
            raise LanguageError("swing takes a fraction of a step, e.g. swing 20%", value.column)
        if unit is None and amount > SWING.high and amount <= 60:
            raise LanguageError(f"swing {value.text} is out of range 0–0.6 of a step — did you mean "
                                f"{value.text}%?", value.column, (f"{value.text}%",))
        return [message("/seq/swing", checked(SWING, amount / 100 if unit == "%" else amount, value.column))]

    def _Stop(self, intent: it.Stop) -> list[Message]:
        if intent.target is None or intent.target.text in SEQUENCER_WORDS:
            return [message("/seq/stop")]
        if intent.target.texts in (("note",), ("notes",), ("the", "note")):    # "stop the note"
            return self._Gate(it.Gate(None, False, None, intent.target.column))
        return self._mute_track(intent.target, True)

    def _Clear(self, intent: it.Clear) -> list[Message]:
        """'clear' (the screen), 'clear the sequencer', 'clear the kick' (its track), 'reset the cutoff'."""
        what = intent.what
        if what is None or what.text in SCREEN_WORDS:
            return [message("/shell/clear")]
        if what.text in SEQUENCER_WORDS:
            return [message("/seq/clear")]
        if intent.verb == "clear":
            track = track_name(what)
            if track in self.model.tracks:
                return [message("/seq/remove", track)]
        seq = seq_param(what)
        if seq is not None:
            return [self._set(None, seq, seq.default)]
        try:
            module_id, spec = self.resolve.param(what, hints=False)
            return [message(f"/mod/{module_id}/{spec.name}", spec.default)]
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
        return [message(f"/mod/{module_id}/{p}", spec.param(p).default) for p in changed]


def _pitch(note: it.Value) -> float:
    """A note's frequency (a note name or Hz), within what the engine takes with a gate."""
    if note.kind == "note":
        return playable(note_to_hz(note.text), note.text, note.column)
    amount, unit = quantity(note)
    if unit not in (None, "hz"):
        raise LanguageError(f"a note needs a pitch (a2, c#3 or Hz), not {unit}", note.column)
    return playable(tidy(amount), None, note.column)
