"""A part named by its side of the stereo field ('silence the right one', 'the one on the left louder', 'the
left-hand tone down 3 db'), said by its name for the second stage: the one voice panned that way — never a guess
between two on that side, nor one in the middle."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .patch_model import PatchModel

_SIDE_ONE = re.compile(r"\bthe\s+(?:(?P<a>left|right)(?:[\s-]hand)?\s+(?:one|voice|tone|sound|side\s+one|oscillator|osc)|"
                       r"(?:one|voice|tone|sound)\s+(?:on|in)\s+the\s+(?P<b>left|right))\b", re.I)


def side_line(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line with the part said by its name); None when no part is named by a side, or the side
    holds no single voice."""
    match = _SIDE_ONE.search(text)
    if match is None:
        return None
    side = -1 if (match.group("a") or match.group("b")).lower() == "left" else 1
    voices = [m for m, t in model.modules.items() if t in CATALOGUE and CATALOGUE[t].spec.role in ("source", "drum")
              and CATALOGUE[t].spec.has_param("pan") and float(model.value(m, "pan")) * side > 0]
    if len(voices) != 1:
        return None
    line = text[:match.start()] + voices[0] + text[match.end():]
    return f"{match.group(0)}: {voices[0]}, panned that way", line


__all__ = ["side_line"]
