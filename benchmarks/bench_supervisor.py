#!/usr/bin/env python3
"""Supervisor speed and robustness: failover, re-arm, commit and command latency, start-up, a soak
while typing, and the most voices the live engine plays before the first xrun.

Runs on the JACK dummy device when jackd is installed (an already running server is used, else a
dummy one at 48 kHz / 256 is started and stopped here), otherwise on the null backend. References
measured in the same run: a bare child process from the same start method (start → first message,
and a pipe round trip), a cold `python3 -c "import numpy"`, the block period, and the offline
voices per core of the same voice rendered in this process (and bench_engine.py's figure when
benchmarks/results/engine.json exists). Writes benchmarks/results/supervisor.json.

    python3 benchmarks/bench_supervisor.py [--minutes N] [--crashes N] [--backend auto|jack|null]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_voices import bench_voices, offline_voices_per_core  # noqa: E402
from live_rig import counters, delta, lockstep, send_all, start  # noqa: E402

from chronus_shell.protocol.message import Message  # noqa: E402
from chronus_shell.supervisor import Config, Supervisor  # noqa: E402
from chronus_shell.supervisor.rings import FAILOVERS, LOST_BLOCKS, SLOT_PID, WRITTEN  # noqa: E402

RESULT = ROOT / "benchmarks" / "results" / "supervisor.json"
ENGINE_RESULT = ROOT / "benchmarks" / "results" / "engine.json"
JACK_ENV = dict(os.environ, JACK_NO_AUDIO_RESERVATION="1", JACK_NO_START_SERVER="1")
COMMITS = 20
WARM_STARTS, COLD_STARTS = 3, 2


# -- helpers ---------------------------------------------------------------------------------
def soak_test():
    """The soak test's patch and typing (imported late: every worker re-imports this script as its
    main module, and pytest must not slow their start-up)."""
    from tests.supervisor import test_soak

    return test_soak


def wait_for_music(supervisor: Supervisor, timeout: float = 30.0) -> None:
    soak_test().wait_for_music(supervisor, timeout)


def figures(values: list[float]) -> dict:
    if not values:
        return {"count": 0}
    ordered = sorted(values)
    return {"count": len(ordered), "median": round(statistics.median(ordered), 3),
            "p99": round(ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 3),
            "max": round(ordered[-1], 3)}


# -- the JACK dummy device -----------------------------------------------------------------------
def jack_running() -> bool:
    if shutil.which("jack_wait") is None:
        return False
    probe = subprocess.run(["jack_wait", "-c"], capture_output=True, text=True, env=JACK_ENV)
    return probe.stdout.strip() == "running"


def open_device(choice: str) -> tuple[str, subprocess.Popen | None, str]:
    """(backend for Config, the jackd we started or None, a description)."""
    if choice == "null":
        return "null", None, "null (clock-paced)"
    if jack_running():
        return "sounddevice", None, "JACK (a server that was already running)"
    if shutil.which("jackd") is None:
        if choice == "jack":
            raise SystemExit("bench_supervisor: --backend jack but jackd is not installed (apt-get install jackd2)")
        return "null", None, "null (clock-paced; jackd is not installed)"
    log = open("/tmp/chronus-bench-jackd.log", "w")
    server = subprocess.Popen(["jackd", "-d", "dummy", "-r", "48000", "-p", "256", "-C", "0", "-P", "2"],
                              stdout=log, stderr=subprocess.STDOUT, env=JACK_ENV)
    deadline = time.monotonic() + 20
    while not jack_running():
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise SystemExit("bench_supervisor: jackd dummy did not start (see /tmp/chronus-bench-jackd.log)")
        time.sleep(0.05)
    return "sounddevice", server, "JACK dummy 48 kHz / 256 (started by this benchmark)"


# -- references ------------------------------------------------------------------------------
def _echo(conn) -> None:
    conn.send("up")
    while (item := conn.recv()) is not None:
        conn.send(item)


def bare_child(start_method: str, pings: int = 200) -> dict:
    """A child with nothing in it from the same start method: start → first message, pipe round trip."""
    ctx = multiprocessing.get_context(start_method)
    starts, trips = [], []
    for _ in range(5):
        parent, child = ctx.Pipe()
        began = time.perf_counter()
        process = ctx.Process(target=_echo, args=(child,), daemon=True)
        process.start()
        parent.recv()
        starts.append(1000 * (time.perf_counter() - began))
        for _ in range(pings // 5):
            began = time.perf_counter()
            parent.send(1)
            parent.recv()
            trips.append(1000 * (time.perf_counter() - began))
        parent.send(None)
        process.join(5)
    return {"start_ms": statistics.median(starts), "round_trip_ms": statistics.median(trips)}


def python_with_numpy_ms() -> float:
    runs = []
    for _ in range(3):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import numpy"], check=True)
        runs.append(1000 * (time.perf_counter() - began))
    return statistics.median(runs)


def engine_bench_voices_per_core() -> float | None:
    """bench_engine.py's offline voices per core (`max_real_time_voices`), when its JSON is there."""
    try:
        value = json.loads(ENGINE_RESULT.read_text()).get("max_real_time_voices")
    except (OSError, ValueError):
        return None
    return float(value) if isinstance(value, (int, float)) else None


# -- (a) + (b): failover and re-arm -------------------------------------------------------------
def _armed(supervisor: Supervisor) -> bool:
    slots = supervisor.slots
    if any(slot is None or not slot.alive() for slot in slots):
        return False
    if not any(s.ready.is_set() and s.alive() for s in list(supervisor.spares)):
        return False
    play = supervisor.play_block
    return all(int(ring.header[WRITTEN]) > play for ring in supervisor.rings)


def _wait(condition, timeout: float, poll: float = 0.0002) -> float | None:
    """perf_counter() when `condition()` first held, or None after `timeout` seconds."""
    deadline = time.perf_counter() + timeout
    while (now := time.perf_counter()) < deadline:
        if condition():
            return now
        time.sleep(poll)
    return None


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
    supervisor = start(backend)
    try:
        send_all(supervisor, soak_test().FOUR_VOICES)
        time.sleep(1.0)  # the patch's first blocks are past (see first_patch_* in the soak)
        before = counters(supervisor)
        switch_ms, first_block_ms, rearm_ms, lossy, skipped = [], [], [], [], 0
        for crash in range(crashes):
            if _wait(lambda: _armed(supervisor), 10.0, 0.002) is None:
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
            "kill_to_standby_ms": figures([f["kill_to_standby_ms"] for f in records if f["kill_to_standby_ms"] is not None]),
            "replace_ms": figures([f["replace_ms"] for f in records]),
            "output_switches": after["switches"] - before["switches"],
            "kill_to_switch_ms": figures(switch_ms),
            "switch_decision_ms": figures([s["switch_ms"] for s in supervisor.switches]),
            "kill_to_first_block_ms": figures(first_block_ms),
            "kill_to_spare_ready_ms": figures(rearm_ms),
            "lost_blocks": after["lost_blocks"] - before["lost_blocks"], "crashes_that_lost": lossy,
            "xruns": {"portaudio": after["xruns_portaudio"] - before["xruns_portaudio"],
                      "jack": after["xruns_jack"] - before["xruns_jack"]},
            "lockstep_after": lockstep(supervisor), "problems": list(supervisor.problems),
        }
    finally:
        supervisor.stop()


# -- (c): commit ------------------------------------------------------------------------------
def bench_commits(backend: str) -> dict:
    supervisor = start(backend)
    try:
        send_all(supervisor, soak_test().FOUR_VOICES)
        time.sleep(1.0)
        block, rate = supervisor.config.block_size, supervisor.config.sample_rate
        samples, heard_ms, stamp_gap = [], [], []
        before = counters(supervisor)
        for n in range(COMMITS):
            change = (["/patch/create csq square", "/mod/csq/gain 0.1", "/patch/connect csq master"]
                      if n % 2 == 0 else ["/patch/remove csq"])
            send_all(supervisor, ["/patch/begin", *change])
            played = supervisor.play_block * block
            sent = time.perf_counter()
            supervisor.send(Message.parse("/patch/commit"))
            stamp = supervisor._last_stamp  # the commit's target sample (the latest stamp given out)
            start_sample = None
            while time.perf_counter() - sent < 5:
                commits = supervisor.slot_status().get("commits", [])
                if commits and commits[-1] >= played:
                    start_sample = commits[-1]
                    break
                time.sleep(0.002)
            if start_sample is None:
                continue
            reached = _wait(lambda: supervisor.play_block * block >= start_sample, 5.0)
            samples.append(start_sample - played)
            stamp_gap.append(start_sample - stamp)
            if reached is not None:
                heard_ms.append(1000 * (reached - sent))
            time.sleep(0.1)
        after = counters(supervisor)
        return {
            "commits": len(samples),
            "command_to_crossfade_ms": figures([1000 * s / rate for s in samples]),
            "command_to_crossfade_blocks": figures([s / block for s in samples]),
            "crossfade_after_stamp_samples": figures(stamp_gap),
            "command_to_crossfade_wall_ms": figures(heard_ms),
            "lost_blocks": after["lost_blocks"] - before["lost_blocks"],
            "faults": supervisor.slot_status().get("faults", []),
        }
    finally:
        supervisor.stop()


# -- (e): start-up ----------------------------------------------------------------------------
def startup_child(backend: str) -> None:
    """Runs in a fresh interpreter (cold start): prints one JSON line when the first block played."""
    began = time.perf_counter()
    supervisor = Supervisor(Config.from_env(backend=backend))
    supervisor.start()
    returned = time.perf_counter()
    wait_for_music(supervisor, timeout=120)
    first = time.perf_counter()
    print(json.dumps({"start_returned_ms": 1000 * (returned - began), "first_block_ms": 1000 * (first - began)}),
          flush=True)
    supervisor.stop()


def bench_startup(backend: str) -> dict:
    warm = []
    for _ in range(WARM_STARTS):
        began = time.perf_counter()
        supervisor = Supervisor(Config.from_env(backend=backend)).start()
        try:
            wait_for_music(supervisor, timeout=120)
            warm.append(1000 * (time.perf_counter() - began))
        finally:
            supervisor.stop()
    cold, cold_inside = [], []
    for _ in range(COLD_STARTS):
        began = time.perf_counter()
        child = subprocess.Popen([sys.executable, __file__, "--startup-child", "--backend-value", backend],
                                 stdout=subprocess.PIPE, text=True, env=JACK_ENV, cwd=ROOT)
        line = child.stdout.readline()
        wall = 1000 * (time.perf_counter() - began)
        child.wait(60)
        if line.strip():
            cold.append(wall)
            cold_inside.append(json.loads(line)["first_block_ms"])
    return {"warm_start_to_first_block_ms": figures(warm),
            "cold_process_to_first_block_ms": figures(cold),
            "cold_start_to_first_block_ms": figures(cold_inside)}


# -- (d) + (f): soak while typing --------------------------------------------------------------
def bench_soak(backend: str, seconds: float) -> dict:
    supervisor = Supervisor(Config.from_env(backend=backend)).start()
    try:
        wait_for_music(supervisor)
        before_patch = counters(supervisor)
        send_all(supervisor, soak_test().FOUR_VOICES)
        time.sleep(1.0)
        before = counters(supervisor)
        played = soak_test().play_while_typing(supervisor, seconds)
        after = counters(supervisor)
        status = supervisor.status()
        cfg = supervisor.config
        block_ms = 1000 * cfg.block_size / cfg.sample_rate
        soak = delta(after, before)
        return {
            "seconds": round(played["seconds"], 2), "commands": played["commands"],
            "first_patch": delta(before, before_patch), **soak,
            "late_commands": [row["late_commands"] for row in status["slots"]],
            "slot_cpu_percent": [row["cpu_percent"] for row in status["slots"]],
            "send_ms": figures(played["send_ms"]),
            "stamp_latency_ms": figures(supervisor.latencies_ms),
            "stamp_latency_blocks": figures([ms / block_ms for ms in supervisor.latencies_ms]),
            "designed_latency_blocks": supervisor.ahead + supervisor.margin_blocks,
            "audible_fraction": round(sum(level > 0.01 for level in played["levels"]) / max(1, len(played["levels"])), 3),
            "faults": status["faults"], "problems": list(supervisor.problems), "lockstep_after": lockstep(supervisor),
        }
    finally:
        supervisor.stop()


# -- main -------------------------------------------------------------------------------------
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="soak length (default 1)")
    parser.add_argument("--crashes", type=int, default=100, help="active-slot kills (default 100)")
    parser.add_argument("--backend", choices=("auto", "jack", "null"), default="auto")
    parser.add_argument("--startup-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--backend-value", default="null", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.startup_child:
        startup_child(args.backend_value)
        return 0
    began = time.perf_counter()
    backend, jackd, device = open_device(args.backend)
    load_before = os.getloadavg()
    try:
        cfg = Config.from_env(backend=backend)
        block_ms = 1000 * cfg.block_size / cfg.sample_rate
        print(f"device: {device}; {cfg.sample_rate} Hz, {cfg.block_size}-sample blocks ({block_ms:.2f} ms), "
              f"start method {cfg.start_method}, {os.cpu_count()} CPUs, load {load_before[0]:.2f}", flush=True)
        failover = bench_failover(backend, args.crashes)
        print(f"  failover: {failover['failovers']} crashes done", flush=True)
        bare = bare_child(cfg.start_method)
        numpy_ms = python_with_numpy_ms()
        commits = bench_commits(backend)
        print(f"  commits: {commits['commits']} done", flush=True)
        startup = bench_startup(backend)
        print("  start-up done", flush=True)
        soak = bench_soak(backend, 60 * args.minutes)
        print(f"  soak: {soak['seconds']} s done", flush=True)
        voices = bench_voices(backend)
        offline = offline_voices_per_core(cfg.block_size, cfg.sample_rate)
        engine_vpc = engine_bench_voices_per_core()
    finally:
        if jackd is not None:
            jackd.terminate()
            jackd.wait(10)
    result = {
        "device": device, "backend": backend, "sample_rate": cfg.sample_rate, "block_size": cfg.block_size,
        "block_ms": block_ms, "start_method": cfg.start_method, "cpus": os.cpu_count(),
        "load_average_before": load_before[0], "load_average_after": os.getloadavg()[0],
        "reference": {"bare_child_start_ms": bare["start_ms"], "pipe_round_trip_ms": bare["round_trip_ms"],
                      "python_import_numpy_ms": numpy_ms, "block_ms": block_ms,
                      "offline_voices_per_core": offline["voices_per_core"], "offline_block_ms": offline["block_ms"],
                      "offline_voices": offline["voices"], "bench_engine_voices_per_core": engine_vpc},
        "failover": failover, "commit": commits, "startup": startup, "soak": soak, "voices": voices,
    }
    ratios = result["ratios"] = {
        "kill_to_standby_p50_vs_pipe_round_trip": _ratio(failover["kill_to_standby_ms"], bare["round_trip_ms"]),
        "replace_p50_vs_pipe_round_trip": _ratio(failover["replace_ms"], bare["round_trip_ms"]),
        "kill_to_standby_p50_blocks": _ratio(failover["kill_to_standby_ms"], block_ms),
        "rearm_p50_vs_bare_child_start": _ratio(failover["kill_to_spare_ready_ms"], bare["start_ms"]),
        "commit_p50_blocks": commits["command_to_crossfade_blocks"].get("median"),
        "warm_start_vs_bare_child_start": _ratio(startup["warm_start_to_first_block_ms"], bare["start_ms"]),
        "cold_process_vs_python_import_numpy": _ratio(startup["cold_process_to_first_block_ms"], numpy_ms),
        "live_voices_vs_offline_per_core": voices["max_voices_clean"] / offline["voices_per_core"],
        "live_sustained_voices_vs_offline_per_core": voices["max_voices_sustained"] / offline["voices_per_core"],
        "live_voices_vs_bench_engine_per_core": None if not engine_vpc else voices["max_voices_clean"] / engine_vpc,
    }
    result["wall_s"] = round(time.perf_counter() - began, 1)
    _print_table(result, ratios)
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2))
    print(f"wrote {RESULT.relative_to(ROOT)} ({result['wall_s']} s)")
    if failover["lost_blocks"] or failover["failovers"] < args.crashes:
        print(f"FAILED: {failover['failovers']}/{args.crashes} failovers, {failover['lost_blocks']} lost blocks "
              "(a failover must lose nothing)")
        return 1
    return 0


def _ratio(fig: dict, reference: float) -> float | None:
    return None if not fig.get("count") or not reference else round(fig["median"] / reference, 2)


def _print_table(r: dict, ratios: dict) -> None:
    f, c, s, k, v = r["failover"], r["commit"], r["startup"], r["soak"], r["voices"]
    ref = r["reference"]

    def row(name: str, fig: dict, unit: str = "ms", ratio=None) -> None:
        if not fig.get("count"):
            print(f"{name:<36}{'—':>9}")
            return
        tail = "" if ratio is None else f"{ratio:>10.2f}"
        print(f"{name:<36}{fig['median']:>9.2f}{fig['p99']:>9.2f}{fig['max']:>9.2f}  {unit:<7}{tail}")

    print(f"\n{'measure':<36}{'p50':>9}{'p99':>9}{'max':>9}  {'unit':<7}{'ratio p50':>10}")
    row(f"kill → standby ({f['failovers']} kills)", f["kill_to_standby_ms"], "ms", ratios["kill_to_standby_p50_vs_pipe_round_trip"])
    row("replace (in the supervisor)", f["replace_ms"], "ms", ratios["replace_p50_vs_pipe_round_trip"])
    row(f"kill → output switch ({f['output_switches']}×)", f["kill_to_switch_ms"])
    row("kill → new standby's first block", f["kill_to_first_block_ms"])
    row("kill → new spare ready (re-arm)", f["kill_to_spare_ready_ms"], "ms", ratios["rearm_p50_vs_bare_child_start"])
    row("commit → crossfade start", c["command_to_crossfade_ms"])
    row("commit → crossfade start", c["command_to_crossfade_blocks"], "blocks")
    row("commit → crossfade heard (wall)", c["command_to_crossfade_wall_ms"])
    row("command → audible (stamp)", k["stamp_latency_ms"])
    row("command → audible (stamp)", k["stamp_latency_blocks"], "blocks")
    row("send() in the shell", k["send_ms"])
    row("start → first block (warm)", s["warm_start_to_first_block_ms"], "ms", ratios["warm_start_vs_bare_child_start"])
    row("process → first block (cold)", s["cold_process_to_first_block_ms"], "ms", ratios["cold_process_vs_python_import_numpy"])
    row("start → first block (cold)", s["cold_start_to_first_block_ms"])
    print(f"references: bare child start {ref['bare_child_start_ms']:.2f} ms, pipe round trip "
          f"{ref['pipe_round_trip_ms']:.3f} ms, python -c 'import numpy' {ref['python_import_numpy_ms']:.0f} ms, "
          f"block {ref['block_ms']:.2f} ms")
    print(f"failover: lost blocks {f['lost_blocks']} (in {len(f['crashes_that_lost'])} crashes), xruns {f['xruns']}, lockstep after {f['lockstep_after']}, "
          f"problems {len(f['problems'])}")
    print(f"soak {k['seconds']} s, {k['commands']} commands: xruns PortAudio {k['xruns_portaudio']} / JACK "
          f"{k['xruns_jack']}, lost blocks {k['lost_blocks']}, switches {k['switches']}, late commands "
          f"{k['late_commands']}, slot CPU {k['slot_cpu_percent']} %, audible {k['audible_fraction']:.0%}; "
          f"loading the patch: {k['first_patch']}")
    engine = ref["bench_engine_voices_per_core"]
    print(f"voices: {v['max_voices_clean']} clean before the first xrun/lost block (steps of {v['step']}, "
          f"{v['hold_s']} s each; first trouble at {v['first_trouble_voices']}, sustained up to "
          f"{v['max_voices_sustained']}, failed twice at {v['failed_twice_at']}); offline {ref['offline_voices_per_core']:.0f} voices/core here "
          f"(ratio {ratios['live_voices_vs_offline_per_core']:.2f}); bench_engine: "
          + ("no benchmarks/results/engine.json" if engine is None else
             f"{engine:.0f} voices/core (ratio {ratios['live_voices_vs_bench_engine_per_core']:.2f})"))


if __name__ == "__main__":
    sys.exit(main())
