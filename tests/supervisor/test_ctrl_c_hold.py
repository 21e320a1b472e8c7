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


def test_ctrl_c_while_a_load_at_its_bar_is_stamped_leaves_no_line_waiting(monkeypatch, supervisor):
    """The slots are told how many parts are coming: a Ctrl-C raised before the thread writing them started left every
    later line waiting for them (`after_load_parts`) — the shell hung."""
    assert supervisor.send(Message.parse("/session/save four")).ok
    saved = supervisor.patch_state()["modules"].keys()
    supervisor.send(Message.parse("/patch/create extra square"))
    stamp = supervisor.fan_out_at_once

    def stamped_then_ctrl_c(*args, **kwargs):
        parts = stamp(*args, **kwargs)
        signal.raise_signal(signal.SIGINT)
        return parts

    monkeypatch.setattr(supervisor, "fan_out_at_once", stamped_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        supervisor.send(Message.parse("/session/load four"))        # at its bar, in parts
    monkeypatch.setattr(supervisor, "fan_out_at_once", stamp)
    sent = threading.Thread(target=supervisor.send, args=(Message.parse("/patch/create typed square"),), daemon=True)
    sent.start()
    sent.join(10)
    assert not sent.is_alive(), "the next line waited for parts never written"
    play_past(supervisor, supervisor._last_stamp)
    assert all(state["modules"].keys() == saved | {"typed"} for state in both_slots(supervisor))
    assert supervisor.problems == [] and rings_in_lockstep(supervisor.rings)


def test_a_second_ctrl_c_in_a_hold_is_raised_at_once():
    """A write stuck on a wedged slot's pipe must not trap the musician: Ctrl-C twice ends it."""
    reached = []
    with pytest.raises(KeyboardInterrupt):
        with ctrl_c_held:
            signal.raise_signal(signal.SIGINT)
            signal.raise_signal(signal.SIGINT)
            reached.append("past the second Ctrl-C")
    assert reached == []
    with ctrl_c_held:
        pass   # nothing left over from that one
    assert ctrl_c_held.depth == 0 and not ctrl_c_held.caught


def test_pythons_own_handler_is_back_once_the_supervisor_stops(chronus_home):
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        supervisor.send(Message.parse("/patch/create held square"))
        assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


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
