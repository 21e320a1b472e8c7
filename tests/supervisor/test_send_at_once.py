"""A line entered at the prompt is sent by the prompt's own thread when the supervisor can take it at once
(Supervisor.at_once, EngineLink.send_now), by the real-time sender when another thread holds the
supervisor, and never ahead of a line still being sent: real slot processes and shared memory."""
from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time

from chronus_shell.protocol.message import Message
from chronus_shell.repl.engine_link import SEND_NOW_WAIT_S, EngineLink
from chronus_shell.supervisor import Config, Supervisor

from .test_soak import rings_in_lockstep, wait_for_music

SAW = ("/patch/create saw1 saw", "/patch/connect saw1 master")


def freq(hz: float) -> Message:
    return Message("/mod/saw1/freq", (float(hz),))


class Senders:
    """Which thread sent each message (the supervisor's own send, noted on this instance)."""

    def __init__(self, supervisor: Supervisor):
        self.seen: list[tuple[float, str]] = []
        send = supervisor.send

        def noted(msg, at=None, entered_ns=None):
            self.seen.append((msg.args[0], threading.current_thread().name))
            return send(msg, at, entered_ns)
        supervisor.send = noted


def hold(supervisor: Supervisor, gate: threading.Event) -> None:
    """Another thread holds the supervisor's lock (as a failover's snapshot does) until `gate.release`."""
    with supervisor._lock:
        gate.held.set()
        gate.release.wait(10)


def run_with_link(supervisor: Supervisor, body) -> None:
    """`body(link)` in an event loop, the link's engine up (as the REPL's once started)."""
    async def main():
        started = concurrent.futures.Future()
        started.set_result(None)
        link = EngineLink(supervisor)
        link.begin(started)
        await link.ready()
        try:
            body(link)
        finally:
            link._poller.cancel()
            link._sender.shutdown()
    asyncio.run(main())


def landed(supervisor: Supervisor, hz: float) -> bool:
    return supervisor.patch_state()["modules"]["saw1"]["params"]["freq"] == hz


def test_a_line_is_sent_by_the_calling_thread_when_the_supervisor_is_free():
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        for line in SAW:
            supervisor.send(Message.parse(line))
        senders, heard = Senders(supervisor), len(supervisor.latencies_ms)

        def body(link):
            sent = link.send_now([freq(300), freq(330)])
            assert sent.done() and sent.result() == []
        run_with_link(supervisor, body)
        assert senders.seen == [(300.0, "MainThread"), (330.0, "MainThread")]
        assert landed(supervisor, 330.0) and rings_in_lockstep(supervisor.rings)
        assert len(supervisor.latencies_ms) == heard + 2
        assert supervisor.status()["lost_blocks"] == 0


def test_a_busy_supervisor_gets_the_line_through_the_sender_and_no_line_passes_one_in_flight():
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        for line in SAW:
            supervisor.send(Message.parse(line))
        senders = Senders(supervisor)

        def body(link):
            gate = threading.Event()
            gate.held, gate.release = threading.Event(), threading.Event()
            link._sender.submit(gate.wait)           # the sender busy with an earlier line
            holder = threading.Thread(target=hold, args=(supervisor, gate))
            holder.start()                           # … and the supervisor with a failover's snapshot
            try:
                gate.held.wait(10)
                began = time.perf_counter()
                first = link.send_now([freq(300)])
                assert not first.done() and time.perf_counter() - began >= SEND_NOW_WAIT_S
                with supervisor.at_once() as free:
                    assert not free
                gate.release.set()
                holder.join(10)
                second = link.send_now([freq(330)])  # the supervisor is free, but the first line is in flight
                assert not second.done()
            finally:
                gate.release.set()
                gate.set()
            assert first.result(10) == [] and second.result(10) == []
            assert link._in_flight == 0
            [reply] = link.send_now([Message("/mod/saw1/freq", (99999.0,))]).result(10)   # alone again: at once, a refusal is a reply
            assert not reply.ok and "20–20000" in reply.text
        run_with_link(supervisor, body)
        assert [hz for hz, _ in senders.seen] == [300.0, 330.0, 99999.0]
        assert all(thread.startswith("chronus-send") for _, thread in senders.seen[:2])
        assert senders.seen[2][1] == "MainThread"
        assert landed(supervisor, 330.0) and rings_in_lockstep(supervisor.rings)
