"""The sandbox pool's processes: single-use workers started ahead of need, kept at the pool's size.

Apart from validation (sandbox_pool.py) because keeping processes is its own state machine: a keeper thread
starts workers and waits for their "ready"; `_take` hands out an idle one; `_retire` lets a used
or killed one go and wakes the keeper, which starts its replacement at once and reaps the old one.
A pool whose workers keep dying before they are ready marks itself `broken` (the reason, one line).

Forkserver: the pool sets the preload to PRELOAD (the supervisor's preload + sandbox_worker) when it
starts first; when the supervisor starts the forkserver first, supervisor/preload.py imports
sandbox_worker itself, so workers never import it each time.
"""
from __future__ import annotations

import multiprocessing
import threading
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Self

from ..faults import kill_group
from .sandbox_worker import sandbox_worker_main

PRELOAD = ["chronus_shell.supervisor.preload", "chronus_shell.supervisor.user_modules.sandbox_worker"]
MAX_START_FAILURES = 3  # consecutive workers dying before ready → the pool reports itself broken


class WorkerProcess:
    """A pre-started worker process and its pipe."""

    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=sandbox_worker_main, args=(child, {}), name="chronus-pool", daemon=True)
        self.created = time.perf_counter()
        self.process.start()
        child.close()
        self.ready_at: float | None = None

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        """The worker and its process group: what the module under test started goes too."""
        try:
            if self.process.is_alive():
                self.process.kill()
        except (OSError, ValueError, AttributeError):
            pass
        kill_group(self.process.pid)

    def close(self) -> None:
        try:
            self.conn.close()
        except OSError:
            pass


class WorkerProcesses:
    """`size` pre-started worker processes; SandboxPool (sandbox_pool.py) runs one validation on each."""

    def __init__(self, ctx, size: int, start_timeout_s: float):
        if ctx is None:
            from ..config import Config

            ctx = multiprocessing.get_context(Config.from_env().start_method)
        if size < 1:
            raise ValueError("a sandbox pool needs at least one worker")
        self.ctx, self.size = ctx, size
        self.start_timeout_s = start_timeout_s
        self.broken: str | None = None
        self._idle: list[WorkerProcess] = []
        self._starting: list[WorkerProcess] = []
        self._busy: set[WorkerProcess] = set()
        self._retired: list[tuple[WorkerProcess, float]] = []
        self._retire_times: deque[float] = deque()
        self.replacement_ms: list[float] = []  # worker taken/killed → a new one ready
        self.startup_ms: list[float] = []      # process start → ready
        self.replacements = 0
        self._failures = 0
        self._cond = threading.Condition()
        self._wake_r, self._wake_w = multiprocessing.Pipe(duplex=False)
        self._stopping = threading.Event()
        self._keeper: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self, wait_ready: bool = True) -> Self:
        """Start the workers (from one long-lived thread); by default wait until all are ready."""
        if self._keeper is not None:
            return self
        if self.ctx.get_start_method() == "forkserver":
            self.ctx.set_forkserver_preload(PRELOAD)
        self._keeper = threading.Thread(target=self._keep, name="chronus-pool-keeper", daemon=True)
        self._keeper.start()
        if wait_ready:
            deadline = time.monotonic() + self.start_timeout_s
            with self._cond:
                while len(self._idle) < self.size and self.broken is None:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        break
                    self._cond.wait(left)
        return self

    def stop(self) -> None:
        """Stop every worker (idle, starting, busy): closed pipes first, then kill what is left."""
        self._stopping.set()
        self._wake()
        if self._keeper is not None:
            self._keeper.join(5.0)
        with self._cond:
            workers = self._idle + self._starting + list(self._busy) + [w for w, _ in self._retired]
            self._idle, self._starting, self._retired = [], [], []
            self._busy.clear()
            self._cond.notify_all()
        for worker in workers:
            worker.close()
        deadline = time.monotonic() + 1.0
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            worker.kill()
            worker.process.join(1.0)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def stats(self) -> dict:
        with self._cond:
            return {
                "size": self.size, "idle": len(self._idle), "starting": len(self._starting),
                "busy": len(self._busy), "replacements": self.replacements,
                "replacement_ms": list(self.replacement_ms[-50:]), "startup_ms": list(self.startup_ms[-50:]),
                "broken": self.broken, "start_method": self.ctx.get_start_method(),
            }

    def worker_pids(self) -> list[int]:
        """Process ids of every worker the pool holds (idle, starting, busy)."""
        with self._cond:
            workers = self._idle + self._starting + list(self._busy)
        return [w.process.pid for w in workers if w.process.pid is not None]

    def _wake(self) -> None:
        try:
            self._wake_w.send_bytes(b"w")
        except (OSError, ValueError):
            pass

    # -- the keeper thread: starts workers, waits for them to be ready, reaps retired ones ------------
    def _keep(self) -> None:
        while not self._stopping.is_set():
            with self._cond:
                missing = 0 if self.broken else self.size - len(self._idle) - len(self._starting) - len(self._busy)
            for _ in range(missing):
                try:
                    worker = WorkerProcess(self.ctx)
                except (OSError, RuntimeError) as err:
                    self._start_failed(f"cannot start a pool worker: {err}")
                    break
                with self._cond:
                    self._starting.append(worker)
            with self._cond:
                starting = list(self._starting)
            objects = [self._wake_r] + [w.conn for w in starting] + [w.process.sentinel for w in starting]
            try:
                ready = wait(objects, timeout=0.5 if not self._retired else 0.1)
            except (OSError, ValueError):
                ready = []
            if self._wake_r in ready:
                try:
                    while self._wake_r.poll():
                        self._wake_r.recv_bytes()
                except (OSError, EOFError):
                    pass
            for worker in starting:
                if worker.conn in ready or worker.process.sentinel in ready:
                    self._check_started(worker)
                elif time.perf_counter() - worker.created > self.start_timeout_s:
                    worker.kill()
                    self._drop_starting(worker)
                    self._start_failed(f"a pool worker did not start in {self.start_timeout_s:g} s")
            self._reap()

    def _check_started(self, worker: WorkerProcess) -> None:
        try:
            message = worker.conn.recv() if worker.conn.poll() else None
        except (EOFError, OSError):
            message = None
        if not message or message[0] != "ready":
            worker.process.join(0.5)
            self._drop_starting(worker)
            self._start_failed(f"a pool worker died while starting (exit code {worker.process.exitcode})")
            return
        now = time.perf_counter()
        worker.ready_at = now
        with self._cond:
            self._failures = 0
            if worker in self._starting:
                self._starting.remove(worker)
            self._idle.append(worker)
            self.startup_ms.append((now - worker.created) * 1e3)
            if self._retire_times:
                self.replacement_ms.append((now - self._retire_times.popleft()) * 1e3)
                self.replacements += 1
            self._cond.notify_all()

    def _drop_starting(self, worker: WorkerProcess) -> None:
        worker.close()
        with self._cond:
            if worker in self._starting:
                self._starting.remove(worker)

    def _start_failed(self, why: str) -> None:
        with self._cond:
            self._failures += 1
            if self._failures >= MAX_START_FAILURES:
                self.broken = why
                self._cond.notify_all()
        time.sleep(0.2)

    def _reap(self) -> None:
        """Join retired workers (they exit by themselves); kill any still there after a second."""
        with self._cond:
            retired, self._retired = self._retired, []
        keep = []
        now = time.monotonic()
        for worker, since in retired:
            if worker.process.is_alive():
                if now - since > 1.0:
                    worker.kill()
                keep.append((worker, since))
            else:
                worker.process.join(0)
        with self._cond:
            self._retired.extend(keep)

    # -- taking and retiring workers ---------------------------------------------------------------
    def _take(self, timeout: float) -> WorkerProcess | None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                while self._idle:
                    worker = self._idle.pop(0)
                    if worker.alive():
                        self._busy.add(worker)  # its replacement starts when it retires (no CPU contention)
                        return worker
                    worker.close()
                    self._wake()
                left = deadline - time.monotonic()
                if left <= 0 or self.broken or self._stopping.is_set():
                    return None
                self._cond.wait(min(left, 0.5))

    def _retire(self, worker: WorkerProcess, killed: bool) -> None:
        if killed:
            worker.kill()
        worker.close()
        with self._cond:
            self._busy.discard(worker)
            self._retired.append((worker, time.monotonic()))
            self._retire_times.append(time.perf_counter())
        self._wake()  # start its replacement now
