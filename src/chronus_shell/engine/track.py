"""A sequencer track: a pattern aimed at a module, its per-step pitches, mute and how it plays."""
from __future__ import annotations

from .note_steps import saved
from .track_play import TrackStyle


class Track:
    """A pattern aimed at a module (its voice plays the notes) with optional per-step pitches.

    The pattern is kept as written (mini-notation, engine/mini_notation.py); `play` holds its
    compiled step table and the transforms (engine/track_play.py)."""

    def __init__(self, target: str, pattern: str, notes: list[float | None] | None = None,
                 muted: bool = False, name: str = "", style: dict | None = None):
        self.target = target
        self.pattern = pattern
        self.notes = notes or []
        self.muted = muted             # /seq/mute: kept, silent ("stop the hats", "drop the kick")
        self.play = TrackStyle(name, pattern, **(style or {}))

    def pitch(self, step: int) -> float | tuple | str | None:
        """The pitch of a step (Hz, a chord's Hz, or REST): notes cycle over the steps; '-' holds the
        note before it."""
        if not self.notes:
            return None
        index = step % len(self.notes)
        for back in range(len(self.notes)):
            note = self.notes[(index - back) % len(self.notes)]
            if note is not None:
                return note
        return None

    def state(self) -> dict:
        state = {"target": self.target, "pattern": self.pattern, "notes": [saved(note) for note in self.notes],
                 **self.play.style()}
        return {**state, "muted": True} if self.muted else state
