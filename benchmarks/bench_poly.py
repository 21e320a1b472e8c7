#!/usr/bin/env python3
"""Polyphony cost: µs per block for N notes of saw → acid_filter → adsr in ONE polyphonic voice.

Block 256 at 48 kHz (5.33 ms budget). For N in 1, 4, 8, 16 the same sound is rendered three ways,
all measured in this run so a noisy machine cancels out:
- poly: one voice, `/patch/poly saw1 N`, a chord of N pitches held (its notes are rows of the
  voice bank: N note rows plus N rows kept for stolen notes, skipped while silent);
- banked: N separate voices, each holding one pitch (the voice bank's own scaling — the reference
  the poly voice must follow);
- alone: the same N voices with the bank turned off (render_plan.FUSE = False), every module its own
  call — what polyphony would cost as separate modules.
Best mean of five runs of 2 s of audio each, the three ways taking turns; p99 over every block. Writes benchmarks/results/poly.json.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

from bench_overhead import engine_with   # the patch of these messages, applied (a sibling script)
from chronus_shell.engine import render_plan, warmup
from chronus_shell.engine.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
SR, BLOCK = 48000, 256
BUDGET_S = BLOCK / SR
BLOCKS = int(round(2.0 * SR / BLOCK))
RUNS = 5
NOTES = (1, 4, 8, 16)


def pitches(count: int) -> list[float]:
    """`count` distinct pitches a whole tone apart from 110 Hz."""
    return [round(110.0 * 2 ** (2 * k / 12), 6) for k in range(count)]


def chain(i: int) -> list[str]:
    return [f"/patch/create saw{i} saw", f"/patch/create acid{i} acid_filter", f"/patch/create adsr{i} adsr",
            f"/patch/connect saw{i} acid{i}", f"/patch/connect acid{i} adsr{i}", f"/patch/connect adsr{i} master",
            f"/mod/saw{i}/gain 0.05"]


def poly_engine(count: int) -> Engine:
    lines = chain(1) + [f"/patch/poly saw1 {count}", "/gate/saw1 1 " + " ".join(map(str, pitches(count)))]
    return engine_with(lines)


def banked_engine(count: int) -> Engine:
    lines = [line for i in range(1, count + 1) for line in chain(i)]
    lines += [f"/gate/saw{i} 1 {hz}" for i, hz in enumerate(pitches(count), start=1)]
    return engine_with(lines)


def timed(engines: dict[str, Engine]) -> dict[str, tuple[float, float]]:
    """Each engine's (best mean seconds per block, p99 seconds per block); the runs take turns, so a
    machine that gets busier mid-way weighs on every engine alike."""
    means: dict[str, list[float]] = {name: [] for name in engines}
    every: dict[str, list[float]] = {name: [] for name in engines}
    for _ in range(RUNS):
        for name, engine in engines.items():
            render_plan.FUSE = name != "alone"      # alone: the same voices with the bank off
            engine._order = None
            times = []
            for _ in range(BLOCKS):
                start = time.perf_counter()
                out = engine.render(BLOCK)
                times.append(time.perf_counter() - start)
            means[name].append(sum(times) / BLOCKS)
            every[name] += times
            if not np.isfinite(out).all() or not np.abs(out).max() > 0:
                raise SystemExit(f"{name} rendered silence or NaN: it is not sounding")
    render_plan.FUSE = True
    return {name: (min(means[name]), sorted(every[name])[int(0.99 * (len(every[name]) - 1))]) for name in engines}


def main() -> int:
    warmup()
    rows = {}
    for count in NOTES:
        measured = timed({"poly": poly_engine(count), "banked": banked_engine(count), "alone": banked_engine(count)})
        (poly, poly_p99), (banked, banked_p99), (alone, _) = measured["poly"], measured["banked"], measured["alone"]
        rows[str(count)] = {"poly_us_per_block": poly * 1e6, "poly_p99_us": poly_p99 * 1e6,
                            "banked_us_per_block": banked * 1e6, "banked_p99_us": banked_p99 * 1e6,
                            "alone_us_per_block": alone * 1e6, "poly_vs_banked": poly / banked,
                            "poly_budget_percent": 100 * poly / BUDGET_S}
    one = rows["1"]
    print(f"N notes of saw → acid_filter → adsr, block {BLOCK} @ {SR} Hz (budget {BUDGET_S * 1e3:.2f} ms), "
          f"best of {RUNS} × 2 s")
    print(f"{'notes':>5} {'poly µs':>9} {'p99':>7} {'banked µs':>10} {'p99':>7} {'alone µs':>9} "
          f"{'poly/banked':>12} {'poly vs 1':>10} {'banked vs 1':>12} {'budget %':>9}")
    for count, r in rows.items():
        r["poly_vs_one_note"] = r["poly_us_per_block"] / one["poly_us_per_block"]
        r["banked_vs_one_voice"] = r["banked_us_per_block"] / one["banked_us_per_block"]
        print(f"{count:>5} {r['poly_us_per_block']:>9.1f} {r['poly_p99_us']:>7.1f} {r['banked_us_per_block']:>10.1f} "
              f"{r['banked_p99_us']:>7.1f} {r['alone_us_per_block']:>9.1f} {r['poly_vs_banked']:>12.2f} "
              f"{r['poly_vs_one_note']:>10.2f} {r['banked_vs_one_voice']:>12.2f} {r['poly_budget_percent']:>9.1f}")
    result = {"patch": "saw -> acid_filter -> adsr -> master; poly: one voice with N notes held; banked: N voices; "
                       "alone: N voices with the bank off (render_plan.FUSE = False)",
              "block": BLOCK, "sample_rate": SR, "budget_ms": BUDGET_S * 1e3, "runs": RUNS, "blocks_per_run": BLOCKS,
              "reference": "banked voices (same N) and the same voices rendered module by module, this run",
              "notes": rows}
    out = ROOT / "benchmarks" / "results" / "poly.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
