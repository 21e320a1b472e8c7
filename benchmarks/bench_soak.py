"""Lost blocks and JACK xruns over a soak while someone types, idle and loaded, on JACK dummy.

The soak test's patch (four voices) plays for --seconds while a parameter change arrives every
100 ms; "loaded" adds the loaded tests' busy machine (a dozen busy loops and a memory toucher) and
the sandbox pool validating a module the whole time. Settings are the user's (CHRONUS_* from the
environment, the defaults when unset). JACK's xruns are told apart by cause (its log): a cycle
our client had not finished, or the dummy driver's own timer waking late. The reference measured
in the same run is the number of blocks played. The issue's figure is 10 minutes each
(--seconds 600); a short run (the default, 60 s) is for checking often.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_soak.py [--seconds 60] [--loads idle,loaded]
"""
from __future__ import annotations

import time

from live_rig import ROOT, Machine, arguments, counters, delta, jack_dummy, jack_xruns, load, lockstep, send_all, write

from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.status import latency_figures  # noqa: E402


def soak(kind: str, seconds: float) -> dict:
    from tests.supervisor import test_soak

    config = Config.from_env(backend="sounddevice")
    with jack_dummy(config.block_size) as jack_log, Supervisor(config) as supervisor:
        test_soak.wait_for_music(supervisor)
        before_patch = counters(supervisor)
        send_all(supervisor, test_soak.FOUR_VOICES)
        time.sleep(1.0)
        with load(kind, seconds + 10, pool=True) as verdicts:
            before, causes, machine = counters(supervisor), jack_xruns(jack_log), Machine()
            blocks = supervisor.play_block
            supervisor.latencies_ms.clear()
            played = test_soak.play_while_typing(supervisor, seconds)
        status = supervisor.status()
        return {
            "seconds": round(played["seconds"], 1), "commands": played["commands"],
            "blocks_played": supervisor.play_block - blocks, **delta(counters(supervisor), before),
            "jack_xruns_by_cause": {k: v - causes[k] for k, v in jack_xruns(jack_log).items()},
            "loading_the_patch": delta(before, before_patch),
            "late_commands": [row["late_commands"] for row in status["slots"]],
            "latency_ms": latency_figures(list(supervisor.latencies_ms)),
            "pool_validations": len(verdicts), "pool_refusals": sum(v is not True for v in verdicts),
            "lockstep_after": lockstep(supervisor), "problems": list(supervisor.problems),
            "settings": {"block_size": config.block_size, "lead_target": config.lead_target,
                         "prefill_buffers": config.prefill_buffers, "early_margin_ms": config.early_margin_ms},
            "scheduling": status["scheduling"], **machine.figures(),
        }


def table(result: dict) -> str:
    lines = [f"{'load':7} {'s':>5} {'blocks':>7} {'lost':>5} {'waited':>6} {'xruns PA/JACK':>13} {'JACK ours/timer':>15} "
             f"{'late cmds':>9} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'load avg':>8} {'steal %':>7}"]
    for kind, r in result.items():
        lat = r["latency_ms"]
        lines.append(f"{kind:7} {r['seconds']:>5} {r['blocks_played']:>7} {r['lost_blocks']:>5} {r['waited_blocks']:>6} "
                     f"{r['xruns_portaudio']:>6}/{r['xruns_jack']:<6} "
                     f"{r['jack_xruns_by_cause']['ours']:>7}/{r['jack_xruns_by_cause']['timer']:<7} "
                     f"{sum(r['late_commands']):>9} {lat.get('p50_ms', '-'):>7} {lat.get('p99_ms', '-'):>7} {lat.get('max_ms', '-'):>7} "
                     f"{r['load_average_before']:>8} {r['steal_percent']:>7}")
    return "\n".join(lines)


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument("--seconds", type=float, default=60.0, help="soak per load (the issue's figure: 600)")
    args = parser.parse_args()
    result = {}
    for kind in args.loads.split(","):
        print(f"{kind}: {args.seconds:.0f} s …", flush=True)
        result[kind] = soak(kind, args.seconds)
        path = write(f"soak_{int(args.seconds)}s_{args.loads.replace(',', '_')}", result)  # each load as it ends
    print(table(result))
    print(f"written {path.relative_to(ROOT)}")
    return 1 if any(r["lost_blocks"] for r in result.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
