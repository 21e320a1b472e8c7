"""The command forms the grammar documents, read in one place.

A `//: <form> | <example> | …` line of the grammar (grammar/*.lark) documents a command form; docs/commands.md
(scripts/gen_commands_doc.py), `help` (repl/topics.py) and the nearest working example to a refused
line (nearest.py) all read them here. Time words are read before the grammar, so their forms are
timed_forms.DOC_FORMS, listed after the grammar's. A `//# <area> | <what it covers>` line starts an
area of `help` (the forms after it, up to the next); harmony (harmony_forms) and time are areas too.
"""
from __future__ import annotations

from functools import lru_cache

from .grammar import grammar_source
from .harmony_forms import HARMONY_FORMS
from .timed_forms import DOC_FORMS as TIMED_FORMS

Forms = tuple[tuple[str, tuple[str, ...]], ...]
HARMONY_AREA = ("harmony", "keys, chords, notes in a key, arpeggios, voicings")
TIME_AREA = ("time", "changes over bars, fades, tempo ramps, at the next bar")


@lru_cache(maxsize=1)
def _grammar_areas() -> tuple[tuple[str, str, Forms], ...]:
    """(area, what it covers, (form, examples) of its `//:` lines), in the grammar's order."""
    areas: list[tuple[str, str, list]] = []
    for line in grammar_source().splitlines():
        if line.startswith("//#"):
            name, covers = (part.strip() for part in line[3:].split("|", 1))
            areas.append((name, covers, []))
        elif line.startswith("//:"):
            form, *examples = (part.strip() for part in line[3:].split("|"))
            areas[-1][2].append((form, tuple(examples)))
    return tuple((name, covers, tuple(forms)) for name, covers, forms in areas)


@lru_cache(maxsize=1)
def grammar_forms() -> Forms:
    """(form, examples) of every `//:` line of the grammar, in its order."""
    return tuple(form for _, _, forms in _grammar_areas() for form in forms)


def command_forms() -> Forms:
    """Every documented command form: the grammar's, then the timed ones."""
    return grammar_forms() + _timed_forms()


def form_areas() -> tuple[tuple[str, str, Forms], ...]:
    """(area, what it covers, its forms) for `help`: the grammar's `//#` areas, harmony, time."""
    harmony = tuple((form, tuple(examples)) for form, examples, _ in HARMONY_FORMS)
    return _grammar_areas() + ((*HARMONY_AREA, harmony), (*TIME_AREA, _timed_forms()))


def _timed_forms() -> Forms:
    return tuple((form, tuple(examples)) for form, examples in TIMED_FORMS)
