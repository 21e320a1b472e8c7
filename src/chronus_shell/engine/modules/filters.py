"""The acid filter (4-pole ladder with per-note envelope) and a multimode biquad filter."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .base import Banked, Module, hand_back, kernels, stacked

ENV_OCTAVES = 4.0  # a full per-note envelope opens the cutoff by up to four octaves
ACCENT_LEVEL = 0.5  # an accented note at accent 1 is this much louder


class AcidFilter(Banked):
    spec = ModuleSpec(
        "acid_filter", "processor",
        (
            number("cutoff", "Hz", 500, 20, 20000, "ladder cutoff frequency", ("cut", "freq", "frequency")),
            number("resonance", "ratio", 0.5, 0, 0.95, "feedback; near 0.95 it sings", ("res", "reso", "q", "emphasis")),
            number("env_amount", "ratio", 0.5, 0, 1, "how far each note's envelope opens the cutoff", ("env", "envelope", "env_mod", "envmod")),
            number("accent", "ratio", 0, 0, 1, "extra level and envelope on accented notes"),
            number("decay", "ms", 200, 10, 2000, "length of the per-note envelope", ("env_decay",)),
            number("drive", "ratio", 1, 1, 5, "input saturation before the ladder", ("overdrive", "saturation")),
        ),
        "303-style 4-pole resonant ladder low-pass with per-note envelope", ("acid", "303", "ladder", "acid filter", "tb303"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(4)
        self.env = 0.0  # per-note envelope level, 0 when no note has played
        self.note_accent = 0.0

    def note_on(self, freq: float | None, accent: float) -> None:
        self.note_accent = accent * float(self.targets["accent"])
        self.env = 1.0 + self.note_accent

    @classmethod
    def process_bank(cls, bank, audio_in, params):
        sample_rate = bank[0].sample_rate
        sounding = [m.env > 1e-6 for m in bank]  # the per-note envelope is still open
        opening, env = np.ones(audio_in.shape), None
        if any(sounding):
            levels = np.array([m.env if on else 0.0 for m, on in zip(bank, sounding)])
            per_sample = np.exp(-1.0 / (params["decay"] * 1e-3 * sample_rate))
            env = levels[:, None] * np.cumprod(per_sample, axis=1)
            opening = np.exp2(ENV_OCTAVES * params["env_amount"] * env)
            for module, on, end in zip(bank, sounding, env[:, -1]):
                if on:
                    module.env = float(end)
        states = stacked(bank, "state")
        out = np.empty(audio_in.shape)
        kernels.ladder_bank(audio_in, params["cutoff"], params["resonance"], params["drive"], opening,
                            states, float(sample_rate), out)
        hand_back(bank, "state", states)
        accents = [m.note_accent if on else 0.0 for m, on in zip(bank, sounding)]
        if env is not None and any(accents):
            out *= 1.0 + ACCENT_LEVEL * np.array(accents)[:, None] * np.minimum(env, 1.0)
        return out


class Filter(Module):
    spec = ModuleSpec(
        "filter", "processor",
        (
            choice("mode", ("lowpass", "highpass", "bandpass"), "lowpass", "filter response", ("type",)),
            number("cutoff", "Hz", 1000, 20, 20000, "corner frequency", ("cut", "freq", "frequency")),
            number("q", "ratio", 0.707, 0.1, 20, "resonance (0.707 = flat)", ("resonance", "res")),
        ),
        "12 dB/oct multimode filter (low/high/band-pass)", ("lowpass", "highpass", "bandpass", "lpf", "hpf", "bpf", "svf"),
    )

    MODES = {"lowpass": 0, "highpass": 1, "bandpass": 2}

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(2)

    def process(self, audio_in, params):
        out = np.empty(len(audio_in))
        kernels.svf(audio_in, params["cutoff"], params["q"], self.MODES[params["mode"]], self.state,
                    float(self.sample_rate), out)
        return out
