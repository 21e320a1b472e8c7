"""Oscillators: pitch within ±1 cent, aliasing of the band-limited saw, peak level."""
from __future__ import annotations

import numpy as np
import pytest

from chronus_shell.engine.kernels import BLEP_HALF

from .signals import SR, cents, naive_saw, non_harmonic_power, peak_frequency, render_module

SHAPES = ("sine", "saw", "square", "triangle")
FREQS = (110.0, 440.0, 1000.5)


def steady(shape: str, freq: float, seconds: float = 1.0, **params) -> np.ndarray:
    """`seconds` of output after the BLEP start-up delay (the first BLEP_HALF samples are silent)."""
    skip = 2 * BLEP_HALF
    return render_module(shape, int(seconds * SR) + skip, freq=freq, **params)[skip:]


@pytest.mark.parametrize("freq", FREQS)
@pytest.mark.parametrize("shape", SHAPES)
def test_frequency_within_one_cent(shape, freq):
    measured = peak_frequency(steady(shape, freq))
    error = cents(measured, freq)
    assert abs(error) < 1.0, f"{shape} {freq} Hz: measured {measured:.5f} Hz, {error:+.5f} cents"


@pytest.mark.parametrize("detune", (-1200.0, -7.0, 700.0))
def test_detune_in_cents(detune):
    measured = peak_frequency(steady("sine", 440.0, detune=detune))
    expected = 440.0 * 2 ** (detune / 1200)
    assert abs(cents(measured, expected)) < 1.0, f"detune {detune}: {measured:.4f} Hz, expected {expected:.4f}"


@pytest.mark.parametrize("freq", (5000.0, pytest.param(5003.7, id="5003.7-inharmonic-to-sr")))
def test_saw_aliasing_40db_below_naive(freq):
    band_limited = non_harmonic_power(steady("saw", freq, gain=1.0), freq)
    naive = non_harmonic_power(naive_saw(freq, SR), freq)
    margin = 10 * np.log10(naive / band_limited)
    assert margin >= 40.0, (
        f"saw {freq} Hz non-harmonic power: band-limited {10 * np.log10(band_limited):.1f} dB, "
        f"naive {10 * np.log10(naive):.1f} dB, margin {margin:.1f} dB (need ≥ 40)"
    )


@pytest.mark.parametrize("freq", (440.0, 1000.5, 5000.0))
@pytest.mark.parametrize("shape", (
    "sine", "triangle", "saw", "square",
))
def test_peak_stays_near_gain(shape, freq):
    """Gibbs overshoot of a band-limited edge is ~18 % of gain; far above means a broken BLEP."""
    peak = float(np.max(np.abs(steady(shape, freq, seconds=0.5))))
    assert peak <= 0.5 * 1.3, f"{shape} {freq} Hz at gain 0.5: peak {peak:.4f} ({peak / 0.5:.3f}x gain)"
