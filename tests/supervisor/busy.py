"""A busy machine, the way a musician's is: many runnable ordinary-priority programs at once.

A dozen Python busy loops (a browser's tabs, a DAW's plug-in scan, a video call's encoder) and one
process that keeps allocating and touching memory (page faults, cache and memory-bus pressure).
Every one ends by itself after `seconds` even if the test dies, and all are killed on exit.
"""
from __future__ import annotations

import contextlib
import subprocess
import sys

BUSY_LOOPS = 12
SPIN = "import time\nend = time.monotonic() + {s}\nwhile time.monotonic() < end:\n    sum(range(1000))\n"
TOUCH = ("import time\nend = time.monotonic() + {s}\n"
         "while time.monotonic() < end:\n"
         "    pages = bytearray(64 * 1024 * 1024)\n"
         "    for i in range(0, len(pages), 4096):\n        pages[i] = 1\n"
         "    del pages\n")


@contextlib.contextmanager
def busy_machine(seconds: float, loops: int = BUSY_LOOPS):
    """Keep every core busy with `loops` spinning processes and a memory toucher for `seconds`."""
    scripts = [SPIN.format(s=seconds)] * loops + [TOUCH.format(s=seconds)]
    load = [subprocess.Popen([sys.executable, "-c", script]) for script in scripts]
    try:
        yield load
    finally:
        for process in load:
            process.kill()
        for process in load:
            process.wait()


def still_busy(load) -> bool:
    return all(process.poll() is None for process in load)
