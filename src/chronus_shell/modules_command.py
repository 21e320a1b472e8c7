"""`chronus modules`: the catalogue from the ParamSpecs, as a rich table or JSON."""
from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from .engine.catalogue import specs
from .engine.params import ModuleSpec, format_number


def catalogue_json() -> list[dict]:
    return [
        {
            "type": spec.type, "role": spec.role, "doc": spec.doc, "aliases": list(spec.aliases),
            "params": [
                {
                    "name": p.name, "unit": p.unit, "default": p.default,
                    "min": p.low, "max": p.high, "choices": list(p.choices),
                    "aliases": list(p.aliases), "doc": p.doc,
                }
                for p in spec.params
            ],
        }
        for spec in specs()
    ]


def module_table(spec: ModuleSpec) -> Table:
    table = Table(title=f"{spec.type} — {spec.doc}", title_justify="left")
    for column in ("param", "unit", "range", "default", "aliases", "doc"):
        table.add_column(column)
    for p in spec.params:
        default = p.default if isinstance(p.default, str) else format_number(p.default)
        table.add_row(p.name, p.unit, p.range_text(), default, ", ".join(p.aliases), p.doc)
    return table


def show_modules(as_json: bool = False) -> int:
    if as_json:
        print(json.dumps(catalogue_json(), indent=2))
        return 0
    from .engine.user_modules import modules_folder

    console = Console()
    for spec in specs():
        console.print(module_table(spec))
    console.print(f"your own modules go in {modules_folder()} (guide: docs/modules.md)")
    return 0
