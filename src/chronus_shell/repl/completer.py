"""Tab completion from the grammar, the ParamSpecs and the live patch.

Lark's interactive parser says which terminals may come next (STYLE 6); each slot then has its
own source of words: keywords the parser accepts, module types, live ids, the params of the
module being talked about (with unit, range and current value in the menu), enum choices after
an enum param, note names, session names after `load`, file paths after `record to`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, Iterable

from lark.exceptions import LarkError
from prompt_toolkit.completion import CompleteEvent, Completer, Completion, PathCompleter
from prompt_toolkit.document import Document

from ..engine.catalogue import specs
from ..engine.params import ParamSpec, format_number
from ..language.parser import grammar_parser
from ..language.resolve import type_named
from ..engine.samples import sample_names, samples_folder
from ..session.snapshot import list_sessions
from .line_tokens import Word, is_filler, keyword_of, keyword_terminals, note_names, split_words

#: What `list` can show (the REPL answers /shell/list itself).
LIST_TOPICS = {"modules": "the live patch", "types": "every module type", "params": "params of the focus",
               "tracks": "sequencer tracks", "sessions": "saved sessions"}
#: Commands whose words are not `[module] param value` (their own slot rules apply).
_WORD_COMMANDS = frozenset({"ADD", "REMOVE", "LOAD", "SAVE", "HELP", "LIST", "CONNECT", "DISCONNECT",
                            "MODULATE", "PLAY", "TRIGGER", "RELEASE", "STOP", "NOTES"})
_COMMAND_TERMINALS = frozenset(grammar_parser().parse_interactive("").accepts()) - {"WORD", "NUMBER", "NOW"}


@dataclass(frozen=True)
class Candidate:
    text: str
    meta: str = ""
    style: str = ""


def param_meta(spec: ParamSpec, current=None) -> str:
    """The menu line of a param: `Hz 20–20000  now 800` (enums: `enum lowpass/highpass  now lowpass`)."""
    now = "" if current is None else f"  now {current if isinstance(current, str) else format_number(current)}"
    return f"{spec.unit} {spec.range_text()}{now}"


def _canonical(spelling: str, terminal: str) -> bool:
    return spelling == terminal.lstrip("_").lower()


@functools.lru_cache(maxsize=1)
def _one_word_keywords() -> tuple[tuple[str, str, str | None], ...]:
    """(spelling, its terminal, the terminal's canonical spelling), sorted: worked out once, not at each key
    (two thirds of a completion's time was this table)."""
    table = keyword_terminals()
    canonical = {t: w for w, t in table.items() if _canonical(w, t)}
    return tuple((w, t, canonical.get(t)) for w, t in sorted(table.items()) if " " not in w)


class ChronusCompleter(Completer):
    """Completes the line before the cursor; reads the translator's patch model at call time."""

    def __init__(self, translator, sessions: Callable[[], list[str]] = list_sessions):
        self.translator = translator
        self.sessions = sessions
        self.paths = PathCompleter(expanduser=True)

    # -- prompt_toolkit entry point -----------------------------------------------------------
    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        before = document.text_before_cursor
        if before.lstrip().startswith("/"):
            return
        prefix = document.get_word_before_cursor(WORD=True)
        typing = not complete_event.completion_requested
        if typing and (not prefix or is_filler(prefix)):
            return                                     # while typing the menu opens on a word ("a" is not one)
        head = before[: len(before) - len(prefix)]
        accepts = self._accepts(head)
        if accepts is None:
            return
        words = [w for w in split_words(head) if not is_filler(w.text)]
        found: dict[str, Candidate] = {}
        if "PATH" in accepts:
            if not words or keyword_of(words[0].text) != "RECORD":     # a sample: its name in the samples folder
                found.update((name, Candidate(name, "sample")) for name in sample_names(samples_folder())
                             if name.lower().startswith(prefix.lower()))
            yield from self.paths.get_completions(Document(prefix, len(prefix)), complete_event)
        for candidate in self._candidates(words, accepts, prefix):
            if candidate.text.lower().startswith(prefix.lower()):
                found.setdefault(candidate.text, candidate)
        if typing and list(found) == [prefix]:
            return                                     # the word is already whole: no one-line menu
        for candidate in found.values():
            yield Completion(candidate.text, -len(prefix), display_meta=candidate.meta, style=candidate.style)

    # -- what may come next -----------------------------------------------------------------
    @staticmethod
    @functools.lru_cache(maxsize=64)
    def _accepts(head: str) -> frozenset[str] | None:
        """Terminals the grammar accepts after `head`, or None if `head` is already wrong. Kept for the
        heads last asked about: a word typed letter by letter asks about the same head at each key (the
        parse was two thirds of the prompt's completion time, ~1 ms a key)."""
        try:
            parser = grammar_parser().parse_interactive(head)
            parser.exhaust_lexer()
            return frozenset(parser.accepts())
        except LarkError:
            return None

    def _candidates(self, words: list[Word], accepts: set[str], prefix: str) -> Iterable[Candidate]:
        terms = [keyword_of(w.text) for w in words]
        first = terms[0] if terms else None
        last = terms[-1] if terms else None
        if last in ("_NAMED", "_AS") and first != "SAVE":
            return                                     # a new name: nothing to offer
        if first not in _WORD_COMMANDS:
            module, param = self._module_and_param(words)
            if param is not None:                      # a value slot: an enum's choices, else nothing
                yield from self._choices(module, param)
                return
        if "WORD" in accepts or "RELEASE" in accepts:
            yield from self._word_slot(words, terms, first, prefix)
        if "NOTE" in accepts and (first == "PLAY" or "NOTES" in terms):
            yield from (Candidate(n, "note") for n in note_names())
        yield from self._keywords(accepts - ({"RELEASE"} if words else set()), prefix)

    def _word_slot(self, words, terms, first, prefix) -> Iterable[Candidate]:
        """A generic WORD: its meaning depends on the command and the words before it."""
        model = self.translator.model
        if first == "ADD":
            yield from (self._params(model.focus) if "ON" in terms else
                        self._types() if len(words) == 1 else ())
        elif first == "REMOVE":
            yield from self._session_names() if "SESSION" in terms else self._ids()
        elif first in ("LOAD", "SAVE"):
            yield from self._session_names()
        elif first == "HELP":
            yield from self._help_topics()
        elif first == "LIST":
            yield from (Candidate(topic, meta) for topic, meta in LIST_TOPICS.items())
        elif first in ("CONNECT", "DISCONNECT", "MODULATE"):
            yield from self._targets(prefix)
        elif first == "PLAY" and "ON" in terms:
            yield from self._tracks()
            yield from self._ids()
        elif first in ("PLAY", "TRIGGER", "RELEASE"):
            yield from self._ids()
        elif first == "STOP":
            yield from self._tracks()
            yield Candidate("sequencer", "everything")
        else:
            yield from self._param_context(words)

    def _param_context(self, words: list[Word]) -> Iterable[Candidate]:
        """`[set] [module] param`: ids and params (the named module's, else the focus's first)."""
        model = self.translator.model
        module, _ = self._module_and_param(words)
        if words and self._module_named(words[-1].lower):
            yield from self._params(module)
            return
        yield from self._ids()
        yield from self._params(module)
        for other in model.modules:                    # a bare param of another module resolves too
            if other != module:
                yield from self._params(other, owner=True)

    def _module_and_param(self, words: list[Word]) -> tuple[str | None, ParamSpec | None]:
        """The module the words talk about (the focus unless one is named) and the param named after it."""
        model = self.translator.model
        module, param = model.focus, None
        for word in words:
            named = self._module_named(word.lower)
            if named:
                module, param = named, None
            elif module and model.spec(module) and model.spec(module).has_param(word.lower):
                param = model.spec(module).param(word.lower)
        return module, param

    def _choices(self, module: str, param: ParamSpec) -> Iterable[Candidate]:
        current = self.translator.model.value(module, param.name)
        for choice in param.choices:
            yield Candidate(choice, "now" if choice == current else "", "class:completion-choice")

    def _module_named(self, text: str) -> str | None:
        """A live id, or the single live module of a type ('saw', '303')."""
        model = self.translator.model
        if text in model.modules:
            return text
        type_name = type_named((text,))
        of_type = model.of_type(type_name) if type_name else []
        return of_type[0] if len(of_type) == 1 else None

    # -- sources ----------------------------------------------------------------------------
    def _keywords(self, accepts: set[str], prefix: str) -> Iterable[Candidate]:
        """Keywords the parser accepts here: canonical spellings, and synonyms once typing."""
        for spelling, terminal, canonical in _one_word_keywords():
            if terminal not in accepts:
                continue
            if spelling == canonical:
                yield Candidate(spelling, "command" if terminal in _COMMAND_TERMINALS else "", "class:completion-keyword")
            elif prefix and canonical is not None:
                yield Candidate(spelling, f"= {canonical}", "class:completion-keyword")

    def _ids(self) -> Iterable[Candidate]:
        model = self.translator.model
        for module_id, type_name in model.modules.items():
            focus = " (focus)" if module_id == model.focus else ""
            yield Candidate(module_id, f"{type_name}{focus}", "class:completion-id")

    def _params(self, module_id: str | None, dotted: str = "", owner: bool = False) -> Iterable[Candidate]:
        """The params of a module; `owner` names the module in the meta (it is not the focus)."""
        model = self.translator.model
        spec = model.spec(module_id) if module_id else None
        for param in spec.params if spec else ():
            meta = param_meta(param, model.value(module_id, param.name))
            yield Candidate(dotted + param.name, f"{module_id} · {meta}" if owner else meta, "class:completion-param")

    def _targets(self, prefix: str) -> Iterable[Candidate]:
        """Ids, or `id.param` once a dot is typed (a modulation target)."""
        module_id, dot, _ = prefix.partition(".")
        if dot and module_id in self.translator.model.modules:
            yield from self._params(module_id, dotted=module_id + ".")
        else:
            yield from self._ids()

    def _types(self) -> Iterable[Candidate]:
        for spec in specs():
            if spec.role == "master":
                continue
            yield Candidate(spec.type, spec.doc, "class:completion-type")
            yield from (Candidate(alias, f"= {spec.type}", "class:completion-type") for alias in spec.aliases
                        if " " not in alias)

    def _tracks(self) -> Iterable[Candidate]:
        for name, track in self.translator.model.tracks.items():
            yield Candidate(name, f"track → {track.target}")
        for spec in specs():
            if spec.role == "drum":
                yield Candidate(spec.type, "drum track")

    def _session_names(self) -> Iterable[Candidate]:
        yield from (Candidate(name, "session") for name in self.sessions())

    def _help_topics(self) -> Iterable[Candidate]:
        yield from self._types()
        names = sorted({p.name: p for s in specs() for p in s.params}.items())
        yield from (Candidate(name, f"param {p.unit}") for name, p in names)
        yield from (Candidate(w, "command") for w, t in keyword_terminals().items()
                    if t in _COMMAND_TERMINALS and _canonical(w, t))


__all__ = ["ChronusCompleter", "Candidate", "param_meta", "LIST_TOPICS"]
