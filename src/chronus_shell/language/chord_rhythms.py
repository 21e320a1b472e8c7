"""Chords played in a rhythm: 'dub chord Cm7 on the offbeats', 'skank chords Am Dm, one bar each',
'chords am f, rhythm x..x..x.': the rhythm said after the chords is taken off the line, the chords
read as ever, and each chord's span is then played on those hits (a Progression's `rhythm`).

A rhythm said with something that is not chords leaves the line to the rest of the language.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace

from ..protocol.message import Message
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


#: Chords said held ('strings play Dm Bb F C held', '…, sustained'): each struck once and held through its span — as
#: chords are by default, and so on a track that comps or arpeggiates them too.
_HELD = re.compile(r",?\s+(?:held|sustained|(?:as\s+)?(?:held|block|whole|long)\s+chords|held\s+(?:out|long))\s*[.!]*$", re.I)
HELD = "held"


def chord_rhythm(text: str) -> tuple[str, str | None]:
    """(the text without its rhythm, the rhythm's steps, or HELD) — or (text, None) when none is said."""
    held = _HELD.search(text)
    if held is not None and re.search(r"\b[a-g]", text[:held.start()], re.I):
        return text[:held.start()], HELD
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
        return replace(intent, rhythm="x" + "-" * (intent.steps - 1) if rhythm == HELD else rhythm)
    if isinstance(intent, ih.PlayChord) and rhythm == HELD:
        return intent                                 # ('a D major chord, held': the chord held, as it is)
    if isinstance(intent, ih.PlayChord) and not intent.tones and intent.voicing is None:
        return ih.Progression(intent.target, (intent.chord,), 16, intent.column, intent.key, rhythm)
    if isinstance(intent, it.Sequence):
        items = tuple(with_rhythm(item, rhythm) if isinstance(item, (ih.Progression, ih.PlayChord)) else item
                      for item in intent.items)
        return it.Sequence(items) if any(getattr(i, "rhythm", None) for i in items) else None
    return None



def restruck(notes: tuple[str, ...], pattern: str, rhythm: str) -> tuple[str, list[str]] | None:
    """Chords a step each ('x---…' held, or struck already: a chord token where it starts, '-' holding it)
    given a new rhythm ('play the chords on every beat', then 'on the offbeats'): each chord keeps its span
    and is struck on the rhythm's first hit in it, the rhythm laid from the bar line — (pattern, notes); None
    for a track that holds no chords this way (the rhythm then replaces the pattern alone)."""
    if len(notes) != len(pattern) or "." in notes:
        return None
    spans = _spans(notes, rhythm, "-")
    if spans is None or len(spans[1]) < 2:
        return None
    out_pattern, spans = spans
    out_notes = ["-"] * len(notes)
    for token, hits in spans:
        out_notes[hits[0]] = token
    return out_pattern, out_notes


def struck_on_each_hit(notes: tuple[str, ...], pattern: str, rhythm: str) -> tuple[str, list[str]] | None:
    """A track whose notes sit on its hits with rests between ('. . . . a3+c4+e4 . . .' on '....x...') given a new
    rhythm ('skank on the off beat'): every new hit plays the note or chord of the span it falls in, laid from the
    bar line as `restruck`'s — left as they were, the rests under the moved hits silenced the part. (pattern,
    notes); None for a track whose notes are not so placed."""
    if len(notes) != len(pattern) or len(notes) % len(rhythm) or "-" in notes or "." not in notes \
            or any((token != ".") != (hit in "xX") for token, hit in zip(notes, pattern)):
        return None
    spans = _spans(notes, rhythm, ".")
    if spans is None or spans[0] == pattern:
        return None
    out_pattern, spans = spans
    out_notes = ["."] * len(notes)
    for token, hits in spans:
        for hit in hits:
            out_notes[hit] = token
    return out_pattern, out_notes


def _spans(notes: tuple[str, ...], rhythm: str, between: str) -> tuple[str, list[tuple[str, list[int]]]] | None:
    """`rhythm` over the track's steps, and each note or chord (a token that is not `between`) with the rhythm's hits
    in its span — from it to the next one, the last wrapping round, shifted to the bar line's grid if struck late;
    None when a note would never be struck."""
    steps = len(notes)
    if set(rhythm) - set("xX.") or "x" not in rhythm.lower():
        return None
    starts = [i for i, token in enumerate(notes) if token != between]
    if not starts:
        return None
    grid = math.gcd(steps, *(b - a for a, b in zip(starts, starts[1:])))
    tokens, starts = [notes[i] for i in starts], [start - starts[0] % grid for start in starts]
    out_pattern = "".join(rhythm[i % len(rhythm)] for i in range(steps))
    spans = []
    for k, (start, token) in enumerate(zip(starts, tokens)):
        end = starts[k + 1] if k + 1 < len(starts) else starts[0] + steps          # the last span wraps round
        hits = [s % steps for s in range(start, end) if out_pattern[s % steps] in "xX"]
        if not hits:
            return None                                  # a chord the rhythm never strikes: say it otherwise
        spans.append((token, hits))
    return out_pattern, spans


def in_the_rhythm(pattern: str, tokens: list[str]) -> tuple[str, list[str]] | None:
    """(pattern, notes): the chords a hit each of a rhythm, repeated until both come round together (notes
    are per step: a hit plays the token of its step); None when that is longer than a track holds."""
    pattern = next(pattern[:n] for n in range(1, len(pattern) + 1)       # its shortest cycle: a bar, not four
                   if len(pattern) % n == 0 and pattern[:n] * (len(pattern) // n) == pattern)
    hits = sum(c in "xX" for c in pattern)
    if not hits:
        return None
    cycles = math.lcm(hits, len(tokens)) // hits
    if len(pattern) * cycles > 256:
        return None
    at = iter(tokens * (hits * cycles // len(tokens)))
    notes = [next(at) if c in "xX" else "-" for c in pattern * cycles]
    return pattern * cycles, notes


def one_a_hit(notes: tuple[str, ...], pattern: str, rhythm: str) -> tuple[str, list[str]] | None:
    """A line of notes a step each ('bass notes d2 f2 a2 c3 …') given a rhythm ('play the bass in quarters'):
    each note on a hit of it in turn, (pattern, notes) — never the note of the step a hit falls on (12 of
    16 unheard); None for a track that is no such line."""
    if len(notes) < 2 or len(notes) != len(pattern) or set(pattern) - set("xX") or "-" in notes \
            or set(rhythm) - set("xX.") or rhythm == pattern:
        return None
    return in_the_rhythm(rhythm, list(notes))


def comping_rhythm(track) -> str | None:
    """The bar's rhythm a chord track is struck on ('comp the chords on 2 and 4', 'skank plays Gm on the offbeats'):
    new changes said for it keep it, as a rhythm written with no notes yet does ('square offbeats', then 'square plays
    am d'); None for a track that holds its chords, or holds notes that are no chords."""
    if track is None or not (track.notes == () or any("+" in str(n) for n in track.notes)) or "-" in track.pattern or \
            len(track.pattern) % 16:
        return None
    one_chord = len(track.notes) <= 1                # ('skank plays Gm on the offbeats': one chord on a rhythm)
    if not one_chord and (len(track.notes) != len(track.pattern) or "-" not in track.notes):
        return None                                   # (each chord held through its span)
    bar = track.pattern[:16]
    return bar if bar * (len(track.pattern) // 16) == track.pattern and "x" in bar.lower() else None


def restrike_held(model, messages: list) -> list:
    """A rhythm written over a track of held chords with no notes beside it ('chords on the offbeats'): each
    chord struck on it in its own span (notes are per step: the bare rhythm alone would play its first bar's
    chord over and over)."""
    noted = {str(m.args[0]) for m in messages if m.address == "/seq/notes" and m.args}
    out = []
    for msg in messages:
        held = model.tracks.get(str(msg.args[0])) if msg.address == "/seq/add" and len(msg.args) == 3 else None
        struck = restruck(tuple(held.notes), held.pattern, str(msg.args[2])) \
            if held is not None and str(msg.args[0]) not in noted and held.target == str(msg.args[1]) else None
        if struck is None:
            out.append(msg)
            continue
        out += [Message("/seq/add", (msg.args[0], msg.args[1], struck[0])), Message("/seq/notes", (msg.args[0], *struck[1]))]
    return out


__all__ = ["HELD", "chord_rhythm", "with_rhythm", "restruck", "restrike_held", "in_the_rhythm", "one_a_hit", "comping_rhythm"]
