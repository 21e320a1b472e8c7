"""The checks a pool worker runs on one user module: import, test render, copies; one-line reasons.

The job, in phases:
1. `import`  — executes the module's source (user_modules.load_module_source) and checks the spec;
2. `create`  — builds a real Engine around it (a saw into it if it is a processor, into master);
3. `warmup`  — renders a few blocks (first calls compile numba code: compile time is reported to
   the pool, which extends the budget by it, so only non-compile time counts toward a hang);
4. `render`  — renders the test blocks with gates and param sweeps, checking every `process` output
   (ndarray, shape (n,), float64, finite, |x| ≤ 4, audio_in left untouched), the real-time factor
   and memory growth;
5. `checks`  — the engine pickles, deep-copies, and a pickled copy renders exactly the same audio
   (the slots rely on all three: snapshots, transactions, lockstep).
It sends the pool a ("phase", name) message at each step, ("compile", seconds) heartbeats while
numba compiles, and a final ("result", dict of builtins). Its stdout/stderr go to the module's log,
with faulthandler armed: a crash leaves its stack there, and so does a hang — the pool sends SIGUSR1
before it kills the worker (faulthandler's own timer, `dump_traceback_later`, was used until session
23: on a loaded machine a phase outlived it while the worker merely waited for a CPU, and its dump of
threads still running — done without the GIL, cpython#116008 — crashed the worker with SIGSEGV).
"""
from __future__ import annotations

import copy
import faulthandler
import io
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from pathlib import Path

import numpy as np

from ...engine.engine import Engine
from ...engine.user_modules.loading import ModuleLoadError, load_module_source, spec_to_data
from ...engine.user_modules.install import register_user_module
from ...protocol.message import Message
from .worker_meters import CompileClock, OwnTime, limit_memory, rss_bytes

HEARTBEAT_S = 0.2
WARMUP_BLOCKS = 4
CHECK_BLOCKS = 16
PEAK_LIMIT = 4.0
MODULE_ID = "m1"  # the module under test inside the test engine


class Rejected(Exception):
    """A check failed; the text is the one-line reason."""


class Validation:
    def __init__(self, job: dict, send):
        self.job, self.send = job, send
        self.name: str = job["name"]
        self.path = str(job["path"])
        self.sample_rate: int = job["sample_rate"]
        self.block_size: int = job["block_size"]
        self.blocks: int = job["blocks"]
        self.block_seconds = self.block_size / self.sample_rate
        self.where = "import"
        self.label = "defaults"
        self.block_index = 0
        self.process_seconds = 0.0
        self.process_calls = 0
        self.stats: dict = {}
        self.spec_data: dict | None = None
        self.class_name: str | None = None

    # -- driver ----------------------------------------------------------------------------------------
    def run(self) -> dict:
        started = time.perf_counter()
        log = self._redirect_output(self.job.get("log_path"))
        self.clock = CompileClock()
        threading.Thread(target=self._heartbeat, name="pool-heartbeat", daemon=True).start()
        memory = limit_memory(self.job["memory_limit_mb"]) if self.job.get("memory_limit_mb") else "no memory limit"
        print(f"[pool worker {os.getpid()}] {memory}", flush=True)
        ok, reason = False, ""
        try:
            self._validate()
            ok = True
        except Rejected as rejection:
            reason = str(rejection)
            print(f"rejected: {reason}", file=sys.stderr, flush=True)
        except BaseException as err:  # noqa: BLE001 — anything the module raises, even SystemExit
            reason = self._describe(err)
            traceback.print_exc(file=sys.stderr)
            sys.stderr.flush()
        if log is not None:
            log.flush()
        self.stats["compile_s"] = round(self.clock.seconds(), 4)
        self.stats["worker_s"] = round(time.perf_counter() - started, 4)
        return {"ok": ok, "reason": reason, "phase": self.where if not ok else "done",
                "spec": self.spec_data, "class_name": self.class_name, "stats": self.stats}

    def _phase(self, name: str) -> None:
        self.send(("phase", name))

    def _heartbeat(self) -> None:
        last = 0.0
        while True:
            time.sleep(HEARTBEAT_S)
            seconds = self.clock.seconds()
            if seconds != last:
                last = seconds
                self.send(("compile", seconds))

    def _redirect_output(self, log_path):
        """Point fds 1 and 2 (prints, warnings, faulthandler) at the module's log file."""
        if not log_path:
            return None
        log = open(log_path, "ab", buffering=0)  # noqa: SIM115 — lives until the process exits
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", buffering=0, closefd=False), encoding="utf-8", errors="replace",
                                      line_buffering=True, write_through=True)
        sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", buffering=0, closefd=False), encoding="utf-8", errors="replace",
                                      line_buffering=True, write_through=True)
        faulthandler.enable(file=sys.stderr)
        if hasattr(signal, "SIGUSR1"):     # the pool's word before it kills a hung worker (POSIX)
            faulthandler.register(signal.SIGUSR1, file=sys.stderr, all_threads=True)
        return log

    def _validate(self) -> None:
        self._phase("import")
        started = time.perf_counter()
        cls = load_module_source(self.name, self.job["source"], self.path)
        register_user_module(cls)
        self.spec_data = spec_to_data(cls.spec)
        self.class_name = cls.__name__
        self.stats["import_s"] = round(time.perf_counter() - started, 4)

        self._phase("create")
        self.where = "__init__()"
        cls(self.sample_rate)  # a probe instance: __init__ errors are reported as such
        engine = self._build_engine(cls)
        self.where = "the test render"

        self._phase("warmup")
        for _ in range(WARMUP_BLOCKS):
            self._render_block(engine)
        self.process_seconds = 0.0
        self.process_calls = 0

        self._phase("render")
        self._timed_render(engine)

        self._phase("checks")
        self._check_copies(engine)

    def _build_engine(self, cls) -> Engine:
        engine = Engine(self.sample_rate, self.block_size, contain_faults=False)  # here a fault is the verdict
        role = cls.spec.role
        messages = [Message("/patch/create", (MODULE_ID, self.name))]
        if role == "processor":
            messages += [Message("/patch/create", ("probe_saw", "saw")), Message("/patch/connect", ("probe_saw", MODULE_ID)),
                         Message("/patch/connect", (MODULE_ID, "master"))]
        elif role == "modulator":
            messages += [Message("/patch/create", ("probe_sine", "sine")), Message("/patch/connect", ("probe_sine", "master")),
                         Message("/patch/connect", (MODULE_ID, "probe_sine.freq"))]
        else:
            messages.append(Message("/patch/connect", (MODULE_ID, "master")))
        for msg in messages:
            engine.schedule(msg, 0)
        engine.apply_due()
        self._wrap(engine.modules[MODULE_ID])
        self.events = self._sweep(cls.spec, engine)
        return engine

    def _sweep(self, spec, engine) -> dict[int, tuple[str, list[Message], int]]:
        """Gates and param changes at fixed fractions of the render: every range end gets played.

        Gates land mid-block (as sequencer steps do), so process() also sees short blocks (1 sample,
        37, ...): the engine splits a block at every event."""
        n = self.blocks
        gate = f"/gate/{MODULE_ID}"

        def params(pick):
            out = []
            for p in spec.params:
                value = pick(p)
                out.append(Message(f"/mod/{MODULE_ID}/{p.name}", (value,)))
            return out

        odd = lambda offset: min(offset, self.block_size - 1)  # noqa: E731
        plan = {
            0: ("defaults", [Message(gate, (1, 110.0))], 0),
            int(0.20 * n): ("gate closed", [Message(gate, (0,))], odd(37)),
            int(0.25 * n): ("defaults, a new note", [Message(gate, (1, 440.0))], odd(1)),
            int(0.35 * n): ("params at their maximum",
                            params(lambda p: p.choices[-1] if p.is_enum else p.high), 0),
            int(0.55 * n): ("params at their minimum",
                            params(lambda p: p.choices[0] if p.is_enum else p.low), 0),
            int(0.75 * n): ("params at a quarter of their range",
                            params(lambda p: p.choices[len(p.choices) // 2] if p.is_enum else p.low + 0.25 * p.span), 0),
            int(0.85 * n): ("defaults, a high note",
                            params(lambda p: p.default) + [Message(gate, (1, 1760.0))], odd(self.block_size - 1)),
            int(0.95 * n): ("gate closed", [Message(gate, (0,))], odd(101)),
        }
        for msg in plan[0][1]:
            engine.schedule(msg, 0)
        return plan

    # -- checks on every call ----------------------------------------------------------------------
    def _wrap(self, module) -> None:
        """Instance-level wrappers: time and check `process`, attribute errors to the right method."""
        process, note_on, note_off = module.process, module.note_on, module.note_off
        validation, own = self, OwnTime()

        def checked_process(audio_in, params):
            before = audio_in.copy()
            validation.where = "process()"
            compiling = validation.clock.seconds()
            own.start()  # a busy machine's wait for a CPU is not the module's cost
            out = process(audio_in, params)
            elapsed = own.stop()
            # numba compiling on a first call is not the module's real-time cost (the slots load
            # the machine code from numba's cache, which this compile has just written)
            validation.process_seconds += max(0.0, elapsed - (validation.clock.seconds() - compiling))
            validation.process_calls += 1
            validation.where = "the test render"
            validation._check_output(out, audio_in, before)
            return out

        def checked_note_on(freq, accent):
            validation.where = "note_on()"
            note_on(freq, accent)
            validation.where = "the test render"

        def checked_note_off():
            validation.where = "note_off()"
            note_off()
            validation.where = "the test render"

        module.process, module.note_on, module.note_off = checked_process, checked_note_on, checked_note_off

    @staticmethod
    def _unwrap(module) -> None:
        for name in ("process", "note_on", "note_off"):
            module.__dict__.pop(name, None)

    def _context(self) -> str:
        return f"at block {self.block_index} ({self.label})"

    def _check_output(self, out, audio_in, before) -> None:
        n = len(audio_in)
        if not isinstance(out, np.ndarray):
            raise Rejected(f"process() returned {type(out).__name__}, not a numpy array of {n} samples")
        if out.shape != (n,):
            raise Rejected(f"process() returned shape {out.shape}, it must be ({n},) like audio_in (one mono block)")
        if out.dtype != np.float64:
            raise Rejected(f"process() returned {out.dtype} samples, it must return float64 (np.float64)")
        if not np.array_equal(audio_in, before):
            raise Rejected("process() writes into audio_in (shared with other modules): compute into a new array")
        finite = np.isfinite(out)
        if not finite.all():
            bad = out[~finite][0]
            what = "NaN" if bad != bad else "Inf"
            raise Rejected(f"produces {what} {self._context()}")
        peak = float(np.max(np.abs(out))) if n else 0.0
        self.stats["peak"] = max(self.stats.get("peak", 0.0), round(peak, 4))
        if peak > PEAK_LIMIT:
            raise Rejected(f"output reaches {peak:.3g} {self._context()}; the limit is ±{PEAK_LIMIT:g}: scale or clip it")

    # -- rendering -----------------------------------------------------------------------------------
    def _render_block(self, engine) -> np.ndarray:
        out = engine.render(self.block_size)
        self.block_index += 1
        return out

    def _timed_render(self, engine) -> None:
        rt_limit = self.job["rt_limit"]
        allowed = rt_limit * self.block_seconds * self.blocks  # total process() time allowed
        rss_before = rss_bytes()
        compile_before = self.clock.seconds()
        started = time.perf_counter()
        for index in range(self.blocks):
            event = self.events.get(index)
            if event is not None and index:
                self.label, messages, offset = event
                for msg in messages:
                    engine.schedule(msg, engine.position + offset)
            compiling = self.clock.seconds()
            self._render_block(engine)
            if self.clock.seconds() != compiling:  # numba compiled a new signature: its memory is not a leak
                rss_before = rss_bytes()
            if self.process_seconds > allowed:  # the average over the whole render can no longer pass
                self._too_slow(self.process_seconds / max(1, self.process_calls), rt_limit)
        elapsed = time.perf_counter() - started
        per_call = self.process_seconds / max(1, self.process_calls)
        self.stats["render_compile_s"] = round(self.clock.seconds() - compile_before, 4)
        self.stats.update(blocks=self.blocks, block_ms=round(elapsed / self.blocks * 1e3, 4),
                          process_ms=round(per_call * 1e3, 4), rt_factor=round(per_call / self.block_seconds, 4))
        if per_call > rt_limit * self.block_seconds:
            self._too_slow(per_call, rt_limit)
        rss_after = rss_bytes()
        if rss_before is not None and rss_after is not None:
            growth = (rss_after - rss_before) / 2**20
            self.stats["growth_mb"] = round(growth, 2)
            limit = self.job["growth_limit_mb"]
            if growth > limit:
                raise Rejected(f"memory grows by {growth:.0f} MB during {self.blocks} blocks (limit {limit} MB): "
                               "allocate buffers once in __init__, not per block")

    def _too_slow(self, per_call: float, rt_limit: float) -> None:
        share = per_call / self.block_seconds
        raise Rejected(
            f"too slow for real time: process() takes {per_call * 1e3:.2f} ms per {self.block_size}-sample block "
            f"on average, {share:.0%} of the block's {self.block_seconds * 1e3:.2f} ms (limit {rt_limit:.0%})")

    def _check_copies(self, engine) -> None:
        module = engine.modules[MODULE_ID]
        self._unwrap(module)
        self.where = "pickling"
        try:
            blob = pickle.dumps(engine, protocol=pickle.HIGHEST_PROTOCOL)
            twin = pickle.loads(blob)
        except Exception as err:  # noqa: BLE001
            raise Rejected(f"its state cannot be pickled ({type(err).__name__}: {_first_line(err)}); "
                           "the slots snapshot it for failover: keep state in numbers and numpy arrays") from None
        self.where = "deep copy"
        try:
            copy.deepcopy(engine)
        except Exception as err:  # noqa: BLE001
            raise Rejected(f"its state cannot be deep-copied ({type(err).__name__}: {_first_line(err)}); "
                           "transactions copy the patch: keep state in numbers and numpy arrays") from None
        self.stats["state_bytes"] = len(blob)
        self._wrap(module)
        self._wrap(twin.modules[MODULE_ID])
        self.where = "the test render"
        self.label = "determinism check"
        for _ in range(CHECK_BLOCKS):
            a = engine.render(self.block_size)
            b = twin.render(self.block_size)
            if not np.array_equal(a, b):
                raise Rejected("renders differently from an exact copy of itself (not deterministic): seed random "
                               "numbers (seeded_generator) and never read clocks, or the standby slot drifts")

    # -- reasons -------------------------------------------------------------------------------------
    def _describe(self, err: BaseException) -> str:
        location = self._location(err)
        where = self.where if self.where != "import" else "at import"
        where = where if where.startswith("at ") else f"in {where}"
        if self.where in ("process()", "note_on()", "note_off()"):
            where += f" {self._context()}"
        if isinstance(err, ModuleLoadError):
            return str(err)
        if isinstance(err, SyntaxError) and self.where == "import":
            line = f" ({Path(self.path).name} line {err.lineno})" if err.lineno else ""
            return f"has a syntax error: {err.msg}{line}"
        if isinstance(err, SystemExit):
            return f"calls sys.exit() {where}{location}"
        if isinstance(err, MemoryError):
            limit = self.job.get("memory_limit_mb")
            cap = f" (limit {limit} MB)" if limit else ""
            detail = _first_line(err)
            return f"needs too much memory {where}" + (f": {detail}" if detail else "") + location + cap
        if isinstance(err, RecursionError):
            return f"recurses without end {where}{location}"
        detail = _first_line(err)
        text = f"raises {type(err).__name__} {where}" + (f": {detail}" if detail else "") + location
        return text

    def _location(self, err: BaseException) -> str:
        frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == self.path]
        if not frames:
            return ""
        return f" ({Path(self.path).name} line {frames[-1].lineno})"


def _first_line(err: BaseException, limit: int = 160) -> str:
    text = str(err).strip().splitlines()
    line = text[0] if text else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"
