"""The prompt's thread real-time while the prompt is up, bounded by a guard (Linux, with the right).

At niceness −10 (repl_realtime.favour_the_prompt) the prompt's thread still went without a CPU for long
stretches on a busy machine: with the kernel's autogroups a niceness weighs only within its session, and the
Enter key waited behind the redraws of the keys before it. So while the prompt is up — waiting for keys,
reading them, drawing, completing, calling the accept handler where a line is translated and sent — its
thread is at SCHED_FIFO PROMPT_PRIORITY: above every ordinary program, below the audio path's threads and a
line's own window. What an entered line does after the prompt returns is ordinary again; what the prompt's
event loop runs while it is up runs at its priority, inside the same guard.

The Enter key needs the GIL, so the few threads of the process the prompt waits on for it (WAITED_ON, by name)
are lifted to its priority while it is up, and the short engine queries it waits on are lent it (`lent`): an
ordinary one preempted by a busy program while it held the GIL, or while it asked for it (CPython's forced
switching makes the holder wait until the asker has taken it), kept the key unread as long. Never a thread at
work that realtime.py keeps ordinary (a sample's decoder, the recorder, the admission's measurement, the OSC
server, one inside ordinary_meanwhile). Priority does not order the GIL, so it is handed over within
PROMPT_SWITCH_S meanwhile instead of CPython's 5 ms — except while a line entered at the prompt is translated
and sent (`line_keeps_the_gil`): another thread's asking then would cut its 1–3 ms of work into slices, each
a wait for that thread to be given a CPU.

Bounded: a guard thread, one step above, reads those threads' CPU time every GUARD_PERIOD_S and puts them all
back to the ordinary policy until the next line when together they used more than PROMPT_CPU_SHARE of the
last GUARD_WINDOW_S (a huge paste, a runaway redraw, a slow status, a busy validation): the prompt never holds
a core of two from ordinary programs for long, nor the real-time budget the audio processes share. What they
start is ordinary (SCHED_RESET_ON_FORK). Without the right, and on macOS and Windows, no priority changes; the
switch interval does, everywhere. The figures: docs/tuning.md, "From the Enter key".
"""
from __future__ import annotations

import collections
import contextlib
import os
import sys
import threading
import time

from . import realtime

PROMPT_PRIORITY = 1      # below the shell's audio-path threads (realtime.shell_priority, 2 and up)
GUARD_PERIOD_S = 0.1     # the guard looks this often …
GUARD_WINDOW_S = 0.5     # … at the CPU time the prompt took over the last this long:
PROMPT_CPU_SHARE = 0.6   # more than this share of it, and the prompt is ordinary until its next line
PROMPT_SWITCH_S = 0.0005  # the GIL handed to a waiting thread within this while the prompt is up (CPython's: 5 ms)
LINE_SWITCH_S = 0.005     # … but kept this long by a line entered at it, from its translation to its last send
MODULE_WATCHER = "chronus-module-watcher"   # hot_reload's thread, the shell's caller of validate
QUERIES = "chronus-poll"                     # the engine queries' thread (EngineLink: the status poll's, the autosave's)
WAITED_ON = ("chronus-pool-keeper", "chronus-validate", MODULE_WATCHER, "patch-stdout-flush", "asyncio_", QUERIES)


def prompt_priority(output_priority: int) -> int:
    """SCHED_FIFO priority for the prompt's thread, or 0 where the audio path leaves no room below it."""
    if not sys.platform.startswith("linux") or realtime.shell_priority(output_priority) <= PROMPT_PRIORITY:
        return 0
    return PROMPT_PRIORITY


class PromptGuard:
    """`up(priority)` around the prompt (Shell.read); `cut_short` counts the lines the guard ended;
    `priority` is the one the prompt last got (0: none yet). A line's CPU comes in bursts (the keys
    typed before the prompt showed, a completion, a redraw: up to 0.2 s of CPU in one line on a loaded
    machine), so the guard judges a window of GUARD_WINDOW_S, not each look: 0.3 s at most at
    SCHED_FIFO, far inside the real-time budget (0.95 s a second)."""

    def __init__(self, period_s: float = GUARD_PERIOD_S, window_s: float = GUARD_WINDOW_S,
                 share: float = PROMPT_CPU_SHARE):
        self.period_s, self.window_s, self.share = period_s, window_s, share
        self.cut_short = self.priority = 0
        self._wake = threading.Condition()
        self._raised: tuple[int, int] | None = None   # (native thread id, its priority) while the prompt is up
        self._lent: set[int] = set()                  # threads at its priority meanwhile (`lent`)
        self._counted: set[int] = set()               # every thread whose CPU the guard counts with the prompt's
        self._thread: threading.Thread | None = None

    @contextlib.contextmanager
    def up(self, priority: int):
        """The calling thread at SCHED_FIFO `priority` (0: as it is) until the block ends, guarded; the GIL
        handed over within PROMPT_SWITCH_S meanwhile, with the right or without."""
        switch = sys.getswitchinterval()              # put back when the prompt returns
        sys.setswitchinterval(PROMPT_SWITCH_S)
        try:
            with self._real_time(priority):
                yield
        finally:
            sys.setswitchinterval(switch)

    @contextlib.contextmanager
    def _real_time(self, priority: int):
        if priority <= 0:
            yield
            return
        realtime.raising_itself()                     # (a window may have lifted it: its end must not lower it)
        try:
            with self._raised_to(priority):
                yield
        finally:
            realtime.back_from_raise((os.SCHED_FIFO, priority))   # lifted again if a window still holds it

    @contextlib.contextmanager
    def _raised_to(self, priority: int):
        if not fifo(priority):
            yield
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._guard, name="chronus-prompt-guard", daemon=True)
            self._thread.start()
        self.priority = priority
        lifted = realtime.lift_ordinary_threads(priority, waited_on())
        with self._wake:
            self._raised = (threading.get_native_id(), priority)
            self._lent.update(lifted)
            self._wake.notify()
        try:
            yield
        finally:
            with self._wake:
                self._raised = None
                self._lent.difference_update(lifted)
            realtime.put_back(lifted)

    @contextlib.contextmanager
    def lent(self):
        """The calling thread — one the prompt's event loop waits on (the status poll's and the autosave's
        queries) — at the prompt's priority until the block ends, if the prompt is up and not cut short;
        ordinary otherwise, and after. Its CPU counts in the prompt's window."""
        tid = threading.get_native_id()
        with self._wake:
            raised = self._raised is not None and tid not in self._lent and fifo(self._raised[1])
            if raised:
                self._lent.add(tid)
                self._counted.add(tid)
        try:
            yield
        finally:
            if raised:
                with self._wake:
                    self._lent.discard(tid)
                realtime.ordinary_thread()

    def settle(self) -> None:
        """The calling thread (the prompt's) ordinary if its guard cut it short while it had raised itself
        above the prompt's priority for a moment (Supervisor.send): that raise's end put FIFO back."""
        if self._raised is None and self.priority and _policy(0) == (os.SCHED_FIFO, self.priority):
            realtime.ordinary_thread()

    def holds(self) -> bool:
        """The calling thread is the prompt's, real-time and guarded now (not cut short by the guard)."""
        raised = self._raised
        return (raised is not None and raised[0] == threading.get_native_id()
                and _policy(0) == (os.SCHED_FIFO, raised[1]))

    def _guard(self) -> None:
        watched, looks = None, collections.deque()   # the prompt's (when, CPU ns so far) over the window
        with self._wake:
            while True:
                if self._raised is None:
                    self._wake.wait()
                    continue
                if self._raised is not watched:      # a new line's prompt: the same window (a paste of many lines,
                    if watched is None or watched[0] != self._raised[0]:      # each raised anew, is judged as one)
                        looks.clear()
                    self._counted = set(self._lent)  # those lent now (and those lent later: `lent`)
                    watched = self._raised
                    fifo(watched[1] + 1)             # above the prompt it watches (once it may: tried each time)
                looks.append((time.monotonic(), {tid: _on_cpu_ns(tid) for tid in (watched[0], *self._counted)}))
                while looks[-1][0] - looks[0][0] > self.window_s:
                    looks.popleft()
                first, last = looks[0][1], looks[-1][1]
                used = sum(max(0, cpu - first[tid]) for tid, cpu in last.items() if tid in first and cpu)
                if used / 1e9 > self.share * self.window_s:
                    for tid in (watched[0], *self._lent):
                        if _policy(tid) == (os.SCHED_FIFO, watched[1]):
                            realtime.ordinary_thread(tid)
                    self.cut_short += 1
                    self._raised = None
                    continue
                self._wake.wait(self.period_s)


@contextlib.contextmanager
def line_keeps_the_gil():
    """The GIL kept LINE_SWITCH_S against a thread asking for it until the block ends (a line's translation
    and send, at the prompt's accept): a waiting thread — the status poll's query, the guard — takes it when
    the line is sent, not every PROMPT_SWITCH_S of the line's work (the poll's 4 ms of CPU interleaved so with
    a loaded line, bench_latency_trace.py). Put back after."""
    switch = sys.getswitchinterval()
    sys.setswitchinterval(max(switch, LINE_SWITCH_S))
    try:
        yield
    finally:
        sys.setswitchinterval(switch)


def waited_on() -> list[int]:
    """The native ids of the threads the prompt waits on for the GIL (WAITED_ON, by name). One just started
    has none yet (threading lists it before it runs: an OSC packet's window failed on it) and holds no GIL."""
    return [thread.native_id for thread in threading.enumerate()
            if thread.name.startswith(WAITED_ON) and thread.native_id is not None]


def fifo(priority: int) -> bool:
    """The calling thread at SCHED_FIFO `priority` (what it starts ordinary); False: 0, or no right."""
    if priority <= 0 or not sys.platform.startswith("linux"):
        return False
    try:
        if _policy(0) != (os.SCHED_FIFO, priority):
            os.sched_setscheduler(0, os.SCHED_FIFO | os.SCHED_RESET_ON_FORK, os.sched_param(priority))
        return True
    except OSError:
        return False


def _policy(tid: int) -> tuple[int, int]:
    try:
        return os.sched_getscheduler(tid) & ~os.SCHED_RESET_ON_FORK, os.sched_getparam(tid).sched_priority
    except OSError:
        return -1, 0


def _on_cpu_ns(tid: int) -> int:
    """ns the thread ran so far (/proc schedstat)."""
    try:
        with open(f"/proc/self/task/{tid}/schedstat") as stat:
            return int(stat.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
