"""Drums: onset on the gate's exact sample, finite, decayed after `decay`, silent afterwards."""
from __future__ import annotations

import numpy as np
import pytest

from chronus_shell.protocol.message import Message

from .signals import BLOCK, SR, db, drive, engine, make, render_blocks

GATE = SR // 4 + 77  # mid-block, after the gain glide has settled
DRUMS = ("kick", "snare", "hat")


def hit(drum: str, seconds: float = 1.5) -> tuple[np.ndarray, float]:
    """The master output of one gate on `drum` at GATE (gain 0.25, limiter off) and its decay in samples."""
    eng = engine(f"/patch/create d1 {drum}", "/patch/connect d1 master", "/mod/d1/gain 0.25", limiter=False)
    eng.schedule(Message.parse("/gate/d1 1"), GATE)
    return render_blocks(eng, int(seconds * SR)).astype(np.float64), make(drum).targets["decay"] * SR / 1000


@pytest.mark.parametrize("drum", ("kick", "snare", "hat"))
def test_hit_is_the_module_output_shifted_to_the_gate(drum):
    """Silent before the gate; from the gate on, the module's own output from its sample 0."""
    out, _ = hit(drum)
    module = make(drum, gain=0.25)
    module.note_on(None, 0.0)
    alone = drive(module, len(out) - GATE)
    assert np.all(out[:GATE] == 0.0), f"sound before the gate at {np.flatnonzero(out[:GATE])[:5]}"
    error = np.max(np.abs(out[GATE:] - alone))
    assert error <= 1e-6, f"{drum}: differs from the module's own output by {error:.3g}"


@pytest.mark.parametrize("drum", DRUMS)
def test_first_sound_on_the_gate_sample(drum):
    out, _ = hit(drum, seconds=0.5)
    first = int(np.flatnonzero(out)[0])
    assert first == GATE, f"{drum}: first non-zero sample {first}, gate at {GATE} ({first - GATE:+d})"


@pytest.mark.parametrize("drum", ("kick", "snare", "hat"))
def test_decays_then_goes_silent(drum):
    out, decay = hit(drum)
    assert np.isfinite(out).all()
    peak = np.max(np.abs(out))
    assert peak > 0.05, f"{drum}: peak {peak:.4f}"
    after = GATE + int(decay)
    late = np.max(np.abs(out[after:after + SR // 20]))
    assert db(late / peak) <= -54.0, f"{drum}: {db(late / peak):.1f} dB re peak in the 50 ms after its decay"
    silent_from = GATE + int(4 * decay) + 2 * BLOCK
    assert np.all(out[silent_from:] == 0.0), f"{drum}: still sounding after 4x decay"


@pytest.mark.parametrize("drum", ("kick", "snare", "hat"))
def test_retrigger_restarts_the_hit(drum):
    eng = engine(f"/patch/create d1 {drum}", "/patch/connect d1 master", "/mod/d1/gain 0.25", limiter=False)
    second = GATE + 3001
    for at in (GATE, second):
        eng.schedule(Message.parse("/gate/d1 1"), at)
    out = render_blocks(eng, SR)
    first_hit, _ = hit(drum, seconds=1.0)
    assert np.array_equal(out[:second], first_hit[:second])
    if drum == "kick":  # deterministic voice: the second hit is the first one again, sample for sample
        assert np.allclose(out[second:second + 2000], first_hit[GATE:GATE + 2000], atol=1e-6)
    assert np.max(np.abs(out[second:second + 200])) > 0.5 * np.max(np.abs(first_hit[GATE:GATE + 200]))
