"""A module's params as a rich table: what `chronus modules` prints and `help <module>` shows."""
from __future__ import annotations

from rich.table import Table

from ..engine.params import ModuleSpec, format_number


def module_table(spec: ModuleSpec) -> Table:
    table = Table(title=f"{spec.type} — {spec.doc}", title_justify="left")
    for column in ("param", "unit", "range", "default", "aliases", "doc"):
        table.add_column(column)
    for p in spec.params:
        default = p.default if isinstance(p.default, str) else format_number(p.default)
        table.add_row(p.name, p.unit, p.range_text(), default, ", ".join(p.aliases), p.doc)
    return table
