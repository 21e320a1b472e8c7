#!/usr/bin/env python3
"""Offline render speed and determinism: every examples/*.chr rendered for 30 s, twice.

Each script is loaded with load_script_timed (as `chronus render` does) and rendered with
render_script at 48 kHz, block 256. Reported per script: × real time (30 s / best wall time of the
two renders) and whether the two renders are identical to the byte. Reference, measured in the
same run: 30 s of an empty patch (the Timeline's fixed per-block cost), so `ratio_to_empty` says
how much the script's patch adds on top. Writes benchmarks/results/render.json.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

from chronus_shell.engine import warmup
from chronus_shell.engine.timeline import render_script
from chronus_shell.language.script import load_script_timed

ROOT = Path(__file__).resolve().parent.parent
SR, BLOCK = 48000, 256
SECONDS = 30.0


def timed_render(events) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    audio = render_script(events, SECONDS, SR, BLOCK, None)
    return time.perf_counter() - start, audio


def main() -> int:
    start = time.perf_counter()
    warmup()
    empty_s = min(timed_render([])[0] for _ in range(2))
    scripts = sorted((ROOT / "examples").glob("*.chr"))
    if not scripts:
        raise SystemExit("no examples/*.chr found")
    rows = {}
    for script in scripts:
        load_start = time.perf_counter()
        events, end = load_script_timed(script, SR)
        load_s = time.perf_counter() - load_start
        first_s, first = timed_render(events)
        second_s, second = timed_render(events)
        best = min(first_s, second_s)
        identical = first.tobytes() == second.tobytes()
        peak = float(np.abs(first).max()) if first.size else 0.0
        rows[script.name] = {
            "events": len(events), "script_end_s": end / SR, "load_ms": load_s * 1e3,
            "render_s": [first_s, second_s], "x_real_time": SECONDS / best,
            "ratio_to_empty": best / empty_s, "deterministic": identical,
            "sha256": hashlib.sha256(first.tobytes()).hexdigest()[:16], "peak": peak,
            "silent": peak == 0.0,
        }
    print(f"offline render, {SECONDS:g} s each at {SR} Hz, block {BLOCK} (best of 2 renders)")
    print(f"{'script':<24}{'events':>7}{'end s':>7}{'load ms':>9}{'render s':>10}{'x real time':>13}"
          f"{'vs empty':>10}{'peak':>7}  deterministic")
    for name, r in rows.items():
        print(f"{name:<24}{r['events']:>7}{r['script_end_s']:>7.1f}{r['load_ms']:>9.1f}"
              f"{min(r['render_s']):>10.2f}{r['x_real_time']:>13.1f}{r['ratio_to_empty']:>10.1f}"
              f"{r['peak']:>7.2f}  {'yes' if r['deterministic'] else 'NO'}")
    print(f"{'(empty patch reference)':<24}{0:>7}{'':>7}{'':>9}{empty_s:>10.3f}{SECONDS / empty_s:>13.1f}{1.0:>10.1f}")
    all_identical = all(r["deterministic"] for r in rows.values())
    slowest = min(rows, key=lambda name: rows[name]["x_real_time"])
    print(f"deterministic (two renders byte-identical) for every script: {'yes' if all_identical else 'NO'}; "
          f"slowest: {slowest} at {rows[slowest]['x_real_time']:.1f}x real time")
    result = {
        "seconds": SECONDS, "sample_rate": SR, "block": BLOCK,
        "reference": "render_script of an empty event list for the same 30 s",
        "empty_render_s": empty_s, "empty_x_real_time": SECONDS / empty_s,
        "scripts": rows, "all_deterministic": all_identical,
        "slowest": {"script": slowest, "x_real_time": rows[slowest]["x_real_time"]},
    }
    out = ROOT / "benchmarks" / "results" / "render.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)} in {time.perf_counter() - start:.0f} s")
    return 0 if all_identical else 1


if __name__ == "__main__":
    sys.exit(main())
