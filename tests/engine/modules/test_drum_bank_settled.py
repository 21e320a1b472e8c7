"""A settled drum skips params() in the drum bank (its rows hold its targets); the bytes stay those
of each drum rendered alone through glides that end mid-block, ramps, pans, re-timed segments and
changes while resting."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine import render_plan
from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

LINES = ["/patch/create k kick", "/patch/create h hat", "/patch/create s snare", "/patch/connect k master",
         "/patch/connect h master", "/patch/connect s master", "/seq/bpm 133", "/seq/add t1 k x.xx",
         "/seq/add t2 h xxXx", "/seq/add t3 s .x.x.xx.", "/seq/start"]
LATER = [(7000, "/mod/k/decay 120"), (7001, "/mod/k/decay 300"), (12345, "/mod/h/tone 12000"),
         (30000, "/ramp/s/tone 400 2"), (41000, "/mod/h/decay 20"), (52000, "/mod/k/pan 0.7"),
         (60000, "/mod/k/pan 0"), (71000, "/ramp/k/freq 80 1"), (90000, "/mod/s/gain 0.5")]


def _render() -> np.ndarray:
    engine = Engine(48000, 256)
    for line in LINES:
        engine.schedule(Message.parse(line))
    for at, line in LATER:
        engine.schedule(Message.parse(line), at)
    sizes = (256, 256, 97, 256, 13, 256, 256, 200)
    return np.concatenate([engine.render_stereo(sizes[i % len(sizes)]) for i in range(600)])


def test_settled_drums_render_the_bytes_of_each_drum_alone(monkeypatch):
    banked = _render()
    assert np.abs(banked).max() > 0.1
    monkeypatch.setattr(render_plan, "FUSE", False)
    assert banked.tobytes() == _render().tobytes()
