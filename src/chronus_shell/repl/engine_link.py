"""The REPL's only door to the supervisor.

Every supervisor call that may take time (start, send, status, stop) runs in a thread executor,
so the prompt never waits on the engine (its start included: the prompt shows before the engine
is up, and send/status wait for it); the toolbar reads `last_status`, which a background
task refreshes a few times per second (not while a line is typed), so drawing the toolbar never calls the supervisor.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..protocol.message import Message
from ..supervisor.prompt_realtime import QUERIES, PromptGuard, line_keeps_the_gil
from ..supervisor.repl_realtime import Watchdog, no_collection, plain_fan_out, raises_line

STATUS_INTERVAL_S = 0.25
STATUS_HELD_S = 2.0           # while a line is typed the poll waits for a pause, this long at most
BUSY_ENGINE_PERCENT = 50.0    # below it a dropout is the machine's doing, not the patch's
DROPOUT_NEWS_EVERY_S = 10.0   # an overloaded machine drops out often: one line per this many seconds
SEND_NOW_WAIT_S = 0.01        # the prompt waits this long at most for a line sent from its accept handler


@dataclass(frozen=True)
class Reply:
    """What the engine said about one message: a line for the user, refused or not."""

    text: str
    ok: bool = True
    messages: tuple = ()          # a session load: the messages the engine will apply
    focus: str | None = None      # … and the focus it had when it was saved
    refused_at: int | None = None  # a refusal: the index of the refused message in what was sent


def reply_of(result) -> Reply | None:
    """The supervisor returns None, a text, or an outcome with `.text`/`.ok` (session commands)."""
    if result is None:
        return None
    if isinstance(result, str):
        return Reply(result) if result else None
    text = getattr(result, "text", None)
    if not text:
        return None
    return Reply(str(text), bool(getattr(result, "ok", True)), tuple(getattr(result, "messages", ()) or ()),
                 getattr(result, "focus", None))


class EngineLink:
    """`on_news(line)` hears each new engine problem (a failover, a module silenced for NaN, …)
    once, as the status poll finds it; `on_info(line)` each new line that is not trouble (a sample
    loaded)."""

    def __init__(self, supervisor, on_news: Callable[[str], None] | None = None,
                 on_info: Callable[[str], None] | None = None):
        self.supervisor = supervisor
        self.on_news, self.on_info = on_news, on_info
        self.last_status: dict = {}
        self.typing: Callable[[], bool] = lambda: False   # a line is being typed (the prompt's toolbar.Typing)
        self._poller: asyncio.Task | None = None
        self._seen = {"problem": 0, "recording_problem": 0, "news_line": 0}
        self._faults_seen: set[str] = set()
        self._failovers = 0
        self._dropouts = 0
        self._dropouts_told_at = -DROPOUT_NEWS_EVERY_S
        self._dropout_cause = ""      # said with the first dropout line, again only when it changes
        self._starting: asyncio.Future | None = None
        self._entered_ns: int | None = None   # the line being read: command → audible is timed from it
        # one sender, real-time once the engine is up: on a busy machine waking an ordinary pool thread
        # took 8 ms at the median before send() began (benchmarks/bench_latency_trace.py)
        self._sender = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="chronus-send")
        self._sender_raised = False
        self._in_flight, self._flight_lock = 0, threading.Lock()   # sends under way in another thread (or at once)
        self._watchdog = Watchdog(lambda: self.supervisor.on_audio_path())   # started by a raised line only
        self._raised = contextlib.ExitStack()   # the line's real-time window while it is open
        self._prompt = PromptGuard()
        # the status poll's and the autosave's queries: short, on a thread at the prompt's priority while it is
        # up, under its guard (an ordinary one, preempted by a busy program while it held the GIL, kept the
        # Enter key waiting 0.1 s)
        self._queries = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix=QUERIES)
        self._queries.submit(int)   # its thread started now, not at the first query: the first prompt lifts it too

    async def _call(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(None, function, *args)

    async def _query(self, function):
        """A short engine query (status, the patch's state) on the queries' thread."""
        def query():
            with self._prompt.lent():
                return function()
        return await asyncio.get_running_loop().run_in_executor(self._queries, query)

    def _up(self) -> bool:
        """The engine started (a failed or cancelled start is not up)."""
        starting = self._starting
        return (starting is not None and starting.done() and not starting.cancelled()
                and starting.exception() is None)

    def prompting(self):
        """Around the prompt: its thread real-time while it is up, once the engine is (prompt_realtime.py)."""
        return self._prompt.up(self.supervisor.prompt_priority() if self.supervisor is not None and self._up() else 0)

    def begin(self, started: concurrent.futures.Future | None = None) -> None:
        """Start the supervisor behind the prompt, or take over its start already under way
        (`started`, repl/launch.py); send, status and stop await it first (ready())."""
        self._starting = asyncio.ensure_future(self._start(started))

    async def ready(self) -> dict:
        """The engine's first status once it is up; raises what kept it from starting."""
        if self._starting is None:
            self.begin()
        return await asyncio.shield(self._starting)

    async def _start(self, started: concurrent.futures.Future | None) -> dict:
        if started is None:
            await self._call(self.supervisor.start)
        else:
            await asyncio.wrap_future(started)
        self.last_status = await self._call(self.supervisor.status)
        self._seen = {kind: self.last_status.get(f"{kind}_count", 0) for kind in self._seen}
        self._failovers = self.last_status.get("failovers", 0)
        self._dropouts = _dropouts(self.last_status)
        self._poller = asyncio.create_task(self._poll())
        return self.last_status

    @contextlib.contextmanager
    def reading(self, line: str = ""):
        """A line was entered: its messages are timed from now, and the thread that reads and sends it
        (the REPL's) is real-time until they are sent — at its ordinary priority a busy program preempted
        it while it held the GIL the sender thread waits for. Only a short line, for a bounded window
        (supervisor/repl_realtime.py); `lower()` ends it sooner. A line entered at the prompt's accept
        handler finds the thread real-time already (prompt_realtime.py, bounded by its guard): no window
        then, only no garbage collection and the GIL kept against askers — opening one (its raise, the process's threads lifted, its
        watchdog woken) cost 0.2 ms at the median from Enter (bench_latency_trace.py --paths keys)."""
        self._entered_ns = time.perf_counter_ns()
        with self._raised:
            if self._prompt.holds():
                self._raised.enter_context(no_collection())
                self._raised.enter_context(line_keeps_the_gil())
            elif self.supervisor is not None and raises_line(line):
                self._raised.enter_context(self._watchdog.bounded(self.supervisor.raised()))
            yield

    def send_now(self, messages: list[Message]) -> concurrent.futures.Future | None:
        """A line's plain fan-out sent at once from the prompt's accept handler (before the prompt draws
        itself done: 6 ms idle, hundreds loaded); the future of its replies. Sent by the calling thread
        itself when nothing is in flight and the supervisor can take it without waiting
        (Supervisor.at_once); else handed to the real-time sender and waited for up to SEND_NOW_WAIT_S
        with the line's window open. None: the engine is not up yet or a message is not plain fan-out —
        send() it as usual."""
        if not self._up() or not all(plain_fan_out(message) for message in messages):
            return None
        entered, self._entered_ns = self._entered_ns, None
        with self._flight_lock:
            alone = self._in_flight == 0
            self._in_flight += alone
        replies, done = [], 0
        if alone:
            try:
                with self.supervisor.at_once(len(messages)) as free:
                    if free:
                        replies, done = self._send_all(messages, entered, until=self.supervisor.stalled)
                if done == len(messages) and not self.supervisor.stalled():
                    sent: concurrent.futures.Future = concurrent.futures.Future()
                    sent.set_result(replies)
                    return sent
                # the rest (after a slot's full pipe: what it is owed first) by the sender, still counted in
                # flight from here, so no line passes it
                sending = self._sender.submit(self._counted(self._send_rest), replies, messages, done, entered)
            finally:
                self._landed()
                self._prompt.settle()
        else:
            sending = self._sender.submit(self._counted(self._send_rest), [], messages, 0, entered)
        concurrent.futures.wait([sending], timeout=SEND_NOW_WAIT_S)
        return sending

    def _counted(self, function):
        """`function` counted in flight from now until it ends in another thread: a line sent at once
        must not pass one still being sent."""
        with self._flight_lock:
            self._in_flight += 1

        def counted(*args):
            try:
                return function(*args)
            finally:
                self._landed()
        return counted

    def _landed(self) -> None:
        with self._flight_lock:
            self._in_flight -= 1

    def lower(self) -> None:
        """The rest of the line at the ordinary priority (a shell verb: help, list, show, status, reload)."""
        self._raised.close()

    async def send(self, messages: list[Message]) -> list[Reply]:
        """Send a line's messages in order, once the engine is up; a refusal becomes a Reply, never
        an exception. The plain fan-out goes through the real-time sender; a line with anything else
        (a session, a recording, a sample to load, MIDI set-up) through an ordinary thread, whole."""
        await self.ready()
        entered, self._entered_ns = self._entered_ns, None
        loop = asyncio.get_running_loop()
        if all(plain_fan_out(message) for message in messages):
            return await loop.run_in_executor(self._sender, self._counted(self._send_rest), [], messages, 0, entered)
        self.lower()
        return await loop.run_in_executor(None, self._counted(lambda: self._send_all(messages, entered)[0]))

    def _send_rest(self, replies: list[Reply], messages: list[Message], done: int, entered_ns: int | None):
        """On the real-time sender: a line's messages from `done` on, after the slots got what sends at once
        left them owed (Supervisor.pay_owed)."""
        self._sender_raised = self._sender_raised or self.supervisor.on_audio_path()
        self.supervisor.pay_owed()
        return replies + self._send_all(messages, entered_ns, first=done)[0]

    def _send_all(self, messages: list[Message], entered_ns: int | None = None, first: int = 0,
                  until: Callable[[], bool] = lambda: False) -> tuple[list[Reply], int]:
        """The replies to messages[first:], and the index of the first not sent (`until` stopped it)."""
        replies = []
        for index, message in enumerate(messages[first:], first):
            if until():
                return replies, index
            try:
                reply = reply_of(self.supervisor.send(message, entered_ns=entered_ns))
            except Exception as err:           # noqa: BLE001 — a refusal is one line for the user
                reply = Reply(str(err) or type(err).__name__, ok=False)
            if reply is not None and not reply.ok:
                reply = replace(reply, refused_at=index)
            if reply is not None:
                replies.append(reply)
            if reply is not None and not reply.ok:
                break                          # the rest of the line depends on what was refused
        return replies, len(messages)

    async def status(self) -> dict:
        await self.ready()
        status = await self._query(self.supervisor.status)
        self.last_status = status
        if self.on_news is not None and self._poller is not None:
            for line in self._news(status):
                self.on_news(line)
            for line in self._fresh(status, "news_line"):
                (self.on_info or self.on_news)(line)
        return status

    async def ramps(self) -> list[dict]:
        """The ramps running now in the active slot (where each param is, its target, beats left)."""
        try:
            await self.ready()
            return list((await self.patch_state()).get("ramps", []))
        except Exception:                      # noqa: BLE001 — a query during a failover: no ramp shown
            return []

    async def patch_state(self) -> dict:
        """The patch as the active slot plays it (the autosave's, the ramps')."""
        await self.ready()
        return await self._query(self.supervisor.patch_state)

    def _news(self, status: dict) -> list[str]:
        lines = []
        failovers = status.get("failovers", 0)
        if failovers > self._failovers:
            lost = status.get("lost_blocks", 0)
            lines.append(f"an audio process died or hung: its standby took over and a fresh one is ready "
                         f"({failovers} failover{'s' * (failovers != 1)}, {lost} block{'s' * (lost != 1)} lost in all)")
        self._failovers = failovers
        faults = [fault for fault in status.get("faults", []) if fault not in self._faults_seen]
        dropouts = _dropouts(status)
        now = time.monotonic()
        problems = status.get("problem_count", 0) > self._seen["problem"]
        if lines or faults or problems:
            self._dropouts = dropouts      # a failover, a fault or a problem (a slow module, a restore) says why
        elif dropouts > self._dropouts and now - self._dropouts_told_at >= DROPOUT_NEWS_EVERY_S:
            line, self._dropout_cause = _dropout_line(dropouts - self._dropouts, dropouts, status, self._dropout_cause)
            lines.append(line)
            self._dropouts, self._dropouts_told_at = dropouts, now
        lines += self._fresh(status, "problem") + self._fresh(status, "recording_problem")
        self._faults_seen.update(faults)
        return lines + faults

    def _fresh(self, status: dict, kind: str) -> list[str]:
        """The lines of a kind (status `<kind>s`, counted in `<kind>_count`) not shown yet."""
        seen, count = self._seen[kind], status.get(f"{kind}_count", 0)
        self._seen[kind] = count
        return list(status.get(f"{kind}s", []))[-(count - seen):] if count > seen else []

    async def _poll(self) -> None:
        polled = time.monotonic()
        while True:
            await asyncio.sleep(STATUS_INTERVAL_S)
            if self.typing() and time.monotonic() - polled < STATUS_HELD_S:
                continue                       # its GIL and its news wait for the line's Enter, not delay it
            polled = time.monotonic()
            with contextlib.suppress(Exception):
                await self.status()

    async def stop(self) -> None:
        """Stop polling, then the supervisor (every child process and shared-memory block); a start
        still under way (quit before the engine was up) ends first, so nothing it starts is left."""
        if self._starting is not None:
            with contextlib.suppress(Exception):
                await asyncio.shield(self._starting)
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
        await self._call(self.supervisor.stop)
        self._sender.shutdown(wait=False)
        self._queries.shutdown(wait=False)


def _dropouts(status: dict) -> int:
    """Blocks the listener missed: lost in the rings, or xruns at the device."""
    xruns = status.get("xruns", {})
    return int(status.get("lost_blocks", 0)) + int(xruns.get("portaudio", 0)) + int(xruns.get("jack", 0))


__all__ = ["EngineLink", "Reply", "reply_of"]


def _dropout_line(blocks: int, total: int, status: dict, told: str) -> tuple[str, str]:
    """One short line (it fits 80 columns) and the cause it names: the engine's own load, or a machine
    too busy to run the audio processes in time (then fewer voices would not help). The cause is said
    the first time and when it changes; `status` keeps the exact counts (lost blocks, xruns)."""
    cpu = max((row.get("cpu_percent", 0.0) for row in status.get("slots", [])), default=0.0)
    cause = "patch" if cpu >= BUSY_ENGINE_PERCENT else "machine"
    said = f"audio dropped out: {blocks} block{'s' * (blocks != 1)}"
    if cause == told:
        return f"{said} more ({total} in all; status has the counts)", cause
    if cause == "patch":
        return f"{said} — the patch needs {cpu:.0f}% of each block (fewer voices)", cause
    return f"{said} — a busy machine kept it waiting (docs/tuning.md)", cause
