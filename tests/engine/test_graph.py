"""The patch graph: diff-apply (no resets), cycles refused, modulation edges, voices and gates."""
from __future__ import annotations

import numpy as np
import pytest

from chronus_shell.engine import warmup
from chronus_shell.engine.engine import Engine, EngineError
from chronus_shell.protocol.message import Message

SR = 48000


@pytest.fixture(scope="module", autouse=True)
def compiled():
    warmup()


def _engine(*lines: str) -> Engine:
    engine = Engine(SR, 256)
    for line in lines:
        engine.schedule(Message.parse(line))
    return engine


def _render(engine: Engine, seconds: float) -> np.ndarray:
    return np.concatenate([engine.render(256) for _ in range(int(seconds * SR / 256))])


SAW = ("/patch/create saw1 saw", "/patch/create acid_filter1 acid_filter", "/patch/connect saw1 acid_filter1",
       "/patch/connect acid_filter1 master", "/mod/acid_filter1/resonance 0.8")


def test_adding_and_removing_other_modules_resets_nothing():
    plain = _engine(*SAW)
    edited = _engine(*SAW)
    reference = np.concatenate([_render(plain, 1.0), _render(plain, 1.0)])
    first = _render(edited, 1.0)
    for line in ("/patch/create delay1 delay", "/patch/create lfo1 lfo", "/patch/create sine1 sine",
                 "/patch/connect sine1 delay1", "/patch/connect lfo1 delay1.time", "/patch/remove sine1",
                 "/patch/disconnect lfo1 delay1.time", "/patch/remove delay1"):
        edited.schedule(Message.parse(line))
    second = _render(edited, 1.0)
    assert np.array_equal(np.concatenate([first, second]), reference)


def test_a_cycle_is_refused_with_the_modules_named():
    engine = _engine("/patch/create filter1 filter", "/patch/create delay1 delay",
                     "/patch/connect filter1 delay1")
    with pytest.raises(EngineError, match="cycle"):
        engine.schedule(Message.parse("/patch/connect delay1 filter1"))


def _pitch(signal: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(signal * np.hanning(len(signal)), 8 * len(signal)))
    return float(np.argmax(spectrum)) * SR / (8 * len(signal))


def test_a_modulation_edge_moves_the_param():
    engine = _engine("/patch/create sine1 sine", "/patch/connect sine1 master", "/mod/sine1/freq 440",
                     "/patch/create lfo1 lfo", "/mod/lfo1/shape square", "/mod/lfo1/rate 1", "/mod/lfo1/depth 0.25",
                     "/patch/connect lfo1 sine1.freq")
    out = _render(engine, 1.0)
    high, low = _pitch(out[2400:21600]), _pitch(out[26400:45600])
    assert abs(high - 880) < 5 and abs(low - 220) < 5  # ±0.25 → ±1 octave


def test_a_gate_with_a_note_sets_the_voice_pitch_and_opens_its_envelope():
    engine = _engine("/patch/create saw1 saw", "/patch/create adsr1 adsr", "/patch/connect saw1 adsr1",
                     "/patch/connect adsr1 master", "/mod/adsr1/attack 1")
    silent = _render(engine, 0.1)
    engine.schedule(Message.parse("/gate/adsr1 1 330"))
    sounding = _render(engine, 0.5)
    assert np.abs(silent).max() == 0.0
    assert abs(_pitch(sounding[4800:]) - 330) < 2


def test_voices_are_connected_chains_without_master():
    engine = _engine(*SAW, "/patch/create kick1 kick", "/patch/connect kick1 master")
    engine.render(256)
    assert engine.voice("saw1") == ("saw1", "acid_filter1")
    assert engine.voice("kick1") == ("kick1",)
