"""Voice banks: every voice chain (oscillator → acid_filter → adsr) renders in one kernel call, the
same as rendering every module alone. A voice must never leak into another."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine import render_plan
from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

SHAPES = ("saw", "square", "sine", "triangle")


def _lines() -> list[tuple[int, str]]:
    """(sample, message) for 16 voices with their own params, notes, accents, glides and retriggers."""
    lines = [(0, "/mod/master/gain 0.2")]
    for i in range(1, 17):
        lines += [(0, f"/patch/create o{i} {SHAPES[i % 4]}"), (0, f"/patch/create f{i} acid_filter"),
                  (0, f"/patch/create e{i} adsr"), (0, f"/patch/connect o{i} f{i}"),
                  (0, f"/patch/connect f{i} e{i}"), (0, f"/patch/connect e{i} master"),
                  (0, f"/mod/f{i}/accent {0.1 * (i % 5)}"), (0, f"/mod/f{i}/resonance {0.3 + 0.03 * i}"),
                  (0, f"/mod/e{i}/attack {1 + i}"), (0, f"/mod/e{i}/release {20 + 5 * i}")]
        if i % 4:                                     # some voices stay silent, their envelopes closed
            lines.append((100 * i, f"/gate/o{i} 1 {55 * (1 + i % 7)}"))
    lines += [(0, "/seq/bpm 140"), (0, "/seq/add t1 o3 X.x-x..Xx.x.X..x"), (0, "/seq/notes t1 a2 c3 e3 g2"),
              (0, "/seq/add t2 o6 x..X..x.x...X.x."), (0, "/seq/start")]
    lines += [(0, "/patch/create lfo1 lfo"), (0, "/patch/connect lfo1 f2.cutoff"), (0, "/mod/o5/width 0.2")]
    lines += [(9000 + 7 * i, f"/mod/f{i}/cutoff {200 + 300 * i}") for i in range(1, 17, 2)]
    lines += [(15000, f"/gate/o{i} 0") for i in range(1, 17, 3)]
    lines += [(21000 + i, f"/gate/o{i} 1 {110 + i}") for i in range(1, 17, 3)]
    lines += [(25000, "/patch/remove f7"), (25000, "/patch/create o99 saw"), (25000, "/patch/connect o99 master")]
    return lines


def _render() -> np.ndarray:
    engine = Engine(48000, 256)
    for at, line in _lines():
        engine.schedule(Message.parse(line), at)
    return np.concatenate([engine.render(256) for _ in range(160)])


def test_fused_voices_render_as_every_module_alone(monkeypatch):
    """Same per-sample arithmetic either way; only the order in which the master sums its inputs
    differs (fused voices are summed in bank order), hence a float32 tolerance, not bytes."""
    fused = _render()
    assert np.isfinite(fused).all() and np.abs(fused).max() > 0.05
    engine = Engine(48000, 256)
    for at, line in _lines():
        engine.schedule(Message.parse(line), at)
    engine.render(256)
    plan = engine._order
    assert plan.bank is not None and len(plan.bank_ids) >= 15, "the voice chains form one bank"
    assert ("o2", "f2", "e2") in plan.bank_ids and plan.bank_ids[-1] == ("o2", "f2", "e2"), \
        "a chain modulated by an LFO renders in the bank, last, from its params per sample"
    assert plan.bank.modulation.lfo_ids == ("lfo1",) and not plan.early, "the LFO that modulates it renders in the bank"
    monkeypatch.setattr(render_plan, "FUSE", False)
    alone = _render()
    assert np.abs(fused - alone).max() <= 1e-6, f"max difference {np.abs(fused - alone).max():.3g}"


def test_a_nan_in_one_voice_silences_that_voice_only():
    engine = Engine(48000, 256)
    for i in (1, 2, 3):
        for line in (f"/patch/create o{i} saw", f"/patch/create f{i} acid_filter",
                     f"/patch/connect o{i} f{i}", f"/patch/connect f{i} master", f"/gate/o{i} 1 110"):
            engine.schedule(Message.parse(line))
    engine.render(256)
    engine.modules["f2"].state[:] = np.nan                        # a blown-up filter in the bank
    out = engine.render(256)
    assert np.isfinite(out).all() and np.abs(out).max() > 0
    assert len(engine.faults) == 1 and engine.faults[0].startswith("f2 produced NaN/Inf")
    assert np.isfinite(engine.modules["f2"].state).all() and np.isfinite(engine.modules["f1"].state).all()


def test_a_pickled_engine_renders_on_to_the_same_bytes():
    """A standby slot starts from a pickled Timeline: the voice bank's state (views of it in every
    module) must travel whole — mid-glide, envelopes open, oscillators ahead in their rings."""
    import pickle
    engine = Engine(48000, 256)
    for at, line in _lines():
        engine.schedule(Message.parse(line), at)
    for _ in range(40):
        engine.render(256)
    engine.schedule(Message.parse("/mod/f3/cutoff 3000"))          # a glide in progress when pickled
    engine.render(100)
    twin = pickle.loads(pickle.dumps(engine))
    ours = np.concatenate([engine.render(256) for _ in range(60)])
    theirs = np.concatenate([twin.render(256) for _ in range(60)])
    assert ours.tobytes() == theirs.tobytes()


def test_a_voice_rewired_while_playing_fuses_again_once_its_fades_end():
    engine = Engine(48000, 256)
    for line in ("/patch/create o1 saw", "/patch/connect o1 master", "/gate/o1 1 110"):
        engine.schedule(Message.parse(line))
    engine.render(256)
    for line in ("/patch/create f1 acid_filter", "/patch/disconnect o1 master", "/patch/connect o1 f1",
                 "/patch/connect f1 master"):
        engine.schedule(Message.parse(line))
    engine.render(64)                                   # the 5 ms crossfade is under way
    assert ("o1", "f1") not in engine._order.bank_ids, "while the edges crossfade, the voice renders alone"
    for _ in range(3):
        engine.render(256)
    assert ("o1", "f1") in engine._order.bank_ids
