"""The record tap: the output process copies every block it plays into a ring; the shell drains it
into the session's Recorder (a writer thread), so recording never touches the audio callback's time."""
from __future__ import annotations

import threading

from ..session.commands import SessionCommands
from ..session.recorder import Recorder
from .rings import RECORD_WRITE, Ring

RECORD_SECONDS = 4.0  # the ring holds this much audio between drains


class RecordTap:
    def __init__(self, ring: Ring, words, session: SessionCommands):
        self.ring, self.words, self.session = ring, words, session
        self.read = 0
        self._draining = threading.Lock()  # the monitor drains, and so do /record/stop and stop()

    def start(self, recorder: Recorder) -> None:
        """Record from the next block played (used by `chronus run --record` before the output starts)."""
        if recorder.error:
            raise RuntimeError(recorder.error)
        self.session.recorder = recorder
        self.read = int(self.words[RECORD_WRITE])

    def mark(self) -> None:
        """A recording started through /record/start: it begins with the next block played."""
        self.read = int(self.words[RECORD_WRITE])

    def drain(self) -> None:
        """Copy what the output played since the last drain into the recorder (if recording). One
        thread at a time: two at once could write a block twice (a monitor still running when stop() drains)."""
        with self._draining:
            self._drain()

    def _drain(self) -> None:
        written = int(self.words[RECORD_WRITE])
        recorder = self.session.recorder
        if recorder is None:
            self.read = written
            return
        capacity = self.ring.capacity
        if written - self.read > capacity:
            recorder.dropped_blocks += written - self.read - capacity
            self.read = written - capacity
        while self.read < written:
            recorder.write(self.ring.audio[self.read % capacity])
            self.read += 1
