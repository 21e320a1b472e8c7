"""Lark's contextual lexer, each state trying only the terminals that can start with the letter at hand.

Lark matches a token by one regex alternation of every terminal the parser state accepts (up to
~90 here, the filler words in each); Python's regex engine enters every branch in turn, so most of
the parse's time went there. Here each state keeps, per first letter, the alternation of the
terminals that can start with it, in Lark's order: the first terminal that matches is the same one,
so every token, tree and error is the same. Installed through Lark's `_plugins` option (grammar.py);
the one piece of Lark it restates is BasicLexer._build_scanner (the terminals after `_create_unless`
and the user callbacks), which tests/language/test_lark_internals.py checks against each Lark release.
"""
from __future__ import annotations

from lark.lexer import BasicLexer, CallChain, ContextualLexer, Scanner, _create_unless

from .literal_needs import first_letters

#: (name, regexp) of each terminal of a subset → its scanner (None: no terminal): states share them.
_SUBSETS: dict[tuple, Scanner | None] = {}


class _LetterScanner(Scanner):
    """A Scanner whose alternation is chosen by the first letter (compiled at the first use of each)."""

    def __init__(self, terminals, g_regex_flags, re_, use_bytes):     # no super(): it compiles everything
        self.terminals, self.g_regex_flags, self.re_, self.use_bytes = terminals, g_regex_flags, re_, use_bytes
        self.allowed_types = {t.name for t in terminals}
        self._firsts = [first_letters(t.pattern.to_regexp(), g_regex_flags) for t in terminals]
        self._by_letter: dict[str, Scanner | None] = {}

    def match(self, text, pos):
        letter = text.text[pos:pos + 1]
        scanner = self._by_letter.get(letter, False)
        if scanner is False:
            scanner = self._by_letter[letter] = self._subset(letter if letter.isascii() and letter else None)
        return scanner.match(text, pos) if scanner is not None else None

    def fullmatch(self, text: str):
        return self._subset(None).fullmatch(text)

    def _subset(self, letter: str | None) -> Scanner | None:
        """The terminals that can start with `letter` (all of them for None: a letter outside ASCII,
        where case folding is wider than the sets say), as one shared Scanner."""
        terminals = [t for t, first in zip(self.terminals, self._firsts) if letter is None or first is None or letter in first]
        key = tuple((t.name, t.pattern.to_regexp()) for t in terminals)
        if key not in _SUBSETS:
            _SUBSETS[key] = Scanner(terminals, self.g_regex_flags, self.re_, self.use_bytes) if terminals else None
        return _SUBSETS[key]


class _LetterLexer(BasicLexer):
    def _build_scanner(self) -> Scanner:
        """BasicLexer._build_scanner (Lark 1.3.1) as written there, with the scanner above."""
        terminals, self.callback = _create_unless(self.terminals, self.g_regex_flags, self.re, self.use_bytes)
        assert all(self.callback.values())
        for type_, f in self.user_callbacks.items():
            if type_ in self.callback:
                self.callback[type_] = CallChain(self.callback[type_], f, lambda t: t.type == type_)
            else:
                self.callback[type_] = f
        return _LetterScanner(terminals, self.g_regex_flags, self.re, self.use_bytes)


class LetterContextualLexer(ContextualLexer):
    """Lark's ContextualLexer with a lexer per state that tries only the terminals a letter can start."""

    BasicLexer = _LetterLexer


#: For Lark(..., _plugins=PLUGINS).
PLUGINS = {"ContextualLexer": LetterContextualLexer}

__all__ = ["PLUGINS", "LetterContextualLexer"]
