"""MIDI mappings through the gear layer and the real Supervisor (null backend): saved in the
session file's `gear` section, loaded back, refused in one line when they name nothing."""
from __future__ import annotations

import json

import pytest

from chronus_shell.gear import Gear, MidiError
from chronus_shell.protocol.message import Message
from chronus_shell.session.paths import session_path
from chronus_shell.supervisor import Config, Supervisor


@pytest.fixture
def gear():
    shell = Gear(Supervisor(Config.from_env(backend="null"))).start()
    yield shell
    shell.stop()


def test_mappings_travel_with_the_session(gear):
    for line in ["/patch/create bass saw", "/patch/create flt acid_filter", "/patch/connect bass flt",
                 "/patch/connect flt master"]:
        gear.send(Message.parse(line))
    assert gear.send(Message("/midi/map", ("knob1", "flt.res"))) == "knob 1 → flt.resonance"
    gear.send(Message("/midi/plays", ("bass",)))
    assert gear.send(Message("/session/save", ("mapped",))).ok
    saved = json.loads(session_path("mapped").read_text())
    assert saved["gear"] == {"maps": {"knob1": "flt.resonance"}, "plays": "bass"}
    gear.send(Message("/midi/unmap", ("knob1",)))
    assert gear.send(Message("/midi/mappings", ())) == "no mappings"
    assert gear.send(Message("/session/load", ("mapped", "now"))).ok
    assert gear.send(Message("/midi/mappings", ())) == "knob 1 → flt.resonance"
    assert gear.plays == "bass"


def test_a_mapping_to_nothing_is_one_line(gear):
    with pytest.raises(MidiError, match="a mapping names a param of a module in the patch"):
        gear.send(Message("/midi/map", ("cc74", "nothing.cutoff")))
    gear.send(Message.parse("/patch/create f filter"))
    with pytest.raises(MidiError, match="is a choice"):
        gear.send(Message("/midi/learn", ("f.mode",)))


def test_mappings_are_autosaved_and_recovered_with_undo(gear):
    """The autosave keeps the `gear` section (Gear.patch_state); a recovery replays it as messages
    the language observes, so `undo` after it knows the mappings."""
    from chronus_shell.gear.sessions import section_messages
    from chronus_shell.language import Translator
    from chronus_shell.session.schema import migrate, validate

    for line in ["/patch/create flt acid_filter", "/patch/connect flt master"]:
        gear.send(Message.parse(line))
    gear.send(Message("/midi/map", ("cc74", "flt.cutoff")))
    gear.send(Message("/midi/learn", ("flt.resonance",)))
    gear.controller(21, 64, 0)                                   # the knob moved (as the MIDI input calls it)
    state = validate(migrate(dict(gear.patch_state())))          # what the autosave writes
    assert state["gear"] == {"maps": {"cc74": "flt.cutoff", "cc21": "flt.resonance"}, "plays": None}
    replayed = section_messages(state)
    assert [str(m) for m in replayed] == ["/midi/map cc21 flt.resonance", "/midi/map cc74 flt.cutoff"]
    translator = Translator()
    translator.observe(replayed)
    assert gear.send(Message("/midi/unlearn", ("flt.resonance",))) == "cc 21 is free"
    assert gear.send(Message("/midi/unlearn", ("flt.resonance",))) == "flt.resonance: no learn to undo"
