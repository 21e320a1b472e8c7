"""Distortion and the master bus (gain + limiter)."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .base import Module, kernels

CEILING = 10 ** (-0.3 / 20)  # limiter ceiling, −0.3 dBFS
KNEE = 10 ** (-1.3 / 20)  # the limiter's soft knee starts 1 dB under the ceiling
# time constants (ms) of the limiter's envelopes: fast attack, fast release, slow attack, slow release
LIMITER_TIMES_MS = (0.3, 50.0, 10.0, 1000.0)


class Distortion(Module):
    spec = ModuleSpec(
        "distortion", "processor",
        (
            number("drive", "ratio", 1, 1, 50, "input gain into the shaper", ("gain_in", "amount", "overdrive")),
            number("mix", "ratio", 1, 0, 1, "wet/dry balance", ("wet", "dry_wet")),
            choice("mode", ("tanh", "hard", "foldback", "bitcrush"), "tanh", "shaping curve", ("type", "shape")),
            number("tone", "Hz", 5000, 200, 20000, "low-pass after the shaper", ("tone_cutoff",)),
        ),
        "waveshaping distortion", ("dist", "drive", "overdrive", "fuzz", "distort", "bitcrusher", "crusher"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(3)   # the tone low-pass, the DC blocker's last input and output

    def process(self, audio_in, params):
        out = np.empty(len(audio_in))
        mode = self.spec.param("mode").choices.index(params["mode"])
        kernels.distortion(audio_in, params["drive"], params["mix"], mode, params["tone"],
                           self.state, float(self.sample_rate), out)
        return out


class Master(Module):
    spec = ModuleSpec(
        "master", "master",
        (
            number("gain", "dB", 0, -60, 6, "master level", ("volume", "level", "vol")),
            choice("limiter", ("on", "off"), "on", "zero-latency limiter: soft knee, never above −0.3 dBFS"),
        ),
        "the output bus: gain and limiter (always present)", ("output", "main", "out"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(2)
        self.coefs = np.exp(-1.0 / (np.array(LIMITER_TIMES_MS) * 1e-3 * sample_rate))

    CHANNELS = 2

    def process(self, audio_in, params):
        out = np.empty((audio_in.shape[-1], 2))
        self.mix_down(audio_in, out, {}, params["gain"])
        return out.T.copy()

    def mix_down(self, audio_in: np.ndarray, out: np.ndarray, modulation: dict, gain=None) -> None:
        """The engine's last step: the bus — (2, n) stereo, or (n,) mono for both channels — into
        `out` (the (n, 2) float32 block), never above 0 dBFS."""
        n = audio_in.shape[-1]
        if gain is None:
            gain = self.params(n, modulation)["gain"] if modulation else self.param_block("gain", n)
        left, right = (audio_in, audio_in) if audio_in.ndim == 1 else (audio_in[0], audio_in[1])
        kernels.master_out(left, right, gain, self.targets["limiter"] == "on", CEILING, KNEE, self.coefs,
                           self.state, out)
