"""Ctrl-C held back while a change goes to the plan and both slots: never in one slot and not the other.

Python raises a KeyboardInterrupt in the main thread between any two bytecodes: between the plan's admission and the
writes, or between the two slots' writes, it left the plan and the slots with different patches (a slot played a line
the other never got: a failover changed the music, and a line the plan holds failed in a slot). The REPL never gets
there (its terminal turns Ctrl-C into a key: cooked_keys.py), but `chronus run`, a script piped in, a program that
embeds the supervisor and `kill -INT` do. A write takes microseconds, a load "now" a few ms: Ctrl-C waits that long,
then is raised as it would have been.

Cheap on the command path (session 37's version swapped the handler on every send: two sigaction calls, 29 µs p50 on
a busy VM): the handler below stays where Python's default one was until the supervisor stops, and a hold only
counts. A load at its bar starts the thread writing its parts inside the hold (the slots were told they are coming).
Off the main thread a hold does nothing: a signal's handler runs in the main thread only.
"""
from __future__ import annotations

import signal
import threading

_MAIN = threading.main_thread().ident


class _Hold:
    """`with ctrl_c_held:`: a KeyboardInterrupt that comes meanwhile is raised at the end of the outermost hold — or at
    once, on a second Ctrl-C (a write stuck on a wedged slot's pipe is never a trap)."""

    def __init__(self):
        self.depth = 0         # the main thread's holds open
        self.caught = False    # SIGINT came during one

    def __enter__(self):
        if threading.get_ident() == _MAIN:
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:   # (an event loop may have put it back)
                signal.signal(signal.SIGINT, self._on_sigint)
            if not self.depth:
                self.caught = False    # (one caught as the last hold ended was raised then: never again here)
            self.depth += 1
        return self

    def __exit__(self, *exc):
        if threading.get_ident() == _MAIN:
            if self.depth == 1 and self.caught:
                self.depth = 0
                raise KeyboardInterrupt   # now that both slots have the change
            self.depth -= 1
        return False

    def _on_sigint(self, signum, frame):
        """Python's default handler's behaviour, outside a hold and on a second Ctrl-C inside one."""
        if self.depth and not self.caught:
            self.caught = True
        else:
            signal.default_int_handler(signum, frame)

    def release(self) -> None:
        """Python's own handler back, when no hold is open (the supervisor stopped): an asyncio runner started after
        it installs its own only over Python's."""
        if not self.depth and threading.get_ident() == _MAIN and signal.getsignal(signal.SIGINT) == self._on_sigint:
            signal.signal(signal.SIGINT, signal.default_int_handler)


ctrl_c_held = _Hold()
