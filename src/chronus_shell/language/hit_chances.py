"""A part's hits left out at random, said as a share: 'leave out 20% of the hats hits', 'hats drop a few hits, 90%',
'let the hats drop out now and then, like 70 percent there' — its track's chance (the share of hits played). A share
said as what is left out ('leave out 20%', 'skip 30%') is taken from the whole; one said after 'a few' or 'some' hits
dropped is what plays when it is over half ('90%': a few gone), and what is left out when under ('20%')."""
from __future__ import annotations

import re

from .asides import without_asides
from .part_naming import part_named
from .patch_model import PatchModel

_SHARE = r"(?:like\s+|about\s+|around\s+|maybe\s+)?(?P<n>\d{1,3})\s*(?:%|percent|per\s*cent)"
_PART = r"(?:the\s+|my\s+)?(?P<part>[\w-]+?)(?:'s)?"
_LEFT_OUT = re.compile(rf"^(?:please\s+)?(?:leave\s+out|drop|skip|lose|cut|remove|take\s+out)\s+{_SHARE}\s+of\s+{_PART}"
                       rf"(?:\s+(?:hits|notes|steps))?[\s.!]*$", re.I)
_A_FEW = re.compile(rf"^(?:let\s+)?{_PART}\s+(?:drops?|skips?|loses?|miss(?:es)?)\s+(?:out\s+)?(?:(?:a\s+few|some|the\s+odd)\s+"
                    rf"(?:hits|notes|beats)|now\s+and\s+then|here\s+and\s+there|sometimes)(?:\s+now\s+and\s+then)?\s*[,;:-]?\s*"
                    rf"{_SHARE}(?:\s+(?:there|in|played|kept|of\s+the\s+time))?[\s.!]*$", re.I)


def hit_chance(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, '<track> chance N%') for a part's hits left out by a share; None otherwise."""
    said = line.strip()
    aside = without_asides(said, model)               # ('…, some air': a remark left out, and said)
    said = aside[1] if aside else said
    match, left_out = _LEFT_OUT.match(said), True
    if match is None:
        match, left_out = _A_FEW.match(said), False
    if match is None:
        return None
    part, share = match["part"].lower(), int(match["n"])
    if not (part in model.tracks or part_named(part, model)) or not 0 < share < 100:
        return None                                   # (the grammar finds the part's track: 'hats chance 80%')
    played = 100 - share if left_out or share < 50 else share
    return (f"{aside[0]}; " if aside else "") + f"{match['part']}: {100 - played}% of the hits left out at random", \
        f"{part} chance {played}%"


__all__ = ["hit_chance"]
