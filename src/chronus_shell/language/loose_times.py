"""Time said loosely, said again the way time_phrases reads it — a line with time words the timed
reading refused is tried once more this way (timed_lines.translate_timed), and the echo says so:
a length tacked on after a comma ('resonance to 85 percent, slowly, 16 bars'), a motion said
twice ('…, slowly go up'), a part that 'comes back' at a time ('in 8 Takten the kick comes back'),
a stop 'for a bar then back' ('all drum stop 1 bar then come back'), in patois or a learner's
words ('den', 'inna 2 bar'). The time itself is never changed: only the words around it.
"""
from __future__ import annotations

import re

from .learner_words import learner_english
from .literal_needs import rewritten
from .musician_words import SLANG

_BACK = r"(?:comes?|coming|come\s+in|comes\s+in)\s+back(?:\s+in)?|(?:comes?|coming)\s+back(?:\s+in)?|(?:is|are)\s+back(?:\s+in)?"
_COUNT = r"(\d+|one|two|three|four|eight|sixteen|a)"
LOOSE_TIMES: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), r) for p, r in (
    (r"^(?:then|and\s+then|and|now)\s+", ""),                                      # 'den open it back up …'
    (r"(?:,\s*|\s+)(slowly|gradually)\s+(?:go(?:es|ing)?|move|moving|rise|rising|drop|dropping)\s+(?:up|down)\b", r", \1"),
    (r",\s*(slowly|gradually)\s*,\s*" + _COUNT + r"\s+(bars?|beats?)\s*$", r" \1 over \2 \3"),
    (r",\s*" + _COUNT + r"\s+(bars?|beats?)\s*$", r" over \1 \2"),                # '…, 16 bars': over them
    # 'all the drums stop 1 bar then come back', 'hats out for 2 bars and back': muted for that long
    (r"^(?:all\s+)?(?:the\s+)?([a-z][\w ]*?)\s+(?:stops?|out|drops?(?:\s+out)?|off)\s+(?:for\s+)?" + _COUNT +
     r"\s+(bars?|beats?)(?:\s*,?\s*(?:then|and(?:\s+then)?)\s+(?:" + _BACK + r"|back))?\s*$", r"mute the \1 for \2 \3"),
    # 'the kick comes back', 'di drum dem come back' at a time ('drop in 8 bars, …': the drop, a section): brought back then
    (r"^(?:(?:the\s+)?drop\s+(?=(?:in|at|after)\s))?((?:(?:in|at|after)\s+(?:bar\s+\d+|\S+\s+(?:bars?|beats?))\s*,?\s*)?)(?:the\s+)?([a-z][a-z ]*?)\s+(?:" + _BACK + r")\s*$",
     r"\1bring the \2 back"),
    (r"^(?:the\s+)?([a-z][a-z ]*?)\s+(?:" + _BACK + r")\s+((?:in|at|after)\s+(?:bar\s+\d+|\S+\s+(?:bars?|beats?)))\s*$",
     r"\2, bring the \1 back"),
)]


def loosely_timed(text: str) -> str:
    """The line with its time said the way the timed reading takes it; the same text when none of
    the forms is there."""
    words = " ".join(SLANG.get(w.lower(), w) if w.lower() in _TIME_SLANG else w for w in learner_english(text).split())
    return rewritten(words, LOOSE_TIMES)


#: Slang words read here (the time words and the small words around them), each as SLANG says.
_TIME_SLANG = frozenset({"takt", "takts", "takte", "takten", "den", "inna", "di", "fi", "pon", "ova", "hihat", "hi-hat", "hihats"})


__all__ = ["loosely_timed"]
