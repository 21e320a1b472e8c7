"""Everything the REPL prints: rich tables, the banner, the message echo and one-line errors.

Rich renders to text first and the text goes to `sys.stdout`, which `patch_stdout` routes above
the prompt, so output never tears the line being typed.
"""
from __future__ import annotations

import io
import shutil
import sys
from typing import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engine.params import format_number
from ..protocol.message import Message


class Output:
    """Prints renderables above the prompt; `color=False` gives plain text (pipes, tests)."""

    def __init__(self, color: bool | None = None, stream=None):
        self._stream = stream
        self.color = sys.stdout.isatty() if color is None else color

    @property
    def stream(self):
        return self._stream or sys.stdout        # looked up late: patch_stdout swaps sys.stdout

    def render(self, *renderables) -> str:
        width = shutil.get_terminal_size((100, 24)).columns
        buffer = io.StringIO()
        console = Console(file=buffer, width=width, force_terminal=self.color, no_color=not self.color,
                          color_system="256" if self.color else None, highlight=False)
        for renderable in renderables:
            console.print(renderable)
        return buffer.getvalue()

    def print(self, *renderables) -> None:
        self.stream.write(self.render(*renderables))
        self.stream.flush()

    # -- the lines the shell prints ---------------------------------------------------------
    def banner(self, version: str, backend: str, latency_ms: float | None) -> None:
        latency = f"{latency_ms:.1f} ms" if latency_ms is not None else "latency unknown"
        title = Text.assemble(("Chronus Shell ", "bold magenta"), (version, "magenta"),
                              (f"  ·  {backend}  ·  {latency}", "cyan"))
        hint = Text("type help, Tab completes, Ctrl-D quits", style="dim")
        self.print(title, hint)

    def echo(self, messages: Iterable[Message]) -> None:
        """The messages a line became (verbose on): `→ /mod/acid_filter1/cutoff 800.0`."""
        self.print(*(Text(f"→ {message}", style="dim") for message in messages))

    def info(self, text: str) -> None:
        self.print(Text(text))

    def notice(self, text: str) -> None:
        self.print(Text(text, style="yellow"))

    def problem(self, text: str) -> None:
        """One red line: a refusal the musician can act on."""
        self.print(Text(text, style="bold red"))

    def caret_error(self, message: str, column: int | None, indent: int, line: str | None = None) -> None:
        """A red caret under the offending word of the line just typed, then the message.

        `indent` is the prompt's width, so the caret lines up with the echoed input; when the
        input is not on screen right above (a pasted batch), `line` is repeated first.
        """
        if column is None:
            self.problem(message)
            return
        prefix = []
        if line is not None:
            prefix.append(Text(" " * indent + line, style="dim"))
        self.print(*prefix, Text(" " * (indent + column) + "^ " + message, style="bold red"))


def status_table(status: dict) -> Table:
    """The supervisor's status: scalars as rows, then one row per slot (whatever keys it reports)."""
    table = Table(title="engine status", title_justify="left", show_header=False)
    table.add_column("what", style="cyan")
    table.add_column("value")
    slots = status.get("slots") or []
    for key, value in status.items():
        if key != "slots":
            table.add_row(key.replace("_", " "), _cell(value))
    if isinstance(slots, dict):
        slots = [{"slot": name, **info} for name, info in slots.items()]
    if not slots:
        return table
    slot_table = Table(title="slots", title_justify="left")
    columns = list(dict.fromkeys(k for slot in slots for k in slot))
    for column in columns:
        slot_table.add_column(column.replace("_", " "))
    for slot in slots:
        slot_table.add_row(*(_cell(slot.get(column, "")) for column in columns))
    wrapper = Table.grid()
    wrapper.add_row(table)
    wrapper.add_row(slot_table)
    return wrapper


def _cell(value) -> str:
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_cell(v)}" for k, v in value.items())
    return "" if value is None else str(value)


__all__ = ["Output", "status_table"]
