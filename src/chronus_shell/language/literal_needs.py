"""The literal words a regex cannot match without, so a line that lacks them skips the regex.

The readers that try many anchored forms on every line (parser_rhythm_rules: Screen), and the
second stage's lists of rewrites applied in turn (politeness, scene words, shorthands:
rewritten), pay a regex search per entry; most lines hold none of the words an entry needs
('twice', 'backwards', 'could you'), and a substring test says so for a fraction of the cost. The words come from the pattern itself
(Python's own regex parser, re._parser: no list to keep in step by hand), and the test is sound:
it only ever skips a form that could not have matched, so what a line means never changes.
"""
from __future__ import annotations

import re

try:                                    # CPython's regex parser: internal, so a move disables the test
    from re import _constants as _ops, _parser
except ImportError:                     # pragma: no cover - another Python: every form is tried
    _parser = None


class Screen:
    """Patterns in order, each with what it stands for: the ones a text may match, found in one
    pass over the words all of them need (worked out at the first use: parsing takes a while)."""

    def __init__(self, entries):
        self._entries = tuple(entries)                # (pattern, anything), in the order to try them
        self._always: frozenset[int] = frozenset()      # the entries no word rules out
        #: a word's first two letters (its one letter) → the words, each with the entries needing it
        self._by_start: dict[str, list[tuple[str, frozenset[int]]]] = {}

    def possible(self, text: str) -> list[tuple]:
        """The entries whose pattern may match `text`, in order: only those a missing word rules
        out are left out (a text that is not ASCII keeps them all: case folding there is wider
        than lower())."""
        if not self._by_start and not self._always:
            self._index()
        if not text.isascii():
            return list(self._entries)
        lowered = text.lower()
        kept = set(self._always)
        for start in {lowered[i:i + n] for n in (1, 2) for i in range(len(lowered))}:   # a word by its first letters
            for word, entries in self._by_start.get(start, ()):
                if word in lowered:
                    kept |= entries
        return [self._entries[index] for index in sorted(kept)]

    def _index(self) -> None:
        by_word: dict[str, set[int]] = {}
        always = set()
        for index, (pattern, _) in enumerate(self._entries):
            words = needed_words(pattern)
            if not words:
                always.add(index)
            for word in words or ():
                by_word.setdefault(word, set()).add(index)
        self._always = frozenset(always)
        for word, entries in sorted(by_word.items()):
            self._by_start.setdefault(word[:2], []).append((word, frozenset(entries)))


#: id(rules) → (the rules, kept so the id is never reused; the words each rule's pattern needs).
_RULE_NEEDS: dict[int, tuple[list, list[frozenset[str] | None]]] = {}


def rewritten(text: str, rules) -> str:
    """`text` with each (pattern, replacement) of `rules` substituted in turn, as a loop of
    pattern.sub would; a rule whose words are not in the text as it stands then is skipped."""
    known = _RULE_NEEDS.get(id(rules))
    if known is None:
        known = _RULE_NEEDS[id(rules)] = (rules, [needed_words(pattern) for pattern, _ in rules])
    lowered = text.lower() if text.isascii() else None
    for (pattern, replacement), needs in zip(rules, known[1]):
        if needs is not None and lowered is not None and not any(word in lowered for word in needs):
            continue
        changed = pattern.sub(replacement, text)
        if changed != text:
            text = changed
            lowered = text.lower() if text.isascii() else None
    return text


def needed_words(pattern: re.Pattern) -> frozenset[str] | None:
    """The best set of words of which every match of `pattern` holds one (lowercase), or None."""
    if _parser is None:
        return None
    try:
        return _sequence_needs(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:                   # an unforeseen node: no claim, the form is always tried
        return None


def _sequence_needs(items: list) -> frozenset[str] | None:
    """Of the literal runs and the needs of each item in the sequence, the most selective."""
    options: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is _ops.LITERAL and chr(arg).isascii():
            run += chr(arg).lower()
            continue
        if run:
            options.append(frozenset((run,)))
            run = ""
        needs = _item_needs(op, arg)
        if needs:
            options.append(needs)
    if run:
        options.append(frozenset((run,)))
    return max(options, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _item_needs(op, arg) -> frozenset[str] | None:
    if op is _ops.SUBPATTERN:
        return _sequence_needs(list(arg[-1]))
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, getattr(_ops, "POSSESSIVE_REPEAT", None)):
        low, _high, body = arg
        return _sequence_needs(list(body)) if low >= 1 else None
    if op is getattr(_ops, "ATOMIC_GROUP", None):
        return _sequence_needs(list(arg))
    if op is _ops.ASSERT:                # a lookaround that must hold: its words are in the text too
        return _sequence_needs(list(arg[1]))
    if op is _ops.BRANCH:
        branches = [_sequence_needs(list(branch)) for branch in arg[1]]
        if any(not needs for needs in branches):
            return None
        return frozenset().union(*branches)
    return None


__all__ = ["Screen", "rewritten", "needed_words"]
