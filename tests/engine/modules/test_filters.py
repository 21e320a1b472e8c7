"""Filters: SVF gain at cutoff, ladder slope / resonance / stability, smooth cutoff changes."""
from __future__ import annotations

import numpy as np
import pytest

from chronus_shell.protocol.message import Message

from .signals import (SR, engine, make, max_step, render_blocks, render_module, sine_gain_db)

CUTOFFS = (200.0, 1000.0, 5000.0)


@pytest.mark.parametrize("cutoff", CUTOFFS)
@pytest.mark.parametrize("mode", ("lowpass", "highpass"))
def test_svf_minus_3db_at_cutoff(mode, cutoff):
    gain = sine_gain_db("filter", cutoff, mode=mode, cutoff=cutoff, q=0.707)
    assert abs(gain + 3.0) <= 0.5, f"{mode} {cutoff} Hz q 0.707: {gain:.3f} dB at cutoff"


@pytest.mark.parametrize("cutoff", CUTOFFS)
def test_svf_bandpass_unity_peak(cutoff):
    at_cutoff = sine_gain_db("filter", cutoff, mode="bandpass", cutoff=cutoff, q=0.707)
    assert abs(at_cutoff) <= 0.5, f"bandpass {cutoff} Hz: {at_cutoff:.3f} dB at cutoff"
    for ratio in (0.7, 1.4):
        off = sine_gain_db("filter", cutoff * ratio, mode="bandpass", cutoff=cutoff, q=0.707)
        assert off < at_cutoff, f"bandpass {cutoff} Hz: {off:.2f} dB at {ratio}x >= {at_cutoff:.2f} dB at cutoff"


@pytest.mark.parametrize("mode,ratio,limit", [("lowpass", 4.0, -20.0), ("highpass", 0.25, -20.0)])
def test_svf_rolls_off_12db_per_octave(mode, ratio, limit):
    far = sine_gain_db("filter", 1000.0 * ratio, mode=mode, cutoff=1000.0, q=0.707)
    assert far <= limit, f"{mode} 1000 Hz: {far:.2f} dB two octaves away (want <= {limit} dB)"


def ladder_db(freq: float, cutoff: float = 1000.0, resonance: float = 0.0) -> float:
    """Ladder gain at small level (0.01), where the input tanh is linear."""
    return sine_gain_db("acid_filter", freq, amp=0.01, cutoff=cutoff, resonance=resonance)


@pytest.mark.parametrize("cutoff", (300.0, 1000.0, 3000.0))
def test_ladder_slope_at_resonance_0(cutoff):
    at2, at4 = ladder_db(2 * cutoff, cutoff), ladder_db(4 * cutoff, cutoff)
    slope = at2 - at4
    assert slope >= 18.0, f"ladder {cutoff} Hz res 0: {at2:.2f} dB at 2x, {at4:.2f} dB at 4x = {slope:.2f} dB/oct"


def test_ladder_resonant_peak_near_cutoff():
    freqs = 1000.0 * 2 ** np.linspace(-1, 1, 25)
    gains = np.array([ladder_db(f, resonance=0.95) for f in freqs])
    peak_freq, peak_db = freqs[np.argmax(gains)], gains.max()
    passband = ladder_db(250.0, resonance=0.95)
    assert abs(np.log2(peak_freq / 1000.0)) <= 0.25, f"peak at {peak_freq:.1f} Hz for cutoff 1000 Hz"
    assert peak_db - passband >= 12.0, f"peak {peak_db:.2f} dB vs passband {passband:.2f} dB"


@pytest.mark.parametrize("cutoff", (50.0, 1000.0, 20000.0))
@pytest.mark.parametrize("drive", (1.0, 5.0))
def test_ladder_resonance_095_stays_bounded(cutoff, drive):
    rng = np.random.default_rng(7)
    loud = np.concatenate([render_module("saw", SR // 2, freq=55.0, gain=1.0), rng.uniform(-1, 1, SR // 2)])
    loud[SR // 4] = 50.0  # one wild sample
    y = render_module("acid_filter", SR, loud, cutoff=cutoff, resonance=0.95, drive=drive)
    assert np.isfinite(y).all()
    assert np.max(np.abs(y)) <= 2.0, f"cutoff {cutoff} drive {drive}: peak {np.max(np.abs(y)):.3f}"
    impulse = np.zeros(SR)
    impulse[0] = 1.0
    ring = np.abs(render_module("acid_filter", SR, impulse, cutoff=cutoff, resonance=0.95, drive=drive))
    middle, tail = ring[SR // 2 - SR // 10:SR // 2].max(), ring[-SR // 10:].max()
    assert tail <= 0.5 * middle or tail <= 1e-9 * ring.max(), (
        f"impulse response not dying away: peak {ring.max():.3g}, at 0.5 s {middle:.3g}, at 1 s {tail:.3g}"
    )


def test_cutoff_jump_mid_block_has_no_click():
    """Cutoff 200 -> 5000 Hz at a mid-block sample: the largest jump stays that of steady playing."""
    setup = ("/patch/create s1 saw", "/patch/create f1 acid_filter", "/patch/connect s1 f1",
             "/patch/connect f1 master", "/mod/s1/freq 110")
    at = SR // 2 + 100  # 100 samples into a 256-sample block
    assert at % 256 not in (0, 255)
    changing = engine(*setup, "/mod/f1/cutoff 200")
    changing.schedule(Message.parse("/mod/f1/cutoff 5000"), at)
    y = render_blocks(changing, 2 * SR)
    steady_high = render_blocks(engine(*setup, "/mod/f1/cutoff 5000"), 2 * SR)[SR:]
    before, reference = max_step(y[SR // 4:at]), max_step(steady_high)
    transition = max_step(y[at - 1:at + SR // 50])
    assert transition <= 1.5 * max(before, reference), (
        f"max jump {transition:.4f} in 20 ms after the change; steady 200 Hz {before:.4f}, steady 5 kHz {reference:.4f}"
    )


def test_cutoff_param_glides_without_steps():
    module = make("acid_filter", cutoff=200.0)
    module.set("cutoff", 5000.0)
    cutoff = module.params(256, {})["cutoff"]
    steps = np.diff(np.concatenate([[200.0], cutoff]))
    assert np.all(steps > 0), "cutoff glide is not monotonic"
    assert steps.max() <= 0.01 * 4800, f"largest per-sample cutoff step {steps.max():.2f} Hz of a 4800 Hz change"
