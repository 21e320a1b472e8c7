"""What the placeholders of grammar/*.lark stand for, filled in when the grammar is loaded.

Each piece is written once: the word end every keyword shares, the filler words the lexer drops
(in their order: a regex alternation takes the first spelling that matches, so the longer
spellings come first), and the number names, which are units.NUMBER_WORDS'.
"""
from __future__ import annotations

import re

from .units import NUMBER_WORDS

#: A keyword ends where a word ends: no letter, digit, '#', '.', apostrophe or hyphen follows.
WORD_END = r"(?![\w#.'-])"
#: A value (a unit, a note length, 'bpm', a rest, a pattern) may end a sentence: a '.' may follow.
VALUE_END = r"(?![\w#'-])"
#: Ignored everywhere: articles, politeness, filler ("could you", "a touch", "the").
FILLER = (
    'go(?=\\s+(?:up|down|higher|lower)\\b)', 'for a second', 'for a moment', 'i would like',
    'go ahead and', 'for a while', "i'd like to", 'for a bit', 'for a sec', 'thank you', 'could you',
    'would you', 'i want to', 'should be', 'could use', 'could do with', 'needs', 'need',
    '(?<!the )(?<!both )(?<!all )(?<!my )(?<!make )sounds', 'sound', 'sounding', 'will you',
    "i'd like", 'a little', 'slightly', 'somewhat', 'actually', 'for now', 'can you', 'can we get',
    'can we have', 'can i get', 'can i have', 'i wanna', 'give me', 'gimme', 'a touch', 'please',
    'thanks', 'let me', 'i want', 'i need', 'little', 'a bit', 'a notch', 'one notch', 'a hair',
    'a smidge', 'another(?!\\s+303)', 'a tad', 'maybe', 'some', "let'?s", 'just', 'fine', 'back',
    'okay', 'the', 'an?', 'pls', 'are', 'bit', 'hey', 'my', 'me', 'of', 'is', 'be', 'ok', 'yo', 'so',
    'um', 'uh',
)


def _number_names() -> str:
    """'zero|one|…|half|quarters?|thirds?': a name and its plural after it become one spelling."""
    names = list(NUMBER_WORDS)
    spelled = []
    for name in names:
        if spelled and name == spelled[-1] + "s":
            spelled[-1] += "s?"
        else:
            spelled.append(name)
    return "|".join(spelled)


PLACEHOLDERS = {"WORD_END": WORD_END, "VALUE_END": VALUE_END, "FILLER": "|".join(FILLER),
                "NUMBER_NAME": _number_names()}
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")


def filled(grammar: str) -> str:
    """The grammar with every {PLACEHOLDER} written out; an unknown one is a mistake in the file."""
    unknown = set(_PLACEHOLDER.findall(grammar)) - PLACEHOLDERS.keys()
    if unknown:
        raise ValueError(f"grammar/*.lark: unknown placeholders {sorted(unknown)}")
    return _PLACEHOLDER.sub(lambda m: PLACEHOLDERS[m.group(1)], grammar)


__all__ = ["filled", "PLACEHOLDERS", "WORD_END", "VALUE_END", "FILLER"]
