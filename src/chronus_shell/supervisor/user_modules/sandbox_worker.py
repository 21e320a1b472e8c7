"""A sandbox pool worker: validates exactly one user module, then exits.

The worker is started ahead of need (kernels compiled, engine imported) and reports ("ready", pid,
seconds); it then waits for one job, runs it (`validation.Validation`: phases, compile
heartbeats, checks), sends the ("result", dict) and exits. It dies with the pool: the kernel's
parent-death signal on Linux, a thread watching the parent elsewhere.

Single use keeps validations independent (no module left imported, no memory carried over) and
lets the memory limit (RLIMIT_AS, where the platform has it) be set once for the job.
Forkserver children find this module preloaded (supervisor/preload.py); spawn children import it
by name to run `sandbox_worker_main`, so the entry point stays a module-level function here.
"""
from __future__ import annotations

import copy
import os
import pickle
import sys
import threading
import time

from ...engine.engine import Engine
from ...protocol.message import Message
from ..faults import die_with_parent, end_own_group, lead_own_group, watch_parent
from ..rings import leave_signals_to_the_shell
from .validation import Validation


def _ordinary_priority() -> None:
    """The forkserver runs at the audio workers' niceness; a module under test gets the ordinary one."""
    if hasattr(os, "setpriority"):
        try:
            os.setpriority(os.PRIO_PROCESS, 0, max(0, os.getpriority(os.PRIO_PROCESS, 0)))
        except OSError:
            pass


def sandbox_worker_main(conn, options: dict) -> None:
    """Process entry: warm up, report ready, validate one job, exit (also when the pool goes away)."""
    lead_own_group()  # what a module starts at import is ended with this worker (end_own_group)
    leave_signals_to_the_shell()
    die_with_parent()
    _ordinary_priority()
    started = time.perf_counter()
    from ...engine import warmup

    warmup()
    _rehearse()
    watch_parent()
    sender = Sender(conn)
    sender(("ready", os.getpid(), time.perf_counter() - started))
    try:
        item = conn.recv()
    except (EOFError, OSError, KeyboardInterrupt):
        os._exit(0)
    if not isinstance(item, tuple) or item[0] != "validate":
        os._exit(0)
    result = Validation(item[1], sender).run()
    sender(("result", result))
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        end_own_group()
        os._exit(0)  # never wait for threads the module may have started


def _rehearse() -> None:
    """A dry run of the test render with built-in modules: touches (copy-on-write) pages and caches
    so the first real validation runs at full speed."""
    engine = Engine(48000, 256)
    for msg in (Message("/patch/create", ("saw1", "saw")), Message("/patch/create", ("f1", "filter")),
                Message("/patch/connect", ("saw1", "f1")), Message("/patch/connect", ("f1", "master")),
                Message("/gate/saw1", (1, 110.0))):
        engine.schedule(msg, 0)
    for _ in range(24):
        engine.render(256)
    twin = pickle.loads(pickle.dumps(engine, protocol=pickle.HIGHEST_PROTOCOL))
    copy.deepcopy(twin).render(256)


class Sender:
    """conn.send from two threads (the job and the compile heartbeat), never raising."""

    def __init__(self, conn):
        self.conn, self.lock = conn, threading.Lock()

    def __call__(self, item) -> None:
        with self.lock:
            try:
                self.conn.send(item)
            except (OSError, ValueError):
                os._exit(0)  # the pool is gone

