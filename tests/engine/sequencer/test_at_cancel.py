"""`/at/cancel`: an undo takes a command queued on a bar line back before it plays (without it the
undone change still landed on its bar: a silent wrong result)."""
from __future__ import annotations

import numpy as np
import pytest

from chronus_shell.engine.engine import Engine, EngineError
from chronus_shell.protocol.message import Message

from .grid import SR, messages, render, sps

SAW = ["/patch/create s saw", "/patch/connect s master", "/mod/s/gain 0.5", "/seq/start"]


def _bar() -> int:
    return int(16 * sps(120))


def test_a_cancelled_command_does_not_play_on_its_bar():
    events = messages(SAW) + messages(["/at 1 bar /ramp/s/gain 0 0 lin"], at=1000) + \
        messages(["/at/cancel /ramp/s/gain 0 0 lin"], at=2000)
    audio, _ = render(events, SR * 3, 256)
    assert np.count_nonzero(audio[_bar():_bar() + 4800]) > 4000       # still sounding after the bar


def test_without_the_cancel_it_plays():
    events = messages(SAW) + messages(["/at 1 bar /ramp/s/gain 0 0 lin"], at=1000)
    audio, _ = render(events, SR * 3, 256)
    assert not np.any(audio[_bar() + 256:])


def test_only_the_latest_equal_command_is_taken_back():
    gains = ["/at 1 bar /ramp/s/gain 0 0 lin", "/at 2 bar /ramp/s/gain 0 0 lin"]
    events = messages(SAW) + messages(gains, at=1000) + messages(["/at/cancel /ramp/s/gain 0 0 lin"], at=2000)
    audio, _ = render(events, SR * 4, 256)
    assert not np.any(audio[_bar() + 256:])                          # the first still plays on bar 1


def test_a_cancel_of_nothing_waiting_changes_nothing():
    plain = render(messages(SAW), SR, 256)[0]
    cancelled = render(messages(SAW) + messages(["/at/cancel /ramp/s/gain 0 0 lin"], at=500), SR, 256)[0]
    assert np.array_equal(plain, cancelled)


@pytest.mark.parametrize("line, words", [("/at/cancel", "the command to take back"),
                                         ("/at/cancel /patch/create x saw", "not '/patch/create'")])
def test_bad_cancels_are_one_line(line, words):
    with pytest.raises(EngineError) as err:
        Engine(SR, 256).check(Message.parse(line))
    assert words in str(err.value), str(err.value)


def test_at_clear_takes_back_every_waiting_command():
    gains = ["/at 1 bar /ramp/s/gain 0 0 lin", "/at 2 bar /seq/stop"]
    events = messages(SAW) + messages(gains, at=1000) + messages(["/at/clear"], at=2000)
    audio, _ = render(events, SR * 6, 256)
    assert np.count_nonzero(audio[_bar():_bar() + 4800]) > 4000             # the ramp to silence did not play
    assert np.count_nonzero(audio[2 * _bar() + 4800:2 * _bar() + 9600]) > 4000   # on its bar or after


def test_at_clear_keeps_what_was_not_timed():
    plain = render(messages(SAW), SR, 256)[0]
    assert np.array_equal(plain, render(messages(SAW) + messages(["/at/clear"], at=500), SR, 256)[0])


def test_at_clear_takes_nothing():
    with pytest.raises(EngineError) as err:
        Engine(SR, 256).check(Message.parse("/at/clear now"))
    assert "takes no arguments" in str(err.value)
