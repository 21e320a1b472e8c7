"""Key bindings of the prompt beyond prompt_toolkit's Emacs/vi defaults.

* A bracketed paste that ends with a newline runs at once, line by line, as if typed; one without
  a final newline waits in the buffer for Enter (to be read or edited first).
* Without pop-ups (`--no-popups`, for screen readers) Tab works like readline: it completes as far
  as the candidates agree, and lists them above the prompt otherwise, with the unit and range of
  params (`cutoff  Hz 20–20000  now 800`), one per line when there are few.
"""
from __future__ import annotations

from prompt_toolkit.application import in_terminal
from prompt_toolkit.completion import CompleteEvent, Completion, get_common_complete_suffix
from prompt_toolkit.filters import Condition, has_completions
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.utils import get_cwidth

#: Up to this many candidates are listed one per line with their meta; more go in columns.
LIST_WITH_META = 16


def prompt_bindings(no_popups: bool, prompt_text: str = "") -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add(Keys.BracketedPaste)
    def _paste(event) -> None:
        data = event.data.replace("\r\n", "\n").replace("\r", "\n")
        buffer = event.current_buffer
        buffer.insert_text(data.rstrip("\n") if data.endswith("\n") else data)
        if data.endswith("\n") and buffer.text.strip():
            buffer.validate_and_handle()

    @bindings.add("tab", filter=Condition(lambda: no_popups) & ~has_completions)
    def _complete(event) -> None:
        buffer = event.current_buffer
        if buffer.completer is None:
            return
        document = buffer.document
        completions = list(buffer.completer.get_completions(document, CompleteEvent(completion_requested=True)))
        if len(completions) == 1:
            buffer.apply_completion(completions[0])
            return
        common = get_common_complete_suffix(document, completions)
        if common:
            buffer.insert_text(common)
        elif completions:
            line = f"{prompt_text}{document.text}\n"        # the line stays above its list, as in readline
            event.app.create_background_task(_list(event.app, line, completions))

    return bindings


async def _list(app, line: str, completions: list[Completion]) -> None:
    async with in_terminal():
        app.print_text(line + listing(completions, app.output.get_size().columns))


def listing(completions: list[Completion], width: int) -> str:
    """Few candidates: `name  meta` lines; many: names in columns, the way readline lists them."""
    names = [c.display_text for c in completions]
    longest = max(get_cwidth(n) for n in names) + 2
    if len(completions) <= LIST_WITH_META:
        return "".join(f"{n.ljust(longest)}{c.display_meta_text}".rstrip() + "\n" for n, c in zip(names, completions))
    columns = max(1, width // longest)
    rows = -(-len(names) // columns)
    lines = ("".join(names[r + k * rows].ljust(longest) for k in range(columns) if r + k * rows < len(names))
             for r in range(rows))
    return "".join(line.rstrip() + "\n" for line in lines)


__all__ = ["prompt_bindings", "listing"]
