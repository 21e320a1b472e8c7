"""Arpeggios: the chords given (or held: a gate, a chord track, a line of notes read bar by bar) played a
note at a time, up, down or up-down, in 16ths to half notes, over one octave or more."""
from __future__ import annotations

import re

from ..protocol.message import Message
from . import intents as it
from . import intents_harmony as ih
from .arpeggio_track import arpeggio_track, held_again
from .mapper_note_tracks import arpeggiated
from .chords import Chord, register_of, token_pitches
from .errors import LanguageError
from .mapper_harmony import head_words, voice_and_track, voice_register
from .mapper_harmony_voice import voiced
from .mapper_tracks import existing_track


def arpeggiate(ctx, intent: ih.Arpeggiate) -> list[Message]:
    words = intent.target
    if intent.direction == "off":
        return _held_again(ctx, intent.column)
    again = _playing_arpeggio(ctx) if not intent.chords and words is None and intent.said and \
        not _THE_CHORDS.search(ctx.line) else None
    if again is not None:                             # 'arp over two octaves': the arpeggio playing, that way now
        direction, steps, octaves, chords, _ = ctx.model.arpeggios[again]
        way = {"direction": direction, "steps": steps, "octaves": octaves} | {k: getattr(intent, k) for k in intent.said}
        segments = [(length, token_pitches(chord), chord) for length, chord in chords]
        return arpeggio_track(ctx, it.Words((it.Word(again, intent.column),)), intent.column, segments, **way)
    if intent.chords:
        head, track = voice_and_track(ctx, words, intent.column)
        words = head_words(words, head, intent.column)
        reference, _ = voice_register(ctx, head, track)
        segments = [(16, Chord.parse(c).pitches(reference), Chord.parse(c).spell(Chord.parse(c).pitches(reference)))
                    for c in intent.chords]
    else:
        segments, words = _held_chords(ctx, words, intent.column)
    return arpeggio_track(ctx, words, intent.column, segments, intent.direction, intent.steps, intent.octaves)


#: Words that point at chords to arpeggiate, not at the arpeggio playing ('arp it', 'arpeggiate the chords').
_THE_CHORDS = re.compile(r"\b(?:it|that|this|them|chords?|changes|progression)\b", re.I)


def _playing_arpeggio(ctx) -> str | None:
    """The one track playing an arpeggio (the one on the voice in focus when several do), else None."""
    playing = [t for t in ctx.model.arpeggios if arpeggiated(ctx.model, t)]
    focused = [t for t in playing if ctx.model.tracks[t].target in ctx.resolve.focused_voice()]
    return (focused or playing)[0] if len(focused) == 1 or len(playing) == 1 else None


def _held_again(ctx, column: int) -> list[Message]:
    """'no arpeggio': the arpeggio of the voice in focus, else the only one, held as chords again."""
    playing = [t for t in ctx.model.arpeggios if arpeggiated(ctx.model, t)]
    track = _playing_arpeggio(ctx)
    if track is None:
        raise LanguageError("no track plays an arpeggio to hold as chords again" if not playing else
                            f"which arpeggio? {', '.join(playing)} — say 'chords … on' the voice", column)
    return held_again(ctx, it.Words((it.Word(track, column),)), column, track)


def _held_chords(ctx, words: it.Words | None, column: int) -> tuple[list, it.Words | None]:
    """(steps held, pitches, None) of each chord of the track named (or the last chord)."""
    last = ctx.model.last_chord
    track = existing_track(ctx, words, column) if words is not None else None
    if track is None and last is not None and last[0] == "track" and words is None:
        track = last[1]
    if track is None and last is not None and last[0] == "gate" and words is None:
        return [(16, sorted(round(register_of(f)) for f in last[2]), None)], \
            it.Words((it.Word(last[1], column),))
    if track is None and words is None and ctx.model.focus in ctx.model.modules:
        track = existing_track(ctx, None, column)          # the focused voice's notes
    if track is None or track not in ctx.model.tracks or not any(token_pitches(n) for n in ctx.model.tracks[track].notes):
        raise LanguageError("arpeggiate what? name chords ('arpeggiate am7 up in 16ths') or give "
                            "a voice chords first ('chords am f c g')", column)
    held = ctx.model.tracks[track]
    if not any("+" in str(n) for n in held.notes):             # single notes: each bar's notes as its chord
        return _bars_of_notes(held), it.Words((it.Word(track, column),))
    segments = []
    for step, char in enumerate(held.pattern):
        if char not in "xX":
            continue
        length = 1                                   # a chord lasts to the next one struck (its rests: the release)
        while step + length < len(held.pattern) and held.pattern[step + length] not in "xX":
            length += 1
        pitches = _pitch_at(held.notes, step)
        if pitches:
            segments.append((length, pitches, token_at(held.notes, step)))
    return segments, it.Words((it.Word(track, column),))


def _pitch_at(notes, step: int) -> list[int] | None:
    """The pitches the sequencer plays at `step` (notes cycle per step; '-' holds the one before)."""
    for back in range(len(notes)):
        pitches = token_pitches(notes[(step - back) % len(notes)])
        if pitches:
            return pitches
    return None


def _bars_of_notes(track) -> list[tuple[int, list[int], None]]:
    """A track of single notes (an arpeggio, a melody) as chords: the notes each bar plays."""
    bar = min(16, len(track.pattern))
    segments = []
    for start in range(0, len(track.pattern), bar):
        pitches = sorted({_pitch_at(track.notes, s)[0] for s in range(start, min(start + bar, len(track.pattern)))
                          if track.pattern[s] in "xX" and _pitch_at(track.notes, s)})
        if pitches:
            segments.append((bar, pitches, None))
    return segments


def token_at(notes, step: int) -> str | None:
    for back in range(len(notes)):
        token = notes[(step - back) % len(notes)]
        if token_pitches(token):
            return str(token)
    return None


#: The intents this family maps.
HANDLERS = {ih.Arpeggiate: voiced(arpeggiate)}

__all__ = ["HANDLERS", "token_at"]
