"""Real-time scheduling for the audio processes, where the operating system allows it.

On a busy machine (a browser, a DAW, a video call) an ordinary-priority audio process waits its
turn behind every runnable program and a block comes late. So the device callback, the active
slot and the standby run ahead of them — but below the audio server: a render above JACK's own
threads makes JACK late (xruns). On Linux the output's callback thread keeps the priority JACK
gives its clients (jackd -P 10 → clients at 5), or takes one below the audio server's when nothing
gave it one (the null clock, ALSA); the output publishes it (RT_PRIORITY) and the active slot
renders one step below it, the standby one step below the active, so the standby never delays
the active slot. Only the thread that renders is real-time: it runs with SCHED_RESET_ON_FORK, so
a thread or process a user module starts is an ordinary one (a module spinning in a thread of
its own cannot starve the machine). The pool and the shell stay normal. macOS: the thread
time-constraint policy; Windows: MMCSS "Pro Audio" and a high priority class.
Memory is locked (mlockall) and the heap pre-faulted, so a render never waits on a page fault;
garbage is frozen at start and collected between blocks, never during one.

Without the right (no rtprio limit) nothing fails: the processes keep the normal priority (a
nicer niceness where allowed), and `permission_notice` gives the one line that says what is lost
and how to allow it. `describe` reads what each process actually got, for `status`.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import gc
import os
import sys
import threading
import time
from pathlib import Path

from .realtime_other_systems import mac_time_constraint, windows_mmcss

AUDIO_SERVERS = ("jackd", "jackdbus", "pipewire", "pulseaudio")  # whose real-time threads we stay below
NO_SERVER_OUTPUT = 20   # the output's priority where no audio server runs real-time (rtkit's usual cap)
ROLE_BELOW_OUTPUT = {"output": 0, "active": 1, "standby": 2}  # steps below the output's priority
MCL_CURRENT, MCL_FUTURE, MCL_ONFAULT = 1, 2, 4
M_TRIM_THRESHOLD, M_MMAP_MAX = -1, -4
PREFAULT_BYTES = 16 * 1024 * 1024  # heap touched at start and kept (not trimmed) for later blocks
HOW_TO_ALLOW = ("allow it: add your user to the 'audio' group with '@audio - rtprio 95' and "
                "'@audio - memlock unlimited' in /etc/security/limits.d/audio.conf, then log in "
                "again (or run rtkit)")

_lifted: dict[int, list[int]] = {}   # threads lifted for a while (lift_ordinary_threads), ordinary at heart:
_kept_ordinary: set[int] = set()     # [lifters holding it, its priority]; never those in ordinary_meanwhile
_raised_itself: set[int] = set()     # threads raised by themselves (raising_itself) until back_from_raise
_lifting = threading.Lock()
_memory_locked: str | None = None  # once per process: "locked" or why not
_server_seen: tuple[float, int | None] = (-1e9, None)  # (when, what) the audio server was last read


def prepare() -> str:
    """Memory locked and pre-faulted, garbage frozen: once, at the start of an audio process."""
    memory = lock_memory()
    gc.collect()
    gc.freeze()   # everything imported and compiled so far is never scanned again
    gc.disable()  # the process's loop collects young garbage between blocks, where there is slack
    return f"memory {memory}"


def ordinary_children() -> None:
    """What the calling thread starts from now on (a user module's threads and processes) gets the
    ordinary policy and niceness, whatever this thread gets later (SCHED_RESET_ON_FORK)."""
    if sys.platform.startswith("linux"):
        nice = os.getpriority(os.PRIO_PROCESS, 0)
        os.sched_setscheduler(0, os.SCHED_OTHER | os.SCHED_RESET_ON_FORK, os.sched_param(0))
        os.setpriority(os.PRIO_PROCESS, 0, nice)


def set_role(role: str, output_priority: int, block_seconds: float = 256 / 48000) -> str:
    """The calling thread's scheduling for `role` (output, active, standby), `output_priority`
    being what the output's callback runs at (0: not real-time, so neither is anyone)."""
    if sys.platform.startswith("linux"):
        if output_priority <= 0:
            return "normal"
        return _linux_fifo(max(1, output_priority - ROLE_BELOW_OUTPUT[role]))
    if sys.platform == "darwin":
        return mac_time_constraint(block_seconds, role)
    if sys.platform == "win32":
        return windows_mmcss(role)
    return "normal (no real-time support on this system)"


def claim_callback(block_seconds: float) -> int:
    """Called once in the device callback's thread: the priority it runs at from now on (0: none).

    A JACK client's thread already runs where JACK put it (below the server): it is kept. Any other
    (the null clock, ALSA) is raised below the audio server's threads, if there is one."""
    if not sys.platform.startswith("linux"):
        set_role("output", 1, block_seconds)
        return 1
    policy = os.sched_getscheduler(0) & ~os.SCHED_RESET_ON_FORK
    given = os.sched_getparam(0).sched_priority
    if policy in (os.SCHED_FIFO, os.SCHED_RR) and given > 0:
        return given
    server = audio_server_priority()
    wanted = NO_SERVER_OUTPUT if server is None else max(1, server - 1)
    return wanted if _linux_fifo(wanted).startswith("SCHED_FIFO") else 0


def every_thread_real_time(priority: int) -> int:
    """The calling process's ordinary threads at SCHED_FIFO `priority` (Linux); how many. For the
    output process, whose every thread is on the audio path: libjack's notification threads run the
    Python xrun counter, so they take the GIL the device callback needs — at ordinary priority one
    preempted by a busy program while holding it kept the callback waiting past its cycle."""
    return len(lift_ordinary_threads(priority))


def lift_ordinary_threads(priority: int, tids: list[int] | None = None) -> list[int]:
    """The ids of this process's threads (or of `tids`) that were ordinary, or lifted already by another
    lifter, and are now at SCHED_FIFO `priority` (Linux, with the right; none otherwise): `put_back`
    returns them to the ordinary policy once every lifter holding one put it back. A thread inside
    `ordinary_meanwhile` (a file, a decoder, a measurement) is never lifted."""
    if priority <= 0 or not sys.platform.startswith("linux"):
        return []
    lifted = []
    with _lifting:
        for tid in threads_of(os.getpid()) if tids is None else tids:
            if tid in _kept_ordinary:
                continue
            if tid in _lifted or tid in _raised_itself:   # held by this lifter too (one raised by itself: at
                _lifted.setdefault(tid, [0, priority])[0] += 1   # `priority` once it puts itself back)
                lifted.append(tid)
                continue
            try:
                if policy_of(tid)[0] == os.SCHED_OTHER:
                    _lifted[tid] = [1, priority]   # before it runs lifted: ordinary_meanwhile/briefly then know
                    os.sched_setscheduler(tid, os.SCHED_FIFO | os.SCHED_RESET_ON_FORK, os.sched_param(priority))
                    lifted.append(tid)
            except OSError:
                _lifted.pop(tid, None)
                continue  # ended meanwhile, or no permission: it stays as it is
    return lifted


def put_back(lifted: list[int]) -> None:
    """Threads `lift_ordinary_threads` lifted, ordinary again once no lifter holds them — but not one that
    raised itself since (a line's thread that began its window meanwhile: it returns to the ordinary policy itself)."""
    with _lifting:
        for tid in lifted:
            held = _lifted.get(tid)
            if held is None:
                continue
            held[0] -= 1
            if held[0] > 0:
                continue
            del _lifted[tid]
            with contextlib.suppress(OSError):
                if tid not in _raised_itself and policy_of(tid) == (os.SCHED_FIFO, held[1]):
                    ordinary_thread(tid)


def raising_itself() -> None:
    """The calling thread is about to raise itself for a while (the prompt's, at its own priority), and puts
    itself back after (`back_from_raise`): no lifter's `put_back` may lower it meanwhile. At the lifted priority
    put_back could not tell the two apart: a packet's window that had lifted the REPL's thread between two
    prompts, ended while the next prompt was up, left that prompt ordinary (bench_latency_trace.py --osc-stream:
    264 ms). The windows' holds are kept (they were dropped: one still open as the prompt returned lost it)."""
    with _lifting:
        _raised_itself.add(threading.get_native_id())


def back_from_raise(raised_to: tuple[int, int]) -> None:
    """The calling thread puts itself back after `raising_itself`, if it is still at `raised_to` (policy,
    priority): lifted again while a window still holds it, else ordinary."""
    with _lifting:
        tid = threading.get_native_id()
        _raised_itself.discard(tid)
        held = _lifted.get(tid)
        with contextlib.suppress(OSError):
            if policy_of(tid) == raised_to and held is not None:
                os.sched_setscheduler(0, os.SCHED_FIFO | os.SCHED_RESET_ON_FORK, os.sched_param(held[1]))
            elif policy_of(tid) == raised_to:
                ordinary_thread()


def ordinary_thread(tid: int = 0) -> None:
    """A thread of this process (0: the calling one) back to the ordinary policy, if it may be; what it
    starts stays ordinary (its niceness may be favoured: repl_realtime.favour_the_prompt)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(tid, os.SCHED_OTHER | os.SCHED_RESET_ON_FORK, os.sched_param(0))


@contextlib.contextmanager
def ordinary_meanwhile():
    """The calling thread at the ordinary policy for a while if it was real-time, then back: for work
    whose length is not bounded (a file, a decoder, a port) that a real-time thread was handed. No
    lifter lifts it meanwhile (lift_ordinary_threads)."""
    if not hasattr(os, "sched_getscheduler"):
        yield
        return
    tid = threading.get_native_id()
    with _lifting:
        nested = tid in _kept_ordinary
        _kept_ordinary.add(tid)
        policy, param = os.sched_getscheduler(0), os.sched_getparam(0)
        lifted = tid in _lifted and tid not in _raised_itself   # lifted by a window: ordinary at heart, it stays so
        fifo = policy & ~os.SCHED_RESET_ON_FORK != os.SCHED_OTHER
        if fifo:
            ordinary_thread()
    try:
        yield
    finally:
        if not nested:
            with _lifting:
                _kept_ordinary.discard(tid)
        if fifo and not lifted:
            with contextlib.suppress(OSError):
                os.sched_setscheduler(0, policy, param)


def shell_priority(output_priority: int) -> int:
    """The SCHED_FIFO priority of the shell's audio-path threads, one step below the standby; 0: none."""
    if output_priority <= ROLE_BELOW_OUTPUT["standby"] + 1 or not sys.platform.startswith("linux"):
        return 0
    return output_priority - ROLE_BELOW_OUTPUT["standby"] - 1


@contextlib.contextmanager
def briefly(output_priority: int, as_role: str | None = None):
    """The calling thread real-time below the slots while a command goes from arrival to the last
    pipe write (on a busy machine an ordinary thread preempted there stamps late, or reaches one slot
    after the stamp); back to what it was after. Nothing without the right. `as_role` "active": at
    the active slot's priority, for the few tens of µs a command is stamped and written to the slots'
    pipes — a slot woken by the first write would otherwise preempt the shell on its core, while every
    slot about to begin a block waits for that stamping to end (supervisor.py) — and for the few ms a
    session's load "now" is pickled and written, after its stamping (its slots wait for it: cushion.py)."""
    priority = shell_priority(output_priority) if as_role is None else output_priority - ROLE_BELOW_OUTPUT[as_role]
    if priority <= 0 or not sys.platform.startswith("linux"):
        yield
        return
    try:
        before = (os.sched_getscheduler(0), os.sched_getparam(0), os.getpriority(os.PRIO_PROCESS, 0))
        if threading.get_native_id() in _lifted.keys() - _raised_itself:  # lifted by a window: ordinary at heart
            before = (os.SCHED_OTHER, os.sched_param(0), before[2])
        elif before[0] & ~os.SCHED_RESET_ON_FORK == os.SCHED_FIFO and before[1].sched_priority >= priority:
            before = None     # as high already (a session's load, raised once for its messages): nothing to undo
        if before is not None:
            os.sched_setscheduler(0, os.SCHED_FIFO | os.SCHED_RESET_ON_FORK, os.sched_param(priority))
    except OSError:
        yield
        return
    try:
        yield
    finally:
        if before is not None:
            os.sched_setscheduler(0, before[0], before[1])
            os.setpriority(os.PRIO_PROCESS, 0, before[2])


def audio_path_thread(output_priority: int) -> bool:
    """The calling thread of the shell (the supervisor's monitor, its checkpoints, a slot's
    replacement, a restore) at the fan-out's priority for good: they hold the supervisor's lock and the GIL
    a command waits for, so an ordinary program must not preempt them (a priority inversion that
    made commands 20–100 ms late on a busy machine). False until the output's priority is known."""
    if output_priority <= 0:
        return False
    if shell_priority(output_priority):
        try:
            os.sched_setscheduler(0, os.SCHED_FIFO | os.SCHED_RESET_ON_FORK, os.sched_param(shell_priority(output_priority)))
        except OSError:
            pass  # no permission: the thread stays as it is
    return True


class SlotRole:
    """Follows which ring the output plays and the output's priority: the slot behind the played
    ring is 'active', the other 'standby'. `follow` reads two words per loop; the scheduling
    changes only when one of them did."""

    def __init__(self, words, ring_name: str, active_word: int, priority_word: int, block_seconds: float):
        self.words, self.active_word, self.priority_word = words, active_word, priority_word
        self.block_seconds = block_seconds
        self.index = int(ring_name.rsplit("ring", 1)[1])  # rings are named …ring0 / …ring1
        self.state: tuple[bool, int] | None = None
        self.got = "normal"

    @property
    def active(self) -> bool:
        return bool(self.state and self.state[0])

    def follow(self) -> None:
        state = (int(self.words[self.active_word]) == self.index, int(self.words[self.priority_word]))
        if state != self.state:
            self.state = state
            self.got = set_role("active" if state[0] else "standby", state[1], self.block_seconds)


# -- Linux --------------------------------------------------------------------------------------
def _linux_fifo(priority: int) -> str:
    """SCHED_FIFO for the calling thread only; what it starts (threads, processes) is ordinary."""
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO | os.SCHED_RESET_ON_FORK, os.sched_param(priority))
    except (PermissionError, OSError):
        _nicer()
        return "normal (no real-time permission)"
    return f"SCHED_FIFO {priority}"


def audio_server_priority(max_age_s: float = 5.0) -> int | None:
    """The highest real-time priority among the audio server's threads (jackd, PipeWire…), read
    from /proc; None when none runs real-time. A /proc walk: read again after `max_age_s` only."""
    global _server_seen
    if time.monotonic() - _server_seen[0] < max_age_s:
        return _server_seen[1]
    best = None
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or (entry / "comm").read_text().strip() not in AUDIO_SERVERS:
                continue
            for tid in threads_of(int(entry.name)):
                policy, priority = policy_of(tid)
                if policy in (os.SCHED_FIFO, os.SCHED_RR) and priority > (best or 0):
                    best = priority
        except OSError:
            continue
    _server_seen = (time.monotonic(), best)
    return best


def policy_of(tid: int) -> tuple[int, int]:
    return os.sched_getscheduler(tid) & ~os.SCHED_RESET_ON_FORK, os.sched_getparam(tid).sched_priority


def threads_of(pid: int) -> list[int]:
    try:
        return [int(t) for t in os.listdir(f"/proc/{pid}/task")]
    except OSError:
        return []


def _nicer(niceness: int = -10) -> None:
    try:
        os.setpriority(os.PRIO_PROCESS, 0, niceness)
    except (AttributeError, PermissionError, OSError):
        pass


def _libc():
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name, use_errno=True) if name else None


def lock_memory() -> str:
    """mlockall, then pre-fault heap the renders will reuse (glibc keeps it: no trim, no mmap).
    Once per process; a slot worker does it while warming up, before anyone waits on it."""
    global _memory_locked
    if _memory_locked is not None:
        return _memory_locked
    libc = _libc() if sys.platform != "win32" else None
    if libc is None or not hasattr(libc, "mlockall"):
        _memory_locked = "not locked (no mlockall here)"
        return _memory_locked
    # On fault (Linux ≥ 4.4): a page is locked once touched — the warm-up render touches what the
    # renders use — so a new spare neither copies the forkserver's whole image (a private page locked
    # up front is a copy-on-write break) nor pins hundreds of MB it never reads.
    if libc.mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) != 0 and libc.mlockall(MCL_CURRENT | MCL_FUTURE) != 0:
        _memory_locked = f"not locked ({os.strerror(ctypes.get_errno())})"
        return _memory_locked
    if hasattr(libc, "mallopt"):  # glibc: freed memory stays in the (locked) heap for reuse
        libc.mallopt(M_TRIM_THRESHOLD, -1)
        libc.mallopt(M_MMAP_MAX, 0)
    touched = ctypes.create_string_buffer(PREFAULT_BYTES)  # zero-filled: every page faulted now
    del touched
    _memory_locked = "locked"
    return _memory_locked


@functools.lru_cache(maxsize=None)
def permission_notice() -> str | None:
    """None when real-time scheduling is allowed, else the one line for the start of the shell.

    Probed for real: a short-lived thread asks for SCHED_FIFO and gives it back."""
    if not sys.platform.startswith("linux"):
        return None  # macOS and Windows grant their audio policies to ordinary users
    result: list[bool] = []

    def probe() -> None:
        try:
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(1))
            os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))
            result.append(True)
        except (PermissionError, OSError):
            result.append(False)

    thread = threading.Thread(target=probe, name="chronus-rt-probe")
    thread.start()
    thread.join()
    if result and result[0]:
        return None
    return ("no real-time scheduling: audio runs at normal priority, so a busy machine can make it "
            f"click; {HOW_TO_ALLOW}")
