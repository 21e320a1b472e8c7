"""bitwarp — a lo-fi processor: sample-rate reduction, bit crushing and a sine wavefolder.

Copy this file into your modules folder (`chronus` prints where it is; by default
~/.local/share/chronus-shell/modules/) and it is ready a moment later:

    add a saw
    add bitwarp          (or: add a lofi)
    bits 5, rate 4 khz, fold 40%
    warp 30%             (an alias of fold)
    edge hard            (an enum param: smooth or hard)

Pure numpy, no per-sample Python loop: the sample-and-hold is vectorised with a running maximum,
so a block costs a handful of array operations (≈0.05 ms for 256 samples).
"""
import numpy as np

from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, choice, number


class Bitwarp(Module):
    spec = ModuleSpec(
        "bitwarp", "processor",
        (
            number("bits", "bits", 8, 1, 16, "bit depth of the crusher (16 = clean)", ("depth", "crush")),
            number("rate", "Hz", 48000, 200, 48000, "sample-and-hold rate (lower = grittier)",
                   ("downsample", "srate")),
            number("fold", "ratio", 0, 0, 1, "sine wavefolder drive", ("warp", "folding")),
            number("mix", "ratio", 1, 0, 1, "dry/wet balance", ("wet", "blend")),
            choice("edge", ("smooth", "hard"), "smooth", "wavefolder curve: sine (smooth) or triangle (hard)"),
        ),
        "lo-fi: sample-rate reduction, bit crushing and wavefolding", ("lofi", "bitcrush", "bit_warp"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)  # always first: it sets up the param targets and smoothing
        # State that must survive from one block to the next: plain floats and numpy arrays only
        # (the slots pickle and deep-copy modules).
        self.phase = 0.0  # sample-and-hold clock, in held samples
        self.held = 0.0   # the value held at the end of the previous block

    def process(self, audio_in, params):
        n = len(audio_in)
        # -- sample and hold at `rate`: a new sample is taken each time the clock passes an integer
        clock = self.phase + np.cumsum(params["rate"] / self.sample_rate)
        ticks = np.floor(clock)
        previous = np.empty(n)
        previous[0] = np.floor(self.phase)
        previous[1:] = ticks[:-1]
        take = np.where(ticks > previous, np.arange(n), -1)
        last_taken = np.maximum.accumulate(take)       # index of the latest sample taken, or -1
        held = np.where(last_taken >= 0, audio_in[np.maximum(last_taken, 0)], self.held)
        self.held = float(held[-1])
        self.phase = float(clock[-1] - ticks[-1])        # keep only the fraction: no growth

        wet = self._fold(self._crush(held, params["bits"]), params["fold"], params["edge"])
        mix = params["mix"]
        return (1.0 - mix) * audio_in + mix * wet         # a new float64 array of n samples

    @staticmethod
    def _crush(x, bits):
        steps = np.exp2(bits - 1.0)                       # per-sample: bits may be modulated
        return np.round(np.clip(x, -1.0, 1.0) * steps) / steps

    @staticmethod
    def _fold(x, fold, edge):
        drive = 1.0 + 7.0 * fold
        if edge == "smooth":                              # an enum param arrives as its string
            folded = np.sin(0.5 * np.pi * drive * x)
        else:                                             # triangle fold: 4|t - round(t)| - 1
            t = 0.25 * drive * x + 0.25
            folded = 4.0 * np.abs(t - np.round(t)) - 1.0
        return np.where(fold > 0.0, folded, x)            # fold 0 = bypass, bit-exact
