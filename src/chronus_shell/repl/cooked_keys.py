"""No key lost while the terminal is in cooked mode: from the shell's start (before the prompt is up)
and between prompts. Light (no prompt_toolkit): the start holds the keys before the engine's
child processes exist, so a Ctrl-C typed then is read by the prompt instead of ending the shell
half-started."""
from __future__ import annotations

import atexit
import contextlib
import sys


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


def hold_keys_until_exit() -> None:
    """Keep Ctrl-C and Ctrl-D for the prompt from now until the process exits (the terminal's
    settings come back then): typed while the shell starts, they mean what they mean at the prompt."""
    held = keys_kept_in_cooked_mode()
    held.__enter__()
    atexit.register(held.__exit__, None, None, None)


__all__ = ["hold_keys_until_exit", "keys_kept_in_cooked_mode"]
