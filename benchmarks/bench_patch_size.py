#!/usr/bin/env python3
"""Language cost against patch size: a command must cost what it touches, not the patch.

For patches of 1k, 3k and 10k saws (each connected to master, built with `observe` as a loaded
session is), each command is translated in that context (median of ROUNDS, CPU time), and one line
adding ADD_LINE saws is timed. Reference, measured in the same run: the same commands on a patch of
10 modules, so `ratio` = cost at N / cost at 10 (1.0 = independent of the patch size; "the bass"
and "cutoff" legitimately look at every module). Writes benchmarks/results/patch_size.json.
"""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from chronus_shell.language import LanguageError, Translator
from chronus_shell.protocol.message import Message

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10, 1000, 3000, 10000)
COMMANDS = ("clone saw1", "add a saw", "saw1 freq 200", "remove saw{round}", "undo", "connect saw1 to the reverb",
            "play x.x. on saw1", "bass notes a1 c2")
ROUNDS = 5
ADD_LINE = 3000


def patch(size: int) -> Translator:
    translator = Translator()
    translator.observe([m for i in range(1, size + 1) for m in (Message("/patch/create", (f"saw{i}", "saw")),
                                                                 Message("/patch/connect", (f"saw{i}", "master")))])
    translator.translate("add a reverb")
    return translator


def cpu_seconds(translator: Translator, line: str) -> float:
    started = time.process_time()
    try:
        translator.translate(line)
    except LanguageError:
        pass
    return time.process_time() - started


def main() -> int:
    rows = {}
    for size in SIZES:
        translator = patch(size)
        row = {line: statistics.median(cpu_seconds(translator, line.format(round=r + 2)) for r in range(ROUNDS))
               for line in COMMANDS}
        row[f"a line adding {ADD_LINE} saws"] = cpu_seconds(patch(size), ", ".join(["add a saw"] * ADD_LINE))
        rows[size] = row
    reference = rows[SIZES[0]]
    print(f"{'command':<32}" + "".join(f"{size:>12}" for size in SIZES[1:]) + f"{'ratio@10k':>11}")
    for line in reference:
        cells = "".join(f"{rows[size][line] * 1e3:>10.2f}ms" for size in SIZES[1:])
        ratio = rows[SIZES[-1]][line] / max(reference[line], 1e-6)
        print(f"{line:<32}{cells}{ratio:>11.1f}")
    out = ROOT / "benchmarks" / "results" / "patch_size.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"reference": "the same commands on a 10-module patch",
                               "seconds_cpu": {str(k): v for k, v in rows.items()}}, indent=2))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
