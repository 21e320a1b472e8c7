"""Band-limited oscillators (polyBLEP) and noise."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .. import voice_layout as ck
from .base import PAN, Banked, Module, kernels, seeded_generator

_PITCH = (
    number("freq", "Hz", 220, 20, 20000, "pitch of the oscillator", ("frequency", "pitch", "fundamental")),
    number("detune", "cents", 0, -1200, 1200, "offset from freq in cents", ("tune",)),
    number("gain", "ratio", 0.5, 0, 1, "output level", ("level", "volume", "amp")),
    PAN,
)


class Oscillator(Banked):
    """A pitched source: a gate's note sets `freq` at once, heard from the note's own sample."""

    SHAPE = 0
    COLUMNS = {"freq": ck.FREQ, "detune": ck.DETUNE, "gain": ck.GAIN}
    STATE = (("state", ck.OSC_STATE), ("gate", ck.GATE_STATE))

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(4)  # phase, clock, started, retune
        self.gate = np.zeros(2)   # a poly note's row gate: level, target (engine/poly.py; unused when mono)
        self.ring = np.zeros(kernels.RING)
        self.history = np.zeros((3, kernels.BLEP_HALF))

    def note_on(self, freq: float | None, accent: float) -> None:
        if freq is not None:
            self.set("freq", freq)
            self.snap("freq")
            self.state[3] = 1.0       # the samples generated ahead are generated again at this pitch

    def bind(self, bank, row: int) -> None:
        super().bind(bank, row)
        bank.kinds[ck.SHAPE, row] = self.SHAPE
        for attr, table in (("ring", bank.rings), ("history", bank.histories)):
            table[row] = getattr(self, attr)
            setattr(self, attr, table[row])


class Sine(Oscillator):
    spec = ModuleSpec("sine", "source", _PITCH, "pure sine oscillator", ("sin", "sine wave"))
    SHAPE = 3


class Saw(Oscillator):
    spec = ModuleSpec("saw", "source", _PITCH, "band-limited sawtooth oscillator", ("sawtooth", "saw wave"))
    SHAPE = 0


class Square(Oscillator):
    SHAPE = 1
    spec = ModuleSpec(
        "square", "source",
        _PITCH + (number("width", "ratio", 0.5, 0.05, 0.95, "pulse width", ("pulse_width", "pw")),),
        "band-limited square/pulse oscillator", ("pulse", "square wave"),
    )
    COLUMNS = {**Oscillator.COLUMNS, "width": ck.WIDTH}


class Triangle(Oscillator):
    spec = ModuleSpec("triangle", "source", _PITCH, "band-limited triangle oscillator", ("tri", "triangle wave"))
    SHAPE = 2


class Noise(Module):
    spec = ModuleSpec(
        "noise", "source",
        (
            choice("color", ("white", "pink", "brown"), "white", "spectral colour", ("colour", "type")),
            number("gain", "ratio", 0.3, 0, 1, "output level", ("level", "volume", "amp")),
            PAN,
        ),
        "white, pink or brown noise", ("noise generator",),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.rng = seeded_generator(self.spec.type)
        self.state = np.zeros(3)

    def process(self, audio_in, params):
        n = len(audio_in)
        white = self.rng.uniform(-1.0, 1.0, n)
        out = white
        if params["color"] == "pink":
            out = np.empty(n)
            kernels.one_pole_pink(white, self.state, out)
        elif params["color"] == "brown":
            out = np.empty(n)
            kernels.leaky_integrator(white, self.state, out)
        return out * params["gain"]
