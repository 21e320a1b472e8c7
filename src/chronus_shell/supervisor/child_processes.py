"""Handles on child processes: pre-started slot workers and the output process.

A worker is started long before it is needed (it imports and compiles everything, then waits for an
assignment), so replacing a dead slot costs a pipe message, never a cold start. Only the
supervisor's monitor thread reads a worker's pipe; replies to requests reach the asking thread
through a queue.
"""
from __future__ import annotations

import contextlib
import queue
import threading
import time
from multiprocessing.reduction import ForkingPickler

from .faults import kill_group
from .rings import raise_priority
from .output_process import output_main
from .pipe_write import send_holding_the_gil, write_all
from .slot import slot_main

REPLY_TIMEOUT_S = 2.0


class SupervisorError(RuntimeError):
    """Could not start or reach the engine; one line for the user."""


class WorkerGone(RuntimeError):
    """The process died or did not answer in time."""


class Child:
    """A child process with a duplex pipe; `send` never raises, `request` waits for one reply."""

    leads_group = False  # a slot leads its own process group (faults.lead_own_group)
    audio = False        # raised from the start: under spawn a worker's imports take ~0.5 s of CPU, and
    # at ordinary niceness a loaded machine made a spare 2.5–5 s late (repeated crashes then outran the spares)

    def __init__(self, ctx, target, args: tuple, name: str):
        self.conn, child_end = ctx.Pipe()
        self.process = ctx.Process(target=target, args=(child_end, *args), name=name, daemon=True)
        self.process.start()
        child_end.close()
        if self.audio:
            raise_priority(pid=self.process.pid)
        self.replies: queue.Queue = queue.Queue()
        self._send_lock = threading.Lock()
        self._owed = b""   # a stamped command's rest the pipe could not take at once (send_holding_the_gil)
        self._request_lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        return self.process.pid

    @property
    def sentinel(self):
        return self.process.sentinel

    def alive(self) -> bool:
        return self.process.is_alive()

    def send(self, item) -> bool:
        return self.send_bytes(bytes(ForkingPickler.dumps(item)))

    def send_bytes(self, body: bytes) -> bool:
        """`send` of an item pickled already (as `conn.send` pickles it): one pickled once for both slots."""
        with self._send_lock:
            try:
                self._pay()
                self.conn.send_bytes(body)
                return True
            except (OSError, ValueError):
                return False

    def send_holding_the_gil(self, item, block: bool = True) -> bool:
        """`send` for a stamped command: the write keeps the GIL (pipe_write.py); without `block`, what the
        pipe cannot take at once is owed (`owes`) and written first by the next send or `pay`."""
        with self._send_lock:
            try:
                owed = send_holding_the_gil(self.conn, item, self._owed, block)
            except (OSError, ValueError):
                return False
            self._owed = owed or b""
            return owed is not None

    def owes(self) -> bool:
        return bool(self._owed)

    def pay(self) -> None:
        """What a send that would have blocked left, written now (blocking)."""
        with self._send_lock, contextlib.suppress(OSError, ValueError):
            self._pay()

    def _pay(self) -> None:
        owed, self._owed = self._owed, b""
        if owed:
            write_all(self.conn.fileno(), owed)

    def request(self, item, timeout: float = REPLY_TIMEOUT_S, sent=None):
        """Send `item` and wait for the reply of the same kind (read by the monitor thread); `sent`
        is called once the request is in the pipe, before the wait (whether it went or not)."""
        with self._request_lock:
            while not self.replies.empty():  # a late answer to an earlier request that timed out
                self.replies.get_nowait()
            went = self.send(item)
            if sent is not None:
                sent()
            if not went:
                raise WorkerGone(f"{self.process.name} is gone")
            wanted, deadline = item[0], time.monotonic() + timeout
            while True:
                try:
                    kind, *payload = self.replies.get(timeout=0.02)
                except queue.Empty:
                    if not self.process.is_alive():  # died while asked: say so now, not at the timeout
                        raise WorkerGone(f"{self.process.name} died") from None
                    if time.monotonic() > deadline:
                        raise WorkerGone(f"{self.process.name} did not answer {wanted!r}") from None
                    continue
                if kind == wanted:
                    return payload[0] if len(payload) == 1 else payload

    def kill(self) -> None:
        """SIGKILL the process and its process group (what a user module started goes too)."""
        pid = self.pid
        if self.process.is_alive():
            self.process.kill()
        if self.leads_group:
            kill_group(pid)

    def stop(self, timeout: float = 2.0) -> None:
        """Ask it to stop, then make sure: the process is gone when this returns."""
        self.send(("stop",))
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout)
        if self.leads_group:
            kill_group(self.pid)
        self.conn.close()


class SlotWorker(Child):
    leads_group, audio = True, True

    def __init__(self, ctx, control_name: str):
        super().__init__(ctx, slot_main, (control_name,), "chronus-slot")
        self.ready = threading.Event()
        self.ring_index: int | None = None  # 0/1 once it renders into a ring
        self.loading: str | None = None     # the user module it said it was loading last
        self.late_why = ""                  # what its last late command's report said (slot.py `_why_late`)


class OutputProcess(Child):
    audio = True

    def __init__(self, ctx, *args):
        super().__init__(ctx, output_main, args, "chronus-output")
