"""MIDI out and MIDI clock on the JACK dummy server: this test process opens its own JACK MIDI input
port ('testsynth:in'); the shell sends a voice's sequencer notes and 24-ppqn clock with start and stop
to it. Measured with JACK's own event times (rtmidi delta times): ticks at the tempo within the
stated jitter, through a tempo change; notes on their ticks with their pitches."""
from __future__ import annotations

import time

import numpy as np
import pytest

from chronus_shell.gear import Gear
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor

pytestmark = pytest.mark.jack
JACK_PERIOD_S = 256 / 48000      # JACK delivers a client's MIDI at its period


@pytest.fixture
def synth(jack_server, monkeypatch):
    """This process's JACK MIDI input 'testsynth:in': every message with its JACK time (seconds)."""
    import rtmidi

    monkeypatch.setenv("CHRONUS_MIDI_API", "jack")
    port = rtmidi.MidiIn(rtapi=rtmidi.API_UNIX_JACK, name="testsynth")
    port.ignore_types(timing=False)
    port.open_virtual_port("in")
    received: list[tuple[float, list[int]]] = []
    clock = [0.0]

    def heard(event, _data):
        message, delta = event
        clock[0] += delta
        received.append((clock[0], message))

    port.set_callback(heard)
    yield received
    port.close_port()
    port.delete()


@pytest.fixture
def shell(synth):
    gear = Gear(Supervisor(Config.from_env(backend="null"))).start()
    yield gear
    gear.stop()


def test_clock_and_notes_follow_the_sequencer(shell, synth):
    for line in ["/patch/create bass saw", "/patch/connect bass master", "/seq/bpm 120",
                 "/seq/add bass bass x...x...x...x...", "/seq/notes bass " + " ".join(n for n in ("a2", "c3", "e3", "g3") for _ in range(4))]:
        shell.send(Message.parse(line))
    assert shell.send(Message("/midi/out", ("bass", "testsynth"))) == "bass notes go to midi out testsynth:in"
    assert "to testsynth:in" in shell.send(Message("/midi/clock", ("on", "testsynth")))
    time.sleep(0.5)
    shell.send(Message("/seq/start", ()))
    time.sleep(2.2)
    shell.send(Message("/seq/bpm", (150.0, "now")))
    time.sleep(2.0)
    shell.send(Message("/seq/stop", ()))
    time.sleep(0.5)
    kinds = [m[0] for _, m in synth]
    assert kinds[0] == 0xFA and 0xFC in kinds                  # start first, then a stop
    ticks = np.array([t for t, m in synth if m[0] == 0xF8])
    at_120 = ticks[ticks - ticks[0] < 2.0]
    at_150 = ticks[ticks - ticks[0] > 2.6]
    period = lambda times: np.polyfit(np.arange(len(times)), times, 1)[0]      # noqa: E731 — a fitted tick period
    assert period(at_120) == pytest.approx(60 / (120 * 24), rel=0.005)            # 24 ppqn at 120 bpm
    assert period(at_150) == pytest.approx(60 / (150 * 24), rel=0.005)            # … then at 150
    stamps = ticks - ticks[0]
    before = stamps[stamps < 2.0]
    grid = np.round(before / (60 / (120 * 24))) * (60 / (120 * 24))
    errors = np.abs(before - grid)
    print(f"clock jitter at 120 bpm: max {errors.max() * 1000:.3f} ms, median {np.median(errors) * 1000:.3f} ms")
    assert np.median(errors) <= JACK_PERIOD_S and errors.max() <= JACK_PERIOD_S + 0.003
    counts = np.diff(np.flatnonzero(np.array([m[0] == 0x90 for _, m in synth if m[0] in (0x90, 0xF8)])))
    assert set(counts[:6].tolist()) == {25}                    # a note every 24 ticks (a beat), between them
    notes = [m[1] for _, m in synth if m[0] == 0x90]
    assert notes[:4] == [45, 48, 52, 55]                       # a2 c3 e3 g3
    offs = [m for _, m in synth if m[0] == 0x80]
    assert len(offs) >= len(notes) - 1
