"""How late a SCHED_FIFO thread wakes on this machine, idle and loaded, against the block period.

A thread at the active slot's priority (SCHED_FIFO 4) sleeps to absolute deadlines one block apart
(clock_nanosleep, TIMER_ABSTIME) and records how late each wake-up is. A block can only be rendered
in time when the slots' cushion (lead × block) exceeds the worst wake-up lateness plus the render:
this is the floor under the latency any setting can reach without losing blocks. The reference
measured in the same run is the block period itself; the share of CPU time the hypervisor stole
meanwhile is reported too (a vCPU that is not running wakes nobody).

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_wakeup.py [--seconds 30] [--frames 128]
"""
from __future__ import annotations

import ctypes
import os
import threading
import time

import numpy as np

from live_rig import LOADS, ROOT, Machine, arguments, load, percentiles, write

from chronus_shell.supervisor.latency import BEGIN_PHASE  # noqa: E402

CLOCK_MONOTONIC, TIMER_ABSTIME = 1, 1
PRIORITY = 4  # the active slot's, with JACK's clients at 5
BLOCKS = (64, 128, 256)


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


def wakeups(seconds: float, period_s: float) -> tuple[np.ndarray, str]:
    """Lateness (ms) of each wake-up of a SCHED_FIFO thread sleeping to deadlines `period_s` apart,
    and the scheduling it got."""
    libc = ctypes.CDLL(None, use_errno=True)
    late = np.zeros(int(seconds / period_s) + 1)
    got = []

    def run() -> None:
        try:
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(PRIORITY))
            got.append("SCHED_FIFO")
        except OSError:
            got.append("normal (no real-time permission)")
        deadline = time.clock_gettime_ns(time.CLOCK_MONOTONIC) + int(1e9 * period_s)
        for index in range(len(late)):
            when = _Timespec(deadline // 1_000_000_000, deadline % 1_000_000_000)
            libc.clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, ctypes.byref(when), None)
            late[index] = (time.clock_gettime_ns(time.CLOCK_MONOTONIC) - deadline) / 1e6
            deadline += int(1e9 * period_s)

    thread = threading.Thread(target=run, name="wakeup-probe")
    thread.start()
    thread.join()
    return late, got[0]


def measure(kind: str, seconds: float, frames: int, rate: int) -> dict:
    machine = Machine()
    with load(kind, seconds + 5):
        time.sleep(0.5 if kind == "loaded" else 0.0)  # the busy loops running before the first deadline
        late, scheduling = wakeups(seconds, frames / rate)
    row = {"scheduling": scheduling, "lateness_ms": percentiles(late), **machine.figures()}
    row["late_by_more_than"] = {f"{b} frames ({1000 * b / rate:.2f} ms)": int((late > 1000 * b / rate).sum())
                                for b in BLOCKS}
    # a slot begins the lead's newest block BEGIN_PHASE of a block after the device's cycle: woken later than
    # the rest of the block (its render aside), the callback waits for it; begun at the cycle, a whole block
    period_ms = 1000 * frames / rate
    row["late_past"] = {f"the cushion ({1 - BEGIN_PHASE:.1f} block)": int((late > (1 - BEGIN_PHASE) * period_ms).sum()),
                        "a block": int((late > period_ms).sum())}
    return row


def table(result: dict) -> str:
    lines = [f"{'load':7} {'p50 ms':>7} {'p99':>7} {'p99.9':>7} {'max':>7}  {'wake-ups later than 64 / 128 / 256 frames':42} "
             f"{'steal %':>7} {'load avg':>8}"]
    for kind in (k for k in LOADS if k in result):
        row = result[kind]
        f = row["lateness_ms"]
        over = " / ".join(str(v) for v in row["late_by_more_than"].values())
        lines.append(f"{kind:7} {f['p50']:>7} {f['p99']:>7} {f['p999']:>7} {f['max']:>7}  {over:42} "
                     f"{row['steal_percent']:>7} {row['load_average_before']:>8}")
    for kind in (k for k in LOADS if k in result):
        lines.append(f"{kind}: wake-ups later than " + ", ".join(f"{k}: {v}" for k, v in result[kind]["late_past"].items()))
    lines.append(f"reference: the block period {result['period_ms']:.3f} ms; {result['wakeups']} wake-ups per load "
                 f"({result['scheduling']})")
    return "\n".join(lines)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--seconds", type=float, default=30.0, help="per load (default 30)")
    parser.add_argument("--frames", type=int, default=128, help="the period, in frames at 48 kHz (default 128)")
    args = parser.parse_args()
    result = {"period_ms": 1000 * args.frames / 48000, "cpus": os.cpu_count()}
    for kind in args.loads.split(","):
        print(f"{kind} …", flush=True)
        result[kind] = measure(kind, args.seconds, args.frames, 48000)
    first = result[args.loads.split(",")[0]]
    result["wakeups"], result["scheduling"] = first["lateness_ms"]["count"], first["scheduling"]
    print(table(result))
    print(f"written {write('wakeup', result).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
