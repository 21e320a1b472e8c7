#!/usr/bin/env python3
"""Every output of the language, to show a speed change changes nothing: one JSON line per phrase.

    python benchmarks/language_outputs.py OUT.jsonl     # then `cmp` two runs (before / after)

Recorded for each line of both phrase tables (in its block's context) and each phrase of the
development corpora (tests/language/corpus*/, from its starting patch after its `before` lines,
as corpus_score.py does): the messages, the echo lines (`understood`), and the error's text and
column. The held-out sets are left out (nobody reads those cases).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE_TESTS = ROOT / "tests" / "language"
sys.path.insert(0, str(LANGUAGE_TESTS))

import corpus_score  # noqa: E402
from phrase_table import load_table  # noqa: E402

from chronus_shell.language import LanguageError, Translator  # noqa: E402


def outcome(translator: Translator, line: str) -> list:
    """[messages or the error with its column, the echo lines]: what a musician sees of the line."""
    try:
        return [[str(message) for message in translator.translate(line)], translator.understood]
    except LanguageError as err:
        return [[f"! {err}", f"column {err.column}"], translator.understood]
    except Exception as err:                      # a crash is an outcome too (and a bug)
        return [[f"internal error {type(err).__name__}: {err}"], []]


def outputs():
    for table in ("phrases.txt", "harmony_phrases.txt"):
        for block in load_table(LANGUAGE_TESTS / table):
            translator = Translator()
            for case in block.cases:
                yield [table, block.title, case.line, *outcome(translator, case.line)]
    for folder in sorted(p for p in LANGUAGE_TESTS.glob("corpus*") if p.is_dir()):
        for case in corpus_score.load_cases(folder):
            translator = corpus_score.start(case["patch"])
            before = [outcome(translator, line) for line in case.get("before", [])]
            yield [folder.name, case.get("id"), case["phrase"], before, *outcome(translator, case["phrase"])]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    lines = [json.dumps(row) for row in outputs()]
    Path(argv[0]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines recorded in {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
