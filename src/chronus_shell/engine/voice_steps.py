"""The per-sample steps of a voice's stages — oscillator, 4-pole ladder, per-note envelope, multimode
filter, ADSR — shared by the bank's passes and the explicit (per-sample params) path of
chain_kernels.py (the multimode filter also by the drums' noise, kernels.py); all inlined into them,
so each compiles into its caller's loop."""
from __future__ import annotations

import numpy as np
from numba import njit

from .fast_math import fast_exp2, fast_tan, fast_tanh
from .blep import BLEP_HALF, RING, _osc_step, oscillator_retune
from .voice_layout import ATTACK_STAGE, DECAY_STAGE, IDLE, RELEASE_STAGE, SUSTAIN_STAGE
from .voice_layout import mode_fade_samples as layout_fade_samples

ENV_OCTAVES = 4.0      # a full per-note envelope opens the cutoff by up to four octaves
ACCENT_LEVEL = 0.5     # an accented note at accent 1 is this much louder
ENV_FLOOR = 1e-6       # below this the per-note envelope is closed
CURVE = 5.0            # decay and release are exponential-shaped yet land exactly on their stage end


@njit(cache=True, error_model="numpy", inline="always")
def _cutoff(cutoff, amount, env, guard):
    """The ladder's cutoff opened by the per-note envelope (up to ENV_OCTAVES), below the guard."""
    return min(cutoff * fast_exp2(ENV_OCTAVES * amount * env), guard)


@njit(cache=True, error_model="numpy", inline="always")
def _ladder_coefficients(fc, res, drive, pi_over_rate):
    """(G, feedback taps k·G³·s, k·G²·s, k·G·s, k·s with s = 1/(1+g), 1/(1 + k·G⁴), input gain)."""
    g = fast_tan(fc * pi_over_rate)
    big_g = g / (1.0 + g)
    k = 4.0 * res
    ks = k / (1.0 + g)
    return (big_g, big_g * big_g * big_g * ks, big_g * big_g * ks, big_g * ks, ks, 1.0 / (1.0 + k * big_g ** 4),
            (1.0 + 0.5 * k) / np.sqrt(drive))


@njit(cache=True, error_model="numpy", inline="always")
def _ladder_step(x, drive, big_g, c1, c2, c3, c4, inv, pre, s1, s2, s3, s4):
    """One sample of the ZDF 4-pole ladder, saturating input and feedback: (y, s1, s2, s3, s4)."""
    u = fast_tanh((fast_tanh(drive * x) * pre - (c1 * s1 + c2 * s2 + c3 * s3 + c4 * s4)) * inv)
    t = (u - s1) * big_g
    y1 = t + s1
    s1 = y1 + t
    t = (y1 - s2) * big_g
    y2 = t + s2
    s2 = y2 + t
    t = (y2 - s3) * big_g
    y3 = t + s3
    s3 = y3 + t
    t = (y3 - s4) * big_g
    y4 = t + s4
    return y4, s1, s2, s3, y4 + t


@njit(cache=True, error_model="numpy", inline="always")
def _curve(t):
    return (np.exp(-CURVE * t) - np.exp(-CURVE)) / (1.0 - np.exp(-CURVE))


@njit(cache=True, error_model="numpy", inline="always")
def _adsr_step(stage, level, pos, start, attack, decay, sustain, release):
    """One sample of the ADSR; attack is linear from the current level (a retrigger never clicks)."""
    if stage == ATTACK_STAGE:
        pos += 1
        level = start + (1.0 - start) * pos / attack
        if pos >= attack:
            stage, pos, start, level = DECAY_STAGE, 0, 1.0, 1.0
    elif stage == DECAY_STAGE:
        pos += 1
        level = sustain + (start - sustain) * _curve(pos / decay)
        if pos >= decay:
            stage, level = SUSTAIN_STAGE, sustain
    elif stage == SUSTAIN_STAGE:
        level = sustain
    elif stage == RELEASE_STAGE:
        pos += 1
        level = start * _curve(pos / release)
        if pos >= release:
            stage, level = IDLE, 0.0
    return stage, level, pos, start


@njit(cache=True, error_model="numpy", inline="always")
def _stage_samples(ms, sample_rate):
    return max(1.0, np.rint(ms * 1e-3 * sample_rate))


@njit(cache=True, error_model="numpy", inline="always")
def _inc(freq, detune, sample_rate):
    return min(freq * np.exp2(detune / 1200.0) / sample_rate, 0.49)


@njit(cache=True, error_model="numpy")
def _start_oscillator(shape, st, ring, history, inc, width):
    """A note's retune, and the first call's head start (heard from its first sample); returns (phase, clock)."""
    if st[3] != 0.0:
        oscillator_retune(shape, st[0:3], ring, history, inc)
        st[3] = 0.0
    phase, clock = st[0], int(st[1])
    if st[2] == 0.0:
        first = clock
        for _ in range(BLEP_HALF):
            phase = _osc_step(shape, phase, clock, ring, history, inc, width, 1.0, first)
            clock += 1
        st[2] = 1.0
    return phase, clock


@njit(cache=True, error_model="numpy", inline="always")
def _oscillator_sample(shape, phase, clock, ring, history, inc, width, floor):
    """(the output sample BLEP_HALF behind `clock`, phase after)."""
    phase = _osc_step(shape, phase, clock, ring, history, inc, width, 1.0, floor)
    return _played(ring, clock), phase


@njit(cache=True, error_model="numpy", inline="always")
def _played(ring, clock):
    """The output sample BLEP_HALF behind `clock`, taken out of the ring (its slot cleared)."""
    slot = (clock - BLEP_HALF) & (RING - 1)
    y = ring[slot]
    ring[slot] = 0.0
    return y


@njit(cache=True, error_model="numpy", inline="always")
def _env_step(decay_ms, sample_rate):
    """One sample's factor of the per-note envelope's exponential decay."""
    return np.exp(-1.0 / (decay_ms * 1e-3 * sample_rate))


@njit(cache=True, error_model="numpy", inline="always")
def _svf_coefficients(cutoff, q, sample_rate):
    """The trapezoidal state-variable filter's (Simper) coefficients: (k, a1, a2, a3)."""
    fc = min(cutoff, 0.49 * sample_rate)
    g = np.tan(np.pi * fc / sample_rate)
    k = 1.0 / q
    a1 = 1.0 / (1.0 + g * (g + k))
    a2 = g * a1
    return k, a1, a2, g * a2


@njit(cache=True, error_model="numpy", inline="always")
def _svf_output(mode, x, k, v1, v2):
    """The state-variable filter's output in `mode`: 0 low-pass, 1 high-pass, 2 band-pass (unity peak)."""
    if mode == 0:
        return v2
    if mode == 1:
        return x - k * v1 - v2
    return k * v1


@njit(cache=True, error_model="numpy", inline="always")
def _svf_step(x, mode, k, a1, a2, a3, ic1, ic2):
    """One sample of the state-variable filter: (y, v1, v2, ic1, ic2) — v1 and v2 give the other
    modes' outputs (`_svf_output`: a mode switched mid-note crossfades from the old one)."""
    v3 = x - ic2
    v1 = a1 * ic1 + a2 * v3
    v2 = ic2 + a2 * ic1 + a3 * v3
    return _svf_output(mode, x, k, v1, v2), v1, v2, 2.0 * v1 - ic1, 2.0 * v2 - ic2


@njit(cache=True, error_model="numpy", inline="always")
def _mode_fade(y, x, k, v1, v2, was, left, total):
    """A sample of a mode switch's crossfade: `left` of `total` samples still to go from what it was —
    `was` (low-pass, high-pass, band-pass) weights of the outputs, a blend when it was itself fading."""
    old = was[0] * v2 + was[1] * (x - k * v1 - v2) + was[2] * (k * v1)
    return y + (old - y) * (left / total)


#: How long a filter's mode switch crossfades, in samples: voice_layout's function, compiled.
mode_fade_samples = njit(cache=True, error_model="numpy", inline="always")(layout_fade_samples)
