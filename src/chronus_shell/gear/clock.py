"""Wall time ↔ the engine's sample clock, measured from the output's progress.

The output process advances READ_BLOCK one block at a time; a thread polls it every
`POLL_S` and keeps, over a sliding window, the largest `block × size / rate − time` seen at a
change: the change happened at or before the poll, so the largest is the closest to the true
offset (within a fraction of the poll interval once a few hundred blocks have passed). MIDI events
are stamped `sample_at(arrival) + latency`, so their timing does not depend on block edges.
"""
from __future__ import annotations

import threading
import time
from collections import deque

POLL_S = 0.0005
WINDOW_S = 2.0


class SampleClock:
    def __init__(self, read_block, block_size: int, sample_rate: int):
        self.read_block = read_block              # callable → the block the output plays next
        self.block_size, self.sample_rate = block_size, sample_rate
        self._offsets: deque[tuple[float, float]] = deque()   # (when, offset seconds)
        self._offset: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chronus-sample-clock", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        last = self.read_block()
        while not self._stop.wait(POLL_S):
            block = self.read_block()
            if block == last:
                continue
            now = time.monotonic()
            last = block
            offset = block * self.block_size / self.sample_rate - now
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
