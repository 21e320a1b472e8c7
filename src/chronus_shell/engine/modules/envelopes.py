"""ADSR amplifier and the LFO (a modulator)."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, choice, number
from .. import voice_layout as ck
from .base import Banked, InBank, clipped, kernels, seeded_generator


class ADSR(Banked):
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

    COLUMNS = {"attack": ck.ATTACK, "decay": ck.DECAY, "sustain": ck.SUSTAIN, "release": ck.RELEASE}
    STATE = (("state", ck.ADSR_STATE),)

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(4)  # stage, level, position in stage, level at stage start

    def note_on(self, freq: float | None, accent: float) -> None:
        self.state[:] = (ck.ATTACK_STAGE, self.state[1], 0, self.state[1])

    def note_off(self) -> None:
        if self.state[0] not in (ck.IDLE, ck.RELEASE_STAGE):      # a second note-off (a stop) changes nothing
            self.state[:] = (ck.RELEASE_STAGE, self.state[1], 0, self.state[1])

    def bind(self, bank, row: int) -> None:
        super().bind(bank, row)
        bank.kinds[ck.HAS_ADSR, row] = 1


class LFO(InBank):
    """While it modulates fused voices it renders in their bank (engine/voice_modulation.py)."""

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

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.phase = 0.0
        self.held = 0.0  # the random shape's current value
        self.rng = seeded_generator(self.spec.type)

    def __getstate__(self) -> dict:
        return {**super().__getstate__(), "bank": None}

    def params(self, n, modulation):
        if self.bank is not None and self.bank.owns(self):     # the bank's plan is gone: render alone again
            self.bank = None
        return super().params(n, modulation)

    def bind(self, bank, row: int) -> None:
        """Render as LFO `row` of `bank`, which reads its params, shape and phase while it is marked dirty."""
        self.bank, self.row = bank, row

    def process(self, audio_in, params):
        shape = params["shape"]
        if shape != "random":
            out = np.empty(len(audio_in))
            self.phase = kernels.lfo(kernels.LFO_SHAPES.index(shape), self.phase, params["rate"], params["depth"],
                                     params["offset"], float(self.sample_rate), out)
            return out
        cycles = self.phase + np.cumsum(params["rate"] / self.sample_rate)
        wraps = np.floor(cycles).astype(np.int64) - int(np.floor(self.phase))
        fresh = self.rng.uniform(-1.0, 1.0, int(wraps[-1]))
        values = np.concatenate(([self.held], fresh))
        self.held = float(values[-1])
        self.phase = float(cycles[-1] - np.floor(cycles[-1]))
        return clipped(params["offset"] + params["depth"] * values[wraps], -1.0, 1.0)
