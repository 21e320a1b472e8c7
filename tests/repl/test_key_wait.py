"""The prompt's event loop waits for keys real-time and reads a few typed ones there (repl/key_wait.py);
what the keys start, a paste, a long line and anything else it wakes for run at the ordinary policy."""
from __future__ import annotations

import asyncio
import os
import threading
import time
from types import SimpleNamespace

from chronus_shell.repl import key_wait
from chronus_shell.repl.key_wait import KEYS_BYTES, WAIT_PRIORITY, ordinary_now, prompt_loop, watch_keys

from .test_repl_realtime import needs_rt


def policy(tid: int = 0) -> tuple[int, int]:
    return os.sched_getscheduler(tid) & ~os.SCHED_RESET_ON_FORK, os.sched_getparam(tid).sched_priority


REAL_TIME, ORDINARY = (os.SCHED_FIFO, WAIT_PRIORITY), (os.SCHED_OTHER, 0)


@needs_rt
def test_the_prompt_waits_real_time_and_reads_only_typed_keys_there():
    keys, typist = os.pipe()
    line = SimpleNamespace(text="saw1 cutoff")
    seen, woken, tid, done = {}, threading.Event(), [], []

    def read() -> None:
        data = os.read(keys, 4096)
        seen[data[:1]] = policy()
        asyncio.get_running_loop().call_soon(lambda: seen.update(after=policy()))   # the redraw's pass
        if data[:1] == b"e":
            ordinary_now()                     # the accept handler's first step
            seen["entered"] = policy()
        woken.set()

    async def prompt() -> None:
        loop = asyncio.get_running_loop()
        loop.add_reader(keys, read)
        done.append((loop, loop.create_future()))
        tid.append(threading.get_native_id())
        await done[0][1]

    def run() -> None:
        watch_keys(SimpleNamespace(input=SimpleNamespace(fileno=lambda: keys), default_buffer=line))
        with asyncio.Runner(loop_factory=prompt_loop) as runner:
            runner.run(prompt())

    thread = threading.Thread(target=run)
    thread.start()
    try:
        def typed(data: bytes) -> tuple[int, int]:
            while not tid:
                time.sleep(0.01)
            time.sleep(0.05)
            waiting = policy(tid[0])
            woken.clear()
            os.write(typist, data)
            assert woken.wait(2)
            time.sleep(0.02)
            return waiting

        assert typed(b"k") == REAL_TIME                        # waiting for a key
        assert seen[b"k"] == REAL_TIME and seen["after"] == ORDINARY
        typed(b"p" * (KEYS_BYTES + 1))                          # a paste
        assert seen[b"p"] == ORDINARY
        line.text = "x" * 300                                  # a long line: its redraw and completion are long
        typed(b"l")
        assert seen[b"l"] == ORDINARY
        line.text = "saw1 cutoff 800"
        typed(b"e")                                            # Enter: the line's work is not the key's
        assert seen[b"e"] == REAL_TIME and seen["entered"] == ORDINARY
    finally:
        if done:
            loop, future = done[0]
            loop.call_soon_threadsafe(future.set_result, None)
        thread.join(5)
        key_wait.watch_keys(None)
        os.close(keys)
        os.close(typist)
