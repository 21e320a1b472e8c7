"""What the hot standby costs the active slot: its render time and lead with and without the
standby rendering, idle and loaded, on JACK dummy.

Two slots render every block on a 2-core machine; the standby runs one real-time step below the
active (SCHED_FIFO 3 vs 4), so on a shared core the active always goes first, but on the other
core the standby still takes cache and memory bandwidth, and the CPU the shell and the pool need.
Windows of --window seconds alternate: the standby rendering, then the standby stopped (SIGSTOP;
the supervisor's stall check is paused meanwhile, and it re-syncs the standby afterwards). A
sampling thread (SCHED_FIFO 1, below the slots) reads the active ring's counters every 0.25 ms:
the wall time of each block's render, and the active's lead over the output (blocks rendered and
not yet played; below the target the active is late). The reference, measured in the same run, is
the windows without the standby. The patch: the soak's four voices plus --voices more.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_standby_cost.py [--window 5] [--pairs 3] [--voices 40]
"""
from __future__ import annotations

import os
import signal
import threading
import time

from live_rig import (
    LOADS, ROOT, Machine, armed, arguments, counters, delta, jack_dummy, lift_admission_guard, load, percentiles, send_all,
    wait_until, write,
)

from bench_voices import voice, voice_hz  # noqa: E402

from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.rings import ACTIVE_SLOT, CPU_NS, PROCESS_CPU_NS, READ_BLOCK, WRITTEN  # noqa: E402

SAMPLE_S = 0.00025


def sample(supervisor: Supervisor, seconds: float) -> dict:
    """Per-block render ms and lead (blocks) of the active ring, sampled for `seconds`."""
    words = supervisor.control.words
    renders, leads, switched = [], [], False
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(1))
    except OSError:
        pass
    active = int(words[ACTIVE_SLOT])
    ring = supervisor.rings[active]
    last = (int(ring.header[WRITTEN]), int(ring.header[CPU_NS]))
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(SAMPLE_S)
        if int(words[ACTIVE_SLOT]) != active:
            switched = True
            break
        now = (int(ring.header[WRITTEN]), int(ring.header[CPU_NS]))
        if now[0] - last[0] == 1:  # exactly one block since the last look: its render time
            renders.append((now[1] - last[1]) / 1e6)
        leads.append(now[0] - int(words[READ_BLOCK]))
        last = now
    os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))
    return {"render_ms": renders, "lead_blocks": leads, "switched": switched}


def window(supervisor: Supervisor, seconds: float, standby: bool) -> dict:
    active = int(supervisor.control.words[ACTIVE_SLOT])
    other = supervisor.slots[1 - active]
    before, cpu = counters(supervisor), int(supervisor.rings[1 - active].header[PROCESS_CPU_NS])
    began = time.monotonic()
    if not standby:
        os.kill(other.pid, signal.SIGSTOP)
    try:
        got: dict = {}
        thread = threading.Thread(target=lambda: got.update(sample(supervisor, seconds)))
        thread.start()
        thread.join()
    finally:
        if not standby:
            os.kill(other.pid, signal.SIGCONT)
    wall = time.monotonic() - began
    standby_cpu = int(supervisor.rings[1 - active].header[PROCESS_CPU_NS]) - cpu
    return {**got, **delta(counters(supervisor), before), "standby_cpu_percent": round(100 * standby_cpu / 1e9 / wall, 1)}


def measure(supervisor: Supervisor, kind: str, seconds: float, pairs: int) -> dict:
    rows = {"with standby": [], "standby stopped": []}
    check_stalls = supervisor._check_stalls
    machine = Machine()
    with load(kind, 2 * pairs * (seconds + 15) + 30):
        time.sleep(1.0)
        for _ in range(pairs):
            for name, standby in (("with standby", True), ("standby stopped", False)):
                wait_until(lambda: armed(supervisor), 15.0, 0.01)
                supervisor._check_stalls = (lambda: None) if not standby else check_stalls
                rows[name].append(window(supervisor, seconds, standby))
                supervisor._check_stalls = check_stalls
                time.sleep(1.0)  # the standby re-synced before the next window
    result = {}
    ahead = supervisor.ahead
    for name, windows in rows.items():
        renders = [ms for w in windows for ms in w["render_ms"]]
        leads = [b for w in windows for b in w["lead_blocks"]]
        result[name] = {
            "render_ms": percentiles(renders), "lead_blocks": percentiles(leads, 0), "lead_min_blocks": min(leads, default=None),
            "samples_below_target_percent": round(100 * sum(b < ahead for b in leads) / max(1, len(leads)), 2),
            "samples_at_most_one_block_percent": round(100 * sum(b <= 1 for b in leads) / max(1, len(leads)), 3),
            "lost_blocks": sum(w["lost_blocks"] for w in windows),
            "xruns": sum(w["xruns_portaudio"] + w["xruns_jack"] for w in windows),
            "standby_cpu_percent": [w["standby_cpu_percent"] for w in windows],
            "output_switched": any(w["switched"] for w in windows),
        }
    return result | machine.figures() | {"target_lead_blocks": ahead}


def table(result: dict) -> str:
    lines = [f"{'load':7} {'standby':16} {'render p50':>10} {'p99':>7} {'max ms':>7} {'lead min':>8} "
             f"{'<target %':>9} {'lost':>5} {'xruns':>5} {'standby CPU %':>14} {'load avg':>8}"]
    for kind in LOADS:
        if kind not in result:
            continue
        for name in ("with standby", "standby stopped"):
            r = result[kind][name]
            cpu = "/".join(f"{c:.0f}" for c in r["standby_cpu_percent"])
            lines.append(f"{kind:7} {name:16} {r['render_ms']['p50']:>10} {r['render_ms']['p99']:>7} "
                         f"{r['render_ms']['max']:>7} {str(r['lead_min_blocks']):>8} "
                         f"{r['samples_below_target_percent']:>9} {r['lost_blocks']:>5} {r['xruns']:>5} {cpu:>14} "
                         f"{result[kind]['load_average_before']:>8}")
    lines.append(f"reference: the windows with the standby stopped; block {result['block_ms']:.2f} ms, "
                 f"target lead {result['target_lead_blocks']} blocks; {result['scheduling']}")
    return "\n".join(lines)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--window", type=float, default=5.0, help="seconds per window (default 5)")
    parser.add_argument("--pairs", type=int, default=3, help="with/without pairs per load (default 3)")
    parser.add_argument("--voices", type=int, default=40, help="voices added to the soak's patch (default 40)")
    args = parser.parse_args()
    from tests.supervisor.test_soak import FOUR_VOICES, wait_for_music

    config = Config.from_env(backend="sounddevice")
    lift_admission_guard()  # a patch heavy enough that sharing the cache shows
    result = {"block_ms": 1000 * config.block_seconds, "voices": 4 + args.voices}
    with jack_dummy(config.block_size), Supervisor(config) as supervisor:
        wait_for_music(supervisor)
        send_all(supervisor, FOUR_VOICES)
        for n in range(1, args.voices + 1):
            send_all(supervisor, voice(n, voice_hz(n)))
        time.sleep(2.0)
        status = supervisor.status()
        result["scheduling"] = status["scheduling"] | {f"slot {row['slot']}": row["scheduling"] for row in status["slots"]}
        result["target_lead_blocks"] = supervisor.ahead
        for kind in args.loads.split(","):
            print(f"{kind} …", flush=True)
            result[kind] = measure(supervisor, kind, args.window, args.pairs)
    print(table(result))
    print(f"written {write('standby_cost', result).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
