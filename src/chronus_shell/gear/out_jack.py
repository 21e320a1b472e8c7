"""MIDI out on JACK, sample-exact: a JACK client with one MIDI port per destination, whose process
callback writes every event due in the period at its frame offset (JACK-Client, cffi).

Samples become JACK frames through wall time: the shell's sample clock says when a sample is
heard (monotonic), and each period tells when its first frame is (the callback's time less JACK's
`frames_since_cycle_start`; the largest `frame − time` of the last seconds, as the sample clock
does). Their sum is one offset, locked: it moves only when the two clocks drift apart by more than
`SLEW_S`, then by a frame a period, so events keep their spacing to the frame (or within a
frame a period while it moves).
"""
from __future__ import annotations

import re
import time
from collections import deque

import jack

from .ports import CLIENT, MidiError

WINDOW_S = 2.0
SLEW_S = 0.001            # the clocks drifted this far apart: the offset moves, a frame a period
JUMP_S = 0.020            # … this far (an output restarted): at once


class FrameMap:
    """Engine sample ↔ JACK frame: `frame = sample × jack rate / rate + offset`, the offset locked."""

    def __init__(self, jack_rate: int):
        self.jack_rate = jack_rate
        self._marks: deque[tuple[float, float]] = deque()    # (when, frame − time × rate): window max first
        self.locked: int | None = None
        self.slewing = False

    def cycle(self, first_frame: int, since: int) -> None:
        now = time.monotonic()
        mark = first_frame - (now * self.jack_rate - since)
        marks = self._marks
        while marks and marks[-1][1] <= mark:
            marks.pop()
        marks.append((now, mark))
        while marks[0][0] < now - WINDOW_S:
            marks.popleft()

    def offset(self, offset_s: float) -> int:
        """The locked offset for the shell's sample clock offset (seconds), moved a frame a period
        toward the measured one once they are more than SLEW_S apart (at once beyond JUMP_S)."""
        measured = self._marks[0][1] - offset_s * self.jack_rate
        apart = measured - self.locked if self.locked is not None else None
        if apart is None or abs(apart) > JUMP_S * self.jack_rate:
            self.locked, self.slewing = int(round(measured)), False
        elif self.slewing or abs(apart) > SLEW_S * self.jack_rate:
            self.slewing = abs(apart) > 1
            if self.slewing:
                self.locked += 1 if apart > 0 else -1
        return self.locked


class JackSink:
    def __init__(self, queue):
        self.queue = queue
        try:
            self.client = jack.Client(f"{CLIENT}-out", no_start_server=True)
        except jack.JackError as err:
            raise MidiError(f"no JACK server here ({err})") from None
        self.map = FrameMap(self.client.samplerate)
        self.ports: dict[str, jack.OwnMidiPort] = {}     # destination → our port connected to it
        self.client.set_process_callback(self._process)
        self.client.activate()

    def names(self) -> list[str]:
        return [p.name for p in self.client.get_ports(is_midi=True, is_input=True)
                if not p.name.lower().startswith(CLIENT)]

    def open(self, name: str) -> None:
        port = self.ports.get(name)
        if port is None:
            port = self.client.midi_outports.register(re.sub(r"[^\w.-]+", "_", name)[:200])
            self.ports[name] = port
        if name not in [p.name for p in port.connections]:
            self.client.connect(port, name)

    def close(self, name: str) -> None:
        port = self.ports.pop(name, None)
        if port is not None:
            port.unregister()

    def send(self, name: str, data: list[int]) -> None:
        """At once: queued for the next period's first frame."""
        with self.queue.lock:
            self.queue.events.append((-1, 0, -1, "raw", "", name, data, 0))
            self.queue.events.sort(key=lambda e: e[:3])

    def planned(self) -> None:
        pass

    def finish(self) -> None:
        """Let the events sent last go out (two periods), then leave the JACK graph."""
        time.sleep(3 * self.client.blocksize / self.client.samplerate + 0.005)
        self.client.deactivate()
        self.client.close()

    def _process(self, frames: int) -> None:
        client, queue, fmap = self.client, self.queue, self.map
        first = client.last_frame_time
        fmap.cycle(first, client.frames_since_cycle_start)
        for port in self.ports.values():
            port.clear_buffer()
        ratio = fmap.jack_rate / queue.rate
        offset = fmap.offset(queue.offset_s)
        until = int((first + frames - offset) / ratio)     # samples before this period's end
        for sample, name, data in queue.take(until):
            port = self.ports.get(name)
            if port is not None:
                at = min(frames - 1, max(0, int(round(sample * ratio)) + offset - first))
                try:
                    port.write_midi_event(at, data)
                except jack.JackError:
                    pass                                  # the period's buffer is full: dropped


__all__ = ["JackSink", "FrameMap"]
