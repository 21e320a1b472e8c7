"""What a sequencer message changes, as named values: queued for the bar line (or the next step
with `now`) while the grid runs, applied by `change.apply(sequencer)` when the grid reaches it.

They are plain data (they pickle with the Engine into a new standby slot); the order they land in
is their step, then the order they were sent in.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from fractions import Fraction

from .tempo_curve import glide
from .track import Track
from .track_play import TrackStyle


@dataclass(frozen=True)
class SetTrack:
    """/seq/add: a track's pattern and target. Notes, mute and how it plays are the track's when
    this lands; a new pattern is played as written (no shift, forwards)."""

    name: str
    target: str
    pattern: str

    def apply(self, seq) -> None:
        old = seq.tracks.get(self.name)
        style = {k: v for k, v in old.play.style().items() if k not in ("shift", "reverse")} if old else None
        seq.tracks[self.name] = Track(self.target, self.pattern, old.notes if old else None,
                                      old.muted if old else False, self.name, style)


@dataclass(frozen=True)
class RemoveTrack:
    name: str

    def apply(self, seq) -> None:
        seq.tracks.pop(self.name, None)
        seq.later = [e for e in seq.later if e[3] != self.name]
        heapq.heapify(seq.later)


@dataclass(frozen=True)
class SetNotes:
    """/seq/notes: per-step pitches (a track not added yet keeps them for when it is)."""

    name: str
    notes: list

    def apply(self, seq) -> None:
        if self.name in seq.tracks:
            seq.tracks[self.name].notes = self.notes
        else:
            seq.tracks[self.name] = Track("", "", self.notes)


@dataclass(frozen=True)
class SetMute:
    name: str
    muted: bool

    def apply(self, seq) -> None:
        if self.name in seq.tracks:
            seq.tracks[self.name].muted = self.muted


@dataclass(frozen=True)
class SetStyle:
    """/seq/shift|reverse|speed|chance|humanize: one attribute of how the track plays."""

    name: str
    key: str
    value: object

    def apply(self, seq) -> None:
        if self.name in seq.tracks:
            track = seq.tracks[self.name]
            track.play = TrackStyle(self.name, track.pattern, **{**track.play.style(), self.key: self.value})


@dataclass(frozen=True)
class SetTempo:
    """/seq/bpm: the grid is anchored at the step it lands on, so the bar grid stays continuous."""

    bpm: Fraction

    def apply(self, seq) -> None:
        if seq.running:
            seq.anchor_time, seq.anchor_step = seq.step_time(seq.next_step), seq.next_step
        seq.bpm, seq.tempo_ramp = self.bpm, None


@dataclass(frozen=True)
class GlideTempo:
    """/seq/bpm target ramp beats: the tempo glides there over `steps` (engine/tempo_curve.py)."""

    bpm: Fraction
    steps: int

    def apply(self, seq) -> None:
        glide(seq, self.bpm, self.steps)


TEMPO_CHANGES = (SetTempo, GlideTempo)   # a /seq/clear leaves these queued

__all__ = ["SetTrack", "RemoveTrack", "SetNotes", "SetMute", "SetStyle", "SetTempo", "GlideTempo", "TEMPO_CHANGES"]
