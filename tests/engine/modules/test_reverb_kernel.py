"""The stereo Freeverb kernel (line by line over a block, constant line counts) gives the numbers of
Freeverb run sample by sample, as it was written first (the reference below, in plain Python);
the delay's taps (wrapped by comparison) those of the modulo; the kernel's line counts are the
tunings' of modules/time.py."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine import stereo_kernels
from chronus_shell.engine.modules.time import ALLPASS_TUNING, COMB_TUNING, Delay, Reverb


def _freeverb_by_sample(x, room, damp, mix, reverb: Reverb) -> np.ndarray:
    out = np.empty_like(x)
    for i in range(x.shape[1]):
        feedback, damping = 0.7 + 0.28 * room[i], 0.4 * damp[i]
        inp = 0.5 * (x[0, i] + x[1, i]) * 0.015
        wet = [0.0, 0.0]
        for side in range(2):
            combs, lengths, state = reverb.combs[side], reverb.comb_lengths[side], reverb.comb_state[side]
            positions, total = reverb.positions[side], 0.0
            for c in range(len(lengths)):
                p = int(positions[c])
                y = combs[c, p]
                state[c] = y * (1.0 - damping) + state[c] * damping
                combs[c, p] = inp + state[c] * feedback
                total += y
                positions[c] = (p + 1) % lengths[c]
            for a in range(len(reverb.allpass_lengths[side])):
                p = int(positions[len(lengths) + a])
                buffered = reverb.allpasses[side, a, p]
                reverb.allpasses[side, a, p] = total + buffered * 0.5
                total = buffered - total
                positions[len(lengths) + a] = (p + 1) % reverb.allpass_lengths[side, a]
            wet[side] = total
        out[0, i] = (1.0 - mix[i]) * x[0, i] + mix[i] * 3.0 * wet[0]
        out[1, i] = (1.0 - mix[i]) * x[1, i] + mix[i] * 3.0 * wet[1]
    return out


def test_the_block_kernel_gives_the_sample_by_sample_numbers():
    rng = np.random.default_rng(7)
    fast, slow = Reverb(48000), Reverb(48000)
    for n in (256, 97, 1, 256, 256, 256, 256, 256, 40):        # past the shortest line's wrap
        x = rng.standard_normal((2, n))
        room, damp, mix = rng.random(n), np.full(n, 0.5), np.full(n, 0.3)
        out = np.empty((2, n))
        stereo_kernels.freeverb_stereo(x, room, damp, mix, np.ones(n), fast.combs, fast.comb_lengths,
                                       fast.comb_state, fast.allpasses, fast.allpass_lengths, fast.positions, out)
        assert out.tobytes() == _freeverb_by_sample(x, room, damp, mix, slow).tobytes()
    assert fast.positions.tobytes() == slow.positions.tobytes()
    assert fast.comb_state.tobytes() == slow.comb_state.tobytes()


def test_the_delay_taps_wrap_as_the_modulo_did():
    delay = Delay(48000)
    size = delay.buffers.shape[1]
    delay.buffers[:] = np.random.default_rng(3).standard_normal(delay.buffers.shape)
    delay.state[0] = 5                                        # reads wrap round the line's end
    n = 64
    x, out = np.zeros((2, n)), np.empty((2, n))
    samples = np.full(n, 1000.25)
    stereo_kernels.delay_stereo(x, samples, np.zeros(n), np.ones(n), np.ones(n), False, delay.buffers.copy(),
                                delay.state.copy(), out)
    write = 5 + np.arange(n)
    base = np.floor(write - samples).astype(int)
    frac = (write - samples) - base
    a, b = delay.buffers[0, base % size], delay.buffers[0, (base + 1) % size]
    assert out[0].tobytes() == (a + frac * (b - a)).tobytes()


def test_the_kernel_counts_are_the_tunings():
    assert (stereo_kernels.COMBS, stereo_kernels.ALLPASSES) == (len(COMB_TUNING), len(ALLPASS_TUNING))
