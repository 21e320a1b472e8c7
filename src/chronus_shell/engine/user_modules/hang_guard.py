"""Interrupt a user module that hangs in `process()` while it plays.

The sandbox pool tests a module before it plays, but a module can still hang later (a loop that
never ends after ten minutes). Both slots run the same patch in lockstep, so both would hang at the
same call and the standby could not help. In a slot, every user module's `process()` runs under
`HangGuard.watching()`: a call that lasts longer than `limit_s` gets `ModuleHung` raised inside it,
and the engine bypasses that module (see `Engine._run`). Both slots interrupt the same call, so
they stay in lockstep.

Where there is `signal.setitimer` (Linux, macOS) a one-shot SIGALRM timer is armed around each
call: no thread, nothing to wake while nothing hangs, and a blocking call (`time.sleep`) is
interrupted too. Elsewhere (Windows) a watcher thread, started at the first watched call, raises
the exception with `PyThreadState_SetAsyncExc` (a loop in Python code). Code that never returns
to the interpreter (a compiled loop) cannot be interrupted either way.
"""
from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
import time

__all__ = ["HangGuard", "ModuleHung", "HANG_LIMIT_S"]

HANG_LIMIT_S = 0.25          # one call of a healthy module takes well under a block (5 ms)


class ModuleHung(Exception):
    """Raised inside a user module's process() that ran longer than the guard's limit."""


class HangGuard:
    """Create it in the render (main) thread of a slot process; one per process."""

    def __init__(self, limit_s: float = HANG_LIMIT_S, marker=None):
        self.limit_s = limit_s
        self.marker = marker  # a slot's shared-memory marker: enter(module_id)/leave() around each call
        self._render_thread = threading.get_ident()
        self._timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self._lock = threading.Lock()
        self._call: tuple[int, float] | None = None     # (serial, deadline) of the call running now
        self._serial = 0
        self._fired = 0
        self._watcher: threading.Thread | None = None
        if self._timer:
            signal.signal(signal.SIGALRM, self._on_alarm)

    @contextlib.contextmanager
    def watching(self, module_id: str = ""):
        """Around one call of a user module's process(); the marker (if any) names `module_id`
        meanwhile, so a process that dies or stalls in the call still tells which module it was."""
        if self.marker is None:
            with self._watched():
                yield
            return
        self.marker.enter(module_id)
        try:
            with self._watched():
                yield
        finally:
            self.marker.leave()

    @contextlib.contextmanager
    def _watched(self):
        if self._timer:
            self._serial += 1
            self._call = (self._serial, 0.0)
            signal.setitimer(signal.ITIMER_REAL, self.limit_s)
            try:
                yield
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                self._call = None
            return
        with self._watched_by_thread():
            yield

    def _on_alarm(self, signum, frame) -> None:
        if self._call is not None:
            self._call = None
            raise ModuleHung

    # -- without setitimer: a watcher thread -------------------------------------------------
    @contextlib.contextmanager
    def _watched_by_thread(self):
        if self._watcher is None:
            self._watcher = threading.Thread(target=self._watch, name="chronus-hang-guard", daemon=True)
            self._watcher.start()
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


def _set_async_exception(thread_id: int, exception) -> None:
    """Raise `exception` in that thread at its next Python instruction (None: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               None if exception is None else ctypes.py_object(exception))
