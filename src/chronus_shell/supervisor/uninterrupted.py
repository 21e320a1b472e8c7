"""Ctrl-C held back while a change goes to both slots: never in one slot and not the other, nor in the plan alone.

A KeyboardInterrupt is raised in the shell's main thread between any two bytecodes: between the plan's admission and
the writes, or between the two slots' writes, it left the plan and the slots with different patches (a slot played
a line the other never got: a failover changed the music, and a line checked by the plan failed in a slot). A single
message's writes take microseconds, a load's a few ms (pickled once): Ctrl-C waits that long, then is raised as it
would have been. No thread of its own here, as a load's parts at its bar have (fan_out.py): the command path is the
stamping thread, real-time, and a hand-over to another thread costs its wake-up and the GIL.
"""
from __future__ import annotations

import contextlib
import signal
import threading


@contextlib.contextmanager
def uninterrupted():
    """Defer SIGINT's KeyboardInterrupt to the end of the block: in the main thread only (a signal's handler runs
    there and nowhere else), and only Python's default handler (another one, an event loop's, raises nothing)."""
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is not signal.default_int_handler:
        yield
        return
    caught = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            signal.raise_signal(signal.SIGINT)   # the KeyboardInterrupt, now
