"""Intents of the stereo commands (issue 17): a place in the stereo field, a ping-pong delay."""
from __future__ import annotations

from dataclasses import dataclass

from .intents import Value, Words


@dataclass(frozen=True)
class Pan:
    """"pan the hats left", "hats 30% right", "pan the bass hard left", "centre the hats"."""

    target: Words | None           # None: the focused module
    side: int                      # -1 left, +1 right, 0 the centre
    amount: Value | None = None    # how far: "30%" or 0.3; none: half way (a little: a quarter), "hard": the edge
    hard: bool = False
    intensity: str | None = None   # "little": "a little to the left", a quarter of the way; "edge": "right fully"
    column: int = 0


@dataclass(frozen=True)
class PingPong:
    """"ping pong delay", "make the delay ping pong", "ping pong off": the delay's mode."""

    target: Words | None
    on: bool = True
    column: int = 0
