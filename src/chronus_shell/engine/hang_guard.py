"""Interrupt a user module that hangs in `process()` while it plays.

The sandbox pool tests a module before it plays, but a module can still hang later (a loop that
never ends after ten minutes). Both slots run the same patch in lockstep, so both would hang at the
same call and the standby could not help. In a slot, every user module's `process()` runs under
`HangGuard.watching()`: a watcher thread that sees one call last longer than `limit_s` raises
`ModuleHung` inside it — through `PyThreadState_SetAsyncExc` (a loop in Python code, on every
platform) and, where there are POSIX signals, a signal to the render thread as well (a blocking
call such as `time.sleep`). The engine then bypasses that module (see `Engine._render_module`).
Both slots interrupt the same call, so they stay in lockstep. Code that never returns to Python
(a compiled loop) cannot be interrupted this way; the supervisor's stall check is the net there.
"""
from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
import time

__all__ = ["HangGuard", "ModuleHung", "HANG_LIMIT_S"]

HANG_LIMIT_S = 0.25          # one call of a healthy module takes well under a block (5 ms)
_SIGNAL = getattr(signal, "SIGUSR2", None)


class ModuleHung(Exception):
    """Raised inside a user module's process() that ran longer than the guard's limit."""


class HangGuard:
    """Create it in the render (main) thread of a slot process; one per process."""

    def __init__(self, limit_s: float = HANG_LIMIT_S):
        self.limit_s = limit_s
        self._render_thread = threading.get_ident()
        self._lock = threading.Lock()
        self._call: tuple[int, float] | None = None     # (serial, deadline) of the call running now
        self._serial = 0
        self._fired = 0
        if _SIGNAL is not None and hasattr(signal, "pthread_kill"):
            signal.signal(_SIGNAL, self._on_signal)
        threading.Thread(target=self._watch, name="chronus-hang-guard", daemon=True).start()

    @contextlib.contextmanager
    def watching(self):
        """Around one call of a user module's process()."""
        with self._lock:
            self._serial += 1
            self._call = (self._serial, time.monotonic() + self.limit_s)
        try:
            yield
        finally:
            with self._lock:
                serial, _ = self._call
                self._call = None
                if self._fired == serial:              # fired as the call returned: take it back
                    _set_async_exception(self._render_thread, None)

    def _watch(self) -> None:
        while True:
            time.sleep(self.limit_s / 5)
            with self._lock:
                call = self._call
                if call is None or self._fired == call[0] or time.monotonic() < call[1]:
                    continue
                self._fired = call[0]
                _set_async_exception(self._render_thread, ModuleHung)
                if _SIGNAL is not None and hasattr(signal, "pthread_kill"):
                    signal.pthread_kill(self._render_thread, _SIGNAL)     # wakes a blocking call

    def _on_signal(self, signum, frame) -> None:
        call = self._call
        if call is not None and self._fired == call[0]:
            raise ModuleHung


def _set_async_exception(thread_id: int, exception) -> None:
    """Raise `exception` in that thread at its next Python instruction (None: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               None if exception is None else ctypes.py_object(exception))
