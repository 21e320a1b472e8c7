"""The terminal for the prompt: an output like prompt_toolkit's own, but the bottom toolbar shows
even when cursor position reports are off (PROMPT_TOOLKIT_NO_CPR=1, some terminals and test
harnesses); and no key lost while the terminal is briefly in cooked mode."""
from __future__ import annotations

import contextlib
import os
import sys

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


@contextlib.contextmanager
def keys_kept_in_cooked_mode():
    """Between prompts and while it prints above one (engine news, a status table) prompt_toolkit
    puts the terminal in cooked mode, where the tty driver would turn a Ctrl-D typed at that moment
    into end-of-file (lost) and a Ctrl-C into SIGINT (ending the shell mid-command). With both
    characters off, their bytes wait in the input like any key and the prompt reads them next, so
    they mean what they mean at the prompt. The terminal's settings are restored on the way out."""
    try:
        import termios
    except ImportError:                         # Windows
        yield
        return
    try:
        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (OSError, ValueError, AttributeError, termios.error):   # not a terminal
        yield
        return
    changed = [list(part) if isinstance(part, list) else part for part in saved]
    for key in (termios.VEOF, termios.VINTR):
        changed[6][key] = b"\x00"              # _POSIX_VDISABLE on Linux and macOS
    termios.tcsetattr(fd, termios.TCSANOW, changed)
    try:
        yield
    finally:
        with contextlib.suppress(OSError, termios.error):      # a closed window has no terminal
            termios.tcsetattr(fd, termios.TCSANOW, saved)


__all__ = ["shell_output", "keys_kept_in_cooked_mode"]
