"""The acid filter (4-pole ladder with per-note envelope) and a multimode biquad filter."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .base import Module


class AcidFilter(Module):
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
