"""More of the musicians' phrasings the second stage reads again (rephrasings.REPHRASE takes these
too): an effect taken off a part said with a preposition ('take the echo off the sine'), how far
after the side of a pan ('sine to the right a bit'), a part that returns, parts out or alone, the low end cut below a frequency
(a high-pass), a slapback, a comparative said after a part or twice, a pitch higher, a setting all the way."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .param_words import COMPARATIVES
from .resolve import type_named

_REMOVE = r"(?:remove|delete|take|kill|drop|lose|get\s+rid\s+of|pull)"
_EFFECT = r"(?:the\s+|that\s+)?(\w+)"
_COMPARATIVE = "|".join(sorted((c for c in COMPARATIVES if " " not in c and "-" not in c), key=len, reverse=True))


def _off(match: re.Match) -> str:
    """'take the echo off the sine' → the sine's delay removed; a modulator ('the wobble out of the pad')
    is disconnected from what it moves when that is named, else removed."""
    effect, part = match.group(1), match.group(2)
    kind = type_named((effect.lower(),))
    if kind is None or CATALOGUE[kind].spec.role not in ("processor", "modulator"):
        return match.group(0)                 # 'take the saw off the delay', 'drop the kick on beat': not an effect taken off
    if kind == "lfo":
        return f"disconnect the {effect} from the {part}" if type_named((part.lower(),)) else f"remove the {effect}"
    return f"remove the {part}'s {effect}"


MIX_REPHRASE = [(re.compile(p, re.I), r) for p, r in (
    (rf"^{_REMOVE}\s+{_EFFECT}\s+(?:on|off|out\s+of|from|off\s+of|in)\s+(?:the\s+)?(\w+)(?:\s+(?:out|off|completely))?$", _off),
    (r"^(.+?)\s+(?:to\s+the\s+)?(left|right)\s+(a\s+(?:little\s+)?(?:bit|little|touch|tad)|slightly)$", r"\1 \3 to the \2"),
    (r"^(?:the\s+)?(\w+)\s+(?:returns?|comes?\s+back)$", r"bring the \1 back"),
    (r"^((?:the\s+)?\w+(?:\s*(?:,|and|&)\s*(?:the\s+)?\w+)+)\s+out$", r"mute \1"),          # 'hats and kick out'
    # a way then a hedged value ('tune the kick down, like 45'): the value is where it goes, never a step that big
    (r"^(.+?\b(?:up|down))\s*,\s*(?:like|about|around|roughly|maybe|say|something\s+like)\s+"
     r"(-?\d[\d.]*\s*(?:k?hz|k|ms|s|bpm)?)[\s.!]*$", r"\1 to \2"),     # ('down, like 3 db': a step that big, read elsewhere)
    # a mixing engineer rides a fader: 'ride the feedback up to 0.85 over 2 bars' moves it ('the ride' is a cymbal)
    (r"^ride\s+((?:the\s+|that\s+)?[\w\s]+?\s+(?:up|down)\b.*)$", r"bring \1"),
    (r"^(?:the\s+)?(\w+)\s+alone$", r"solo \1"),                                                  # 'bass alone'
    (r"^return\s+(?:the\s+)?(\w+)$", r"bring the \1 back"),
    (r"^(?:can\s+you\s+|please\s+)?(?:cut|remove|roll\s+off|kill|lose|clean\s+up)\s+(?:the\s+|some\s+(?:of\s+the\s+)?)?(?:low(?:\s+end)?|lows|"
     r"bottom(?:\s+end)?|rumble|sub)(?:\s+rumble)?\s+(?:below|under)\s+(\d+(?:\.\d+)?\s*(?:k?hz)?)\s+(?:on|from|of|in)\s+"
     r"(?:the\s+)?(\w+)$", r"add a highpass at \1 to the \2"),            # a part named: never the one in focus alone
    (r"^(?:can\s+you\s+|please\s+)?(?:cut|remove|roll\s+off|kill|lose|tame)\s+(?:the\s+|some\s+(?:of\s+the\s+)?)?(?:highs?|high\s+end|top(?:\s+end)?|"
     r"fizz|hiss)\s+(?:above|over)\s+(\d+(?:\.\d+)?\s*(?:k|k?hz)?)\s+(?:on|from|of|in)\s+(?:the\s+)?(\w+)$",
     r"add a lowpass at \1 to the \2"),
    # 'roll off the highs', 'roll some of the top off it': darker (a cutoff given above is a lowpass added)
    (r"^(?:and\s+|now\s+)?(?:roll|take|shave)\s+(?:some\s+(?:of\s+)?|a\s+(?:bit|little)\s+(?:of\s+)?)?(?:the\s+)?"
     r"(?:top(?:\s+end)?|highs|high\s+end|treble)\s+off(?:\s+(?:of\s+)?(?P<part>it|this|that|(?:the\s+)?\w+))?$",
     lambda m: f"make {m['part']} darker" if m["part"] else "darker"),
    (r"^(?:and\s+|now\s+)?roll\s+off\s+(?:some\s+(?:of\s+)?)?(?:the\s+)?(?:top(?:\s+end)?|highs|high\s+end|treble)"
     r"(?:\s+(?:of|on)\s+(?P<part>it|this|that|(?:the\s+)?\w+))?$",
     lambda m: f"make {m['part']} darker" if m["part"] else "darker"),
    (r"^(?:a\s+(?:little|touch\s+of|bit\s+of)\s+|little\s+|some\s+)?slap\s?-?back(?:\s+delay|\s+echo)?\s+(?:on|to)\s+(?:the\s+)?(\w+)$",
     r"delay on the \1 at 90 ms, feedback 0"),                 # a slapback: one short repeat
    # a comparative said of a part after it ('wetter on the echo', 'brighter for the hats'): that part's
    (rf"^((?:a\s+(?:bit|little|lot|touch|tad)\s+|much\s+|way\s+)?(?:{_COMPARATIVE}))\s+(?:on|for|with)\s+(?:the\s+)?([\w\s]+?)$",
     r"\2 \1"),
    # the same word twice for emphasis ('cutoff lower lower', 'louder louder'): much that way
    (r"\b([a-z]+)(?:[\s,!]+\1\b)+[\s!.]*$",
     lambda m: f"much {m.group(1)}" if m.group(1).lower() in COMPARATIVES else m.group(0)),
    # 'kick higher pitch', 'the sine lower pitched': the pitch that way
    (r"^(.+?)\s+(higher|lower)\s+(?:in\s+)?pitch(?:ed)?$", r"\1 \2"),
    # 'triangle panned left, 40%', 'hat pan right a bit': the part to that side
    (r"^(.+?)\s+pan(?:ned)?\s+(?:to\s+(?:the\s+)?)?(left|right)\b(.*)$", r"\1 \2\3"),
    # 'normal' after a change of speed, 'as normal': back to normal
    (r"^(?:as\s+|like\s+)?normal(?:\s+again)?$", "back to normal"),
    # 'drive all the way', 'reverb all the way up': to the top
    (r"^(?:the\s+)?([\w\s]+?)\s+all\s+the\s+way(?:\s+up)?$", r"max \1"),
)]

__all__ = ["MIX_REPHRASE"]
