"""A refusal the parser worded ('didn't expect X here (expected 'centre')', 'incomplete command:
expected …') said in the musician's words before it leaves the translator: where the line stopped
making sense, what of it reads, and the nearest documented phrasing — the grammar's terminals and
its lists of what could come next mean nothing to someone who never saw the grammar.

The parser keeps its own wording inside (the second stage reads it, and it costs nothing to make):
only the refusal the musician sees is said again, here.
"""
from __future__ import annotations

import re

from .eq_bands import eq_refusal
from .errors import LanguageError
from .nearest import example_led_by, nearest_phrasing
from .refusal_wording import SEE_HELP

_STRAY = re.compile(r"^didn't expect (?P<word>'[^']*'|\"[^\"]*\") here \(expected (?P<what>.*)\)$")
_SHORT = re.compile(r"^incomplete command: expected (?P<what>.*)$")
#: Words of the line shown around the place it stopped reading (more is cut: one readable line).
_SHOWN = 6


def in_plain_words(err: LanguageError, line: str) -> LanguageError:
    """`err` as the musician reads it: a parser's refusal said as the place the line stopped making
    sense and a phrasing that works; an EQ band asked for as what there is instead; any other refusal as it is."""
    text = str(err)
    eq = eq_refusal(line)
    if eq is not None:                        # ('cut 3 db at 250 hz': no EQ here — what there is instead)
        return LanguageError(eq, err.column, (), err.line or line)
    stray, short = _STRAY.match(text), _SHORT.match(text)
    if stray is None and short is None:
        return err
    typed = line.strip()
    example = example_led_by(typed) or nearest_phrasing(typed)
    hint = f" — a phrasing I know: '{example}'" if example else SEE_HELP
    if short is not None:
        said = (err.line or typed).strip()
        at = None if err.column is None else min(err.column, len(line))   # (a word said in English may be longer: 'quita')
        return LanguageError(f"'{_tail(said)}' needs more to be a command{hint}", at, (), line)
    word = stray.group("word")[1:-1]
    at = _word_at(typed, word)
    if at is None:
        return LanguageError(f"I can't read '{word}' there{hint}", err.column, (), err.line or line)
    before, after = typed[:at].rstrip(" ,;:"), typed[at:]
    if not before:
        return LanguageError(f"I can't read a command starting '{_head(after)}'{hint}", err.column, (), err.line or line)
    if stray.group("what") == "the end of the command" and (err.line or typed).strip() == typed:
        # a whole command, then words it cannot take (as typed: not a reading's words)
        return LanguageError(f"I can read '{_tail(before)}' but not '{_head(after)}' after it{hint}",
                             err.column, (), err.line or line)
    return LanguageError(f"I can't read '{word}' after '{_tail(before)}'{hint}", err.column, (), err.line or line)


def _word_at(typed: str, word: str) -> int | None:
    """Where the word the parser stopped at starts in the line as typed (a reading may have said it
    elsewhere: 'glide to 70 … rn' was read as 'take it to 70 rn'); None when the line has it not."""
    found = re.search(rf"(?<![\w']){re.escape(word)}" if word[:1].isalnum() else re.escape(word), typed)
    return found.start() if found else None


def _tail(text: str) -> str:
    words = text.split()
    return " ".join(words[-_SHOWN:]) if len(words) <= _SHOWN else "… " + " ".join(words[-_SHOWN:])


def _head(text: str) -> str:
    words = text.split()
    return " ".join(words[:_SHOWN]) if len(words) <= _SHOWN else " ".join(words[:_SHOWN]) + " …"


__all__ = ["in_plain_words"]
