"""The voice kernels: oscillator → acid_filter → filter → adsr chains, every voice of the patch in one call.

Tables are laid out voices-last, so the 4-pole ladder — a recursion that would wait on itself
sample after sample — runs across voices instead: for each sample, every voice's ladder step
is independent and the compiler vectorises the loop (8 voices per AVX-512 instruction). That needs
branch-free arithmetic, so tanh, tan and exp2 are the fits of fast_math.py. Oscillators (band-limited steps, branchy) and envelopes (a stage machine) run per
voice (voice_passes.py). Param glides are computed here (target + (start − target)·decay[i], the closed-form
one-pole of `Module.param_block`), so a still param costs nothing and a gliding one no Python.

`render_bank` renders a VoiceBank, a modulated voice from its params per sample (modulation_kernels.py);
`render_explicit` renders one module with its params given per sample (`Module.process`), sample
by sample: both run the same per-sample functions (voice_steps.py).
"""
from __future__ import annotations

import numpy as np
from numba import njit

from .blep import BLEP_HALF, RING
from .modulation_kernels import glide_end, modulated_table, render_modulation
from .poly_kernels import apply_row_gates, silent_rows
from .voice_layout import (ATTACK, CUTOFF, DECAY, DETUNE, DRIVE, ENV_AMOUNT, ENV_DECAY, EXPLICIT, FREQ, GAIN, HAS_ADSR,
                           HAS_LADDER, RELEASE, RESONANCE, SHAPE, SUSTAIN, SVF_CUTOFF, SVF_LEFT, SVF_MODE, SVF_Q, SVF_STATE,
                           SVF_WAS, TO_SUM, WIDTH)
from .voice_passes import _adsr_run, _envelope, _ladder_voice, _modulated_voice, _oscillate, _svf_voice
from .voice_steps import (ACCENT_LEVEL, ENV_FLOOR, _cutoff, _env_step, _inc, _ladder_coefficients, _ladder_step,
                          _mode_fade, _oscillator_sample, _stage_samples, _start_oscillator, _svf_coefficients, _svf_step,
                          mode_fade_samples)

# ladder lane table rows (per voice, for one call): each param's target and (start − target)
L_CUTOFF, L_AMOUNT, L_RES, L_DRIVE = 0, 2, 4, 6
L_ACCENT, L_SOUNDING, L_ROWS = 8, 9, 10
LANES = 8              # from this many ladders on they run across voices (one AVX-512 vector of doubles)


@njit(cache=True, error_model="numpy")
def _ladder_lanes(work, lanes, envs, filt, decay, lo, hi, guard, pi_over_rate):
    """Pass 2: the ladders of voices lo..hi, sample by sample across voices (vectorised).
    filt rows: s1..s4; envs: each voice's per-note envelope per sample."""
    for i in range(work.shape[0]):
        d = decay[i]
        row = work[i]
        env_row = envs[i]
        for v in range(lo, hi):
            env = env_row[v]
            fc = _cutoff(lanes[L_CUTOFF, v] + lanes[L_CUTOFF + 1, v] * d, lanes[L_AMOUNT, v] + lanes[L_AMOUNT + 1, v] * d,
                         env * lanes[L_SOUNDING, v], guard)
            drive = lanes[L_DRIVE, v] + lanes[L_DRIVE + 1, v] * d
            big_g, c1, c2, c3, c4, inv, pre = _ladder_coefficients(fc, lanes[L_RES, v] + lanes[L_RES + 1, v] * d,
                                                                   drive, pi_over_rate)
            y, filt[0, v], filt[1, v], filt[2, v], filt[3, v] = _ladder_step(
                row[v], drive, big_g, c1, c2, c3, c4, inv, pre, filt[0, v], filt[1, v], filt[2, v], filt[3, v])
            row[v] = y * (1.0 + ACCENT_LEVEL * lanes[L_ACCENT, v] * min(env, 1.0))


@njit(cache=True, error_model="numpy")
def _envelope_lanes(targets, starts, decay, state, sample_rate, count, n):
    """The per-call ladder lane table (each param's target and (start − target), accent, envelope
    on) and every voice's per-note envelope per sample (its decay param may glide)."""
    lanes = np.zeros((L_ROWS, count))
    envs = np.empty((n, count))
    for v in range(count):
        for row, column in ((L_CUTOFF, CUTOFF), (L_AMOUNT, ENV_AMOUNT), (L_RES, RESONANCE), (L_DRIVE, DRIVE)):
            lanes[row, v] = targets[column, v]
            lanes[row + 1, v] = starts[column, v] - targets[column, v]
        env = state[8, v]
        if env > ENV_FLOOR:   # the per-note envelope is open: it decays, opens the cutoff, accents
            lanes[L_ACCENT, v] = state[9, v]
            lanes[L_SOUNDING, v] = 1.0
            target, glide = targets[ENV_DECAY, v], starts[ENV_DECAY, v] - targets[ENV_DECAY, v]
            if glide == 0.0:       # a still decay: one step, and a loop with no call to exp in it
                step = _env_step(target, sample_rate)
                for i in range(n):
                    env *= step
                    envs[i, v] = env
            else:
                for i in range(n):
                    env *= _env_step(target + glide * decay[i], sample_rate)
                    envs[i, v] = env
            state[8, v] = env
        else:
            envs[:, v] = env
    return lanes, envs


@njit(cache=True, error_model="numpy")
def render_bank(kinds, glides, decay, state, rings, histories, sample_rate, work, total, ok, modulated, mods):
    """Every voice of a bank into work (n, ≥ voices; its rows padded so a voice's column does not map
    to a handful of cache sets); finite voices marked TO_SUM are added into `total`. Voices are
    ordered: ladders first (kinds HAS_LADDER), so the ladder lanes are one range, and modulated
    voices last: each renders in time order from its params per sample (its glides moved by its
    modulation rows `mods` as `modulated` says: modulation_kernels.modulated_table), as
    render_explicit. Returns how many voices went NaN/Inf (`ok` says which)."""
    count = kinds.shape[1]
    n = work.shape[0]
    targets, starts = glides[0], glides[1]     # each param's target and glide start (columns, voices)
    scratch = np.empty((2, n))
    silent = silent_rows(kinds, state)
    for v in range(count):
        if kinds[EXPLICIT, v] >= 0:
            _modulated_voice(v, kinds, modulated_table(v, targets, starts, decay, modulated, mods), state,
                             rings, histories, sample_rate, work, scratch)
        elif silent[v]:        # a poly voice's unused note: nothing to oscillate (its ladder hears 0)
            work[:, v] = 0.0
        elif kinds[SHAPE, v] >= 0:
            _oscillate(v, kinds[SHAPE, v], targets, starts, decay, state, rings[v], histories[v], sample_rate,
                       work, scratch[0])
    ladders = 0
    while ladders < count and kinds[HAS_LADDER, ladders] and kinds[EXPLICIT, ladders] < 0:
        ladders += 1
    if ladders:
        lanes, envs = _envelope_lanes(targets, starts, decay, state, sample_rate, ladders, n)
        top = ladders       # a poly voice's free rows are its last ones (notes take the first free row)
        while top > 0 and silent[top - 1]:
            top -= 1
        if top >= LANES:
            _ladder_lanes(work, lanes, envs, state[4:8], decay, 0, top, 0.45 * sample_rate, np.pi / sample_rate)
        else:
            for v in range(top):
                if silent[v]:
                    continue
                _ladder_voice(work, v, (lanes[L_CUTOFF, v], lanes[L_CUTOFF + 1, v], decay),
                              (lanes[L_AMOUNT, v], lanes[L_AMOUNT + 1, v], decay),
                              (lanes[L_RES, v], lanes[L_RES + 1, v], decay), (lanes[L_DRIVE, v], lanes[L_DRIVE + 1, v], decay),
                              envs[:, v], lanes[L_SOUNDING, v], lanes[L_ACCENT, v], state[4:8], 0.45 * sample_rate,
                              np.pi / sample_rate)
    for v in range(count):
        if kinds[SVF_MODE, v] >= 0 and kinds[EXPLICIT, v] < 0:
            if silent[v]:      # a poly voice's unused note: its filter rests empty (a new note starts clean)
                state[SVF_STATE, v] = state[SVF_STATE + 1, v] = 0.0
            else:
                _svf_voice(work, v, kinds[SVF_MODE, v], (targets[SVF_CUTOFF, v], starts[SVF_CUTOFF, v] - targets[SVF_CUTOFF, v],
                           decay), (targets[SVF_Q, v], starts[SVF_Q, v] - targets[SVF_Q, v], decay), state, sample_rate)
    d = decay[0]
    for v in range(count):
        if kinds[HAS_ADSR, v] and not silent[v] and kinds[EXPLICIT, v] < 0:
            _envelope(v, targets[ATTACK, v] + (starts[ATTACK, v] - targets[ATTACK, v]) * d,
                      targets[DECAY, v] + (starts[DECAY, v] - targets[DECAY, v]) * d,
                      targets[SUSTAIN, v] + (starts[SUSTAIN, v] - targets[SUSTAIN, v]) * d,
                      targets[RELEASE, v] + (starts[RELEASE, v] - targets[RELEASE, v]) * d, state, sample_rate, work)
    apply_row_gates(kinds, state, silent, work, sample_rate)
    return _finish(kinds, targets, starts, decay[n - 1], state, work, total, ok)


@njit(cache=True, error_model="numpy")
def _finish(kinds, targets, starts, last_decay, state, work, total, ok):
    """Which voices stayed finite (the others are zeroed; returns how many did not), their sum, and
    the glides moved on. Row by row across voices, so the passes vectorise: x·0 is 0 unless x is
    NaN or ±inf."""
    count = kinds.shape[1]
    probe = np.zeros(count)
    weight = np.zeros(count)
    for v in range(count):
        weight[v] = 1.0 if kinds[TO_SUM, v] else 0.0
        for c in range(state.shape[0]):
            probe[v] += state[c, v] * 0.0
    for i in range(work.shape[0]):
        row = work[i]
        for v in range(count):
            probe[v] += row[v] * 0.0
    broken = 0
    for v in range(count):
        ok[v] = probe[v] == 0.0
        if not ok[v]:
            work[:, v] = 0.0
            broken += 1
    for i in range(work.shape[0]):
        acc = total[i]
        row = work[i]
        for v in range(count):
            acc += row[v] * weight[v]
        total[i] = acc
    for c in range(targets.shape[0]):
        for v in range(count):
            starts[c, v] = glide_end(targets[c, v], starts[c, v], last_decay)
    return broken


@njit(cache=True, error_model="numpy")
def render_explicit(kinds, params, state, ring, history, audio, sample_rate, out):
    """One module (a chain of one, bank of one: kinds (KINDS, 1), state (STATE_COLUMNS, 1)) with params (columns, n)
    given per sample; the same per-sample functions as render_bank, in time order."""
    _explicit_voice(kinds[SHAPE, 0], kinds[HAS_LADDER, 0], kinds[SVF_MODE, 0], kinds[HAS_ADSR, 0], params, state[:, 0],
                    ring, history, audio, sample_rate, out)


@njit(cache=True, error_model="numpy")
def _explicit_voice(shape, has_ladder, svf_mode, has_adsr, params, st, ring, history, audio, sample_rate, out):
    """A voice (state column `st`) with params (columns, n) given per sample: oscillator, ladder and
    multimode filter (svf_mode ≥ 0) sample by sample, then the ADSR over the block (the same
    numbers); `audio` is its input where it has no oscillator (shape −1; it may be `out`: read, then
    written)."""
    n = out.shape[0]
    phase = clock = floor = 0
    if shape >= 0:
        phase, clock = _start_oscillator(shape, st[0:4], ring, history,
                                         _inc(params[FREQ, 0], params[DETUNE, 0], sample_rate), params[WIDTH, 0])
        floor = clock - BLEP_HALF
    sounding = has_ladder and st[8] > ENV_FLOOR
    accent = st[9] if sounding else 0.0
    attack, release = _stage_samples(params[ATTACK, 0], sample_rate), _stage_samples(params[RELEASE, 0], sample_rate)
    dec, sustain = _stage_samples(params[DECAY, 0], sample_rate), params[SUSTAIN, 0]
    s1, s2, s3, s4, env = st[4], st[5], st[6], st[7], st[8]     # the ladder's and the note's state in registers
    freq = detune = env_decay = fc_was = res = drive = np.nan  # the numbers of the last sample: what
    inc = ratio = step = big_g = c1 = c2 = c3 = c4 = inv = pre = 0.0    # follows from them is computed once
    svf_cutoff = svf_q = np.nan
    k = a1 = a2 = a3 = 0.0
    ic1, ic2 = st[SVF_STATE], st[SVF_STATE + 1]
    was, left, total = st[SVF_STATE + SVF_WAS:SVF_STATE + SVF_WAS + 3], st[SVF_STATE + SVF_LEFT], mode_fade_samples(sample_rate)
    for i in range(n):
        x = audio[i]
        if shape >= 0:
            if params[FREQ, i] != freq or params[DETUNE, i] != detune:
                if params[DETUNE, i] != detune:
                    detune = params[DETUNE, i]
                    ratio = np.exp2(detune / 1200.0)
                freq = params[FREQ, i]
                inc = min(freq * ratio / sample_rate, 0.49)     # _inc's numbers, its exp2 once per detune
            y, phase = _oscillator_sample(shape, phase, clock, ring, history, inc, params[WIDTH, i], floor)
            x = y * params[GAIN, i]
            clock += 1
        if has_ladder:
            if sounding and params[ENV_DECAY, i] != env_decay:
                env_decay = params[ENV_DECAY, i]
                step = _env_step(env_decay, sample_rate)
            if sounding:
                env *= step
            fc = _cutoff(params[CUTOFF, i], params[ENV_AMOUNT, i], env * (1.0 if sounding else 0.0), 0.45 * sample_rate)
            if fc != fc_was or params[RESONANCE, i] != res or params[DRIVE, i] != drive:
                fc_was, res, drive = fc, params[RESONANCE, i], params[DRIVE, i]
                big_g, c1, c2, c3, c4, inv, pre = _ladder_coefficients(fc, res, drive, np.pi / sample_rate)
            x, s1, s2, s3, s4 = _ladder_step(x, params[DRIVE, i], big_g, c1, c2, c3, c4, inv, pre, s1, s2, s3, s4)
            x *= 1.0 + ACCENT_LEVEL * accent * min(env, 1.0)
        if svf_mode >= 0:
            if params[SVF_CUTOFF, i] != svf_cutoff or params[SVF_Q, i] != svf_q:
                svf_cutoff, svf_q = params[SVF_CUTOFF, i], params[SVF_Q, i]
                k, a1, a2, a3 = _svf_coefficients(svf_cutoff, svf_q, sample_rate)
            y, v1, v2, ic1, ic2 = _svf_step(x, svf_mode, k, a1, a2, a3, ic1, ic2)
            if left > 0.0:
                y = _mode_fade(y, x, k, v1, v2, was, left, total)
                left -= 1.0
            x = y
        out[i] = x
    if shape >= 0:
        st[0], st[1] = phase, clock & 0xFFFFFFF
    st[4], st[5], st[6], st[7], st[8] = s1, s2, s3, s4, env
    st[SVF_STATE], st[SVF_STATE + 1], st[SVF_STATE + SVF_LEFT] = ic1, ic2, left
    if has_adsr:      # last in the chain: a pass of its own over the samples
        st[10], st[11], st[12], st[13] = _adsr_run(int(st[10]), st[11], int(st[12]), st[13], attack, dec, sustain,
                                                   release, out)


def warmup() -> None:
    """Compile (or load from the cache) the voice kernels with a tiny bank of every kind."""
    from .voice_layout import COLUMNS, LFO_RANDOM, LFO_ROWS, LFO_SHAPE, STATE_COLUMNS
    n, count = 8, 4
    kinds = np.array([[0, -1, 1, 0], [1, 1, 0, 1], [1, 0, 1, 1], [1, 1, 0, 0], [0, 0, 1, 0], [-1, -1, -1, 0],
                      [0, -1, 1, 2]], dtype=np.int64)
    render_bank(kinds, np.ones((2, COLUMNS, count)) * 100.0, np.ones(n), np.zeros((STATE_COLUMNS, count)),
                np.zeros((count, RING)), np.zeros((count, 3, BLEP_HALF)), 48000.0, np.zeros((n, count)), np.zeros(n),
                np.zeros(count, dtype=np.bool_), np.array([[3.0, 4.0, 0.0, 1.0, 20.0, 2e4, 0.0]]), np.ones((1, n)))
    render_explicit(kinds[:, :1].copy(), np.ones((COLUMNS, n)) * 100.0, np.zeros((STATE_COLUMNS, 1)), np.zeros(RING),
                    np.zeros((3, BLEP_HALF)), np.zeros(n), 48000.0, np.zeros(n))
    lfos = np.ones((LFO_ROWS, 2))
    lfos[LFO_SHAPE] = 0, LFO_RANDOM
    render_modulation(lfos, np.ones(n), 48000.0, np.zeros((2, n)), np.array([[0, 0], [1, 1]], dtype=np.int64), 1,
                      np.zeros((2, n)))
