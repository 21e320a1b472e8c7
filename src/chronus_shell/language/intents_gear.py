"""Intents of the gear commands (issue 18): samples, MIDI in/out, mappings, Ableton Link."""
from __future__ import annotations

from dataclasses import dataclass

from .intents import Word, Words


@dataclass(frozen=True)
class AddSample:
    """'add a sample kick.wav [called kick]': a new sampler playing that file."""

    type_name: Words
    path: str
    name: Word | None
    column: int


@dataclass(frozen=True)
class LoadSample:
    """'load the break amen.wav into the sampler': a file into a sampler (made if there is none)."""

    name: Word | None
    path: str
    target: Words | None
    column: int


@dataclass(frozen=True)
class Chop:
    """'chop the break into 16', 'chop the break at onsets'."""

    target: Words
    slices: Word | None
    onsets: bool


@dataclass(frozen=True)
class PlaySlices:
    """'play slices 1 3 2 4 on the break' (0 = a rest)."""

    slices: tuple[int, ...]
    target: Words | None
    column: int


@dataclass(frozen=True)
class UseSample:
    """'use 909kick.wav for the kick': that track plays the file instead of the synthesized drum."""

    path: str
    target: Words
    column: int


@dataclass(frozen=True)
class MidiPlays:
    """'midi plays the bass': incoming notes play that voice."""

    target: Words


@dataclass(frozen=True)
class MapControl:
    """'map cc 74 to cutoff', 'map knob 1 to the bass resonance', 'learn cutoff' (number None)."""

    kind: str                       # "cc" | "knob" | "learn"
    number: int | None
    target: Words


@dataclass(frozen=True)
class MidiOut:
    """'send the bass notes to midi out synth' (port None: 'to midi out off')."""

    target: Words
    port: str | None
