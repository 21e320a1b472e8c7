"""A direction taken back on the same line: 'organ a fourth higher for the verse? No - lower', 'up a fifth, no
wait, down', 'brighter... actually darker' — the change said the second way, never the first. Only a direction
word is swapped for its opposite of the same kind (up/down, higher/lower, brighter/darker, ...); anything else
said after the 'no' leaves the line as it was."""
from __future__ import annotations

import re

from .lead_words import TAKE_BACK

#: Each direction word with its opposite (said the second way: the one of the pair that kind uses).
_OPPOSITES = {"up": "down", "higher": "lower", "louder": "quieter", "brighter": "darker", "faster": "slower",
              "longer": "shorter", "wider": "narrower", "bigger": "smaller"}   # (not more/less: "no less" is emphasis)
_OPPOSITES.update({b: a for a, b in list(_OPPOSITES.items())})
_WAY = "|".join(sorted(_OPPOSITES, key=len, reverse=True))
SECOND_THOUGHT = re.compile(
    rf"^(?P<body>.*?\b(?P<way>{_WAY})\b.*?)\s*[?.!,;]*\s*[-–—]*\s*\b{TAKE_BACK}\b"
    rf"(?:[\s,.!:;-]|–|—|\b(?:no|wait|sorry|actually|i\s+mean|make\s+(?:it|that))\b)*(?P<new>{_WAY})\s*[.!]*\s*$", re.I)


def second_thought(match: re.Match) -> str:
    """The line before the 'no', its direction word turned the way said after it (the whole line when the
    word after it is not the opposite of one before: 'up a fifth? no, higher' stays as said, to be refused)."""
    way, new = match["way"].lower(), match["new"].lower()
    body = match["body"]
    if _OPPOSITES[way] != new or len(re.findall(rf"\b(?:{_WAY})\b", body, re.I)) > 1 or re.search(r"\bthan\b", body, re.I):
        return match.group(0)                   # ('saw louder and sine quieter, no, quieter': which one? 'than': a comparison)
    start, end = match.span("way")
    return body[:start] + (new.capitalize() if match["way"][0].isupper() else new) + body[end:]


__all__ = ["SECOND_THOUGHT", "second_thought"]
