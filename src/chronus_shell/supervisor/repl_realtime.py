"""The REPL's real-time path, bounded: which lines raise its thread, for how long at most, and which
messages its real-time sender sends.

A line is read at SCHED_FIFO below the slots only when it is short (REALTIME_LINE_CHARS), and a
watchdog puts the thread back to the ordinary policy once REALTIME_WINDOW_S has passed, whatever it
is doing: a pathological line must not hold a core for seconds on a 2-core machine, nor eat the
real-time budget (sched_rt_runtime_us) the audio processes share. Only the plain fan-out (/mod,
/gate, /seq, /ramp, /patch, /at) goes through the real-time sender; a session, a recording, an
engine query, a message naming a sample to load, MIDI or Link set-up do file, decoder or port work
and go through an ordinary thread (docs/tuning.md).

While the window is open the rest of the process keeps out of its way (`Quiet`): the GIL the line's
thread needs is held by whichever Python thread runs, and an ordinary one (the status poll, a pool's
validation) preempted by a busy program while holding it kept a real-time line waiting a CFS time slice
or more. Only the threads a command waits on are lifted (`quiet_threads`), never one at work that
realtime.py keeps ordinary (a sample's decoder, the recorder, the admission's measurement): lifted, each
took a core from ordinary programs for up to a window (REALTIME_WINDOW_S) per line or packet.
"""
from __future__ import annotations

import collections
import contextlib
import ctypes
import gc
import os
import sys
import threading
import time
from collections.abc import Callable

from ..engine.samples import names_a_sample
from . import realtime
from .prompt_realtime import waited_on

REALTIME_LINE_CHARS = 200   # a 200-character line translates in ~14 ms; 2,800 characters took 6.5 s
REALTIME_WINDOW_S = 0.05    # from Enter: past it the REPL's thread is ordinary again
QUIET_SWITCH_S = 0.0002    # the GIL handed to a waiting thread within this (CPython's default: 5 ms)
LIFTED_PRIORITY = 1         # the process's other threads in a window: above ordinary programs, below the line
WINDOWS_SPAN_S = 0.5        # windows one after another (a paste of many lines) are real-time for at most …
WINDOWS_SHARE = 0.6         # … this share of the last WINDOWS_SPAN_S; past it a line is read at the ordinary policy
FAN_OUT_HEADS = frozenset({"mod", "gate", "seq", "ramp", "patch", "at"})
PROMPT_NICE = -10           # the prompt's thread: ordinary, but weighted ~9× an ordinary program's
THREAD_PRIORITY_HIGHEST = 2  # Windows: the prompt's thread, still below the time-critical audio threads
REPL_THREAD = "chronus-repl"  # the REPL's own thread, named by favour_the_prompt: lifted in a window besides the
# prompt's (prompt_realtime.WAITED_ON), ordinary while the prompt is down (an OSC packet's window waits on it)


def plain_fan_out(msg) -> bool:
    """A message the supervisor only stamps and writes to the slots' pipes (the real-time sender's)."""
    return bool(msg.parts) and msg.parts[0] in FAN_OUT_HEADS and not names_a_sample(msg)


def raises_line(line: str) -> bool:
    return len(line) <= REALTIME_LINE_CHARS


def favour_the_prompt() -> bool:
    """The calling thread (the prompt's event loop: it reads the keys, draws the line, and calls the
    accept handler a line's window starts from) ahead of ordinary programs, for good, at the ordinary
    policy: niceness PROMPT_NICE on Linux (or the lowest RLIMIT_NICE allows), the highest normal
    thread priority on Windows. On a 2-core machine with a dozen busy programs, at niceness 0 the
    prompt got ~4 % of a core: the Enter key waited 0.4–1.9 s to be read behind the redraws of the keys
    before it (bench_latency_trace.py --paths keys). A weight, not a real-time priority: a prompt busy
    drawing cannot take the machine. What the thread starts later (executor threads, the sandbox pool,
    spare slots) is ordinary again (SCHED_RESET_ON_FORK). The thread is named REPL_THREAD, whichever it is,
    so a command's window finds it (`quiet_threads`). False where nothing was granted."""
    threading.current_thread().name = REPL_THREAD
    if sys.platform.startswith("linux"):
        import resource

        try:
            realtime.ordinary_children()
        except OSError:
            return False                         # (what it starts would keep the favour: none is taken)
        floor = 20 - resource.getrlimit(resource.RLIMIT_NICE)[0]
        for nice in (PROMPT_NICE, floor):
            if nice < os.getpriority(os.PRIO_PROCESS, 0):
                with contextlib.suppress(OSError):
                    os.setpriority(os.PRIO_PROCESS, 0, nice)
                    return True
        return False
    if sys.platform == "win32":
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.GetCurrentThread.restype = wintypes.HANDLE
        kernel32.SetThreadPriority.argtypes = (wintypes.HANDLE, ctypes.c_int)
        kernel32.SetThreadPriority.restype = wintypes.BOOL
        return bool(kernel32.SetThreadPriority(kernel32.GetCurrentThread(), THREAD_PRIORITY_HIGHEST))
    return False   # macOS: the main thread is already of the user-interactive class


class _Collection:
    """Garbage collection paused while any command is handled (a line and an OSC packet may overlap):
    the first to pause it remembers whether it ran, the last to resume puts that back."""

    _lock = threading.Lock()
    _paused = 0
    _was_enabled = True

    @classmethod
    def pause(cls) -> None:
        with cls._lock:
            cls._paused += 1
            if cls._paused == 1:
                cls._was_enabled = gc.isenabled()
                gc.disable()

    @classmethod
    def resume(cls) -> None:
        with cls._lock:
            cls._paused -= 1
            if cls._paused == 0 and cls._was_enabled:
                gc.enable()


@contextlib.contextmanager
def no_collection():
    """No garbage collection in the process meanwhile (one of the REPL's heap takes a millisecond or more)."""
    _Collection.pause()
    try:
        yield
    finally:
        _Collection.resume()


def quiet_threads() -> list[int]:
    """The native ids of the threads a command's window waits on for the GIL (by name), to lift."""
    return [*waited_on(), *(thread.native_id for thread in threading.enumerate()
                            if thread.name == REPL_THREAD and thread.native_id is not None)]


class Quiet:
    """The process while a command's window is open: the threads it waits on at SCHED_FIFO LIFTED_PRIORITY
    (`quiet_threads`: one holding the GIL runs on and lets it go, instead of waiting behind busy programs),
    the GIL handed over every QUIET_SWITCH_S, no garbage collection (a full collection of the REPL's heap
    takes milliseconds). Windows may overlap (a line and an OSC packet): the first opened quiets the
    process, the last ended puts it back. `end()` is idempotent, from whichever thread calls it first."""

    _lock = threading.Lock()
    _open = 0
    _before: tuple[float, list[int]] = (0.005, [])   # switch interval, lifted threads

    def __init__(self):
        self._ended = False
        _Collection.pause()
        with Quiet._lock:
            Quiet._open += 1
            if Quiet._open == 1:
                switch = sys.getswitchinterval()
                sys.setswitchinterval(QUIET_SWITCH_S)
                Quiet._before = (switch, realtime.lift_ordinary_threads(LIFTED_PRIORITY, quiet_threads()))

    def end(self) -> None:
        with Quiet._lock:
            if self._ended:
                return
            self._ended = True
            Quiet._open -= 1
            if Quiet._open == 0:
                switch, lifted = Quiet._before
                realtime.put_back(lifted)
                sys.setswitchinterval(switch)
        _Collection.resume()


class Watchdog:
    """One thread that ends a raised window past `window_s`: the raised thread is put back to the
    ordinary policy (it restores its own policy when the window ends in time) and the process's quiet
    ends. The watchdog raises itself with `raise_self` (Supervisor.on_audio_path, tried until the engine
    is up): woken at each Enter it takes the GIL for a few µs, and an ordinary thread preempted there by a
    busy program would keep the line waiting; real-time, it also demotes on time on a loaded machine.
    Windows back to back (a paste of many lines, run once the prompt returned) are bounded together too: one
    opens only while those of the last WINDOWS_SPAN_S took less than WINDOWS_SHARE of it."""

    def __init__(self, raise_self: Callable[[], bool], window_s: float = REALTIME_WINDOW_S):
        self.raise_self, self.window_s = raise_self, window_s
        self.cut_short = 0                          # windows the watchdog ended
        self._wake = threading.Condition()
        self._armed: tuple[int, float, Quiet | None] | None = None  # (native thread id, deadline, its quiet)
        self._thread: threading.Thread | None = None
        self._windows: collections.deque[tuple[float, float]] = collections.deque()   # (began, ended) lately

    @contextlib.contextmanager
    def bounded(self, raised):
        """`raised` (Supervisor.raised()) entered for at most `window_s`, the process quiet meanwhile
        when the thread did become real-time; not entered when the windows before took their share."""
        if self._thread is None:                    # started before any raise: it is ordinary
            self._thread = threading.Thread(target=self._watch, name="chronus-rt-watchdog", daemon=True)
            self._thread.start()
        if self._spent() > WINDOWS_SHARE * WINDOWS_SPAN_S:
            yield
            return
        began = time.monotonic()
        try:
            with self._raised(raised):
                yield
        finally:
            self._windows.append((began, time.monotonic()))

    def _spent(self) -> float:
        """Seconds of the last WINDOWS_SPAN_S that windows took."""
        since = time.monotonic() - WINDOWS_SPAN_S
        while self._windows and self._windows[0][1] < since:
            self._windows.popleft()
        return sum(ended - max(began, since) for began, ended in self._windows)

    @contextlib.contextmanager
    def _raised(self, raised):
        with raised:
            quiet = Quiet() if real_time() else None
            with self._wake:
                self._armed = (threading.get_native_id(), time.monotonic() + self.window_s, quiet)
                self._wake.notify()
            try:
                yield
            finally:
                with self._wake:
                    self._armed = None
                    self._wake.notify()
                if quiet is not None:
                    quiet.end()

    def _watch(self) -> None:
        raised = False
        with self._wake:
            while True:
                raised = raised or self.raise_self()
                if self._armed is None:
                    self._wake.wait()
                    continue
                tid, deadline, quiet = self._armed
                if time.monotonic() < deadline:
                    self._wake.wait(deadline - time.monotonic())
                    continue
                realtime.ordinary_thread(tid)
                if quiet is not None:
                    quiet.end()
                self.cut_short += 1
                self._armed = None


def real_time() -> bool:
    """The calling thread got SCHED_FIFO (Linux; False where there is no such policy or right)."""
    return hasattr(os, "sched_getscheduler") and os.sched_getscheduler(0) & ~os.SCHED_RESET_ON_FORK == os.SCHED_FIFO
