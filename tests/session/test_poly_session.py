"""A session with a polyphonic voice, chords, rests and a key: saved, loaded and saved again it is
the same file byte for byte, and the loaded patch renders the same samples."""
import numpy as np
import pytest

from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message
from chronus_shell.session.paths import SessionError
from chronus_shell.session.schema import validate
from chronus_shell.session.snapshot import load_session, save_session, state_to_messages

BUILD = """/patch/create pad saw
/patch/create pad_filter acid_filter
/patch/create pad_env adsr
/patch/create echo delay
/patch/connect pad pad_filter
/patch/connect pad_filter pad_env
/patch/connect pad_env echo
/patch/connect echo master
/patch/poly pad 4
/mod/pad_env/release 400
/seq/bpm 100
/seq/key d minor
/seq/add chords pad x-x.x---
/seq/notes chords d3+f3+a3 - . a2+c#3+e3+g3 bb2+d3+f3 - - -
/seq/start"""


def _apply(lines) -> Engine:
    engine = Engine(48000, 256)
    for message in lines:
        engine.schedule(message, at=0)
    engine.render(0)
    return engine


def _render(engine: Engine) -> bytes:
    return np.concatenate([engine.render(256) for _ in range(2 * 48000 // 256)]).tobytes()


def test_a_session_with_chords_and_a_key_round_trips_byte_for_byte(tmp_path):
    original = _apply(Message.parse(line) for line in BUILD.splitlines())
    first = save_session(tmp_path / "first.json", dict(original.patch_state(), focus="pad"))
    restored = _apply(state_to_messages(load_session(first)))
    second = save_session(tmp_path / "second.json", dict(restored.patch_state(), focus="pad"))
    assert first.read_bytes() == second.read_bytes()
    saved = load_session(first)
    assert saved["poly"] == {"pad": 4, "pad_env": 4, "pad_filter": 4, "echo": 4}
    assert saved["sequencer"]["key"] == "d minor"
    assert saved["sequencer"]["tracks"]["chords"]["notes"][:3] == [[146.832384, 174.614116, 220.0], "-", "."]
    audio = _render(original)
    assert np.sqrt(np.mean(np.frombuffer(audio, np.float32) ** 2)) > 0.01
    assert _render(restored) == audio


@pytest.mark.parametrize("change, error", [
    ({"poly": {"pad": 40}}, "poly.pad: 40 is not a number of notes 1–16"),
    ({"poly": {"nope": 2}}, "poly.nope: unknown module"),
    ({"key": "h minor"}, "sequencer.key: 'h' is not a tonic"),
    ({"notes": [["d3", "h3"]]}, r"sequencer.tracks.chords.notes\[0\]"),
])
def test_a_hand_edited_mistake_is_one_line(change, error):
    state = _apply(Message.parse(line) for line in BUILD.splitlines()).patch_state()
    if "poly" in change:
        state["poly"] = change["poly"]
    if "key" in change:
        state["sequencer"]["key"] = change["key"]
    if "notes" in change:
        state["sequencer"]["tracks"]["chords"]["notes"] = change["notes"]
    with pytest.raises(SessionError, match=error) as caught:
        validate(state)
    assert "\n" not in str(caught.value)
