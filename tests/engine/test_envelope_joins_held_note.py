"""An envelope patched into a voice that holds a note opens with it (a held chord went silent until
the next chord); a drone that was never gated stays shut, as a VCA with no gate does."""
from __future__ import annotations

import numpy as np
import pytest

from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

SR, BLOCK = 48000, 256
ADD_ENVELOPE = ["/patch/create env adsr", "/patch/disconnect s master", "/patch/connect s env",
                "/patch/connect env master"]


def _render(engine: Engine, lines: list[str], blocks: int) -> np.ndarray:
    for line in lines:
        engine.schedule(Message.parse(line))
    return np.concatenate([engine.render(BLOCK) for _ in range(blocks)])


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64))))


def _before_after(gate: str) -> tuple[np.ndarray, np.ndarray]:
    engine = Engine(SR, BLOCK)
    before = _render(engine, ["/patch/create s saw", "/patch/connect s master", gate], 40)
    return before, _render(engine, ADD_ENVELOPE, 80)


@pytest.mark.parametrize("gate", ["/gate/s 1 220", "/gate/s 1 220 277.18 329.63"])
def test_a_held_note_or_chord_keeps_sounding_at_the_sustain_level(gate):
    before, after = _before_after(gate)
    assert _rms(after[-4800:]) == pytest.approx(0.7 * _rms(before[-4800:]), rel=0.03)   # adsr sustain 0.7
    assert np.isfinite(after).all()
    steady = np.max(np.abs(np.diff(before[-4800:])))
    assert np.max(np.abs(np.diff(np.concatenate([before[-64:], after[:4800]])))) <= steady * 1.05   # no click


def test_a_drone_never_gated_stays_shut_until_a_note():
    before, after = _before_after("/mod/s/freq 110")
    assert _rms(before[-4800:]) > 0.2 and _rms(after[-4800:]) == 0.0


def test_a_released_note_leaves_the_new_envelope_shut():
    engine = Engine(SR, BLOCK)
    _render(engine, ["/patch/create s saw", "/patch/connect s master", "/gate/s 1 220"], 20)
    _render(engine, ["/gate/s 0"], 20)
    after = _render(engine, ADD_ENVELOPE, 80)
    assert _rms(after[-4800:]) == 0.0


def test_an_envelope_joining_a_sequenced_chord_goes_on_without_a_click():
    """The chord's note rows take the envelope's state once the voice fuses again (its new edge
    faded in): before, they attacked again from silence — a drop to 0 in one sample."""
    engine = Engine(SR, BLOCK)
    bar = "x" + "-" * 15
    before = _render(engine, ["/patch/create s sine", "/patch/connect s master", f"/seq/add chords s {bar * 2}",
                              "/seq/notes chords a3+c4+e4 " + "- " * 15 + "f3+a3+c4 " + "- " * 15, "/seq/start"], 300)
    after = _render(engine, ADD_ENVELOPE, 200)
    steps = np.abs(np.diff(np.concatenate([before, after])))
    assert steps[len(before) - 1:].max() <= steps[:len(before) - 1].max()
    assert _rms(after[:9600]) > 0.25
