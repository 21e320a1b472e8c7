"""Wall time ↔ the engine's sample clock, measured from the output's progress.

The output process advances READ_BLOCK one block at a time and stamps the moment it took the block
(PLAYED_NS, in its real-time callback). A thread reads both every `STAMPED_POLL_S` and keeps, over a
sliding window, the largest `block × size / rate − time`: a callback can only be late, so the
largest is the closest to the true offset. The time is the output's own stamp, not when this thread
got to look: polled at ordinary priority on a busy machine it looked milliseconds late for seconds
on end, the offset sank by more than a millisecond and MIDI clock ticks slewed off their frames.
An exact stamp needs no fast poll: 100 looks a second (not 2,000 at ordinary priority, each taking
the GIL the MIDI planner and the supervisor's monitor wait for: preempted holding it, most likely what kept
the planner from planning for 150 ms in a loaded run: 7 ticks never sent), real-time below the slots where
allowed. (Where the stamp's clock is not `time.monotonic`'s, the poll's time, every `POLL_S`.) MIDI
events are stamped `sample_at(arrival) + latency`, so their timing does not depend on block edges.
"""
from __future__ import annotations

import threading
import time
from collections import deque

from ..supervisor import realtime

POLL_S = 0.0005
STAMPED_POLL_S = 0.01
WINDOW_S = 2.0


STAMPS_ARE_MONOTONIC = time.get_clock_info("perf_counter").implementation == \
    time.get_clock_info("monotonic").implementation       # Linux, macOS: one clock


class SampleClock:
    def __init__(self, read_block, block_size: int, sample_rate: int, read_played_ns=None, output_priority=None):
        self.read_block = read_block              # callable → the block the output plays next
        # callable → perf_counter ns when the output took the block before it (None: the poll's time)
        self.read_played_ns = read_played_ns if STAMPS_ARE_MONOTONIC else None
        self.output_priority = output_priority    # callable → the device callback's real-time priority
        self.block_size, self.sample_rate = block_size, sample_rate
        self._offsets: deque[tuple[float, float]] = deque()   # (when, offset seconds)
        self._offset: float | None = None
        self._last = self.read_block()
        self._look()                              # a stamp already there: exact from the first plan on
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chronus-sample-clock", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        poll_s = POLL_S if self.read_played_ns is None else STAMPED_POLL_S
        on_audio_path = self.output_priority is None
        while not self._stop.wait(poll_s):
            on_audio_path = on_audio_path or realtime.audio_path_thread(self.output_priority())
            self._look()

    def _look(self) -> None:
        """One (block, time) pair into the window: the output's stamp, or (no stamps) this look's time
        when the block has just moved on."""
        block, now = self.read_block(), time.monotonic()
        if self.read_played_ns is not None:
            # a stamp read as the block moves on may be the next block's: it only ever lowers the offset
            played_ns = self.read_played_ns()
            if not played_ns:
                return                            # nothing played yet
            when = played_ns * 1e-9
        elif block == self._last:
            return
        else:
            when = now
        self._last = block
        offset = block * self.block_size / self.sample_rate - when
        offsets = self._offsets
        while offsets and offsets[-1][1] <= offset:
            offsets.pop()                    # a monotonic deque: the window's largest is first
        offsets.append((now, offset))
        while offsets[0][0] < now - WINDOW_S:
            offsets.popleft()
        self._offset = offsets[0][1]

    def sample_at(self, when: float) -> int:
        """The sample the output plays at monotonic time `when`."""
        offset = self._offset
        if offset is None:
            offset = self.read_block() * self.block_size / self.sample_rate - time.monotonic()
        return int(round((when + offset) * self.sample_rate))

    @property
    def offset(self) -> float:
        """Seconds: `sample / rate − offset` is the monotonic time `sample` plays at."""
        return self._offset if self._offset is not None else 0.0

    def time_of(self, sample: int) -> float:
        """The monotonic time at which `sample` plays (the inverse of sample_at)."""
        return sample / self.sample_rate - self.offset

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=1.0)
