"""The acid filter (4-pole ladder with per-note envelope) and a multimode state-variable filter:
both voice modules (they render in the voice bank, fused with their chain)."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .. import voice_layout as ck
from .base import Banked


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

    COLUMNS = {"cutoff": ck.CUTOFF, "resonance": ck.RESONANCE, "env_amount": ck.ENV_AMOUNT, "accent": ck.ACCENT,
               "decay": ck.ENV_DECAY, "drive": ck.DRIVE}
    STATE = (("state", ck.LADDER_STATE), ("note", ck.NOTE_STATE))

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(4)
        self.note = np.zeros(2)  # the per-note envelope level (0 when no note has played) and its accent

    def note_on(self, freq: float | None, accent: float) -> None:
        accent *= float(self.targets["accent"])
        self.note[:] = (1.0 + accent, accent)

    def bind(self, bank, row: int) -> None:
        super().bind(bank, row)
        bank.kinds[ck.HAS_LADDER, row] = 1


class Filter(Banked):
    spec = ModuleSpec(
        "filter", "processor",
        (
            choice("mode", ("lowpass", "highpass", "bandpass"), "lowpass", "filter response", ("type",)),
            number("cutoff", "Hz", 1000, 20, 20000, "corner frequency", ("cut", "freq", "frequency")),
            number("q", "ratio", 0.707, 0.1, 20, "resonance (0.707 = flat)", ("resonance", "res")),
        ),
        "12 dB/oct multimode filter (low/high/band-pass)", ("lowpass", "highpass", "bandpass", "lpf", "hpf", "bpf", "svf"),
    )

    COLUMNS = {"cutoff": ck.SVF_CUTOFF, "q": ck.SVF_Q}
    STATE = (("state", ck.SVF_STATE),)
    KINDS = {"mode": ck.SVF_MODE}          # the kernel's mode numbers are the choices' indices

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(6)   # the two integrators, what it crossfades from (3 weights), the samples to go

    def set(self, name, value):
        """A mode switched while the filter holds a signal crossfades from what it played (the kernels'
        MODE_FADE_MS) — from the blend itself when a fade was still going: never a click."""
        if name == "mode" and value != self.targets["mode"] and (self.state[0] or self.state[1]):
            was = np.zeros(3)
            was[self.spec.param("mode").choices.index(self.targets["mode"])] = 1.0
            total = ck.mode_fade_samples(float(self.sample_rate))
            left = self.state[ck.SVF_LEFT]
            if left > 0.0:
                share = left / total
                was = share * self.state[ck.SVF_WAS:ck.SVF_WAS + 3] + (1.0 - share) * was
            self.state[ck.SVF_WAS:ck.SVF_WAS + 3] = was
            self.state[ck.SVF_LEFT] = total
        super().set(name, value)
