"""ADSR stage timing to the sample (through the Engine) and delay time / feedback to the sample."""
from __future__ import annotations

import numpy as np
import pytest

from chronus_shell.protocol.message import Message

from .signals import SR, engine, render_blocks, render_module

LEVEL = 0.5  # the DC source's level; master limiter off, so output = LEVEL * envelope


def first_index(mask: np.ndarray) -> int:
    hits = np.flatnonzero(mask)
    assert hits.size, "never reached"
    return int(hits[0])


@pytest.mark.parametrize("attack,decay,sustain,release", [
    (10.0, 100.0, 0.7, 200.0),
    (2.5, 33.3, 0.3, 7.0),
    (0.1, 0.1, 0.5, 0.1),
])
def test_adsr_stages_end_on_their_sample(dc_source, attack, decay, sustain, release):
    a, d, r = (max(1, round(ms * SR / 1000)) for ms in (attack, decay, release))
    settle = SR // 2  # let the param glides settle before the gate
    on = settle + 1000  # mid-block; all sample numbers below are the engine's
    off = on + a + d + 777
    eng = engine(f"/patch/create src {dc_source}", "/patch/create env adsr", "/patch/connect src env",
                 "/patch/connect env master", f"/mod/env/attack {attack}", f"/mod/env/decay {decay}",
                 f"/mod/env/sustain {sustain}", f"/mod/env/release {release}", limiter=False)
    render_blocks(eng, settle)
    eng.schedule(Message.parse("/gate/src 1"), on)
    eng.schedule(Message.parse("/gate/src 0"), off)
    env = np.concatenate([np.zeros(settle), render_blocks(eng, off + r + 500 - settle) / LEVEL])
    assert np.all(env[settle:on] == 0.0) and env[on] > 0.0, f"first sound at {first_index(env > 0)}, gate at {on}"

    peak_at = first_index(np.abs(env - 1.0) <= 1e-6)
    assert abs(peak_at - (on + a)) <= 1, f"level 1 at sample {peak_at}, attack ends at {on + a}"
    assert np.all(np.diff(env[on:peak_at + 1]) > 0), "attack is not rising"

    sustain_at = peak_at + first_index(np.abs(env[peak_at:off] - sustain) <= 1e-6)
    assert abs(sustain_at - (on + a + d)) <= 1, f"sustain at sample {sustain_at}, decay ends at {on + a + d}"
    assert np.allclose(env[sustain_at:off], sustain, atol=1e-6), "sustain not held"

    silent_at = off + first_index(env[off:] == 0.0)
    assert abs(silent_at - (off + r)) <= 1, f"silent at sample {silent_at}, release ends at {off + r}"
    assert np.all(env[silent_at:] == 0.0), "sound after the release"


@pytest.mark.parametrize("seconds", (0.001, 0.25, 0.0101, 1.337, 2.0))
def test_delay_echo_on_the_exact_sample(seconds):
    n = round(seconds * SR) + 500
    impulse = np.zeros(n)
    impulse[0] = 1.0
    y, right = render_module("delay", n, impulse, time=seconds, feedback=0.0, mix=1.0)
    assert np.array_equal(y, right), "a centred input through a straight delay is the same on both sides"
    expected = round(seconds * SR)
    assert int(np.argmax(np.abs(y))) == expected, f"echo at {np.argmax(np.abs(y))}, expected {expected}"
    if float(seconds * SR).is_integer():
        assert y[expected] == pytest.approx(1.0, abs=1e-12)
        assert np.count_nonzero(y) == 1, f"stray samples at {np.flatnonzero(y)}"


@pytest.mark.parametrize("feedback", (0.4, 0.95))
def test_delay_feedback_repeats_decay_by_factor(feedback):
    period = round(0.1 * SR)
    impulse = np.zeros(SR)
    impulse[0] = 1.0
    y, right = render_module("delay", SR, impulse, time=0.1, feedback=feedback, mix=1.0)
    assert np.array_equal(y, right)
    hits = np.flatnonzero(y)
    assert list(hits) == [period * k for k in range(1, 10)], f"repeats at {hits[:12]}"
    ratios = y[hits[1:]] / y[hits[:-1]]
    assert np.allclose(ratios, feedback, rtol=1e-12), f"repeat ratios {ratios}"
