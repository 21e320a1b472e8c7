"""Command → audible latency (p50/p99/max) at 128 and 256 frames, idle and loaded, on JACK dummy.

Latency runs from the moment a command reaches the engine to the moment its first changed sample
leaves the device (supervisor/latency.py: the output process's callback clock plus the device's own
latency). Each setting also counts lost blocks and xruns over its run. "Loaded" is the busy machine
of the loaded tests (tests/supervisor/busy.py: a dozen busy loops and a memory toucher). The
reference measured in the same run is the documented formula (docs/tuning.md) for each setting.

    python3 benchmarks/bench_latency.py [--seconds 20]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronus_shell.protocol.message import Message  # noqa: E402
from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.latency import formula_ms  # noqa: E402
from chronus_shell.supervisor.rings import DEVICE_LATENCY_US  # noqa: E402
from chronus_shell.supervisor.status import latency_figures  # noqa: E402

RESULT = ROOT / "benchmarks" / "results" / "latency.json"
COMMAND_PERIOD_S = 0.05


def settings() -> dict[str, Config]:
    defaults = Config.from_env(env={}, backend="sounddevice")
    return {
        "256 frames, lead 2, prefill 3": replace(defaults, block_size=256, lead_target=2, prefill_buffers=3),
        "128 frames, lead 2, prefill 2": replace(defaults, block_size=128, lead_target=2, prefill_buffers=2),
        "128 frames, lead 1, prefill 1": replace(defaults, block_size=128, lead_target=1, prefill_buffers=1),
        "128, lead 1, prefill 1, margin 0": replace(defaults, block_size=128, lead_target=1, prefill_buffers=1,
                                                    early_margin_ms=0),
    }


def jack_dummy(period: int) -> subprocess.Popen:
    """A JACK dummy server of this run's own (JACK_DEFAULT_SERVER, as the tests' conftest names it)."""
    os.environ.setdefault("JACK_DEFAULT_SERVER", f"chronus-bench-{os.getpid()}")
    JACK_ENV = dict(os.environ, JACK_NO_AUDIO_RESERVATION="1", JACK_NO_START_SERVER="1")
    if shutil.which("jackd") is None:
        raise SystemExit("bench_latency: jackd is not installed (apt-get install jackd2)")
    log = open("/tmp/chronus-bench-latency-jackd.log", "w")
    server = subprocess.Popen(["jackd", "-d", "dummy", "-r", "48000", "-p", str(period), "-C", "0", "-P", "2"],
                              stdout=log, stderr=subprocess.STDOUT, env=JACK_ENV)
    deadline = time.monotonic() + 20
    while subprocess.run(["jack_wait", "-c"], capture_output=True, text=True, env=JACK_ENV).stdout.strip() != "running":
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise SystemExit("bench_latency: jackd dummy did not start (see /tmp/chronus-bench-latency-jackd.log)")
        time.sleep(0.05)
    return server


def measure(supervisor: Supervisor, seconds: float) -> dict:
    """Type for `seconds`; the latency of these commands, lost blocks and xruns meanwhile."""
    from tests.supervisor.test_soak import typing_command

    before = supervisor.status()
    supervisor.latencies_ms.clear()
    start, step = time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        supervisor.send(typing_command(step))
        step += 1
        time.sleep(max(0.0, start + step * COMMAND_PERIOD_S - time.perf_counter()))
    after = supervisor.status()
    return latency_figures(list(supervisor.latencies_ms)) | {
        "lost_blocks": after["lost_blocks"] - before["lost_blocks"],
        "xruns": sum(after["xruns"].values()) - sum(before["xruns"].values()),
    }


def run(seconds: float) -> dict:
    from tests.supervisor.busy import busy_machine
    from tests.supervisor.test_soak import FOUR_VOICES, wait_for_music

    results = {}
    for name, config in settings().items():
        server = jack_dummy(config.block_size)
        print(f"{name} …", flush=True)
        try:
            with Supervisor(config) as supervisor:
                wait_for_music(supervisor)
                for line in FOUR_VOICES:
                    supervisor.send(Message.parse(line))
                time.sleep(1.0)
                device_ms = int(supervisor.control.words[DEVICE_LATENCY_US]) / 1000.0
                row = {"device": supervisor.device, "device_latency_ms": device_ms,
                       "formula_ms": round(formula_ms(config, device_ms), 2),
                       "idle": measure(supervisor, seconds)}
                with busy_machine(seconds + 5):
                    row["loaded"] = measure(supervisor, seconds)
                row["scheduling"] = supervisor.status()["scheduling"]
                results[name] = row
        finally:
            server.terminate()
            server.wait(10)
    return results


def table(results: dict) -> str:
    lines = [f"{'setting':32} {'load':7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'lost':>5} {'xruns':>5} {'formula':>8}"]
    for name, row in results.items():
        for load in ("idle", "loaded"):
            f = row[load]
            lines.append(f"{name:32} {load:7} {f.get('p50_ms', '-'):>7} {f.get('p99_ms', '-'):>7} "
                         f"{f.get('max_ms', '-'):>7} {f['lost_blocks']:>5} {f['xruns']:>5} {row['formula_ms']:>8}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="typing time per setting and load")
    args = parser.parse_args()
    results = run(args.seconds)
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(results, indent=2))
    print(table(results))
    print(f"written {RESULT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
