#!/usr/bin/env python3
"""Failover and re-arm: the active slot killed --crashes times under the four-voice patch.

Each kill waits until the supervisor is armed (both slots ahead, a spare ready) and comes at a
different phase of the block; it times, from the kill, the standby taking over (in the
supervisor), the output's switch to the other ring, the new standby's first block of its own and a
new spare ready. A failover must lose nothing: the run fails on any lost block. References measured
in the same run: a bare child process from the same start method (pipe round trip, start → first
message) and the block period. Runs on a JACK dummy server of its own when jackd is installed,
else on the null backend. Writes benchmarks/results/failover.json; bench_failover_load.py runs the
same kills idle and loaded.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_failover.py [--crashes 100] [--backend auto|jack|null]
"""
from __future__ import annotations

import time

from live_rig import (
    ROOT, Machine, armed, bare_child, counters, device, device_arguments, figure_rows, lockstep, percentiles,
    ratio, send_all, setting, start, wait_until, write,
)

from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.rings import FAILOVERS, LOST_BLOCKS, SLOT_PID, WRITTEN  # noqa: E402


def _crash_and_watch(supervisor: Supervisor, timeout: float = 30.0) -> dict:
    """Kill the active slot; ms from the kill to: the replacement (a spare took the ring), its first
    block of its own, the output's switch to the other ring (if that ring starved first), and a new
    spare ready (re-arm)."""
    words = supervisor.control.words
    failovers, switches = len(supervisor.failovers), int(words[FAILOVERS])
    killed = time.perf_counter()
    supervisor.crash("active")
    seen, ring, pid, base = {}, None, None, None
    while (now := time.perf_counter()) - killed < timeout:
        if "switch" not in seen and int(words[FAILOVERS]) > switches:
            seen["switch"] = now
        if "replaced" not in seen and len(supervisor.failovers) > failovers:
            seen["replaced"] = now
            index = "AB".index(supervisor.failovers[failovers]["slot"])
            ring, pid = supervisor.rings[index], supervisor.slots[index].pid
        if ring is not None:
            if base is None and int(ring.header[SLOT_PID]) == pid:
                base = int(ring.header[WRITTEN])  # the new slot took the ring at the live slot's block
            if "first_block" not in seen and base is not None and int(ring.header[WRITTEN]) > max(base, supervisor.play_block):
                seen["first_block"] = now  # ... and rendered its first block of its own in time
            if "spare" not in seen and any(s.ready.is_set() and s.alive() for s in list(supervisor.spares)):
                seen["spare"] = now
            if "first_block" in seen and "spare" in seen and now - killed > 0.1:
                break
        time.sleep(0.0002)
    return {event: 1000 * (at - killed) for event, at in seen.items()}


def bench_failover(backend: str, crashes: int) -> dict:
    from tests.supervisor.test_soak import FOUR_VOICES  # late: pytest must not slow a worker's start

    supervisor = start(backend)
    try:
        send_all(supervisor, FOUR_VOICES)
        time.sleep(1.0)  # the patch's first blocks are past (each module type's first block)
        before = counters(supervisor)
        switch_ms, first_block_ms, rearm_ms, lossy, skipped = [], [], [], [], 0
        for crash in range(crashes):
            if wait_until(lambda: armed(supervisor), 10.0, 0.002) is None:
                skipped += 1
                continue
            time.sleep(0.005 * (crash % 7))  # crash at different phases of the block
            lost = int(supervisor.control.words[LOST_BLOCKS])
            seen = _crash_and_watch(supervisor)
            lost = int(supervisor.control.words[LOST_BLOCKS]) - lost
            if lost:
                lossy.append({"crash": crash, "lost_blocks": lost, **{k: round(v, 1) for k, v in seen.items()}})
            if "replaced" not in seen:
                break
            if "switch" in seen:
                switch_ms.append(seen["switch"])
            if "first_block" in seen:
                first_block_ms.append(seen["first_block"])
            if "spare" in seen:
                rearm_ms.append(seen["spare"])
        time.sleep(0.2)
        after = counters(supervisor)
        records = supervisor.failovers
        return {
            "crashes": crashes, "skipped_not_armed": skipped, "failovers": len(records),
            "kill_to_standby_ms": percentiles([f["kill_to_standby_ms"] for f in records if f["kill_to_standby_ms"] is not None]),
            "replace_ms": percentiles([f["replace_ms"] for f in records]),
            "output_switches": after["switches"] - before["switches"],
            "kill_to_switch_ms": percentiles(switch_ms),
            "switch_decision_ms": percentiles([s["switch_ms"] for s in supervisor.switches]),
            "kill_to_first_block_ms": percentiles(first_block_ms),
            "kill_to_spare_ready_ms": percentiles(rearm_ms),
            "lost_blocks": after["lost_blocks"] - before["lost_blocks"], "crashes_that_lost": lossy,
            "xruns": {"portaudio": after["xruns_portaudio"] - before["xruns_portaudio"],
                      "jack": after["xruns_jack"] - before["xruns_jack"]},
            "lockstep_after": lockstep(supervisor), "problems": list(supervisor.problems),
        }
    finally:
        supervisor.stop()


def main(argv=None) -> int:
    parser = device_arguments(__doc__)
    parser.add_argument("--crashes", type=int, default=100, help="active-slot kills (default 100)")
    args = parser.parse_args(argv)
    with device(args.backend) as (backend, description):
        config = Config.from_env(backend=backend)
        result = setting(config, description)
        machine = Machine()
        reference = bare_child(config.start_method)
        f = result["failover"] = bench_failover(backend, args.crashes)
        result |= machine.figures()
    result["reference"] = {"bare_child_start_ms": reference["start_ms"], "pipe_round_trip_ms": reference["round_trip_ms"],
                           "block_ms": result["block_ms"]}
    ratios = result["ratios"] = {
        "kill_to_standby_p50_vs_pipe_round_trip": ratio(f["kill_to_standby_ms"], reference["round_trip_ms"]),
        "replace_p50_vs_pipe_round_trip": ratio(f["replace_ms"], reference["round_trip_ms"]),
        "kill_to_standby_p50_blocks": ratio(f["kill_to_standby_ms"], result["block_ms"]),
        "rearm_p50_vs_bare_child_start": ratio(f["kill_to_spare_ready_ms"], reference["start_ms"]),
    }
    print(figure_rows([
        (f"kill → standby ({f['failovers']} kills)", f["kill_to_standby_ms"], "ms", ratios["kill_to_standby_p50_vs_pipe_round_trip"]),
        ("replace (in the supervisor)", f["replace_ms"], "ms", ratios["replace_p50_vs_pipe_round_trip"]),
        (f"kill → output switch ({f['output_switches']}×)", f["kill_to_switch_ms"], "ms", None),
        ("kill → new standby's first block", f["kill_to_first_block_ms"], "ms", None),
        ("kill → new spare ready (re-arm)", f["kill_to_spare_ready_ms"], "ms", ratios["rearm_p50_vs_bare_child_start"]),
    ]))
    print(f"references: bare child start {reference['start_ms']:.2f} ms, pipe round trip "
          f"{reference['round_trip_ms']:.3f} ms, block {result['block_ms']:.2f} ms")
    print(f"lost blocks {f['lost_blocks']} (in {len(f['crashes_that_lost'])} kills), xruns {f['xruns']}, "
          f"lockstep after {f['lockstep_after']}, problems {len(f['problems'])}")
    print(f"written {write('failover', result).relative_to(ROOT)}")
    if f["lost_blocks"] or f["failovers"] < args.crashes:
        print(f"FAILED: {f['failovers']}/{args.crashes} failovers, {f['lost_blocks']} lost blocks "
              "(a failover must lose nothing)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
