"""The OSC server's thread on the real-time path, bounded: a packet's arrival → the first changed
sample should take what a typed line takes.

At the ordinary priority the server's thread, woken by a packet on a busy machine, waited behind every
runnable program before it even read it. So once the engine is up it waits for packets at the shell's
audio-path priority (Supervisor.on_audio_path, below the slots) and handles a small datagram real-time,
with the rest of the process quiet meanwhile (repl_realtime.Quiet). Bounded: a datagram over
SMALL_DATAGRAM bytes (a big bundle) is handled at the ordinary policy, and so is every datagram once
OSC_SHARE of the current second went to real-time handling (a flood, a port scan, a controller gone
mad must not take a core of two nor the real-time budget the audio processes share); the messages that
do file or port work (a session, a sample) are sent at the ordinary policy by Supervisor.send itself.
"""
from __future__ import annotations

import contextlib
import time

from . import latency, realtime
from .repl_realtime import Watchdog, real_time

SMALL_DATAGRAM = 1024   # bytes: a few dozen messages at most
OSC_SHARE = 0.1         # of each second, at most, spent handling packets real-time


class OscPace:
    """`handling(size)` around each datagram the server reads (OscServer's `pace`)."""

    def __init__(self, supervisor, share: float = OSC_SHARE):
        self.supervisor, self.share = supervisor, share
        self.second, self.used = 0.0, 0.0   # the current second's start, and its real-time handling time
        self.ordinary = 0                   # datagrams handled at the ordinary policy by a real-time thread
        self.watchdog = Watchdog(supervisor.on_audio_path)   # a packet's window ends in time, as a line's

    @contextlib.contextmanager
    def handling(self, size: int):
        arrived, start = time.perf_counter_ns(), time.monotonic()
        if start - self.second >= 1.0:
            self.second, self.used = start, 0.0
        fast = real_time() and size <= SMALL_DATAGRAM and self.used < self.share
        if not fast:
            self.ordinary += real_time()
            realtime.ordinary_thread()
        window = self.watchdog.bounded(contextlib.nullcontext()) if fast else contextlib.nullcontext()
        try:
            with window, latency.arrived(arrived):     # (the process quiet for at most the watchdog's window: a
                yield                                  # small packet that loads a session is not quiet all along)
        finally:
            if fast:
                self.used += time.monotonic() - start
            if self.used < self.share:
                self.supervisor.on_audio_path()   # waits for the next packet real-time (once the engine is up)
