"""The literal words a regex cannot match without, so a line that lacks them skips the regex
(and the letters a match can start with, for lark_letters' lexer).

The readers that try many anchored forms on every line (parser_rhythm_forms, harmony_constituents: Screen), and the
second stage's lists of rewrites applied in turn (politeness, scene words, shorthands:
rewritten), pay a regex search per entry; most lines hold none of the words an entry needs
('twice', 'backwards', 'could you'), and one scan of the line for all the words at once (a regex
shaped as a trie of them) says so for a fraction of the cost. The words come from the pattern itself
(Python's own regex parser, re._parser: no list to keep in step by hand), and the test is sound:
it only ever skips a form that could not have matched, so what a line means never changes.
"""
from __future__ import annotations

import re
from functools import lru_cache

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
        self._finder: re.Pattern | None = None          # at each place, the longest needed word starting there
        #: a word found → the entries needing it or any word it starts with ('beats' holds 'beat')
        self._needing: dict[str, frozenset[int]] = {}

    def possible(self, text: str) -> list[tuple]:
        """The entries whose pattern may match `text`, in order: only those a missing word rules
        out are left out (a text that is not ASCII keeps them all: case folding there is wider
        than lower())."""
        return [self._entries[index] for index in self.indices(text)]

    def indices(self, text: str) -> list[int]:
        """possible(text), as the entries' places in the order."""
        if self._finder is None:
            self._index()
        if not text.isascii():
            return list(range(len(self._entries)))
        kept = set(self._always)
        for word in {match.group(1) for match in self._finder.finditer(text.lower())}:
            kept |= self._needing[word]
        return sorted(kept)

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
        # one scan finds, at each place, the longest word starting there; the words it starts with
        # are in the text too, so each word found stands for the entries of all its prefixes
        self._needing = {word: frozenset(i for other, entries in by_word.items() if word.startswith(other) for i in entries)
                         for word in by_word}
        self._finder = re.compile(f"(?=({_trie(by_word)}))")


def _trie(words) -> str:
    """A regex matching any of `words`, longest first, shared beginnings written once (a trie)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    ways = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not ways:
        return ""
    body = ways[0] if len(ways) == 1 else f"(?:{'|'.join(ways)})"
    return f"(?:{body})?" if "" in node else body          # a word ends here: longer ones first (greedy)


class LazyPattern:
    """A regex compiled at its first match, for a Screen's long lists of forms: the screen reads
    only its text, and most forms are never let through in a run (start-up time, issue 17)."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern | None = None

    def match(self, text: str):
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled.match(text)


#: id(rules) → (the rules, kept so the id is never reused; their Screen).
_SCREENS: dict[int, tuple[list, Screen]] = {}


def rewritten(text: str, rules) -> str:
    """`text` with each (pattern, replacement) of `rules` substituted in turn, as a loop of
    pattern.sub would; a rule whose words are not in the text as it stands then is skipped."""
    known = _SCREENS.get(id(rules))
    if known is None:
        known = _SCREENS[id(rules)] = (rules, Screen(rules))
    screen = known[1]
    left = screen.indices(text)
    while left:
        index = left.pop(0)
        pattern, replacement = rules[index]
        changed = pattern.sub(replacement, text)
        if changed != text:                   # the rules after it are screened on the new text
            text = changed
            left = [later for later in screen.indices(text) if later > index]
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


@lru_cache(maxsize=None)
def first_letters(regexp: str, flags: int = 0) -> frozenset[str] | None:
    """The ASCII characters a match of `regexp` can start with, or None when that is not certain
    (any character, a class by category, a letter outside ASCII, a pattern that may match empty)."""
    if _parser is None:
        return None
    try:
        letters, empty = _first(list(_parser.parse(regexp, flags)), flags)
    except Exception:                   # an unforeseen node: no claim
        return None
    return None if letters is None or empty else frozenset(letters)


def _first(items: list, flags: int) -> tuple[set[str] | None, bool]:
    """(the first characters of the sequence, None if any; whether it can match the empty string)."""
    letters: set[str] = set()
    for op, arg in items:
        if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):
            continue                                    # zero width: the next item starts the match
        if op is _ops.LITERAL:
            return _add(letters, [arg], flags), False
        if op is _ops.IN:
            codes = []
            for kind, value in arg:
                if kind is _ops.LITERAL:
                    codes.append(value)
                elif kind is _ops.RANGE and value[1] < 128:
                    codes.extend(range(value[0], value[1] + 1))
                elif kind is _ops.CATEGORY and str(value) in _CATEGORIES:
                    codes.extend(_ascii_codes(_CATEGORIES[str(value)]))
                else:
                    return None, False                  # a negation, a range beyond ASCII
            return _add(letters, codes, flags), False
        if op is _ops.SUBPATTERN:
            _group, add, remove, body = arg
            inner, empty = _first(list(body), (flags | add) & ~remove)
        elif op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, getattr(_ops, "POSSESSIVE_REPEAT", None)):
            low, _high, body = arg
            inner, empty = _first(list(body), flags)
            empty = empty or low == 0
        elif op is _ops.BRANCH:
            inner, empty = set(), False
            for branch in arg[1]:
                found, branch_empty = _first(list(branch), flags)
                if found is None:
                    return None, False
                inner |= found
                empty = empty or branch_empty
        else:
            return None, False                          # any character, a back reference, …
        if inner is None:
            return None, False
        letters |= inner
        if not empty:
            return letters, False
    return letters, True


#: The classes by category, as written in a pattern: which ASCII characters each takes is asked of re.
_CATEGORIES = {f"{prefix}{name}": pattern for prefix in ("CATEGORY_", "CATEGORY_UNI_")
               for name, pattern in (("DIGIT", r"\d"), ("NOT_DIGIT", r"\D"), ("SPACE", r"\s"), ("NOT_SPACE", r"\S"),
                                     ("WORD", r"\w"), ("NOT_WORD", r"\W"))}


def _ascii_codes(pattern: str) -> list[int]:
    return [code for code in range(128) if re.fullmatch(pattern, chr(code))]


def _add(letters: set[str], codes, flags: int) -> set[str] | None:
    for code in codes:
        char = chr(code)
        if not char.isascii():
            return None                                 # case folding may reach ASCII from here
        letters |= {char.lower(), char.upper()} if flags & re.IGNORECASE else {char}
    return letters


__all__ = ["LazyPattern", "Screen", "rewritten", "needed_words", "first_letters"]
