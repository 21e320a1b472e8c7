"""The nearest documented phrasing for a refused line: a working example, not a lookalike word.

The examples are the grammar's own (`//:` lines of grammar/*.lark, the ones
docs/commands.md shows); the nearest shares the most content words with the line (plurals and
musicians' slang read as the language's words: 'echoes' is 'delay'); in a line of two words one
shared word is enough when it names a module or a param ('add wind noise' → 'add pink noise').
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..engine.catalogue import specs
from .command_forms import grammar_forms
from .errors import LanguageError
from .resolve import type_named

_STOP = {"the", "a", "an", "to", "on", "at", "of", "it", "is", "and", "in", "by", "up", "down", "my", "me", "some",
         "more", "less", "with", "for", "make", "set", "add", "please", "can", "you", "could", "i", "this", "that"}
#: Musicians' words for the language's (whole words), as the examples say them.
_SAME = {"echo": "delay", "echoes": "delay", "verb": "reverb", "hihat": "hats", "hat": "hats", "volume": "gain",
         "level": "gain", "reso": "resonance", "rez": "resonance", "envelope": "adsr", "env": "adsr",
         "bassline": "bass", "drum": "drums", "wobble": "lfo", "tempo": "bpm"}


@lru_cache(maxsize=1)
def examples() -> tuple[tuple[str, frozenset[str]], ...]:
    """(example, its content words) for every documented example."""
    found = []
    for _form, shown in grammar_forms():
        for example in shown:
            found.append((example, frozenset(_words(example))))
    return tuple(found)


@lru_cache(maxsize=1)
def _targets() -> frozenset[str]:
    """Words naming a module type or a param (not a setting's choices: 'out', 'hard')."""
    words = set()
    for spec in specs():
        for name in (spec.type, *spec.aliases, *spec.names()):
            words.update(re.split(r"[ _]", name))
    return frozenset(w for w in words if len(w) > 2)


def _words(text: str) -> set[str]:
    words = set()
    for word in re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower()):
        word = _SAME.get(word.replace("-", ""), word.replace("-", ""))     # 'off-beats' is 'offbeats'
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]                      # 'saws' → 'saw', 'offbeats' → 'offbeat'
        if word not in _STOP and len(word) > 2:
            words.add(word)
    return words


def nearest_phrasing(line: str) -> str | None:
    """The documented example sharing the most with `line`: a module or param word counts
    two, another word one, its first word (the verb) said too a half; the shortest of equals.
    Two words in common at least (one in a line of two), and a weight of two; every part the line
    names, and its verb when it starts with one the examples use ('duck the bass when the kick hits'
    is no euclid rhythm of the kick); else None."""
    words = _words(line)
    said = set(re.findall(r"[a-z]+", line.lower()))
    targets = _targets()
    named = words & targets
    verb = line.lower().split()[0] if line.split() else ""
    verb = verb if verb in _verbs() and verb not in _LIGHT_VERBS else None
    best, score = None, 1.5
    least = min(2, len(words) - 1)
    for example, known, first, first_lower, known_targets in _indexed():
        shared = words & known
        if len(shared) < least or not shared:
            continue                              # one word in common is enough only in a short line
        if not named <= known or verb and first_lower != verb or not known_targets <= words \
                or first_lower in _UNSAID and first_lower not in said:
            continue                              # every part named and no other, the verb said, nothing thrown
                                                  # away unasked: else it points elsewhere
        weight = sum(2 if w in targets else 1 for w in shared) + 0.5 * (first in said)
        if weight > score or weight == score and best is not None and len(example) < len(best):
            best, score = example, weight
    return best


@lru_cache(maxsize=1)
def _indexed() -> tuple[tuple[str, frozenset[str], str, str, frozenset[str]], ...]:
    """Each documented example with what nearest_phrasing weighs of it: its content words, its first word
    (as written and lowercase) and the module and param words among its words (read once, not each refusal)."""
    return tuple((example, known, example.split()[0], example.split()[0].lower(), known & _targets())
                 for example, known in examples() if example.split())


def example_led_by(text: str) -> str | None:
    """The documented example that starts with the most of the line's first words ('connect saw1' →
    'connect saw1 to delay1'): the whole line, or its verb and a word that says more than 'the'; of
    equals the one sharing the most words with it, then the shortest. None when none starts that way."""
    said = text.lower().split()
    if not said:
        return None
    words, best, key = None, None, (0, 0, 0)
    for example, leading, known in _led_examples().get(said[0], ()):
        led = 1
        for mine, theirs in zip(said[1:], leading[1:]):
            if mine != theirs:
                break
            led += 1
        if led < len(said) and not _words(" ".join(said[1:led])):
            continue                              # 'make the', 'move the': the verb alone leads nowhere
        words = _words(text) if words is None else words
        candidate = (led, len(words & known), -len(example))
        if candidate > key:
            best, key = example, candidate
    return best


@lru_cache(maxsize=1)
def _led_examples() -> dict[str, tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]]:
    """The documented examples by their first word: (example, its words, its content words)."""
    found: dict[str, list] = {}
    for example, known in examples():
        leading = tuple(example.lower().split())
        if leading:
            found.setdefault(leading[0], []).append((example, leading, known))
    return {first: tuple(rows) for first, rows in found.items()}


#: Verbs of examples that take something away: never the nearest phrasing of a line that does not say them.
_UNSAID = {"delete", "remove", "clear", "undo", "stop", "mute", "unmap", "solo"}
#: Verbs that say little of what is done ('make the kick play twice as often'): any example may fit.
_LIGHT_VERBS = {"make", "set", "turn", "put", "give", "get", "let", "go", "have", "do"}


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """The first words of the documented examples: a line starting with one asks for that verb."""
    return frozenset(example.split()[0].lower() for example, _ in examples() if example.split())


#: Words that say a part is being made or brought: a line with one may name a part not there yet.
_MAKING = {"add", "put", "insert", "create", "new", "load", "with", "layer", "another", "swap", "replace", "into",
           "make", "turn", "change", "like", "type"}


def missing_part(line: str, model) -> LanguageError | None:
    """'kick and snare louder' with no snare: the refusal says so (and how to add one), not what the
    grammar tripped on; None when the line adds or swaps something, or every part it names is there."""
    words = re.findall(r"[a-z0-9_]+", line.lower())
    if _MAKING & set(words):
        return None
    for word in words:
        kind = type_named((word,))
        kin = [t for t in model.modules.values() if kind and kind in t.split("_")]     # 'filter': the acid filter
        if kind and kind != "master" and word not in model.tracks and not kin:
            article = "an" if kind[0] in "aeiou" else "a"
            return LanguageError(f"there is no {word} yet — add one with 'add {article} {word}'", 0, (), line)
    return None


__all__ = ["nearest_phrasing", "example_led_by", "missing_part"]
