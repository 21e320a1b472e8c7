"""Command scripts for `chronus run` / `chronus render`: lines → (sample, Message) events.

A script is English or raw `/address args` lines, `#` comments, blank lines and waits
(`wait 2s`, `wait 500ms`, `wait 4 bars`, `wait 16 steps`, `wait 1 beat`). Each message is stamped
with the exact sum of the waits before it, in samples; bars, beats and steps follow the tempo the
script has set so far (its `/seq/bpm` messages; 120 by default).
"""
from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

from ..protocol.message import Message
from .errors import LanguageError
from .intents import Wait
from .translator import Translator
from .units import duration_seconds

_COMMENT = re.compile(r"(^|\s)#.*$")        # "#" starts a comment at a word start (not in "c#3")


class ScriptError(ValueError):
    """A script line that cannot be translated: `line` is 1-based, str is one line."""

    def __init__(self, line: int, reason: str, column: int | None = None):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason
        self.column = column


def read_script(path_or_text) -> str:
    """A path (Path, or a one-line str naming a file) is read; any other str is the script."""
    if isinstance(path_or_text, Path):
        return path_or_text.read_text(encoding="utf-8")
    if "\n" not in path_or_text and path_or_text.strip() and Path(path_or_text).is_file():
        return Path(path_or_text).read_text(encoding="utf-8")
    return path_or_text


def load_script(path_or_text, sample_rate: int = 48000) -> list[tuple[int, Message]]:
    """Translate a whole script; raise ScriptError at the first bad line."""
    return load_script_timed(path_or_text, sample_rate)[0]


def load_script_timed(path_or_text, sample_rate: int = 48000) -> tuple[list[tuple[int, Message]], int]:
    """The script's events and its end: the sample after its last wait (trailing waits count)."""
    translator = Translator()
    elapsed = Fraction(0)                     # seconds, exact
    events: list[tuple[int, Message]] = []
    for number, raw in enumerate(read_script(path_or_text).splitlines(), start=1):
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        try:
            intent = None if line.startswith("/") else _intent_or_none(translator, line)
            if isinstance(intent, Wait):
                elapsed += duration_seconds(intent.value, Fraction(translator.model.bpm).limit_denominator())
                continue
            stamp = round(elapsed * sample_rate)
            events.extend((stamp, message) for message in translator.translate(line))
        except LanguageError as err:
            raise ScriptError(number, str(err), err.column) from None
    return events, round(elapsed * sample_rate)


def _intent_or_none(translator: Translator, line: str):
    """The line's intent when the grammar reads it (a `wait` is found here), else None: the line is then
    translated as the shell would, read again the way musicians talk ('add another sine a fifth up')."""
    try:
        return translator.parse_intent(line)
    except LanguageError:
        return None


__all__ = ["load_script", "ScriptError", "read_script"]
