"""A little swing said the way musicians say it: 'swing little', 'swing un poco, like 10%', 'Swing a little, 15 Prozent,
for the Foxtrott', 'swing little, like khaleeji feel', 'swing a little bit, no too much' — a little more swing, or the
amount said after it; a style it is like, what it is for or a hedge after it changes nothing. Anything else after it
leaves the line to the refusal (never dropped)."""
from __future__ import annotations

import re

_A_LITTLE = r"(?:a\s+)?(?:little|lil|touch|tad|bit|un\s+poco|bisschen|ein\s+bisschen)(?:\s+bit)?"
_AMOUNT = r"(?:like\s+|about\s+|say\s+|maybe\s+)?(?P<amount>\d{1,2}(?:\.\d+)?)\s*(?:%|percent|per\s*cent|prozent|por\s*ciento)"
_ASIDE = r"like\s+[\w\s'-]+|for\s+(?:the|a|an)\s+[\w\s'-]+|(?:but\s+)?not?\s+too\s+much|nothing\s+crazy"
_SWING = re.compile(rf"^(?:(?:ok|okay|now|and|so)[,\s]+)*(?P<verb>swing|shuffle)(?:\s+(?P<what>it|the\s+[\w-]+))?\s+{_A_LITTLE}"
                    rf"(?:\s*,\s*{_AMOUNT})?(?:\s*,\s*(?:{_ASIDE}))?[\s.!]*$", re.I)


def little_swing(line: str) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a little swing said so, else None."""
    match = _SWING.match(line.strip())
    if match is None:
        return None
    what = f" {match['what']}" if match["what"] else ""          # ('swing the 16ths a touch': the 16ths swung)
    if match["amount"]:
        return f"a little swing: {match['amount']}%", f"swing{what} {match['amount']}%"
    return "a little swing: more swing", f"swing{what} a little"


__all__ = ["little_swing"]
