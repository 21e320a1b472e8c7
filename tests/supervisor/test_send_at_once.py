"""A line entered at the prompt is sent by the prompt's own thread when the supervisor can take it at once
(Supervisor.at_once, EngineLink.send_now), by the real-time sender when another thread holds the
supervisor, and never ahead of a line still being sent: real slot processes and shared memory."""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import signal
import socket
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
        here = threading.current_thread().name   # (the link runs its body in this thread)
        assert senders.seen == [(300.0, here), (330.0, here)]
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
        assert senders.seen[2][1] == threading.current_thread().name
        assert landed(supervisor, 330.0) and rings_in_lockstep(supervisor.rings)


def test_a_line_sent_at_once_to_a_stalled_slot_never_waits_and_still_arrives_in_order():
    """A slot that stopped reading (SIGSTOP, its pipe full): the prompt's thread sends while every write goes
    at once, hands the rest (and what the slot is owed) to the sender, and returns within SEND_NOW_WAIT_S;
    every line arrives in order once the slot reads again (review s31 R3: it froze the prompt on os.write)."""
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        for line in SAW:
            supervisor.send(Message.parse(line))
        senders, took, sent = Senders(supervisor), [], []

        def body(link):
            [standby] = [slot for slot in supervisor.slots if slot is not supervisor._active_slot()]
            with socket.socket(fileno=os.dup(standby.conn.fileno())) as end:
                end.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)   # full after a few dozen lines
            os.kill(standby.pid, signal.SIGSTOP)
            waking = threading.Timer(1.0, os.kill, (standby.pid, signal.SIGCONT))
            waking.start()
            try:
                for step in range(400):
                    began = time.perf_counter()
                    sent.append(link.send_now([freq(200 + step), freq(201 + step)]))
                    took.append(time.perf_counter() - began)
                    if len([future for future in sent if not future.done()]) >= 5:
                        break                            # stalled: five lines waiting for the slot
            finally:
                waking.cancel()
                with contextlib.suppress(ProcessLookupError):   # (replaced meanwhile: a stall past STALL_S)
                    os.kill(standby.pid, signal.SIGCONT)
            print(f"{len(sent)} lines, {sum(not future.done() for future in sent)} waiting, the longest send "
                  f"{max(took) * 1e3:.1f} ms")
            assert all(future.result(10) == [] for future in sent)
        run_with_link(supervisor, body)
        assert max(took) < 0.05, max(took)
        assert any(not thread.startswith("chronus-send") for _, thread in senders.seen)
        assert any(thread.startswith("chronus-send") for _, thread in senders.seen)
        hz = [hz for hz, _ in senders.seen]
        assert hz == sorted(hz) and landed(supervisor, hz[-1])
        deadline = time.monotonic() + 5
        while not rings_in_lockstep(supervisor.rings) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert rings_in_lockstep(supervisor.rings)
