#!/usr/bin/env python3
"""Engine speed: how many saw → acid_filter → adsr → master voices render in real time on one core.

Block 256 at 48 kHz, so every block has a 5.33 ms budget. For each voice count N the patch is built
through Engine.schedule (the messages the shell sends), every gate is opened at 110 Hz, and
engine.render_stereo(256) (the stereo output) is timed over 2 s of audio (best mean of three runs;
p99 over all blocks, since one slow block is a dropout). The largest N in real time is interpolated between measured counts.

References, measured in the same run so noisy machines cancel out:
- numpy baseline: np.sin over 256×N float64 samples per block (what N voices of the cheapest
  vectorised DSP cost), so `ratio_to_numpy` says how many "np.sin passes" the engine costs;
- one voice, so `ratio_to_one_voice / N` says how linear the cost is in N.

Then cProfile of N=64 (top 15 functions by cumulative and by own time, and own time grouped by
source file) shows where the Python overhead goes. Writes benchmarks/results/engine.json.
"""
from __future__ import annotations

import cProfile
import json
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from chronus_shell.engine import warmup
from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

ROOT = Path(__file__).resolve().parent.parent
SR, BLOCK = 48000, 256
BUDGET_S = BLOCK / SR
AUDIO_SECONDS = 2.0
BLOCKS = int(round(AUDIO_SECONDS * SR / BLOCK))      # 375 blocks = 2 s
RUNS = 3
VOICES = (1, 8, 16, 32, 64, 96, 128, 192, 256, 320)
TARGET_VOICES = 64
PROFILE_VOICES = 64
TOP = 15


def voice_engine(count: int) -> Engine:
    """`count` voices of saw → acid_filter → adsr → master, every gate open at 110 Hz."""
    engine = Engine(SR, BLOCK)
    for i in range(1, count + 1):
        for line in (f"/patch/create saw{i} saw", f"/patch/create acid_filter{i} acid_filter",
                     f"/patch/create adsr{i} adsr", f"/patch/connect saw{i} acid_filter{i}",
                     f"/patch/connect acid_filter{i} adsr{i}", f"/patch/connect adsr{i} master",
                     f"/gate/saw{i} 1 110"):
            engine.schedule(Message.parse(line))
    engine.render(BLOCK)          # applies the queue and builds the topological order
    return engine


def time_blocks(step) -> tuple[float, list[float]]:
    """Best-of-RUNS mean seconds per block, and every block's seconds (for p99)."""
    means, every = [], []
    clock = time.perf_counter
    for _ in range(RUNS):
        times = []
        for _ in range(BLOCKS):
            start = clock()
            step()
            times.append(clock() - start)
        means.append(sum(times) / BLOCKS)
        every.extend(times)
    return min(means), every


def engine_seconds(count: int) -> tuple[float, float]:
    engine = voice_engine(count)
    mean, every = time_blocks(lambda: engine.render_stereo(BLOCK))
    out = engine.render_stereo(BLOCK)
    if not np.isfinite(out).all() or not np.abs(out).max() > 0:
        raise SystemExit(f"{count} voices rendered silence or NaN: the patch is not sounding")
    return mean, percentile(every, 0.99)


def numpy_seconds(count: int) -> float:
    """np.sin over 256×N samples: the cheapest vectorised stand-in for N voices."""
    phase = np.linspace(0.0, 2 * np.pi, BLOCK * count)
    out = np.empty_like(phase)
    mean, _ = time_blocks(lambda: np.sin(phase, out=out))
    return mean


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def interpolate_max_voices(rows: dict[int, dict]) -> tuple[float, str]:
    """Largest N with real-time factor ≥ 1, linear in seconds/block between measured counts."""
    counts = sorted(rows)
    secs = [rows[n]["seconds"] for n in counts]
    if secs[0] > BUDGET_S:
        return 0.0, "not even one voice is in real time"
    for (n0, s0), (n1, s1) in zip(zip(counts, secs), zip(counts[1:], secs[1:])):
        if s0 <= BUDGET_S < s1:
            return n0 + (BUDGET_S - s0) * (n1 - n0) / (s1 - s0), f"interpolated between {n0} and {n1}"
    n0, n1, s0, s1 = counts[-2], counts[-1], secs[-2], secs[-1]
    slope = (s1 - s0) / (n1 - n0)
    guess = n1 + (BUDGET_S - s1) / slope if slope > 0 else float("inf")
    return guess, f"extrapolated beyond {n1} (every measured count is in real time)"


def short_name(key: tuple[str, int, str]) -> str:
    filename, line, func = key
    if filename == "~":
        return func                                   # builtins such as {method 'astype' ...}
    path = Path(filename)
    parts = path.parts
    if "chronus_shell" in parts:
        path = Path(*parts[parts.index("chronus_shell"):])
    elif "site-packages" in parts or "dist-packages" in parts:
        marker = "site-packages" if "site-packages" in parts else "dist-packages"
        path = Path(*parts[parts.index(marker) + 1:])
    else:
        path = Path(path.name)
    return f"{path}:{line}({func})"


def file_group(key: tuple[str, int, str]) -> str:
    filename, _, func = key
    if filename == "~":
        return "builtins / C extensions (numpy ufuncs & methods, numba dispatch, ...)"
    return short_name((filename, 0, "")).rsplit(":", 1)[0]


def profile(count: int) -> dict:
    engine = voice_engine(count)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for _ in range(BLOCKS):
        engine.render(BLOCK)
    profiler.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    entries = []
    for key, (_, ncalls, tottime, cumtime, _) in stats.stats.items():
        entries.append({"function": short_name(key), "ncalls": ncalls,
                        "calls_per_block": ncalls / BLOCKS,
                        "tottime_s": tottime, "cumtime_s": cumtime,
                        "tottime_us_per_block": tottime / BLOCKS * 1e6,
                        "cumtime_us_per_block": cumtime / BLOCKS * 1e6,
                        "_group": file_group(key)})
    total = sum(e["tottime_s"] for e in entries)
    groups: dict[str, float] = defaultdict(float)
    for e in entries:
        groups[e.pop("_group")] += e["tottime_s"]
    by_file = [{"file": name, "tottime_s": t, "percent": 100 * t / total}
               for name, t in sorted(groups.items(), key=lambda kv: -kv[1])]
    by_cum = sorted(entries, key=lambda e: -e["cumtime_s"])[:TOP]
    by_tot = sorted(entries, key=lambda e: -e["tottime_s"])[:TOP]
    return {"voices": count, "blocks": BLOCKS, "profiled_wall_s": wall,
            "profiled_us_per_block": wall / BLOCKS * 1e6,
            "total_function_calls": sum(e["ncalls"] for e in entries),
            "function_calls_per_block": sum(e["ncalls"] for e in entries) / BLOCKS,
            "top_cumulative": by_cum, "top_tottime": by_tot, "tottime_by_file": by_file[:TOP]}


def print_profile(prof: dict) -> None:
    print(f"\ncProfile, {prof['voices']} voices, {prof['blocks']} blocks "
          f"({prof['profiled_us_per_block']:.0f} µs/block under the profiler, "
          f"{prof['function_calls_per_block']:.0f} Python-visible calls/block)")
    for title, key, rows in (("by cumulative time", "cumtime", prof["top_cumulative"]),
                             ("by own (total) time", "tottime", prof["top_tottime"])):
        print(f"top {TOP} {title}:")
        print(f"  {'calls/blk':>9} {'own µs/blk':>11} {'cum µs/blk':>11}  function")
        for e in rows:
            print(f"  {e['calls_per_block']:>9.0f} {e['tottime_us_per_block']:>11.1f} "
                  f"{e['cumtime_us_per_block']:>11.1f}  {e['function']}")
    print("own time grouped by file:")
    for g in prof["tottime_by_file"][:8]:
        print(f"  {g['percent']:>5.1f} %  {g['file']}")


def main() -> int:
    start = time.perf_counter()
    warmup()
    warmup_s = time.perf_counter() - start
    rows: dict[int, dict] = {}
    for n in VOICES:
        seconds, p99 = engine_seconds(n)
        rows[n] = {"seconds": seconds, "p99": p99, "numpy": numpy_seconds(n)}
    one = rows[1]["seconds"]
    max_voices, how = interpolate_max_voices(rows)
    target_met = rows[TARGET_VOICES]["seconds"] <= BUDGET_S
    voices = {}
    print(f"saw → acid_filter → adsr → master, block {BLOCK} @ {SR} Hz (budget {BUDGET_S * 1e3:.2f} ms), "
          f"{AUDIO_SECONDS:g} s of audio per run, best of {RUNS}")
    print(f"{'voices':>6} {'x real time':>12} {'µs/block':>10} {'budget %':>9} {'p99 µs':>9} "
          f"{'p99 %':>7} {'np.sin µs':>10} {'vs np.sin':>10} {'vs 1 voice':>11} {'µs/voice':>9}")
    for n, r in rows.items():
        s = r["seconds"]
        voices[str(n)] = {
            "real_time_factor": BUDGET_S / s, "us_per_block": s * 1e6,
            "budget_percent": 100 * s / BUDGET_S,
            "p99_us_per_block": r["p99"] * 1e6, "p99_budget_percent": 100 * r["p99"] / BUDGET_S,
            "us_per_voice_per_block": s * 1e6 / n,
            "numpy_sin_us_per_block": r["numpy"] * 1e6, "ratio_to_numpy": s / r["numpy"],
            "ratio_to_one_voice": s / one,
        }
        v = voices[str(n)]
        print(f"{n:>6} {v['real_time_factor']:>12.2f} {v['us_per_block']:>10.1f} {v['budget_percent']:>9.1f} "
              f"{v['p99_us_per_block']:>9.1f} {v['p99_budget_percent']:>7.1f} "
              f"{v['numpy_sin_us_per_block']:>10.1f} {v['ratio_to_numpy']:>10.1f} "
              f"{v['ratio_to_one_voice']:>11.1f} {v['us_per_voice_per_block']:>9.1f}")
    print(f"largest voice count in real time: {max_voices:.0f} ({how})")
    print(f"target {TARGET_VOICES} voices in real time: {'MET' if target_met else 'NOT met'} "
          f"({voices[str(TARGET_VOICES)]['budget_percent']:.0f} % of the budget, "
          f"p99 {voices[str(TARGET_VOICES)]['p99_budget_percent']:.0f} %)")
    prof = profile(PROFILE_VOICES)
    print_profile(prof)
    result = {
        "patch": "saw -> acid_filter -> adsr -> master, gate open at 110 Hz",
        "block": BLOCK, "sample_rate": SR, "budget_ms": BUDGET_S * 1e3,
        "audio_seconds_per_run": AUDIO_SECONDS, "blocks_per_run": BLOCKS, "runs": RUNS,
        "warmup_s": warmup_s,
        "reference": "np.sin over 256*N float64 samples per block (numpy_sin_us_per_block); and one voice",
        "voices": voices,
        "max_real_time_voices": round(max_voices, 1), "max_real_time_voices_method": how,
        "target": {"voices": TARGET_VOICES, "met": target_met,
                   "budget_percent": voices[str(TARGET_VOICES)]["budget_percent"]},
        "per_voice_us_median": statistics.median(v["us_per_voice_per_block"] for n, v in voices.items() if n != "1"),
        "profile": prof,
    }
    out = ROOT / "benchmarks" / "results" / "engine.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)} in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
