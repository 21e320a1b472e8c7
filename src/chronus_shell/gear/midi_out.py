"""MIDI out: a voice's sequencer notes to an external synth, and MIDI clock (24 ppqn,
start/stop/continue), planned here and played by the MIDI out process (`out_process.py`).

A thread in the shell reads what the sequencer will play a little ahead (`("peek", end)` to the
active slot: a copy of its sequencer with the messages already stamped) and posts it to the
process, stamped in samples with the sample clock's offset; every poll re-plans what was not
played yet from the slot's position on, so a stop, a tempo or a pattern change plays nothing
stale. The process writes each event at its sample (JACK: at its frame in the period), so the
shell's own timing (GIL, a busy REPL) never moves an event. No MIDI output port is opened in the
shell's process.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import threading
import time

from ..supervisor import realtime
from ..supervisor.child_processes import Child, WorkerGone
from ..supervisor.rings import RT_PRIORITY
from .out_process import out_main
from .ports import MidiError

POLL_S = 0.010
LOOKAHEAD_S = 0.200       # read this far past what is playing (covers swung steps' early ticks)
PLAN_LEAD_S = 0.020       # with MIDI out on, a start/stop/tempo is stamped this much later (a poll and a reply)
START_S = 15.0            # a first answer waits for the process to start (spawn, a JACK client)
STOP = 0xFC


class OutProcess(Child):
    """The MIDI out process; a thread here reads its replies (it only ever answers)."""

    def __init__(self, ctx, api: str):
        super().__init__(ctx, out_main, (api,), "chronus-midi-out")
        threading.Thread(target=self._read, name="chronus-midi-out-replies", daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                self.replies.put(self.conn.recv())
            except (EOFError, OSError, ValueError):
                return


class MidiOutput:
    """One output port of the MIDI out process, opened by (part of) its name."""

    def __init__(self, out: "OutScheduler", wanted: str):
        self.out, self.wanted = out, wanted
        self.name: str | None = None

    def open(self) -> str:
        name, error = self.out.ask("open", self.wanted)
        if error:
            raise MidiError(error)
        self.name = name
        return name

    def present(self) -> bool:
        here = self.out.ask("present", self.name)
        if isinstance(here, str):
            raise MidiError(here)
        return self.name is not None and bool(here)

    def send(self, data: list[int]) -> None:
        self.out.post(("now", self.name, list(data)))

    def close(self) -> None:
        self.out.post(("close", self.name))


def midi_note(freq) -> int | tuple[int, ...]:
    """The MIDI note of a pitch in Hz (60 when none), or a chord's notes for a tuple of Hz."""
    if isinstance(freq, tuple):
        return tuple(midi_note(f) for f in freq)
    return 60 if not freq else max(0, min(127, int(round(69 + 12 * math.log2(freq / 440.0)))))


class OutScheduler:
    """The planning thread for every voice sent out and for the clock, and the process it feeds."""

    def __init__(self, gear):
        self.gear = gear
        self.voices: dict[str, MidiOutput] = {}      # voice → port
        self.clock_port: MidiOutput | None = None
        self.process: OutProcess | None = None
        self._started = threading.Lock()
        self._planning = threading.Lock()            # one peek-and-post at a time: plans reach the process in order
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        return bool(self.voices) or self.clock_port is not None

    def ports(self) -> list[MidiOutput]:
        return list({id(p): p for p in [*self.voices.values(), self.clock_port] if p is not None}.values())

    # -- the process -------------------------------------------------------------------------
    def _process(self) -> OutProcess:
        with self._started:
            process = self.process
            if process is not None and process.alive():
                return process
            ctx = multiprocessing.get_context(self.gear.supervisor.config.start_method)
            self.process = OutProcess(ctx, os.environ.get("CHRONUS_MIDI_API", "").strip().lower())
        if process is not None:                      # it died: the ports open again in the new one
            self.gear.say("the MIDI out process stopped: started again")
            for port in self.ports():
                try:
                    port.open()
                except MidiError:
                    pass
        return self.process

    def ask(self, kind: str, *args):
        """The process's answer to one command; MidiError when it is gone."""
        process = self._process()
        try:
            return process.request((kind, *args), timeout=START_S)
        except WorkerGone as err:
            raise MidiError(f"midi out: {err}") from None

    def post(self, item: tuple) -> None:
        if self.process is not None:
            self.process.send(item)

    def port_names(self) -> list[str]:
        names = self.ask("ports")
        if isinstance(names, str):
            raise MidiError(names)
        return names

    def ensure_running(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="chronus-midi-out", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
        if self.process is not None:
            self.process.stop()

    def silence(self, port: MidiOutput) -> None:
        """Note offs for every note still sounding on `port` (its voice stops being sent)."""
        self.post(("silence", port.name))

    # -- planning ----------------------------------------------------------------------------
    def _run(self) -> None:
        on_audio_path, words = False, self.gear.supervisor.control.words
        while not self._stop.is_set() and self.busy:
            # real-time below the slots (where allowed): preempted holding the GIL by a busy program,
            # a poll came late enough to find steps played that no plan had seen
            on_audio_path = on_audio_path or realtime.audio_path_thread(int(words[RT_PRIORITY]))
            self.plan()
            self._stop.wait(POLL_S)

    def send_transport(self, msg, stamp):
        """A start, stop, continue or tempo, stamped PLAN_LEAD_S later than now (`stamp`: monotonic time →
        the sample heard then) and planned at once, real-time from the stamp to the plan: an ordinary
        thread preempted between them (a loaded machine) let the slot play the message before the
        plan's peek saw it queued, and the synth never got that stop."""
        sup = self.gear.supervisor
        with realtime.briefly(int(sup.control.words[RT_PRIORITY])):
            outcome = sup.send(msg, stamp(time.monotonic()) + int(PLAN_LEAD_S * sup.config.sample_rate))
            self.plan()
        return outcome

    def plan(self) -> None:
        """Read ahead and post the plan; also called right after a transport message is sent, so
        the slot's copy sees it queued before the slot plays it (a poll that came after would
        find its first steps played already, and never plan them)."""
        with self._planning:
            self._plan()

    def _plan(self) -> None:
        clock = self.gear.clock
        sup = self.gear.supervisor
        rate = sup.config.sample_rate
        end = clock.sample_at(time.monotonic()) + int(LOOKAHEAD_S * rate)
        try:
            slot = sup._active_slot()
            view = slot.request(("peek", end), timeout=0.5) if slot is not None else None
        except WorkerGone:
            return
        if not view:
            return
        events = []
        for sample, target, on, freq, accent in view["notes"]:
            for voice, port in list(self.voices.items()):
                if target in self.gear.voice_members(voice):
                    velocity = min(127, int(round(100 + 27 * accent)))
                    events.append((sample, "on" if on else "off", target, port.name, midi_note(freq), velocity))
        port = self.clock_port
        if port is not None:
            events += [(tick, "tick", "", port.name, 0, 0) for tick in view["ticks"]]
            events += [(at, kind, "", port.name, step, 0) for at, kind, step in view["transport"]]
        self.post(("plan", {"start": view["start"], "settled": view["settled"], "offset": clock.offset,
                            "rate": rate, "events": events}))


__all__ = ["MidiOutput", "OutScheduler", "midi_note"]
