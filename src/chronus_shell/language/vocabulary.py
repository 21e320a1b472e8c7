"""The words the language knows, for did-you-mean, completion and highlighting.

Command words come from the grammar's keyword terminals; module vocabulary (types, aliases,
params, enum choices) from the catalogue at call time, so a registered module type is known at
once. `completion_vocabulary(translator)` adds what the live context knows (ids, focus values).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..engine.catalogue import CATALOGUE, specs
from ..engine.params import did_you_mean
from .slips import slips
from .chords import Chord
from .grammar import grammar_parser
from .harmony_tokens import HARMONY_WORDS
from .sequencer_model import STYLE_DEFAULTS
from .resolve import BASS, CHOICE_SYNONYMS, EVERYTHING, GENERIC_NOUNS, LAST_WORDS, PARAM_NOUNS, PRONOUNS
from .time_phrases import TIME_WORDS
from .units import NUMBER_WORDS, UNIT_ALIASES, is_note

#: Terminals that are not keywords (their patterns describe shapes, not words).
_SHAPE_TERMINALS = {"WORD", "NUMBER", "NOTE", "PATTERN", "PATH", "SESSION_PATH", "FORCE_FLAG", "WS", "UNIT", "NUMWORD",
                    "PUNCTUATION", "POSSESSIVE", "FILLER", "INTENSITY", "SEP", "PATNAME"}
#: Terminals whose words are ignored or join commands: known, never suggested.
_FILLER_TERMINALS = {"FILLER", "INTENSITY", "SEP"}
#: Words the mapper reads by meaning (not keywords, not catalogue names).
CONTEXT_WORDS = frozenset(
    {w for phrase in EVERYTHING | LAST_WORDS for w in phrase} | set(CHOICE_SYNONYMS) | set(GENERIC_NOUNS) | set(PARAM_NOUNS)
    | {"sequencer", "seq", "music", "playback", "patterns", "pattern", "tracks", "track", "beat",
       "loop", "screen", "console", "terminal", "playing", "modules", "types", "params", "part",
       "groove", "vibrato", "tremolo", "voice", "sound", "volume", "one"})
_LOOKAHEAD = re.compile(r"\(\?[!=].*?\)\)?")
_SPELLING = re.compile(r"[a-z]+(?:[' -][a-z]+)*")


def _spellings(terminal) -> set[str]:
    """Spellings in a keyword regex, with and without its optional letters ("sessions?")."""
    pattern = _LOOKAHEAD.sub("", terminal.pattern.value)
    return set(_SPELLING.findall(pattern.replace("?", ""))) | set(
        _SPELLING.findall(re.sub(r"[\w']\?", "", pattern)))


@lru_cache(maxsize=1)
def command_words() -> tuple[str, ...]:
    """Every keyword spelling the grammar accepts ("add", "create", "turn", "tempo", ...), and the
    names of a track's transforms, the verbs of rhythm lines ('revers' is a slip of reverse as much as of reverb)."""
    words = set(STYLE_DEFAULTS)
    for terminal in grammar_parser().terminals:
        if terminal.name.lstrip("_") not in _SHAPE_TERMINALS and not terminal.name.startswith("__"):
            words.update(_spellings(terminal))
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def filler_words() -> tuple[str, ...]:
    """Words the grammar ignores (articles, politeness): never worth a did-you-mean."""
    words = set()
    for terminal in grammar_parser().terminals:
        if terminal.name in _FILLER_TERMINALS:
            for spelling in _spellings(terminal):
                words.update(spelling.split())
    return tuple(sorted(words))


def module_words() -> frozenset[str]:
    """Types, type aliases, params, param aliases and enum choices of every catalogued module."""
    return _module_words(tuple((t, id(cls)) for t, cls in CATALOGUE.items()))


@lru_cache(maxsize=4)
def _module_words(catalogue_key: tuple) -> frozenset[str]:
    """Cached per catalogue content: registering a module type changes the key."""
    words: set[str] = set()
    for spec in specs():
        words.add(spec.type)
        words.update(spec.aliases)
        words.update(spec.names())
        for param in spec.params:
            words.update(param.choices)
    for word in list(words):
        words.update(re.split(r"[ _]", word))
    return frozenset(words)


def unit_words() -> tuple[str, ...]:
    return tuple(UNIT_ALIASES) + tuple(NUMBER_WORDS)


@lru_cache(maxsize=1)
def phrase_words() -> frozenset[str]:
    """Words of fixed phrases (named rhythms: "four on the floor"): known, never suggested."""
    words = set()
    for terminal in grammar_parser().terminals:
        if terminal.name == "PATNAME":
            for spelling in _spellings(terminal):
                words.update(spelling.split())
    return frozenset(words)


@lru_cache(maxsize=1)
def _fixed_words() -> frozenset[str]:
    """Every word known whatever the catalogue: keywords, filler, units, number words, context, a
    track's transforms ('chance', 'humanize': never a typo of 'change')."""
    return frozenset(command_words()) | frozenset(filler_words()) | frozenset(unit_words()) | (
        CONTEXT_WORDS | frozenset(PRONOUNS) | {BASS}) | phrase_words() | TIME_WORDS | HARMONY_WORDS | frozenset(STYLE_DEFAULTS)


def is_known_word(word: str, extra=()) -> bool:
    """True for any word the language could make sense of (ids look like '<type><n>')."""
    word = word.lower()
    if "." in word:                              # "acid_filter1.cutoff"
        return all(is_known_word(part, extra) for part in word.split(".") if part)
    if word in _fixed_words() or is_note(word) or Chord.parse(word) is not None:
        return True
    vocabulary = module_words()
    return word in vocabulary or word in extra or word.rstrip("0123456789") in vocabulary


def closest_words(word: str, extra=()) -> tuple[str, ...]:
    """Did-you-mean candidates for a word, from commands, module vocabulary and context ids."""
    word = word.lower()
    pool, columns, counts, lengths = _pool(module_words())
    # difflib's ratio is 2·M/(a + b) and M is at most the letters both words share: words that
    # cannot reach the 0.6 cutoff are left out before the (costly) matching; same result. The
    # letters shared are counted for the whole vocabulary at once (a word × letter count table).
    shared = np.zeros(len(pool), dtype=np.int64)
    for letter in set(word):
        if letter in columns:
            shared += np.minimum(counts[:, columns[letter]], word.count(letter))
    fits = 2 * shared >= 0.6 * (len(word) + lengths)
    candidates = [pool[index] for index in np.flatnonzero(fits)]
    return slips(word, did_you_mean(word, candidates + [w.lower() for w in extra]))     # a slip only (slips.py)


@lru_cache(maxsize=4)
def _pool(modules: frozenset[str]):
    """The vocabulary, its letters' columns, how many of each letter each word holds, its lengths."""
    units = {w for w in unit_words() if "-" not in w}
    pool = tuple(sorted(set(command_words()) | modules | units))
    columns = {letter: index for index, letter in enumerate(sorted({c for w in pool for c in w}))}
    counts = np.zeros((len(pool), len(columns)), dtype=np.int64)
    for row, word in enumerate(pool):
        for letter in set(word):
            counts[row, columns[letter]] = word.count(letter)
    return pool, columns, counts, np.array([len(w) for w in pool], dtype=np.int64)


@dataclass(frozen=True)
class ParamInfo:
    """A param of the focused module as the completer shows it."""

    name: str
    unit: str
    range: str
    current: float | str
    aliases: tuple[str, ...]
    doc: str


@dataclass(frozen=True)
class Vocabulary:
    """Everything a completer or highlighter needs, for one moment of the session."""

    commands: tuple[str, ...]
    types: tuple[str, ...]            # canonical types and their aliases
    ids: tuple[str, ...]              # live module ids (context)
    tracks: tuple[str, ...]
    focus: str | None
    params: tuple[ParamInfo, ...]     # of the focused module
    choices: tuple[str, ...]          # enum choices of the focused module's params
    units: tuple[str, ...]


def completion_vocabulary(translator) -> Vocabulary:
    """The words valid now: command words, types, live ids, the focus's params and values."""
    model = translator.model
    focus_spec = model.spec(model.focus) if model.focus else None
    params = tuple(
        ParamInfo(p.name, p.unit, p.range_text(), model.value(model.focus, p.name), p.aliases, p.doc)
        for p in (focus_spec.params if focus_spec else ())
    )
    return Vocabulary(
        commands=command_words(),
        types=tuple(sorted({w for s in specs() if s.role != "master" for w in (s.type, *s.aliases)})),
        ids=tuple(model.modules),
        tracks=tuple(model.tracks),
        focus=model.focus,
        params=params,
        choices=tuple(c for p in (focus_spec.params if focus_spec else ()) for c in p.choices),
        units=tuple(UNIT_ALIASES),
    )


__all__ = ["command_words", "filler_words", "module_words", "unit_words", "is_known_word",
           "closest_words", "completion_vocabulary", "Vocabulary", "ParamInfo"]
