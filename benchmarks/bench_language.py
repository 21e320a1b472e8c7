#!/usr/bin/env python3
"""Language speed: parse + map time per command over the whole phrase table, and grammar load.

Each phrase is timed in its block's context (as a musician would type it). Reference, measured in
the same run: `json.loads` of a JSON string of the same length as the phrase, so the ratio says
how many "small JSON parses" one English command costs. Writes benchmarks/results/language.json.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from lark import Lark

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "language"))

from phrase_table import load_table  # noqa: E402

from chronus_shell.language import LanguageError, Translator  # noqa: E402
from chronus_shell.language.grammar import grammar_parser, grammar_source  # noqa: E402
from chronus_shell.language.grammar_template import filled  # noqa: E402

ROUNDS = 20


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def time_phrases(blocks) -> tuple[list[float], list[float], list[float], int]:
    """Per-command seconds for translate() (wall clock and this process's CPU time, which other
    processes on a busy machine do not inflate) and for json.loads of a same-length string."""
    english, cpu, reference, count = [], [], [], 0
    for _ in range(ROUNDS):
        for block in blocks:
            translator = Translator()
            for case in block.cases:
                payload = json.dumps("x" * max(0, len(case.line) - 2))    # same length as the line
                start, start_cpu = time.perf_counter(), time.process_time()
                try:
                    translator.translate(case.line)
                except LanguageError:
                    pass
                english.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
                start = time.perf_counter()
                json.loads(payload)
                reference.append(time.perf_counter() - start)
                count += 1
    return english, cpu, reference, count // ROUNDS


def grammar_load_seconds(cache: bool) -> float:
    """Building the LALR parser from the packaged grammar, bypassing the in-process cache: from
    scratch (cache=False: the first run after an install or a grammar change) or from Lark's
    analysis cache in the temp directory (what every later process does)."""
    start = time.perf_counter()
    Lark(filled(grammar_source()), parser="lalr", lexer="contextual", cache=cache)
    return time.perf_counter() - start


def main() -> int:
    grammar_parser()                      # warm the cache and imports once
    blocks = load_table()
    english, cpu, reference, phrases = time_phrases(blocks)
    load = min(grammar_load_seconds(cache=False) for _ in range(3))
    grammar_load_seconds(cache=True)      # make sure the analysis cache exists
    cached = min(grammar_load_seconds(cache=True) for _ in range(3))
    p50, p99 = percentile(english, 0.5), percentile(english, 0.99)
    ref50, ref99 = percentile(reference, 0.5), percentile(reference, 0.99)
    result = {
        "phrases": phrases, "rounds": ROUNDS,
        "parse_map_p50_ms": p50 * 1e3, "parse_map_p99_ms": p99 * 1e3,
        "parse_map_mean_ms": statistics.fmean(english) * 1e3,
        "parse_map_cpu_p50_ms": percentile(cpu, 0.5) * 1e3, "parse_map_cpu_p99_ms": percentile(cpu, 0.99) * 1e3,
        "reference": "json.loads of a same-length string",
        "reference_p50_ms": ref50 * 1e3, "reference_p99_ms": ref99 * 1e3,
        "ratio_p50": p50 / ref50, "ratio_p99": p99 / ref99,
        "grammar_load_ms": cached * 1e3, "grammar_load_uncached_ms": load * 1e3,
        "targets": {"parse_map_p99_ms": 1.0, "grammar_load_ms": 100.0},
    }
    print(f"phrases: {phrases} (x{ROUNDS} rounds, each in its block's context)")
    print(f"{'measure':<28}{'p50 ms':>10}{'p99 ms':>10}{'ratio p50':>11}")
    print(f"{'parse + map (English)':<28}{p50 * 1e3:>10.3f}{p99 * 1e3:>10.3f}{p50 / ref50:>11.1f}")
    print(f"{'parse + map (CPU time)':<28}{percentile(cpu, 0.5) * 1e3:>10.3f}{percentile(cpu, 0.99) * 1e3:>10.3f}")
    print(f"{'json.loads (reference)':<28}{ref50 * 1e3:>10.4f}{ref99 * 1e3:>10.4f}{1.0:>11.1f}")
    print(f"{'grammar load (cached)':<28}{cached * 1e3:>10.1f}")
    print(f"{'grammar load (no cache)':<28}{load * 1e3:>10.1f}")
    out = ROOT / "benchmarks" / "results" / "language.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
