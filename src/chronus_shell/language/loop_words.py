"""A tape or loop musician's word for a part: 'the bass loop' is the bass ('the bass loop louder', 'play the bass loop
at 1.5x'), 'the loops' every track ('humanize the loops slightly'), said the language's way for the second stage.
Only a part the patch has is read so ('a loop of 5 steps' names none)."""
from __future__ import annotations

import re

from .patch_model import PatchModel
from .several_parts import part_names

_PART_LOOP = re.compile(r"\b(?P<the>the\s+|my\s+)?(?P<part>[a-z][\w-]*)\s+(?:loop|tape|sample)s?\b", re.I)
#: Verbs that throw away: said of 'the tracks' they are the sequencer's, left to the grammar.
_DISCARDS = re.compile(r"\b(?:remove|delete|erase|clear|wipe|kill|trash|scrap|lose|get\s+rid\s+of|reset)\b", re.I)
_LOOPS = re.compile(r"\b(?:all\s+)?(?:the\s+|my\s+)?(?:loops|tapes|tracks)\b(?!\s+(?:of|on|in)\b)", re.I)


def loop_line(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line) with each 'X loop' that names a part said as the part, and 'the loops' as
    everything; None when the line has neither."""
    if "loop" not in text.lower() and "tape" not in text.lower() and "tracks" not in text.lower():
        return None
    names = part_names(model)
    line = _PART_LOOP.sub(lambda m: f"{m.group('the') or ''}{m.group('part')}" if m.group("part").lower() in names
                          and m.group("part").lower() not in ("a", "the", "one") else m.group(0), text)
    if model.tracks and not _DISCARDS.search(line):    # ('remove the tracks' clears the sequencer: never every module)
        line = _LOOPS.sub("everything", line)
    return (f"read as '{line}'", line) if line != text else None


__all__ = ["loop_line"]
