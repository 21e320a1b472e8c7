"""The passes of one voice of the bank (chain_kernels.py): its oscillator, its ladder, its multimode
filter, its ADSR, and a modulated voice's passes from its params per sample (engine/voice_modulation.py)."""
from __future__ import annotations

import numpy as np
from numba import njit

from .blep import BLEP_HALF, _naive_step, crosses_edge
from .voice_layout import (ATTACK, CUTOFF, DECAY, DETUNE, DRIVE, ENV_AMOUNT, ENV_DECAY, FREQ, GAIN, HAS_ADSR,
                           HAS_LADDER, IDLE, RELEASE, RESONANCE, SHAPE, SUSTAIN, SUSTAIN_STAGE, SVF_CUTOFF, SVF_LEFT,
                           SVF_MODE, SVF_Q, SVF_STATE, SVF_WAS, WIDTH)
from .voice_steps import (ACCENT_LEVEL, ENV_FLOOR, _adsr_step, _cutoff, _env_step, _inc, _ladder_coefficients,
                          _ladder_step, _oscillator_sample, _played, _stage_samples, _start_oscillator,
                          _mode_fade, _svf_coefficients, _svf_step, mode_fade_samples)


@njit(cache=True, error_model="numpy", inline="always")
def _oscillator_loop(shape, v, incs, phase, clock, width, gain, ring, history, work):
    """The samples between edges run in an inner loop with no call in it (a call, even one not
    taken, makes the compiler keep the loop's values in memory: twice the time); a sample with
    an edge takes the whole step, residuals and all. The same numbers either way. `width`, `gain`:
    (to, from, at) — the value at sample i is to + from·at[i] (a glide: at = the decay table; a
    modulated voice's params per sample: 0, 1, its row)."""
    width_to, width_from, width_at = width
    gain_to, gain_from, gain_at = gain
    floor = clock - BLEP_HALF
    n = work.shape[0]
    i = 0
    while i < n:
        while i < n:
            w = width_to + width_from * width_at[i]
            new = phase + incs[i]
            if crosses_edge(shape, phase, new, w):
                break
            _naive_step(shape, phase, clock, ring, history, incs[i], w, 1.0)
            work[i, v] = _played(ring, clock) * (gain_to + gain_from * gain_at[i])
            phase = new
            clock += 1
            i += 1
        if i < n:
            y, phase = _oscillator_sample(shape, phase, clock, ring, history, incs[i],
                                          width_to + width_from * width_at[i], floor)
            work[i, v] = y * (gain_to + gain_from * gain_at[i])
            clock += 1
            i += 1
    return phase, clock


@njit(cache=True, error_model="numpy")
def _oscillate(v, shape, targets, starts, decay, state, ring, history, sample_rate, work, incs):
    """Pass 1 for voice v: its oscillator into work[:, v], params gliding per sample. The phase
    increments go first into `incs` (a call to exp2 inside the loop would cost every sample)."""
    freq, freq_to = targets[FREQ, v], starts[FREQ, v] - targets[FREQ, v]
    detune, detune_to = targets[DETUNE, v], starts[DETUNE, v] - targets[DETUNE, v]
    incs[0] = _inc(freq + freq_to * decay[0], detune + detune_to * decay[0], sample_rate)
    for i in range(1, work.shape[0]):
        incs[i] = incs[0] if freq_to == 0.0 and detune_to == 0.0 else _inc(
            freq + freq_to * decay[i], detune + detune_to * decay[i], sample_rate)
    _run_oscillator(v, shape, incs, (targets[WIDTH, v], starts[WIDTH, v] - targets[WIDTH, v], decay),
                    (targets[GAIN, v], starts[GAIN, v] - targets[GAIN, v], decay), state, ring, history, work)


@njit(cache=True, error_model="numpy")
def _oscillate_table(v, shape, params, state, ring, history, sample_rate, work, incs):
    """Pass 1 for a modulated voice v: its oscillator from its params per sample (columns, n)."""
    freq = detune = np.nan
    inc = ratio = 0.0
    for i in range(work.shape[0]):
        if params[FREQ, i] != freq or params[DETUNE, i] != detune:   # _inc's numbers, its exp2 once per detune
            if params[DETUNE, i] != detune:
                detune = params[DETUNE, i]
                ratio = np.exp2(detune / 1200.0)
            freq = params[FREQ, i]
            inc = min(freq * ratio / sample_rate, 0.49)
        incs[i] = inc
    _run_oscillator(v, shape, incs, (0.0, 1.0, params[WIDTH]), (0.0, 1.0, params[GAIN]), state, ring, history, work)


@njit(cache=True, error_model="numpy", inline="always")
def _run_oscillator(v, shape, incs, width, gain, state, ring, history, work):
    """A note's retune and the first call's head start, then one loop per shape, so the shape's
    branches are decided at compile time."""
    st = state[0:4, v]
    phase, clock = _start_oscillator(shape, st, ring, history, incs[0], width[0] + width[1] * width[2][0])
    if shape == 0:
        phase, clock = _oscillator_loop(0, v, incs, phase, clock, width, gain, ring, history, work)
    elif shape == 1:
        phase, clock = _oscillator_loop(1, v, incs, phase, clock, width, gain, ring, history, work)
    elif shape == 2:
        phase, clock = _oscillator_loop(2, v, incs, phase, clock, width, gain, ring, history, work)
    else:
        phase, clock = _oscillator_loop(3, v, incs, phase, clock, width, gain, ring, history, work)
    st[0], st[1] = phase, clock & 0xFFFFFFF


@njit(cache=True, error_model="numpy")
def _ladder_voice(work, v, cutoff, amount, resonance, drive, envs, sounding, accent, filt, guard, pi_over_rate):
    """Pass 2 for one voice, its state in registers: where there are too few voices to fill a
    vector, the lanes would only add a store and a load to every step of the recursion. Params
    (to, from, at) as `_oscillator_loop`'s; envs: its per-note envelope per sample."""
    cut_to, cut_from, cut_at = cutoff
    amount_to, amount_from, amount_at = amount
    res_to, res_from, res_at = resonance
    drive_to, drive_from, drive_at = drive
    s1, s2, s3, s4 = filt[0, v], filt[1, v], filt[2, v], filt[3, v]
    last_fc = last_res = last_drive = -1.0
    big_g = c1 = c2 = c3 = c4 = inv = pre = 0.0
    for i in range(work.shape[0]):
        env = envs[i]
        fc = _cutoff(cut_to + cut_from * cut_at[i], amount_to + amount_from * amount_at[i], env * sounding, guard)
        res, drv = res_to + res_from * res_at[i], drive_to + drive_from * drive_at[i]
        if fc != last_fc or res != last_res or drv != last_drive:     # the same numbers, computed once
            big_g, c1, c2, c3, c4, inv, pre = _ladder_coefficients(fc, res, drv, pi_over_rate)
            last_fc, last_res, last_drive = fc, res, drv
        y, s1, s2, s3, s4 = _ladder_step(work[i, v], drv, big_g, c1, c2, c3, c4, inv, pre, s1, s2, s3, s4)
        work[i, v] = y * (1.0 + ACCENT_LEVEL * accent * min(env, 1.0))
    filt[0, v], filt[1, v], filt[2, v], filt[3, v] = s1, s2, s3, s4


@njit(cache=True, error_model="numpy")
def _svf_voice(work, v, mode, cutoff, q, state, sample_rate):
    """The multimode filter's pass for voice v, its two integrators in registers; params (to, from,
    at) as `_oscillator_loop`'s. Its coefficients are computed where cutoff or q moves (the numbers
    of kernels.svf)."""
    cut_to, cut_from, cut_at = cutoff
    q_to, q_from, q_at = q
    ic1, ic2 = state[SVF_STATE, v], state[SVF_STATE + 1, v]
    was, left, total = state[SVF_STATE + SVF_WAS:SVF_STATE + SVF_WAS + 3, v], state[SVF_STATE + SVF_LEFT, v], \
        mode_fade_samples(sample_rate)
    last_cutoff = last_q = np.nan
    k = a1 = a2 = a3 = 0.0
    for i in range(work.shape[0]):
        fc, res = cut_to + cut_from * cut_at[i], q_to + q_from * q_at[i]
        if fc != last_cutoff or res != last_q:
            last_cutoff, last_q = fc, res
            k, a1, a2, a3 = _svf_coefficients(fc, res, sample_rate)
        x = work[i, v]
        y, v1, v2, ic1, ic2 = _svf_step(x, mode, k, a1, a2, a3, ic1, ic2)
        if left > 0.0:
            y = _mode_fade(y, x, k, v1, v2, was, left, total)
            left -= 1.0
        work[i, v] = y
    state[SVF_STATE, v], state[SVF_STATE + 1, v], state[SVF_STATE + SVF_LEFT, v] = ic1, ic2, left


@njit(cache=True, error_model="numpy")
def _modulated_voice(v, kinds, params, state, rings, histories, sample_rate, work, scratch):
    """A modulated voice from its params per sample (columns, n): the passes of the others, the
    numbers of render_explicit (the per-note envelope's decay step computed where it changes)."""
    if kinds[SHAPE, v] >= 0:
        _oscillate_table(v, kinds[SHAPE, v], params, state, rings[v], histories[v], sample_rate, work, scratch[0])
    if kinds[HAS_LADDER, v]:
        envs = scratch[1]
        env = state[8, v]
        sounding = env > ENV_FLOOR
        if sounding:
            env_decay = np.nan
            step = 0.0
            for i in range(work.shape[0]):
                if params[ENV_DECAY, i] != env_decay:
                    env_decay = params[ENV_DECAY, i]
                    step = _env_step(env_decay, sample_rate)
                env *= step
                envs[i] = env
            state[8, v] = env
        else:
            envs[:] = env
        _ladder_voice(work, v, (0.0, 1.0, params[CUTOFF]), (0.0, 1.0, params[ENV_AMOUNT]), (0.0, 1.0, params[RESONANCE]),
                      (0.0, 1.0, params[DRIVE]), envs, 1.0 if sounding else 0.0, state[9, v] if sounding else 0.0,
                      state[4:8], 0.45 * sample_rate, np.pi / sample_rate)
    if kinds[SVF_MODE, v] >= 0:
        _svf_voice(work, v, kinds[SVF_MODE, v], (0.0, 1.0, params[SVF_CUTOFF]), (0.0, 1.0, params[SVF_Q]), state,
                   sample_rate)
    if kinds[HAS_ADSR, v]:
        _envelope(v, params[ATTACK, 0], params[DECAY, 0], params[SUSTAIN, 0], params[RELEASE, 0], state, sample_rate,
                  work)


@njit(cache=True, error_model="numpy")
def _envelope(v, attack_ms, decay_ms, sustain, release_ms, state, sample_rate, work):
    """Pass 3 for voice v: the ADSR (its params at the call's start) times work[:, v]."""
    attack, dec = _stage_samples(attack_ms, sample_rate), _stage_samples(decay_ms, sample_rate)
    release = _stage_samples(release_ms, sample_rate)
    state[10, v], state[11, v], state[12, v], state[13, v] = _adsr_run(
        int(state[10, v]), state[11, v], int(state[12, v]), state[13, v], attack, dec, sustain, release, work[:, v])


@njit(cache=True, error_model="numpy", inline="always")
def _adsr_run(stage, level, pos, start, attack, dec, sustain, release, samples):
    """`samples` (a voice's) times the ADSR from its state; returns the state after. Held or idle,
    the rest of the call is one level, in a loop without exp in it (a call in a loop, even one not
    taken, makes the compiler keep the loop's values in memory)."""
    n, i = samples.shape[0], 0
    while i < n and stage != SUSTAIN_STAGE and stage != IDLE:
        stage, level, pos, start = _adsr_step(stage, level, pos, start, attack, dec, sustain, release)
        samples[i] *= level
        i += 1
    if stage == SUSTAIN_STAGE:
        level = sustain
    for j in range(i, n):
        samples[j] *= level
    return stage, level, pos, start
