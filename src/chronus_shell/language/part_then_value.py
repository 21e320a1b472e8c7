"""A track's feel set with its amount after a comma ('humanize the krakebs, 0.3', 'swing the hats, 20%', 'shift the
snare, 2'): the amount is the verb's, as if said without the comma. Only the verbs whose amount is one number (a
humanize, a swing, a shift); the part must be one the patch has."""
from __future__ import annotations

import re

_VERB_PART_VALUE = re.compile(r"^(?P<verb>humani[sz]e|swing|shuffle|shift|nudge)\s+(?P<part>(?:the\s+|my\s+)?[\w-]+)\s*[,:;—–]\s*"
                              r"(?:by\s+)?(?P<value>-?\d+(?:\.\d+)?\s*%?)(?:\s+steps?)?[\s.!]*$", re.I)


def part_then_value(line: str, part_named) -> tuple[str, str] | None:
    """(how it was read, the line without the comma) for a verb, a part, a comma and the amount, else None."""
    match = _VERB_PART_VALUE.match(line.strip())
    if match is None or part_named(re.sub(r"^(?:the|my)\s+", "", match["part"], flags=re.I).lower()) is None:
        return None
    said = f"{match['verb']} {match['part']} {'by ' if match['verb'].lower() in ('shift', 'nudge') else ''}{match['value']}"
    return f"read as '{said}'", said


__all__ = ["part_then_value"]
