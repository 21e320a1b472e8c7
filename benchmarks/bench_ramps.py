#!/usr/bin/env python3
"""What a running ramp costs: µs per block of 16 acid voices (saw → acid_filter → adsr, notes playing)
while still, while every filter's cutoff ramps (each voice then renders outside the fused bank with
per-sample params; one of them, or all 16), and while an LFO modulates every cutoff (the same per-sample path, for scale).

Reference, measured in the same run: the still patch (a ramp costs nothing once it has landed: the
voices fuse again). 48 kHz, block 256 (5.33 ms budget), best of RUNS over 2 s.
Writes benchmarks/results/ramps.json.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from chronus_shell.engine import warmup
from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

SR, BLOCK, VOICES, RUNS = 48000, 256, 16, 5
BLOCKS = int(2.0 * SR / BLOCK)
OUT = Path(__file__).resolve().parent / "results" / "ramps.json"


def patch(extra: list[str], voices: int = VOICES) -> Engine:
    """16 playing voices; `extra` lines (with {v}) for the first `voices` of them."""
    engine = Engine(SR, BLOCK)
    lines = []
    for v in range(VOICES):
        lines += [f"/patch/create s{v} saw", f"/patch/create f{v} acid_filter", f"/patch/create e{v} adsr",
                  f"/patch/connect s{v} f{v}", f"/patch/connect f{v} e{v}", f"/patch/connect e{v} master",
                  f"/seq/add t{v} s{v} x.x.x.x.x.x.x.x.", f"/mod/s{v}/gain 0.05"]
        lines += [line.format(v=v) for line in extra] if v < voices else []
    for line in lines + ["/seq/start"]:
        engine.schedule(Message.parse(line), 0)
    engine.render(BLOCK)
    return engine


def per_block_us(engine: Engine) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        for _ in range(BLOCKS):
            engine.render(BLOCK)
        best = min(best, (time.perf_counter() - start) / BLOCKS)
    return best * 1e6


def main() -> None:
    warmup()
    cases = {
        "still (reference)": ([], 0),
        "one cutoff ramping": (["/ramp/f{v}/cutoff 3000 4096"], 1),
        "every cutoff ramping": (["/ramp/f{v}/cutoff 3000 4096"], VOICES),
        "every cutoff and gain ramping": (["/ramp/f{v}/cutoff 3000 4096", "/ramp/s{v}/gain 0.01 4096 lin"], VOICES),
        "an LFO on every cutoff": (["/patch/create l{v} lfo", "/patch/connect l{v} f{v}.cutoff"], VOICES),
    }
    results = {name: per_block_us(patch(*case)) for name, case in cases.items()}
    reference = results["still (reference)"]
    print(f"{VOICES} acid voices, µs per 256-sample block (budget 5333 µs)")
    print(f"{'case':<32} {'µs/block':>9} {'× still':>8}")
    for name, us in results.items():
        print(f"{name:<32} {us:>9.1f} {us / reference:>8.2f}")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps({"voices": VOICES, "block": BLOCK, "us_per_block": results,
                               "ratio_to_still": {k: v / reference for k, v in results.items()}}, indent=2) + "\n")


if __name__ == "__main__":
    main()
