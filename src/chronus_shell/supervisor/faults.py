"""What a slot leaves behind for the supervisor when it dies or stalls, and the limits put on it.

- `ModuleMarker`: before each user-module call a slot writes the module's id and the call's start
  time into its ring header (shared memory), and clears the time after. A slot that dies or hangs
  inside the call leaves the marker set, so the supervisor (and the output's watchdog) know which
  module was running. The marker also adds up the time each module takes, so a slot that falls
  behind can name the module that makes it slow.
- Process groups: a slot or pool worker leads its own process group, so what a user module starts
  (a subprocess at import) is killed with it (`kill_group`). Windows has no groups: there a job
  object would do it; not done yet (the children end with their own parent there only).
- `limit_memory`: RLIMIT_AS for a slot, so a runaway allocation raises MemoryError in the module
  (contained like any exception) instead of eating the machine.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import numpy as np

from .rings import MARK_BYTES, MARK_SINCE, MARK_TEXT, Ring

SLOW_SHARE = 0.3  # a module taking this share of the block time in a slot that fell behind is named


class ModuleMarker:
    """The slot side: `enter(module_id)` / `leave()` around each user-module call (HangGuard calls them)."""

    def __init__(self, ring: Ring):
        self.header = ring.header
        self.text = ring.block.view(np.uint8, (MARK_BYTES,), offset=MARK_TEXT * 8)
        self._encoded: dict[str, np.ndarray] = {}
        self._current = ("", 0)
        self.spent: dict[str, int] = {}  # module id → ns spent in its calls since the last `slowest()`

    def enter(self, module_id: str) -> None:
        code = self._encoded.get(module_id)
        if code is None:
            raw = module_id.encode()[:MARK_BYTES - 1].ljust(MARK_BYTES, b"\0")
            code = self._encoded[module_id] = np.frombuffer(raw, dtype=np.uint8).copy()
        self.text[:] = code
        now = time.monotonic_ns()
        self._current = (module_id, now)
        self.header[MARK_SINCE] = now  # written last: the text is complete when the time is set

    def leave(self) -> None:
        self.header[MARK_SINCE] = 0
        module_id, since = self._current
        self.spent[module_id] = self.spent.get(module_id, 0) + time.monotonic_ns() - since

    def slowest(self, blocks: int) -> tuple[str, float] | None:
        """(module id, ms per block) of the module that took the most time over `blocks` blocks; resets."""
        spent, self.spent = self.spent, {}
        if not spent or blocks <= 0:
            return None
        module_id = max(spent, key=spent.get)
        return module_id, spent[module_id] / blocks / 1e6


def read_marker(ring: Ring) -> tuple[str, float] | None:
    """(module id, seconds in the call so far) if the ring's slot is (or died) inside a user module."""
    since = int(ring.header[MARK_SINCE])
    if since == 0:
        return None
    raw = bytes(ring.block.view(np.uint8, (MARK_BYTES,), offset=MARK_TEXT * 8))
    return raw.split(b"\0", 1)[0].decode(errors="replace"), (time.monotonic_ns() - since) / 1e9


# -- process groups ---------------------------------------------------------------------------
def lead_own_group() -> None:
    """Make this process (a slot or pool worker) the leader of a new process group (POSIX), or put it
    in a job object that kills every process of the job when its last handle closes (Windows): what
    user code starts dies with the worker either way."""
    if hasattr(os, "setpgid"):
        try:
            os.setpgid(0, 0)
        except OSError:
            pass
    elif sys.platform == "win32":
        _join_kill_on_close_job()


_JOB_HANDLE = None  # kept open for the life of the worker: closing it (at exit) ends the job


def _join_kill_on_close_job() -> None:
    """CreateJobObject + JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE + AssignProcessToJobObject(self)."""
    global _JOB_HANDLE
    import ctypes
    from ctypes import wintypes

    class Limits(ctypes.Structure):      # JOBOBJECT_EXTENDED_LIMIT_INFORMATION
        _fields_ = [("basic", ctypes.c_byte * (64 if ctypes.sizeof(ctypes.c_void_p) == 8 else 48)),
                    ("io", ctypes.c_ulonglong * 6), ("process_memory", ctypes.c_size_t),
                    ("job_memory", ctypes.c_size_t), ("peak_process", ctypes.c_size_t),
                    ("peak_job", ctypes.c_size_t)]

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    kernel32.SetInformationJobObject.argtypes = [wintypes.HANDLE, ctypes.c_int, ctypes.c_void_p, wintypes.DWORD]
    kernel32.AssignProcessToJobObject.argtypes = [wintypes.HANDLE, wintypes.HANDLE]
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return
    limits = Limits()
    flags = 0x2000                         # JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, LimitFlags at offset 16
    ctypes.memmove(ctypes.addressof(limits.basic) + 16, ctypes.byref(ctypes.c_uint32(flags)), 4)
    if kernel32.SetInformationJobObject(job, 9, ctypes.byref(limits), ctypes.sizeof(limits)) and \
            kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()):
        _JOB_HANDLE = job


def kill_group(pid: int | None) -> None:
    """Kill the process `pid` and, where it leads a process group, the whole group (what its user
    code started). Safe after the leader died: its group lives on while a member does, and the pid
    cannot be reused meanwhile."""
    if not pid:
        return
    try:
        leader = os.getpgid(pid) == pid
    except AttributeError:
        leader = False  # Windows: no process groups
    except OSError:
        leader = True   # the leader is gone; members of its group may not be
    kill = getattr(signal, "SIGKILL", signal.SIGTERM)
    try:
        if leader:
            os.killpg(pid, kill)
        else:
            os.kill(pid, kill)
    except OSError:
        pass


def end_own_group() -> None:
    """Before a worker that leads its group exits: what its user code started goes first (a
    subprocess, a `sleep 300` started at import). Linux reads the members from /proc; elsewhere
    the whole group, this process included, is killed as the very last act."""
    if not hasattr(os, "killpg") or os.getpgid(0) != os.getpid():
        return
    me = os.getpid()
    if not Path("/proc").is_dir():
        os.killpg(0, signal.SIGKILL)
        return
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            pgrp = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[2])
        except (OSError, IndexError, ValueError):
            continue
        if pgrp == me:
            try:
                os.kill(int(entry.name), signal.SIGKILL)
            except OSError:
                pass


# -- the parent's death ------------------------------------------------------------------------
def die_with_parent() -> None:
    """Linux: the kernel kills us when the process that started us exits (no orphans, even mid-loop)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def watch_parent() -> None:
    """Every platform: a thread exits the process when the parent's sentinel fires."""
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch():
        try:
            wait([parent.sentinel])
        except (OSError, ValueError):
            pass
        end_own_group()
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


# -- memory -----------------------------------------------------------------------------------
def limit_memory(megabytes: int) -> str | None:
    """Cap this process's address space at what it uses now plus `megabytes`; None when set, else
    the reason it could not be (no RLIMIT_AS on this system: Windows, some macOS versions)."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = used + megabytes * 2**20
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return None
    except (ImportError, OSError, ValueError, AttributeError) as err:
        return f"{type(err).__name__}: {err}"
