#!/usr/bin/env python3
"""Language speed: parse + map time per command over the whole phrase suite, and grammar load.

The suite is both phrase tables (phrases.txt, harmony_phrases.txt), refusals included: each
phrase is timed in its block's context (as a musician would type it), after the start-up
`chronus translate` does (translate_lines.ready_translator: warmed up, start-up objects frozen
out of the collector's scans). Reported: p50 / p99 / max of wall time and of this process's CPU
time (which other processes on a busy machine do not inflate), the accepted and refused phrases
apart, and the load average, to tell an idle run from a loaded one. The first pass over the suite
is reported on its own, not in the rounds: it is the cold cost a session pays once per kind of
phrase (Lark compiles the regex of each lexer state the first time the parser reaches it, a few
ms each, and the dynamic patterns of the readers enter Python's regex cache). Reference, measured in the
same run: `json.loads` of a JSON string of the same length as the phrase, so the ratio says how
many "small JSON parses" one English command costs. The slowest phrases (by their median CPU time
over the rounds) are named, to say what makes the p99. Writes benchmarks/results/language.json.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

from lark import Lark

ROOT = Path(__file__).resolve().parent.parent
TABLES = [ROOT / "tests" / "language" / name for name in ("phrases.txt", "harmony_phrases.txt")]
sys.path.insert(0, str(ROOT / "tests" / "language"))

from phrase_table import load_table  # noqa: E402

from chronus_shell.language import LanguageError, Translator  # noqa: E402
from chronus_shell.language.grammar import grammar_source  # noqa: E402
from chronus_shell.language.grammar_template import filled  # noqa: E402
from chronus_shell.language.translate_lines import ready_translator  # noqa: E402

ROUNDS = 20
TAIL_SHOWN = 12         # slowest phrases printed (40 in language.json)


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summary(samples: list[float]) -> dict[str, float]:
    return {"p50_ms": percentile(samples, 0.5) * 1e3, "p99_ms": percentile(samples, 0.99) * 1e3,
            "max_ms": max(samples) * 1e3, "mean_ms": statistics.fmean(samples) * 1e3, "count": len(samples)}


def time_phrases(blocks, rounds: int = ROUNDS, by_phrase: dict | None = None) -> dict[str, list[float]]:
    """Per-command seconds for translate(): wall clock, CPU time, wall clock of the accepted and
    of the refused phrases; and json.loads of a same-length string. `by_phrase` collects each
    phrase's CPU times ((block, line) → [seconds], and whether it was refused), to name the tail."""
    samples: dict[str, list[float]] = {k: [] for k in ("wall", "cpu", "accepted", "refused", "reference")}
    for _ in range(rounds):
        for block in blocks:
            translator = Translator()
            for case in block.cases:
                payload = json.dumps("x" * max(0, len(case.line) - 2))    # same length as the line
                refused = False
                start, start_cpu = time.perf_counter(), time.process_time()
                try:
                    translator.translate(case.line)
                except LanguageError:
                    refused = True
                wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
                samples["cpu"].append(cpu)
                if by_phrase is not None:
                    by_phrase.setdefault((block.title, case.line), ([], refused))[0].append(cpu)
                samples["wall"].append(wall)
                samples["refused" if refused else "accepted"].append(wall)
                start = time.perf_counter()
                json.loads(payload)
                samples["reference"].append(time.perf_counter() - start)
    return samples


def slowest(by_phrase: dict, count: int = 40) -> list[dict]:
    """The phrases whose median CPU time is longest: what makes the p99 (a phrase's median, so one
    preempted round does not put it there)."""
    rows = [{"block": block, "line": line, "median_ms": statistics.median(times) * 1e3, "refused": refused}
            for (block, line), (times, refused) in by_phrase.items()]
    return sorted(rows, key=lambda row: -row["median_ms"])[:count]


def grammar_load_seconds(cache: bool) -> float:
    """Building the LALR parser from the packaged grammar, bypassing the in-process cache: from
    scratch (cache=False: the first run after an install or a grammar change) or from Lark's
    analysis cache in the temp directory (what every later process does)."""
    start = time.perf_counter()
    Lark(filled(grammar_source()), parser="lalr", lexer="contextual", cache=cache)
    return time.perf_counter() - start


def main() -> int:
    blocks = [block for table in TABLES for block in load_table(table)]
    load_before = os.getloadavg()[0]
    ready_translator()                     # the start-up `chronus translate` does
    cold = time_phrases(blocks, rounds=1)["wall"]
    by_phrase: dict = {}
    samples = time_phrases(blocks, by_phrase=by_phrase)
    tail = slowest(by_phrase)
    load = min(grammar_load_seconds(cache=False) for _ in range(3))
    grammar_load_seconds(cache=True)      # make sure the analysis cache exists
    cached = min(grammar_load_seconds(cache=True) for _ in range(3))
    rows = {name: summary(values) for name, values in samples.items()} | {"cold": summary(cold)}
    wall, reference = rows["wall"], rows["reference"]
    result = {
        "phrases": len(samples["wall"]) // ROUNDS, "rounds": ROUNDS, "tables": [t.name for t in TABLES],
        "load_average_1min": [load_before, os.getloadavg()[0]], "cpus": os.cpu_count(),
        "parse_map": wall, "parse_map_cpu": rows["cpu"], "accepted": rows["accepted"], "refused": rows["refused"],
        "first_pass_cold": rows["cold"],
        "parse_map_p50_ms": wall["p50_ms"], "parse_map_p99_ms": wall["p99_ms"], "parse_map_max_ms": wall["max_ms"],
        "reference": "json.loads of a same-length string", "reference_ms": reference,
        "ratio_p50": wall["p50_ms"] / reference["p50_ms"], "ratio_p99": wall["p99_ms"] / reference["p99_ms"],
        "grammar_load_ms": cached * 1e3, "grammar_load_uncached_ms": load * 1e3,
        "targets": {"parse_map_p99_ms": 1.0, "grammar_load_ms": 100.0},
        "slowest_phrases_cpu_median_ms": tail,
    }
    print(f"phrases: {result['phrases']} ({', '.join(result['tables'])}; x{ROUNDS} rounds, each in its block's "
          f"context); load average {load_before:.1f} → {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'measure':<28}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}{'ratio p50':>11}")
    for label, name in (("parse + map (English)", "wall"), ("parse + map (CPU time)", "cpu"),
                        ("  accepted phrases", "accepted"), ("  refused phrases", "refused"),
                        ("first pass (cold, once)", "cold"), ("json.loads (reference)", "reference")):
        row = rows[name]
        print(f"{label:<28}{row['p50_ms']:>10.3f}{row['p99_ms']:>10.3f}{row['max_ms']:>10.3f}"
              f"{row['p50_ms'] / reference['p50_ms']:>11.1f}")
    print(f"{'grammar load (cached)':<28}{cached * 1e3:>10.1f}")
    print(f"{'grammar load (no cache)':<28}{load * 1e3:>10.1f}")
    print(f"target parse + map p99 < 1 ms: {'met' if wall['p99_ms'] < 1.0 else 'NOT met'}")
    print("slowest phrases (median CPU ms over the rounds; R: refused):")
    for row in tail[:TAIL_SHOWN]:
        print(f"  {row['median_ms']:7.3f} {'R' if row['refused'] else ' '} {row['line']!r}  [{row['block']}]")
    out = ROOT / "benchmarks" / "results" / "language.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
