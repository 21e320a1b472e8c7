"""The mapper's intent → handler table: every intent the parser builds has one handler."""
import dataclasses
import importlib
import inspect

import pytest

from chronus_shell.language import intents as it
from chronus_shell.language.errors import LanguageError
from chronus_shell.language.mapper import HANDLERS, Mapper
from chronus_shell.language.patch_model import PatchModel

#: Taken by the translator before the mapper (history and several commands), or parts of an intent.
_NOT_MAPPED = {it.Undo, it.Redo, it.Sequence, it.Value, it.Word, it.Words}
_INTENT_MODULES = ("intents", "intents_harmony", "intents_gear", "intents_rhythm", "intents_stereo")


def _intent_types():
    for name in _INTENT_MODULES:
        module = importlib.import_module(f"chronus_shell.language.{name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and dataclasses.is_dataclass(cls):
                yield cls


def test_every_intent_has_a_handler():
    missing = [t.__name__ for t in _intent_types() if t not in HANDLERS and t not in _NOT_MAPPED]
    assert not missing, f"no handler for {missing}"


def test_handlers_take_the_context_and_the_intent():
    for intent_type, handler in HANDLERS.items():
        assert list(inspect.signature(handler).parameters)[:2] == ["ctx", "intent"], handler.__qualname__


def test_an_intent_without_a_handler_is_refused_in_one_line():
    with pytest.raises(LanguageError, match="undo is not available here"):
        Mapper(PatchModel()).map(it.Undo())
