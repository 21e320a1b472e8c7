"""The MIDI out process: every MIDI output port lives here, not in the shell.

The shell plans (it reads the sequencer ahead and sends `("plan", …)` every few ms with the events
stamped in samples, the sample clock being the count of samples played); this process keeps the
queue and writes each event at its sample. With JACK (`CHRONUS_MIDI_API=jack`) it is a JACK client
whose process callback writes every event at its frame offset inside the period (`out_jack.py`):
sample-exact. Elsewhere (ALSA, CoreMIDI, Windows MM, or no JACK library) a thread sends each event
through python-rtmidi at the wall time its sample is heard. The process dies with the shell: the
pipe's end, the parent-death signal on Linux and a thread watching the parent everywhere.

Commands (a reply only where named): ("open", wanted) → ("open", name | None, error);
("ports",) → ("ports", names | error); ("present", name) → ("present", bool | None);
("plan", view) ; ("now", name, bytes) ; ("silence", name) ; ("stop",).
"""
from __future__ import annotations

import heapq
import os
import threading
import time

from ..supervisor.faults import die_with_parent, watch_parent
from ..supervisor.rings import leave_signals_to_the_shell
from .ports import MidiError, find_port, open_client, port_names

ORDER = {"start": 0, "stop": 0, "continue": 0, "off": 1, "tick": 2, "on": 3}
RAW = {"tick": [0xF8], "start": [0xFA], "stop": [0xFC]}
CONTINUE, SONG_POSITION = 0xFB, 0xF2


class EventQueue:
    """The events not sent yet, in sample order; a plan replaces everything from its start on.

    An entry: (sample, order, serial, kind, target, port, note, velocity); a continue has the
    step it goes on from as its `note`. A plan that comes late (a loaded machine) repeats events
    already taken: those are known by what they are (`sent`) and dropped; an event it brings that
    was never taken is sent at once, late — external gear counts the clock, and a tick dropped
    would put its song position a 16th behind the one a continue then sends. `take(until)` hands
    the due ones with their bytes; the note sounding per (port, target) is ended by the next note.
    """

    def __init__(self):
        self.events: list[tuple] = []
        self.sounding: dict[tuple[str, str], int] = {}
        self.offset_s = 0.0            # the shell's sample clock: sample / rate − offset = monotonic time
        self.rate = 48000
        self.sent: set[tuple] = set()  # (sample, kind, target, port, note) of the events taken that a plan may repeat
        self.ready = False             # a plan came: the clock offset is known
        self._serial = 0
        self.lock = threading.Lock()

    def plan(self, view: dict) -> None:
        start, settled = view["start"], view["settled"]
        with self.lock:
            self.offset_s, self.rate, self.ready = view["offset"], view["rate"], True
            kept = [e for e in self.events if e[0] < (settled if e[3] == "tick" else start)]
            self.sent = {key for key in self.sent if key[0] >= min(start, settled)}   # no plan repeats older ones
            for sample, kind, target, port, note, velocity in view["events"]:
                if sample >= (settled if kind == "tick" else start) and (sample, kind, target, port, note) not in self.sent:
                    kept.append((sample, ORDER[kind], self._serial, kind, target, port, note, velocity))
                    self._serial += 1
            heapq.heapify(kept)
            self.events = kept

    def next_sample(self) -> int | None:
        return self.events[0][0] if self.events else None

    def take(self, until: int) -> list[tuple[int, str, list[int]]]:
        """(sample, port, bytes) of every event before sample `until`, in order."""
        due = []
        if not self.ready:
            return due
        with self.lock:
            while self.events and self.events[0][0] < until:
                sample, _, _, kind, target, port, note, velocity = heapq.heappop(self.events)
                if kind != "raw":                      # sent at once by the sink, never planned
                    self.sent.add((sample, kind, target, port, note))
                due += [(sample, port, data) for data in self._bytes(kind, target, port, note, velocity)]
        return due

    def _bytes(self, kind, target, port, note, velocity) -> list[list[int]]:
        if kind == "raw":                              # sent at once: `note` holds the bytes
            return [note]
        if kind in RAW:
            return [RAW[kind]]
        if kind == "continue":                         # where the grid goes on (16ths), then go on
            step = note % 16384
            return [[SONG_POSITION, step & 0x7F, step >> 7], [CONTINUE]]
        off = [[0x80, n, 0] for n in _notes(self.sounding.pop((port, target), None))]
        if kind == "on":
            self.sounding[(port, target)] = note
            return off + [[0x90, n, velocity] for n in _notes(note)]
        return off

    def silence(self, port: str) -> list[list[int]]:
        with self.lock:
            keys = [k for k in self.sounding if k[0] == port]
            return [[0x80, n, 0] for k in keys for n in _notes(self.sounding.pop(k))]


def _notes(note) -> tuple[int, ...]:
    """A sounding note (a MIDI number), a chord's (a tuple of them) or none."""
    return () if note is None else note if isinstance(note, tuple) else (note,)


class RtmidiSink:
    """Ports through python-rtmidi; a thread sends each event at the wall time of its sample."""

    def __init__(self, queue: EventQueue):
        self.queue = queue
        self.ports: dict[str, object] = {}          # port name → rtmidi MidiOut
        self.wake = threading.Event()
        threading.Thread(target=self._run, name="midi-out-send", daemon=True).start()

    def names(self) -> list[str]:
        return port_names("out")

    def open(self, name: str) -> None:
        if name in self.ports:
            self.ports.pop(name).delete()
        client = open_client("out")
        client.open_port(client.get_ports().index(name), "out")
        self.ports[name] = client

    def close(self, name: str) -> None:
        client = self.ports.pop(name, None)
        if client is not None:
            client.close_port()
            client.delete()

    def send(self, name: str, data: list[int]) -> None:
        client = self.ports.get(name)
        if client is not None:
            client.send_message(data)

    def planned(self) -> None:
        self.wake.set()

    def finish(self) -> None:
        for name in list(self.ports):
            self.close(name)

    def _run(self) -> None:
        queue = self.queue
        while True:
            now = time.monotonic()
            until = int((now + queue.offset_s) * queue.rate) + 1
            for _, name, data in queue.take(until):
                self.send(name, data)
            following = queue.next_sample()
            wait = 0.05 if following is None else following / queue.rate - queue.offset_s - time.monotonic()
            if wait > 0:
                self.wake.wait(min(wait, 0.05))
                self.wake.clear()


def _sink(api: str, queue: EventQueue):
    if api == "jack":
        try:
            from .out_jack import JackSink

            return JackSink(queue)
        except (ImportError, OSError, RuntimeError, MidiError):
            pass                                      # no JACK library or server: rtmidi says why
    return RtmidiSink(queue)


def out_main(conn, api: str) -> None:
    """Process entry: answer the shell's commands until it says stop or its pipe closes."""
    leave_signals_to_the_shell()
    die_with_parent()
    watch_parent()
    if api:
        os.environ["CHRONUS_MIDI_API"] = api
    queue = EventQueue()
    try:
        sink = _sink(api, queue)
    except MidiError as err:
        sink, broken = None, str(err)
    _lowest_real_time()
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            break
        kind = item[0]
        if kind == "stop":
            _finish(sink, queue)
            break
        if sink is None:
            if kind in ("open", "ports", "present"):
                conn.send((kind, None, broken) if kind == "open" else (kind, broken))
            continue
        try:
            reply = _answer(sink, queue, item)
        except MidiError as err:
            reply = (kind, None, str(err)) if kind == "open" else (kind, str(err))
        if reply is not None:
            conn.send(reply)
    os._exit(0)                                       # no JACK or rtmidi teardown to wait for


def _lowest_real_time() -> None:
    """This (main) thread at the lowest SCHED_FIFO priority where allowed: it takes the plans under
    the queue's lock and the GIL that the sending thread (JACK's real-time callback) waits for; an
    ordinary thread preempted there by a busy program made the callback miss JACK cycles — events
    late, or lost — on a loaded machine. What it starts stays ordinary."""
    if hasattr(os, "sched_setscheduler"):
        try:
            os.sched_setscheduler(0, os.SCHED_FIFO | os.SCHED_RESET_ON_FORK, os.sched_param(1))
        except OSError:
            pass                                      # no real-time permission: as before


def _finish(sink, queue: EventQueue) -> None:
    """The shell stops: every note still sounding is ended, then the ports close."""
    if sink is None:
        return
    for name in list(sink.ports):
        for data in queue.silence(name):
            sink.send(name, data)
    sink.finish()


def _answer(sink, queue: EventQueue, item: tuple):
    kind = item[0]
    if kind == "plan":
        queue.plan(item[1])
        sink.planned()
    elif kind == "now":
        sink.send(item[1], list(item[2]))
    elif kind == "silence":
        for data in queue.silence(item[1]):
            sink.send(item[1], data)
    elif kind == "close":
        sink.close(item[1])
    elif kind == "ports":
        return ("ports", sink.names())
    elif kind == "present":
        return ("present", item[1] in sink.names())
    elif kind == "open":
        names = sink.names()
        found = find_port(names, item[1])
        if found is None:
            return ("open", None, f"no midi output matches {item[1]!r} (outputs: {', '.join(names) or 'none'})")
        sink.open(found)
        return ("open", found, None)
    return None


__all__ = ["out_main", "EventQueue"]
