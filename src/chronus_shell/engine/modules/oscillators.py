"""Band-limited oscillators (polyBLEP) and noise."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .base import Banked, Module, hand_back, kernels, seeded_generator, stacked

_PITCH = (
    number("freq", "Hz", 220, 20, 20000, "pitch of the oscillator", ("frequency", "pitch")),
    number("detune", "cents", 0, -1200, 1200, "offset from freq in cents", ("tune",)),
    number("gain", "ratio", 0.5, 0, 1, "output level", ("level", "volume", "amp")),
)


class Oscillator(Banked):
    """A pitched source: a gate's note sets `freq` at once, heard from the note's own sample."""

    SHAPE = 0

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(3)
        self.ring = np.zeros(kernels.RING)
        self.history = np.zeros((3, kernels.BLEP_HALF))
        self.retune = False

    def note_on(self, freq: float | None, accent: float) -> None:
        if freq is not None:
            self.set("freq", freq)
            self.snap("freq")
            self.retune = True        # the samples generated ahead are generated again at this pitch

    @classmethod
    def process_bank(cls, bank, audio_in, params):
        inc = params["freq"] * np.exp2(params["detune"] / 1200.0) / bank[0].sample_rate
        np.minimum(inc, 0.49, out=inc)
        width = params.get("width")
        if width is None:
            width = np.full(inc.shape, 0.5)
        states, rings, histories = stacked(bank, "state"), stacked(bank, "ring"), stacked(bank, "history")
        for voice, module in enumerate(bank):
            if module.retune:
                kernels.oscillator_retune(cls.SHAPE, states[voice], rings[voice], histories[voice], inc[voice, 0],
                                          kernels.STEP_TABLE, kernels.RAMP_TABLE)
                module.retune = False
        out = np.empty(inc.shape)
        kernels.oscillator_bank(cls.SHAPE, states, rings, histories, inc, width, out, kernels.STEP_TABLE,
                                kernels.RAMP_TABLE)
        for name, rows in (("state", states), ("ring", rings), ("history", histories)):
            hand_back(bank, name, rows)
        return out * params["gain"]


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


class Triangle(Oscillator):
    spec = ModuleSpec("triangle", "source", _PITCH, "band-limited triangle oscillator", ("tri", "triangle wave"))
    SHAPE = 2


class Noise(Module):
    spec = ModuleSpec(
        "noise", "source",
        (
            choice("color", ("white", "pink", "brown"), "white", "spectral colour", ("colour", "type")),
            number("gain", "ratio", 0.3, 0, 1, "output level", ("level", "volume", "amp")),
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
