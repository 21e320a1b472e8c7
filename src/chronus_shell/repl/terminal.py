"""The terminal for the prompt: an output like prompt_toolkit's own, but the bottom toolbar shows
even when cursor position reports are off (PROMPT_TOOLKIT_NO_CPR=1, some terminals and test
harnesses). (No key lost in cooked mode: cooked_keys.py.)"""
from __future__ import annotations

import os

from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.output import Output
from prompt_toolkit.output.vt100 import Vt100_Output

ROWS_WITHOUT_CPR = 8  # prompt + completion menu + toolbar: what we may claim below the cursor


class _NoCprOutput(Vt100_Output):
    def get_rows_below_cursor_position(self) -> int:
        # Without CPR prompt_toolkit cannot know the free rows, so it hides the toolbar for good;
        # claiming a few rows just scrolls the terminal when the cursor is near the bottom.
        return min(ROWS_WITHOUT_CPR, self.get_size().rows)


def shell_output() -> Output | None:
    """The output for PromptSession: None (the app session's own) unless CPR is off on a terminal."""
    output = get_app_session().output
    if os.environ.get("PROMPT_TOOLKIT_NO_CPR") == "1" and type(output) is Vt100_Output:
        return _NoCprOutput.from_pty(output.stdout, term=output.term)
    return None


__all__ = ["shell_output"]
