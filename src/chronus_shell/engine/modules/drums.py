"""Synthesized drums: kick, snare, hat. Each hit is a gate (note_on)."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, number
from .base import Module

_GAIN = number("gain", "ratio", 0.8, 0, 1, "output level", ("level", "volume", "amp"))


class Kick(Module):
    spec = ModuleSpec(
        "kick", "drum",
        (
            number("freq", "Hz", 50, 20, 200, "body pitch", ("pitch", "tune", "frequency")),
            number("decay", "ms", 300, 10, 2000, "length of the body", ("length",)),
            number("punch", "ratio", 0.5, 0, 1, "pitch sweep and click at the attack", ("click",)),
            _GAIN,
        ),
        "synthesized kick drum", ("bass drum", "bd", "kickdrum"),
    )


class Snare(Module):
    spec = ModuleSpec(
        "snare", "drum",
        (
            number("tone", "Hz", 180, 80, 1000, "body pitch", ("pitch", "tune", "freq")),
            number("snap", "ratio", 0.5, 0, 1, "amount of noise (the wires)", ("noise", "snappy")),
            number("decay", "ms", 150, 10, 2000, "length", ("length",)),
            _GAIN,
        ),
        "synthesized snare drum", ("sd", "snaredrum", "clap"),
    )


class Hat(Module):
    spec = ModuleSpec(
        "hat", "drum",
        (
            number("decay", "ms", 50, 5, 2000, "length (short = closed, long = open)", ("length",)),
            number("tone", "Hz", 8000, 2000, 16000, "brightness", ("pitch", "brightness", "freq")),
            _GAIN,
        ),
        "synthesized hi-hat", ("hihat", "hi-hat", "hh", "hats", "cymbal"),
    )
