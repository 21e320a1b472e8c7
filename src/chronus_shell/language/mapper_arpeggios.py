"""Arpeggios: the chords given (or held: a gate, a chord track, a line of notes read bar by bar) played a
note at a time, up, down or up-down, in 16ths to half notes, over one octave or more."""
from __future__ import annotations

from ..protocol.message import Message
from . import intents as it
from . import intents_harmony as ih
from .chords import Chord, name, register_of, respell, token_pitches
from .errors import LanguageError
from .mapper_harmony import head_words, voice_and_track, voice_register
from .mapper_harmony_voice import voiced
from .mapper_note_tracks import send_track
from .mapper_tracks import existing_track


def arpeggiate(ctx, intent: ih.Arpeggiate) -> list[Message]:
    words = intent.target
    if intent.chords:
        head, track = voice_and_track(ctx, words, intent.column)
        words = head_words(words, head, intent.column)
        reference, _ = voice_register(ctx, head, track)
        segments = [(16, Chord.parse(c).pitches(reference), Chord.parse(c).spell(Chord.parse(c).pitches(reference)))
                    for c in intent.chords]
    else:
        segments, words = _held_chords(ctx, words, intent.column)
    pattern, notes = "", []
    for length, pitches, chord in segments:
        order = _arp_order(pitches, intent.direction, intent.octaves)
        for step in range(length):
            hit = step % intent.steps == 0
            pattern += "x" if hit else "."
            pitch = order[(step // intent.steps) % len(order)]
            notes.append(_note(pitch, chord) if hit else "-")
    notes = _shortest_cycle(notes, len(pattern))
    rate = {1: "16ths", 2: "8ths", 4: "quarters", 8: "half notes"}[intent.steps]
    ctx.understood.append(f"arpeggio {intent.direction} in {rate} over {intent.octaves} octave"
                          f"{'s' if intent.octaves > 1 else ''}: {' '.join(n for n in notes[:16] if n != '-')}"
                          f"{' …' if len(notes) > 16 else ''}")
    return send_track(ctx, words, intent.column, pattern, notes, "arp")


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


def _note(pitch: int, like: str | None) -> str:
    """A note of an arpeggio, spelled as in its chord's token."""
    return respell([pitch], like) if like else name(pitch)


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


def _arp_order(pitches, direction: str, octaves: int) -> list[int]:
    up = [p + 12 * octave for octave in range(octaves) for p in sorted(pitches)]
    if direction == "down":
        return up[::-1]
    if direction == "updown":
        return up + up[-2:0:-1] if len(up) > 2 else up
    if direction == "downup":
        return up[::-1] + up[1:-1] if len(up) > 2 else up[::-1]
    return up


def _shortest_cycle(notes: list[str], length: int) -> list[str]:
    """The shortest list that gives the same notes: the sequencer reads step n's note at
    n modulo the list, within the pattern's `length` steps (so 'a c e' serves 16 steps)."""
    for period in range(1, length + 1):
        if notes[period:length] == notes[:length - period]:    # each step's note is the one a period before
            return notes[:period]
    return notes




#: The intents this family maps.
HANDLERS = {ih.Arpeggiate: voiced(arpeggiate)}

__all__ = ["HANDLERS", "token_at"]
