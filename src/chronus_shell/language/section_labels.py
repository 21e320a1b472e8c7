"""A line led by the name of a section of the song ('verse: kick and snare only', 'chorus 1: hats quieter', 'the
build: snare rolls faster', 'the quiet part, filter down to 600', 'section B: …'): the section's name says where the
musician is in the song, the rest is the command — read whole, as if typed alone. A bar or a beat before the colon
('bar 4: …') says when, never this; a label that names a part is that part ('kick: x...', left to the readers of
labels). A show's numbered cue ('cue 1: …', 'go cue 2 - …', 'scene 3, …') is such a name too."""
from __future__ import annotations

import re

from .lead_words import LEAD

_SECTIONS = (r"pre-?chorus|verse|chorus|refrain|bridge|intro|outro|build(?:[\s-]?up)?|drop|break(?:down)?|fill|section|"
             r"part|interlude|coda|vamp|tag|turnaround|solo|head|middle\s+eight|hook|groove")
_COUNT = r"(?:\d+|one|two|three|four|five|six|[a-d])"
#: A theatre's or a show's cue ('cue 1', 'go cue 4.5', 'standby cue 3a', 'scene 2', 'LX 12'): numbered, said before it.
_CUE = r"(?:(?:go|standby|stand\s+by)\s+(?:for\s+)?)?(?:cue|q|scene|act|look|lx|sq|movement|mvt\.?)\s*\d+(?:\.\d+)?[a-z]?"
_LABEL = re.compile(
    rf"^{LEAD}(?:(?:in\s+)?the\s+)?(?:(?:first|second|third|last|final|next|new|big|main|quiet|loud|soft|heavy|calm|slow|fast|sad|dark|"
    rf"emotional|epic|ambient)\s+)?"
    rf"(?:{_CUE}|{_COUNT}\s+(?:section|part)|(?:{_SECTIONS})(?:\s+{_COUNT})?)\s*(?:[:–—,]|\s-|\.(?=\s))\s*(?P<rest>\S.*)$", re.I)


def section_label(line: str) -> tuple[str, str] | None:
    """(how it was read, the rest of the line) for a line led by a section's name and a colon, else None."""
    match = _LABEL.match(line.strip())
    if match is None:
        return None
    label = line.strip()[:match.start("rest")].rstrip(" :–—-,.")
    kind = "cue" if re.search(rf"{_CUE}$", label, re.I) else "section"
    return f"'{label}:' the {kind}, left out", match["rest"]


__all__ = ["section_label"]
