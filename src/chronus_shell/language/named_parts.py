"""'chords c g am f on the bed': a part named after 'on' or 'for' by a word of the musician's own (a label).

The harmony readers know the words for sounds (piano, pad, bass…), not the labels a musician gives its parts: such
a line was refused ("I don't know the word 'bed'") or read by the grammar as an effect put on a module named by the
chords. Read without the name, the line is for that part: the mapper finds it in the patch, or says there is none.
"""
from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace

from .harmony_constituents import constituent_word
from .harmony_lexicon import known
from .harmony_tokens import words_of

_NAMED = re.compile(r"(?P<rest>.+?) (?:on|for) (?:the |my )?(?P<name>[a-z][\w-]*)(?P<tail>,.*)?")


def for_a_named_part(text: str, line: str, read):
    """The intent `read` finds in `text` without its last 'on the <name>', for that part; None when the name is a
    word the shell knows (the readers had their chance) or the line is no harmony for a part."""
    match = _NAMED.fullmatch(text)
    if match is None or known(match["name"]) or constituent_word(match["name"]):
        return None
    intent = read(match["rest"] + (match["tail"] or ""), line)
    if not is_dataclass(intent) or "target" not in {field.name for field in fields(intent)} or intent.target is not None:
        return None
    return replace(intent, target=words_of(match["name"], line))
