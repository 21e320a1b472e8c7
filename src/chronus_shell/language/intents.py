"""Intents: what a command means, before it is resolved against the patch.

The parser builds these from the grammar (one dataclass per command family); the mapper turns
them into messages. Words keep their column so errors can point at them.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    column: int


@dataclass(frozen=True, slots=True)
class Words:
    """A run of plain words naming a module, a param or both ("saw1 detune", "the filter")."""

    items: tuple[Word, ...]

    @property
    def column(self) -> int:
        return self.items[0].column

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(w.text.lower() for w in self.items)

    @property
    def text(self) -> str:
        return " ".join(self.texts)


@dataclass(frozen=True, slots=True)
class Value:
    """A typed value: a number with an optional unit, a note name or a bare word."""

    kind: str                      # "number" | "note" | "word" | "unit" (a unit alone: "up an octave")
    text: str
    column: int
    number: Fraction | None = None
    unit: str | None = None


@dataclass(frozen=True)
class AddModule:
    type_name: Words
    value: Value | None = None
    name: Word | None = None


@dataclass(frozen=True)
class RemoveModule:
    target: Words


@dataclass(frozen=True)
class SetParam:
    ref: Words
    value: Value


@dataclass(frozen=True)
class SetWords:
    """Only words, e.g. "mode highpass": the last word is the value (or it is a typo)."""

    words: Words


@dataclass(frozen=True)
class ChangeParam:
    """A relative change: direction +1/-1, by an amount or by a default step."""

    ref: Words
    direction: int
    amount: Value | None = None


@dataclass(frozen=True)
class Connect:
    source: Words
    dest: Words


@dataclass(frozen=True)
class Disconnect:
    source: Words
    dest: Words | None = None


@dataclass(frozen=True)
class Modulate:
    """Modulator → param edge; `new` forces a fresh modulator ("add an lfo on ...")."""

    modulator: Words
    target: Words
    value: Value | None = None
    new: bool = False


@dataclass(frozen=True)
class Gate:
    target: Words | None
    on: bool
    note: Value | None = None
    column: int = 0


@dataclass(frozen=True)
class PlayPattern:
    pattern: str
    target: Words | None
    column: int
    now: bool = False


@dataclass(frozen=True)
class SetNotes:
    target: Words | None
    notes: tuple[Word, ...]
    column: int


@dataclass(frozen=True)
class Tempo:
    value: Value


@dataclass(frozen=True)
class Swing:
    value: Value


@dataclass(frozen=True)
class Stop:
    """`stop` (the sequencer) or `stop the hats` (one track)."""

    target: Words | None = None


@dataclass(frozen=True)
class Clear:
    """`clear` (the screen) or `clear the sequencer`."""

    what: Words | None = None


@dataclass(frozen=True)
class SaveSession:
    name: Word
    overwrite: bool = False


@dataclass(frozen=True)
class LoadSession:
    name: Word
    now: bool = False


@dataclass(frozen=True)
class Record:
    path: str | None = None


@dataclass(frozen=True)
class Fixed:
    """A command that always means the same message: start, begin, status, quit, ..."""

    address: str
    args: tuple = ()


@dataclass(frozen=True)
class ShellVerb:
    """A REPL-only verb with an optional free-text argument: help, list, verbose."""

    verb: str
    arg: Words | None = None
    column: int = 0


@dataclass(frozen=True)
class Undo:
    pass


@dataclass(frozen=True)
class Wait:
    """Let time pass (scripts only)."""

    value: Value


@dataclass(frozen=True)
class DeleteSession:
    name: Word
