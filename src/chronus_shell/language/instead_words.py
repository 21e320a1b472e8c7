"""A sound asked for instead of another ('a square wave instead of the sine', 'use a triangle at 1k instead', 'a square for the bass instead'), said
the language's way for the second stage: 'replace the sine with a square' (its tracks and its place in the chain
kept). With no 'of …' the voice replaced is the one source there is, or the source in focus; never a guess between
several, and never a chord or a note said instead (the harmony readers' 'C6 instead')."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .patch_model import PatchModel
from .resolve import type_named

_INSTEAD = re.compile(
    r"^(?:(?:ok(?:ay)?|no|now|so|then|actually)[,\s]+)*(?:(?:use|try|put\s+in|give\s+me|add|play|take|let'?s\s+(?:have|use|try)|"
    r"(?:i\s+)?want|go\s+with)\s+)?(?:an?\s+)?(?P<new>[a-z]+)(?:\s+(?:wave|osc|oscillator|one|tone))?"
    r"(?:\s+(?:at|on)\s+(?P<freq>\d[\d.]*\s*(?:k|khz|hz)?))?(?:\s+(?:for|on)\s+(?:the\s+|my\s+)?(?P<for>[\w-]+))?\s*,?\s+instead(?:\s+of\s+(?:the\s+|my\s+|that\s+)?(?P<old>[\w-]+))?"
    r"(?:\s*,?\s+(?:to|for|so)\s+[\w\s'-]+)?[.!]?$", re.I)


def instead_line(text: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(how it was read, 'replace the <old> with a <new>[, freq <f>]') for a source asked for instead of another; None
    when the new word is no source type or which voice it replaces is not one (`part_named(word)`: the module a word
    names, or None)."""
    match = _INSTEAD.match(text.strip())
    new = type_named((match.group("new").lower(),)) if match else None
    if new is None or CATALOGUE[new].spec.role != "source":
        return None
    sources = [m for m, t in model.modules.items() if t in CATALOGUE and CATALOGUE[t].spec.role == "source"]
    said = match.group("old") or match.group("for")
    if said:
        old = part_named(said.lower())
    else:
        focus = [s for s in sources if model.focus in model.voice_of(s)]
        old = (focus or sources)[0] if len(focus or sources) == 1 else None
    if old is None or old not in sources or model.modules[old] == new:
        return None
    line = f"replace {old} with a {new}" + (f", freq {match.group('freq')}" if match.group("freq") else "")
    return f"{new} instead of {old}: {line}", line


__all__ = ["instead_line"]
