"""Command → audible latency (p50/p99/max) at 128 and 256 frames, idle and loaded, on JACK dummy.

Latency runs from the moment a command reaches the engine to the moment its first changed sample
leaves the device (supervisor/latency.py: the output process's callback clock plus the device's own
latency). Each setting also counts lost blocks and xruns over its run. "Loaded" is the busy machine
of the loaded tests (tests/supervisor/busy.py: a dozen busy loops and a memory toucher). The
reference measured in the same run is the documented formula (docs/tuning.md) for each setting.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_latency.py [--seconds 20] [--setting NAME …]
"""
from __future__ import annotations

import time
from dataclasses import replace

from live_rig import LOADS, ROOT, Machine, arguments, jack_dummy, jack_xruns, load, write

from chronus_shell.protocol.message import Message  # noqa: E402
from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.latency import formula_ms  # noqa: E402
from chronus_shell.supervisor.rings import DEVICE_LATENCY_US, FAILOVERS  # noqa: E402
from chronus_shell.supervisor.status import latency_figures  # noqa: E402

COMMAND_PERIOD_S = 0.05


SETTINGS = {  # name → (frames, lead, prefill, early margin ms)
    "256, lead 2, prefill 2, margin 0": (256, 2, 2, 0),   # the defaults until session 23
    "256, lead 2, prefill 3, margin 2": (256, 2, 3, 2),   # the defaults before session 14
    "128, lead 2, prefill 2, margin 2": (128, 2, 2, 2),
    "128, lead 2, prefill 2, margin 0": (128, 2, 2, 0),   # the defaults
    "128, lead 1, prefill 1, margin 0": (128, 1, 1, 0),
    "64, lead 3, prefill 3, margin 0": (64, 3, 3, 0),
    "64, lead 4, prefill 4, margin 0": (64, 4, 4, 0),
}


def settings(names: list[str]) -> dict[str, Config]:
    defaults = Config.from_env(env={}, backend="sounddevice")
    return {name: replace(defaults, block_size=frames, lead_target=lead, prefill_buffers=prefill, early_margin_ms=margin)
            for name, (frames, lead, prefill, margin) in SETTINGS.items() if not names or name in names}


def measure(supervisor: Supervisor, seconds: float, jack_log) -> dict:
    """Type for `seconds`; the latency of these commands, lost blocks and xruns meanwhile."""
    from tests.supervisor.test_soak import typing_command

    before, causes, machine = supervisor.status(), jack_xruns(jack_log), Machine()
    switches = int(supervisor.control.words[FAILOVERS])
    supervisor.latencies_ms.clear()
    start, step = time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        supervisor.send(typing_command(step))
        step += 1
        time.sleep(max(0.0, start + step * COMMAND_PERIOD_S - time.perf_counter()))
    after = supervisor.status()
    return latency_figures(list(supervisor.latencies_ms)) | {
        "lost_blocks": after["lost_blocks"] - before["lost_blocks"],
        # the device's cycle found its block still being rendered and waited for it (output_process.py)
        "waited_blocks": after["waited_blocks"] - before["waited_blocks"],
        # the active was late and the standby had the block: the output switched (no loss)
        "switches_to_the_standby": int(supervisor.control.words[FAILOVERS]) - switches,
        "xruns": sum(after["xruns"].values()) - sum(before["xruns"].values()),
        "jack_xruns_by_cause": {k: v - causes[k] for k, v in jack_xruns(jack_log).items()},
        "late_commands": sum(r["late_commands"] for r in after["slots"]) - sum(r["late_commands"] for r in before["slots"]),
    } | machine.figures()


def run(seconds: float, names: list[str], loads: list[str]) -> dict:
    from tests.supervisor.test_soak import FOUR_VOICES, wait_for_music

    results = {}
    for name, config in settings(names).items():
        print(f"{name} …", flush=True)
        with jack_dummy(config.block_size) as jack_log, Supervisor(config) as supervisor:
            wait_for_music(supervisor)
            for line in FOUR_VOICES:
                supervisor.send(Message.parse(line))
            time.sleep(1.0)
            device_ms = int(supervisor.control.words[DEVICE_LATENCY_US]) / 1000.0
            row = {"device": supervisor.device, "device_latency_ms": device_ms,
                   "formula_ms": round(formula_ms(config, device_ms), 2)}
            for kind in loads:
                with load(kind, seconds + 5):
                    row[kind] = measure(supervisor, seconds, jack_log)
            row["scheduling"] = supervisor.status()["scheduling"]
            results[name] = row
    return results


def table(results: dict) -> str:
    lines = [f"{'setting':34} {'load':7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'lost':>5} {'switch':>6} {'xruns':>5} "
             f"{'late':>5} {'waited':>6} {'formula':>8} {'load avg':>8}"]
    for name, row in results.items():
        for kind in (k for k in LOADS if k in row):
            f = row[kind]
            lines.append(f"{name:34} {kind:7} {f.get('p50_ms', '-'):>7} {f.get('p99_ms', '-'):>7} "
                         f"{f.get('max_ms', '-'):>7} {f['lost_blocks']:>5} {f['switches_to_the_standby']:>6} "
                         f"{f['xruns']:>5} {f['late_commands']:>5} {f['waited_blocks']:>6} "
                         f"{row['formula_ms']:>8} {f['load_average_before']:>8}")
    return "\n".join(lines)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--seconds", type=float, default=20.0, help="typing time per setting and load")
    parser.add_argument("--setting", action="append", choices=list(SETTINGS), help="only these (default: all)")
    args = parser.parse_args()
    results = run(args.seconds, args.setting or [], args.loads.split(","))
    print(table(results))
    print(f"written {write('latency', results).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
