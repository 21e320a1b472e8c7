"""The command forms the grammar documents, read in one place.

A `//: <form> | <example> | …` line of the grammar (grammar/*.lark) documents a command form; docs/commands.md
(scripts/gen_commands_doc.py), `help` (repl/topics.py) and the nearest working example to a refused
line (nearest.py) all read them here. Time words are read before the grammar, so their forms are
timed_lines.DOC_FORMS, listed after the grammar's.
"""
from __future__ import annotations

from functools import lru_cache

from .grammar import grammar_source
from .timed_lines import DOC_FORMS as TIMED_FORMS


@lru_cache(maxsize=1)
def grammar_forms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(form, examples) of every `//:` line of the grammar, in its order."""
    forms = []
    for line in grammar_source().splitlines():
        if line.startswith("//:"):
            form, *examples = (part.strip() for part in line[3:].split("|"))
            forms.append((form, tuple(examples)))
    return tuple(forms)


def command_forms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every documented command form: the grammar's, then the timed ones."""
    return grammar_forms() + tuple((form, tuple(examples)) for form, examples in TIMED_FORMS)
