"""Sandbox pool: pre-started workers that import and test-render user modules in isolation.

A user module is a Python file in the modules folder (docs/modules.md). Before any slot runs it,
a pool worker (its own process) imports it and renders ~300 blocks through a real Engine; anything
wrong (exception, hang, crash, NaN/Inf, |x| > 4, wrong shape/dtype, too slow, memory growth,
unpicklable or non-deterministic state) rejects it with one line, the details going to
`<data dir>/logs/modules/<name>.log`. The shell process itself never executes user code.

Integration API (for the supervisor / REPL / cli; everything below is thread-safe)
---------------------------------------------------------------------------------
Start (in the shell, with the supervisor's multiprocessing context):

    from chronus_shell.supervisor.pool import SandboxPool, UserModules
    pool = SandboxPool(ctx, size=4, sample_rate=cfg.sample_rate, block_size=cfg.block_size,
                       folder=args.modules).start()          # folder None → <data dir>/modules
    modules = UserModules(pool,                                 # the pool's folder (same --modules)
                          on_accept=lambda v: ...,              # broadcast v.payload() to slots
                          on_reject=lambda v: print(v.line()),  # one line, log path included
                          on_notice=print)                      # e.g. "bitwarp.py was deleted: …"
    verdicts = modules.load_all()     # validate every file now (parallel); accepted types are
                                      # registered in this process's CATALOGUE at once
    modules.start()                   # hot reload: ModuleWatcher polls mtimes every 100 ms
                                      # (UserModules(..., interval=0.05) halves the detection
                                      # delay: the part of save → audible that dominates)
    ...
    modules.stop(); pool.stop()       # at shell exit (workers also die with the shell)

What an acceptance does in the shell: `register_user_module(spec_class(v.spec, v.class_name))`
puts a spec-only class in CATALOGUE (language, completion, help, `chronus modules`, the
supervisor's `plan` validation all follow at once; `add bitwarp` works). Then `on_accept(v)` runs
(in the watcher's thread for hot reloads): the coordinator must get the *code* into the slots.

Slot side (supervisor.py / slot.py — to be integrated by the coordinator):
- on accept, send both slots (and every spare) ("user_module", name, source, path, at_sample),
  (name, source, path) = verdict.payload(), `at_sample` stamped like any command (a few blocks
  ahead, the same for both slots). The slot keeps one `user_modules_install.ModuleSwaps()`:
    on receipt:          swaps.receive(name, source, path, at_sample)   # exec now (~1 ms small;
                         # numba with cache=True loads the code the pool worker just compiled)
    before each block:   swaps.apply_due(timeline)                      # lockstep switch
  `receive` registers a new type at once (so a following /patch/create works); a new version of
  a known type takes effect at the first block boundary ≥ at_sample in both slots: CATALOGUE,
  `chronus_user.<name>` (pickling) and every live instance (`swap_module_type`: engine, pending
  transaction and fading engine; param values carried over).
- a freshly started slot worker must load every accepted module *before* unpickling a snapshot
  that holds instances: send `modules.payload()` ([(name, source, path), ...], acceptance order)
  with the assignment and call `user_modules_install.install_all(payload)` first. Spares that are
  already running only need `install_user_module(name, source, path)` (no target).
- `chronus render`/`run` offline (no slots): validate with the pool, then `install_all` in-process.
- Run-time containment is still needed in the slots: an exception raised by a user module's
  process() at run time (a path the test render did not reach) would end the slot, and the
  lockstep standby would raise at the same sample. Engine._render_segment should catch it for
  user modules (`getattr(type(module), "__module__", "").startswith("chronus_user.")`) and treat
  it like NaN/Inf (`_contain_fault`: silence, fresh instance, a fault line).

Pool API:
    SandboxPool(ctx=None, size=4, sample_rate=48000, block_size=256, *, folder=None, log_dir=None,
                budget_s=2.0, compile_budget_s=30.0, blocks=300, rt_limit=0.5,
                memory_limit_mb=1024, growth_limit_mb=64, start_timeout_s=120.0)
    .start(wait_ready=True) -> SandboxPool    # by default returns once every worker is ready
    .validate(path, source=None) -> Verdict   # source: validate this text instead of the file's
    .validate_many(paths) -> list[Verdict]
    .stats() -> dict                          # idle/starting/replacements/replacement_ms/startup_ms
    .worker_pids() -> list[int]
    .stop() -> None
    Verdict(ok, name, reason, source, seconds, log_path, path, spec, class_name, stats)
        .line() -> str                        # "module bitwarp ready (23 ms)" / "module x rejected: …"
        .payload() -> (name, source, path)
        .catalogue_class() -> type[Module]    # the spec-only class for the shell's catalogue
    ModuleWatcher(folder, on_change, interval=0.1).start() / .stop() / .poll() -> list[Path]

Budgets: each phase (import, create, warmup, render, checks) has `budget_s` of wall time, extended
by the time numba reports compiling (at most `compile_budget_s` in all); a worker over budget is
killed ("hangs (no answer in 2.0 s) …") and replaced. Workers are single-use: one validation per
process, so nothing leaks from one module to the next and RLIMIT_AS is set once; a replacement
starts the moment a worker is done or killed (forkserver: ~20–40 ms to ready; spawn: ~1 s, hidden
by the other idle workers). Forkserver: the pool sets the preload to PRELOAD (the supervisor's
preload + pool_worker) when it starts first; if the supervisor starts the forkserver first, add
`from . import pool_worker` to supervisor/preload.py so workers do not import it each time.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable

from ..engine.params import ModuleSpec
from ..engine.user_modules import (
    ModuleLoadError, check_module_path, logs_folder, module_files, modules_folder, read_source, spec_from_data,
)
from ..engine.user_modules_install import register_user_module, spec_class
from .pool_worker import pool_worker_main

PRELOAD = ["chronus_shell.supervisor.preload", "chronus_shell.supervisor.pool_worker"]
MAX_START_FAILURES = 3  # consecutive workers dying before ready → the pool reports itself broken
PHASE_WORDS = {
    "import": "at import", "create": "when created (__init__)", "warmup": "during the test render",
    "render": "during the test render", "checks": "while checking copies of it (pickle/deepcopy)",
}


@dataclass(frozen=True)
class Verdict:
    """The outcome of one validation; `reason` is one line ('' when ok)."""

    ok: bool
    name: str
    reason: str
    source: str
    seconds: float
    log_path: Path | None
    path: Path | None = None
    spec: ModuleSpec | None = None
    class_name: str | None = None
    stats: dict = field(default_factory=dict, compare=False)

    def line(self) -> str:
        """What the shell prints: one line."""
        if self.ok:
            return f"module {self.name} ready ({self.seconds * 1e3:.0f} ms)"
        where = f" (details: {self.log_path})" if self.log_path is not None else ""
        return f"module {self.name} rejected: {self.reason}{where}"

    def payload(self) -> tuple[str, str, str]:
        """(name, source, path): what a slot needs to load exactly the code that was validated."""
        return self.name, self.source, str(self.path)

    def catalogue_class(self):
        """A spec-only class for the shell's CATALOGUE (never runs audio)."""
        if self.spec is None:
            raise ValueError(f"{self.name} was rejected: no spec")
        return spec_class(self.spec, self.class_name or "UserModule")


class PoolWorker:
    """A pre-started worker process and its pipe."""

    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=pool_worker_main, args=(child, {}), name="chronus-pool", daemon=True)
        self.created = time.perf_counter()
        self.process.start()
        child.close()
        self.ready_at: float | None = None

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        try:
            if self.process.is_alive():
                self.process.kill()
        except (OSError, ValueError, AttributeError):
            pass

    def close(self) -> None:
        try:
            self.conn.close()
        except OSError:
            pass


class SandboxPool:
    def __init__(self, ctx=None, size: int = 4, sample_rate: int = 48000, block_size: int = 256, *,
                 folder: str | Path | None = None, log_dir: str | Path | None = None,
                 budget_s: float = 2.0, compile_budget_s: float = 30.0, blocks: int = 300,
                 rt_limit: float = 0.5, memory_limit_mb: int = 1024, growth_limit_mb: int = 64,
                 start_timeout_s: float = 120.0):
        if ctx is None:
            from .config import Config

            ctx = multiprocessing.get_context(Config.from_env().start_method)
        if size < 1:
            raise ValueError("a sandbox pool needs at least one worker")
        self.ctx, self.size = ctx, size
        self.sample_rate, self.block_size = sample_rate, block_size
        self.folder = modules_folder(folder)
        self.log_dir = Path(log_dir) if log_dir is not None else None
        self.budget_s, self.compile_budget_s = budget_s, compile_budget_s
        self.blocks, self.rt_limit = blocks, rt_limit
        self.memory_limit_mb, self.growth_limit_mb = memory_limit_mb, growth_limit_mb
        self.start_timeout_s = start_timeout_s
        self.broken: str | None = None
        self._idle: list[PoolWorker] = []
        self._starting: list[PoolWorker] = []
        self._busy: set[PoolWorker] = set()
        self._retired: list[tuple[PoolWorker, float]] = []
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
    def start(self, wait_ready: bool = True) -> "SandboxPool":
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

    def __enter__(self) -> "SandboxPool":
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
                    worker = PoolWorker(self.ctx)
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

    def _check_started(self, worker: PoolWorker) -> None:
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

    def _drop_starting(self, worker: PoolWorker) -> None:
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
    def _take(self, timeout: float) -> PoolWorker | None:
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

    def _retire(self, worker: PoolWorker, killed: bool) -> None:
        if killed:
            worker.kill()
        worker.close()
        with self._cond:
            self._busy.discard(worker)
            self._retired.append((worker, time.monotonic()))
            self._retire_times.append(time.perf_counter())
        self._wake()  # start its replacement now

    # -- validation -----------------------------------------------------------------------------
    def validate(self, path: str | Path, source: str | None = None) -> Verdict:
        """Import and test-render one module file in a worker; never raises for a bad module."""
        started = time.perf_counter()
        try:
            name, resolved = check_module_path(path, self.folder)
            text = source if source is not None else read_source(resolved)
        except ModuleLoadError as err:
            return Verdict(False, Path(path).stem, str(err), "", time.perf_counter() - started, None, Path(path))
        log_path = self._log_path(name)
        _write_log(log_path, f"=== {resolved.name}: validation started {datetime.now():%Y-%m-%d %H:%M:%S} "
                             f"({self.blocks} blocks of {self.block_size} at {self.sample_rate} Hz)\n", "w")
        worker = self._take(self.start_timeout_s)
        if worker is None:
            why = self.broken or "no worker became free in time"
            reason = f"the sandbox pool cannot validate it ({why})"
            return self._verdict(False, name, reason, text, started, log_path, resolved)
        job = {
            "name": name, "source": text, "path": str(resolved), "log_path": str(log_path) if log_path else None,
            "sample_rate": self.sample_rate, "block_size": self.block_size, "blocks": self.blocks,
            "budget_s": self.budget_s, "rt_limit": self.rt_limit, "memory_limit_mb": self.memory_limit_mb,
            "growth_limit_mb": self.growth_limit_mb,
        }
        result, killed = self._run(worker, job)
        self._retire(worker, killed)
        if result.get("ok"):
            try:
                spec = spec_from_data(result["spec"])
            except (ModuleLoadError, KeyError, TypeError, ValueError) as err:
                return self._verdict(False, name, f"reports a bad spec: {err}", text, started, log_path, resolved)
            return self._verdict(True, name, "", text, started, log_path, resolved, spec,
                                 result.get("class_name"), result.get("stats", {}))
        return self._verdict(False, name, result.get("reason") or "was rejected", text, started, log_path,
                             resolved, stats=result.get("stats", {}))

    def validate_many(self, paths) -> list[Verdict]:
        """Validate several files in parallel (one worker each), verdicts in the order given."""
        paths = list(paths)
        if not paths:
            return []
        with ThreadPoolExecutor(max_workers=min(self.size, len(paths)), thread_name_prefix="chronus-validate") as ex:
            return list(ex.map(self.validate, paths))

    def _verdict(self, ok, name, reason, text, started, log_path, resolved, spec=None, class_name=None,
                 stats=None) -> Verdict:
        verdict = Verdict(ok, name, reason, text, time.perf_counter() - started, log_path, resolved, spec,
                          class_name, dict(stats or {}))
        if ok:
            detail = ", ".join(f"{k} {v}" for k, v in sorted(verdict.stats.items()))
            _write_log(log_path, f"=== accepted in {verdict.seconds * 1e3:.0f} ms ({detail})\n")
        else:
            _write_log(log_path, f"=== rejected: {reason}\n")
        return verdict

    def _log_path(self, name: str) -> Path | None:
        try:
            folder = self.log_dir if self.log_dir is not None else logs_folder()
            folder.mkdir(parents=True, exist_ok=True)
            return folder / f"{name}.log"
        except OSError:
            return None

    def _run(self, worker: PoolWorker, job: dict) -> tuple[dict, bool]:
        """Drive one job: (result dict, whether the worker had to be killed)."""
        if not _send(worker, ("validate", job)):
            return {"ok": False, "reason": self._crash_reason(worker, "import")}, True
        phase, phase_started = "import", time.monotonic()
        compile_s, compile_at_phase = 0.0, 0.0
        while True:
            extension = min(compile_s, self.compile_budget_s) - min(compile_at_phase, self.compile_budget_s)
            left = phase_started + self.budget_s + extension - time.monotonic()
            if left <= 0:
                worker.kill()
                if compile_s >= self.compile_budget_s:
                    reason = f"compiles for more than {self.compile_budget_s:.1f} s (numba) {PHASE_WORDS[phase]}"
                else:
                    reason = f"hangs (no answer in {self.budget_s:.1f} s) {PHASE_WORDS[phase]}"
                return {"ok": False, "reason": reason}, True
            try:
                ready = wait([worker.conn, worker.process.sentinel], left)
            except (OSError, ValueError):
                ready = [worker.process.sentinel]
            if not ready:
                continue
            if worker.conn in ready or worker.conn.poll():
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    return {"ok": False, "reason": self._crash_reason(worker, phase)}, True
                kind = message[0]
                if kind == "phase":
                    phase, phase_started, compile_at_phase = message[1], time.monotonic(), compile_s
                elif kind == "compile":
                    compile_s = float(message[1])
                elif kind == "result":
                    return message[1], False
                continue
            return {"ok": False, "reason": self._crash_reason(worker, phase)}, True

    def _crash_reason(self, worker: PoolWorker, phase: str) -> str:
        worker.process.join(0.5)
        code = worker.process.exitcode
        where = PHASE_WORDS.get(phase, "during validation")
        if self._stopping.is_set():
            return "the sandbox pool stopped during its validation"
        if code is None:
            return f"the worker stopped answering {where}"
        if code >= 0:
            return f"exits the worker process (exit code {code}, os._exit?) {where}"
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return f"crashes the worker process ({name}{hint}) {where}"


def _send(worker: PoolWorker, item) -> bool:
    try:
        worker.conn.send(item)
        return True
    except (OSError, ValueError):
        return False


def _write_log(path: Path | None, text: str, mode: str = "a") -> None:
    if path is None:
        return
    try:
        with open(path, mode, encoding="utf-8") as log:
            log.write(text)
    except OSError:
        pass


# -- hot reload -----------------------------------------------------------------------------------
class ModuleWatcher:
    """Polls the `*.py` files directly in `folder` every `interval` s (a thread, no dependency).

    `on_change(path)` runs in the watcher's thread for every file created, modified or deleted
    (check `path.exists()`), once its size and mtime have settled for `settle` s (editors that write
    in two steps). Files present at `start()` are not reported. Dot files are ignored.
    """

    def __init__(self, folder: str | Path, on_change: Callable[[Path], None], interval: float = 0.1,
                 settle: float = 0.015):
        self.folder = Path(folder)
        self.on_change, self.interval, self.settle = on_change, interval, settle
        self.errors: list[str] = []
        self._state: dict[Path, tuple] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _scan(self) -> dict[Path, tuple]:
        state = {}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return state
        for entry in entries:
            if not entry.name.endswith(".py") or entry.name.startswith("."):
                continue
            try:
                st = entry.stat()
            except OSError:
                continue
            state[Path(entry.path)] = (st.st_mtime_ns, st.st_size, st.st_ino)
        return state

    def poll(self) -> list[Path]:
        """Paths changed since the last poll (settled), without calling on_change."""
        now = self._scan()
        changed = sorted(p for p in set(now) | set(self._state) if now.get(p) != self._state.get(p))
        for _ in range(20):
            # settle only a file written in the last `settle` s (an editor may still be writing it)
            fresh = [now[p][0] for p in changed if p in now]
            if not changed or self.settle <= 0 or time.time_ns() - max(fresh, default=0) > self.settle * 1e9:
                break
            time.sleep(self.settle)
            again = self._scan()
            if all(again.get(p) == now.get(p) for p in changed):
                break
            now = again
            changed = sorted(p for p in set(now) | set(self._state) if now.get(p) != self._state.get(p))
        self._state = now
        return changed

    def start(self) -> "ModuleWatcher":
        self._state = self._scan()
        self._thread = threading.Thread(target=self._run, name="chronus-module-watcher", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(2.0)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            for path in self.poll():
                try:
                    self.on_change(path)
                except Exception as err:  # noqa: BLE001 — the watcher must survive a bad callback
                    self.errors.append(f"{path.name}: {type(err).__name__}: {err}")
                    print(f"module watcher: {path.name}: {type(err).__name__}: {err}", file=sys.stderr)


class UserModules:
    """The user modules of one shell: validation at start, hot reload, the accepted set.

    Accepted types are registered in this process's CATALOGUE as spec-only classes (the shell
    never runs user code); `on_accept(verdict)` must bring `verdict.payload()` to the slots.
    A failed reload keeps the old version (still registered, still playing) and calls `on_reject`.
    """

    def __init__(self, pool: SandboxPool, folder: str | Path | None = None, *,
                 on_accept: Callable[[Verdict], None] | None = None,
                 on_reject: Callable[[Verdict], None] | None = None,
                 on_notice: Callable[[str], None] | None = None, interval: float = 0.1):
        self.pool = pool
        self.folder = pool.folder if folder is None else modules_folder(folder)
        if self.folder != pool.folder:
            raise ValueError(f"the pool validates modules from {pool.folder}, not {self.folder}")
        self.on_accept, self.on_reject, self.on_notice = on_accept, on_reject, on_notice
        self.interval = interval
        self.accepted: dict[str, Verdict] = {}
        self.rejected: dict[str, Verdict] = {}
        self._order: list[str] = []
        self._last_source: dict[Path, str] = {}
        self._lock = threading.RLock()
        self.watcher: ModuleWatcher | None = None

    def load_all(self) -> list[Verdict]:
        """Validate every module file now (in parallel) and register the accepted ones."""
        verdicts = self.pool.validate_many(module_files(self.folder))
        for verdict in verdicts:
            self._settle(verdict)
        return verdicts

    def reload(self, path: str | Path, force: bool = False) -> Verdict | None:
        """Validate one (changed) file; None when its text is what was last validated (unless `force`)."""
        path = Path(path)
        if not path.exists():
            self._notice(f"{path.name} was deleted: {path.stem} stays loaded until the shell restarts"
                         if path.stem in self.accepted else f"{path.name} was deleted")
            self._last_source.pop(path, None)
            return None
        try:
            text = read_source(path)
        except ModuleLoadError:
            text = None
        if not force and text is not None and self._last_source.get(path) == text:
            return None
        verdict = self.pool.validate(path, source=text)
        self._settle(verdict)
        return verdict

    def _settle(self, verdict: Verdict) -> None:
        with self._lock:
            if verdict.path is not None and verdict.source:
                self._last_source[verdict.path] = verdict.source
            if verdict.ok:
                register_user_module(verdict.catalogue_class())
                self.accepted[verdict.name] = verdict
                self.rejected.pop(verdict.name, None)
                if verdict.name in self._order:
                    self._order.remove(verdict.name)
                self._order.append(verdict.name)
            else:
                self.rejected[verdict.name] = verdict
        callback = self.on_accept if verdict.ok else self.on_reject
        if callback is not None:
            callback(verdict)
        elif not verdict.ok:
            self._notice(verdict.line())
        if not verdict.ok and verdict.name in self.accepted:
            self._notice(f"{verdict.name}: the previous version keeps playing")

    def _notice(self, text: str) -> None:
        if self.on_notice is not None:
            self.on_notice(text)

    def payload(self) -> list[tuple[str, str, str]]:
        """Every accepted module as (name, source, path), in acceptance order (for a new slot worker)."""
        with self._lock:
            return [self.accepted[name].payload() for name in self._order]

    def start(self) -> "UserModules":
        """Start hot reload (the watcher thread)."""
        if self.watcher is None:
            self.watcher = ModuleWatcher(self.folder, self._changed, self.interval).start()
        return self

    def _changed(self, path: Path) -> None:
        self.reload(path)

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None


__all__ = ["ModuleWatcher", "SandboxPool", "UserModules", "Verdict"]
