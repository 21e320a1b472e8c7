"""Sandbox pool: pre-started workers that import and test-render user modules in isolation.

A user module is a Python file in the modules folder (docs/modules.md). Before any slot runs it,
a pool worker (its own process) imports it and renders ~300 blocks through a real Engine; anything
wrong (exception, hang, crash, NaN/Inf, |x| > 4, wrong shape/dtype, too slow, memory growth,
unpicklable or non-deterministic state) rejects it with one line, the details going to
`<data dir>/logs/modules/<name>.log`. The shell process itself never executes user code.

Processes (start, hand out, replace) are `sandbox_processes.py`, the worker's side is `sandbox_worker.py`
and `validation.py`; what the shell does with verdicts (catalogue, hot reload, the slots) is
`hot_reload.py`.

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
    Verdict(ok, name, reason, source, seconds, log_path, path, spec, class_name, stats, signal)
        .line() -> str                        # "module bitwarp ready (23 ms)" / "module x rejected: …"
        .payload() -> (name, source, path)
        .catalogue_class() -> type[Module]    # the spec-only class for the shell's catalogue

Budgets: each phase (import, create, warmup, render, checks) has `budget_s` of wall time, extended
by the time numba reports compiling (at most `compile_budget_s` in all) and by the time the worker
waited for a CPU (a busy machine is not a hang; the real-time factor leaves it out too); a worker over budget is
killed ("hangs (no answer in 2.0 s) …") and replaced. A worker that dies of a signal (SIGSEGV …) is
tried once more in a fresh worker: a native crash of the machine's making (not the module's) must not
reject a good module, and one of the module's own crashes again. Each crashed try's log, with the
stack faulthandler wrote there, is kept (`<name>.crash-<time>-<pid>.log`, the newest CRASH_LOGS_KEPT)
and the verdict carries the signal (`Verdict.signal`). Workers are single-use: one validation per
process, so nothing leaks from one module to the next and RLIMIT_AS is set once; a replacement
starts the moment a worker is done or killed (forkserver: ~20–40 ms to ready; spawn: ~1 s, hidden
by the other idle workers).
"""
from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import wait
from pathlib import Path

from ...engine.params import ModuleSpec
from ...engine.user_modules.loading import (
    ModuleLoadError, check_module_path, logs_folder, modules_folder, read_source, spec_from_data,
)
from ...engine.user_modules.install import spec_class
from .sandbox_processes import WorkerProcess, WorkerProcesses
from .worker_meters import waited_s

WORKERS = 4  # validations at once: a folder of modules loads in parallel, a save never waits
CRASH_TRIES = 2  # a worker dead of a signal: the module is tried once more in a fresh worker
CRASH_LOGS_KEPT = 5  # per module, the newest crashed tries' logs
DUMP_WAIT_S = 0.5  # a hung worker's stack dump is waited for this long at most before it is killed

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
    signal: str | None = None   # the worker died of it (its last try): not a verdict on the text alone

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


class SandboxPool(WorkerProcesses):
    """Validates user module files, one pre-started worker each (see the module docstring)."""

    def __init__(self, ctx=None, size: int = WORKERS, sample_rate: int = 48000, block_size: int = 256, *,
                 folder: str | Path | None = None, log_dir: str | Path | None = None,
                 budget_s: float = 2.0, compile_budget_s: float = 30.0, blocks: int = 300,
                 rt_limit: float = 0.5, memory_limit_mb: int = 1024, growth_limit_mb: int = 64,
                 start_timeout_s: float = 120.0):
        super().__init__(ctx, size, start_timeout_s)
        self.sample_rate, self.block_size = sample_rate, block_size
        self.folder = modules_folder(folder)
        self.log_dir = Path(log_dir) if log_dir is not None else None
        self.budget_s, self.compile_budget_s = budget_s, compile_budget_s
        self.blocks, self.rt_limit = blocks, rt_limit
        self.memory_limit_mb, self.growth_limit_mb = memory_limit_mb, growth_limit_mb

    def validate(self, path: str | Path, source: str | None = None) -> Verdict:
        """Import and test-render one module file in a worker; never raises for a bad module."""
        started = time.perf_counter()
        try:
            name, resolved = check_module_path(path, self.folder)
            text = source if source is not None else read_source(resolved)
        except ModuleLoadError as err:
            return Verdict(False, Path(path).stem, str(err), "", time.perf_counter() - started, None, Path(path))
        log_path, kept = self._log_path(name), []
        for _ in range(CRASH_TRIES):
            _write_log(log_path, f"=== {resolved.name}: validation started {datetime.now():%Y-%m-%d %H:%M:%S} "
                                 f"({self.blocks} blocks of {self.block_size} at {self.sample_rate} Hz)\n", "w")
            for earlier in kept:
                _write_log(log_path, f"=== a try before this one crashed the worker: its log is {earlier}\n")
            worker = self._take(self.start_timeout_s)
            if worker is None:
                why = self.broken or "no worker became free in time"
                reason = f"the sandbox pool cannot validate it ({why})"
                return self._verdict(False, name, reason, text, started, log_path, resolved)
            result, killed = self._run(worker, self._job(name, text, resolved, log_path))
            self._retire(worker, killed)
            if not result.get("signal") or result["signal"] == "SIGKILL" or self._stopping.is_set():
                break
            kept.append(_keep_crash_log(log_path, worker.process.pid) or log_path)
        if result.get("signal") and kept and kept[-1] != log_path:
            log_path = kept[-1]                 # the crash's own log (its stack) is the details
            if len(kept) > 1:
                result["reason"] += ", and again in a fresh worker"
        if result.get("ok"):
            try:
                spec = spec_from_data(result["spec"])
            except (ModuleLoadError, KeyError, TypeError, ValueError) as err:
                return self._verdict(False, name, f"reports a bad spec: {err}", text, started, log_path, resolved)
            return self._verdict(True, name, "", text, started, log_path, resolved, spec,
                                 result.get("class_name"), result.get("stats", {}) | ({"crash_logs": [str(p) for p in kept]} if kept else {}))
        return self._verdict(False, name, result.get("reason") or "was rejected", text, started, log_path,
                             resolved, stats=result.get("stats", {}), signal=result.get("signal"))

    def _job(self, name: str, text: str, resolved: Path, log_path: Path | None) -> dict:
        return {
            "name": name, "source": text, "path": str(resolved), "log_path": str(log_path) if log_path else None,
            "sample_rate": self.sample_rate, "block_size": self.block_size, "blocks": self.blocks,
            "budget_s": self.budget_s, "rt_limit": self.rt_limit, "memory_limit_mb": self.memory_limit_mb,
            "growth_limit_mb": self.growth_limit_mb,
        }

    def validate_many(self, paths) -> list[Verdict]:
        """Validate several files in parallel (one worker each), verdicts in the order given."""
        paths = list(paths)
        if not paths:
            return []
        with ThreadPoolExecutor(max_workers=min(self.size, len(paths)), thread_name_prefix="chronus-validate") as ex:
            return list(ex.map(self.validate, paths))

    def _verdict(self, ok, name, reason, text, started, log_path, resolved, spec=None, class_name=None,
                 stats=None, signal=None) -> Verdict:
        verdict = Verdict(ok, name, reason, text, time.perf_counter() - started, log_path, resolved, spec,
                          class_name, dict(stats or {}), signal)
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

    def _run(self, worker: WorkerProcess, job: dict) -> tuple[dict, bool]:
        """Drive one job: (result dict, whether the worker had to be killed)."""
        if not _send(worker, ("validate", job)):
            return self._crashed(worker, "import"), True
        phase, phase_started, waited_at_phase = "import", time.monotonic(), waited_s(worker.process.pid)
        compile_s, compile_at_phase = 0.0, 0.0
        while True:
            extension = min(compile_s, self.compile_budget_s) - min(compile_at_phase, self.compile_budget_s)
            extension += waited_s(worker.process.pid) - waited_at_phase  # waiting for a CPU is not hanging
            left = phase_started + self.budget_s + extension - time.monotonic()
            if left <= 0:
                _dump_stacks(worker, job.get("log_path"))
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
                    return self._crashed(worker, phase), True
                kind = message[0]
                if kind == "phase":
                    phase, phase_started, compile_at_phase = message[1], time.monotonic(), compile_s
                    waited_at_phase = waited_s(worker.process.pid)
                elif kind == "compile":
                    compile_s = float(message[1])
                elif kind == "result":
                    return message[1], False
                continue
            return self._crashed(worker, phase), True

    def _crashed(self, worker: WorkerProcess, phase: str) -> dict:
        """The result of a worker that ended without one: the reason, and the signal that ended it."""
        worker.process.join(0.5)
        code = worker.process.exitcode
        where = PHASE_WORDS.get(phase, "during validation")
        if self._stopping.is_set():
            return {"ok": False, "reason": "the sandbox pool stopped during its validation"}
        if code is None:
            return {"ok": False, "reason": f"the worker stopped answering {where}"}
        if code >= 0:
            return {"ok": False, "reason": f"exits the worker process (exit code {code}, os._exit?) {where}"}
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return {"ok": False, "reason": f"crashes the worker process ({name}{hint}) {where}", "signal": name}


def _send(worker: WorkerProcess, item) -> bool:
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


def _dump_stacks(worker: WorkerProcess, log_path: str | None) -> None:
    """Before a hung worker is killed: faulthandler writes every thread's stack into its log (SIGUSR1,
    validation.py), waited for until the log stops growing (DUMP_WAIT_S at most)."""
    if log_path is None or not hasattr(signal, "SIGUSR1"):
        return
    before = last = _size(log_path)
    try:
        os.kill(worker.process.pid, signal.SIGUSR1)
    except OSError:
        return
    deadline = time.monotonic() + DUMP_WAIT_S
    while time.monotonic() < deadline:
        time.sleep(0.02)
        now = _size(log_path)
        if last == now > before:            # it wrote, and has stopped writing
            return
        last = now


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _keep_crash_log(log_path: Path | None, pid: int | None) -> Path | None:
    """Keep a crashed try's log (the next try writes `<name>.log` afresh) and only the newest few."""
    if log_path is None:
        return None
    kept = log_path.with_name(f"{log_path.stem}.crash-{datetime.now():%Y%m%d-%H%M%S}-{pid}.log")
    try:
        log_path.replace(kept)
        for old in sorted(log_path.parent.glob(f"{log_path.stem}.crash-*.log"))[:-CRASH_LOGS_KEPT]:
            old.unlink(missing_ok=True)
    except OSError:
        return None
    return kept


__all__ = ["SandboxPool", "Verdict"]
