"""An arpeggio as a note track: chords played a note at a time (up, down, up-down; 16ths to half notes; one
octave or more), and the way it was played kept with its track, so new changes said for it are arpeggiated
the same way ('arpeggiate the chords', then 'now change to Em C G D': still an arpeggio, not block chords)."""
from __future__ import annotations

from ..protocol.message import Message
from .chords import name, respell, token_pitches
from .mapper_note_tracks import arpeggiated, send_track

RATES = {1: "16ths", 2: "8ths", 4: "quarters", 8: "half notes"}


def arpeggio_track(ctx, words, column: int, segments, direction: str, steps: int, octaves: int,
                   said: str = "") -> list[Message]:
    """`segments` — (steps it lasts, pitches, the chord's token to spell by) — as one arpeggio on the voice's track."""
    pattern, notes = "", []
    for length, pitches, chord in segments:
        order = _order(pitches, direction, octaves)
        for step in range(length):
            hit = step % steps == 0
            pattern += "x" if hit else "."
            pitch = order[(step // steps) % len(order)]
            notes.append((respell([pitch], chord) if chord else name(pitch)) if hit else "-")
    notes = _shortest_cycle(notes, len(pattern))
    ctx.understood.append(f"{said}arpeggio {direction} in {RATES[steps]} over {octaves} octave{'s' if octaves > 1 else ''}: "
                          f"{' '.join(n for n in notes[:16] if n != '-')}{' …' if len(notes) > 16 else ''}")
    messages = send_track(ctx, words, column, pattern, notes, "arp")
    track = next(str(m.args[0]) for m in messages if m.address == "/seq/add")
    chords = tuple((length, chord or "+".join(name(p) for p in sorted(pitches))) for length, pitches, chord in segments)
    ctx.model.arpeggios = {**ctx.model.arpeggios,                  # (replaced, never changed: snapshots share it)
                           track: (direction, steps, octaves, chords, tuple(notes))}
    return messages


def rearpeggiated(ctx, words, column: int, track: str | None, tokens: list[str], steps: int) -> list[Message] | None:
    """New changes said for a track that arpeggiates: each chord (`steps` long) arpeggiated as before; None otherwise."""
    way = arpeggiated(ctx.model, track)
    if way is None:
        return None
    segments = [(steps, token_pitches(token), token) for token in tokens]
    return arpeggio_track(ctx, words, column, segments, *way[:3], said="arpeggiated as before: ")


def held_again(ctx, words, column: int, track: str) -> list[Message]:
    """'no arpeggio', 'block chords': the chords the track arpeggiates, held a span each again."""
    chords = arpeggiated(ctx.model, track)[3]
    pattern = "".join("x" + "-" * (length - 1) for length, _ in chords)
    notes = [n for length, chord in chords for n in [chord] + ["-"] * (length - 1)]
    ctx.understood.append(f"the {track} track holds its chords again: {' | '.join(chord for _, chord in chords)}")
    return send_track(ctx, words, column, pattern, notes, "chords")


def _order(pitches, direction: str, octaves: int) -> list[int]:
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


__all__ = ["arpeggio_track", "held_again", "rearpeggiated", "RATES"]
