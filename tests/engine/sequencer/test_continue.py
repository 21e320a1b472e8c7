"""`/seq/continue` (MIDI Continue, 'resume'): the grid goes on from the step it stopped before, its
first step at the continue's sample; `/seq/start` still starts at the top."""
from __future__ import annotations

from fractions import Fraction

from chronus_shell.engine.sequencer import Sequencer
from chronus_shell.engine.sequencer_peek import peek
from chronus_shell.protocol.message import Message

RATE = 48000
STEP = 6000                         # samples a step at 120 bpm


def ons(seq: Sequencer, start: int, n: int) -> list[int]:
    return [e[0] for e in seq.events(start, n) if e[2]]


def test_continue_goes_on_from_the_step_it_stopped_before():
    seq = Sequencer(RATE)
    seq.handle(Message("/seq/add", ("t", "k", "x.x.xxxxxxxxxxxx")), 0)
    seq.handle(Message("/seq/start", ()), 0)
    assert ons(seq, 0, 5 * STEP) == [0, 2 * STEP, 4 * STEP]
    seq.handle(Message("/seq/stop", ()), 5 * STEP)
    assert seq.next_step == 5
    seq.handle(Message("/seq/continue", ()), 100_000)
    assert ons(seq, 100_000, 2 * STEP) == [100_000, 100_000 + STEP]          # steps 5 and 6 (both hits)
    assert seq.step_time(5) == Fraction(100_000)
    seq.handle(Message("/seq/continue", ()), 200_000)                       # running: nothing moves
    assert seq.step_time(5) == Fraction(100_000)
    seq.handle(Message("/seq/stop", ()), 150_000)
    seq.handle(Message("/seq/start", ()), 300_000)                           # start: from the top
    assert ons(seq, 300_000, 2 * STEP) == [300_000]                          # step 0 (step 1 is a rest)


class _Timeline:
    def __init__(self, seq: Sequencer, position: int, queued):
        self.engine = type("E", (), {"position": position, "sequencer": seq, "_queue": []})()
        self._queue = queued


def test_peek_tells_a_continue_and_the_step_it_goes_on_from():
    seq = Sequencer(RATE)
    seq.handle(Message("/seq/add", ("t", "k", "x...")), 0)
    seq.handle(Message("/seq/start", ()), 0)
    seq.events(0, 6 * STEP)
    seq.handle(Message("/seq/stop", ()), 6 * STEP)
    view = peek(_Timeline(seq, 7 * STEP, [(8 * STEP, 0, Message("/seq/continue", ()))]), 10 * STEP)
    assert view["transport"] == [(8 * STEP, "continue", 6)]
    assert view["ticks"][:2] == [8 * STEP, 8 * STEP + STEP // 6]
