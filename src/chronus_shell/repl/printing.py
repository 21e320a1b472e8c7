"""Everything the REPL prints: rich tables, the banner, the message echo and one-line errors.

Rich renders to text first and the text goes to `sys.stdout`, which `patch_stdout` routes above
the prompt, so output never tears the line being typed.
"""
from __future__ import annotations

import io
import shutil
import sys
import textwrap
from typing import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engine.params import format_number
from ..protocol.message import Message
from .toolbar import backend_text, level_db, meter


class Output:
    """Prints renderables above the prompt; `color=False` gives plain text (pipes, tests)."""

    def __init__(self, color: bool | None = None, stream=None):
        self._stream = stream
        self.color = sys.stdout.isatty() if color is None else color

    @property
    def stream(self):
        return self._stream or sys.stdout        # looked up late: patch_stdout swaps sys.stdout

    def render(self, *renderables) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, width=self.width, force_terminal=self.color, no_color=not self.color,
                          color_system="256" if self.color else None, highlight=False)
        for renderable in renderables:
            console.print(renderable)
        return buffer.getvalue()

    def print(self, *renderables) -> None:
        self.stream.write(self.render(*renderables))
        self.stream.flush()

    # -- the lines the shell prints ---------------------------------------------------------
    def banner(self, version: str) -> None:
        """`Chronus Shell 0.1.0 · audio starting…` and a hint, at once: the prompt follows, and the
        engine's own line (audio_ready) once it is up."""
        self.print(Text.assemble(("Chronus Shell ", "bold magenta"), (version, "magenta"),
                                 ("  ·  audio starting…", "dim")),
                   Text("type help to start (try: add a saw at 110 hz) · Tab completes · Ctrl-D quits",
                        style="dim"))

    def audio_ready(self, backend: str, latency_ms: float | None, notice: str | None = None) -> None:
        """`audio null (clock-paced) · latency 26.7 ms`, as measured by the engine now up, and its notice."""
        latency = f"latency {latency_ms:.1f} ms" if latency_ms is not None else "latency unknown"
        lines = [Text.assemble(("audio ", "dim"), (backend, "cyan"), ("  ·  ", "dim"), (latency, "cyan"))]
        if notice:
            lines.append(Text(f"⚠ {notice}", style="yellow"))
        self.print(*lines)

    def echo(self, messages: Iterable[Message]) -> None:
        """The messages a line became (verbose on): `→ /mod/acid_filter1/cutoff 800.0`."""
        self.print(*(Text(f"→ {message}", style="dim") for message in messages))

    def understood(self, text: str) -> None:
        """How an inferred phrase was read: `→ brighter: acid_filter1 cutoff 800 → 1000 Hz`."""
        self.print(Text(f"→ {text}", style="cyan"))

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
        self.print(*prefix, Text(caret_line(message, indent + column, self.width), style="bold red"))

    @property
    def width(self) -> int:
        return shutil.get_terminal_size((100, 24)).columns


def caret_line(message: str, column: int, width: int) -> str:
    """`   ^ message` within `width`: on one line when it fits (a caret far to the right gets the
    message on its left), else wrapped under the caret (or under a narrow margin when the caret
    leaves little room) — never cut, the end of a refusal being its did-you-mean."""
    message = " ".join(message.split())
    room = width - column - 3
    if len(message) <= room:
        return " " * column + "^ " + message
    if len(message) + 2 <= column:
        return " " * (column - len(message) - 1) + message + " ^"
    if room >= _NARROWEST:
        return textwrap.fill(message, width - 1, initial_indent=" " * column + "^ ",
                             subsequent_indent=" " * (column + 2), break_on_hyphens=False)
    return " " * column + "^\n" + textwrap.fill(message, width - 1, initial_indent="  ", subsequent_indent="  ",
                                                 break_on_hyphens=False)


_NARROWEST = 24         # a wrapped message under the caret needs this many columns, else under the margin


#: Status keys shown in their own rows (in this order); any other key is listed after them.
_SHOWN = ("backend", "device", "sample_rate", "block_size", "latency_ms", "notice", "seconds", "blocks",
          "active_slot", "spares", "recording", "xruns", "failovers", "lost_blocks", "level", "level_db",
          "in_transaction", "commits_at_block", "slots", "problem_count", "recording_problem_count",
          "news_lines", "news_line_count")


def status_table(status: dict) -> Table:
    """The supervisor's status for a musician: audio, time, slots, trouble, level; empty rows left out."""
    table = Table(title="engine status", title_justify="left", show_header=False)
    table.add_column("what", style="cyan")
    table.add_column("value")
    audio = [backend_text(status.get("backend", "?"), status.get("device"))]
    if status.get("sample_rate"):
        audio.append(f"{status['sample_rate']} Hz")
    if status.get("block_size"):
        audio.append(f"{status['block_size']} samples a block")
    table.add_row("audio", " · ".join(audio))
    if status.get("latency_ms") is not None:
        table.add_row("latency", f"{_cell(status['latency_ms'])} ms")
    if status.get("notice"):
        table.add_row("notice", Text(str(status["notice"]), style="yellow"))
    if status.get("seconds") is not None:
        blocks = f" ({status['blocks']} blocks)" if status.get("blocks") is not None else ""
        table.add_row("running", f"{_duration(status['seconds'])}{blocks}")
    if status.get("active_slot") is not None:
        spares = f" · {status['spares']} spare{'s' * (status['spares'] != 1)} ready" if "spares" in status else ""
        table.add_row("active slot", f"{status['active_slot']}{spares}")
    table.add_row("recording", Text(f"● {status['recording']}", style="red") if status.get("recording") else "no")
    for key in ("xruns", "failovers", "lost_blocks"):
        if key in status:
            table.add_row(key.replace("_", " "), _trouble(status[key]))
    if status.get("level") is not None or status.get("level_db") is not None:
        table.add_row("level", meter(level_db(status)).strip())
    if status.get("in_transaction"):
        table.add_row("transaction", Text("open (commit or abort)", style="yellow"))
    for key, value in status.items():
        if key not in _SHOWN and value not in (None, "", [], {}, (), False):
            table.add_row(key.replace("_", " "), _cell(value))
    slots = status.get("slots") or []
    if isinstance(slots, dict):
        slots = [{"slot": name, **info} for name, info in slots.items()]
    if not slots:
        return table
    slot_table = Table(title="slots", title_justify="left")
    columns = list(dict.fromkeys(k for slot in slots for k in slot))
    for column in columns:
        slot_table.add_column(_SLOT_HEADINGS.get(column, column.replace("_", " ")), justify="left")
    for slot in slots:
        slot_table.add_row(*(_cell(slot.get(column, "")) for column in columns))
    wrapper = Table.grid()
    wrapper.add_row(table)
    wrapper.add_row(slot_table)
    return wrapper


_SLOT_HEADINGS = {"cpu_percent": "cpu %", "all_threads_cpu_percent": "all threads %", "ring_fill": "ahead",
                  "late_commands": "late"}


def _duration(seconds: float) -> str:
    minutes, rest = divmod(float(seconds), 60)
    return f"{int(minutes)} min {rest:.0f} s" if minutes else f"{rest:.1f} s"


def _trouble(value) -> Text:
    """A count (or counts by kind): red when not zero."""
    count = sum(value.values()) if isinstance(value, dict) else len(value) if isinstance(value, (list, tuple)) \
        else int(value or 0)
    return Text(_cell(value), style="bold red" if count else "")


def _cell(value) -> str:
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {_cell(v)}" for k, v in value.items())
    return "" if value is None else str(value)


__all__ = ["Output", "status_table", "caret_line"]
