"""Keys said in harmony sentences ('the song is in e minor', "we're gonna be in f#", 'root note G, scale
mixolydian'): one tonic and at most one scale, wherever said in the line."""
from __future__ import annotations

import re

from . import intents_harmony as ih
from .chords import Chord
from .harmony_constituents import Part, scan, words_outside
from .harmony_lexicon import KEY_WORDS, known
from .harmony_tokens import column_of
from .parser_harmony_keys import interval_said

#: The kinds of constituent that name a chord.
NAMING = frozenset(("chord", "letter", "degree", "quality", "named"))


#: Words of a line that states the key ('the song is in e minor', "we're gonna be in f#", 'key = d dorian').
KEY_TALK = frozenset("song tune track piece number tonality whole we we're were are i'm is it's 's be gonna going will should song's tune's "
                     "stay stick keep remain written = key's all".split())
#: Words of a line about the next song's key ('next song is in C# minor', "this one's in d dorian"): key talk only there
#: ('Next G' is a chord, 'hold a G chord for the slow one' is no key).
_ANOTHER_SONG = re.compile(r"^(?:the\s+)?(?:next|new|this)\s+(?:song|tune|number|piece|one)(?:'s)?\s")
_SONG_WORDS = frozenset("next new this one one's".split())
#: Words that make a key line something else: a chord, or a change of key ('put it in E' moves the notes).
_NOT_A_KEY = frozenset("chord chords triad progression put take move transpose switch change modulate shift bring go "
                       "drop raise lower".split())


#: A note to tune to is no key ('give me an A to tune to', 'a G note for tuning').
_TUNING = re.compile(r"\bto\s+tune\b|\btune\s+(?:to|up|by|with)\b|\btuning\b")


def read_key_sentence(text: str, line: str):
    """A key stated among words that only say it is the key, in any order; a word outside that
    lexicon, a chord called a chord or anything else named reads nothing."""
    talk = KEY_TALK | _SONG_WORDS if _ANOTHER_SONG.match(text) else KEY_TALK
    if not talk & set(text.split()) or text.startswith(("tune ", "retune ")) or _TUNING.search(text) or \
            any(w not in talk and not known(w) for w in words_outside(text)):
        return None                                   # ('tune it to e': the oscillator)
    parts = scan(text, line)
    words = {p.text for p in parts if p.kind == "word"}
    if not words & talk or any(w not in talk and not known(w) for w in words) or words & _NOT_A_KEY:
        return None
    return key_of_parts(parts, line)


def about_the_key(parts: list[Part], words: list[str]) -> bool:
    """A line that names a key's parts ('root note G, scale mixolydian') or says key, scale or
    quantize ('key c minor, scale minor pentatonic', 'quantize to a minor')."""
    return bool(KEY_WORDS & set(words)) or any(p.kind in ("tonic", "scale") for p in parts) or \
        (any(p.kind == "key" for p in parts) and not any(p.kind in NAMING for p in parts))


def key_of_parts(parts: list[Part], line: str):
    """The key a line names: one tonic and at most one scale, wherever said; a scale said on its own
    ('…, scale minor pentatonic') is more precise than one said with the tonic ('key c minor')."""
    tonics, scales, told = [], [], []
    for index, part in enumerate(parts):
        if part.kind == "key":
            tonics.append(part.value[0])
            told += [part.value[1]] if part.value[1] else []
        elif part.kind in ("tonic", "root", "letter"):
            tonics.append(part.value)
        elif part.kind == "scale":
            scales.append(part.value)
        elif part.kind == "chord" and Chord.parse(part.text).intervals in ((0, 4, 7), (0, 3, 7)):
            tonics.append(part.value.rstrip("m"))                     # 'to A minor': a key said like a chord
            told.append("minor" if part.value.endswith("m") else "major")
        elif part.kind == "quality" and part.text in ("major", "minor", "maj", "min"):
            article = parts[index - 1] if index else None             # 'quantize to a minor': the note a,
            after = parts[index + 1] if index + 1 < len(parts) else None   # not 'a minor key' (which one?)
            if article is not None and article.kind == "word" and article.text == "a" and \
                    not (after is not None and after.text == "key"):
                tonics.append("a")
            told.append("minor" if part.text.startswith("min") else "major")
        elif part.kind in ("chord", "degree", "quality", "note", "number", "named", "each", "span", "rate", "capo"):
            return None                                               # (a capo: the shapes' key or the sounding one?)
    chosen = set(scales) or set(told) or {"major"}
    if len(set(tonics)) != 1 or len(chosen) != 1:
        return None
    tonic, scale = tonics[0], chosen.pop()
    return None if interval_said(tonic, scale, line) else ih.SetKey(tonic, scale, column_of(tonic, line))


__all__ = ["NAMING", "KEY_TALK", "read_key_sentence", "about_the_key", "key_of_parts"]
