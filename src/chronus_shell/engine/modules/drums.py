"""Synthesized drums: kick, snare, hat. Each hit is a gate (note_on)."""
from __future__ import annotations

import numpy as np

from ..params import ModuleSpec, number
from .base import Module, seeded_generator, kernels

_GAIN = number("gain", "ratio", 0.8, 0, 1, "output level", ("level", "volume", "amp"))
SIXTY_DB = np.log(1000.0)  # `decay` is the time to fall by 60 dB
ACCENT_BOOST = 0.4


class Drum(Module):
    """A one-shot voice: each gate restarts it (accent adds level); silent blocks cost nothing."""

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

    def decay_curve(self, decay_ms: np.ndarray, t: np.ndarray) -> np.ndarray:
        return np.exp(-SIXTY_DB * t / (decay_ms * 1e-3))

    def rests(self) -> bool:
        if self.age >= 0 and self.age <= 4 * self.current["decay"] * 1e-3 * self.sample_rate:
            return False
        for name in self.current:
            self.snap(name)
        return True

    def process(self, audio_in, params):
        n = len(audio_in)
        if self.age < 0 or self.age > 4 * params["decay"][0] * 1e-3 * self.sample_rate:
            return np.zeros(n)
        t = (self.age + np.arange(n)) / self.sample_rate
        self.age += n
        return self.level * params["gain"] * self.voice(t, params)

    def sine_at(self, freq: np.ndarray) -> np.ndarray:
        """A sine following a per-sample frequency, phase continuous across blocks."""
        cycles = self.phase + np.cumsum(freq) / self.sample_rate
        self.phase = float(cycles[-1] % 1.0)
        return np.sin(2.0 * np.pi * (cycles - freq / self.sample_rate))

    def filtered_noise(self, cutoff: float, mode: int, n: int) -> np.ndarray:
        out = np.empty(n)
        kernels.svf(self.rng.uniform(-1.0, 1.0, n), np.full(n, cutoff), np.full(n, 0.9), mode,
                    self.filter_state, float(self.sample_rate), out)
        return out


class Kick(Drum):
    spec = ModuleSpec(
        "kick", "drum",
        (
            number("freq", "Hz", 50, 20, 200, "body pitch", ("pitch", "tune", "frequency")),
            number("decay", "ms", 300, 10, 2000, "length of the body", ("length",)),
            number("punch", "ratio", 0.5, 0, 1, "pitch sweep and click at the attack", ("click",)),
            _GAIN,
        ),
        "synthesized kick drum", ("bass drum", "bd", "kickdrum"),
    )

    def voice(self, t, params):
        punch = params["punch"]
        sweep = np.exp(-t / 0.025)
        body = self.sine_at(params["freq"] * (1.0 + 5.0 * punch * sweep))
        click = 0.3 * punch * np.exp(-t / 0.0015)  # the beater: a short pulse on the very first sample
        return self.decay_curve(params["decay"], t) * body + click


class Snare(Drum):
    spec = ModuleSpec(
        "snare", "drum",
        (
            number("tone", "Hz", 180, 80, 1000, "body pitch", ("pitch", "tune", "freq")),
            number("snap", "ratio", 0.5, 0, 1, "amount of noise (the wires)", ("noise", "snappy")),
            number("decay", "ms", 150, 10, 2000, "length", ("length",)),
            _GAIN,
        ),
        "synthesized snare drum", ("sd", "snaredrum", "clap"),
    )

    def voice(self, t, params):
        snap = params["snap"]
        body = self.sine_at(params["tone"] * (1.0 + 0.5 * np.exp(-t / 0.01)))
        wires = self.filtered_noise(1800.0, 1, len(t))
        return self.decay_curve(params["decay"], t) * ((1.0 - 0.6 * snap) * body + snap * 1.5 * wires)


class Hat(Drum):
    spec = ModuleSpec(
        "hat", "drum",
        (
            number("decay", "ms", 50, 5, 2000, "length (short = closed, long = open)", ("length",)),
            number("tone", "Hz", 8000, 2000, 16000, "brightness", ("pitch", "brightness", "freq")),
            _GAIN,
        ),
        "synthesized hi-hat", ("hihat", "hi-hat", "hh", "hats", "cymbal"),
    )

    def voice(self, t, params):
        metal = self.filtered_noise(float(params["tone"][0]), 1, len(t))
        return self.decay_curve(params["decay"], t) * metal * 1.5
