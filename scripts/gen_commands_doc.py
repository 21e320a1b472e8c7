#!/usr/bin/env python3
"""Generate docs/commands.md from the grammar's `//:` form lines and the ParamSpecs.

Every example is run through the translator (after a small fixed patch) and its messages are
printed next to it, so the page cannot drift from what the language does. The hand-written prose
around them is in scripts/commands_doc/ (markdown; `{name}` fields are filled from the code here).
Usage: python3 scripts/gen_commands_doc.py [--check]
"""
from __future__ import annotations

import sys
from pathlib import Path

from chronus_shell.engine.catalogue import specs
from chronus_shell.engine.params import format_number
from chronus_shell.engine.sequencer_verbs import SWING, TEMPO
from chronus_shell.language import LanguageError, Translator
from chronus_shell.language.command_forms import command_forms
from chronus_shell.language.intents import Fixed, Wait
from chronus_shell.language.param_words import COMPARATIVES
from chronus_shell.language.parser import ADJECTIVES
from chronus_shell.language.harmony_forms import HARMONY_FORMS
from chronus_shell.language.units import UNIT_ALIASES

NUMBER_EXAMPLES = ("two bars", "two hundred hertz", "one hundred and ten", "one twenty (tempo)",
                   "a quarter second", "half a second", "one and a half seconds", "three quarters")
OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "commands.md"
PROSE = Path(__file__).resolve().parent / "commands_doc"
SETUP = ("add a saw at 110 hz", "play x.x. on hats", "play x... on kick", "add an lfo", "add a distortion",
         "add a delay", "add an adsr", "add acid filter at 800hz")


def prose(name: str, **fields) -> str:
    """A hand-written part of the page (scripts/commands_doc/<name>.md) with its fields filled."""
    return (PROSE / f"{name}.md").read_text(encoding="utf-8").format(**fields)

def comparatives_table() -> str:
    groups: dict[tuple, list[str]] = {}
    for word, (direction, params) in COMPARATIVES.items():
        groups.setdefault((params, direction), []).append(word.replace("-", " "))
    rows = ["| words | direction | param (first one found) |", "|---|---|---|"]
    for (params, direction), words in groups.items():
        names = ", ".join(p.lstrip("@") for p in params)
        rows.append(f"| {', '.join(words)} | {'up' if direction > 0 else 'down'} | {names} |")
    return "\n".join(rows)


def example_output(example: str, before=()) -> str:
    translator = Translator()
    for line in SETUP + tuple(before):
        translator.translate(line)
    intent = translator.parse_intent(example)
    if isinstance(intent, Wait):
        return "(scripts only: lets time pass)"
    if isinstance(intent, Fixed) and intent.address == "/patch/abort":
        translator.translate("begin")           # an abort takes back a change set: one is open first
    try:
        messages = translator.translate(example)
    except LanguageError as err:
        raise SystemExit(f"doc example {example!r} fails: {err}") from None
    return " ; ".join(f"`{m}`" for m in messages)


def harmony_section() -> list[str]:
    from chronus_shell.engine.scales import SCALES
    out = ["\n" + prose("harmony", scales=", ".join(f"`{s}`" for s in SCALES))]
    for form, examples, before in HARMONY_FORMS:
        out += [f"### `{form}`", ""]
        if before:
            out += [f"After `{'` ; `'.join(before)}`:", ""]
        out += [f"- `{example}` → {example_output(example, before)}" for example in examples]
        out.append("")
    return out


def module_section() -> list[str]:
    out = ["", "## Modules", ""]
    for spec in specs():
        aliases = f" (also: {', '.join(spec.aliases)})" if spec.aliases else ""
        out += [f"### {spec.type}{aliases}", "", f"{spec.doc} — role: {spec.role}.", "",
                "| param | unit | range | default | aliases | meaning |", "|---|---|---|---|---|---|"]
        for p in spec.params:
            default = p.default if isinstance(p.default, str) else format_number(p.default)
            out.append(f"| `{p.name}` | {p.unit} | {p.range_text()} | {default} | "
                       f"{', '.join(p.aliases)} | {p.doc} |")
        out.append("")
    return out


def render() -> str:
    units = [u for u in UNIT_ALIASES if UNIT_ALIASES[u][0] not in ("beats",) or u in ("beat", "beats")]
    out = [prose("how_lines_are_read", setup="` ; `".join(SETUP), units=", ".join(f"`{u}`" for u in units),
                        tempo=f"{TEMPO.range_text()} bpm", swing=SWING.range_text(),
                        numbers=", ".join(f"`{w}`" for w in NUMBER_EXAMPLES),
                        comparatives=comparatives_table(),
                        adjectives=", ".join(f"`{a}`" for a in ADJECTIVES))]
    for form, examples in command_forms():
        out += [f"### `{form}`", ""]
        out += [f"- `{example}` → {example_output(example)}" for example in examples]
        out.append("")
    return "\n".join(out + harmony_section() + module_section()).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run python3 scripts/gen_commands_doc.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
