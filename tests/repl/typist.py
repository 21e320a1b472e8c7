"""The shell itself typed at through a terminal (bench_latency_trace.py's `keys` path, the from-Enter
test in tests/supervisor/test_latency_measured.py): from the Enter key's arrival at the terminal to the
line's first changed sample, with the prompt's own stages.

A typist process (a terminal, as tmux or a terminal emulator is) owns a pty's master: it types each line
it is given (the start at once, the last characters one at a time with human gaps, so the prompt's
completion menu, lexer and redraws run as they do for a musician), notes when it wrote the Enter key,
and drains what the shell draws. The shell runs the REPL's own Shell and PromptSession on the pty's
slave, with the toolbar, its refresh and the status poll, and `patch_stdout` as `chronus` does. The
prompt's stages are noted by wrapping its input's read and its buffer's accept handler:

    Enter written → read by the event loop → accept handler → the line entered (EngineLink.reading,
    where the shell's own figure starts; Shell.entered, in the accept handler) → bench_latency_trace's
    stages; and the prompt's CPU time and wall time per line (typing it included)
"""
from __future__ import annotations

import asyncio
import contextlib
import fcntl
import gc
import multiprocessing
import os
import pty
import select
import struct
import termios
import threading
import time

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_input
from prompt_toolkit.output.vt100 import Vt100_Output
from prompt_toolkit.patch_stdout import patch_stdout

from chronus_shell.repl.app import settle
from chronus_shell.repl.printing import Output
from chronus_shell.repl.shell import Shell, make_prompt_session
from chronus_shell.supervisor.repl_realtime import favour_the_prompt

KEY_GAP_S = 0.04          # between the last characters typed one at a time (a fast typist)
KEYS_ONE_AT_A_TIME = 4    # the line's last characters, then a pause, then Enter
PAUSE_BEFORE_ENTER_S = 0.06
ROWS, COLUMNS = 30, 110


def _type(conn) -> None:
    """The typist: opens a pty (its size a terminal's), tells its slave's path, types each line received
    on the master; answers the Enter key's write time."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    conn.send(os.ttyname(slave))
    pending, shell = None, None   # the shell's pid: its threads' times are read at each Enter
    while True:
        ready, _, _ = select.select([conn.fileno(), master], [], [], 0.01 if pending else None)
        if master in ready:
            with contextlib.suppress(OSError):   # what the shell draws is thrown away; its cursor
                drawn = os.read(master, 65536)   # position requests answered, as a terminal does
                for _ in range(drawn.count(b"\x1b[6n")):
                    os.write(master, b"\x1b[%d;1R" % (ROWS // 2))
        if conn.fileno() in ready:
            line = conn.recv()
            if line is None:
                return
            if isinstance(line, int):
                shell = line
                continue
            head, tail = line[:-KEYS_ONE_AT_A_TIME], line[-KEYS_ONE_AT_A_TIME:]
            pending = [(time.monotonic() + 0.02, head)]
            pending += [(pending[0][0] + KEY_GAP_S * (k + 1), key) for k, key in enumerate(tail)]
            pending.append((pending[-1][0] + PAUSE_BEFORE_ENTER_S, "\r"))
        while pending and time.monotonic() >= pending[0][0]:
            _, keys = pending.pop(0)
            threads = task_times(shell) if keys == "\r" and shell else {}
            written = time.perf_counter_ns()
            os.write(master, keys.encode())
            if keys == "\r":
                conn.send((written, threads))


@contextlib.contextmanager
def terminal():
    """(the shell's side of a pty: input and output files, the typist's connection); the typist process
    is stopped on exit."""
    here, there = multiprocessing.get_context("spawn").Pipe()
    process = multiprocessing.get_context("spawn").Process(target=_type, args=(there,), daemon=True)
    process.start()
    path = here.recv()
    try:
        with open(path, "r", encoding="utf-8") as keys, open(path, "w", encoding="utf-8") as screen:
            yield keys, screen, here
    finally:
        here.send(None)
        process.join(5)


def task_times(pid: int) -> dict[int, tuple[int, int]]:
    """Each thread of `pid`: (ns on a CPU, ns runnable but waiting for one) so far (Linux /proc; {}
    elsewhere). Between two readings a thread's wall time less these two is time it slept: in the
    prompt's thread between the Enter key and the line's send, a wait for the GIL or a lock."""
    times = {}
    with contextlib.suppress(OSError):
        for tid in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError, ValueError), open(f"/proc/{pid}/task/{tid}/schedstat") as stat:
                on_cpu, waiting = stat.read().split()[:2]
                times[int(tid)] = (int(on_cpu), int(waiting))
    return times


def _schedstat() -> int:
    """ns the calling thread was runnable but waiting for a CPU so far (Linux; 0 elsewhere)."""
    try:
        with open("/proc/thread-self/schedstat") as stat:
            return int(stat.read().split()[1])
    except OSError:
        return 0


def _own_times() -> tuple[int, int]:
    """task_times' pair for the calling thread (its CPU time up to now: schedstat's lags behind a running
    thread by up to a scheduler tick)."""
    return time.thread_time_ns(), _schedstat()


class TypedShell:
    """The REPL's Shell on the pty, its prompt's moments noted per line (`marks`)."""

    def __init__(self, translator, link, keys, screen, typist):
        self.typist, self.marks, self.link = typist, {}, link
        self._wait = ((0, 0), (0, 0))   # the event loop's last blocking wait: (entered, its CPU wait so far), (woken, …)
        loop_select = asyncio.get_running_loop()._selector.select

        def select(timeout=None):
            if timeout is not None and timeout <= 0:
                return loop_select(timeout)
            waited = (time.perf_counter_ns(), _schedstat())
            events = loop_select(timeout)
            self._wait = (waited, (time.perf_counter_ns(), _schedstat()))
            return events
        asyncio.get_running_loop()._selector.select = select
        self.tid, self.collections = threading.get_native_id(), []   # (start, end ns, generation, thread)
        typist.send(os.getpid())
        gc.callbacks.append(self._collected)
        self._stack = contextlib.ExitStack()
        favour_the_prompt()                       # as app.py does for the prompt's thread
        settle()                                  # … and once the shell is up
        output = Vt100_Output.from_pty(screen, term="xterm-256color")
        self._stack.enter_context(create_app_session(input=create_input(keys), output=output))
        self._stack.enter_context(patch_stdout(raw=True))
        self.session = make_prompt_session(translator, link)
        self.shell = Shell(translator, link, Output(color=True), self.session)
        read_keys, accept = self.session.input.read_keys, self.session.default_buffer.accept_handler
        translate = translator.translate

        def read():
            at = time.perf_counter_ns()
            keys = read_keys()
            if any(key.key == "c-m" for key in keys):   # the loop's last wait: entered, woken (the GIL taken)
                (waited_ns, before), (woke_ns, after) = self._wait
                self.marks.update(read_ns=at, waited_ns=waited_ns, woke_ns=woke_ns, woke_cpu_wait_ns=after - before)
            return keys

        def accepted(buffer):   # the prompt's thread's times at accept and every thread's once the line is sent
            policy = os.sched_getscheduler(0) & ~os.SCHED_RESET_ON_FORK, os.sched_getparam(0).sched_priority
            self.marks.update(accept_ns=time.perf_counter_ns(), accept_times=_own_times(),
                              policy=(*policy, self.link._prompt.cut_short))
            try:
                return accept(buffer)
            finally:
                names = {thread.native_id: thread.name for thread in threading.enumerate()}
                self.marks.update(sent_ns=time.perf_counter_ns(), names=names,
                                  sent_times=task_times(os.getpid()) | {self.tid: _own_times()})

        def translated(line):
            self.marks["translating_ns"] = time.perf_counter_ns()   # (after the line's window opened)
            cpu = time.thread_time_ns()
            try:
                return translate(line)
            finally:
                self.marks.update(translated_ns=time.perf_counter_ns(), translate_cpu_ns=time.thread_time_ns() - cpu)
        self.session.input.read_keys, self.session.default_buffer.accept_handler = read, accepted
        translator.translate = translated

    async def line(self, line: str, before: bool = False, timed: bool = False) -> dict:
        """Type `line` and Enter, run what the prompt returns as the shell does; the prompt's moments.
        `before`: as the shell was before session 27 (the prompt's thread at niceness 0, the line
        translated and sent once the prompt returned); `timed`: as before session 29 (the status poll and
        the toolbar's redraw on their timers while the line is typed) — to compare in the same minutes."""
        self.marks = {}
        held = self.session.typing
        if timed:
            self.session.typing = self.link.typing = lambda: False
        try:
            return await self._line(line, before)
        finally:
            self.session.typing = self.link.typing = held

    async def _line(self, line: str, before: bool) -> dict:
        if before:
            os.setpriority(os.PRIO_PROCESS, 0, 0)
        cpu, wall = time.thread_time_ns(), time.perf_counter_ns()
        reading = asyncio.ensure_future(self.session.prompt_async() if before else self.shell.read())
        while not self.session.app.is_running:
            await asyncio.sleep(0.001)
        await asyncio.sleep(0.01)                   # typed once the prompt shows, as a musician does
        self.typist.send(line)
        text = await reading
        if before:
            favour_the_prompt()
        self.marks["loop_cpu_ms"] = (time.thread_time_ns() - cpu) / 1e6
        self.marks["loop_wall_ms"] = (time.perf_counter_ns() - wall) / 1e6
        await self.shell.execute(text)
        key_ns, key_times = self.typist.recv()
        collected = [c for c in self.collections if c[1] >= key_ns]
        return dict(self.marks, key_ns=key_ns, key_times=key_times, tid=self.tid, collections=collected)

    def _collected(self, phase: str, info: dict) -> None:
        """Each garbage collection in the process: when, which generation, in which thread."""
        if phase == "start":
            self._collecting = time.perf_counter_ns()
        else:
            self.collections = [*self.collections[-50:], (self._collecting, time.perf_counter_ns(),
                                                           info["generation"], threading.get_native_id())]

    def close(self) -> None:
        gc.callbacks.remove(self._collected)
        self._stack.close()
