"""MIDI in on the JACK dummy server with real JACK MIDI ports: this test process opens its own
rtmidi/JACK output port, the shell connects its input to it by name; notes sent from here are in the
recording at their pitch (±1 cent) and at their relative times (within the stated jitter), a CC
moves its mapped param along the param's scale, learn maps the next controller moved."""
from __future__ import annotations

import math
import subprocess
import time

import numpy as np
import pytest
import soundfile as sf

from chronus_shell.gear import Gear
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor

from .conftest import RATE, onsets, peak_frequency

pytestmark = pytest.mark.jack
UNPLUGGED: set[int] = set()
JACK_PERIOD_MS = 256 / 48    # JACK delivers a client's MIDI events at its period (the dummy server: -p 256)


@pytest.fixture
def keyboard(jack_server, monkeypatch):
    """This process's own JACK MIDI output port, 'testkbd:keys'."""
    import rtmidi

    monkeypatch.setenv("CHRONUS_MIDI_API", "jack")
    monkeypatch.setenv("JACK_NO_START_SERVER", "1")
    port = rtmidi.MidiOut(rtapi=rtmidi.API_UNIX_JACK, name="testkbd")
    port.open_virtual_port("keys")
    yield port
    if id(port) not in UNPLUGGED:                    # the hot-plug test unplugs it itself
        port.close_port()
        port.delete()


@pytest.fixture
def shell(tmp_path, keyboard):
    gear = Gear(Supervisor(Config.from_env(backend="null")))
    gear.start(record=tmp_path / "take.wav")
    yield gear
    gear.stop()


def lines(gear, *messages):
    return [gear.send(Message.parse(m)) for m in messages]


def test_notes_are_played_at_their_pitch_and_time(shell, keyboard, tmp_path):
    lines(shell, "/patch/create osc sine", "/patch/create env adsr", "/patch/connect osc env",
          "/patch/connect env master", "/mod/env/attack 1", "/mod/env/release 5", "/mod/env/sustain 1")
    said = shell.send(Message("/midi/in", ("testkbd",)))
    assert said == "midi input: testkbd:keys"
    connections = subprocess.run(["jack_lsp", "-c"], capture_output=True, text=True).stdout
    assert "testkbd:keys\n   chronus:in" in connections
    lines(shell, "/midi/plays osc")
    stamps = []
    fan_out = shell.supervisor._fan_out
    shell.supervisor._fan_out = lambda msg, at: stamps.append((at, fan_out(msg, at), str(msg))) or stamps[-1][1]
    time.sleep(0.5)                                 # the sample clock has seen a few hundred blocks
    notes = [57, 64, 69, 60, 72, 62, 67, 59]
    sent = []
    for index, note in enumerate(notes):
        sent.append(time.monotonic())
        keyboard.send_message([0x90, note, 100])
        time.sleep(0.150 + 0.0137 * index)            # uneven gaps: not locked to any block size
        keyboard.send_message([0x80, note, 0])
        time.sleep(0.060)
    time.sleep(0.3)
    shell.send(Message("/record/stop", ()))
    audio, rate = sf.read(tmp_path / "take.wav", dtype="float64")
    audio = audio.mean(axis=1)                       # the take is stereo; nothing is panned
    starts = onsets(audio, threshold=0.002)
    assert len(starts) == len(notes), starts
    for note, start in zip(notes, starts):
        wanted = 440.0 * 2 ** ((note - 69) / 12)
        measured = peak_frequency(audio[start + 480:start + 480 + 4800], rate)
        assert abs(1200 * math.log2(measured / wanted)) < 1.0, (note, measured, wanted)
    gates = [(asked, stamped) for asked, stamped, msg in stamps if msg.startswith("/gate/osc 1")]
    on_time = [start - stamped for start, (asked, stamped) in zip(starts, gates) if asked == stamped]
    assert len(on_time) >= len(notes) - 1                   # a callback delayed past the slack plays late
    assert max(on_time) - min(on_time) <= 8, on_time        # each note at its stamped sample (threshold crossing: the phase)
    heard = np.diff(starts) / rate * 1000
    played = np.diff(sent) * 1000
    errors = np.abs(heard - played)
    print(f"note timing error (send → sound): max {errors.max():.3f} ms, median {np.median(errors):.3f} ms; "
          f"fixed latency {shell.latency / RATE * 1000:.1f} ms")
    assert np.median(errors) < JACK_PERIOD_MS + 1.0, errors


def test_controllers_move_params_along_their_scale_and_learn(shell, keyboard):
    lines(shell, "/patch/create osc saw", "/patch/create flt filter", "/patch/connect osc flt",
          "/patch/connect flt master")
    shell.send(Message("/midi/in", ("keys",)))
    assert "cc 74 → flt.cutoff" in shell.send(Message("/midi/map", ("cc74", "flt.cutoff")))
    spec_low, spec_high = 20.0, 20000.0
    for value in (0, 64, 127):
        keyboard.send_message([0xB0, 74, value])
        time.sleep(0.15)
        cutoff = shell.patch_state()["modules"]["flt"]["params"]["cutoff"]
        wanted = spec_low * (spec_high / spec_low) ** (value / 127)
        assert cutoff == pytest.approx(wanted, rel=1e-5), (value, cutoff)   # logarithmic, Hz
    assert shell.send(Message("/midi/learn", ("flt.resonance",))).startswith("move a knob")
    keyboard.send_message([0xB0, 21, 127])
    time.sleep(0.15)
    assert any("learnt: cc 21 → flt.q" in p for p in shell.problems)
    keyboard.send_message([0xB0, 21, 0])
    time.sleep(0.15)
    assert shell.patch_state()["modules"]["flt"]["params"]["q"] == 0.1            # the bottom of its range
    assert "cc 21 → flt.q" in shell.send(Message("/midi/mappings", ()))
    assert shell.send(Message("/midi/unlearn", ("flt.q",))) == "cc 21 is free"          # undo of the learn
    assert "cc 21" not in shell.send(Message("/midi/mappings", ()))


def test_a_vanished_input_is_one_line_and_comes_back_by_name(shell, keyboard):
    import rtmidi

    from chronus_shell.supervisor.rings import LOST_BLOCKS, READ_BLOCK

    lines(shell, "/patch/create osc saw", "/patch/connect osc master", "/midi/plays osc")
    shell.send(Message("/midi/in", ("testkbd",)))
    keyboard.close_port()                           # the keyboard is unplugged
    keyboard.delete()
    UNPLUGGED.add(id(keyboard))
    deadline = time.monotonic() + 4
    while not any("is gone" in p for p in shell.problems) and time.monotonic() < deadline:
        time.sleep(0.05)
    gone = [p for p in shell.problems if "is gone" in p]
    assert gone == ["midi input testkbd:keys is gone: the music goes on, it reconnects when it is back"]
    played, lost = int(shell.control.words[READ_BLOCK]), int(shell.control.words[LOST_BLOCKS])
    time.sleep(0.3)
    assert int(shell.control.words[READ_BLOCK]) > played + 20 and int(shell.control.words[LOST_BLOCKS]) == lost
    again = rtmidi.MidiOut(rtapi=rtmidi.API_UNIX_JACK, name="testkbd")   # plugged in again
    again.open_virtual_port("keys")
    try:
        deadline = time.monotonic() + 4
        while not any("is back: reconnected" in p for p in shell.problems) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "midi input testkbd:keys is back: reconnected" in shell.problems
        sent = []
        fan_out = shell.supervisor._fan_out
        shell.supervisor._fan_out = lambda msg, at: sent.append(str(msg)) or fan_out(msg, at)
        again.send_message([0x90, 69, 127])
        time.sleep(0.3)
        assert any(m.startswith("/gate/osc 1 440.0") for m in sent), sent
        assert sum("is gone" in p for p in shell.problems) == 1            # said once
    finally:
        again.close_port()
        again.delete()
