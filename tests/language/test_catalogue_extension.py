"""A module type registered at run time is usable in English at once: no grammar edit."""
import pytest

from chronus_shell.engine import catalogue
from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, choice, number
from chronus_shell.language import LanguageError, Translator
from chronus_shell.language.vocabulary import module_words


class Wobbler(Module):
    spec = ModuleSpec(
        "wobbler", "processor",
        (
            number("grit", "ratio", 0.2, 0, 1, "how dirty", ("dirt",)),
            number("speed", "Hz", 3, 0.1, 20, "wobble rate"),
            choice("flavour", ("sweet", "sour"), "sweet", "character"),
        ),
        "a test-only wobbling processor", ("wub",),
    )


@pytest.fixture
def wobbler():
    catalogue.register(Wobbler)
    yield
    del catalogue.CATALOGUE["wobbler"]


def translate_all(*lines):
    translator = Translator()
    return [[str(m) for m in translator.translate(line)] for line in lines][-1]


def test_registered_type_is_usable_in_english(wobbler):
    assert translate_all("add a saw", "add a wub at 5 hz") == [
        "/patch/create wobbler1 wobbler", "/patch/disconnect saw1 master",
        "/patch/connect saw1 wobbler1", "/patch/connect wobbler1 master", "/mod/wobbler1/speed 5.0"]
    assert translate_all("add a saw", "add a wobbler", "dirt 40%") == ["/mod/wobbler1/grit 0.4"]
    assert translate_all("add a saw", "add a wobbler", "flavour sour") == ["/mod/wobbler1/flavour sour"]
    assert translate_all("add a saw", "add a wobbler", "more grit") == ["/mod/wobbler1/grit 0.3"]
    assert {"wobbler", "wub", "grit", "sour"} <= module_words()


def test_unregistered_type_is_unknown_again(wobbler):
    del catalogue.CATALOGUE["wobbler"]
    with pytest.raises(LanguageError, match="unknown module type 'wobbler'"):
        translate_all("add a wobbler")
    catalogue.register(Wobbler)
