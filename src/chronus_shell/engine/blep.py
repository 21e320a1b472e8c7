"""Band-limited oscillator steps: the naive wave with BLEP/BLAMP residuals around its edges, the
per-sample step the voice kernels inline (voice_steps.py, chain_kernels.py), and a note's retune.
Compiled by kernels.warmup()."""
from __future__ import annotations

import numpy as np
from numba import njit

# -- band-limited steps (BLEP) and ramps (BLAMP) -------------------------------------------
# A 64-tap Kaiser-windowed sinc (cutoff 0.42 fs) integrated once gives the band-limited step,
# twice the band-limited ramp; the residuals against the naive step/ramp are added around each
# discontinuity. The wave is generated BLEP_HALF samples ahead of the output so a residual can
# start before its edge; a note re-generates those samples at its pitch (oscillator_retune).
BLEP_HALF = 32
BLEP_OVERSAMPLE = 128
RING = 128  # > 2 * BLEP_HALF + 2, power of two


def _blep_tables() -> tuple[np.ndarray, np.ndarray]:
    """The smooth band-limited step and ramp (the naive step/ramp is subtracted analytically, so
    interpolation never straddles the jump at 0)."""
    count = 2 * BLEP_HALF * BLEP_OVERSAMPLE + 1
    x = np.linspace(-BLEP_HALF, BLEP_HALF, count)
    cutoff = 0.42
    impulse = 2 * cutoff * np.sinc(2 * cutoff * x) * np.kaiser(count, 10.0)
    step = np.cumsum(impulse)
    step /= step[-1]
    ramp_residual = np.cumsum(step) / BLEP_OVERSAMPLE - np.maximum(x, 0.0)
    ramp_residual -= np.linspace(ramp_residual[0], ramp_residual[-1], count)  # exact zero at both ends
    return step, ramp_residual + np.maximum(x, 0.0)


STEP_TABLE, RAMP_TABLE = _blep_tables()
STEP, RAMP = 0, 1


@njit(cache=True)
def _add_residual(ring, table, kind, now, frac, height, floor):
    """Add `height` × (band-limited − naive) step or ramp at time now+frac (frac in (0, 1]), to the
    output samples from `floor` on (those before it have been played)."""
    for k in range(-BLEP_HALF + 1, BLEP_HALF + 1):
        if now + k < floor:
            continue
        x = k - frac
        pos = (x + BLEP_HALF) * BLEP_OVERSAMPLE
        i = int(pos)
        if i < 0 or i >= table.shape[0] - 1:
            continue
        t = pos - i
        smooth = table[i] + t * (table[i + 1] - table[i])
        naive = (1.0 if x >= 0.0 else 0.0) if kind == STEP else max(x, 0.0)
        ring[(now + k) & (RING - 1)] += height * (smooth - naive)


@njit(cache=True, error_model="numpy")
def _edges(shape, phase, new, clock, ring, dt, w, sign, floor):
    """The residuals of the edges crossed between `phase` and `new` (the wrap, the pulse width, the
    triangle's peak), which start up to BLEP_HALF − 1 samples before them; returns the wrapped phase.
    Out of the per-sample path: it runs a few times a cycle."""
    if shape == 1 and phase < w <= new:
        _add_residual(ring, STEP_TABLE, STEP, clock, (w - phase) / dt, -2.0 * sign, floor)
    if shape == 2 and phase < 0.5 <= new:
        _add_residual(ring, RAMP_TABLE, RAMP, clock, (0.5 - phase) / dt, -8.0 * dt * sign, floor)
    if new >= 1.0:
        new -= 1.0
        frac = (1.0 - phase) / dt
        if shape == 0:
            _add_residual(ring, STEP_TABLE, STEP, clock, frac, -2.0 * sign, floor)
        elif shape == 1:
            _add_residual(ring, STEP_TABLE, STEP, clock, frac, 2.0 * sign, floor)
            if new >= w:  # crossed the width again within the same sample
                _add_residual(ring, STEP_TABLE, STEP, clock, frac + w / dt, -2.0 * sign, floor)
        elif shape == 2:
            _add_residual(ring, RAMP_TABLE, RAMP, clock, frac, 8.0 * dt * sign, floor)
    return new


@njit(cache=True, error_model="numpy", inline="always")
def _osc_step(shape, phase, clock, ring, history, dt, w, sign, floor):
    """Generate sample `clock` of the naive wave into the ring × `sign` (−1 takes back what +1 added),
    with the residuals of its edges on output samples from `floor` on; returns the phase after.
    With `sign` +1 the sample's (phase, inc, width) goes into `history` (a note generates it again
    at its own pitch)."""
    _naive_step(shape, phase, clock, ring, history, dt, w, sign)
    new = phase + dt
    if crosses_edge(shape, phase, new, w):
        new = _edges(shape, phase, new, clock, ring, dt, w, sign, floor)
    return new


@njit(cache=True, error_model="numpy", inline="always")
def crosses_edge(shape, phase, new, w):
    """Whether a step from `phase` to `new` crosses an edge (the wrap, the width, the triangle's peak)."""
    return new >= 1.0 or (shape == 1 and phase < w <= new) or (shape == 2 and phase < 0.5 <= new)


@njit(cache=True, error_model="numpy", inline="always")
def _naive_step(shape, phase, clock, ring, history, dt, w, sign):
    """`_osc_step` without the edges: the naive sample into the ring (and history)."""
    if sign > 0.0:
        h = clock & (BLEP_HALF - 1)
        history[0, h] = phase
        history[1, h] = dt
        history[2, h] = w
    if shape == 0:
        naive = 2.0 * phase - 1.0
    elif shape == 1:
        naive = 1.0 if phase < w else -1.0
    elif shape == 2:
        naive = 4.0 * phase - 1.0 if phase < 0.5 else 3.0 - 4.0 * phase
    else:
        naive = np.sin(2.0 * np.pi * phase)
    ring[clock & (RING - 1)] += sign * naive


@njit(cache=True)
def _span(shape, phase, clock, ring, history, inc, width, sign, floor):
    """`_osc_step` for len(inc) samples from `clock` on; returns the phase after."""
    for i in range(inc.shape[0]):
        phase = _osc_step(shape, phase, clock + i, ring, history, inc[i], width[i], sign, floor)
    return phase


@njit(cache=True)
def oscillator_retune(shape, state, ring, history, inc):
    """A note at the next output sample: the BLEP_HALF samples generated ahead at the old pitch are
    taken back and generated again at `inc`, so the new pitch is heard from that very sample
    (phase-continuous). Residuals that would fall on samples already played are left out."""
    if state[2] == 0.0:
        return  # not started: its first call starts at the new pitch anyway
    clock = int(state[1])
    played = clock - BLEP_HALF  # the next output sample
    order = (np.arange(played, clock) & (BLEP_HALF - 1))
    phase, widths = history[0, order[0]], history[2, order].copy()
    _span(shape, phase, played, ring, history, history[1, order].copy(), widths, -1.0, played)
    state[0] = _span(shape, phase, played, ring, history, np.full(BLEP_HALF, inc), widths, 1.0,
                     played)
