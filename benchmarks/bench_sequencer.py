#!/usr/bin/env python3
"""Sequencer accuracy and cost.

1. Onset error over 10 minutes of virtual time at 127 bpm (5669.29… samples a 16th, no whole
   number), block 256: the Sequencer driven block by block (error against the exact rational
   onset n·sps), and a full Engine render of a kick (onsets found in the audio, block by block).
   References in the same run: a block-quantised scheduler (each step at the block start after
   it) and an integer-step accumulator (t += round(sps)), the two usual ways to get this wrong.
2. CPU per 256-sample block: an empty engine (master only, the reference); 16 adsr idle vs played
   by 16 tracks (16/12/7/5-step polymeters, accents, ties): the same DSP either way, so the
   difference is the sequencer, the block splits at events and the note dispatch; 16 kicks idle vs
   played (what a drum pattern costs); Sequencer.events alone with the 16 tracks.
   Median and p99 µs, ratio to the empty engine, % of the 5.33 ms budget.
3. Mini-notation and probability: the same 16 tracks written in mini-notation (euclids,
   subdivisions, rolls, alternations, `?` chances, a track chance and humanize) against today's
   plain patterns (the reference, measured in the same run): Sequencer.events per block, and the
   16-kick render, as a ratio; plus what compiling a pattern costs (once per pattern change).
Writes benchmarks/results/sequencer.json.
"""
from __future__ import annotations

import json
import math
import statistics
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

from chronus_shell.engine import warmup
from chronus_shell.engine.engine import Engine
from chronus_shell.engine.mini_notation import compile_pattern
from chronus_shell.engine.sequencer import Sequencer
from chronus_shell.protocol.message import Message

ROOT = Path(__file__).resolve().parent.parent
SR, BLOCK, BPM = 48000, 256, 127
SPS = Fraction(SR * 60, BPM * 4)
MINUTES = 10
SAMPLES = MINUTES * 60 * SR
STEPS = math.ceil(SAMPLES / SPS)  # steps whose onset falls inside the 10 minutes
COST_BLOCKS = 3000  # 16 s of audio per configuration
PATTERNS = ("xX.x-x..x.x--x..", "x..x..X..x.-", "x.X..x.", "X.x.-") * 4
MINI = ("x(5,16)", "[x x?] x? X? x*2", "<x X .> x(3,8,2)", "x?0.3!4 [x . x]") * 4
MINI_STYLE = ("/seq/chance t{i} 0.8", "/seq/humanize t{i} 0.3")


def exact(n: int) -> Fraction:
    return n * SPS


def errors(onsets: list[int]) -> dict:
    """Error (samples) of each onset against the exact rational onset of its step."""
    diff = [float(o - exact(n)) for n, o in enumerate(onsets)]
    rounded = sum(o != math.floor(exact(n) + Fraction(1, 2)) for n, o in enumerate(onsets))
    return {"onsets": len(onsets), "max_abs_error": max(map(abs, diff)), "mean_error": statistics.fmean(diff),
            "last_error": diff[-1], "not_round_exact": rounded}


def sequencer_onsets() -> list[int]:
    seq = Sequencer(SR)
    for line in (f"/seq/bpm {BPM}", "/seq/add t k " + "x" * 16, "/seq/start"):
        seq.handle(Message.parse(line), 0)
    ons = []
    for start in range(0, SAMPLES, BLOCK):
        ons += [e[0] for e in seq.events(start, BLOCK) if e[2]]
    return ons


def engine_onsets() -> tuple[list[int], float]:
    """Kick onsets found in the rendered audio (first non-zero sample after ≥ 64 zeros)."""
    engine = Engine(SR, BLOCK)
    for line in ("/patch/create k kick", "/patch/connect k master", "/mod/k/decay 10", "/mod/k/gain 0.3",
                 f"/seq/bpm {BPM}", "/seq/add t k " + "x" * 16, "/seq/start"):
        engine.schedule(Message.parse(line), 0)
    ons, last, began = [], -100, time.perf_counter()
    for start in range(0, SAMPLES, BLOCK):
        loud = np.flatnonzero(engine.render(BLOCK)) + start
        if len(loud):
            ons += loud[np.diff(loud, prepend=last) > 64].tolist()
            last = loud[-1]
    return ons, time.perf_counter() - began


def block_quantised() -> list[int]:
    return [math.ceil(exact(n) / BLOCK) * BLOCK for n in range(STEPS)]


def integer_steps() -> list[int]:
    step = round(SPS)
    return [n * step for n in range(STEPS)]


def cost_engine(voices: int, tracks: bool, kind: str = "kick", patterns=PATTERNS) -> Engine:
    """`voices` modules of `kind` on master (an adsr's DSP costs the same gated or not)."""
    engine = Engine(SR, BLOCK)
    lines = [f"/seq/bpm {BPM}"]
    for i in range(voices):
        lines += [f"/patch/create k{i} {kind}", f"/patch/connect k{i} master"]
        lines += [f"/mod/k{i}/gain 0.05"] if kind == "kick" else []
        if tracks:
            lines.append(f"/seq/add t{i} k{i} {patterns[i]}")
            lines += [f.format(i=i) for f in MINI_STYLE] if patterns is MINI and i % 2 else []
    for line in lines + (["/seq/start"] if tracks else []):
        engine.schedule(Message.parse(line), 0)
    engine.render(BLOCK * 40)  # settle, build the order
    return engine


def time_per_block(step) -> list[float]:
    times = []
    for _ in range(COST_BLOCKS):
        began = time.perf_counter()
        step()
        times.append(time.perf_counter() - began)
    return times


def sequencer_only(patterns=PATTERNS):
    engine = cost_engine(16, True, patterns=patterns)
    seq, position = engine.sequencer, [engine.position]

    def step():
        seq.events(position[0], BLOCK)
        position[0] += BLOCK
    return step


def costs() -> dict:
    configs = {"empty engine (reference)": cost_engine(0, False),
               "16 adsr, idle": cost_engine(16, False, "adsr"), "16 adsr + 16 tracks": cost_engine(16, True, "adsr"),
               "16 kicks, idle": cost_engine(16, False), "16 kicks + 16 tracks": cost_engine(16, True)}
    steps = {name: (lambda e=e: e.render(BLOCK)) for name, e in configs.items()}
    steps["Sequencer.events, 16 tracks"] = sequencer_only()
    out = {}
    for name, step in steps.items():
        times = sorted(time_per_block(step))
        out[name] = {"median_us": times[len(times) // 2] * 1e6, "p99_us": times[int(0.99 * len(times))] * 1e6}
    reference = out["empty engine (reference)"]["median_us"]
    for entry in out.values():
        entry["ratio_to_empty"] = entry["median_us"] / reference
        entry["budget_percent"] = entry["median_us"] / (BLOCK / SR * 1e6) * 100
    return out


def step_cost(patterns) -> float:
    """Mean µs of Sequencer.events per step fired (60 s of blocks; the blocks between steps cost ~1 µs)."""
    engine = cost_engine(16, True, patterns=patterns)
    seq, position, first = engine.sequencer, engine.position, engine.sequencer.next_step
    began = time.perf_counter()
    for start in range(position, position + 60 * SR, BLOCK):
        seq.events(start, BLOCK)
    return (time.perf_counter() - began) / (seq.next_step - first) * 1e6


def mini_costs() -> dict:
    """Mini-notation + probability against plain patterns (the reference), same tracks, same run."""
    steps = {"Sequencer.events, 16 plain tracks (reference)": sequencer_only(),
             "Sequencer.events, 16 mini-notation tracks": sequencer_only(MINI)}
    plain, mini = cost_engine(16, True), cost_engine(16, True, patterns=MINI)
    steps["16 kicks + 16 plain tracks (reference)"] = lambda: plain.render(BLOCK)
    steps["16 kicks + 16 mini-notation tracks"] = lambda: mini.render(BLOCK)
    out = {}
    for name, step in steps.items():
        times = sorted(time_per_block(step))
        out[name] = {"median_us": times[len(times) // 2] * 1e6, "p99_us": times[int(0.99 * len(times))] * 1e6}
    names = list(out)
    for plain_name, mini_name in ((names[0], names[1]), (names[2], names[3])):
        out[mini_name]["ratio_to_plain"] = out[mini_name]["median_us"] / out[plain_name]["median_us"]
        out[plain_name]["ratio_to_plain"] = 1.0
    for label, patterns in (("plain tracks (reference)", PATTERNS), ("mini-notation tracks", MINI)):
        out[f"a step fired, 16 {label}"] = {"median_us": step_cost(patterns)}
    fired = [k for k in out if k.startswith("a step fired")]
    out[fired[1]]["ratio_to_plain"] = out[fired[1]]["median_us"] / out[fired[0]]["median_us"]
    out[fired[0]]["ratio_to_plain"] = 1.0
    began = time.perf_counter()
    for n in range(200):
        compile_pattern.__wrapped__(MINI[n % 4] + " " + "x" * (n % 7), n % 2 == 1)
    out["compile one pattern (once per change)"] = {"median_us": (time.perf_counter() - began) / 200 * 1e6}
    return out


def main() -> int:
    warmup()
    began = time.perf_counter()
    accuracy = {"chronus Sequencer (block 256)": errors(sequencer_onsets())}
    seq_seconds = time.perf_counter() - began
    audio_onsets, render_seconds = engine_onsets()
    accuracy["chronus Engine render, audio onsets"] = errors(audio_onsets)
    accuracy["reference: block-quantised"] = errors(block_quantised())
    accuracy["reference: t += round(sps)"] = errors(integer_steps())
    cost = costs()
    mini = mini_costs()
    print(f"onset error over {MINUTES} min of virtual time at {BPM} bpm ({float(SPS):.4f} samples a 16th, "
          f"{STEPS} steps), block {BLOCK}")
    print(f"{'scheduler':<40}{'onsets':>8}{'max |err|':>11}{'mean err':>10}{'last err':>10}{'≠ round':>9}")
    for name, r in accuracy.items():
        print(f"{name:<40}{r['onsets']:>8}{r['max_abs_error']:>11.3f}{r['mean_error']:>10.3f}"
              f"{r['last_error']:>10.3f}{r['not_round_exact']:>9}")
    print(f"(Sequencer alone: {seq_seconds:.2f} s for {MINUTES} min; Engine render: {render_seconds:.1f} s, "
          f"{MINUTES * 60 / render_seconds:.0f}× real time)")
    print(f"\nCPU per {BLOCK}-sample block ({COST_BLOCKS} blocks each; budget {BLOCK / SR * 1e6:.0f} µs)")
    print(f"{'configuration':<34}{'median µs':>11}{'p99 µs':>9}{'× empty':>9}{'% budget':>10}")
    for name, c in cost.items():
        print(f"{name:<34}{c['median_us']:>11.1f}{c['p99_us']:>9.1f}{c['ratio_to_empty']:>9.2f}"
              f"{c['budget_percent']:>10.2f}")
    print(f"\nmini-notation + probability vs plain patterns (16 tracks: {', '.join(MINI[:4])}; "
          f"half of them with chance 0.8 and humanize 0.3)")
    print(f"{'configuration':<48}{'median µs':>11}{'p99 µs':>9}{'× plain':>9}")
    for name, c in mini.items():
        ratio = f"{c['ratio_to_plain']:>9.2f}" if "ratio_to_plain" in c else f"{'':>9}"
        p99 = f"{c['p99_us']:>9.1f}" if "p99_us" in c else f"{'':>9}"
        print(f"{name:<48}{c['median_us']:>11.1f}{p99}{ratio}")
    result = {"sample_rate": SR, "block": BLOCK, "bpm": BPM, "minutes": MINUTES, "steps": STEPS,
              "samples_per_step": float(SPS), "accuracy": accuracy, "cpu_per_block": cost,
              "mini_notation": mini,
              "reference": "empty engine block (cost) and block-quantised / integer-step schedulers (accuracy)",
              "targets": {"max_abs_error": 0.5, "not_round_exact": 0}}
    out = ROOT / "benchmarks" / "results" / "sequencer.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")
    ok = all(accuracy[k]["not_round_exact"] == 0 for k in list(accuracy)[:2])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
