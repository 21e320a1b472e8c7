"""`chronus modules`: the catalogue from the ParamSpecs, as a rich table or JSON."""
from __future__ import annotations

import json

from rich.console import Console

from ..engine.catalogue import specs
from ..repl.catalogue_table import module_table


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


def show_modules(as_json: bool = False) -> int:
    if as_json:
        print(json.dumps(catalogue_json(), indent=2))
        return 0
    from ..engine.user_modules.loading import modules_folder

    console = Console()
    for spec in specs():
        console.print(module_table(spec))
    console.print(f"your own modules go in {modules_folder()} (guide: docs/modules.md)")
    return 0
