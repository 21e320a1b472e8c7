"""Ctrl-C between the two slots' writes of a line, or of a session's load "now", leaves both slots (and the plan) with
the change: the KeyboardInterrupt is raised once both have it (supervisor/ctrl_c_hold.py). Real slots on the null
device; a real SIGINT, raised in the process right after the first slot's write."""
from __future__ import annotations

import pickle
import signal
import threading

import pytest

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.ctrl_c_hold import ctrl_c_held

from .test_load_parts import late_commands, none_late_since, play_past
from .test_patch_bursts import voice
from .test_soak import rings_in_lockstep, wait_for_music


@pytest.fixture
def supervisor(chronus_home):
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        for line in [line for i in range(4) for line in voice(i)] + ["/seq/start"]:
            supervisor.send(Message.parse(line))
        yield supervisor


def ctrl_c_after_the_first_slots_write(monkeypatch, supervisor: Supervisor, method: str, kind: str) -> None:
    """Ctrl-C pressed right after the first slot's write (`method`) of the next item of `kind` ("msg", "msgs")."""
    first = supervisor.slots[0]
    write = getattr(first, method)

    def write_then_ctrl_c(item, *args, **kwargs):
        done = write(item, *args, **kwargs)
        if (item if method == "send_holding_the_gil" else pickle.loads(item))[0] == kind:
            monkeypatch.setattr(first, method, write)
            signal.raise_signal(signal.SIGINT)   # its handler runs in the main thread at the next bytecode
        return done

    monkeypatch.setattr(first, method, write_then_ctrl_c)


def both_slots(supervisor: Supervisor) -> list[dict]:
    return [slot.request(("state",)) for slot in supervisor.slots]


def test_ctrl_c_between_the_slots_writes_of_a_line(monkeypatch, supervisor):
    before = late_commands(supervisor)
    ctrl_c_after_the_first_slots_write(monkeypatch, supervisor, "send_holding_the_gil", "msg")
    with pytest.raises(KeyboardInterrupt):
        supervisor.send(Message.parse("/patch/create typed square"))
    play_past(supervisor, supervisor._last_stamp)
    assert all("typed" in state["modules"] for state in both_slots(supervisor))
    supervisor.send(Message.parse("/patch/connect typed master"))   # the plan has it too
    play_past(supervisor, supervisor._last_stamp)
    assert all(["typed", "master"] in state["edges"] for state in both_slots(supervisor))
    none_late_since(supervisor, before)
    assert supervisor.problems == [] and rings_in_lockstep(supervisor.rings)


def test_ctrl_c_between_the_slots_writes_of_a_load_now(monkeypatch, supervisor):
    assert supervisor.send(Message.parse("/session/save four")).ok
    saved = supervisor.patch_state()["modules"].keys()
    supervisor.send(Message.parse("/patch/create extra square"))   # gone again once the load is played
    before = late_commands(supervisor)
    ctrl_c_after_the_first_slots_write(monkeypatch, supervisor, "send_bytes", "msgs")   # the load's messages, in one item
    with pytest.raises(KeyboardInterrupt):
        supervisor.send(Message.parse("/session/load four now"))
    play_past(supervisor, supervisor._last_stamp)
    assert [state["modules"].keys() for state in both_slots(supervisor)] == [saved, saved]
    none_late_since(supervisor, before)
    assert supervisor.problems == [] and rings_in_lockstep(supervisor.rings)


def test_outside_a_hold_ctrl_c_is_raised_at_once():
    with ctrl_c_held:
        pass   # the hold's handler installed where Python's default one was
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
        pytest.fail("not raised at once")


def test_nested_holds_raise_once_at_the_outermost_end():
    reached = []
    with pytest.raises(KeyboardInterrupt):
        with ctrl_c_held:
            with ctrl_c_held:
                signal.raise_signal(signal.SIGINT)
                reached.append("inner")
            reached.append("outer")
    assert reached == ["inner", "outer"]
    with ctrl_c_held:
        pass   # nothing left over from that one
    assert ctrl_c_held.depth == 0 and not ctrl_c_held.caught


def test_another_programs_handler_is_left_alone():
    called = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: called.append(signum))
    try:
        with ctrl_c_held:
            signal.raise_signal(signal.SIGINT)
        assert called == [signal.SIGINT]
    finally:
        signal.signal(signal.SIGINT, previous)


def test_a_hold_off_the_main_thread_holds_nothing_back():
    """A signal's handler runs in the main thread only: a hold in an OSC or sender thread must not defer it."""
    entered, release = threading.Event(), threading.Event()

    def hold_elsewhere():
        with ctrl_c_held:
            entered.set()
            release.wait(5)

    other = threading.Thread(target=hold_elsewhere)
    other.start()
    try:
        entered.wait(5)
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
            pytest.fail("held back by another thread's hold")
    finally:
        release.set()
        other.join(5)
