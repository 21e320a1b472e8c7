"""What the sequencer is going to play, read ahead on a copy (MIDI out and MIDI clock).

`peek(timeline, end)` copies the sequencer at the slot's position, applies the `/seq/*` messages
already stamped for later at their samples (as the render will), and returns every note event,
the 24-ppqn clock ticks of every step fired (six per sixteenth, on the unswung grid) and the
starts, continues (with the step the grid goes on from) and stops in [position, end). Ticks before `settled` belong to steps fired earlier (read by
an earlier peek, on the grid they had then). The copy is thrown away: the slot's own sequencer and its
lockstep are untouched.
"""
from __future__ import annotations

import copy
from fractions import Fraction

from .sequencer import Sequencer

TICKS_PER_STEP = 6   # 24 ppqn, four steps a beat


def peek(timeline, end: int) -> dict:
    engine = timeline.engine
    start = engine.position
    seq = copy.deepcopy(engine.sequencer)
    settled = int(seq.step_time(seq.next_step)) if seq.running else start   # ticks before: of fired steps
    steps: list[tuple[int, Fraction, Fraction]] = []
    seq._fire = _recording(seq, steps)
    queued = sorted((at, serial, msg) for at, serial, msg in [*timeline._queue, *engine._queue]
                    if msg.address.startswith("/seq/") and at < end)
    notes, transport = [], []
    cursor = start
    for at, _, msg in queued:
        at = max(at, cursor)
        notes += seq.events(cursor, at - cursor) if at > cursor else []
        was = seq.running
        seq.handle(msg, at)
        if seq.running != was:
            kind = ("continue" if msg.address == "/seq/continue" else "start") if seq.running else "stop"
            transport.append((at, kind, seq.next_step))
        cursor = at
    notes += seq.events(cursor, end - cursor) if end > cursor else []
    ticks = [int(round(t0 + j * spt / TICKS_PER_STEP)) for _, t0, spt in steps for j in range(TICKS_PER_STEP)]
    return {"start": start, "settled": settled, "end": end, "notes": notes, "ticks": ticks, "transport": transport,
            "running": seq.running, "bpm": float(seq.bpm)}


def _recording(seq: Sequencer, steps: list):
    """`seq._fire`, also noting each step's grid time and length (the clock's ticks follow it)."""
    fire = seq._fire

    def fired(step, onset, events):
        steps.append((step, seq.step_time(step), seq.samples_per_step))
        fire(step, onset, events)

    return fired


__all__ = ["peek", "TICKS_PER_STEP"]
