"""Band-limited oscillators (polyBLEP) and noise."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .base import Module

_PITCH = (
    number("freq", "Hz", 220, 20, 20000, "pitch of the oscillator", ("frequency", "pitch")),
    number("detune", "cents", 0, -1200, 1200, "offset from freq in cents", ("tune",)),
    number("gain", "ratio", 0.5, 0, 1, "output level", ("level", "volume", "amp")),
)


class Sine(Module):
    spec = ModuleSpec("sine", "source", _PITCH, "pure sine oscillator", ("sin", "sine wave"))


class Saw(Module):
    spec = ModuleSpec("saw", "source", _PITCH, "band-limited sawtooth oscillator", ("sawtooth", "saw wave"))


class Square(Module):
    spec = ModuleSpec(
        "square", "source",
        _PITCH + (number("width", "ratio", 0.5, 0.05, 0.95, "pulse width", ("pulse_width", "pw")),),
        "band-limited square/pulse oscillator", ("pulse", "square wave"),
    )


class Triangle(Module):
    spec = ModuleSpec("triangle", "source", _PITCH, "band-limited triangle oscillator", ("tri", "triangle wave"))


class Noise(Module):
    spec = ModuleSpec(
        "noise", "source",
        (
            choice("color", ("white", "pink", "brown"), "white", "spectral colour", ("colour", "type")),
            number("gain", "ratio", 0.3, 0, 1, "output level", ("level", "volume", "amp")),
        ),
        "white, pink or brown noise", ("noise generator",),
    )
