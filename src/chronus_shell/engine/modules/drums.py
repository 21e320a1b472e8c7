"""Synthesized drums: kick, snare, hat. Each hit is a gate (note_on)."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, number
from .base import PAN, Module, kernels, seeded_generator
_GAIN = number("gain", "ratio", 0.8, 0, 1, "output level", ("level", "volume", "amp"))
ACCENT_BOOST = 0.4
NO_WIRES = np.zeros(0)


class Drum(Module):
    """A one-shot voice: each gate restarts it (accent adds level); silent blocks cost nothing.
    The engine renders the built-in drums of a patch together (engine/drum_bank.py) with the same
    kernel; `process` renders one alone."""

    TABLE: tuple[str, ...] = ()   # the params the kernel reads, in its rows (all but pan)
    GAIN_ROW = 0
    NOISY = False                 # whether it draws noise (from its own generator, only while sounding)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "spec" not in cls.__dict__:
            return
        cls.TABLE = tuple(spec.name for spec in cls.spec.params if spec is not PAN)
        cls.GAIN_ROW = cls.TABLE.index("gain")

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.age = -1  # samples since the hit, -1 before the first one
        self.level = 1.0
        self.phase = 0.0
        self.rng = seeded_generator(self.spec.type)
        self.filter_state = np.zeros(2)

    def note_on(self, freq: float | None, accent: float) -> None:
        self.age = 0
        self.level = 1.0 + ACCENT_BOOST * accent
        self.phase = 0.0

    def rests(self) -> bool:
        if self.age >= 0 and self.age <= 4 * self.current["decay"] * 1e-3 * self.sample_rate:
            return False
        if not self.current.items() <= self.targets.items():
            for name in self.current:
                self.snap(name)
        return True

    def process(self, audio_in, params):
        n = len(audio_in)
        if self.age < 0 or self.age > 4 * float(params["decay"][0]) * 1e-3 * self.sample_rate:
            return np.zeros(n)
        if self.__dict__.get("_table_of") is not params:   # a still drum gets the same params dict every block
            self._table = np.array([params[name] for name in self.TABLE])
            self._table_of = params
        noise = np.empty(n) if self.NOISY else NO_WIRES
        if self.NOISY:
            self.rng.random(out=noise)
        cutoff = self.cutoff(params)
        out = np.empty(n)
        self.phase = kernels.drum_block(self.KIND, self.age, self.phase, self._table, noise, cutoff, self.filter_state,
                                        self.level, params["gain"], float(self.sample_rate), out)
        self.age += n
        return out

    def cutoff(self, params) -> float:
        """The cutoff the noise (NOISY: uniform draws in [0, 1), made white by the kernel) is
        high-passed at: the snare's wires, the hat's metal; the kick has none."""
        return 0.0


class Kick(Drum):
    spec = ModuleSpec(
        "kick", "drum",
        (
            number("freq", "Hz", 50, 20, 200, "body pitch", ("pitch", "tune", "frequency", "fundamental")),
            number("decay", "ms", 300, 10, 2000, "length of the body", ("length",)),
            number("punch", "ratio", 0.5, 0, 1, "pitch sweep and click at the attack", ("click",)),
            _GAIN,
            PAN,
        ),
        "synthesized kick drum", ("bass drum", "bd", "kickdrum", "bassdrum"),
    )

    KIND = 0   # a swept sine body and the beater's click (kernels.drum)


class Snare(Drum):
    spec = ModuleSpec(
        "snare", "drum",
        (
            number("tone", "Hz", 180, 80, 1000, "body pitch", ("pitch", "tune", "freq")),
            number("snap", "ratio", 0.5, 0, 1, "amount of noise (the wires)", ("noise", "snappy")),
            number("decay", "ms", 150, 10, 2000, "length", ("length",)),
            _GAIN,
            PAN,
        ),
        "synthesized snare drum", ("sd", "snaredrum", "clap"),
    )

    KIND = 1   # a pitched body and noise wires
    NOISY = True

    def cutoff(self, params):
        return 1800.0


class Hat(Drum):
    spec = ModuleSpec(
        "hat", "drum",
        (
            number("decay", "ms", 50, 5, 2000, "length (short = closed, long = open)", ("length",)),
            number("tone", "Hz", 8000, 2000, 16000, "brightness", ("pitch", "brightness", "freq")),
            _GAIN,
            PAN,
        ),
        "synthesized hi-hat", ("hihat", "hi-hat", "hh", "hats", "cymbal"),
    )

    KIND = 2   # high-passed noise
    NOISY = True

    def cutoff(self, params):
        return float(params["tone"][0])
