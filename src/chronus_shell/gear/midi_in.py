"""MIDI input: notes play a voice, controllers move mapped params, learn, pitch bend and mod wheel.

Every event becomes a canonical message (`/gate/<voice> 1 <hz> <accent>`, `/mod/<id>/<param> v`)
stamped at the sample it arrived at plus a fixed latency (`Gear.latency`), so notes keep their
relative timing to the sample whatever the block edges (the arrival time is the driver's event
time: rtmidi's delta times, anchored to the wall clock by their smallest lag).
"""
from __future__ import annotations

import threading
import time

from ..engine.params import ParamSpec
from ..protocol.message import Message
from .ports import MidiError, find_port, open_client, port_names

BEND_CENTS = 200.0           # pitch bend range: ± a whole tone, the common default
MOD_WHEEL = 1
KNOB_CC_BASE = 69            # knob 1 = CC 70 … knob 8 = CC 77 (the common factory layout, e.g. Akai MPK mini)
ALL_NOTES_OFF = 123
ANCHOR_RELAX_S = 1e-4        # the event-time anchor may move up this much per second (clock drift)


def control_number(control: str) -> int:
    """'cc74' → 74, 'knob1' → 70."""
    if control.startswith("knob"):
        return KNOB_CC_BASE + int(control[4:])
    return int(control[2:])


def control_text(control: str) -> str:
    """How a control is said: 'knob 3', 'cc 74'."""
    return f"knob {control[4:]}" if control.startswith("knob") else f"cc {control[2:]}"


def scaled(spec: ParamSpec, value: int) -> float:
    """A 0–127 controller value along the param's range: logarithmic for Hz, linear otherwise."""
    position = value / 127.0
    if spec.unit == "Hz" and spec.low > 0:
        return float(spec.low * (spec.high / spec.low) ** position)
    return float(spec.low + position * spec.span)


def note_hz(note: int) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


class MidiInput:
    """One input port, opened by name; reopened by the gear's watcher when it comes back."""

    def __init__(self, gear, wanted: str):
        self.gear, self.wanted = gear, wanted
        self.client = None
        self.name: str | None = None         # the port we listen to
        self.held: list[int] = []            # notes held, newest last (a mono voice plays the newest)
        self._since_open = 0.0
        self._anchor: float | None = None
        self._last_arrival = 0.0
        self._lock = threading.Lock()

    # -- ports -------------------------------------------------------------------------------
    def open(self) -> str:
        """Connect to the port; the line for the user, or MidiError."""
        names = port_names("in")
        found = find_port(names, self.wanted)
        if found is None:
            available = ", ".join(names) or "none"
            raise MidiError(f"no midi input matches {self.wanted!r} (inputs: {available})")
        client = open_client("in")
        client.ignore_types(sysex=True, timing=True, active_sense=True)
        client.open_port(client.get_ports().index(found), "in")
        client.set_callback(self._on_event)
        self.close()
        self.client, self.name = client, found
        self._since_open, self._anchor, self.held = 0.0, None, []
        return f"midi input: {found}"

    def present(self) -> bool:
        return self.name is not None and self.name in port_names("in")

    def close(self) -> None:
        if self.client is not None:
            self.client.cancel_callback()
            self.client.close_port()
            self.client.delete()
            self.client = None

    # -- events ------------------------------------------------------------------------------
    def _event_time(self, delta: float) -> float:
        """The event's monotonic time: the driver's delta times summed, anchored by the least lag."""
        arrival = time.monotonic()
        self._since_open += delta
        lag_free = arrival - self._since_open
        if self._anchor is None:
            self._anchor = lag_free
        else:
            relaxed = self._anchor + ANCHOR_RELAX_S * max(0.0, arrival - self._last_arrival)
            self._anchor = min(relaxed, lag_free)
        self._last_arrival = arrival
        return self._anchor + self._since_open

    def _on_event(self, event, _data=None) -> None:
        import mido

        raw, delta = event
        when = self._event_time(delta)
        try:
            msg = mido.Message.from_bytes(raw)
        except ValueError:
            return
        with self._lock:
            at = self.gear.stamp(when)
            if msg.type == "note_on" and msg.velocity > 0:
                self._note_on(msg.note, msg.velocity, at)
            elif msg.type in ("note_on", "note_off"):
                self._note_off(msg.note, at)
            elif msg.type == "control_change":
                self._control(msg.control, msg.value, at)
            elif msg.type == "pitchwheel":
                self.gear.bend(msg.pitch / 8192.0 * BEND_CENTS, at)
            elif msg.type in ("start", "stop", "continue"):     # a DAW's or drum machine's transport
                self.gear.transport(msg.type, at)

    def _note_on(self, note: int, velocity: int, at: int) -> None:
        voice = self.gear.voice()
        if voice is None:
            return
        if note in self.held:
            self.held.remove(note)
        self.held.append(note)
        self.gear.engine(Message(f"/gate/{voice}", (1, note_hz(note), round(velocity / 127.0, 4))), at)

    def _note_off(self, note: int, at: int) -> None:
        voice = self.gear.voice()
        if voice is None or note not in self.held:
            return
        newest = self.held[-1] == note
        self.held.remove(note)
        if self.gear.is_poly(voice):                     # a poly voice: that note alone ends (its tail rings)
            self.gear.engine(Message(f"/gate/{voice}", (0, note_hz(note))), at)
            return
        if not newest:
            return                                       # a note under the sounding one: nothing to hear
        if self.held:                                    # back to the note still held (legato)
            self.gear.engine(Message(f"/gate/{voice}", (1, note_hz(self.held[-1]), 0.0)), at)
        else:
            self.gear.engine(Message(f"/gate/{voice}", (0,)), at)

    def _control(self, number: int, value: int, at: int) -> None:
        if number == ALL_NOTES_OFF and self.held:
            self.held = [self.held[-1]]
            self._note_off(self.held[-1], at)
            return
        self.gear.controller(number, value, at)


__all__ = ["MidiInput", "control_number", "scaled", "note_hz", "KNOB_CC_BASE", "MOD_WHEEL"]
