"""The REPL's real-time window is bounded (supervisor/repl_realtime.py): a long line is translated at
the ordinary priority, a slow one is put back to it by the watchdog, a shell verb and a session are
not real-time, and the thread's policy is the ordinary one again after every line; the prompt's thread
is favoured by niceness only, and what it starts is not."""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import subprocess
import sys
import threading
import time

import pytest

from chronus_shell.language import LanguageError
from chronus_shell.protocol.message import Message
from chronus_shell.repl.engine_link import EngineLink
from chronus_shell.supervisor import realtime
from chronus_shell.supervisor.prompt_realtime import prompt_priority
from chronus_shell.supervisor.repl_realtime import (
    PROMPT_NICE, REALTIME_LINE_CHARS, REPL_THREAD, favour_the_prompt, plain_fan_out,
)

OUTPUT_PRIORITY = 20   # the shell's threads one step below the standby: realtime.shell_priority(20)


def fifo() -> bool:
    return os.sched_getscheduler(0) & ~os.SCHED_RESET_ON_FORK == os.SCHED_FIFO


def may_raise() -> bool:
    if not sys.platform.startswith("linux") or not hasattr(os, "sched_getscheduler"):
        return False
    with realtime.briefly(OUTPUT_PRIORITY):
        return fifo()


needs_rt = pytest.mark.skipif(not may_raise(), reason="no SCHED_FIFO here (not Linux, or no permission)")


class FakeSupervisor:
    """Raises as the real one does; records where each message was sent from."""

    def __init__(self):
        self.raises, self.sent_from, self.busy = 0, [], False

    @contextlib.contextmanager
    def at_once(self, messages: int = 1):
        """As Supervisor.at_once: False while `busy` (another thread holds its lock)."""
        yield not self.busy

    def stalled(self) -> bool:
        return False              # (its slots always take a send at once)

    def pay_owed(self) -> None:
        pass

    def raised(self):
        self.raises += 1
        return realtime.briefly(OUTPUT_PRIORITY)

    def on_audio_path(self) -> bool:
        return realtime.audio_path_thread(OUTPUT_PRIORITY)

    def prompt_priority(self) -> int:
        return prompt_priority(OUTPUT_PRIORITY)

    def start(self):
        pass

    def status(self):
        return {}

    def send(self, message, at=None, entered_ns=None):
        self.sent_from.append((message.address, threading.current_thread().name, fifo()))


def link_of(supervisor) -> EngineLink:
    return EngineLink(supervisor)


def test_a_long_line_is_translated_without_raising_the_thread(translator):
    supervisor, long_line = FakeSupervisor(), "make the acid filter a bit brighter and " * 6 + "louder"
    link = link_of(supervisor)
    assert len(long_line) > REALTIME_LINE_CHARS >= len("brighter")
    with link.reading(long_line):
        with contextlib.suppress(LanguageError):
            translator.translate(long_line)
        assert supervisor.raises == 0 and not fifo()
    with link.reading("brighter"):
        assert supervisor.raises == 1


@needs_rt
def test_a_slow_line_is_put_back_to_the_ordinary_policy_by_the_watchdog():
    link = link_of(FakeSupervisor())
    link._watchdog.window_s = 0.02
    with link.reading("brighter"):
        assert fifo()
        deadline = time.monotonic() + 1.0
        while fifo() and time.monotonic() < deadline:
            pass                                    # a slow translation, busy
        assert not fifo()
    assert link._watchdog.cut_short == 1 and not fifo()
    watchdog = os.sched_getscheduler(link._watchdog._thread.native_id) & ~os.SCHED_RESET_ON_FORK
    assert watchdog == os.SCHED_FIFO   # woken at each Enter, it must not hold the GIL preempted


@needs_rt
def test_the_policy_is_ordinary_again_after_a_line_and_a_session_is_not_sent_real_time():
    supervisor = FakeSupervisor()
    link = link_of(supervisor)
    load, change = Message("/session/load", ("set1",)), Message("/mod/acid_filter1/cutoff", (900.0,))
    assert plain_fan_out(change) and not plain_fan_out(load) and not plain_fan_out(Message("/midi/in", ("auto",)))

    async def lines():
        started = concurrent.futures.Future()
        started.set_result(None)
        link.begin(started)             # the engine is up
        for message in (change, load, change):
            with link.reading(str(message)):
                assert fifo()
                await link.send([message])
            assert not fifo()

    asyncio.run(lines())
    link._sender.shutdown()
    (_, sender, sender_fifo), (_, loader, loader_fifo), (_, again, _) = supervisor.sent_from
    assert sender == again and sender.startswith("chronus-send") and sender_fifo
    assert not loader.startswith("chronus-send") and not loader_fifo


def test_a_shell_verb_is_not_real_time():
    from tests.repl.test_shell import Transcript, run_shell

    class Lowered(Transcript):
        lowered = 0

        def lower(self):
            self.lowered += 1

    engine = Lowered()
    run_shell("help\rstatus\r\x04", engine)
    assert engine.lowered == 2


def lowers_niceness() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import resource
    return os.geteuid() == 0 or 20 - resource.getrlimit(resource.RLIMIT_NICE)[0] <= PROMPT_NICE


@pytest.mark.skipif(not lowers_niceness(), reason="no right to a negative niceness here")
def test_the_prompt_thread_is_favoured_and_what_it_starts_is_ordinary():
    seen = {}

    def prompt():
        seen["favoured"] = favour_the_prompt()
        seen["name"] = threading.current_thread().name
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, 0)
        started = threading.Thread(target=lambda: seen.update(started=os.getpriority(os.PRIO_PROCESS, 0)))
        started.start()
        started.join()
        child = subprocess.run([sys.executable, "-c", "import os; print(os.getpriority(os.PRIO_PROCESS, 0))"],
                               capture_output=True, text=True, check=True)
        seen["child"] = int(child.stdout)
        with realtime.briefly(OUTPUT_PRIORITY):       # a line's window, then the watchdog's demotion
            realtime.ordinary_thread()
        seen["after"] = os.getpriority(os.PRIO_PROCESS, 0), os.sched_getscheduler(0)

    thread = threading.Thread(target=prompt)
    thread.start()
    thread.join()
    assert seen["favoured"] and seen["nice"] == PROMPT_NICE and seen["name"] == REPL_THREAD   # (a window lifts it)
    assert seen["started"] == 0 and seen["child"] == 0
    assert seen["after"] == (PROMPT_NICE, os.SCHED_OTHER | os.SCHED_RESET_ON_FORK)


@needs_rt
@pytest.mark.parametrize("busy", [False, True])
def test_a_line_is_sent_real_time_from_the_accept_handler_before_the_prompt_returns(translator, busy):
    """By the prompt's own thread when the supervisor can take it at once; by the real-time sender when
    another thread holds the supervisor (busy)."""
    supervisor, sent_by_the_return = FakeSupervisor(), []
    supervisor.busy, link = busy, link_of(supervisor)

    async def main():
        async with piped_shell(translator, link) as (pipe, shell):
            pipe.send_text("acid_filter1 cutoff 900\r")
            line = await shell.read()
            sent_by_the_return.extend(supervisor.sent_from)
            await shell.execute(line)

    asyncio.run(main())
    link._sender.shutdown()
    [(address, thread, real_time)] = sent_by_the_return
    assert address == "/mod/acid_filter1/cutoff" and real_time
    assert thread.startswith("chronus-send") if busy else thread == threading.main_thread().name
    assert supervisor.sent_from == sent_by_the_return and not fifo() and link._in_flight == 0


@contextlib.asynccontextmanager
async def piped_shell(translator, link):
    """(the keys' pipe, the REPL's Shell reading it) with the link's engine up; its poll stopped after."""
    import io

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from chronus_shell.repl.printing import Output
    from chronus_shell.repl.shell import Shell, make_prompt_session

    started = concurrent.futures.Future()
    started.set_result(None)
    link.begin(started)
    await link.ready()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe, Shell(translator, link, Output(color=False, stream=io.StringIO()), make_prompt_session(translator, link))
    link._poller.cancel()
