"""LFOs that modulate fused voice chains render in the voice bank (engine/voice_modulation.py):
the same bytes as every module rendered alone, whatever happens to the LFO meanwhile — its shape
changed (the random shape renders in Python), a glide on its rate, a ramp, a pickled engine, the
LFO also heard outside the bank, another kind of modulator beside it."""
from __future__ import annotations

import pickle

import numpy as np
import pytest

from chronus_shell.engine import render_plan
from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

ACID = ["/patch/create s saw", "/patch/create f acid_filter", "/patch/create e adsr", "/patch/connect s f",
        "/patch/connect f e", "/patch/connect e master", "/mod/f/resonance 0.7", "/patch/create l lfo",
        "/patch/connect l f.cutoff", "/mod/l/rate 3", "/seq/bpm 150", "/seq/add t s x.X-x.xx", "/seq/notes t a2 c3 e2",
        "/seq/start"]
LATER = {
    "shape changes, random and back": [(9000, "/mod/l/shape random"), (20000, "/mod/l/shape triangle"),
                                       (30000, "/mod/l/shape saw"), (30000, "/mod/l/depth 0.9")],
    "rate glides, a second LFO on resonance and freq": [(5000, "/mod/l/rate 0.5"), (7000, "/patch/create m lfo"),
                                                        (7000, "/patch/connect m f.resonance"),
                                                        (7000, "/patch/connect m s.freq"), (7000, "/mod/m/rate 7"),
                                                        (7000, "/mod/m/shape square"), (15000, "/mod/m/offset 0.3")],
    "a ramp on the LFO, then on the filter": [(6000, "/ramp/l/rate 9 2"), (26000, "/ramp/f/resonance 0.2 1")],
    "heard outside the bank too": [(3000, "/patch/create d delay"), (3000, "/patch/connect l d.time"),
                                   (3000, "/patch/create n noise"), (3000, "/patch/connect n d"),
                                   (3000, "/patch/connect d master"), (3000, "/patch/connect n f.env_amount"),
                                   (3000, "/mod/n/gain 0.1")],
    "the LFO leaves and comes back": [(8000, "/patch/disconnect l f.cutoff"), (16000, "/patch/connect l f.cutoff"),
                                      (16000, "/mod/l/rate 1.5")],
}


def _render(later, fuse: bool, monkeypatch, pickled_at: int | None = None) -> np.ndarray:
    monkeypatch.setattr(render_plan, "FUSE", fuse)
    engine = Engine(48000, 256)
    for line in ACID:
        engine.schedule(Message.parse(line), 0)
    for at, line in later:
        engine.schedule(Message.parse(line), at)
    blocks = []
    for i in range(180):
        if pickled_at is not None and i == pickled_at:
            engine = pickle.loads(pickle.dumps(engine))
        blocks.append(engine.render(256))
    return np.concatenate(blocks)


@pytest.mark.parametrize("case", sorted(LATER))
def test_an_lfo_in_the_bank_renders_as_every_module_alone(case, monkeypatch):
    fused = _render(LATER[case], True, monkeypatch)
    assert np.isfinite(fused).all() and np.abs(fused).max() > 0.01
    alone = _render(LATER[case], False, monkeypatch)
    assert np.array_equal(fused, alone), f"max difference {np.abs(fused - alone).max():.3g}"


def test_a_pickled_engine_goes_on_with_the_lfo_where_it_was(monkeypatch):
    """Mid-glide of the LFO's rate, and just after it arrived (its params cache then matters)."""
    later = [(5000, "/mod/l/rate 0.5")]
    whole = _render(later, True, monkeypatch)
    for block in (21, 27, 40):
        assert np.array_equal(_render(later, True, monkeypatch, pickled_at=block), whole), block


def test_the_lfo_renders_in_the_bank_and_the_random_shape_in_python(monkeypatch):
    engine = Engine(48000, 256)
    for line in ACID + ["/mod/l/shape random"]:
        engine.schedule(Message.parse(line), 0)
    engine.render(256)
    modulation = engine._order.bank.modulation
    assert modulation.lfo_ids == ("l",) and not engine._order.early
    assert not modulation.owns(engine.modules["l"]), "the random shape draws from numpy's generator in Python"
    engine.schedule(Message.parse("/mod/l/shape sine"))
    engine.render(256)
    assert modulation.owns(engine.modules["l"])
