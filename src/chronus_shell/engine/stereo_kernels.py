"""The stereo effects' kernels: a stereo delay (straight or ping-pong) and Jezar's stereo Freeverb.

Both take their input as two channels and write two; `width` scales the wet signal's side
(Freeverb's own law: out_l = l·(1 + w)/2 + r·(1 − w)/2, so 0 is mono, 1 as it comes, 2 twice as
wide). At width 1 the wet channels are used as they are — no multiplication — so a centred mono
input through a straight delay gives L = R = the old mono delay, bit for bit, and the reverb's
left tank set is the old mono reverb's (its right one is tuned STEREO_SPREAD samples longer).
"""
from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, inline="always")
def _widened(wet_l, wet_r, width):
    """The wet pair with its side scaled by `width` (1: unchanged, not multiplied)."""
    if width == 1.0:
        return wet_l, wet_r
    a = 0.5 * (1.0 + width)
    b = 0.5 * (1.0 - width)
    return wet_l * a + wet_r * b, wet_r * a + wet_l * b


@njit(cache=True, inline="always")
def _tap(buffer, read, size):
    """The line read `read` samples into the past, linearly interpolated (exact for whole samples)."""
    base = int(np.floor(read))
    frac = read - base
    here = base + size if base < 0 else base      # base % size without a division (the usual case)
    if here < 0 or here >= size:
        here = base % size
    after = here + 1 if here + 1 < size else 0
    a = buffer[here]
    b = buffer[after]
    return a + frac * (b - a)


@njit(cache=True)
def delay_stereo(x, delay_samples, feedback, mix, width, pingpong, buffers, state, out):
    """A feedback delay per channel; `pingpong`: the input's mid enters the left line and each
    line feeds the other, so the echoes alternate left, right, left… one delay time apart.
    x, out: (2, n); buffers (2, size); state = [write]."""
    size = buffers.shape[1]
    write = int(state[0])
    left, right = buffers[0], buffers[1]
    for i in range(x.shape[1]):
        read = write - delay_samples[i]
        wet_l = _tap(left, read, size)
        wet_r = _tap(right, read, size)
        fb = feedback[i]
        if pingpong:
            left[write] = 0.5 * (x[0, i] + x[1, i]) + fb * wet_r
            right[write] = fb * wet_l
        else:
            left[write] = x[0, i] + fb * wet_l
            right[write] = x[1, i] + fb * wet_r
        wet_l, wet_r = _widened(wet_l, wet_r, width[i])
        m = mix[i]
        out[0, i] = (1.0 - m) * x[0, i] + m * wet_l
        out[1, i] = (1.0 - m) * x[1, i] + m * wet_r
        write = write + 1 if write + 1 < size else 0
    state[0] = write


COMBS, ALLPASSES = 8, 4   # Freeverb's lines a tank set (modules/time.py tunes them; a test checks they agree)


@njit(cache=True, inline="always")
def _tank(inp, feedback, damping, combs, comb_lengths, comb_state, allpasses, allpass_lengths, positions, wet):
    """A block of one Freeverb tank set into `wet`: per sample, 8 parallel damped combs summed, then
    4 series allpasses. The line positions and comb states sit in local arrays over the block and
    wrap by a comparison (no modulo, no float → int per sample): the numbers are the same. The
    counts are constants, so the compiler unrolls the lines (about a quarter quicker)."""
    at = np.empty(COMBS + ALLPASSES, np.int64)
    for c in range(COMBS + ALLPASSES):
        at[c] = int(positions[c])
    held = comb_state.copy()
    for i in range(inp.shape[0]):
        d, fb, x = damping[i], feedback[i], inp[i]
        out = 0.0
        for c in range(COMBS):
            p = at[c]
            y = combs[c, p]
            held[c] = y * (1.0 - d) + held[c] * d
            combs[c, p] = x + held[c] * fb
            out += y
            at[c] = p + 1 if p + 1 < comb_lengths[c] else 0
        for a in range(ALLPASSES):
            p = at[COMBS + a]
            buffered = allpasses[a, p]
            allpasses[a, p] = out + buffered * 0.5
            out = buffered - out
            at[COMBS + a] = p + 1 if p + 1 < allpass_lengths[a] else 0
        wet[i] = out
    positions[:] = at
    comb_state[:] = held


@njit(cache=True)
def freeverb_stereo(x, room, damp, mix, width, combs, comb_lengths, comb_state, allpasses, allpass_lengths,
                    positions, out):
    """Freeverb: the input's mid into two decorrelated tank sets (index 0 left, 1 right) of every
    state array; x, out: (2, n)."""
    n = x.shape[1]
    feedback, damping, inp = np.empty(n), np.empty(n), np.empty(n)
    for i in range(n):
        feedback[i] = 0.7 + 0.28 * room[i]
        damping[i] = 0.4 * damp[i]
        inp[i] = 0.5 * (x[0, i] + x[1, i]) * 0.015
    wet = np.empty((2, n))
    for side in range(2):
        _tank(inp, feedback, damping, combs[side], comb_lengths[side], comb_state[side], allpasses[side],
              allpass_lengths[side], positions[side], wet[side])
    for i in range(n):
        wet_l, wet_r = _widened(wet[0, i], wet[1, i], width[i])
        m = mix[i]
        out[0, i] = (1.0 - m) * x[0, i] + m * 3.0 * wet_l
        out[1, i] = (1.0 - m) * x[1, i] + m * 3.0 * wet_r


def warmup() -> None:
    n = 8
    ones = np.ones(n)
    pair = np.ones((2, n))
    out = np.zeros((2, n))
    for pingpong in (False, True):
        delay_stereo(pair, ones * 2, ones * 0.5, ones * 0.5, ones, pingpong, np.zeros((2, 16)), np.zeros(1), out)
    lines = COMBS + ALLPASSES                                  # tiny lines, the kernel's counts
    freeverb_stereo(pair, ones, ones, ones, ones, np.zeros((2, COMBS, 4)), np.full((2, COMBS), 3),
                    np.zeros((2, COMBS)), np.zeros((2, ALLPASSES, 4)), np.full((2, ALLPASSES), 2),
                    np.zeros((2, lines)), out)
