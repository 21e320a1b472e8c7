"""Time-based effects, stereo: a delay (straight or ping-pong) and Jezar's stereo Freeverb."""
from __future__ import annotations

import numpy as np

from .. import lazy_module
from ..params import ModuleSpec, choice, number
from ..stereo import as_pair
from .base import Module

stereo_kernels = lazy_module("chronus_shell.engine.stereo_kernels")

MAX_DELAY_S = 2.0
COMB_TUNING = (1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617)  # Freeverb's, at 44.1 kHz
ALLPASS_TUNING = (556, 441, 341, 225)
STEREO_SPREAD = 23   # the right tank set's lines are this much longer (Freeverb's stereospread, 44.1 kHz)
_WIDTH = number("width", "ratio", 1, 0, 2, "stereo width of the wet signal: 0 mono, 1 as it comes, 2 wider",
                ("stereo_width", "spread"))


class Delay(Module):
    CHANNELS = 2
    spec = ModuleSpec(
        "delay", "processor",
        (
            number("time", "s", 0.25, 0.001, 2, "delay time", ("delay_time", "length")),
            number("feedback", "ratio", 0.4, 0, 0.95, "amount fed back", ("fb", "repeats", "regen")),
            number("mix", "ratio", 0.3, 0, 1, "wet/dry balance", ("wet", "dry_wet")),
            choice("mode", ("straight", "pingpong"), "straight",
                   "straight: each side echoes itself; pingpong: echoes alternate left and right",
                   ("style", "type")),
            _WIDTH,
        ),
        "stereo feedback delay line (straight or ping-pong)", ("echo", "delay line"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.buffers = np.zeros((2, int(MAX_DELAY_S * sample_rate) + 2))
        self.state = np.zeros(1)

    def process(self, audio_in, params):
        audio_in = as_pair(audio_in)
        out = np.empty((2, audio_in.shape[-1]))
        if self.__dict__.get("_samples_of") is not params:   # a still delay gets the same params dict every block
            self._samples, self._samples_of = params["time"] * self.sample_rate, params
        stereo_kernels.delay_stereo(audio_in, self._samples, params["feedback"], params["mix"],
                                    params["width"], params["mode"] == "pingpong", self.buffers, self.state, out)
        return out


class Reverb(Module):
    CHANNELS = 2
    spec = ModuleSpec(
        "reverb", "processor",
        (
            number("mix", "ratio", 0.25, 0, 1, "wet/dry balance", ("wet", "dry_wet")),
            number("room", "ratio", 0.6, 0, 1, "room size", ("size", "room_size")),
            number("damp", "ratio", 0.5, 0, 1, "high-frequency damping", ("damping",)),
            _WIDTH,
        ),
        "stereo Freeverb (two decorrelated tank sets)", ("verb", "reverberation", "hall", "room"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        scale = sample_rate / 44100.0
        self.comb_lengths = np.array([[round((t + spread) * scale) for t in COMB_TUNING]
                                      for spread in (0, STEREO_SPREAD)], dtype=np.int64)
        self.allpass_lengths = np.array([[round((t + spread) * scale) for t in ALLPASS_TUNING]
                                         for spread in (0, STEREO_SPREAD)], dtype=np.int64)
        self.combs = np.zeros((2, len(COMB_TUNING), int(self.comb_lengths.max())))
        self.allpasses = np.zeros((2, len(ALLPASS_TUNING), int(self.allpass_lengths.max())))
        self.comb_state = np.zeros((2, len(COMB_TUNING)))
        self.positions = np.zeros((2, len(COMB_TUNING) + len(ALLPASS_TUNING)))

    def process(self, audio_in, params):
        audio_in = as_pair(audio_in)
        out = np.empty((2, audio_in.shape[-1]))
        stereo_kernels.freeverb_stereo(audio_in, params["room"], params["damp"], params["mix"], params["width"],
                                       self.combs, self.comb_lengths, self.comb_state, self.allpasses,
                                       self.allpass_lengths, self.positions, out)
        return out
