"""The voice kernels' approximations, measured: tanh, tan and exp2 are rational/polynomial fits
(branch-free, so the ladders vectorise across voices); each has an error bound, checked densely
over the whole range the ladder uses. And the ladder they make still is the ladder it was."""
from __future__ import annotations

import numpy as np
from numba import njit

from chronus_shell.engine import fast_math as ck

from .signals import SR, make, drive


@njit(cache=True)
def _apply(kind, x, out):
    for i in range(x.shape[0]):
        if kind == 0:
            out[i] = ck.fast_tanh(x[i])
        elif kind == 1:
            out[i] = ck.fast_tan(x[i])
        else:
            out[i] = ck.fast_exp2(x[i])


def _fit(kind: int, x: np.ndarray) -> np.ndarray:
    out = np.empty_like(x)
    _apply(kind, x, out)
    return out


def test_tanh_within_5e_8_everywhere():
    x = np.concatenate([np.linspace(-20.0, 20.0, 2_000_001), [-1e300, -9.0, 0.0, 9.0, 1e300]])
    error = np.abs(_fit(0, x) - np.tanh(x))
    assert error.max() <= 5e-8, f"tanh fit: max error {error.max():.3g} at x = {x[error.argmax()]:.6g}"
    assert _fit(0, np.array([0.0]))[0] == 0.0 and np.all(np.abs(_fit(0, x)) <= 1.0)


def test_tan_within_1e_12_relative_up_to_the_ladder_guard():
    x = np.linspace(1e-9, 0.45 * np.pi, 2_000_001)      # cutoffs up to the ladder's 0.45·fs guard
    error = np.abs(_fit(1, x) / np.tan(x) - 1.0)
    assert error.max() <= 1e-12, f"tan fit: max relative error {error.max():.3g} at x = {x[error.argmax()]:.6g}"


def test_exp2_within_1e_12_relative_over_the_envelope_range():
    x = np.linspace(0.0, 8.0, 2_000_001)                 # ENV_OCTAVES × amount × (1 + accent)
    error = np.abs(_fit(2, x) / np.exp2(x) - 1.0)
    assert error.max() <= 1e-12, f"exp2 fit: max relative error {error.max():.3g} at x = {x[error.argmax()]:.6g}"
    assert _fit(2, np.array([0.0]))[0] == 1.0, "a closed envelope must leave the cutoff exactly as set"


def _reference_ladder(x, cutoff, resonance, drive_amount):
    """The ladder with libm tanh/tan, sample by sample (the filter before the fits)."""
    s = np.zeros(4)
    out = np.empty(len(x))
    g = np.tan(np.pi * cutoff / SR)
    big_g, k = g / (1 + g), 4 * resonance
    for i, sample in enumerate(x):
        feedback = (big_g ** 3 * s[0] + big_g ** 2 * s[1] + big_g * s[2] + s[3]) / (1 + g)
        u = np.tanh((np.tanh(drive_amount * sample) / np.sqrt(drive_amount) * (1 + 0.5 * k) - k * feedback)
                    / (1 + k * big_g ** 4))
        for stage in range(4):
            v = (u - s[stage]) * big_g
            u = v + s[stage]
            s[stage] = u + v
        out[i] = u
    return out


def test_the_ladder_matches_libm_within_1e_6():
    rng = np.random.default_rng(7)
    x = np.clip(np.cumsum(rng.normal(0, 0.05, 4800)), -2, 2)
    for cutoff, resonance, amount in ((300.0, 0.9, 1.0), (2000.0, 0.5, 3.0), (12000.0, 0.95, 5.0)):
        ours = drive(make("acid_filter", cutoff=cutoff, resonance=resonance, drive=amount), len(x), x)
        error = np.abs(ours - _reference_ladder(x, cutoff, resonance, amount)).max()
        assert error <= 1e-6, f"ladder {cutoff} Hz res {resonance} drive {amount}: max error {error:.3g}"
