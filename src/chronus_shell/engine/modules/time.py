"""Time-based effects: delay and a Freeverb-style reverb."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, number
from .base import Module, kernels

MAX_DELAY_S = 2.0
COMB_TUNING = (1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617)  # Freeverb's, at 44.1 kHz
ALLPASS_TUNING = (556, 441, 341, 225)


class Delay(Module):
    spec = ModuleSpec(
        "delay", "processor",
        (
            number("time", "s", 0.25, 0.001, 2, "delay time", ("delay_time", "length")),
            number("feedback", "ratio", 0.4, 0, 0.95, "amount fed back", ("fb", "repeats", "regen")),
            number("mix", "ratio", 0.3, 0, 1, "wet/dry balance", ("wet", "dry_wet")),
        ),
        "feedback delay line", ("echo", "delay line"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.buffer = np.zeros(int(MAX_DELAY_S * sample_rate) + 2)
        self.state = np.zeros(1)

    def process(self, audio_in, params):
        out = np.empty(len(audio_in))
        kernels.delay_line(audio_in, params["time"] * self.sample_rate, params["feedback"], params["mix"],
                           self.buffer, self.state, out)
        return out


class Reverb(Module):
    spec = ModuleSpec(
        "reverb", "processor",
        (
            number("mix", "ratio", 0.25, 0, 1, "wet/dry balance", ("wet", "dry_wet")),
            number("room", "ratio", 0.6, 0, 1, "room size", ("size", "room_size")),
            number("damp", "ratio", 0.5, 0, 1, "high-frequency damping", ("damping",)),
        ),
        "Freeverb-style reverb", ("verb", "reverberation", "hall", "room"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        scale = sample_rate / 44100.0
        self.comb_lengths = np.array([round(t * scale) for t in COMB_TUNING], dtype=np.int64)
        self.allpass_lengths = np.array([round(t * scale) for t in ALLPASS_TUNING], dtype=np.int64)
        self.combs = np.zeros((len(COMB_TUNING), int(self.comb_lengths.max())))
        self.allpasses = np.zeros((len(ALLPASS_TUNING), int(self.allpass_lengths.max())))
        self.comb_state = np.zeros(len(COMB_TUNING))
        self.positions = np.zeros(len(COMB_TUNING) + len(ALLPASS_TUNING))

    def process(self, audio_in, params):
        out = np.empty(len(audio_in))
        kernels.freeverb(audio_in, params["room"], params["damp"], params["mix"], self.combs, self.comb_lengths,
                         self.comb_state, self.allpasses, self.allpass_lengths, self.positions, out)
        return out
