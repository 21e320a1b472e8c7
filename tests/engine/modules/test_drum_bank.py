"""The drum bank: a patch's built-in drums render in one kernel call, byte-identical to rendering
each drum alone (panned, into an effect, modulating, gliding, re-timed mid-block); a drum that goes
NaN is silenced and reset alone."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine import render_plan
from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

LINES = ["/patch/create o saw", "/patch/create k kick", "/patch/create h hat", "/patch/create s snare",
         "/patch/create k2 kick", "/patch/create r reverb", "/patch/create f filter",
         "/patch/connect o f", "/patch/connect f master", "/patch/connect k master", "/patch/connect h master",
         "/patch/connect s r", "/patch/connect r master", "/patch/connect k2 master", "/patch/connect k2 f.cutoff",
         "/mod/h/pan -0.5", "/gate/o 1 110", "/seq/bpm 150", "/seq/add t1 k x..x..x.", "/seq/add t2 h xxxxXxxx",
         "/seq/add t3 s ..x...Xx", "/seq/add t4 k2 .x.x", "/seq/start"]
LATER = [(9000, "/mod/h/decay 300"), (20000, "/mod/k/punch 0.9"), (30000, "/mod/h/pan 0"), (41000, "/mod/s/snap 0.1")]


def _render() -> tuple[np.ndarray, Engine]:
    engine = Engine(48000, 256)
    for line in LINES:
        engine.schedule(Message.parse(line))
    for at, line in LATER:
        engine.schedule(Message.parse(line), at)
    return np.concatenate([engine.render_stereo(256 if i % 5 else 97) for i in range(260)]), engine


def test_the_bank_renders_the_bytes_of_every_drum_alone(monkeypatch):
    banked, engine = _render()
    assert engine._order.drums is not None and sorted(engine._order.drums.ids) == ["h", "k", "s"]
    assert [step[0] for step in engine._order.early] == ["k2"], "k2 modulates the fused saw → filter: before the bank"
    assert np.abs(banked).max() > 0.1
    monkeypatch.setattr(render_plan, "FUSE", False)
    alone, engine = _render()
    assert engine._order.drums is None
    assert banked.tobytes() == alone.tobytes()


def test_a_drum_gone_nan_is_silenced_and_reset_alone():
    engine = Engine(48000, 256)
    for line in ("/patch/create k kick", "/patch/create h hat", "/patch/connect k master", "/patch/connect h master",
                 "/seq/add t1 k xxxx", "/seq/add t2 h xxxx", "/seq/start"):
        engine.schedule(Message.parse(line))
    engine.render(256)
    engine.modules["h"].level = float("nan")
    out = engine.render(256)
    assert np.isfinite(out).all() and np.abs(out).max() > 0
    assert len(engine.faults) == 1 and engine.faults[0].startswith("h produced NaN/Inf")
    assert engine.modules["h"].age == -1 and np.isfinite(engine.render(2560)).all()
