"""The prompt's thread real-time while it waits for keys, and while it reads a few typed ones (Linux).

At niceness −10 (repl_realtime.favour_the_prompt) the prompt's thread still waited for a CPU on a busy
machine: with the kernel's autogroups a niceness weighs only within the session, and programs started
from the shell's own terminal share it (bench_latency_trace.py --paths keys, a dozen busy programs: the
thread runnable but not running for 30 ms of the 60 ms before the Enter key, which was read 4.7 ms after
its write at the median, 0.46 s at worst). So while the event loop blocks waiting (its selector's select
with a timeout) the thread is at SCHED_FIFO WAIT_PRIORITY — above every ordinary program, below the audio
path and a line's window — and when typed keys woke it (at most KEYS_BYTES waiting: typed, not pasted;
the line being edited at most REALTIME_LINE_CHARS) it stays there for the one pass of the loop that
reads and handles them. The redraws and completions they start run in the next pass, at the ordinary
policy, and so does anything else the loop wakes for, a paste, and what an entered line does
(`ordinary_now`, first in the accept handler: a line's own window is repl_realtime's). Elsewhere (no
right, macOS, Windows) the loop is the usual one.
"""
from __future__ import annotations

import array
import asyncio
import contextlib
import os
import selectors
import sys
import threading

from ..supervisor import realtime
from ..supervisor.repl_realtime import REALTIME_LINE_CHARS

WAIT_PRIORITY = 1   # above ordinary programs, below the audio path's threads and a line's window (2+)
KEYS_BYTES = 64     # waiting on the keys' descriptor: more is a paste, handled at the ordinary policy

_prompt = None      # the PromptSession whose keys wake the loop (watch_keys)


def prompt_loop() -> asyncio.AbstractEventLoop:
    """The prompt's event loop (asyncio.Runner's loop_factory): waits real-time where it may."""
    if sys.platform.startswith("linux") and _may_wait_real_time():
        return asyncio.SelectorEventLoop(KeyWaitSelector())
    return asyncio.new_event_loop()


def watch_keys(session) -> None:
    """The prompt (a PromptSession): its typed keys wake the loop real-time."""
    global _prompt
    _prompt = session


def ordinary_now() -> None:
    """A line was entered: what it does is not a key's handling (the accept handler calls this first)."""
    if _prompt is not None and sys.platform.startswith("linux"):
        _real_time(False)


class KeyWaitSelector(selectors.BaseSelector):
    """The default selector, with the calling thread real-time while it blocks and for the pass after
    typed keys woke it (the select calls are the loop's pass boundaries)."""

    def __init__(self):
        self._inner = selectors.DefaultSelector()

    def register(self, fileobj, events, data=None):
        return self._inner.register(fileobj, events, data)

    def unregister(self, fileobj):
        return self._inner.unregister(fileobj)

    def modify(self, fileobj, events, data=None):
        return self._inner.modify(fileobj, events, data)

    def get_map(self):
        return self._inner.get_map()

    def close(self) -> None:
        self._inner.close()

    def select(self, timeout=None):
        waiting = _prompt is not None and (timeout is None or timeout > 0)
        _real_time(waiting)
        events = self._inner.select(timeout)
        if waiting and not _typed(events):
            _real_time(False)
        return events


def _typed(events) -> bool:
    """Woken by a few typed keys, for a short line."""
    try:
        fd = _prompt.input.fileno()
    except (ValueError, OSError):              # the prompt's input closed
        return False
    return (any(key.fd == fd for key, _ in events) and _waiting_bytes(fd) <= KEYS_BYTES
            and len(_prompt.default_buffer.text) <= REALTIME_LINE_CHARS)


def _real_time(wanted: bool) -> None:
    """The calling thread at SCHED_FIFO WAIT_PRIORITY or ordinary (its niceness kept); what it starts is
    ordinary (SCHED_RESET_ON_FORK). A thread raised higher meanwhile (a line's window), or lifted by
    another thread's (repl_realtime.Quiet, which puts it back), is left alone."""
    with contextlib.suppress(OSError):
        policy = os.sched_getscheduler(0) & ~os.SCHED_RESET_ON_FORK
        if wanted and policy == os.SCHED_OTHER:
            os.sched_setscheduler(0, os.SCHED_FIFO | os.SCHED_RESET_ON_FORK, os.sched_param(WAIT_PRIORITY))
        elif (not wanted and policy == os.SCHED_FIFO and os.sched_getparam(0).sched_priority == WAIT_PRIORITY
              and not realtime.lifted(threading.get_native_id())):
            os.sched_setscheduler(0, os.SCHED_OTHER | os.SCHED_RESET_ON_FORK, os.sched_param(0))


def _waiting_bytes(fd: int) -> int:
    """Bytes waiting to be read on `fd` (FIONREAD); more than KEYS_BYTES where it cannot be told."""
    import fcntl      # (POSIX only: this module is imported on Windows too)
    import termios

    count = array.array("i", [0])
    try:
        fcntl.ioctl(fd, termios.FIONREAD, count)
    except OSError:
        return KEYS_BYTES + 1
    return count[0]


def _may_wait_real_time() -> bool:
    """SCHED_FIFO WAIT_PRIORITY is granted to this process (root, or an rtprio limit)."""
    import resource

    return os.geteuid() == 0 or resource.getrlimit(resource.RLIMIT_RTPRIO)[0] >= WAIT_PRIORITY
