"""A list of notes onto a voice's track (issue 13), the one way every note list is sent.

`/seq/notes` gives one token a step (the sequencer reads step n's note at n modulo the list): a
note, a chord, '-' (hold) or '.' (a rest: the step does not sound, whatever the rhythm says). A
rhythm written apart from the notes ('play x.xX… on the bass', then 'bass notes a1 . c2 .') is
kept: the notes say each step's pitch and which steps rest. A track whose rhythm is only its
notes' own (a hit a note, as a list of notes made it) or that holds chords with ties takes the new
notes' own rhythm, so no note of the list is cut off — unless the notes fit its hits (as many), or
its hits are a pace apart (eighths, quarters): then they go round its hits, its rhythm kept.
"""
from __future__ import annotations

import math
import re

from ..engine.note_steps import REST
from ..protocol.message import Message
from . import intents as it
from .chords import hz, name, token_pitches
from .errors import LanguageError
from .mapper_messages import message, playable
from .mapper_sequencer import track_and_target
from .mapper_tracks import existing_track
from .units import note_name, note_to_hz

MAX_STEPS = 256


def own_rhythm(notes) -> str:
    """The rhythm a list of notes makes by itself: a hit a note, '.' a rest, '-' a hold."""
    return "".join("." if n == REST else "-" if n == "-" else "x" for n in notes)


def note_track(ctx, words, column: int, notes: list[str], kind: str | None = None) -> list[Message]:
    """The notes for the voice's track: its rhythm kept when written apart from its notes, else the
    notes' own rhythm (a new track named `kind` when that name is free)."""
    existing = existing_track(ctx, words, column)
    _pitched(ctx, ctx.model.tracks[existing].target if existing is not None else track_and_target(ctx, words, column)[1],
             column)
    rhythm = own_rhythm(notes)
    if existing is None and (spans := _chord_spans(ctx, notes)):     # a note a chord, held as long
        ctx.understood.append(f"a note for each chord, held as long: {' '.join(notes)}")
        return send_track(ctx, words, column, "".join("x" + "-" * (n - 1) for n in spans),
                          [t for note, n in zip(notes, spans) for t in [note] + ["-"] * (n - 1)], kind)
    kept = ctx.model.tracks[existing].pattern if existing is not None else None
    if kept is not None and (kept == rhythm or not _notes_own(kept, ctx.model.tracks[existing].notes)):
        _playable(notes, column)                      # the same rhythm, or one written apart: kept
        return [message("/seq/notes", existing, *notes)]
    hits = [i for i, c in enumerate(kept or "") if c in "xX"] if re.fullmatch(r"[xX.\-~]*", kept or "") else []   # (plain steps)
    if set(rhythm) == {"x"} and len(notes) > 1 and hits and (len(notes) == len(hits) or _evenly_spaced(hits, len(kept))) and \
            "-" not in ctx.model.tracks[existing].notes and \
            (placed := _on_the_hits(ctx, existing, kept, hits, notes, column)) is not None:
        return placed
    if set(rhythm) == {"x"} and len(notes) > 1:       # (how long each note is: said, as nothing else says it)
        chords = ctx.model.chord_track
        under = f" (the chords change every {len(chords.pattern) // max(1, sum(c in 'xX' for c in chords.pattern))} steps)" \
            if chords is not None and chords.target != ctx.model.focus else ""
        ctx.understood.append(f"{len(notes)} notes, a 16th each{under} — 'in 8ths', 'quarter notes' for longer")
    return send_track(ctx, words, column, rhythm, notes, kind)


def _notes_own(rhythm: str, notes) -> bool:
    """Whether the rhythm is the notes' own: the same, or — resting between hits — the list gone round as often as it
    fits ('a2 . c3 .' on 'x.x.x.x.')."""
    own = own_rhythm(notes)
    return own == rhythm or "." in own and len(rhythm) % len(own) == 0 and own * (len(rhythm) // len(own)) == rhythm


def _evenly_spaced(hits: list[int], length: int) -> bool:
    """Whether the hits are a note value apart with rests between (eighths 'x.x.', quarters 'x...'): a rhythm that is a
    pace, kept under new notes — an uneven one ('x.xx') was the last notes' own, and the new notes bring theirs."""
    gaps = {b - a for a, b in zip(hits, hits[1:] + [hits[0] + length])}
    return len(gaps) == 1 and min(gaps) > 1


def _on_the_hits(ctx, track: str, kept: str, hits: list[int], notes: list[str], column: int) -> list[Message] | None:
    """Notes with no rests for a track whose notes made its rhythm — as many as its hits, or any number at an even pace
    (not chords held with ties): on its hits in turn, its rhythm kept ('lead melody now: e5 d5 c5 b4 …'; four notes on
    eight hits go round twice, eight on four play the rhythm twice, three on four thrice) — never a new rhythm of 16ths,
    nor notes on steps the rhythm skips (a hit plays the note of its step). Written out whole, step for step, so a rhythm
    said later finds them. None when the rhythm played as often as the notes need is longer than a track holds."""
    times = math.lcm(len(notes), len(hits)) // len(hits)
    if len(kept) * times > MAX_STEPS:
        return None
    pattern, hits = kept * times, [hit + turn * len(kept) for turn in range(times) for hit in hits]
    steps = [REST] * len(pattern)
    for index, step in enumerate(hits):
        steps[step] = notes[index % len(notes)]
    _playable(steps, column)
    rounds = f", {len(hits) // len(notes)} times round" if len(hits) > len(notes) else \
        f", its rhythm played {times} times" if times > 1 else ""
    ctx.understood.append(f"{len(notes)} notes on the hits of {track}{rounds}: its rhythm kept")
    return ([message("/seq/add", track, ctx.model.tracks[track].target, pattern)] if times > 1 else []) + \
        [message("/seq/notes", track, *steps)]


#: Notes below C3 (MIDI 48) are a bass line's.
BASS_BELOW = 48


def _chord_spans(ctx, notes: list[str]) -> list[int] | None:
    """How long each chord of the chord track lasts, when a new bass line has one note for each ('bass
    notes a2 e2 f#2 d2' under G D Em C: the roots under the changes, not four 16ths)."""
    track = ctx.model.chord_track
    if any(n in (REST, "-") or "+" in n for n in notes) or \
            not all((p := token_pitches(n)) and p[0] < BASS_BELOW for n in notes):
        return None                                   # (a melody or riff of as many notes keeps its own steps)
    if track is not None:
        hits = [i for i, c in enumerate(track.pattern) if c in "xX"]
        spans = [b - a for a, b in zip(hits, hits[1:] + [len(track.pattern)])]
    else:                                             # chords played as an arpeggio: the chords it plays
        spans = next(([length for length, _ in way[3]] for t in ctx.model.arpeggios
                      if (way := arpeggiated(ctx.model, t))), [])
    return spans if len(spans) == len(notes) >= 2 else None


def arpeggiated(model, track: str | None) -> tuple | None:
    """How the track arpeggiates its chords — (direction, steps, octaves, (steps held, chord) each, its notes) — while
    it still plays the notes the arpeggio wrote; else None."""
    found = model.tracks.get(track) if track is not None else None
    if found is None or track not in model.arpeggios or tuple(map(str, found.notes)) != model.arpeggios[track][4]:
        return None                                   # (notes written on it since — a melody, chords — are no arpeggio)
    return model.arpeggios[track]


def send_track(ctx, words, column, pattern: str, notes: list[str], kind: str | None = None) -> list[Message]:
    """A note track for the voice: its own track replaced, else a new one — named `kind`
    ('chords', 'arp', 'melody') when that name is free."""
    if len(pattern) > MAX_STEPS:
        raise LanguageError(f"that is {len(pattern)} steps: a track holds at most {MAX_STEPS}", column)
    _playable(notes, column)
    existing = existing_track(ctx, words, column)
    if existing:
        return [message("/seq/add", existing, ctx.model.tracks[existing].target, pattern),
                message("/seq/notes", existing, *notes)]
    track, target, created = track_and_target(ctx, words, column)
    if kind and kind not in ctx.model.tracks:
        track = kind
    return created + [message("/seq/add", track, target, pattern), message("/seq/notes", track, *notes)]


def _pitched(ctx, target: str, column: int) -> None:
    """Notes go to a voice with a pitch: a noise source has none (its track would play a rhythm, every note unheard)."""
    spec = ctx.model.spec(target) if target in ctx.model.modules else None
    if spec is None or spec.role != "source" or spec.has_param("freq"):
        return
    pitched = [m for m in ctx.model.modules if (s := ctx.model.spec(m)) is not None and s.role == "source" and
               s.has_param("freq")]
    where = f"say the voice: 'notes … on {pitched[0]}'" + (f" (or {', '.join(pitched[1:3])})" if pitched[1:] else "") \
        if pitched else "add one first (e.g. 'add a saw'), then its notes"
    raise LanguageError(f"{target} is a {ctx.model.modules[target]} source with no pitch, so notes on it would not be "
                        f"heard — {where}", column)


def _playable(tokens: list[str], column: int) -> None:
    for token in tokens:
        for pitch in token_pitches(token) or ():
            playable(hz(pitch), name(pitch), column)


def set_notes(ctx, intent: it.SetNotes) -> list[Message]:
    """'bass notes a2 . c3 .', 'melody on the sine: e5 d5 . a4': notes with octaves written."""
    for note in intent.notes:
        if note.text != REST:
            playable(note_to_hz(note.text), note.text, note.column)
    return note_track(ctx, intent.target, intent.column, [n.text if n.text == REST else note_name(n.text) for n in intent.notes])


__all__ = ["arpeggiated", "note_track", "send_track", "set_notes", "own_rhythm", "BASS_BELOW", "MAX_STEPS"]
