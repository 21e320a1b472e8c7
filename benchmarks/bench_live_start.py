#!/usr/bin/env python3
"""Live start-up: from starting the supervisor to the first block played, warm and cold.

Warm: the supervisor started again in this process (modules imported, numba cache on disk); cold:
a fresh interpreter that imports it, starts it and prints when the first block played (timed from
outside, process start included, and inside, from the start call). References measured in the
same run: a bare child process from the same start method (start → first message) and a cold
`python3 -c "import numpy"`. Runs on a JACK dummy server of its own when jackd is installed, else
on the null backend. Writes benchmarks/results/live_start.json.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_live_start.py [--backend auto|jack|null]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from live_rig import (
    ROOT, Machine, bare_child, device, device_arguments, figure_rows, percentiles, ratio, setting, write,
)

from chronus_shell.supervisor import Config, Supervisor  # noqa: E402

WARM_STARTS, COLD_STARTS = 3, 2


def _first_block_ms(began: float, backend: str) -> tuple[float, float]:
    """Start a supervisor; (ms until start() returned, ms until its first block played), from `began`."""
    from tests.supervisor.test_soak import wait_for_music  # late: pytest must not slow a worker's start

    supervisor = Supervisor(Config.from_env(backend=backend)).start()
    returned = time.perf_counter()
    try:
        wait_for_music(supervisor, timeout=120)
        return 1000 * (returned - began), 1000 * (time.perf_counter() - began)
    finally:
        supervisor.stop()


def startup_child(backend: str) -> None:
    """Runs in a fresh interpreter (cold start): prints one JSON line when the first block played."""
    returned_ms, first_ms = _first_block_ms(time.perf_counter(), backend)
    print(json.dumps({"start_returned_ms": returned_ms, "first_block_ms": first_ms}), flush=True)


def bench_startup(backend: str) -> dict:
    warm = [_first_block_ms(time.perf_counter(), backend)[1] for _ in range(WARM_STARTS)]
    cold, cold_inside = [], []
    for _ in range(COLD_STARTS):
        began = time.perf_counter()
        child = subprocess.Popen([sys.executable, __file__, "--startup-child", backend], stdout=subprocess.PIPE,
                                 text=True, env=dict(os.environ, JACK_NO_START_SERVER="1"), cwd=ROOT)
        line = child.stdout.readline()
        wall = 1000 * (time.perf_counter() - began)
        child.wait(60)
        if line.strip():
            cold.append(wall)
            cold_inside.append(json.loads(line)["first_block_ms"])
    return {"warm_start_to_first_block_ms": percentiles(warm),
            "cold_process_to_first_block_ms": percentiles(cold),
            "cold_start_to_first_block_ms": percentiles(cold_inside)}


def python_with_numpy_ms() -> float:
    runs = []
    for _ in range(3):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import numpy"], check=True)
        runs.append(1000 * (time.perf_counter() - began))
    return statistics.median(runs)


def main(argv=None) -> int:
    parser = device_arguments(__doc__)
    parser.add_argument("--startup-child", metavar="BACKEND", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.startup_child:
        startup_child(args.startup_child)
        return 0
    with device(args.backend) as (backend, description):
        config = Config.from_env(backend=backend)
        result = setting(config, description)
        machine = Machine()
        bare_start_ms, numpy_ms = bare_child(config.start_method)["start_ms"], python_with_numpy_ms()
        s = result["startup"] = bench_startup(backend)
        result |= machine.figures()
    result["reference"] = {"bare_child_start_ms": bare_start_ms, "python_import_numpy_ms": numpy_ms}
    ratios = result["ratios"] = {
        "warm_start_vs_bare_child_start": ratio(s["warm_start_to_first_block_ms"], bare_start_ms),
        "cold_process_vs_python_import_numpy": ratio(s["cold_process_to_first_block_ms"], numpy_ms),
    }
    print(figure_rows([
        ("start → first block (warm)", s["warm_start_to_first_block_ms"], "ms", ratios["warm_start_vs_bare_child_start"]),
        ("process → first block (cold)", s["cold_process_to_first_block_ms"], "ms",
         ratios["cold_process_vs_python_import_numpy"]),
        ("start → first block (cold)", s["cold_start_to_first_block_ms"], "ms", None),
    ]))
    print(f"references: bare child start {bare_start_ms:.2f} ms, python -c 'import numpy' {numpy_ms:.0f} ms")
    print(f"written {write('live_start', result).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
