"""What a pool worker measures about itself: memory, and time spent compiling numba code.

Kept apart from the checks: these are about the worker process (its memory limit and size, the time
numba compiles in it, which the pool does not count against a module), not about the module.
"""
from __future__ import annotations

import os
import sys
import threading
import time


def rss_bytes() -> int | None:
    """Resident memory now (Linux), else peak resident memory (other Unix), else None (Windows)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def limit_memory(megabytes: int) -> str:
    """Cap the address space at its current size + `megabytes` (RLIMIT_AS); say what was done."""
    try:
        import resource
    except ImportError:
        return "no memory limit on this platform"
    try:
        with open("/proc/self/statm") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return "no memory limit on this platform (address space size unknown)"
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = current + megabytes * 2**20
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError, AttributeError) as err:
        return f"no memory limit ({err})"
    return f"address space limited to {limit / 2**20:.0f} MB ({megabytes} MB above the worker's {current / 2**20:.0f} MB)"


def waited_s(pid: int | None = None) -> float:
    """Seconds the process's main thread (or, without `pid`, the calling thread) has spent runnable
    but waiting for a CPU (Linux schedstat); 0.0 elsewhere. On a busy machine that time is the
    machine's, not the module's: it is taken out of the module's time and added to its budget."""
    where = "/proc/thread-self/schedstat" if pid is None else f"/proc/{pid}/schedstat"
    try:
        with open(where) as schedstat:
            return int(schedstat.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


class OwnTime:
    """What a call costs when it runs (computing or sleeping), whatever else the machine runs: its
    wall time less the time the thread waited for a CPU, never less than the thread's CPU time. The
    schedstat reads stay outside the timed span (on a loaded machine reading /proc takes a while)
    and a wait counted whole at an edge is bounded by the CPU time: measured inside the span and
    unbounded, a 0.15 ms call of bitwarp read as 0.6–2 ms on average under load, or below zero."""

    def start(self) -> None:
        self.waited = waited_s()
        self.cpu, self.wall = time.thread_time(), time.perf_counter()

    def stop(self) -> float:
        wall, cpu = time.perf_counter() - self.wall, time.thread_time() - self.cpu
        return min(wall, max(cpu, wall - (waited_s() - self.waited)))


class CompileClock:
    """Seconds spent compiling numba code (numba's 'numba:compile' events), live while compiling."""

    def __init__(self):
        self.depth, self.started, self.total = 0, 0.0, 0.0
        self.lock = threading.Lock()
        try:
            from numba.core import event

            clock = self

            class Listener(event.Listener):
                def on_start(self, ev):
                    clock.start()

                def on_end(self, ev):
                    clock.end()

            event.register("numba:compile", Listener())
        except Exception:  # noqa: BLE001 — without numba events the budget simply is not extended
            pass

    def start(self) -> None:
        with self.lock:
            if self.depth == 0:
                self.started = time.perf_counter()
            self.depth += 1

    def end(self) -> None:
        with self.lock:
            self.depth = max(0, self.depth - 1)
            if self.depth == 0:
                self.total += time.perf_counter() - self.started

    def seconds(self) -> float:
        with self.lock:
            return self.total + (time.perf_counter() - self.started if self.depth else 0.0)

