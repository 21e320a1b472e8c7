"""A swing said in words: how much ('swing it', 'a little swing', 'heavy shuffle', 'swing it lazy', 'triplet
swing'), of which note value ('swing the 8ths', '8th note swing', 'swing the 16ths 20%'), or none ('straight
again', 'take the swing off'). The mapper (mapper_sequencer.swing, swing_units.py) turns it into /seq/swing.
"""
from __future__ import annotations

import re
from fractions import Fraction

from . import intents as it

#: A swing feel said in words ('swing it', 'add some swing', 'heavy shuffle', 'triplet swing'): how much, by name
#: ('a little swing' is the one you hear from none, as 'more swing' is).
SWING_SIZES = {"medium": ("a bit of", "a little", "a little bit of", "a touch of", "light", "slight", "subtle", "gentle", "medium",
                          "moderate"),
               "heavy": ("heavy", "hard", "lots of", "a lot of", "deep", "strong", "big", "lazy", "laid back", "laid-back",
                         "drunk", "drunken", "sloppy"),
               "triplet": ("triplet", "jazz", "jazzy", "full", "swung")}
_NOTE_VALUE = r"(?:(?:(?P<{0}>8|16)th|(?P<{0}w>eighth|sixteenth))(?:[\s-]note)?s?)"    # the note value swung: 'the 8ths'
_SWING_FEEL = re.compile(r"(?:(?:add|give it|give them|put|use|with|now)\s+)?(?:(?:some|a)\s+)?(?:(?P<size>"
                         + "|".join(w for words in SWING_SIZES.values() for w in words) + r")\s+)?"
                         + r"(?:" + _NOTE_VALUE.format("before") + r"\s+)?(?P<what>swing|shuffle)"
                         r"(?:\s+(?:it|on it|to it|feel|(?:on\s+)?(?:the\s+)?" + _NOTE_VALUE.format("after")
                         + r"|the (?:beat|groove|drums|kit|hats|pattern)))?(?:\s+(?P<size_after>"
                         + "|".join(w for words in SWING_SIZES.values() for w in words) + r"))?", re.I)
#: A swing amount said with the note value it swings ('swing the 16ths 20%', '8th swing at 30%', 'swing 25% on the 8ths').
_SWING_AMOUNT = re.compile(r"(?:(?:swing|shuffle)\s+(?:on\s+)?(?:the\s+)?" + _NOTE_VALUE.format("v1")
                           + r"\s+(?:at\s+|to\s+|by\s+)?(?P<a1>\d+(?:\.\d+)?)\s*(?P<p1>%)?|"
                           + _NOTE_VALUE.format("v2") + r"\s+(?:swing|shuffle)\s+(?:at\s+|to\s+|of\s+)?(?P<a2>\d+(?:\.\d+)?)\s*(?P<p2>%)?|"
                           r"(?:swing|shuffle)\s+(?:at\s+|to\s+)?(?P<a3>\d+(?:\.\d+)?)\s*(?P<p3>%)?\s+on\s+(?:the\s+)?"
                           + _NOTE_VALUE.format("v3") + r")", re.I)
_STRAIGHT = re.compile(r"(?:(?:play|keep)\s+it\s+|back\s+to\s+|go\s+)?(?:dead\s+)?straight(?:\s+(?:again|feel|time|please))?|unswung|"
                       r"(?:(?:take|turn)\s+(?:the\s+)?)?(?:swing|shuffle)\s+off|(?:take|turn)\s+off\s+the\s+(?:swing|shuffle)|"
                       r"lose\s+the\s+(?:swing|shuffle)", re.I)


def _note_value(word: str) -> int | None:
    return {"8": 8, "eighth": 8, "16": 16, "sixteenth": 16}.get(word.lower())


def _swing_amount(match: re.Match) -> it.Swing:
    which = next(i for i in "123" if match[f"a{i}"])
    number, percent = match[f"a{which}"], match[f"p{which}"]
    unit = _note_value(match[f"v{which}"] or match[f"v{which}w"])
    value = it.Value("number", number + (percent or ""), match.start(f"a{which}"), Fraction(number), "%" if percent else None)
    return it.Swing(value, unit)


def swing_intent(text: str) -> it.Swing | None:
    """The Swing a phrase says, or None when it says none."""
    if _STRAIGHT.fullmatch(text):                          # 'straight again', 'play it straight': no swing
        return it.Swing(it.Value("word", "off", 0))
    amount = _SWING_AMOUNT.fullmatch(text)
    if amount:                                             # 'swing the 16ths 20%': that much, of that note value
        return _swing_amount(amount)
    feel = _SWING_FEEL.fullmatch(text)
    if feel is None:
        return None
    size = (feel["size"] or feel["size_after"] or "").lower()           # ('swing it lazy')
    kind = next((k for k, words in SWING_SIZES.items() if size in words), "medium")
    value = feel["before"] or feel["beforew"] or feel["after"] or feel["afterw"] or ""
    return it.Swing(it.Value("word", kind, feel.start("what")), _note_value(value))


__all__ = ["swing_intent", "SWING_SIZES"]
