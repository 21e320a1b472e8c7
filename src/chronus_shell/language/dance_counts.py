"""A dance teacher's counts of a rhythm: 'slow slow quick quick' (a foxtrot), 'quick quick slow' — a slow is two beats,
a quick one — said on a part, read as its steps for the second stage ('kick x.......x.......x...x...'). Three counts at
least, every one a slow or a quick, and a part named: a line of other words is none of this."""
from __future__ import annotations

import re

_COUNTS = r"(?:(?:slow|quick|s|q)(?:[\s,-]+|$)){3,}"
_ON_PART = re.compile(rf"^(?:(?P<label>[a-z][\w' -]*?)\s+(?:rhythm|steps|count|counts)\s+)?(?:(?P<a>{_COUNTS})\s*(?:on|for)\s+(?:the\s+)?"
                      rf"(?P<p1>[a-z][\w-]*)|on\s+(?:the\s+)?(?P<p2>[a-z][\w-]*)(?:\s+please)?\s*[,:]\s*(?P<b>{_COUNTS}))[\s.!]*$", re.I)
_STEPS = {"slow": "x.......", "s": "x.......", "quick": "x...", "q": "x..."}


def dance_counts(text: str) -> tuple[str, str] | None:
    """(how it was read, '<part> <steps>') for slows and quicks said on a part; None for any other line."""
    match = _ON_PART.match(text.strip())
    if match is None:
        return None
    counts = re.findall(r"slow|quick|s|q", (match.group("a") or match.group("b")).lower())
    part = match.group("p1") or match.group("p2")
    steps = "".join(_STEPS[c] for c in counts)
    return f"{' '.join(counts)}: a slow two beats, a quick one", f"{part} {steps}"


__all__ = ["dance_counts"]
