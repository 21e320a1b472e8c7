"""MIDI ports through python-rtmidi (JACK MIDI or ALSA on Linux, CoreMIDI, Windows MM).

`CHRONUS_MIDI_API` picks the system API (`jack`, `alsa`, `coremidi`, `winmm`); otherwise rtmidi's
default for the platform. Ports are found by a case-insensitive part of their name, so
`use midi input keystep` finds "KeyStep Pro:KeyStep Pro MIDI 1 20:0", and `auto` takes the first
port that is not one of ours. Messages are parsed and built with mido.
"""
from __future__ import annotations

import os
import threading

CLIENT = "chronus"
APIS = {"jack": "API_UNIX_JACK", "alsa": "API_LINUX_ALSA", "coremidi": "API_MACOSX_CORE", "winmm": "API_WINDOWS_MM"}


class MidiError(RuntimeError):
    """No MIDI system, or no such port; one line for the user."""


def _api():
    import rtmidi

    name = os.environ.get("CHRONUS_MIDI_API", "").strip().lower()
    if not name:
        return rtmidi.API_UNSPECIFIED
    if name not in APIS:
        raise MidiError(f"CHRONUS_MIDI_API={name!r}: one of {', '.join(APIS)}")
    return getattr(rtmidi, APIS[name])


def open_client(kind: str, name: str = CLIENT):
    """A MidiIn or MidiOut client (no port opened yet); MidiError when the MIDI system is missing."""
    import rtmidi

    try:
        return (rtmidi.MidiIn if kind == "in" else rtmidi.MidiOut)(rtapi=_api(), name=name)
    except (rtmidi.SystemError, RuntimeError) as err:
        raise MidiError(f"no MIDI system here ({str(err).strip() or type(err).__name__})") from None


_PROBES: dict[str, object] = {}      # one listing client per kind, kept (asked every second by the watcher)
_PROBE_LOCK = threading.Lock()


def port_names(kind: str) -> list[str]:
    """The ports of the other side: the sources for an input, the destinations for an output."""
    with _PROBE_LOCK:
        probe = _PROBES.get(kind)
        if probe is None:
            probe = _PROBES[kind] = open_client(kind, f"{CLIENT}-{kind}-list")
        return [p for p in probe.get_ports() if not p.lower().startswith(CLIENT)]


def forget_probes() -> None:
    """Close the listing clients (the gear stops)."""
    with _PROBE_LOCK:
        for probe in _PROBES.values():
            probe.delete()
        _PROBES.clear()


def find_port(names: list[str], wanted: str) -> str | None:
    """The port `wanted` names (exact, else a case-insensitive part), or None; 'auto': the first."""
    if wanted == "auto":
        return names[0] if names else None
    for name in names:
        if name == wanted:
            return name
    low = wanted.lower()
    return next((name for name in names if low in name.lower()), None)


def describe_ports(outputs_of) -> str:
    """'midi inputs: a, b · outputs: c' (or why there are none); the outputs from `outputs_of()`
    (the MIDI out process lists them: no output client in the shell)."""
    try:
        inputs, outputs = port_names("in"), outputs_of()
    except MidiError as err:
        return str(err)
    return (f"midi inputs: {', '.join(inputs) or 'none'} · "
            f"midi outputs: {', '.join(outputs) or 'none'}")
