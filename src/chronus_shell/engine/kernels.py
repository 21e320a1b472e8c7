"""Per-sample DSP recursions, compiled by numba once (cache=True) and warmed up outside any audio path.

Every kernel works in place on float64 arrays and keeps its state in a small array owned by the
module, so a module pickles (and a standby slot resumes) with its exact DSP state.
"""
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


@njit(cache=True)
def _span(shape, phase, clock, ring, history, inc, width, out, sign, floor, step_table, ramp_table):
    """Generate len(inc) samples of the naive wave from `clock` on, with the residuals of their
    edges (which start up to BLEP_HALF − 1 samples before them), added to the ring × `sign` (−1
    takes back what +1 added) on output samples from `floor` on; returns the phase after.

    With `sign` +1 each sample's (phase, inc, width) goes into `history`; when `out` has room,
    each sample also plays the output sample BLEP_HALF behind it."""
    play = out.shape[0] > 0
    for i in range(inc.shape[0]):
        dt = inc[i]
        w = width[i]
        if sign > 0.0:
            h = clock & (BLEP_HALF - 1)
            history[0, h], history[1, h], history[2, h] = phase, dt, w
        if shape == 0:
            naive = 2.0 * phase - 1.0
        elif shape == 1:
            naive = 1.0 if phase < w else -1.0
        elif shape == 2:
            naive = 4.0 * phase - 1.0 if phase < 0.5 else 3.0 - 4.0 * phase
        else:
            naive = np.sin(2.0 * np.pi * phase)
        ring[clock & (RING - 1)] += sign * naive
        new = phase + dt
        if shape == 1 and phase < w <= new:
            _add_residual(ring, step_table, STEP, clock, (w - phase) / dt, -2.0 * sign, floor)
        if shape == 2 and phase < 0.5 <= new:
            _add_residual(ring, ramp_table, RAMP, clock, (0.5 - phase) / dt, -8.0 * dt * sign, floor)
        if new >= 1.0:
            new -= 1.0
            frac = (1.0 - phase) / dt
            if shape == 0:
                _add_residual(ring, step_table, STEP, clock, frac, -2.0 * sign, floor)
            elif shape == 1:
                _add_residual(ring, step_table, STEP, clock, frac, 2.0 * sign, floor)
                if new >= w:  # crossed the width again within the same sample
                    _add_residual(ring, step_table, STEP, clock, frac + w / dt, -2.0 * sign, floor)
            elif shape == 2:
                _add_residual(ring, ramp_table, RAMP, clock, frac, 8.0 * dt * sign, floor)
        phase = new
        if play:
            slot = (clock - BLEP_HALF) & (RING - 1)
            out[i] = ring[slot]
            ring[slot] = 0.0
        clock += 1
    return phase


@njit(cache=True)
def oscillator(shape, state, ring, history, inc, width, out, step_table, ramp_table):
    """Band-limited saw (0), square (1), triangle (2) or sine (3) at `inc` cycles/sample.

    state = [phase, clock, started]: the wave is generated BLEP_HALF samples ahead of the output (the
    residual of an edge starts before it); `history` keeps (phase, inc, width) of those samples so a
    note can generate them again at its pitch (`oscillator_retune`). The first call starts the wave
    BLEP_HALF samples early, so it is heard from the very first output sample.
    """
    phase = state[0]
    clock = int(state[1])
    if state[2] == 0.0:
        phase = _span(shape, phase, clock, ring, history, np.full(BLEP_HALF, inc[0]), np.full(BLEP_HALF, width[0]),
                      out[:0], 1.0, clock, step_table, ramp_table)
        clock += BLEP_HALF
        state[2] = 1.0
    state[0] = _span(shape, phase, clock, ring, history, inc, width, out, 1.0, clock - BLEP_HALF,
                     step_table, ramp_table)
    state[1] = (clock + out.shape[0]) & 0xFFFFFFF


@njit(cache=True)
def oscillator_retune(shape, state, ring, history, inc, step_table, ramp_table):
    """A note at the next output sample: the BLEP_HALF samples generated ahead at the old pitch are
    taken back and generated again at `inc`, so the new pitch is heard from that very sample
    (phase-continuous). Residuals that would fall on samples already played are left out."""
    if state[2] == 0.0:
        return  # not started: its first call starts at the new pitch anyway
    clock = int(state[1])
    played = clock - BLEP_HALF  # the next output sample
    order = (np.arange(played, clock) & (BLEP_HALF - 1))
    phase, widths = history[0, order[0]], history[2, order].copy()
    _span(shape, phase, played, ring, history, history[1, order].copy(), widths, np.empty(0), -1.0, played,
          step_table, ramp_table)
    state[0] = _span(shape, phase, played, ring, history, np.full(BLEP_HALF, inc), widths, np.empty(0), 1.0,
                     played, step_table, ramp_table)


@njit(cache=True)
def oscillator_bank(shape, states, rings, histories, inc, width, out, step_table, ramp_table):
    """`oscillator` for a bank of same-shape voices: one row of every array per voice."""
    for v in range(out.shape[0]):
        oscillator(shape, states[v], rings[v], histories[v], inc[v], width[v], out[v], step_table, ramp_table)


# -- filters -----------------------------------------------------------------------------------
@njit(cache=True)
def _tpt_stage(x, state, big_g):
    """One trapezoidal one-pole low-pass stage: (output, new state)."""
    v = (x - state) * big_g
    y = v + state
    return y, y + v


@njit(cache=True)
def ladder(x, cutoff, resonance, drive, env, state, sample_rate, out):
    """Zero-delay-feedback 4-pole ladder, saturating input; k = 4·resonance (4 = self-oscillation).

    `env` multiplies the cutoff per sample (the per-note envelope); state = 4 integrators.
    """
    s1, s2, s3, s4 = state[0], state[1], state[2], state[3]
    nyquist_guard = 0.45 * sample_rate
    for i in range(x.shape[0]):
        fc = cutoff[i] * env[i]
        if fc > nyquist_guard:
            fc = nyquist_guard
        g = np.tan(np.pi * fc / sample_rate)
        big_g = g / (1.0 + g)
        k = 4.0 * resonance[i]
        scale = 1.0 / (1.0 + g)
        feedback_sum = big_g * big_g * big_g * s1 * scale + big_g * big_g * s2 * scale + big_g * s3 * scale + s4 * scale
        d = drive[i]
        u = (np.tanh(d * x[i]) / np.sqrt(d) * (1.0 + 0.5 * k) - k * feedback_sum) / (1.0 + k * big_g ** 4)
        u = np.tanh(u)
        y1, s1 = _tpt_stage(u, s1, big_g)
        y2, s2 = _tpt_stage(y1, s2, big_g)
        y3, s3 = _tpt_stage(y2, s3, big_g)
        out[i], s4 = _tpt_stage(y3, s4, big_g)
    state[0], state[1], state[2], state[3] = s1, s2, s3, s4


@njit(cache=True)
def ladder_bank(x, cutoff, resonance, drive, env, states, sample_rate, out):
    """`ladder` for a bank of voices: one row of every array per voice."""
    for v in range(out.shape[0]):
        ladder(x[v], cutoff[v], resonance[v], drive[v], env[v], states[v], sample_rate, out[v])


@njit(cache=True)
def svf(x, cutoff, q, mode, state, sample_rate, out):
    """Trapezoidal state-variable filter (Simper): 0 lowpass, 1 highpass, 2 bandpass (unity peak)."""
    ic1, ic2 = state[0], state[1]
    for i in range(x.shape[0]):
        fc = min(cutoff[i], 0.49 * sample_rate)
        g = np.tan(np.pi * fc / sample_rate)
        k = 1.0 / q[i]
        a1 = 1.0 / (1.0 + g * (g + k))
        a2 = g * a1
        a3 = g * a2
        v3 = x[i] - ic2
        v1 = a1 * ic1 + a2 * v3
        v2 = ic2 + a2 * ic1 + a3 * v3
        ic1 = 2.0 * v1 - ic1
        ic2 = 2.0 * v2 - ic2
        if mode == 0:
            out[i] = v2
        elif mode == 1:
            out[i] = x[i] - k * v1 - v2
        else:
            out[i] = k * v1
    state[0], state[1] = ic1, ic2


@njit(cache=True)
def one_pole_lowpass(x, cutoff, state, sample_rate, out):
    """Gentle 6 dB/oct tone control (matched pole)."""
    y = state[0]
    for i in range(x.shape[0]):
        a = np.exp(-2.0 * np.pi * cutoff[i] / sample_rate)
        y = (1.0 - a) * x[i] + a * y
        out[i] = y
    state[0] = y


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


# -- envelopes ---------------------------------------------------------------------------------
IDLE, ATTACK, DECAY, SUSTAIN, RELEASE = 0, 1, 2, 3, 4
CURVE = 5.0  # decay and release are exponential-shaped yet land exactly on their stage end


@njit(cache=True)
def _curve(t):
    return (np.exp(-CURVE * t) - np.exp(-CURVE)) / (1.0 - np.exp(-CURVE))


@njit(cache=True)
def adsr(state, attack, decay, sustain, release, out):
    """ADSR level per sample; stage lengths in samples (≥ 1). state = [stage, level, pos, start].

    Attack is linear from the current level (retrigger never clicks); each stage ends exactly
    `length` samples after it starts.
    """
    stage, level, pos, start = int(state[0]), state[1], int(state[2]), state[3]
    for i in range(out.shape[0]):
        if stage == ATTACK:
            pos += 1
            level = start + (1.0 - start) * pos / attack
            if pos >= attack:
                stage, pos, start, level = DECAY, 0, 1.0, 1.0
        elif stage == DECAY:
            pos += 1
            level = sustain + (start - sustain) * _curve(pos / decay)
            if pos >= decay:
                stage, level = SUSTAIN, sustain
        elif stage == SUSTAIN:
            level = sustain
        elif stage == RELEASE:
            pos += 1
            level = start * _curve(pos / release)
            if pos >= release:
                stage, level = IDLE, 0.0
        out[i] = level
    state[0], state[1], state[2], state[3] = stage, level, pos, start


@njit(cache=True)
def adsr_bank(states, attack_ms, decay_ms, sustain, release_ms, sample_rate, out):
    """`adsr` for a bank of voices; the params are (voices, n) blocks, read at the block's start
    (stage lengths in whole samples, at least one)."""
    for v in range(out.shape[0]):
        attack = max(1.0, np.rint(attack_ms[v, 0] * 1e-3 * sample_rate))
        decay = max(1.0, np.rint(decay_ms[v, 0] * 1e-3 * sample_rate))
        release = max(1.0, np.rint(release_ms[v, 0] * 1e-3 * sample_rate))
        adsr(states[v], attack, decay, sustain[v, 0], release, out[v])


# -- time ----------------------------------------------------------------------------------------
@njit(cache=True)
def delay_line(x, delay_samples, feedback, mix, buffer, state, out):
    """Feedback delay, linearly interpolated (exact for whole-sample times); state = [write]."""
    size = buffer.shape[0]
    write = int(state[0])
    for i in range(x.shape[0]):
        read = write - delay_samples[i]
        base = int(np.floor(read))
        frac = read - base
        a = buffer[base % size]
        b = buffer[(base + 1) % size]
        wet = a + frac * (b - a)
        buffer[write] = x[i] + feedback[i] * wet
        out[i] = (1.0 - mix[i]) * x[i] + mix[i] * wet
        write = (write + 1) % size
    state[0] = write


@njit(cache=True)
def freeverb(x, room, damp, mix, combs, comb_lengths, comb_state, allpasses, allpass_lengths, positions, out):
    """Freeverb: 8 parallel damped combs into 4 series allpasses (mono).

    comb_state holds each comb's damping filter memory; positions holds every line's index.
    """
    n_combs = comb_lengths.shape[0]
    n_allpasses = allpass_lengths.shape[0]
    for i in range(x.shape[0]):
        feedback = 0.7 + 0.28 * room[i]
        damping = 0.4 * damp[i]
        inp = x[i] * 0.015
        wet = 0.0
        for c in range(n_combs):
            p = int(positions[c])
            y = combs[c, p]
            comb_state[c] = y * (1.0 - damping) + comb_state[c] * damping
            combs[c, p] = inp + comb_state[c] * feedback
            wet += y
            positions[c] = (p + 1) % comb_lengths[c]
        for a in range(n_allpasses):
            p = int(positions[n_combs + a])
            buffered = allpasses[a, p]
            allpasses[a, p] = wet + buffered * 0.5
            wet = buffered - wet
            positions[n_combs + a] = (p + 1) % allpass_lengths[a]
        out[i] = (1.0 - mix[i]) * x[i] + mix[i] * 3.0 * wet


# -- output --------------------------------------------------------------------------------------
@njit(cache=True)
def limiter(x, ceiling, release_coef, state, out):
    """Brick-wall peak limiter: instant attack, exponential release; state = [envelope]."""
    env = state[0]
    for i in range(x.shape[0]):
        level = abs(x[i])
        env = level if level > env else release_coef * env + (1.0 - release_coef) * level
        gain = ceiling / env if env > ceiling else 1.0
        out[i] = x[i] * gain
    state[0] = env


def warmup() -> None:
    """Compile (or load from numba's cache) every kernel with tiny inputs."""
    n = 8
    ones = np.ones(n)
    out = np.zeros(n)
    for shape in range(4):
        oscillator(shape, np.zeros(3), np.zeros(RING), np.zeros((3, BLEP_HALF)), ones * 0.01, ones * 0.5, out,
                   STEP_TABLE, RAMP_TABLE)
        oscillator_retune(shape, np.zeros(3), np.zeros(RING), np.zeros((3, BLEP_HALF)), 0.01, STEP_TABLE, RAMP_TABLE)
    ladder(ones, ones * 500, ones * 0.5, ones, ones, np.zeros(4), 48000.0, out)
    rows, bank_out = np.ones((2, n)), np.zeros((2, n))
    for shape in range(4):
        oscillator_bank(shape, np.zeros((2, 3)), np.zeros((2, RING)), np.zeros((2, 3, BLEP_HALF)), rows * 0.01,
                        rows * 0.5, bank_out, STEP_TABLE, RAMP_TABLE)
    ladder_bank(rows, rows * 500, rows * 0.5, rows, rows, np.zeros((2, 4)), 48000.0, bank_out)
    adsr_bank(np.array([[1.0, 0, 0, 0]] * 2), rows, rows, rows * 0.5, rows, 48000.0, bank_out)
    svf(ones, ones * 500, ones, 0, np.zeros(2), 48000.0, out)
    one_pole_lowpass(ones, ones * 500, np.zeros(1), 48000.0, out)
    one_pole_pink(ones, np.zeros(3), out)
    leaky_integrator(ones, np.zeros(1), out)
    adsr(np.array([1.0, 0, 0, 0]), 4.0, 4.0, 0.5, 4.0, out)
    delay_line(ones, ones * 2, ones * 0.5, ones * 0.5, np.zeros(16), np.zeros(1), out)
    freeverb(ones, ones, ones, ones, np.zeros((2, 4)), np.array([3, 4]), np.zeros(2),
             np.zeros((1, 4)), np.array([2]), np.zeros(3), out)
    limiter(ones, 0.9, 0.99, np.zeros(1), out)
