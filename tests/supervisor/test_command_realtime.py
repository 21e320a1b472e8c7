"""A command's real-time window keeps the rest of the process out of its way, and an OSC packet takes
the real-time path too, bounded (supervisor/repl_realtime.py Quiet, supervisor/osc_realtime.py): no real
engine, the shell's scheduling only."""
from __future__ import annotations

import contextlib
import gc
import os
import socket
import sys
import threading
import time

import pytest
from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
from pythonosc.osc_message_builder import OscMessageBuilder

from chronus_shell.protocol.message import Message
from chronus_shell.protocol.osc import OscServer
from chronus_shell.supervisor import latency, realtime
from chronus_shell.supervisor.osc_realtime import SMALL_DATAGRAM, OscPace
from chronus_shell.supervisor.repl_realtime import (
    LIFTED_PRIORITY, QUIET_SWITCH_S, REPL_THREAD, WINDOWS_SPAN_S, Quiet, Watchdog, real_time,
)
from tests.repl.test_repl_realtime import OUTPUT_PRIORITY, needs_rt


def policy(tid: int) -> tuple[int, int]:
    return os.sched_getscheduler(tid) & ~os.SCHED_RESET_ON_FORK, os.sched_getparam(tid).sched_priority


@contextlib.contextmanager
def as_the_repl():
    """The calling thread named as the REPL's (favour_the_prompt names it): a window lifts it."""
    thread = threading.current_thread()
    name, thread.name = thread.name, REPL_THREAD
    try:
        yield
    finally:
        thread.name = name


class Idle(threading.Thread):
    """An ordinary thread of the process a command waits on for the GIL (the status poll's)."""

    def __init__(self):
        super().__init__(daemon=True, name="chronus-poll_0")
        self.started_up, self.stop = threading.Event(), threading.Event()

    def run(self):
        self.started_up.set()
        self.stop.wait()

    def __enter__(self):
        self.start()
        self.started_up.wait()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.join()


@needs_rt
@pytest.mark.parametrize("ends", ["in time", "by the watchdog"])
def test_a_raised_window_quiets_the_process_and_puts_it_back(ends):
    # real-time as the shell's is (Supervisor.on_audio_path): an ordinary watchdog waited behind the busy
    # programs of the loaded run for its core, past the second this test gives it (failed once so)
    watchdog = Watchdog(lambda: realtime.audio_path_thread(OUTPUT_PRIORITY),
                        window_s=0.05 if ends == "in time" else 0.02)
    switch, collecting = sys.getswitchinterval(), gc.isenabled()
    with Idle() as other:
        with watchdog.bounded(realtime.briefly(OUTPUT_PRIORITY)):
            assert policy(other.native_id) == (os.SCHED_FIFO, LIFTED_PRIORITY)
            assert sys.getswitchinterval() == pytest.approx(QUIET_SWITCH_S) and not gc.isenabled()
            if ends == "by the watchdog":
                deadline = time.monotonic() + 1.0
                while real_time() and time.monotonic() < deadline:
                    pass                                # a slow translation, busy
                assert not real_time() and watchdog.cut_short == 1
        assert policy(other.native_id) == (os.SCHED_OTHER, 0)
    assert sys.getswitchinterval() == switch and gc.isenabled() == collecting and not real_time()


def test_an_unraised_window_changes_nothing_in_the_process():
    switch, collecting = sys.getswitchinterval(), gc.isenabled()
    watchdog = Watchdog(lambda: False)
    with watchdog.bounded(realtime.briefly(0)):   # no output priority known: not raised
        assert sys.getswitchinterval() == switch and gc.isenabled() == collecting


@needs_rt
def test_windows_back_to_back_are_bounded_together():
    """A paste of many lines: each window ends in time, but together they take no more than their share."""
    watchdog, raised = Watchdog(lambda: realtime.audio_path_thread(OUTPUT_PRIORITY)), []
    deadline = time.monotonic() + 3.0
    while time.monotonic() < deadline and (not raised or raised[-1]):
        with watchdog.bounded(realtime.briefly(OUTPUT_PRIORITY)):
            raised.append(real_time())
            busy = time.monotonic() + 0.03
            while time.monotonic() < busy:
                pass                                    # a line's translation, busy
    assert raised[0] and not raised[-1] and not real_time()
    assert 8 <= len(raised) <= 14, len(raised)          # 0.3 s of the last 0.5 s in 30 ms windows
    time.sleep(WINDOWS_SPAN_S)
    with watchdog.bounded(realtime.briefly(OUTPUT_PRIORITY)):
        assert real_time()                              # a line after a pause is real-time again
    assert not real_time()


class ShellLike:
    """What OscPace needs of the supervisor; records each message's thread policy and timing."""

    def __init__(self):
        self.seen = []

    def on_audio_path(self) -> bool:
        return realtime.audio_path_thread(OUTPUT_PRIORITY)

    def submit(self, msg: Message, at):
        self.seen.append((msg.address, real_time(), latency.entered(None), time.perf_counter_ns()))


def _send(port: int, datagram: bytes) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(datagram, ("127.0.0.1", port))


def _wait(seen: list, count: int) -> None:
    deadline = time.monotonic() + 5
    while len(seen) < count and time.monotonic() < deadline:
        time.sleep(0.005)
    assert len(seen) == count


def _message(address: str = "/mod/saw1/freq"):
    builder = OscMessageBuilder(address)
    builder.add_arg(900.0)
    return builder.build()


def _bundle(count: int) -> bytes:
    """`count` messages in one immediate bundle."""
    builder = OscBundleBuilder(IMMEDIATELY)
    for _ in range(count):
        builder.add_content(_message())
    return builder.build().dgram


@needs_rt
def test_an_osc_packet_is_handled_real_time_timed_from_its_arrival_and_a_big_or_flooding_one_is_not():
    shell = ShellLike()
    pace = OscPace(shell)
    with OscServer(shell.submit, port=0, pace=pace) as server:
        _send(server.port, _message().dgram)   # the first raises the thread for the next
        _wait(shell.seen, 1)
        assert not shell.seen[0][1]
        _send(server.port, _message().dgram)
        big = _bundle(40)
        assert len(big) > SMALL_DATAGRAM
        _send(server.port, big)
        _wait(shell.seen, 42)
        (_, small, arrived, sent), *bundled = shell.seen[1:]
        assert small and not any(fifo for _, fifo, _, _ in bundled) and pace.ordinary == 1
        assert 0 < sent - arrived < 50e6           # timed from the packet's arrival, not from now
        pace.share = 0.0                            # no real-time share left in any second: a flood
        _send(server.port, _message().dgram)
        _wait(shell.seen, 43)
        assert not shell.seen[-1][1]
    assert latency.entered(None) == pytest.approx(time.perf_counter_ns(), abs=5e6)   # no arrival left behind


@needs_rt
def test_work_of_unbounded_length_is_done_at_the_ordinary_policy_by_a_real_time_caller():
    with realtime.briefly(OUTPUT_PRIORITY):
        with realtime.ordinary_meanwhile():
            assert not real_time()
        assert real_time()
    with realtime.ordinary_meanwhile():
        assert not real_time()


@needs_rt
def test_a_lifted_thread_doing_unbounded_work_is_ordinary_after_the_window_ends():
    """A session save on a thread another window lifted: ordinary while it works, and still ordinary once the
    window ended meanwhile (it never returns to the lifted priority for good)."""
    with as_the_repl():
        window = Quiet()                          # this thread is ordinary: lifted, as the REPL's
        assert policy(threading.get_native_id()) == (os.SCHED_FIFO, LIFTED_PRIORITY)
        with realtime.ordinary_meanwhile():
            assert not real_time()
            window.end()
        assert not real_time()


@needs_rt
def test_windows_may_overlap_and_a_thread_lifted_by_one_is_ordinary_again_after_its_own():
    """An OSC packet's window lifts the REPL's thread; Enter opens the line's window in it meanwhile;
    the packet's window ends first: the line keeps its priority, and is ordinary once it ends."""
    with Idle() as other, as_the_repl():
        packet = Quiet()                          # this thread is ordinary: lifted too, as the REPL's
        assert policy(threading.get_native_id()) == (os.SCHED_FIFO, LIFTED_PRIORITY)
        with realtime.briefly(OUTPUT_PRIORITY):
            line = Quiet()
            packet.end()
            assert policy(threading.get_native_id()) == (os.SCHED_FIFO, realtime.shell_priority(OUTPUT_PRIORITY))
            assert policy(other.native_id) == (os.SCHED_FIFO, LIFTED_PRIORITY) and not gc.isenabled()
            line.end()
            line.end()                            # once only (the watchdog may have ended it)
            assert policy(other.native_id) == (os.SCHED_OTHER, 0)
        assert not real_time()
