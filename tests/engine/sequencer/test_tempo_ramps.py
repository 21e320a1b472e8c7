"""Tempo ramps and timed actions on offline renders: every onset at the sample the integrated tempo
gives (0 samples error), timed mutes, a stop on the bar line, commands on the next bar."""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from chronus_shell.engine.engine import Engine, EngineError
from chronus_shell.protocol.message import Message

from .grid import KICK, SR, START, half_up, messages, note_ons, note_offs, render, sps, step_onset

EVERY_STEP = "x" * 16


def _ramp_onset(k: int, b0, b1, steps: int, start: int = START) -> int:
    """Step k's onset from the integrated tempo, found independently: the tempo rises linearly in
    time, so beats(t) = ∫ bpm/60 dt; the onset is the sample r with beats(r−½) ≤ k/4 < beats(r+½),
    searched by bisection in exact Fractions."""
    b0, b1 = Fraction(b0), Fraction(b1)
    length = Fraction(2 * steps, 4) * 60 * SR / (b0 + b1)

    def beats(t):
        t = Fraction(t)
        if t >= length:
            return Fraction(steps, 4) + (t - length) * b1 / (60 * SR)
        return (b0 * t + (b1 - b0) * t * t / (2 * length)) / (60 * SR)

    goal = Fraction(k, 4)
    low, high = -1, int(length) + 10 * SR
    while high - low > 1:                   # the smallest r with goal < beats(r + ½)
        mid = (low + high) // 2
        if goal < beats(Fraction(2 * mid + 1, 2) - start):
            high = mid
        else:
            low = mid
    return high


@pytest.mark.parametrize("block", [256, 100])
def test_a_tempo_ramp_120_to_140_over_16_beats_puts_every_onset_on_the_integrated_tempo(block):
    events = messages(KICK + ["/seq/bpm 120", f"/seq/add t k {EVERY_STEP}"]) + \
        messages(["/seq/start", "/seq/bpm 140 ramp 16"], at=START)
    length = Fraction(2 * 16 * 60 * SR, 260)
    end = START + int(length) + int(32 * sps(140)) + 10
    audio, notes = render(events, end, block)
    got = note_ons(notes, "k")
    expected = [_ramp_onset(k, 120, 140, 64) for k in range(len(got))]
    assert len(got) >= 64 + 32
    assert got == expected                                        # 0 samples error, inside and after
    assert got[64] == half_up(START + length)                      # the ramp's end: exactly rational
    gaps = np.diff(got[:65])
    assert gaps[0] > gaps[-1] and np.all(np.diff(gaps) <= 1)       # the steps shrink as the tempo rises
    assert abs(gaps[0] / float(sps(120)) - 1) < 0.01 and abs(gaps[-1] / float(sps(140)) - 1) < 0.01


def test_a_numeric_integration_of_the_tempo_agrees():
    """An independent check of the curve: sum the beats sample by sample (midpoint tempo)."""
    events = messages(KICK + ["/seq/bpm 120", f"/seq/add t k {EVERY_STEP}"]) + \
        messages(["/seq/start", "/seq/bpm 90 ramp 8"], at=START)
    audio, notes = render(events, START + 5 * SR, 256)
    got = note_ons(notes, "k")
    length = 2 * 8 * 60 * SR / 210
    t = np.arange(int(length) + SR) + 0.5
    bpm = np.where(t < length, 120 + (90 - 120) * t / length, 90.0)
    beats = np.concatenate(([0.0], np.cumsum(bpm / 60 / SR)))
    for k, onset in enumerate(got[:40]):
        crossing = START + int(np.searchsorted(beats, k / 4 - 1e-9))
        assert abs(onset - crossing) <= 1


def test_a_tempo_ramp_from_a_ramp_starts_at_the_tempo_where_it_is():
    eng = Engine(SR, 256)
    for _, msg in messages(KICK + [f"/seq/add t k {EVERY_STEP}", "/seq/start", "/seq/bpm 160 ramp 16"]):
        eng.schedule(msg, 0)
    eng.render(4 * SR // 2)                                        # halfway through the 16 beats? not quite
    seq = eng.sequencer
    step = seq.next_step
    now = seq.tempo_ramp.bpm_at(step)
    assert 120 < now < 160
    eng.schedule(Message.parse("/seq/bpm 100 ramp 4"), eng.position)
    eng.render(256 * 40)
    assert seq.tempo_ramp.b0 == now and seq.bpm == 100


def test_a_plain_tempo_during_a_ramp_takes_over_at_the_next_bar():
    events = messages(KICK + ["/seq/bpm 120", f"/seq/add t k {EVERY_STEP}"]) + \
        messages(["/seq/start", "/seq/bpm 140 ramp 64"], at=START) + messages(["/seq/bpm 100"], at=START + SR)
    audio, notes = render(events, START + 4 * SR, 256)
    got = note_ons(notes, "k")
    bar = 16
    assert got[bar] == _ramp_onset(bar, 120, 140, 256)             # the bar line still on the ramp
    assert all(b - a in (int(sps(100)), int(sps(100)) + 1) for a, b in zip(got[bar:], got[bar + 1:]))


def test_a_timed_mute_flips_back_after_its_bars():
    events = messages(KICK + [f"/seq/add t k {EVERY_STEP}"]) + messages(["/seq/start"], at=START) + \
        messages(["/seq/mute t 1 2"], at=step_onset(3, 120) + 5)
    audio, notes = render(events, step_onset(48, 120), 256)
    got = note_ons(notes, "k")
    assert got == [step_onset(n, 120) for n in list(range(4)) + list(range(4 + 32, 48))]


def test_a_timed_mute_of_half_a_bar_flips_back_after_8_steps():
    events = messages(KICK + [f"/seq/add t k {EVERY_STEP}"]) + messages(["/seq/start"], at=START) + \
        messages(["/seq/mute t 1 0.5"], at=step_onset(3, 120) + 5)
    audio, notes = render(events, step_onset(20, 120), 256)
    assert note_ons(notes, "k") == [step_onset(n, 120) for n in list(range(4)) + list(range(12, 20))]


def test_stop_at_the_end_of_the_bar():
    events = messages(KICK + [f"/seq/add t k {EVERY_STEP}"]) + messages(["/seq/start"], at=START) + \
        messages(["/seq/stop bar"], at=step_onset(21, 120) + 7)
    audio, notes = render(events, step_onset(40, 120), 256)
    assert note_ons(notes, "k") == [step_onset(n, 120) for n in range(32)]
    assert note_offs(notes, "k")[-1] <= step_onset(32, 120)        # every note has ended by the bar line
    assert not np.any(audio[step_onset(32, 120) + 2000:])


@pytest.mark.parametrize("line, step", [("/at 1 bar /seq/mute t 1", 16), ("/at 2 bars /seq/mute t 1", 32),
                                        ("/at 1 beat /seq/mute t 1", 8)])
def test_a_command_at_the_next_bar_lands_on_the_line(line, step):
    events = messages(KICK + [f"/seq/add t k {EVERY_STEP}"]) + messages(["/seq/start"], at=START) + \
        messages([line], at=step_onset(5, 120) + 3)
    audio, notes = render(events, step_onset(40, 120), 256)
    assert note_ons(notes, "k") == [step_onset(n, 120) for n in range(step)]


def test_a_ramp_at_the_next_bar_starts_on_the_bar_sample():
    lines = ["/patch/create s saw", "/patch/connect s master", "/mod/s/gain 0.5", "/seq/start"]
    events = messages(lines) + messages(["/at 1 bar /ramp/s/gain 0 0 lin"], at=1000)
    audio, _ = render(events, SR * 3, 256)
    bar = int(16 * sps(120))
    assert np.all(audio[bar:] == 0) and np.count_nonzero(audio[bar - 50:bar]) > 40


@pytest.mark.parametrize("line, words", [
    ("/at 1 bar /patch/create x saw", "patch changes apply at once"),
    ("/at 0 bar /seq/stop", "1–1024"),
    ("/at 1 week /seq/stop", "bars or beats"),
    ("/at 1 bar /mod/nobody/gain 1", "nobody"),
    ("/seq/mute t 1 0", "out of range"),
    ("/seq/stop soon", "bar"),
    ("/seq/bpm 140 ramp", "ramp beats"),
    ("/seq/bpm 400 ramp 4", "out of range"),
])
def test_bad_timed_messages_are_one_line(line, words):
    eng = Engine(SR, 256)
    with pytest.raises(EngineError) as err:
        eng.check(Message.parse(line))
    assert words in str(err.value), str(err.value)


def test_the_curve_is_exact_where_it_is_rational():
    from chronus_shell.engine.tempo_curve import TempoRamp
    ramp = TempoRamp(0, Fraction(0), Fraction(120), Fraction(140), 64, SR)
    assert ramp.length == Fraction(2 * 16 * 60 * SR, 260) and ramp.beats_at(ramp.length) == 16
    assert math.isclose(float(ramp.bpm_at(32)), 120 + 20 * ramp.time_for(Fraction(8)) / float(ramp.length))
