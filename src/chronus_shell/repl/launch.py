"""`chronus` (the shell), its first steps before its heavy imports: the terminal check, the kernels
(compiled with a progress line on the first run after an install), and the engine's start in a
background thread — its child processes boot while the language, the prompt and the session load
(`chronus` → first prompt); the shell awaits the start just before its banner."""
from __future__ import annotations

import signal
import sys
import threading
from concurrent.futures import Future
from dataclasses import dataclass

from ..engine import compile_if_needed
from .cooked_keys import hold_keys_until_exit


@dataclass(frozen=True)
class Starting:
    """The engine on its way: the supervisor and its start's future, or the line saying why not."""

    supervisor: object = None
    started: Future | None = None
    problem: str | None = None


def start_engine(args) -> Starting | None:
    """Start the engine in the background; None without a terminal (the shell starts nothing)."""
    if not sys.stdin.isatty():
        return None
    _tracker_outlives_the_terminal()
    compile_if_needed(print)             # the first run after an install: said, then compiled here
    hold_keys_until_exit()               # from here a Ctrl-C waits for the prompt (no half-started exit)
    try:
        supervisor = _make_supervisor(args)
    except (ValueError, OSError, ImportError) as err:
        return Starting(problem=f"cannot start the audio engine: {err}")
    started: Future = Future()

    def start() -> None:
        try:
            started.set_result(supervisor.start())
        except BaseException as err:     # noqa: BLE001 — handed to the shell, which says it in one line
            started.set_exception(err)

    threading.Thread(target=start, name="chronus-engine-start", daemon=True).start()
    return Starting(supervisor, started)


def _tracker_outlives_the_terminal() -> None:
    """Start Python's resource tracker (it follows multiprocessing's semaphores) with SIGHUP
    ignored, which it keeps across exec: a closed window would otherwise kill it with the shell's
    group, and its relaunch while the shell stops warns on stderr. It still ends with the shell."""
    if not hasattr(signal, "SIGHUP"):            # Windows: no SIGHUP, no tracker process
        return
    from multiprocessing import resource_tracker

    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        resource_tracker.ensure_running()
    finally:
        signal.signal(signal.SIGHUP, previous)


def _make_supervisor(args):
    from ..supervisor import Supervisor
    from ..supervisor.config import Config

    from ..gear import Gear

    config = Config.from_env(sample_rate=args.samplerate, block_size=args.blocksize,
                             backend=args.backend, device=args.device)
    return Gear(Supervisor(config), midi_in=args.midi_in, link=args.link)   # MIDI and Link around it
