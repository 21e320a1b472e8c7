"""Per-sample DSP recursions, compiled by numba once (cache=True) and warmed up outside any audio path.

Every kernel works in place on float64 arrays and keeps its state in a small array owned by the
module, so a module pickles (and a standby slot resumes) with its exact DSP state.
"""
from __future__ import annotations

import numpy as np
from numba import njit

from .blep import BLEP_HALF, RING, oscillator_retune
from .voice_steps import _svf_coefficients, _svf_step


# -- filters -----------------------------------------------------------------------------------
@njit(cache=True)
def svf(x, cutoff, q, mode, state, sample_rate, out):
    """Trapezoidal state-variable filter (Simper): 0 lowpass, 1 highpass, 2 bandpass (unity peak).
    The coefficients are computed again only when cutoff or q changes (the same numbers)."""
    ic1, ic2 = state[0], state[1]
    last_cutoff = last_q = np.nan
    k = a1 = a2 = a3 = 0.0
    for i in range(x.shape[0]):
        if cutoff[i] != last_cutoff or q[i] != last_q:
            last_cutoff, last_q = cutoff[i], q[i]
            k, a1, a2, a3 = _svf_coefficients(last_cutoff, last_q, sample_rate)
        out[i], _, _, ic1, ic2 = _svf_step(x[i], mode, k, a1, a2, a3, ic1, ic2)
    state[0], state[1] = ic1, ic2


DC_BLOCK_HZ = 10.0    # the distortion's DC blocker: a one-pole high-pass, far under any note


@njit(cache=True)
def distortion(x, drive, mix, mode, tone, state, sample_rate, out):
    """A distortion's block in one pass: the shaper (mode: the index of tanh, hard, foldback, bitcrush), a DC
    blocker (an asymmetric input — an offset, a pulse — shaped hard leaves DC: the blocker takes
    it out, as any pedal's output capacitor does), the one-pole tone low-pass, the wet/dry mix.
    state = [tone low-pass, blocker's last input, blocker's last output]."""
    toned, before, blocked = state[0], state[1], state[2]
    pole = np.exp(-2.0 * np.pi * DC_BLOCK_HZ / sample_rate)
    last, a = np.nan, 0.0
    for i in range(x.shape[0]):
        driven = x[i] * drive[i]
        if mode == 0:
            shaped = np.tanh(driven)
        elif mode == 1:
            shaped = min(max(driven, -1.0), 1.0)
        elif mode == 2:     # triangle fold: f(x) = x for |x| ≤ 1, reflected back at ±1 beyond
            shaped = 4.0 * abs(0.25 * driven + 0.25 - np.floor(0.25 * driven + 0.75)) - 1.0
        else:               # bitcrush: more drive, fewer bits (16 bits at drive 1 down to 2 bits at 50)
            levels = np.exp2(16.0 - 14.0 * (drive[i] - 1.0) / 49.0)
            shaped = np.rint(min(max(x[i], -1.0), 1.0) * levels) / levels
        blocked = shaped - before + pole * blocked
        before = shaped
        if tone[i] != last:
            last = tone[i]
            a = np.exp(-2.0 * np.pi * last / sample_rate)
        toned = (1.0 - a) * blocked + a * toned
        out[i] = (1.0 - mix[i]) * x[i] + mix[i] * toned
    state[0], state[1], state[2] = toned, before, blocked


@njit(cache=True)
def one_pole_pink(white, state, out):
    """Paul Kellet's economy pink filter; state = 3 poles."""
    b0, b1, b2 = state[0], state[1], state[2]
    for i in range(white.shape[0]):
        w = white[i]
        b0 = 0.99765 * b0 + w * 0.0990460
        b1 = 0.96300 * b1 + w * 0.2965164
        b2 = 0.57000 * b2 + w * 1.0526913
        out[i] = (b0 + b1 + b2 + w * 0.1848) * 0.25
    state[0], state[1], state[2] = b0, b1, b2


@njit(cache=True)
def leaky_integrator(white, state, out):
    """Brown noise: integrated white with a leak so it never wanders off."""
    y = state[0]
    for i in range(white.shape[0]):
        y = 0.995 * y + 0.05 * white[i]
        out[i] = y
    state[0] = y


# -- modulators -------------------------------------------------------------------------------
LFO_SHAPES = ("sine", "triangle", "saw", "square")   # the random shape draws from numpy's generator


@njit(cache=True)
def lfo(shape, phase, rate, depth, offset, sample_rate, out):
    """An LFO's block (shape an index of LFO_SHAPES): offset + depth × wave, clipped to ±1. The phase
    accumulates as numpy's cumsum did, the same numbers in one pass. Returns the phase after."""
    total = 0.0
    cycle = phase
    for i in range(out.shape[0]):
        total += rate[i] / sample_rate
        cycles = phase + total
        cycle = cycles - np.floor(cycles)
        if shape == 0:
            wave = np.sin(2.0 * np.pi * cycle)
        elif shape == 1:
            wave = 1.0 - 4.0 * np.abs(cycle - 0.5)
        elif shape == 2:
            wave = 2.0 * cycle - 1.0
        else:
            wave = 1.0 if cycle < 0.5 else -1.0
        out[i] = min(max(offset[i] + depth[i] * wave, -1.0), 1.0)
    return cycle


# -- drums and the master bus ---------------------------------------------------------------------------------------
KICK, SNARE, HAT = 0, 1, 2
SIXTY_DB = np.log(1000.0)   # a drum's `decay` is its time to fall by 60 dB
SNARE_WIRES, HAT_NOISE = 0.6, 0.5   # noise scales: a default snare peaks near −2 dBFS, a hat −6 (the kick −2)


@njit(cache=True)
def drum(kind, age, phase, params, wires, sample_rate, out):
    """One block of a drum hit `age` samples after it: kick (params freq, decay, punch, gain), snare
    (tone, snap, decay, gain) or hat (decay, tone, gain), before level and gain; `wires` is the
    high-passed noise (snare, hat). Returns the body sine's phase after the block. The fixed
    exponentials (pitch sweep, click, snare's pitch drop) and a still decay step by one factor a
    sample instead of calling exp (equal to it within 1e-13)."""
    t0 = age / sample_rate
    step = 1.0 / sample_rate
    sweep, sweep_step = np.exp(-t0 / 0.025), np.exp(-step / 0.025)          # kick pitch sweep
    click, click_step = np.exp(-t0 / 0.0015), np.exp(-step / 0.0015)        # kick beater
    drop, drop_step = np.exp(-t0 / 0.01), np.exp(-step / 0.01)              # snare pitch drop
    rate, level, level_step = -1.0, 0.0, 0.0
    total = 0.0
    last_decay = np.nan
    for i in range(out.shape[0]):
        decay_ms = params[1, i] if kind == KICK else params[2, i] if kind == SNARE else params[0, i]
        if decay_ms != last_decay and SIXTY_DB / (decay_ms * 1e-3) != rate:   # (one division per change)
            last_decay = decay_ms
            rate = SIXTY_DB / (decay_ms * 1e-3)
            level, level_step = np.exp(-rate * (t0 + i * step)), np.exp(-rate * step)
        if kind == KICK:
            punch = params[2, i]
            freq = params[0, i] * (1.0 + 5.0 * punch * sweep)
            total += freq
            body = np.sin(2.0 * np.pi * (phase + total / sample_rate - freq / sample_rate))
            out[i] = level * body + 0.3 * punch * click
        elif kind == SNARE:
            freq = params[0, i] * (1.0 + 0.5 * drop)
            total += freq
            body = np.sin(2.0 * np.pi * (phase + total / sample_rate - freq / sample_rate))
            snap = params[1, i]
            out[i] = level * ((1.0 - 0.6 * snap) * body + snap * SNARE_WIRES * wires[i])
        else:
            out[i] = level * wires[i] * HAT_NOISE
        sweep *= sweep_step
        click *= click_step
        drop *= drop_step
        level *= level_step
    return (phase + total / sample_rate) % 1.0


@njit(cache=True)
def drum_block(kind, age, phase, params, noise, cutoff, filter_state, level, gain, sample_rate, out):
    """A drum's block in one call: `noise` (uniform draws in [0, 1); empty for the kick) made white
    in ±1 (as numpy's uniform(−1, 1) makes it) and high-passed in place at `cutoff` into the wires,
    the hit (`drum`), then × level × gain. Returns the phase after."""
    n = noise.shape[0]
    if n:
        for i in range(n):
            noise[i] = -1.0 + 2.0 * noise[i]
        svf(noise, np.full(n, cutoff), np.full(n, 0.9), 1, filter_state, sample_rate, noise)
    phase = drum(kind, age, phase, params, noise, sample_rate, out)
    for i in range(out.shape[0]):
        out[i] = out[i] * (level * gain[i])
    return phase


# a DrumBank's tables (engine/drum_bank.py): `info` columns per drum, `blocks` rows per drum (4 param rows, then these)
D_KIND, D_ACTIVE, D_AGE, D_PHASE, D_LEVEL, D_CUTOFF, D_GAIN_ROW, D_SUMMED, D_OK, D_FILTER = range(10)
D_COLUMNS = D_FILTER + 2       # the noise filter's state: two columns
D_NOISE, D_OUT, D_ROWS = 4, 5, 6


@njit(cache=True)
def drum_bank(info, blocks, n, sample_rate, total):
    """Every sounding drum of a patch in one call: drum d (info[d, D_ACTIVE]) renders `drum_block`
    into blocks[d, D_OUT, :n] from its param rows and noise (the first n samples of each); then
    which stayed finite (D_OK), and the finite ones marked D_SUMMED added into `total` in order.
    Returns how many went NaN/Inf."""
    broken = 0
    for d in range(info.shape[0]):
        if info[d, D_ACTIVE] == 0.0:
            continue
        kind = int(info[d, D_KIND])
        block = blocks[d]        # (its param rows are read up to n: the drum's loop is over its output's n)
        wires = block[D_NOISE, :n] if kind != KICK else block[D_NOISE, :0]
        out = block[D_OUT, :n]
        info[d, D_PHASE] = drum_block(kind, int(info[d, D_AGE]), info[d, D_PHASE], block[:4], wires, info[d, D_CUTOFF],
                                      info[d, D_FILTER:D_COLUMNS], info[d, D_LEVEL], block[int(info[d, D_GAIN_ROW])],
                                      sample_rate, out)
        info[d, D_OK] = 1.0 if finite(out) else 0.0
        if info[d, D_OK] == 0.0:
            broken += 1
    for d in range(info.shape[0]):
        if info[d, D_ACTIVE] != 0.0 and info[d, D_SUMMED] != 0.0 and info[d, D_OK] != 0.0:
            for i in range(total.shape[0]):
                total[i] += blocks[d, D_OUT, i]
    return broken


@njit(cache=True)
def finite(samples):
    """Whether no sample is NaN or ±inf (x·0 is 0 unless x is)."""
    probe = 0.0
    for i in range(samples.shape[0]):
        probe += samples[i] * 0.0
    return probe == 0.0


@njit(cache=True)
def master_out(left, right, gain_db, limiter_on, ceiling, knee, coefs, state, out):
    """The stereo master bus in one pass: gain (dB per sample), a zero-latency limiter linked across
    the channels (one envelope from the louder), clip to ±1; out is (n, 2). A mono bus passes the
    same array as left and right and gets L = R = the mono bus's samples.

    The limiter: two peak envelopes — fast (coefs[0] attack, coefs[1] release) for transients,
    slow (coefs[2] attack, coefs[3] release) that holds the gain through a sustained loud note
    (program-dependent release) — bring the louder side's envelope down to the ceiling; a soft
    knee then bends every sample above `knee` toward the ceiling (knee + w·u/√(1+u²), w = ceiling
    − knee, u = over/w: continuous in value and slope, never reaching it), catching what the
    non-instant attack lets through without flat runs. No lookahead, so no added latency. Below
    the knee with the envelopes under the ceiling, a sample passes unchanged."""
    fast, slow = state[0], state[1]
    attack, fast_release, slow_attack, slow_release = coefs[0], coefs[1], coefs[2], coefs[3]
    width = ceiling - knee
    last, gain = np.nan, 1.0
    mono = left.ctypes.data == right.ctypes.data     # one side's numbers are the other's: computed once
    for i in range(left.shape[0]):
        if gain_db[i] != last:
            last = gain_db[i]
            gain = 10.0 ** (last / 20.0)
        y_l = left[i] * gain
        y_r = y_l if mono else right[i] * gain
        if limiter_on:
            level = abs(y_l) if mono else max(abs(y_l), abs(y_r))
            fast = (attack if level > fast else fast_release) * (fast - level) + level
            slow = (slow_attack if level > slow else slow_release) * (slow - level) + level
            env = max(fast, slow)
            if env > ceiling:
                y_l *= ceiling / env
                y_r *= ceiling / env
            y_l = _soft_knee(y_l, knee, width)
            y_r = y_l if mono else _soft_knee(y_r, knee, width)
        out[i, 0] = min(1.0, max(-1.0, y_l))
        out[i, 1] = min(1.0, max(-1.0, y_r))
    state[0], state[1] = fast, slow


@njit(cache=True, inline="always")
def _soft_knee(y, knee, width):
    """y unchanged up to ±knee, then bent toward ±(knee + width) with slope 1 at the knee."""
    magnitude = abs(y)
    if magnitude <= knee:
        return y
    u = min((magnitude - knee) / width, 1e6)
    bent = knee + width * u / np.sqrt(1.0 + u * u)
    return bent if y > 0.0 else -bent


def warmup() -> None:
    """Compile (or load from numba's cache) every kernel with tiny inputs."""
    n = 8
    ones = np.ones(n)
    out = np.zeros(n)
    for shape in range(4):
        oscillator_retune(shape, np.zeros(3), np.zeros(RING), np.zeros((3, BLEP_HALF)), 0.01)
    svf(ones, ones * 500, ones, 0, np.zeros(2), 48000.0, out)
    for mode in range(4):
        distortion(ones, ones, ones, mode, ones * 500, np.zeros(3), 48000.0, out)
    one_pole_pink(ones, np.zeros(3), out)
    leaky_integrator(ones, np.zeros(1), out)
    for kind in (KICK, SNARE, HAT):
        drum_block(kind, 0, 0.0, np.ones((4, n)) * 100.0, np.zeros(0 if kind == KICK else n), 1000.0, np.zeros(2), 1.0,
                   ones, 48000.0, np.zeros(n))
    info = np.zeros((3, D_COLUMNS))
    info[:, D_KIND], info[:, D_ACTIVE], info[:, D_CUTOFF], info[:, D_GAIN_ROW] = (KICK, SNARE, HAT), 1.0, 1000.0, 3.0
    drum_bank(info, np.ones((3, D_ROWS, n)) * 100.0, n, 48000.0, np.zeros(n))
    for shape in range(len(LFO_SHAPES)):
        lfo(shape, 0.0, ones, ones, out, 48000.0, out)
    finite(out)
    for bus in (np.zeros((n, 2)), np.zeros((n, 2), dtype=np.float32)):
        master_out(np.zeros(n), np.zeros(n), np.zeros(n), True, 0.9, 0.7, np.full(4, 0.99), np.zeros(2), bus)
