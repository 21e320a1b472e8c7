"""The MIDI out process dies with the shell: the real shell in tmux sends a voice's notes and the
clock to this test's JACK MIDI port; after `quit` or a kill -9 of the shell every process it
started is gone, the MIDI out process and its JACK client with them."""
from __future__ import annotations

import os
import time

import pytest

from repl.test_e2e_tmux import TIMEOUT_S, Run, shm_blocks_of, started, still_alive, terminal_of

from .conftest import wait_for
from .midi_receiver import JackMidiReceiver

pytestmark = pytest.mark.jack


@pytest.fixture
def synth(jack_server, monkeypatch):
    monkeypatch.setenv("CHRONUS_MIDI_API", "jack")      # the shell in tmux inherits it
    receiver = JackMidiReceiver("testsynth")
    yield receiver
    receiver.close()


def sending_shell(terminal, synth) -> Run:
    started(terminal)
    terminal.enter("add a saw called bass")
    terminal.enter("play x...x...x...x... on bass")
    terminal.enter("send the bass notes to midi out testsynth")
    terminal.wait_for("bass notes go to midi out testsynth:in", TIMEOUT_S)
    terminal.enter("midi clock on to testsynth")
    terminal.wait_for("midi clock (24 ppqn", TIMEOUT_S)
    terminal.enter("start")
    assert wait_for(lambda: any(e[1][0] == 0x90 for e in synth.events), TIMEOUT_S), terminal.screen()
    assert [name for name in synth.connections() if name.startswith("chronus-out:")]
    return Run(terminal)


def test_a_killed_shell_takes_the_midi_out_process_with_it(synth, chronus_home):
    with terminal_of(chronus_home) as terminal:
        run = sending_shell(terminal, synth)
        os.kill(run.pid, 9)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (still_alive(run.processes) or shm_blocks_of(run.pid)):
            time.sleep(0.1)
        run.assert_all_gone(chronus_home)
        assert wait_for(lambda: synth.connections() == [], 5)


def test_quit_ends_the_notes_and_the_midi_out_process(synth, chronus_home):
    with terminal_of(chronus_home) as terminal:
        run = sending_shell(terminal, synth)
        terminal.keys("C-d")
        terminal.wait_dead()
        run.assert_all_gone(chronus_home)
        assert synth.connections() == []
        notes = [e[1] for e in synth.events if e[1][0] in (0x80, 0x90)]
        assert notes[-1][0] == 0x80                     # the last note sounding was ended


def test_the_rtmidi_fallback_sends_at_the_wall_time_of_each_sample(synth):
    """Without a JACK client of our own (no JACK library, ALSA, Windows), the MIDI out process sends
    through rtmidi at the wall time of each sample: on time to the JACK period."""
    from chronus_shell.gear.out_process import EventQueue, RtmidiSink
    from chronus_shell.gear.ports import forget_probes

    queue = EventQueue()
    sink = RtmidiSink(queue)
    sink.open("testsynth:in")
    first = int((time.monotonic() + 0.2) * 48000)
    ticks = [(first + 1000 * k, "tick", "", "testsynth:in", 0, 0) for k in range(48)]
    queue.plan({"start": first, "settled": first, "offset": 0.0, "rate": 48000,
                "events": [(first, "start", "", "testsynth:in", 0, 0), *ticks]})
    sink.planned()
    assert wait_for(lambda: len(synth.events) == 49, 5)
    sink.finish()
    forget_probes()                                    # the listing client this process opened
    frames = [f for f, m in synth.events if m == [0xF8]]
    spacing = [b - a for a, b in zip(frames, frames[1:])]
    assert synth.events[0][1] == [0xFA]
    assert all(1000 - 2 * 256 <= s <= 1000 + 2 * 256 for s in spacing), spacing
