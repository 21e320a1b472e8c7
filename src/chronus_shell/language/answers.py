"""An answer to the shell's own question: a refusal that named two ways ('could be notes one after
another (…) or one chord (…)', 'that could mean … — or — …') is answered by the next line in a word
or two ('one after another', 'as a chord', 'the first one') — that way is taken, said back."""
from __future__ import annotations

import re

#: The ways a refusal names, quoted: "('notes c d e')" or "that could mean 'a' — or — 'b'".
_IN_BRACKETS = re.compile(r"\('([^']+)'\)")
_COULD_MEAN = re.compile(r"^that could mean '(.+?)' — or — '(.+?)': say which")
_FIRST = re.compile(r"^(?:(?:the\s+)?first(?:\s+one)?|one\s+after\s+(?:the\s+)?other|one\s+after\s+another|in\s+a\s+row|"
                    r"in\s+(?:sequence|order|turn)|(?:as\s+)?(?:a\s+)?(?:melody|tune|line|sequence)|(?:as\s+)?(?:separate\s+)?notes|"
                    r"separately|one\s+at\s+a\s+time|1|a|option\s+(?:1|a|one))$", re.I)
_SECOND = re.compile(r"^(?:(?:the\s+)?(?:second|other|last)(?:\s+one)?|together|all\s+together|at\s+once|all\s+at\s+once|"
                     r"(?:as\s+)?(?:a|one)\s+chord|chord|(?:at\s+the\s+)?same\s+time|2|b|option\s+(?:2|b|two))$", re.I)
_FILLER = re.compile(r"^(?:(?:oh|ok|okay|um+|uh+|i\s+mean|i\s+meant|sorry|yes|yeah|no)[\s,]+)*|[\s,.!]*(?:please|pls|thanks)?[\s.!]*$", re.I)


def options_asked(refusal: str) -> tuple[str, ...]:
    """The two ways a refusal asked between (none when it asked nothing)."""
    could = _COULD_MEAN.match(refusal)
    if could:
        return could.groups()
    ways = _IN_BRACKETS.findall(refusal)
    return tuple(ways[:2]) if len(ways) == 2 and " or " in refusal and refusal.endswith("say which") else ()


def answered(line: str, options: tuple[str, ...]) -> str | None:
    """The way `line` picks from the two just asked, or None when it is no such answer."""
    if not options:
        return None
    said = _FILLER.sub("", line.strip())
    if _FIRST.match(said):
        return options[0]
    if _SECOND.match(said):
        return options[1]
    return None


__all__ = ["answered", "options_asked"]
