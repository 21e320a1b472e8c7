"""The Sequencer alone, driven window by window over virtual time (no audio): zero drift over an
hour, results independent of the window cuts, polymeter, when changes land, monophonic gates."""
from __future__ import annotations

import random
from fractions import Fraction

import pytest

from chronus_shell.protocol.message import Message

from .grid import SR, drive, half_up, sequencer, sps

HOUR = 3600 * SR


def _ons(events, target=None) -> list[int]:
    return [e[0] for e in events if e[2] and target in (None, e[1])]


def _offs(events, target=None) -> list[int]:
    return [e[0] for e in events if not e[2] and target in (None, e[1])]


def _send(seq, line: str, at: int) -> None:
    msg = Message.parse(line)
    seq.check(msg)
    seq.handle(msg, at)


@pytest.mark.parametrize("bpm, swing", [(127, 0), (133.7, 0.3)])
def test_one_virtual_hour_has_zero_drift(bpm, swing):
    seq = sequencer(f"/seq/bpm {bpm}", f"/seq/swing {swing}", "/seq/add t k " + "x" * 16, "/seq/start")
    events = drive(seq, 0, HOUR + 1, sizes=(256, 100, 1000, 4093, 1, 2048))
    step, late = sps(bpm), Fraction(str(swing)) * sps(bpm)
    steps = round(bpm * 4 * 60)  # 16ths in an hour: 30480 at 127 bpm, 32088 at 133.7
    exact = [n * step + (late if n % 2 else 0) for n in range(steps + 1)]
    assert _ons(events) == [half_up(t) for t in exact]
    assert _ons(events)[-1] == HOUR  # the last 16th of the hour is the hour's last sample + 1: no drift
    assert max(abs(o - t) for o, t in zip(_ons(events), exact)) <= Fraction(1, 2)
    assert _offs(events) == [half_up(t + step / 2) for t in exact[:-1]]  # the last gate ends after the hour


def _cut_run(sizes, end: int = 1_500_000) -> list[tuple]:
    """Two bars, then (at sample 200_001) a tempo change, a pattern change and swing."""
    seq = sequencer("/seq/bpm 127", "/seq/add a k xX.x-x..x.x--x..", "/seq/add b h x..", "/seq/start")
    events = drive(seq, 0, 200_001, sizes)
    for line in ("/seq/bpm 97.5", "/seq/add a k x...x...x.x.X...", "/seq/swing 0.45", "/seq/add b h x.x now"):
        _send(seq, line, 200_001)
    return events + drive(seq, 200_001, end, sizes)


def test_events_do_not_depend_on_how_windows_are_cut():
    rng = random.Random(6)
    reference = _cut_run((1_500_000,))
    assert len(_ons(reference)) > 150
    for _ in range(3):
        assert _cut_run(tuple(rng.randrange(1, 3000) for _ in range(97))) == reference
    assert _cut_run((1,), 300_000) == [e for e in reference if e[0] < 300_000]  # sample by sample


def test_polymeter_three_against_sixteen_realigns_every_three_bars():
    seq = sequencer("/seq/bpm 127", "/seq/add three a x..", "/seq/add bar b x...............", "/seq/start")
    events = drive(seq, 0, half_up(96 * sps(127)), sizes=(100,))
    three, bar = _ons(events, "a"), _ons(events, "b")
    assert three == [half_up(n * sps(127)) for n in range(0, 96, 3)]
    assert bar == [half_up(n * sps(127)) for n in range(0, 96, 16)]
    assert sorted(set(three) & set(bar)) == [0, half_up(48 * sps(127))]


@pytest.mark.parametrize("when, now, lands", [
    (20 * 6000 + 777, False, 32), (20 * 6000 + 777, True, 21),   # mid-step: next bar / next step
    (32 * 6000, False, 32), (21 * 6000, True, 21),               # exactly on a bar line / on a step
    (31 * 6000 + 1, False, 32), (16 * 6000 - 1, True, 16),
])
def test_a_pattern_change_lands_on_the_next_bar_or_with_now_the_next_step(when, now, lands):
    seq = sequencer("/seq/add t k xxxxxxxxxxxxxxxx", "/seq/start")
    events = drive(seq, 0, when, sizes=(256,))
    _send(seq, "/seq/add t k x..." + (" now" if now else ""), when)
    events += drive(seq, when, 64 * 6000, sizes=(256,))
    steps = list(range(lands)) + [n for n in range(lands, 64) if n % 4 == 0]
    assert _ons(events) == [n * 6000 for n in steps]


def test_a_tempo_change_continues_the_bar_grid_where_the_old_step_ended():
    seq = sequencer("/seq/bpm 120", "/seq/swing 0.2", "/seq/add t k xxxxxxxxxxxxxxxx", "/seq/start", at=501)
    events = drive(seq, 501, 501 + 23 * 6000 + 5, sizes=(100,))
    _send(seq, "/seq/bpm 127", 501 + 23 * 6000 + 5)
    events += drive(seq, 501 + 23 * 6000 + 5, 501 + 32 * 6000 + half_up(32 * sps(127)) - 1, sizes=(100,))
    old = [501 + n * 6000 + (1200 if n % 2 else 0) for n in range(32)]
    bar = 501 + 32 * 6000
    new = [bar + half_up((n - 32) * sps(127) + (sps(127) / 5 if n % 2 else 0)) for n in range(32, 64)]
    assert _ons(events) == old + new
    end = bar + half_up(32 * sps(127))
    assert seq.next_bar(end) == end and seq.next_bar(end + 1) == bar + half_up(48 * sps(127))


def test_notes_sent_after_a_queued_pattern_are_kept():
    """Regression: a /seq/add waiting for the bar took the notes the track had when it was sent."""
    seq = sequencer("/seq/add t k x...", "/seq/start")
    events = drive(seq, 0, 1000)
    _send(seq, "/seq/add bass k xxxx", 1000)  # lands on the next bar (sample 96000)
    _send(seq, "/seq/notes bass a2 c3", 1000)  # lands on the next step
    events += drive(seq, 1000, 96000 + 4 * 6000)
    assert [e[3] for e in events if e[2] and e[0] >= 96000 and e[3]] == [110.0, 130.812783, 110.0, 130.812783]


@pytest.mark.parametrize("line", ["/seq/swing 0", "/seq/bpm 300 now"])
def test_a_change_that_moves_the_next_step_into_the_past_plays_it_at_once(line):
    """Regression: swing 0.5 → 0 (or a faster tempo) after step 1's unswung time gave an event
    before the window (the engine would have played it late, at a sample it never reported)."""
    seq = sequencer("/seq/swing 0.5", "/seq/add t k xxxx", "/seq/start")
    events = drive(seq, 0, 8000)
    _send(seq, line, 8000)
    later = seq.events(8000, 256)
    assert _ons(events) == [0] and _ons(later) == [8000]
    assert all(e[0] >= 8000 for e in later)


def test_a_voice_gate_ends_with_its_latest_note():
    """Regression: the off of an earlier (tied) note cut a later note on the same voice."""
    seq = sequencer("/seq/add t k x---............", "/seq/start")
    events = drive(seq, 0, 3000)
    _send(seq, "/seq/add t k ...x-........... now", 3000)
    events += drive(seq, 3000, 16 * 6000)
    assert _ons(events) == [0, 18000] and _offs(events) == [27000]  # the tie's end (21000) is superseded
    seq = sequencer("/seq/swing 0.6", "/seq/add t k xxxx", "/seq/add u k x-..", "/seq/start")
    events = drive(seq, 0, 4 * 6000)
    assert _ons(events) == [0, 0, 9600, 12000, 21600]
    assert _offs(events) == [9000, 15000]  # the longest gate of one onset wins; 12600 superseded at 12000


def test_clear_drops_tracks_and_keeps_a_queued_tempo():
    seq = sequencer("/seq/add t k xxxx", "/seq/start")
    drive(seq, 0, 1000)
    _send(seq, "/seq/bpm 150", 1000)
    _send(seq, "/seq/clear", 1000)
    _send(seq, "/seq/add t k x... now", 1000)
    events = drive(seq, 1000, 16 * 6000 + 17 * 4800)
    assert _ons(events) == [24000, 48000, 72000, 96000, 96000 + 4 * 4800, 96000 + 8 * 4800, 96000 + 12 * 4800,
                            96000 + 16 * 4800]


def test_stop_releases_and_start_restarts_the_grid_at_its_sample():
    seq = sequencer("/seq/add t k x---", "/seq/start")
    events = drive(seq, 0, 10_000)
    _send(seq, "/seq/stop", 10_000)
    events += drive(seq, 10_000, 20_000)
    _send(seq, "/seq/start", 20_003)
    events += drive(seq, 20_003, 20_003 + 24_000)
    assert _ons(events) == [0, 20_003] and _offs(events) == [10_000, 20_003 + 21_000]
