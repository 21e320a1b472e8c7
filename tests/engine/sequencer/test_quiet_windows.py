"""Between events the sequencer answers at once (it keeps the sample before which nothing is due);
a message reaching it in such a quiet stretch still counts from its sample, however the windows are cut."""
from __future__ import annotations

from chronus_shell.engine.sequencer import Sequencer
from chronus_shell.protocol.message import Message

RATE = 48000
MESSAGES = [(0, "/seq/add t1 k x...x...x...x..."), (0, "/seq/add t2 h ..x-..x...xxx..x"), (0, "/seq/start"),
            (13_001, "/seq/add t3 s ....x.......x..."), (29_999, "/seq/bpm 133 now"), (41_234, "/seq/swing 0.2"),
            (57_000, "/seq/notes t2 a2 c3"), (70_007, "/seq/stop"), (80_000, "/seq/continue"),
            (95_555, "/seq/remove t1")]


def _events(window: int) -> list[tuple]:
    seq, found, at = Sequencer(RATE), [], 0
    for stamp, line in MESSAGES + [(120_000, None)]:
        while at < stamp:
            step = min(window, stamp - at)
            found += seq.events(at, step)
            at += step
        if line is not None:
            seq.handle(Message.parse(line), stamp)
    return found


def test_the_events_do_not_depend_on_the_windows():
    every_block = _events(256)
    assert len([e for e in every_block if e[2]]) > 8
    assert _events(7) == every_block == _events(4099)
