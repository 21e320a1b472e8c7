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


def _note_at(shape: str, sample: int, old: float, new: float, length: int) -> np.ndarray:
    from chronus_shell.engine.engine import Engine
    from chronus_shell.protocol.message import Message

    engine = Engine(SR, 256)
    for line in (f"/patch/create osc1 {shape}", "/patch/connect osc1 master", f"/mod/osc1/freq {old}",
                 "/mod/osc1/gain 0.5"):
        engine.schedule(Message.parse(line), 0)
    engine.schedule(Message("/gate/osc1", (1, new)), sample)
    return engine.render(length).astype(np.float64)


def test_a_note_changes_the_pitch_at_its_exact_sample():
    """The oscillators generate BLEP_LENGTH samples ahead of what is heard (an edge's residual starts
    before it); a note generates them again, so the new pitch starts at the note's own sample.
    Checked on a sine with its recurrence x[n+1] = 2·cos(ω)·x[n] − x[n−1], exact for one ω."""
    note, old, new = 12_037, 110.0, 440.0
    audio = _note_at("sine", note, old, new, note + 2048)

    def misfit(freq: float, n: np.ndarray) -> np.ndarray:
        return np.abs(audio[n + 1] - 2 * np.cos(2 * np.pi * freq / SR) * audio[n] + audio[n - 1])

    before, after = np.arange(note - 500, note), np.arange(note + 1, note + 1500)
    assert misfit(old, before).max() < 1e-5 and misfit(new, after).max() < 1e-5
    assert misfit(new, np.array([note - 1])) > 1e-4                 # not a sample earlier


def test_a_saw_note_has_its_new_slope_from_the_note_on():
    """No stale samples of the old pitch after the gate (a saw's ramp is 2·f/SR per sample × gain)."""
    plain = _note_at("saw", 10**9, 110.0, 110.0, 13_000)              # the note never comes
    note = 12_000 + int(np.argmin(np.abs(plain[12_000:12_400] + 0.25)))   # a quarter into a ramp: no edge near
    audio = _note_at("saw", note, 110.0, 440.0, note + 256)
    slope = np.diff(audio[note - 10:note + 20])
    assert np.allclose(slope[:9], 0.5 * 2 * 110.0 / SR, atol=1e-5)
    assert np.allclose(slope[10:], 0.5 * 2 * 440.0 / SR, atol=1e-5)  # from the step into the note on


def test_an_oscillator_sounds_from_its_first_sample():
    audio = _note_at("saw", 0, 220.0, 220.0, 64)
    assert abs(audio[0]) > 0.4                                        # the wave starts at once, no silent gap
