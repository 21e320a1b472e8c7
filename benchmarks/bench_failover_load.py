"""Failover loss over many kills of the active slot, idle and loaded, on JACK dummy.

bench_failover.py's failover run (the four-voice patch, the active slot killed at different
phases of the block, each kill once a spare is ready) under each load: "loaded" is the loaded
tests' busy machine plus the sandbox pool validating a module the whole time. A failover must lose
nothing; the figures say how many blocks each load lost, in how many kills, and how long the
switch and the re-arm took. The reference measured in the same run is the block period.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_failover_load.py [--kills 100] [--loads idle,loaded]
"""
from __future__ import annotations


from live_rig import ROOT, Machine, arguments, jack_dummy, load, write

from bench_failover import bench_failover  # noqa: E402

from chronus_shell.supervisor import Config  # noqa: E402

BUSY_S = 3600  # the load outlives any run; it is stopped when the kills are over


def table(result: dict) -> str:
    lines = [f"{'load':7} {'kills':>5} {'lost':>5} {'lossy kills':>11} {'kill→switch p50/max ms':>23} "
             f"{'re-arm p50/max ms':>18} {'xruns PA/JACK':>13} {'load avg':>8} {'steal %':>7}"]
    for kind, r in result.items():
        if kind == "block_ms":
            continue
        switch, rearm = r["kill_to_switch_ms"], r["kill_to_spare_ready_ms"]
        lines.append(f"{kind:7} {r['failovers']:>5} {r['lost_blocks']:>5} {len(r['crashes_that_lost']):>11} "
                     f"{switch.get('p50', '-'):>11}/{switch.get('max', '-'):<11} "
                     f"{rearm.get('p50', '-'):>8}/{rearm.get('max', '-'):<9} "
                     f"{r['xruns']['portaudio']:>6}/{r['xruns']['jack']:<6} {r['load_average_before']:>8} {r['steal_percent']:>7}")
    lines.append(f"reference: the block period {result['block_ms']:.2f} ms")
    return "\n".join(lines)


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument("--kills", type=int, default=100, help="active-slot kills per load (default 100)")
    args = parser.parse_args()
    config = Config.from_env(backend="sounddevice")
    result = {"block_ms": 1000 * config.block_seconds}
    with jack_dummy(config.block_size):
        for kind in args.loads.split(","):
            print(f"{kind}: {args.kills} kills …", flush=True)
            with load(kind, BUSY_S, pool=True) as verdicts:
                machine = Machine()
                result[kind] = bench_failover("sounddevice", args.kills)
                result[kind] |= {"pool_validations": len(verdicts), "pool_refusals": [v for v in verdicts if v is not True],
                                 **machine.figures()}
    print(table(result))
    print(f"written {write('failover_load', result).relative_to(ROOT)}")
    return 1 if any(r["lost_blocks"] for k, r in result.items() if k != "block_ms") else 0


if __name__ == "__main__":
    raise SystemExit(main())
