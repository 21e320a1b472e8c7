#!/usr/bin/env python3
"""Fixed costs: µs per block of an empty patch, of every examples/*.chr, of each module type; start-up.

Per block (48 kHz, block 256, 5.33 ms budget; CPU time of this process, so that the seven other
engineers' load on the two shared cores does not count): an Engine rendering 2 s, best of RUNS — the empty
patch (what the engine costs with nothing in it), each example script as `chronus render` plays it
(× real time over its whole length), and each module type alone (a source into the master; a
processor fed by a saw; a modulator on a saw's freq; a drum hit every beat) minus the empty patch.
Reference measured in the same run: `np.sin` over 256 samples (one numpy call's fixed cost).

Start-up, warm (numba cache present; bytecode written as in a normal install), median of RUNS:
- `chronus render` of a one-line script for one block: process start → the first block written;
- the shell: process start → its first prompt on a terminal (pexpect, null backend, under
  /tmp/chronus-rt.lock since it starts the real supervisor processes; skipped without pexpect) —
  the prompt comes before the engine is up (its line follows; what is typed meanwhile waits);
- reference: `python -c "import numpy"` (what any numpy program pays before doing anything).
Render and the reference also give their CPU time (user + sys), and the run its load average:
the machine is shared, and CPU time is what others' load inflates least.
Writes benchmarks/results/overhead.json.
"""
from __future__ import annotations

import fcntl
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from chronus_shell.engine import warmup
from chronus_shell.engine.engine import Engine
from chronus_shell.engine.timeline import render_script
from chronus_shell.language.script import load_script_timed
from chronus_shell.protocol.message import Message

ROOT = Path(__file__).resolve().parent.parent
SR, BLOCK = 48000, 256
BLOCKS = int(2.0 * SR / BLOCK)
RUNS = 5
CHRONUS = Path(sys.executable).with_name("chronus")
MODULE_PATCHES = {
    "source": ["/patch/create m {type}", "/patch/connect m master", "/gate/m 1 110"],
    "processor": ["/patch/create s saw", "/patch/create m {type}", "/patch/connect s m", "/patch/connect m master",
                  "/gate/s 1 110"],
    "modulator": ["/patch/create s saw", "/patch/create m {type}", "/patch/connect s master",
                  "/patch/connect m s.freq", "/gate/s 1 110"],
    "drum": ["/patch/create m {type}", "/patch/connect m master", "/seq/add t m xxxx", "/seq/start"],
}


def per_block_us(engine: Engine) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.process_time()
        for _ in range(BLOCKS):
            engine.render_stereo(BLOCK)
        best = min(best, (time.process_time() - start) / BLOCKS)
    return best * 1e6


def engine_with(lines: list[str]) -> Engine:
    engine = Engine(SR, BLOCK)
    for line in lines:
        engine.schedule(Message.parse(line))
    engine.render(BLOCK)
    return engine


def module_costs(empty_us: float) -> dict[str, float]:
    from chronus_shell.engine.catalogue import BUILTIN_MODULES
    saw_alone = per_block_us(engine_with(["/patch/create s saw", "/patch/connect s master", "/gate/s 1 110"]))
    costs = {}
    for cls in BUILTIN_MODULES:
        role = cls.spec.role
        if role == "master":
            continue
        cost = per_block_us(engine_with([line.format(type=cls.spec.type) for line in MODULE_PATCHES[role]]))
        costs[cls.spec.type] = cost - (saw_alone if role in ("processor", "modulator") else empty_us)
    return costs


def example_costs() -> dict[str, dict]:
    rows = {}
    for script in sorted((ROOT / "examples").glob("*.chr")):
        events, end = load_script_timed(script, SR)
        seconds = end / SR + 1.0
        best = min(_cpu_timed(lambda: render_script(events, seconds, SR, BLOCK)) for _ in range(3))
        blocks = seconds * SR / BLOCK
        rows[script.name] = {"seconds": seconds, "x_real_time": seconds / best, "us_per_block": best / blocks * 1e6}
    return rows


def _cpu_timed(step) -> float:
    start = time.process_time()
    step()
    return time.process_time() - start


def _timed(step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def startup() -> dict[str, float | None]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "one.chr"
        script.write_text("add a saw at 110 hz\n")
        render = [str(CHRONUS), "render", str(script), "-o", str(Path(tmp) / "one.wav"), "--seconds",
                  str(BLOCK / SR)]
        numpy_only = [sys.executable, "-c", "import numpy"]
        for command in (render, numpy_only):          # warm the caches (bytecode, numba) once
            subprocess.run(command, env=env, capture_output=True, check=True)
        render_s, render_cpu = _median_run(render, env)
        numpy_s, numpy_cpu = _median_run(numpy_only, env)
    return {"render_first_block_s": render_s, "render_first_block_cpu_s": render_cpu,
            "shell_first_prompt_s": shell_prompt_s(env), "python_import_numpy_s": numpy_s,
            "python_import_numpy_cpu_s": numpy_cpu, "load_average_1min": os.getloadavg()[0]}


def _median_run(command: list[str], env: dict) -> tuple[float, float]:
    """Median wall time and median CPU time (user + sys: what the other engineers' load on the
    shared cores does not inflate as much) of RUNS runs of `command`."""
    walls, cpus = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        walls.append(_timed(lambda: subprocess.run(command, env=env, capture_output=True)))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def shell_prompt_s(env: dict) -> float | None:
    try:
        import pexpect
    except ImportError:
        return None
    env = {**env, "PROMPT_TOOLKIT_NO_CPR": "1"}
    times = []
    with open("/tmp/chronus-rt.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for _ in range(3):
            start = time.perf_counter()
            child = pexpect.spawn(str(CHRONUS), ["--backend", "null"], env=env, encoding="utf-8", timeout=60,
                                  dimensions=(40, 120))
            child.expect("chronus›")
            times.append(time.perf_counter() - start)
            child.sendline("quit")
            child.expect(pexpect.EOF)
            child.close()
    return statistics.median(times)


def main() -> int:
    start = time.perf_counter()
    warmup()
    phase = np.linspace(0.0, 6.0, BLOCK)
    sin_us = min(_cpu_timed(lambda: [np.sin(phase) for _ in range(1000)]) for _ in range(RUNS)) / 1000 * 1e6
    empty_us = per_block_us(engine_with([]))
    examples = example_costs()
    modules = module_costs(empty_us)
    boot = startup()
    print(f"per block at {SR} Hz, block {BLOCK} (budget {BLOCK / SR * 1e6:.0f} µs); "
          f"reference np.sin(256 samples) = {sin_us:.2f} µs")
    print(f"{'empty patch':<26}{empty_us:>9.1f} µs/block  ({BLOCK / SR * 1e6 / empty_us:.0f}x real time)")
    for name, row in examples.items():
        print(f"{name:<26}{row['us_per_block']:>9.1f} µs/block  ({row['x_real_time']:.0f}x real time)")
    print("module alone (µs/block above the empty patch; processors and modulators above a saw alone):")
    for name, cost in modules.items():
        print(f"  {name:<24}{cost:>9.1f}")
    prompt = boot["shell_first_prompt_s"]
    print(f"start-up (warm, median; load average {boot['load_average_1min']:.1f}): chronus render → first block "
          f"{boot['render_first_block_s']:.2f} s ({boot['render_first_block_cpu_s']:.2f} s CPU); "
          f"shell → first prompt {'-' if prompt is None else f'{prompt:.2f} s'}; "
          f"reference python -c 'import numpy' {boot['python_import_numpy_s']:.2f} s "
          f"({boot['python_import_numpy_cpu_s']:.2f} s CPU)")
    result = {"sample_rate": SR, "block": BLOCK, "reference_np_sin_256_us": sin_us, "empty_patch_us": empty_us,
              "examples": examples, "modules_us_above_baseline": modules, "startup": boot}
    out = ROOT / "benchmarks" / "results" / "overhead.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)} in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
