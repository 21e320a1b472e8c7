"""The command forms the grammar documents, read in one place.

A `//: <form> | <example> | …` line of the grammar (grammar/*.lark) documents a command form; docs/commands.md
(scripts/gen_commands_doc.py), `help` (repl/topics.py) and the nearest working example to a refused
line (nearest.py) all read them here. Time words are read before the grammar, so their forms are
timed_forms.DOC_FORMS, listed after the grammar's. A `//# <area> | <what it covers>` line starts an
area of `help` (the forms after it, up to the next); harmony (harmony_forms), time and follow-ups are areas too.
"""
from __future__ import annotations

from functools import lru_cache

from .grammar import grammar_source
from .harmony_forms import HARMONY_FORMS
from .timed_forms import DOC_FORMS as TIMED_FORMS

Forms = tuple[tuple[str, tuple[str, ...]], ...]
HARMONY_AREA = ("harmony", "keys, chords, notes in a key, arpeggios, voicings")
TIME_AREA = ("time", "changes over bars, fades, tempo ramps, at the next bar")
FOLLOW_UP_AREA = ("follow-ups", "again, more, too much, back, the same for another part, the last line corrected")
#: What a line may say of the line before it (follow_ups.py, line_corrections.py), in `help follow-ups` and the docs.
FOLLOW_UP_FORMS: Forms = (
    ("again | do that again | more | even more | less | too much", ("again", "even more", "too much")),
    ("back | back to how it was | undo", ("back to how it was",)),
    ("same for <part> | and <part> too", ("same for the snare", "and the kick too")),
    ("no, I meant <value | length | direction>", ("no, I meant 0.5 hz", "no, over 4 bars", "no, down")),
)


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
    """Every documented command form: the grammar's, then the timed ones (follow-ups need a line before them)."""
    return grammar_forms() + _timed_forms()


def form_areas() -> tuple[tuple[str, str, Forms], ...]:
    """(area, what it covers, its forms) for `help`: the grammar's `//#` areas, harmony, time."""
    harmony = tuple((form, tuple(examples)) for form, examples, _ in HARMONY_FORMS)
    return _grammar_areas() + ((*HARMONY_AREA, harmony), (*TIME_AREA, _timed_forms()), (*FOLLOW_UP_AREA, FOLLOW_UP_FORMS))


def _timed_forms() -> Forms:
    return tuple((form, tuple(examples)) for form, examples in TIMED_FORMS)
