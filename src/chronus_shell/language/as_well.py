"""A change said with 'too' after it ('release longer too', 'the snare brighter as well'): the change itself — 'too'
says the last line changed something else, not what this one changes. Only a line that says its own change (a word of
more or less); 'the snare too' alone is the follow-up's (the last change again on the snare)."""
from __future__ import annotations

import re

_TOO = re.compile(r"^(?P<said>.*\b(?:[a-z]{2,}er|more|less|up|down)\b.*?)[,\s]+(?:too|as\s+well|also)[.!]*$", re.I)


def as_well(line: str) -> tuple[str, str] | None:
    """(how it was read, the line without its 'too') for a change said with 'too', else None."""
    match = _TOO.match(line.strip())
    if match is None:
        return None
    return f"'{match['said']}' ('too' left out)", match["said"]


__all__ = ["as_well"]
