"""Chords played in a rhythm: 'dub chord Cm7 on the offbeats', 'skank chords Am Dm, one bar each',
'chords am f, rhythm x..x..x.': the rhythm said after the chords is taken off the line, the chords
read as ever, and each chord's span is then played on those hits (a Progression's `rhythm`).

A rhythm said with something that is not chords leaves the line to the rest of the language.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import intents as it
from . import intents_harmony as ih
from .errors import LanguageError
from .parser_sequencer_rules import pattern_named

_NAMED = (r"(?:the\s+)?(?:off-?beats?|back-?beats?|upbeats?|(?:beats?\s+)?(?:2|two)\s+(?:and|&)\s+(?:4|four)|"
          r"(?:beats?\s+)?(?:1|one)\s+(?:and|&)\s+(?:3|three)|every\s+(?:other\s+)?(?:beat|eighth|8th|sixteenth|16th|quarter))")
_RHYTHM = re.compile(rf",?\s+(?:(?:played\s+|hit\s+|stabbed\s+)?on|with)\s+(?P<named>{_NAMED})(?=\s*(?:,|$))|"
                     r",?\s+(?:(?:with\s+)?(?:the\s+)?(?:rhythm|pattern|groove))\s*:?\s*(?P<steps>[xX.\-]{2,})(?=\s*(?:,|$))", re.I)
_NAMES = {"upbeat": "offbeat", "upbeats": "offbeat", "off-beat": "offbeat", "off-beats": "offbeat",
          "back-beat": "backbeat", "back-beats": "backbeat"}


#: Chords whose name says their rhythm: a reggae skank is on the offbeats.
_SKANK = re.compile(r"\b(?:skank(?:ing|ed)?|reggae\s+(?:stabs?|chops?))\s+(?=(?:chords?\s+)?[a-g])", re.I)


def chord_rhythm(text: str) -> tuple[str, str | None]:
    """(the text without its rhythm, the rhythm's steps) — or (text, None) when none is said."""
    match = _RHYTHM.search(text)
    if match is None:
        skank = _SKANK.search(text)
        return (text[:skank.start()] + text[skank.end():], pattern_named("offbeat")) if skank else (text, None)
    if match.group("steps"):
        steps = match.group("steps")
        if "x" not in steps.lower():
            raise LanguageError(f"the rhythm '{steps}' has no hit: mark the hits with x (e.g. 'rhythm x..x..x.')", 0)
    else:
        said = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", match.group("named").lower()))
        said = re.sub(r"^beats?\s+", "", said)
        try:
            steps = pattern_named(_NAMES.get(said, said))
        except KeyError:
            return text, None
    return (text[:match.start()] + text[match.end():]).strip(" ,"), steps


def with_rhythm(intent, rhythm: str | None):
    """The chords `intent` plays, on `rhythm`'s hits; the intent as it was when no rhythm was said;
    None (not harmony) when a rhythm was said with something other than chords."""
    if rhythm is None or intent is None:
        return intent
    if isinstance(intent, ih.Progression):
        return replace(intent, rhythm=rhythm)
    if isinstance(intent, ih.PlayChord) and not intent.tones and intent.voicing is None:
        return ih.Progression(intent.target, (intent.chord,), 16, intent.column, intent.key, rhythm)
    if isinstance(intent, it.Sequence):
        items = tuple(with_rhythm(item, rhythm) if isinstance(item, (ih.Progression, ih.PlayChord)) else item
                      for item in intent.items)
        return it.Sequence(items) if any(getattr(i, "rhythm", None) for i in items) else None
    return None



def restruck(notes: tuple[str, ...], pattern: str, rhythm: str) -> tuple[str, list[str]] | None:
    """Held chords ('x---…' with each chord then '-' a step) given a new rhythm ('play the chords on every
    beat'): each chord keeps its span and is struck on the rhythm's hits in it — (pattern, notes); None for
    a track that holds no chords this way (the rhythm then replaces the pattern alone)."""
    if len(notes) != len(pattern) or "-" not in pattern or set(rhythm) - set("xX.") or "x" not in rhythm.lower():
        return None
    spans, start = [], 0
    for i in range(1, len(pattern) + 1):
        if i == len(pattern) or pattern[i] in "xX":
            spans.append((notes[start], i - start))
            start = i
    if len(spans) < 2 or any(token in (".", "-") for token, _ in spans):
        return None
    out_pattern, out_notes = "", []
    for token, length in spans:
        span = (rhythm * (length // len(rhythm) + 1))[:length]
        first = next((i for i, step in enumerate(span) if step in "xX"), None)
        if first is None:
            return None                                  # a chord the rhythm never strikes: say it otherwise
        out_pattern += span
        out_notes += [token if i == first else "-" for i in range(length)]
    return out_pattern, out_notes


__all__ = ["chord_rhythm", "with_rhythm", "restruck"]
