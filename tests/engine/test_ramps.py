"""Param ramps measured on offline renders: a cutoff sweep's spectral centroid, a fade's exact
silence, replacement from wherever the ramp is, an LFO on top, commits and snapshots mid-ramp."""
from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from chronus_shell.engine.engine import Engine, EngineError
from chronus_shell.engine.timeline import Timeline, render_script
from chronus_shell.protocol.message import Message

SR, BLOCK = 48000, 256
BEAT = SR // 2                       # 120 bpm
ACID = ["/patch/create s saw", "/patch/create f acid_filter", "/patch/connect s f", "/patch/connect f master",
        "/mod/s/freq 110", "/mod/f/env_amount 0", "/mod/f/resonance 0", "/mod/f/cutoff 300"]
START = 10_000                       # the ramp starts mid-block


def _events(lines, at=0):
    return [(at, Message.parse(line)) for line in lines]


def _centroids(audio: np.ndarray, size: int) -> np.ndarray:
    """Spectral centroid (Hz) of each analysis block of `size` samples (Hann window); of the mid in stereo."""
    audio = audio.mean(axis=1) if audio.ndim == 2 else audio
    blocks = audio[: len(audio) // size * size].reshape(-1, size).astype(float)
    mag = np.abs(np.fft.rfft(blocks * np.hanning(size), axis=1))
    freqs = np.fft.rfftfreq(size, 1 / SR)
    return (mag * freqs).sum(axis=1) / mag.sum(axis=1)


def test_a_cutoff_ramp_over_8_bars_rises_monotonically_and_lands_on_the_bar_sample():
    end = START + 32 * BEAT                      # 8 bars of 4 beats at 120 bpm
    events = _events(ACID) + _events(["/ramp/f/cutoff 3000 32"], START)
    audio = render_script(events, (end + SR) / SR, SR, BLOCK)
    steady = render_script(_events(ACID[:-1] + ["/mod/f/cutoff 3000"]), 1.0, SR, BLOCK)
    size = 4800                                    # 0.1 s analysis blocks
    cents = _centroids(audio, size)
    first, last = START // size + 1, end // size   # whole blocks inside the ramp
    inside = cents[first:last]
    assert np.all(np.diff(inside) > 0), "the centroid must rise in every analysis block of the ramp"
    target = float(np.median(_centroids(steady[SR // 2:], size)))
    after = cents[end // size + 1:]
    assert np.allclose(after, target, rtol=0.01)  # at the target from the block after the bar sample on
    reached = next(i for i, c in enumerate(cents) if i > first and abs(c - target) <= 0.01 * target)
    assert abs(reached - end // size) <= 1, (reached, end // size)
    assert inside[0] < 0.5 * target


def test_the_ramp_values_are_exact_at_start_and_end():
    eng = Engine(SR, BLOCK)
    for at, msg in _events(ACID):
        eng.schedule(msg, at)
    eng.schedule(Message.parse("/ramp/f/cutoff 3000 4 exp"), START)
    eng.render(START)
    ramp = eng.param_ramps[("f", "cutoff")]
    assert (ramp.start, ramp.end) == (START, START + 4 * BEAT)
    values = ramp.values(START, 4 * BEAT + 2)
    assert values[0] == 300.0 and values[-2] == 3000.0 and values[-1] == 3000.0
    assert values[2 * BEAT] == pytest.approx(300 * 10 ** 0.5)      # exp: the geometric middle
    assert np.all(np.diff(values[:-1]) > 0)


def test_a_gain_fade_ends_in_exact_silence_at_its_sample():
    lines = ["/patch/create s saw", "/patch/connect s master", "/mod/s/gain 0.5"]
    end = START + 4 * BEAT
    audio = render_script(_events(lines) + _events(["/ramp/s/gain 0 4"], START), (end + 4800) / SR, SR, BLOCK)
    assert np.all(audio[end:] == 0.0)
    assert np.count_nonzero(audio[end - 64:end]) > 32
    envelope = np.abs(audio[START:end]).reshape(-1, BEAT // 4).max(axis=1)
    assert np.all(np.diff(envelope) < 0)          # it falls all the way


def test_a_master_fade_in_db_is_linear_in_db():
    eng = Engine(SR, BLOCK)
    eng.schedule(Message.parse("/ramp/master/gain -60 8"), 0)
    eng.render(BLOCK)
    values = eng.param_ramps[("master", "gain")].values(0, 8 * BEAT + 1)
    assert values[4 * BEAT] == pytest.approx(-30.0) and values[-1] == -60.0


def test_a_new_set_or_ramp_takes_over_from_wherever_the_ramp_is():
    eng = Engine(SR, BLOCK)
    for line in ["/patch/create f filter", "/mod/f/cutoff 300"]:
        eng.schedule(Message.parse(line), 0)
    eng.schedule(Message.parse("/ramp/f/cutoff 3000 8 lin"), START)   # the set has settled by then
    eng.render(START + 2 * BEAT)                                # a quarter of the way
    module = eng.modules["f"]
    assert module.current["cutoff"] == pytest.approx(300 + 2700 * (2 * BEAT - 1) / (8 * BEAT))
    eng.schedule(Message.parse("/ramp/f/cutoff 100 2"), eng.position)
    eng.render(BLOCK)
    new = eng.param_ramps[("f", "cutoff")]
    assert new.begin == pytest.approx(300 + 2700 * 0.25) and new.curve == "exp"
    eng.schedule(Message.parse("/mod/f/cutoff 500"), eng.position)
    eng.render(1)
    assert ("f", "cutoff") not in eng.param_ramps
    before = module.current["cutoff"]
    assert abs(before - new.at(eng.position)) < 5.0               # the set glides on from there


def test_an_lfo_rides_on_top_of_the_ramp():
    lines = ACID + ["/patch/create l lfo", "/mod/l/rate 2", "/mod/l/depth 0.1", "/patch/connect l f.cutoff"]
    end = START + 16 * BEAT
    audio = render_script(_events(lines) + _events(["/ramp/f/cutoff 3000 16"], START), end / SR, SR, BLOCK)
    cents = _centroids(audio[START:end], SR // 2)                 # one block per LFO period
    assert np.all(np.diff(cents) > 0)
    plain = render_script(_events(ACID) + _events(["/ramp/f/cutoff 3000 16"], START), end / SR, SR, BLOCK)
    assert not np.array_equal(audio, plain)


def test_renders_with_ramps_are_bit_identical_run_to_run():
    events = _events(ACID) + _events(["/ramp/f/cutoff 3000 8", "/ramp/s/freq 220 4"], START)
    assert np.array_equal(render_script(events, 3.0, SR, BLOCK), render_script(events, 3.0, SR, BLOCK))


def test_a_commit_in_the_middle_of_a_ramp_continues_it_without_a_step():
    ramp = _events(["/ramp/f/cutoff 3000 8"], START)
    commit = _events(["/patch/begin", "/patch/create wobble lfo", "/patch/commit"], START + 2 * BEAT)
    plain = render_script(_events(ACID) + ramp, 3.0, SR, BLOCK)
    committed = render_script(_events(ACID) + ramp + commit, 3.0, SR, BLOCK)
    assert np.max(np.abs(committed - plain)) < 1e-6


def test_a_snapshot_mid_ramp_restores_and_skips_to_the_same_samples():
    """The cold restore: a pickled Timeline, skipped forward (nothing rendered), renders on exactly."""
    timeline = Timeline(SR, BLOCK)
    for at, msg in _events(ACID) + _events(["/ramp/f/cutoff 3000 8"], START):
        timeline.schedule(msg, at)
    for _ in range(80):
        timeline.render_block()
    restored = pickle.loads(pickle.dumps(timeline))
    reference = copy.deepcopy(timeline)
    for _ in range(40):
        restored.skip_block()
        reference.render_block()
    for _ in range(20):        # the phases differ (nothing was rendered), the ramp's values do not
        restored.render_block()
        reference.render_block()
        assert restored.engine.modules["f"].current["cutoff"] == reference.engine.modules["f"].current["cutoff"]


@pytest.mark.parametrize("line, words", [
    ("/ramp/f/cutoff 30000 4", "out of range"),
    ("/ramp/f/cutoff 3000 -1", "0–4096 beats"),
    ("/ramp/f/cutoff 3000 4 log", "lin or exp"),
    ("/ramp/f/cutoff 3000", "beats"),
    ("/ramp/f/nope 3000 4", "no param"),
    ("/ramp/s/gain 0 4 exp", "use lin"),
    ("/ramp/master/limiter 1 4", "cannot ramp"),
    ("/ramp/ghost/cutoff 3000 4", "ghost"),
])
def test_bad_ramps_are_one_line(line, words):
    eng = Engine(SR, BLOCK)
    for at, msg in _events(ACID):
        eng.schedule(msg, at)
    with pytest.raises(EngineError) as err:
        eng.check(Message.parse(line))
    assert words in str(err.value) and "\n" not in str(err.value)


def test_a_set_at_the_same_sample_is_where_the_ramp_starts():
    eng = Engine(SR, BLOCK)
    for at, msg in _events(ACID):
        eng.schedule(msg, at)
    eng.schedule(Message.parse("/mod/f/cutoff 200"), START)
    eng.schedule(Message.parse("/ramp/f/cutoff 2000 4"), START)
    eng.render(START + 1)
    ramp = eng.param_ramps[("f", "cutoff")]
    assert ramp.begin == 200.0 and ramp.target == 2000.0
