"""The modulation of fused voice chains, compiled: the LFOs that modulate them and each modulated
param's values per sample — the numbers of LFO.process, Module.params and apply_modulation, with
no Python per segment (engine/voice_modulation.py drives them).

One step stays in numpy: exp2 of a Hz param's modulation. numpy's exp2 (SIMD on this hardware)
and the C library's, which compiled code calls, differ in the last bit for about one value in
twenty, and the renders must stay those of a module rendered alone; so `render_modulation` leaves
MOD_OCTAVES × the modulation in its row for the caller's np.exp2 and `modulated_table` multiplies.
"""
from __future__ import annotations

import numpy as np
from numba import njit

from .kernels import lfo
from .voice_layout import (COLUMNS, LFO_PHASE, LFO_RANDOM, LFO_SHAPE, LFO_START, LFO_TARGET, MOD_COLUMN,
                           MOD_EXP, MOD_HALF_SPAN, MOD_HIGH, MOD_LOW, MOD_OCTAVES, MOD_ROW, MOD_VOICE)

SETTLED = 1e-9         # a glide this close to its target has arrived (as Module.param_block)


@njit(cache=True, error_model="numpy", inline="always")
def glide_end(target, start, last_decay):
    """Where a param gliding from `start` stands after a call (its target once within SETTLED)."""
    end = target + (start - target) * last_decay
    return target if abs(end - target) <= SETTLED * max(1.0, abs(target)) else end


@njit(cache=True, error_model="numpy")
def render_modulation(lfos, decay, sample_rate, sources, terms, exp_rows, mods):
    """Each LFO k (its column of `lfos`: voice_layout's LFO rows; LFO_RANDOM: its row is given) into
    sources[k], its params (rate, depth, offset) gliding; then each modulation row the sum of its
    sources in order (terms: (row, source)), its first `exp_rows` rows times MOD_OCTAVES."""
    n = sources.shape[1]
    last = decay[n - 1]
    params = np.empty((3, n))
    for k in range(lfos.shape[1]):
        shape = int(lfos[LFO_SHAPE, k])
        if shape == LFO_RANDOM:
            continue
        targets, starts = lfos[LFO_TARGET:LFO_TARGET + 3, k], lfos[LFO_START:LFO_START + 3, k]
        for p in range(3):
            target, glide = targets[p], starts[p] - targets[p]
            if glide == 0.0:
                params[p, :] = target
            else:
                for i in range(n):
                    params[p, i] = target + glide * decay[i]
                starts[p] = glide_end(target, starts[p], last)
        lfos[LFO_PHASE, k] = lfo(shape, lfos[LFO_PHASE, k], params[0], params[1], params[2], sample_rate, sources[k])
    mods[:, :] = 0.0
    for t in range(terms.shape[0]):
        row, source = mods[terms[t, 0]], sources[terms[t, 1]]
        for i in range(n):
            row[i] += source[i]
    for r in range(exp_rows):
        row = mods[r]
        for i in range(n):
            row[i] = MOD_OCTAVES * row[i]


@njit(cache=True, error_model="numpy")
def modulated_table(v, targets, starts, decay, modulated, mods):
    """Voice v's params per sample (columns, n): its glides, and each modulated param moved by its
    row of `mods` (exponential: times it, the caller's exp2; else plus half the span times it),
    clipped to its range as numpy's maximum and minimum clip (a NaN stays NaN)."""
    n = decay.shape[0]
    table = np.empty((COLUMNS, n))
    for c in range(COLUMNS):
        target, glide = targets[c, v], starts[c, v] - targets[c, v]
        for i in range(n):
            table[c, i] = target + glide * decay[i]
    for j in range(modulated.shape[0]):
        entry = modulated[j]
        if entry[MOD_VOICE] != v:
            continue
        values, mod = table[int(entry[MOD_COLUMN])], mods[int(entry[MOD_ROW])]
        low, high, half_span = entry[MOD_LOW], entry[MOD_HIGH], entry[MOD_HALF_SPAN]
        exponential = entry[MOD_EXP] != 0.0
        for i in range(n):
            x = values[i] * mod[i] if exponential else values[i] + half_span * mod[i]
            if x < low:
                x = low
            if x > high:
                x = high
            values[i] = x
    return table
