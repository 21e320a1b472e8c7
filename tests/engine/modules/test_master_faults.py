"""Master bus: limiter ceiling, hard clip with the limiter off; NaN/Inf containment."""
from __future__ import annotations

import numpy as np
import pytest

from chronus_shell.engine.modules.dynamics import CEILING

from .signals import SR, engine, peak_frequency, render_blocks

HOT = ("/patch/create s1 saw", "/patch/create s2 saw", "/patch/create s3 square",
       "/patch/connect s1 master", "/patch/connect s2 master", "/patch/connect s3 master",
       "/mod/s1/freq 110", "/mod/s2/freq 165", "/mod/s3/freq 220.5",
       "/mod/s1/gain 1", "/mod/s2/gain 1", "/mod/s3/gain 1", "/mod/master/gain 6")


def test_limiter_holds_three_hot_oscillators_under_0dbfs():
    out = render_blocks(engine(*HOT), 2 * SR)
    peak = float(np.max(np.abs(out)))
    assert np.isfinite(out).all()
    assert peak <= 1.0, f"limited peak {peak:.6f} > 0 dBFS"
    assert peak <= CEILING + 1e-6, f"limited peak {peak:.6f} above the {CEILING:.6f} ceiling"
    assert peak >= 0.9 * CEILING, f"limiter squashes too much: peak {peak:.4f}"


def test_limiter_off_still_clips_at_0dbfs():
    out = render_blocks(engine(*HOT, limiter=False), 2 * SR)
    peak = float(np.max(np.abs(out)))
    assert peak <= 1.0, f"unlimited peak {peak:.6f} > 0 dBFS"
    assert np.count_nonzero(np.abs(out) == 1.0) > 100, "hot signal with limiter off should hit the clip"


def test_quiet_signal_passes_the_limiter_unchanged():
    quiet = ("/patch/create s1 sine", "/patch/connect s1 master", "/mod/s1/gain 0.5")
    on, off = (render_blocks(engine(*quiet, limiter=lim), SR // 2) for lim in (True, False))
    assert np.array_equal(on, off), f"limiter touched a -6 dBFS sine: max diff {np.max(np.abs(on - off)):.3g}"


def test_module_producing_nan_is_silenced_and_reset():
    eng = engine("/patch/create s1 sine", "/patch/connect s1 master", "/mod/s1/freq 330")
    render_blocks(eng, 2560)
    broken = eng.modules["s1"]
    broken.process = lambda audio_in, params: np.full(len(audio_in), np.nan)
    eng._order = None   # the render plan is compiled per graph change; a hand-replaced process() is not one
    fault_block = eng.render(256)
    after = render_blocks(eng, SR)
    assert np.all(fault_block == 0.0), "the faulty block was not silenced"
    assert np.isfinite(after).all()
    assert eng.modules["s1"] is not broken, "module was not replaced"
    assert len(eng.faults) == 1, eng.faults
    message = eng.faults[0]
    assert "s1" in message and "NaN" in message and "2560" in message, message
    freq = peak_frequency(after[256:])
    assert abs(freq - 330.0) < 0.5, f"fresh module lost its params: {freq:.2f} Hz"


@pytest.mark.parametrize("bad", (np.nan, np.inf, -np.inf))
def test_always_broken_module_leaves_the_rest_bit_exact(broken_source, bad):
    """A registered module that always outputs NaN/Inf: master gets exactly the other sources."""
    good = ("/patch/create s1 saw", "/patch/connect s1 master")
    eng = engine(*good, f"/patch/create n1 {broken_source(bad)}", "/patch/connect n1 master")
    out = render_blocks(eng, 4096)
    reference = render_blocks(engine(*good), 4096)
    assert np.isfinite(out).all()
    assert np.array_equal(out, reference), "a broken module changed the rest of the mix"
    assert len(eng.faults) == 4096 // 256, f"one report per block expected: {len(eng.faults)}"
    assert all("n1" in f and "NaN/Inf" in f for f in eng.faults), eng.faults
