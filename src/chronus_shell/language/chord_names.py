"""A track's notes said back as a musician reads a chart: 'a3+c4+e4' is Am, 'e3+g3+c4' is C/E.

'what chords are the stabs playing?' asks for names, not the notes the sequencer keeps, so each
step's pitches are named by the quality chords.analyse finds in them, the lowest note the root when
it can be (a slash chord otherwise), spelled as the notes were written.
"""
from __future__ import annotations

from ..engine.notes import is_note, note_name
from .chords import QUALITIES, analyse, midi

#: A quality's suffix by its intervals (what chords.analyse finds).
_SUFFIX = {steps: suffix for suffix, steps in QUALITIES.items()}


def chord_name(step: str) -> str:
    """'a3+c4+e4' → 'Am', 'e3+g3+c4' → 'C/E'; a note alone ('c2') and tones no quality holds
    ('c4+c#4+d4') stay as written."""
    notes = step.split("+")
    if len(notes) == 1 or not all(is_note(note) for note in notes):
        return step                                    # (a tuning of its own is kept in Hz: said as it is)
    pitches = [midi(note) for note in notes]
    found = analyse(pitches)                           # the root (the bass when it can be) and the quality's intervals
    if found is None:
        return step
    written = {pitch % 12: _letter(note) for pitch, note in zip(pitches, notes)}
    root, bass = found[0], min(pitches) % 12
    return written[root] + _SUFFIX[found[1]] + (f"/{written[bass]}" if root != bass else "")


def chart(notes) -> str:
    """A track's steps as its chart ('Am F C G'): a chord struck again before the next is said once,
    as a chart writes a bar of stabs; single notes are all said; holds and rests are not."""
    said: list[str] = []
    for step in notes:
        if str(step) in ("-", ".", "~", "_"):
            continue
        named = chord_name(str(step))
        if not (said and "+" in str(step) and said[-1] == named):
            said.append(named)
    return " ".join(said)


def _letter(note: str) -> str:
    """'bb3' → 'Bb', 'c#4' → 'C#', 'cs3' → 'C#': the note's name as a chord root is written."""
    name = note_name(note).rstrip("-0123456789")
    return name[:1].upper() + name[1:]


__all__ = ["chord_name", "chart"]
