"""A timed mute ('mute the hats for 2 bars') is saved as the state it comes back to: a snapshot has no clock to
flip it back by, so saved as muted it stayed muted for good (trial 2, session 28)."""
from __future__ import annotations

from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

from .grid import KICK, SR


def _engine(*lines: str) -> Engine:
    engine = Engine(SR, 256)
    for line in (*KICK, "/seq/add k k x...x...x...x...", "/seq/start", *lines):
        engine.schedule(Message.parse(line), 0)
    engine.render(256)
    return engine


def _saved(engine: Engine) -> dict:
    return engine.patch_state()["sequencer"]["tracks"]["k"]


def test_a_timed_mute_is_saved_unmuted():
    engine = _engine("/seq/mute k 1 2")
    assert engine.sequencer.tracks["k"].muted and "muted" not in _saved(engine)


def test_a_timed_unmute_is_saved_muted():
    assert _saved(_engine("/seq/mute k 1", "/seq/mute k 0 2"))["muted"] is True


def test_a_mute_for_good_is_saved_muted():
    assert _saved(_engine("/seq/mute k 1"))["muted"] is True
