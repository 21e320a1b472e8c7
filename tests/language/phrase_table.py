"""The phrase table (phrases.txt): English lines in context → the exact messages or error.

Format: `## title` starts a block with a fresh translator (context carries within a block);
`> line` is an input; the indented lines after it are the expected messages in raw form, or
`! message` for the expected one-line error.

`python3 tests/language/phrase_table.py` prints the table as the translator reads it now, to
review a change with a diff against phrases.txt.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from chronus_shell.language import LanguageError, Translator

TABLE = Path(__file__).with_name("phrases.txt")


@dataclass
class Case:
    line: str
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    title: str
    cases: list[Case] = field(default_factory=list)


def load_table(path: Path = TABLE) -> list[Block]:
    blocks: list[Block] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("## "):
            blocks.append(Block(raw[3:].strip()))
        elif raw.startswith("> "):
            blocks[-1].cases.append(Case(raw[2:]))
        elif raw.startswith("  ") and raw.strip():
            blocks[-1].cases[-1].expected.append(raw.strip())
    return blocks


def actual_lines(translator: Translator, line: str) -> list[str]:
    """What the translator makes of a line, in the table's notation."""
    try:
        return [str(message) for message in translator.translate(line)]
    except LanguageError as err:
        return [f"! {err}"]


def render_table(blocks: list[Block]) -> str:
    out = []
    for block in blocks:
        translator = Translator()
        out.append(f"## {block.title}")
        for case in block.cases:
            out.append(f"> {case.line}")
            out.extend(f"  {line}" for line in actual_lines(translator, case.line))
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(render_table(load_table(Path(sys.argv[1]) if len(sys.argv) > 1 else TABLE)))
