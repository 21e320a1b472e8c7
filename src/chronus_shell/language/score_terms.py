"""A score's Italian for tempo, loudness and touch, said the way the grammar knows it: 'più mosso' is a bit
faster, 'meno mosso' a bit slower, 'più piano' quieter, '♩ = 96' the tempo, 'staccato' or 'pizzicato'
shorter notes (less sustain, a shorter release), 'legato' or 'arco' longer ones, 'con sordino' darker,
'tutti' everyone back in, 'poco a poco' gradually.

Each term is read only where it stands for the whole instruction (with chatter such as 'please' or
'again' around it), so an Italian word inside another command is left to the grammar.
"""
from __future__ import annotations

import re

#: Whole lines: the term (and chatter) → the words the grammar reads.
_LINES = tuple((re.compile(rf"^(?:{pattern})(?:[\s,!.]+(?:please|pls|again|now|thanks))*[\s!.]*$", re.I), said)
               for pattern, said in (
    (r"(?:poco\s+)?(?:più|piu)\s+(?:mosso|presto|allegro|vivo|animato)|stringendo", "a bit faster"),
    (r"(?:poco\s+)?meno\s+mosso|(?:più|piu)\s+(?:lento|calmo|tranquillo)|calando", "a bit slower"),
    (r"tutti(?:\s+(?:again|in|back))?|everyone\s+(?:in|back\s+in)", "bring everything back"),
    (r"con\s+sordin[oi]|sul\s+tasto", "darker"),
    (r"senza\s+sordin[oi]|via\s+sordin[oi]", "brighter"),
))
#: A term inside a line, with what it becomes there.
_PHRASES = tuple((re.compile(pattern, re.I), said) for pattern, said in (
    (r"(?:,\s*)?\b(?:più|piu)\s+(?:piano|p)\b", " quieter"),
    (r"(?:,\s*)?\b(?:più|piu)\s+(?:forte|f)\b", " louder"),
    (r"\s+poco\s+a\s+poco\b", ""),                                  # 'crescendo poco a poco over 8 bars': gradually
    (r"^(?:(?:tempo|metronome|mm|m\.m\.)\s*[:,]?\s*)?(?:♩|𝅘𝅥|quarter(?:\s+note)?|crotchet)\s*=\s*(?=\d)", "tempo "),     # a metronome mark ('q = 20' is a filter's Q)
    (r"^m\.?\s?m\.?\s+(?=\d)", "tempo "),
))
#: Articulation: a touch said alone ('staccato', 'arco again, legato', 'legato please, the notes should connect').
_SHORT = {"staccato", "staccatissimo", "pizzicato", "pizz", "spiccato", "detached", "short", "shorter", "choppy"}
_LONG = {"legato", "arco", "tenuto", "sostenuto", "long", "longer"}
_CHATTER = set("please pls again now more a bit the notes note should be play it make them and more connect connected".split())
_TOUCH = {"short": "less sustain and shorter release", "long": "more sustain and longer release"}


def score_terms(line: str) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words), or None when the line holds no such term."""
    text = line.strip()
    for pattern, said in _LINES:
        if pattern.match(text):
            return f"{text.rstrip(' .!')} → {said}", said
    changed = text
    for pattern, said in _PHRASES:
        changed = pattern.sub(said, changed)
    if changed != text:
        return f"{text} → {changed.strip()}", changed.strip()
    touch = _touch(text)
    if touch:
        return f"{text.rstrip(' .!')} → {_TOUCH[touch]}", _TOUCH[touch]
    return None


_TOUCH_WORDS = frozenset(_SHORT | _LONG)
_TOUCH_LINE = frozenset(_TOUCH_WORDS | _CHATTER)


def _touch(text: str) -> str | None:
    words = re.findall(r"[a-zà-ú]+", text.lower())
    named = [w for w in words if w in _TOUCH_WORDS]
    if not named:
        return None                             # (most lines: no word of touch at all)
    said = {("short" if w in _SHORT else "long") for w in named}
    plain = named == [w for w in words if w in ("short", "shorter", "long", "longer")]
    if len(said) != 1 or plain and not {"notes", "note"} & set(words) or \
            any(w not in _TOUCH_LINE for w in words):
        return None                             # ('shorter' alone: a decay, a delay, a fade — 'shorter notes' a touch)
    return said.pop()


__all__ = ["score_terms"]
