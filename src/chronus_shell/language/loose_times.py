"""Time said loosely, said again the way time_phrases reads it — a line with time words the timed
reading refused is tried once more this way (timed_lines.translate_timed), and the echo says so:
a length tacked on after a comma ('resonance to 85 percent, slowly, 16 bars'), a motion said
twice ('…, slowly go up'), a part that 'comes back' at a time ('in 8 Takten the kick comes back'),
a stop 'for a bar then back' ('all drum stop 1 bar then come back'), a dancer's counts and eights ('for 8 counts', 'over 4 eights': 8
bars), in patois or a learner's words ('den', 'inna 2 bar'). The time itself is never changed: only the words around it.
"""
from __future__ import annotations

import re

from .harmony_tokens import NUMBERS
from .learner_words import learner_english
from .literal_needs import rewritten
from .musician_words import SLANG

_BACK = r"(?:comes?|coming|come\s+in|comes\s+in)\s+back(?:\s+in)?|(?:comes?|coming)\s+back(?:\s+in)?|(?:is|are)\s+back(?:\s+in)?"
_COUNT = r"(\d+|one|two|three|four|eight|sixteen|a)"


def _in_bars(match: re.Match) -> str:
    """'4 eights' (a choreographer's eight-counts, 4/4): twice as many bars."""
    said = match.group(1).lower()
    return f"{2 * (int(said) if said.isdigit() else NUMBERS[said])} bars"


LOOSE_TIMES: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), r) for p, r in (
    (r"^(?:then|and\s+then|and|now)\s+", ""),                                      # 'den open it back up …'
    (r"(?:,\s*|\s+)(slowly|gradually)\s+(?:go(?:es|ing)?|move|moving|rise|rising|drop|dropping)\s+(?:up|down)\b", r", \1"),
    (r",\s*(slowly|gradually)\s*,\s*" + _COUNT + r"\s+(bars?|beats?)\s*$", r" \1 over \2 \3"),
    (r",\s*" + _COUNT + r"\s+(bars?|beats?)\s*$", r" over \1 \2"),                # '…, 16 bars': over them
    # a fade's length said bare or after 'in' ('fade out 30s', 'fade out in 30s'): over it
    (r"^(fade\s+(?:out|in|(?:the\s+)?\w+\s+(?:out|in)))\s+(?:in\s+)?(\d+(?:\.\d+)?)\s*(s|secs?|seconds?|bars?|beats?)$",
     r"\1 over \2 \3"),
    # a dancer's counts: a count is a beat, an eight is eight of them ('mute the snare for 8 counts', 'over 4 eights')
    (r"\b" + _COUNT + r"\s+counts?\b", r"\1 beats"),
    (r"\b" + _COUNT + r"\s+(?:eights|eight-counts|eight counts|8s|8-counts)\b", _in_bars),
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


#: A fade said plainly (tried first, as said): its length with no word before it ('fade out 16 bars'), and a
#: stop beside it ('end it, fade out 8 bars', 'fade out over 4 bars and stop') — the fade is how it ends, so the
#: stop comes when the fade has (stopped first, the fade would be heard by nobody).
#: A fade of everything ('fade out', 'fade it all out over 8 bars'): the one a stop beside it waits for.
_WHOLE = r"(?:it|everything|it\s+all|all|the\s+(?:song|track|tune|music|mix|band|whole\s+thing))"
_ALL_FADE = (r"(?P<fade>fade(?:\s+" + _WHOLE + r")?\s+out(?:\s+" + _WHOLE + r")?(?:\s+(?:slowly|gently))?(?:\s+(?:over|across|in|within|"
             r"during)\s+(?:the\s+next\s+)?\S+\s+(?:bars?|beats?|measures?|minutes?|mins?|seconds?|secs?))?)(?:\s+at\s+the\s+(?:end|close))?")
_FADES: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), r) for p, r in (
    (r"^(?:everything|everyone|everybody|all|the\s+(?:band|song|track|tune|music|mix|whole\s+thing))\s+fades?\s+out\b",
     "fade everything out"),                                   # 'everything fade out over 8 bars and stop': the subject first
    (r"^(fade\b.*?\b(?:bars?|beats?))\s*,\s*(?:the\s+)?end\s+of\s+(?:the\s+|my\s+)?(?:set|night|show|gig)[.!]*$",
     r"\1"),                                                     # ('…, end of set': where in the night, not a stop)
    (r"^(fade\b.*?\b(?:bars?|beats?))\s*,\s*(?:the\s+)?end\s+of\s+(?:the\s+)?(?:song|track|tune|piece)[.!]*$",
     r"\1 then stop"),                                           # ('…, end of the song': it ends there)
    (r"\b(fade\s+(?:(?:it|them|everything|all|the\s+\w+|(?!(?:in|out|up|down)\b)\w+)\s+)?(?:in|out|up|down))\s+" + _COUNT + r"\s+(bars?|beats?)"
     r"(?=[.!]*$)", r"\1 over \2 \3"),
    (r"^(fade(?:\s+(?:it|everything|it\s+all|all))?\s+out)\s+" + _COUNT + r"\s+(bars?|beats?)"
     r"(?=\s*,?\s+(?:and\s+)?(?:then\s+)?(?:stop|end)(?:\s+(?:it|there))?[.!]*$)", r"\1 over \2 \3"),   # (a whole fade: its stop)
    (r"^(?:(?:ok|okay|now|and)\s+)?(?:stop|end|finish)(?:\s+(?:it|the\s+song|the\s+track|the\s+tune|the\s+music|everything))?"
     r"\s*(?:[,;:.]|\s[—–-])\s*" + _ALL_FADE + r"[.!]*$", r"\g<fade> then stop"),
    (r"^" + _ALL_FADE + r"\s*,?\s+and\s+(?:then\s+)?(?:stops?|ends?)(?:\s+(?:it|there))?[.!]*$", r"\g<fade> then stop"),
    # 'swell the hum from silent over 2 bars', 'swell the strings up from nothing': a fade in
    (r"^(?P<lead>(?:and\s+|now\s+|then\s+|slowly\s+)*)swell\s+(?P<what>(?!in\b|up\b).+?)\s+(?:in\s+|up\s+)?from\s+"
     r"(?:silent|silence|nothing|zero|0)\b", r"\g<lead>fade \g<what> in"),
    # 'sweep the filter up to 3k over 2 seconds and back': there, then back over as long (it was left out)
    (r"^(?P<head>.+?\b(?:over|across|in)\s+(?P<length>(?:a|an|one|half\s+a|\d+(?:\.\d+)?|two|three|four|eight|sixteen)\s+"
     r"(?:bars?|beats?|seconds?|secs?|s|counts?)))\s*,?\s+and\s+(?:then\s+)?back(?:\s+(?:down|up|in|again))?[.!]*$",
     r"\g<head>, then back over \g<length>"),
)]


def fade_said_plainly(text: str) -> str:
    """The line with a fade's length and a stop beside it said the way the timed reading takes them ('please' before
    them aside)."""
    return rewritten(_PLEASE.sub("", text), _FADES)


_PLEASE = re.compile(r"^(?:please|pls|plz|kindly)\b[\s,]*(?=fade\b)", re.I)


__all__ = ["fade_said_plainly", "loosely_timed"]
