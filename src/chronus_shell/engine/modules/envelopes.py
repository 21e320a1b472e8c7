"""ADSR amplifier and the LFO (a modulator)."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .base import Module


class ADSR(Module):
    spec = ModuleSpec(
        "adsr", "processor",
        (
            number("attack", "ms", 10, 0.1, 10000, "time to full level", ("att", "a")),
            number("decay", "ms", 100, 0.1, 10000, "time to sustain level", ("dec", "d")),
            number("sustain", "ratio", 0.7, 0, 1, "level while the gate is held", ("sus", "s")),
            number("release", "ms", 200, 0.1, 10000, "time to silence after the gate closes", ("rel", "r")),
        ),
        "envelope amplifier shaped by the gate", ("envelope", "env", "amp envelope", "vca"),
    )


class LFO(Module):
    spec = ModuleSpec(
        "lfo", "modulator",
        (
            number("rate", "Hz", 1, 0.01, 50, "speed of the wave", ("speed", "freq", "frequency")),
            number("depth", "ratio", 0.5, 0, 1, "amount of modulation", ("amount", "amt")),
            choice("shape", ("sine", "triangle", "saw", "square", "random"), "sine", "waveform", ("wave", "waveform")),
            number("offset", "ratio", 0, -1, 1, "centre of the modulation", ("bias",)),
        ),
        "low-frequency oscillator for modulation edges", ("modulator", "wobble"),
    )
