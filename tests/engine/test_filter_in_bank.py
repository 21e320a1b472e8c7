"""The multimode filter is a stage of the voice bank: oscillator [→ acid_filter] → filter [→ adsr]
renders fused in one kernel call, byte-identical to every module alone — its three modes, a
cutoff glide, a mode switched mid-note, an LFO on its cutoff, a polyphonic voice, a pickle
mid-glide —, a polyphonic voice with a filter of its own on every note, and a filter outside a chain (fed by a drum, by two oscillators) renders alone as before.
And the params cache: a block computed while a glide arrived is never heard again."""
from __future__ import annotations

import pickle

import numpy as np
import pytest

from chronus_shell.engine import kernels, render_plan, voice_layout as lay
from chronus_shell.engine.catalogue import CATALOGUE
from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

CHAIN = ["/patch/create o saw", "/patch/create f filter", "/patch/create e adsr", "/patch/connect o f",
         "/patch/connect f e", "/patch/connect e master", "/mod/f/cutoff 1500", "/mod/f/q 4", "/mod/e/release 40",
         "/seq/bpm 150", "/seq/add t o x.xx.x.X", "/seq/notes t a2 c3 e3 g2", "/seq/start"]
CASES = {
    "lowpass": [],
    "highpass": ["/mod/f/mode highpass"],
    "bandpass": ["/mod/f/mode bandpass", "/mod/f/q 12"],
    "mode switched mid-note": [(20000, "/mod/f/mode highpass"), (33000, "/mod/f/mode bandpass")],
    "cutoff glides": [(9000, "/mod/f/cutoff 300"), (21000, "/mod/f/q 0.5"), (30000, "/mod/f/cutoff 8000")],
    "lfo on the cutoff": ["/patch/create l lfo", "/patch/connect l f.cutoff", "/mod/l/rate 3", "/mod/l/depth 0.3",
                          (25000, "/mod/l/shape triangle")],
    "acid filter before it": ["/patch/create a acid_filter", "/patch/disconnect o f", "/patch/connect o a",
                              "/patch/connect a f"],
    "no envelope": ["/patch/disconnect f e", "/patch/remove e", "/patch/connect f master"],
}


def _render(extra, blocks: int = 200) -> tuple[np.ndarray, Engine]:
    engine = Engine(48000, 256)
    for line in CHAIN + [x for x in extra if isinstance(x, str)]:
        engine.schedule(Message.parse(line))
    for at, line in [x for x in extra if not isinstance(x, str)]:
        engine.schedule(Message.parse(line), at)
    return np.concatenate([engine.render_stereo(256 if i % 7 else 101) for i in range(blocks)]), engine


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_chain_with_a_filter_renders_fused_as_every_module_alone(case, monkeypatch):
    fused, engine = _render(CASES[case])
    assert np.isfinite(fused).all() and np.abs(fused).max() > 0.01
    assert "f" in engine._order.fused, "the filter renders in the voice bank"
    assert not any(step[0] == "f" for step in engine._order.steps)
    monkeypatch.setattr(render_plan, "FUSE", False)
    alone, engine = _render(CASES[case])
    assert engine._order.bank is None
    assert fused.tobytes() == alone.tobytes()


def test_every_note_of_a_polyphonic_voice_has_its_own_filter():
    """A chord on a poly saw → filter → adsr: every note row runs its own filter (its own state), and
    the chord is as loud as its notes played by three mono voices and summed."""
    chain = ["/mod/master/gain 0.1", "/patch/create o saw", "/patch/create f filter", "/patch/create e adsr",
             "/patch/connect o f", "/patch/connect f e", "/patch/connect e master", "/mod/f/cutoff 900",
             "/mod/f/q 3", "/mod/f/mode bandpass"]

    def render(lines, blocks=100):
        engine = Engine(48000, 256)
        for line in lines:
            engine.schedule(Message.parse(line))
        return np.concatenate([engine.render(256) for _ in range(blocks)])[2000:], engine
    chord, engine = render(chain + ["/patch/poly o 3", "/gate/o 1 110 138.6 165"])
    assert {"o", "f", "e"} <= engine._order.fused
    rows = engine._order.bank.state[lay.SVF_STATE:lay.SVF_STATE + 2, :len(engine._order.bank_ids)]
    assert len({tuple(column) for column in rows.T if column.any()}) == 3, "three notes, three filters"
    notes = sum(render(chain + [f"/gate/o 1 {hz}"])[0].astype(np.float64) for hz in (110, 138.6, 165))
    assert abs(np.sqrt(np.mean(chord ** 2)) / np.sqrt(np.mean(notes ** 2)) - 1.0) < 0.01


@pytest.mark.parametrize("mode", ["lowpass", "highpass", "bandpass"])
def test_the_filter_alone_is_the_state_variable_kernel(mode):
    """A filter renders alone (Module.process) with the numbers of kernels.svf, which the drums'
    noise runs through: one state-variable filter, whatever the path."""
    rng = np.random.default_rng(7)
    audio, cutoff, q = rng.standard_normal(512), np.geomspace(80.0, 15000.0, 512), np.linspace(0.3, 9.0, 512)
    module = CATALOGUE["filter"](48000)
    module.set("mode", mode)
    out = module.process(audio, {"mode": mode, "cutoff": cutoff, "q": q})
    expected, state = np.empty(512), np.zeros(2)
    kernels.svf(audio, cutoff, q, ("lowpass", "highpass", "bandpass").index(mode), state, 48000.0, expected)
    assert out.tobytes() == expected.tobytes() and module.state[:2].tobytes() == state.tobytes()


@pytest.mark.parametrize("wiring", [
    ["/patch/create k kick", "/patch/create f filter", "/patch/connect k f", "/patch/connect f master",
     "/seq/add t k x.x.", "/seq/start"],
    ["/patch/create o saw", "/patch/create p square", "/patch/create f filter", "/patch/connect o f",
     "/patch/connect p f", "/patch/connect f master", "/gate/o 1 110", "/gate/p 1 165"],
])
def test_a_filter_outside_a_chain_renders_alone(wiring, monkeypatch):
    def render():
        engine = Engine(48000, 256)
        for line in wiring + ["/mod/f/cutoff 700", "/mod/f/mode bandpass"]:
            engine.schedule(Message.parse(line))
        return np.concatenate([engine.render_stereo(256) for _ in range(80)]), engine
    fused, engine = render()
    assert "f" not in engine._order.fused and any(step[0] == "f" for step in engine._order.steps)
    assert np.abs(fused).max() > 0.01
    monkeypatch.setattr(render_plan, "FUSE", False)
    assert render()[0].tobytes() == fused.tobytes()


def test_a_pickled_engine_goes_on_with_the_filter_where_it_was():
    _, engine = _render(CASES["cutoff glides"], blocks=40)
    copy = pickle.loads(pickle.dumps(engine))
    assert engine.render_stereo(20000).tobytes() == copy.render_stereo(20000).tobytes()


def test_the_block_in_which_a_glide_arrives_is_not_heard_again():
    """Module.params keeps settled blocks only: after a glide arrives, the next block holds the
    target (it once repeated the last gliding block, values within 1e-8 of it, for good)."""
    delay = CATALOGUE["delay"](48000)
    delay.set("feedback", 0.6)
    while delay.current["feedback"] != 0.6:
        gliding = delay.params(256, {})["feedback"]
        assert gliding[0] != 0.6
    settled = delay.params(256, {})["feedback"]
    assert (settled == 0.6).all(), "the target, not the last gliding block again"
    assert delay.params(256, {})["feedback"] is settled, "and the same array block after block"


def _switched(cutoff: float, first: str, switches: list[tuple[int, str]], fuse: bool) -> np.ndarray:
    """A 220 Hz sine through a filter (mode `first`) with its mode switched at the samples given."""
    render_plan.FUSE = fuse
    try:
        engine = Engine(48000, 256)
        for line in ["/patch/create o sine", "/patch/create f filter", "/patch/connect o f", "/patch/connect f master",
                     f"/mod/f/cutoff {cutoff}", f"/mod/f/mode {first}", "/gate/o 1 220"]:
            engine.schedule(Message.parse(line))
        for at, mode in switches:
            engine.schedule(Message.parse(f"/mod/f/mode {mode}"), at)
        return np.concatenate([engine.render(256) for _ in range(60)]).astype(np.float64)
    finally:
        render_plan.FUSE = True


@pytest.mark.parametrize("switch", [("lowpass", "highpass"), ("highpass", "bandpass"), ("bandpass", "lowpass")])
def test_a_mode_switched_while_it_sounds_crossfades(switch):
    """Low-pass to high-pass on a sounding sine was a step of the whole signal (a click); now the
    output moves from one response to the other over MODE_FADE_MS, the same fused or alone."""
    fused = _switched(300, switch[0], [(9077, switch[1])], True)
    assert fused.tobytes() == _switched(300, switch[0], [(9077, switch[1])], False).tobytes()
    steps = np.abs(np.diff(fused))
    calm = max(steps[4000:9000].max(), steps[10500:15000].max())   # the sine's largest step, either response
    assert steps[9000:10000].max() <= 1.2 * calm + 1e-4, "no step larger than the sine's own at the switch"
    after = fused[9077 + 240:]
    assert np.abs(after).max() > 1e-3                  # and the new response is heard once the fade is over


@pytest.mark.parametrize("second", ["bandpass", "lowpass"])
def test_a_mode_switched_again_while_it_still_fades_crossfades_from_the_blend(second):
    """A second switch 100–120 samples into the first one's fade starts from what was playing (the
    blend), not from the first switch's target: it was a 0.34–0.40 step."""
    switches = [(9077, "highpass"), (9177 + 20 * (second == "lowpass"), second)]
    fused = _switched(220, "lowpass", switches, True)
    assert fused.tobytes() == _switched(220, "lowpass", switches, False).tobytes()
    steps = np.abs(np.diff(fused))
    assert steps[9000:10000].max() <= 1.5 * steps[4000:9000].max()
