"""A loaded session sounds exactly like the saved one: Engine → save → load → messages → Engine."""
import importlib.util

import numpy as np
import pytest

from chronus_shell.protocol.message import Message
from chronus_shell.session.snapshot import load_session, save_session, state_to_messages

ENGINE_READY = importlib.util.find_spec("chronus_shell.engine.engine") is not None
pytestmark = pytest.mark.xfail(not ENGINE_READY, reason="engine/engine.py (Engine.patch_state) has not landed yet",
                               strict=False)

BUILD = """/patch/create saw1 saw
/patch/create acid_filter1 acid_filter
/patch/create adsr1 adsr
/patch/create lfo1 lfo
/patch/connect saw1 acid_filter1
/patch/connect acid_filter1 adsr1
/patch/connect adsr1 master
/patch/connect lfo1 acid_filter1.cutoff
/mod/saw1/freq 110
/mod/acid_filter1/resonance 0.8
/mod/acid_filter1/cutoff 700
/mod/lfo1/rate 0.5
/mod/lfo1/shape triangle
/seq/bpm 132
/seq/swing 0.2
/seq/add bass saw1 X.x-x..xx.X.x.x.
/seq/notes bass a2 a2 c3 a2 e3 a2 g2 a3
/seq/start"""

SECONDS = 2


def _engine():
    from chronus_shell.engine.engine import Engine
    return Engine(sample_rate=48000, block_size=256)


def _render(engine) -> bytes:
    return np.concatenate([engine.render(256) for _ in range(SECONDS * 48000 // 256)]).tobytes()


@pytest.mark.parametrize("swing", ["/seq/swing 0.2", "/seq/swing 0.3 8"])
def test_render_after_load_is_bit_identical(swing):
    original = _engine()
    for line in BUILD.replace("/seq/swing 0.2", swing).splitlines():
        original.schedule(Message.parse(line), at=0)
    original.render(0)                      # apply the messages so the state is complete
    state = dict(original.patch_state(), focus="acid_filter1")
    save_session("round-trip", state)

    restored = _engine()
    for message in state_to_messages(load_session("round-trip")):
        restored.schedule(message, at=0)
    restored.render(0)
    assert restored.patch_state() == original.patch_state()

    audio = _render(original)
    assert np.sqrt(np.mean(np.frombuffer(audio, np.float32) ** 2)) > 0.01
    assert _render(restored) == audio


def test_a_shuffle_is_saved_and_a_load_without_one_swings_16ths_again():
    """The note value swung is in the session; loading one without it over a shuffle swings 16ths."""
    from chronus_shell.session.paths import SessionError
    from chronus_shell.session.schema import SCHEMA_VERSION, validate
    state = {"schema_version": SCHEMA_VERSION, "modules": {"master": {"type": "master", "params": {}}}, "edges": [], "mod_edges": [],
             "sequencer": {"bpm": 120, "swing": 0.2, "swing_unit": 8, "tracks": {}}}
    assert validate(dict(state))["sequencer"]["swing_unit"] == 8
    plain = {**state, "sequencer": {"bpm": 120, "swing": 0.2, "tracks": {}}}
    over = [m for m in state_to_messages(plain, current=state) if m.address == "/seq/swing"]
    assert [tuple(m.args) for m in over] == [(0.2, 16)]
    with pytest.raises(SessionError, match="swing_unit is 16 or 8"):
        validate({**state, "sequencer": {**state["sequencer"], "swing_unit": 12}})
