#!/usr/bin/env python3
"""Sandbox pool speed: validation of a small module, worker replacement, file save → accepted.

Measured with the configured start method (CHRONUS_START_METHOD; forkserver on Linux):
- validate: `SandboxPool.validate` of a tiny processor and of examples/modules/bitwarp.py
  (import + 300-block test render + checks, in a pool worker). Reference, same run: the same
  300 blocks rendered in this process with no sandbox (what the validation costs beyond the DSP).
- replacement: a worker retired (used or killed) → its replacement ready in the pool. Reference,
  same run: starting a bare process of the same context that only answers "ready".
- save → accepted: a file saved in the modules folder → `UserModules.on_accept` fired (watcher
  poll at 100 ms, and at 50 ms, + validation), plus the slot-side `load_module_source` of the
  accepted source.
  "save → audible" adds the slot's lead (prefill blocks) to that, as an estimate.
Writes benchmarks/results/pool.json. Targets: save → audible < 100 ms, replacement < 100 ms.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 20

SMALL = '''
from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, number


class Halver(Module):
    spec = ModuleSpec("halver", "processor", (number("amount", "ratio", 0.5, 0, 1, "level"),), "a tiny processor")

    def process(self, audio_in, params):
        return audio_in * params["amount"]  # version {version}
'''


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summary(samples_s: list[float]) -> dict:
    ms = [s * 1e3 for s in samples_s]
    return {"p50_ms": round(percentile(ms, 0.5), 2), "p90_ms": round(percentile(ms, 0.9), 2),
            "min_ms": round(min(ms), 2), "max_ms": round(max(ms), 2), "n": len(ms)}


def _bare_child(conn) -> None:
    conn.send(("ready",))


def bare_start_seconds(ctx) -> float:
    started = time.perf_counter()
    parent, child = ctx.Pipe()
    process = ctx.Process(target=_bare_child, args=(child,), daemon=True)
    process.start()
    child.close()
    parent.recv()
    elapsed = time.perf_counter() - started
    process.join()
    parent.close()
    return elapsed


def in_process_render_seconds(source: str, name: str, folder: Path) -> float:
    """The DSP alone: the test render's patch (saw → module → master, 300 blocks) in this process."""
    from chronus_shell.engine.engine import Engine
    from chronus_shell.engine.user_modules.install import install_user_module, unregister_user_module
    from chronus_shell.protocol.message import Message

    install_user_module(name, source, folder / f"{name}.py")
    try:
        engine = Engine(48000, 256)
        for msg in (Message("/patch/create", ("m1", name)), Message("/patch/create", ("saw1", "saw")),
                    Message("/patch/connect", ("saw1", "m1")), Message("/patch/connect", ("m1", "master")),
                    Message("/gate/m1", (1, 110.0))):
            engine.schedule(msg, 0)
        started = time.perf_counter()
        for _ in range(300):
            engine.render(256)
        return time.perf_counter() - started
    finally:
        unregister_user_module(name)


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="chronus-bench-pool-"))
    os.environ["CHRONUS_HOME"] = str(home)
    from chronus_shell.engine.user_modules.loading import load_module_source, modules_folder
    from chronus_shell.supervisor.config import Config
    from chronus_shell.supervisor.user_modules.hot_reload import UserModules
    from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool

    method = Config.from_env().start_method
    ctx = multiprocessing.get_context(method)
    folder = modules_folder()
    small = folder / "halver.py"
    small.write_text(SMALL.format(version=0))
    shutil.copyfile(ROOT / "examples" / "modules" / "bitwarp.py", folder / "bitwarp.py")
    try:
        started = time.perf_counter()
        pool = SandboxPool(ctx, size=4).start()
        pool_start = time.perf_counter() - started
        try:
            results = run(pool, ctx, folder, small, load_module_source, UserModules)
        finally:
            pool.stop()
        results.update(start_method=method, pool_start_ms=round(pool_start * 1e3, 1), rounds=ROUNDS,
                       cpus=os.cpu_count(), load_average=list(os.getloadavg()) if hasattr(os, "getloadavg") else None)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    report(results)
    out = ROOT / "benchmarks" / "results" / "pool.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


def wait_full(pool, size: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while pool.stats()["idle"] < size and time.monotonic() < deadline:
        time.sleep(0.005)


def run(pool, ctx, folder: Path, small: Path, load_module_source, UserModules) -> dict:
    results: dict = {}
    # -- validation --------------------------------------------------------------------------------
    for label, path in (("small", small), ("bitwarp", folder / "bitwarp.py")):
        times, stats = [], []
        for _ in range(ROUNDS):
            wait_full(pool, pool.size)  # measure the validation, not a pool still refilling
            verdict = pool.validate(path)
            assert verdict.ok, verdict.line()
            times.append(verdict.seconds)
            stats.append(verdict.stats)
        source = path.read_text()
        reference = [in_process_render_seconds(source, path.stem, folder) for _ in range(5)]
        results[f"validate_{label}"] = summary(times) | {
            "rt_factor_p50": percentile([s["rt_factor"] for s in stats], 0.5),
            "reference": "the same 300 blocks rendered in-process, no sandbox",
            "reference_p50_ms": round(percentile(reference, 0.5) * 1e3, 2),
            "ratio_p50": round(percentile(times, 0.5) / percentile(reference, 0.5), 2),
        }
    # -- replacement ---------------------------------------------------------------------------------
    wait_full(pool, pool.size)
    crash = folder / "crasher_bench.py"
    crash.write_text(SMALL.replace('"halver"', '"crasher_bench"').replace("return audio_in", "import os; os._exit(1)  #"))
    before = len(pool.replacement_ms)
    for _ in range(ROUNDS):
        wait_full(pool, pool.size)
        assert "exit code 1" in pool.validate(crash).reason
    wait_full(pool, pool.size)
    killed = [ms / 1e3 for ms in pool.replacement_ms[before:]]
    reference = [bare_start_seconds(ctx) for _ in range(ROUNDS)]
    results["replacement_after_crash"] = summary(killed) | {
        "reference": "a bare process of the same context answering 'ready'",
        "reference_p50_ms": round(percentile(reference, 0.5) * 1e3, 2),
        "ratio_p50": round(percentile(killed, 0.5) / percentile(reference, 0.5), 2),
    }
    results["worker_startup"] = summary([ms / 1e3 for ms in pool.startup_ms[pool.size:]])
    # -- file save → accepted (watcher + validation), slot-side load ------------------------------------
    lead_s = 3 * 256 / 48000  # CHRONUS_PREFILL_BUFFERS blocks the slots render ahead
    for interval in (0.1, 0.05):
        save_times, load_times = save_to_accepted(pool, small, interval, load_module_source, UserModules)
        key = f"{interval * 1e3:.0f}ms_poll"
        results[f"save_to_accepted_{key}"] = summary(save_times) | {"poll_interval_ms": interval * 1e3}
        results["slot_load"] = summary(load_times)
        audible = [s + l + lead_s for s, l in zip(save_times, load_times)]
        results[f"save_to_audible_estimate_{key}"] = summary(audible) | {"lead_ms": round(lead_s * 1e3, 2)}
    results["targets"] = {"save_to_audible_p50_ms": 100.0, "replacement_p50_ms": 100.0}
    return results


def save_to_accepted(pool, small: Path, interval: float, load_module_source, UserModules):
    accepted = threading.Event()
    modules = UserModules(pool, on_accept=lambda v: accepted.set(), interval=interval)
    modules.load_all()
    modules.start()
    save_times, load_times = [], []
    try:
        for version in range(1, ROUNDS + 1):
            wait_full(pool, pool.size)
            time.sleep(0.137 * (version % 7) / 7)  # saves land at every phase of the poll
            accepted.clear()
            text = SMALL.format(version=f"{interval}-{version}")
            started = time.perf_counter()
            small.write_text(text)
            if not accepted.wait(30):
                raise RuntimeError("the save was never accepted")
            save_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            load_module_source("halver", text, small)
            load_times.append(time.perf_counter() - started)
    finally:
        modules.stop()
    return save_times, load_times


def report(results: dict) -> None:
    print(f"start method: {results['start_method']}, pool of 4 ready in {results['pool_start_ms']:.0f} ms, "
          f"cpus {results['cpus']}, load {results['load_average']}")
    print(f"{'measure':<32}{'p50 ms':>9}{'p90 ms':>9}{'ref p50':>9}{'ratio':>7}")
    for key in ("validate_small", "validate_bitwarp", "replacement_after_crash", "worker_startup", "slot_load",
                "save_to_accepted_100ms_poll", "save_to_audible_estimate_100ms_poll",
                "save_to_accepted_50ms_poll", "save_to_audible_estimate_50ms_poll"):
        row = results[key]
        ref = f"{row['reference_p50_ms']:>9.2f}{row['ratio_p50']:>7.1f}" if "reference_p50_ms" in row else ""
        print(f"{key:<32}{row['p50_ms']:>9.2f}{row['p90_ms']:>9.2f}{ref}")


if __name__ == "__main__":
    sys.exit(main())
