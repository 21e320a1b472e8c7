#!/usr/bin/env python3
"""Chaos: random faults against the live engine — single kills, double kills, stalls of both slots,
time-bomb user modules — while a drone plays; the recording says how much silence the listener got.

A saw drone (never silent on its own) and a kick play for the whole run, recorded from block 0;
every silent block in the take is a gap. Faults come at random times (seeded, so a run can be
repeated): `single` kills the active or the standby slot (a failover: nothing should be lost),
`double` kills both (`/engine/crash` or kill -9 of both pids: a cold restore), `stall` stops both
slot processes with SIGSTOP (the output's watchdog must end them), `bomb` adds a user module that
passes the sandbox and then, in the slots, exits the process or hangs (restore with it bypassed).
A fault is survived when both slots run and the drone sounds again within 1 s. References measured
in the same run: the block period and the gap a single kill leaves (zero when failover works).
Writes benchmarks/results/chaos.json.

    python3 benchmarks/bench_chaos.py [--seconds 60] [--faults 30] [--load 0] [--seed 1]
    python3 benchmarks/bench_chaos.py --minutes 10 --faults 300 --load 1     # the full run
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronus_shell.protocol.message import Message  # noqa: E402
from chronus_shell.supervisor import Config, Supervisor  # noqa: E402

RESULT = ROOT / "benchmarks" / "results" / "chaos.json"
KINDS = ("single", "double", "stall", "bomb")
PATCH = ("/patch/create saw1 saw", "/patch/create acid1 acid_filter", "/patch/connect saw1 acid1",
         "/patch/connect acid1 master", "/mod/saw1/gain 0.3", "/gate/saw1 1 55",
         "/patch/create kick1 kick", "/patch/connect kick1 master", "/seq/bpm 124",
         "/seq/add drums kick1 x...x...x...x...")
BOMB = '''
import multiprocessing, os
from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, number


class Bomb(Module):
    spec = ModuleSpec("{name}", "processor", (number("gain", "ratio", 1, 0, 1, "level"),), "a time bomb")

    def __init__(self, sample_rate):
        super().__init__(sample_rate)
        self.calls = 0

    def process(self, audio_in, params):
        self.calls += 1
        if self.calls > 40 and multiprocessing.current_process().name == "chronus-slot":
            {fault}
        return audio_in * params["gain"]
'''
FAULTS = {"exit": "os._exit(1)", "hang": "while True:\n                pass"}


def bomb_modules(folder: Path, count: int, config: Config):
    """`count` time-bomb types (a fresh type for each bomb: a type that faults twice is quarantined),
    validated by the real sandbox pool; returns (pool, UserModules) to stop afterwards."""
    import multiprocessing

    from chronus_shell.supervisor.user_modules.hot_reload import UserModules
    from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool

    for index in range(count):
        kind = ("exit", "hang")[index % 2]
        name = f"bomb{index}"
        (folder / f"{name}.py").write_text(BOMB.format(name=name, fault=FAULTS[kind]))
    pool = SandboxPool(multiprocessing.get_context(config.start_method), size=2, sample_rate=config.sample_rate,
                       block_size=config.block_size, folder=folder).start()
    modules = UserModules(pool)
    modules.load_all()
    return pool, modules


def inject(supervisor: Supervisor, kind: str, rng: random.Random, bombs: list[str]) -> str:
    pids = [row["pid"] for row in supervisor.status()["slots"] if row["pid"]]
    if kind == "single":
        which = rng.choice(("active", "standby"))
        supervisor.crash(which)
        return f"single ({which})"
    if kind == "double":
        if rng.random() < 0.5:
            supervisor.crash("active")
            supervisor.crash("standby")
            return "double (/engine/crash)"
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        return "double (kill -9)"
    if kind == "stall":
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        return "stall (SIGSTOP both)"
    name = bombs.pop()
    for line in (f"/patch/create {name}x {name}", f"/patch/connect saw1 {name}x", f"/patch/connect {name}x master"):
        supervisor.send(Message.parse(line))
    return f"bomb ({name})"


def survived(supervisor: Supervisor, within_s: float = 1.0) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        status = supervisor.status()
        if all(row["alive"] for row in status["slots"]) and status["level"] > 0.01:
            return True
        time.sleep(0.02)
    return False


def run(seconds: float, faults: int, seed: int, take: Path, modules_folder: Path) -> dict:
    rng = random.Random(seed)
    config = Config.from_env(backend="null")
    plan = [rng.choice(KINDS) for _ in range(faults)]
    bombs = [f"bomb{i}" for i in range(plan.count("bomb"))][::-1]
    pool, modules = bomb_modules(modules_folder, len(bombs), config) if bombs else (None, None)
    supervisor = Supervisor(config)
    supervisor.user_modules.update({name: v.payload() for name, v in (modules.accepted if modules else {}).items()})
    log, began = [], time.monotonic()
    try:
        supervisor.start(record=take)
        for line in PATCH:
            supervisor.send(Message.parse(line))
        warm = 1.0
        time.sleep(warm)
        spacing = (seconds - warm - 1.5) / max(1, faults)
        for kind in plan:
            time.sleep(max(0.3, rng.uniform(0.5, 1.5) * spacing))
            at = time.monotonic() - began
            restores, faults = len(supervisor.restores), set(supervisor.status()["faults"])
            what = inject(supervisor, kind, rng, bombs)

            def handled() -> bool:  # a restore, or (a bomb that hangs in Python) the slots' hang guard
                return len(supervisor.restores) > restores or bool(set(supervisor.status()["faults"]) - faults)

            if kind != "single":  # it has hit when it is handled (a bomb goes off ~0.2 s after it is added)
                deadline = time.monotonic() + 3.0
                while not handled() and time.monotonic() < deadline:
                    time.sleep(0.01)
            ok = survived(supervisor) and (kind == "single" or handled())
            if kind == "bomb":
                name = what.split("(")[1].rstrip(")")
                try:
                    supervisor.send(Message.parse(f"/patch/remove {name}x"))
                except Exception:  # noqa: BLE001 — refused if it never got created
                    pass
            log.append({"at_s": round(at, 2), "kind": kind, "what": what, "survived": ok})
        time.sleep(1.0)
        status = supervisor.status()
    finally:
        supervisor.stop()
        if pool is not None:
            modules.stop()
            pool.stop()
    from tests.supervisor.conftest import read_wav, silent_runs_s  # late: workers re-import this script

    gaps = silent_runs_s(read_wav(take), warm, config.block_size, config.sample_rate)
    return {"config": config, "log": log, "gaps": gaps, "status": status, "supervisor": supervisor,
            "wall_s": time.monotonic() - began}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="run length (default 60)")
    parser.add_argument("--minutes", type=float, help="run length in minutes (overrides --seconds)")
    parser.add_argument("--faults", type=int, default=30, help="faults in the run (default 30)")
    parser.add_argument("--load", type=int, default=0, help="busy processes loading the machine (default 0)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    seconds = 60 * args.minutes if args.minutes else args.seconds
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.load)]
    try:
        with tempfile.TemporaryDirectory(prefix="chronus-chaos-") as tmp:
            os.environ["CHRONUS_HOME"] = tmp
            folder = Path(tmp) / "modules"
            folder.mkdir()
            outcome = run(seconds, args.faults, args.seed, Path(tmp) / "take.wav", folder)
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    cfg, log, gaps, sup = outcome["config"], outcome["log"], outcome["gaps"], outcome["supervisor"]
    block_ms = 1000 * cfg.block_size / cfg.sample_rate
    by_kind = {}
    for kind in KINDS:
        entries = [e for e in log if e["kind"] == kind]
        by_kind[kind] = {"faults": len(entries), "survived": sum(e["survived"] for e in entries)}
    restores = sup.restore_figures()
    restore_gaps = [r["gap_s"] for r in restores]
    result = {
        "seconds": round(seconds, 1), "wall_s": round(outcome["wall_s"], 1), "seed": args.seed, "load": args.load,
        "cpus": os.cpu_count(), "block_ms": round(block_ms, 3), "start_method": cfg.start_method,
        "faults": len(log), "survived": sum(e["survived"] for e in log), "by_kind": by_kind,
        "total_silence_s": round(sum(gaps), 3), "longest_gap_s": round(max(gaps, default=0.0), 3),
        "gaps": len(gaps), "restores": len(restores), "failovers": len(sup.failovers),
        "restore_gap_s": {"median": round(float(np.median(restore_gaps)), 3) if restore_gaps else None,
                          "max": max(restore_gaps, default=None)},
        "reference": {"block_ms": round(block_ms, 3),
                      "single_kill_lost_blocks": sum(f["lost_blocks"] for f in sup.failovers[:1])},
        "problems": sup.problems[-20:], "log": log,
    }
    _print_table(result)
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2))
    print(f"wrote {RESULT.relative_to(ROOT)}")
    return 0 if result["survived"] == result["faults"] and result["longest_gap_s"] < 0.5 else 1


def _print_table(r: dict) -> None:
    print(f"\nchaos: {r['faults']} faults in {r['seconds']} s (load {r['load']}, {r['cpus']} CPUs, "
          f"{r['start_method']}, block {r['block_ms']} ms)")
    print(f"{'fault':<10}{'injected':>10}{'survived':>10}")
    for kind, row in r["by_kind"].items():
        print(f"{kind:<10}{row['faults']:>10}{row['survived']:>10}")
    print(f"{'all':<10}{r['faults']:>10}{r['survived']:>10}")
    print(f"total silence {r['total_silence_s']:.3f} s in {r['gaps']} gaps; longest gap {r['longest_gap_s']:.3f} s "
          f"(target < 0.5 s); {r['restores']} cold restores (median gap {r['restore_gap_s']['median']} s), "
          f"{r['failovers']} failovers")


if __name__ == "__main__":
    sys.exit(main())
