"""A line led by the name of a section of the song ('verse: kick and snare only', 'chorus 1: hats quieter', 'the
build: snare rolls faster', 'section B: …'): the section's name says where the musician is in the song, the rest is
the command — read whole, as if typed alone. A bar or a beat before the colon ('bar 4: …') says when, never this;
a label that names a part is that part ('kick: x...', left to the readers of labels)."""
from __future__ import annotations

import re

from .lead_words import LEAD

_SECTIONS = (r"pre-?chorus|verse|chorus|refrain|bridge|intro|outro|build(?:[\s-]?up)?|drop|break(?:down)?|fill|section|"
             r"part|interlude|coda|vamp|tag|turnaround|solo|head|middle\s+eight|hook|groove")
_COUNT = r"(?:\d+|one|two|three|four|five|six|[a-d])"
_LABEL = re.compile(
    rf"^{LEAD}(?:(?:in\s+)?the\s+)?(?:(?:first|second|third|last|final|next|new|big|main)\s+)?"
    rf"(?:{_COUNT}\s+(?:section|part)|(?:{_SECTIONS})(?:\s+{_COUNT})?)\s*(?:[:–—]|\s-)\s*(?P<rest>\S.*)$", re.I)


def section_label(line: str) -> tuple[str, str] | None:
    """(how it was read, the rest of the line) for a line led by a section's name and a colon, else None."""
    match = _LABEL.match(line.strip())
    if match is None:
        return None
    label = line.strip()[:match.start("rest")].rstrip(" :–—-")
    return f"'{label}:' the section, left out", match["rest"]


__all__ = ["section_label"]
