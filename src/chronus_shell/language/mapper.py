"""Intents + context → messages, validated against the ParamSpecs.

The mapper reads the patch model but never changes it: the Translator applies the returned
messages afterwards, so a command that fails changes nothing. `Mapper.map` calls the handler
named after the intent's type (`_SetParam` for SetParam); the handlers live in one module per
family (mapper_modules, mapper_values, mapper_changes, mapper_levels, mapper_edges,
mapper_sequencer, mapper_shell), joined here as mixins that share `self.model` and `self.resolve`.
"""
from __future__ import annotations

from dataclasses import fields, replace

from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .mapper_chain import ChainMapper
from .mapper_changes import ChangeMapper
from .mapper_edges import EdgeMapper
from .mapper_gear import GearMapper
from .mapper_harmony import HarmonyMapper
from .mapper_levels import LevelMapper
from .mapper_modules import ModuleMapper
from .mapper_rhythm import RhythmMapper
from .mapper_sequencer import SequencerMapper
from .mapper_shell import ShellMapper
from .mapper_stereo import StereoMapper
from .mapper_tracks import TrackMapper
from .mapper_values import ValueMapper
from .mapper_voicing import VoicingMapper
from .mapper_words import COMPARATIVES, SEQ_PARAMS, SWING, TEMPO, seq_param
from .patch_model import PatchModel
from .resolve import EVERYTHING, Resolver, type_and_presets


class Mapper(ModuleMapper, ValueMapper, ChangeMapper, LevelMapper, EdgeMapper, SequencerMapper, ShellMapper,
             TrackMapper, ChainMapper, GearMapper, RhythmMapper, StereoMapper, HarmonyMapper, VoicingMapper):
    def __init__(self, model: PatchModel):
        self.model = model
        self.resolve = Resolver(model)
        self.understood: list[str] = []      # inferred readings of the last line, said back by the REPL

    def map(self, intent) -> list[Message]:
        handler = getattr(self, f"_{type(intent).__name__}", None)
        if handler is None:
            raise LanguageError(f"{type(intent).__name__.lower()} is not available here")
        return handler(intent)

    # -- several commands on a line --------------------------------------------------------------
    def carry(self, previous, intent):
        """In "mute the kick and the snare", the bare "the snare" repeats the previous command."""
        self._against_the_step(previous, intent)
        if previous is not None and isinstance(intent, it.BareValue) and self._seq_target(previous):
            return it.SetParam(self._seq_target(previous), intent.value)   # "add some swing, 0.2"
        if previous is not None and isinstance(intent, it.BareValue) and self.model.focus in self.model.modules:
            return it.SetParam(it.Words((it.Word(self.model.focus, intent.value.column),)), intent.value)
        if previous is not None and isinstance(intent, it.SetWords) and len(intent.words.items) == 1:
            choice = self._focus_choice(intent.words.items[0])      # "lfo on the kick pitch, square"
            if choice is not None:
                return choice
        if previous is None or not isinstance(intent, (it.SetWords, it.SetParam)):
            return intent
        words = intent.words if isinstance(intent, it.SetWords) else intent.ref
        if isinstance(previous, (it.AddModule, it.AddTo)) and type_and_presets(words.texts) and \
                not self._focus_has(words):
            value = intent.value if isinstance(intent, it.SetParam) else None
            return it.AddModule(words, value)
        if not isinstance(intent, it.SetWords) or isinstance(previous, it.SetParam):
            return intent                                 # a value is never carried over
        slot = next((f.name for f in fields(previous) if f.name in _TARGET_FIELDS), None)
        if slot is None or not self._names_something(words):
            return intent
        return replace(previous, **{slot: words})

    def _against_the_step(self, previous, intent) -> None:
        """'snare up, 10 percent': a value on the other side of the step just taken is the step's
        size or a new value — both readings are named ('kick shorter, 200 ms' agrees: it is set)."""
        if not isinstance(previous, (it.ChangeParam, it.Comparative)) or previous.amount is not None or \
                not isinstance(intent, it.BareValue) or intent.value.kind != "number" or self.model.last_param is None:
            return
        direction = previous.direction if isinstance(previous, it.ChangeParam) else \
            COMPARATIVES.get(previous.word.replace(" ", "-"), (0,))[0]
        module_id, name = self.model.last_param
        if module_id == "seq":
            spec, now = (TEMPO, self.model.bpm) if name == "bpm" else (SWING, self.model.swing)
        else:
            try:
                _, carried = self._param_or_primary(it.Words((it.Word(module_id, 0),)), intent.value)
            except LanguageError:
                return
            if carried.name != name:
                return                                    # the value goes to another param: no step to weigh
            spec, now = carried, self.model.value(module_id, name)
        try:
            wanted = float(self._absolute(spec, intent.value))
        except LanguageError:
            wanted = None
        if not direction or wanted is not None and (wanted - float(now)) * direction >= 0:
            return
        said = intent.value.text + (f" {intent.value.unit}" if intent.value.unit else "")
        what = ("tempo" if name == "bpm" else name) if module_id == "seq" else f"{module_id} {name}"
        if wanted is None:
            raise LanguageError(f"{what} {said} is out of range — did you mean '{what} {'up' if direction > 0 else 'down'} "
                                f"{said}'?", intent.value.column)
        raise LanguageError(f"that could mean '{what} {'up' if direction > 0 else 'down'} by {said}' — or — "
                            f"'{what} {said}': say which", intent.value.column)

    @staticmethod
    def _seq_target(previous) -> it.Words | None:
        """The tempo or swing the previous command of the line named."""
        words = next((getattr(previous, f.name) for f in fields(previous) if f.name in ("type_name", "ref")), None)
        return words if isinstance(words, it.Words) and seq_param(words) is not None else None

    def _focus_has(self, words: it.Words) -> bool:
        """'add a distortion, drive 15': 'drive' is the new module's param, not another module."""
        spec = self.model.spec(self.model.focus) if self.model.focus in self.model.modules else None
        return spec is not None and spec.has_param("_".join(words.texts))

    def _focus_choice(self, word: it.Word):
        """A lone choice word the focused module takes ('square' for an lfo's shape); with a
        module of that type there too ('triangle' and a triangle1), both readings are named."""
        spec = self.model.spec(self.model.focus) if self.model.focus in self.model.modules else None
        for param in spec.params if spec else ():
            if param.is_enum and word.text.lower() in param.choices:
                named = [m for m, t in self.model.modules.items() if t == word.text.lower() and m != self.model.focus]
                if named:
                    raise LanguageError(f"'{word.text}' names {named[0]} and {self.model.focus}'s {param.name}: say "
                                        f"'{self.model.focus} {param.name} {word.text.lower()}' or a setting of "
                                        f"{named[0]}, e.g. '{word.text.lower()} gain 0.5'", word.column)
                return it.SetParam(it.Words((it.Word(self.model.focus, word.column), it.Word(param.name, word.column))),
                                   it.Value("word", word.text.lower(), word.column))
        return None

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


#: The field of each intent type that names what it acts on (for "… and the snare").
_TARGET_FIELDS = ("target", "ref", "what")


__all__ = ["Mapper", "TEMPO", "SWING", "COMPARATIVES", "SEQ_PARAMS"]
