"""The per-note parts of the voice kernel for polyphonic voices (engine/poly.py): which note rows
are silent for a whole call (skipped: their oscillator and envelope cost nothing), and each note
row's gate, a short linear fade that takes a stolen note out (and a gateless note in) without a
click. Mono rows never come here: their samples are today's, bit for bit."""
from __future__ import annotations

import numpy as np
from numba import njit

from .voice_layout import ADSR_STATE, GATE_STATE, HAS_ADSR, IDLE, POLY

FADE_MS = 3.0        # a stolen note fades out (a gateless one in) over this long


@njit(cache=True, error_model="numpy")
def silent_rows(kinds, state):
    """Poly note rows silent for the whole call: gate closed and faded out, or the adsr idle
    (no note starts inside a call: the engine splits blocks at note events)."""
    count = kinds.shape[1]
    silent = np.zeros(count, dtype=np.bool_)
    for v in range(count):
        if kinds[POLY, v]:
            closed = state[GATE_STATE, v] == 0.0 and state[GATE_STATE + 1, v] == 0.0
            idle = kinds[HAS_ADSR, v] and state[ADSR_STATE, v] == IDLE and state[ADSR_STATE + 1, v] == 0.0
            silent[v] = closed or idle
    return silent


@njit(cache=True, error_model="numpy")
def apply_row_gates(kinds, state, silent, work, sample_rate):
    """Every sounding poly row times its gate, the gate moving linearly towards its target."""
    step = 1.0 / max(1.0, np.rint(FADE_MS * 1e-3 * sample_rate))
    for v in range(kinds.shape[1]):
        if not kinds[POLY, v]:
            continue
        if silent[v]:
            work[:, v] = 0.0
            if state[GATE_STATE + 1, v] == 0.0:
                state[GATE_STATE, v] = 0.0     # closed while silent: nothing left to fade
            continue
        level, target = state[GATE_STATE, v], state[GATE_STATE + 1, v]
        if level == target:
            if level != 1.0:
                work[:, v] *= level
            continue
        for i in range(work.shape[0]):
            level = min(level + step, target) if target > level else max(level - step, target)
            work[i, v] *= level
        state[GATE_STATE, v] = level
