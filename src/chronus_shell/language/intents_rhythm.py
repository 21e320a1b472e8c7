"""Intents of rhythm phrases (issue 15): how a track plays, apart from its pattern."""
from __future__ import annotations

from dataclasses import dataclass

from .intents import Words


@dataclass(frozen=True)
class TrackFeel:
    """A transform of a track's playing: `kind` chance | humanize | shift | reverse | speed | roll |
    add_hits | drop_hits | bring_in; `value` what the phrase said (see mapper_rhythm for each kind)."""

    kind: str
    target: Words | None
    value: object
    column: int
    now: bool = False       # at once, not at the next bar
