"""MIDI out: a voice's sequencer notes to an external synth, and MIDI clock (24 ppqn, start/stop).

A thread reads what the sequencer will play a little ahead (`("peek", end)` to the active slot:
a copy of its sequencer with the messages already stamped), turns each event's sample into the
wall time it is heard at (the gear's sample clock) and sends it then. Every poll recomputes what
was not sent yet from the slot's position on, so a stop, a tempo or a pattern change sends
nothing stale. A tempo change moves the clock at its step (the sequencer's tempo changes land
on steps or bars).
"""
from __future__ import annotations

import heapq
import math
import threading
import time

from ..supervisor.workers import WorkerGone
from .ports import MidiError, find_port, open_client, port_names

POLL_S = 0.010
LOOKAHEAD_S = 0.200       # read this far past what is playing (covers swung steps' early ticks)
CLOCK, START, STOP = 0xF8, 0xFA, 0xFC
ORDER = {"start": 0, "stop": 0, "off": 1, "tick": 2, "on": 3}


class MidiOutput:
    """One output port, opened by (part of) its name."""

    def __init__(self, wanted: str):
        self.wanted = wanted
        self.client = None
        self.name: str | None = None

    def open(self) -> str:
        names = port_names("out")
        found = find_port(names, self.wanted)
        if found is None:
            raise MidiError(f"no midi output matches {self.wanted!r} (outputs: {', '.join(names) or 'none'})")
        client = open_client("out")
        client.open_port(client.get_ports().index(found), "out")
        self.close()
        self.client, self.name = client, found
        return found

    def present(self) -> bool:
        return self.name is not None and self.name in port_names("out")

    def send(self, data: list[int]) -> None:
        if self.client is not None:
            self.client.send_message(data)

    def close(self) -> None:
        if self.client is not None:
            self.client.close_port()
            self.client.delete()
            self.client = None


def midi_note(freq: float | None) -> int:
    return 60 if not freq else max(0, min(127, int(round(69 + 12 * math.log2(freq / 440.0)))))


class OutScheduler:
    """The sending thread for every voice sent out and for the clock."""

    def __init__(self, gear):
        self.gear = gear
        self.voices: dict[str, MidiOutput] = {}      # voice → port
        self.clock_port: MidiOutput | None = None
        self.sounding: dict[tuple[int, str], int] = {}   # (port id, target) → note number sounding
        self._queue: list[tuple[int, int, int, str, str, object]] = []   # (sample, order, serial, kind, target, data)
        self._serial = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return bool(self.voices) or self.clock_port is not None

    def ensure_running(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="chronus-midi-out", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
        for port in {id(p): p for p in [*self.voices.values(), self.clock_port] if p is not None}.values():
            port.close()

    # -- planning ----------------------------------------------------------------------------
    def _run(self) -> None:
        next_poll = 0.0
        while not self._stop.is_set() and self.busy:
            now = time.monotonic()
            if now >= next_poll:
                self._plan()
                next_poll = now + POLL_S
            due = self._send_due()
            wait = min(next_poll, due if due is not None else next_poll) - time.monotonic()
            if wait > 0:
                self._stop.wait(wait)

    def _plan(self) -> None:
        clock = self.gear.clock
        sup = self.gear.supervisor
        end = clock.sample_at(time.monotonic()) + int(LOOKAHEAD_S * sup.config.sample_rate)
        try:
            slot = sup._active_slot()
            view = slot.request(("peek", end), timeout=0.5) if slot is not None else None
        except WorkerGone:
            return
        if not view:
            return
        fresh = []
        for sample, target, on, freq, accent in view["notes"]:
            for voice, port in self.voices.items():
                if target in self.gear.voice_members(voice):
                    fresh.append((sample, "on" if on else "off", target, (port, freq, accent)))
        if self.clock_port is not None:
            fresh += [(tick, "tick", "", (self.clock_port,)) for tick in view["ticks"]]
            fresh += [(at, kind, "", (self.clock_port,)) for at, kind in view["transport"]]
        start, settled = view["start"], view["settled"]
        with self._lock:
            kept = [e for e in self._queue if e[0] < (settled if e[3] == "tick" else start)]
            for sample, kind, target, data in fresh:
                if sample >= (settled if kind == "tick" else start):
                    kept.append((sample, ORDER[kind], self._serial, kind, target, data))
                    self._serial += 1
            heapq.heapify(kept)
            self._queue = kept

    # -- sending -----------------------------------------------------------------------------
    def _send_due(self) -> float | None:
        """Send every event whose time has come; the time of the next one."""
        clock = self.gear.clock
        while True:
            with self._lock:
                if not self._queue:
                    return None
                sample = self._queue[0][0]
                when = clock.time_of(sample)
                if when > time.monotonic():
                    return when
                _, _, _, kind, target, data = heapq.heappop(self._queue)
            self._send(kind, target, data)

    def _send(self, kind: str, target: str, data) -> None:
        port = data[0]
        if kind == "tick":
            port.send([CLOCK])
        elif kind in ("start", "stop"):
            port.send([START if kind == "start" else STOP])
        elif kind == "on":
            _, freq, accent = data
            key = (id(port), target)
            if key in self.sounding:
                port.send([0x80, self.sounding.pop(key), 0])
            note = midi_note(freq)
            port.send([0x90, note, min(127, int(round(100 + 27 * accent)))])
            self.sounding[key] = note
        else:
            note = self.sounding.pop((id(port), target), None)
            if note is not None:
                port.send([0x80, note, 0])

    def silence(self, port: MidiOutput) -> None:
        """Note offs for every note still sounding on `port` (its voice stops being sent)."""
        for key in [k for k in self.sounding if k[0] == id(port)]:
            port.send([0x80, self.sounding.pop(key), 0])


__all__ = ["MidiOutput", "OutScheduler", "midi_note"]
