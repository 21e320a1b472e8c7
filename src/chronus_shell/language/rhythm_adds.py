"""A rhythm added the way musicians say it, read before the grammar: a part already there added with its rhythm ('add
the hats in 16ths', 'add hats on every 16th': the hats there, never a second hat), beats typed short ('add snare on 2n4': on 2 and 4), and a
part's pattern written after what it plays described ('Piano, comp on the and of one and on three: ..x.....x.......'):
the pattern written is what plays, the description left out."""
from __future__ import annotations

import re
from collections.abc import Callable

from .lead_words import LEAD

_ADD_THE = re.compile(rf"^{LEAD}(?:now\s+)?add\s+(?:the\s+|my\s+)?(?P<part>[\w-]+)\s+(?P<rhythm>(?:in|on\s+(?:every|each|all)|every|playing)\s+.+)$", re.I)   # (a whole rhythm: 'on the and of 4' adds a hit)
_BEATS_SHORT = re.compile(r"(?<=\bon\s)([1-8])\s*n\s*([1-8])\b", re.I)
_DESCRIBED = re.compile(rf"^{LEAD}(?:the\s+|my\s+)?(?P<part>[\w-]+)\s*,\s*(?P<words>[^:]+?)\s*:\s*(?P<pattern>[xX.\-|]{{4,}})[\s.!]*$", re.I)


def rhythm_added(line: str, part_named: Callable[[str], str | None], own_name: Callable[[str], bool]) -> tuple[str, str] | None:
    """(how it was read, the line in the grammar's words) for a rhythm added so, else None; `own_name(word)`: the word
    is the part's own name (its track's, its label, its type), never a nickname ('add the shaker': a new sound)."""
    text = line.strip()
    described = _DESCRIBED.match(text)
    if described and part_named(described["part"].lower()) and \
            not any(part_named(w) for w in re.findall(r"[\w-]+", described["words"].lower())):
        return f"'{described['words']}' left out: the pattern written plays", f"{described['part']} {described['pattern']}"
    short = _BEATS_SHORT.sub(r"\1 and \2", text)
    added = _ADD_THE.match(short)
    if added and part_named(added["part"].lower()) and own_name(added["part"].lower()):
        return f"the {added['part']} there: {added['rhythm']}", f"{added['part']} {added['rhythm']}"
    return (f"read as '{short}'", short) if short != text else None


__all__ = ["rhythm_added"]
