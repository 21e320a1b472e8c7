"""Engine-wide: determinism (script render, pickled engine), every module sane, bad messages refused."""
from __future__ import annotations

import pickle

import numpy as np
import pytest

from chronus_shell.engine.catalogue import CATALOGUE
from chronus_shell.engine.engine import Engine, EngineError
from chronus_shell.engine.timeline import render_script
from chronus_shell.language.script import load_script_timed
from chronus_shell.protocol.message import Message

from .signals import SR, engine, render_blocks

SCRIPT = """\
tempo 132
add a saw at 110 hz
add acid filter at 600 hz
resonance 80%
add an adsr
add a delay
play X.x-x.Xx.xx-X.x. on saw1
notes a1 a2 c2 g1 on saw1
play x...x...x...x... on kick
play ..x...x...x...x. on hat
play ....x.......x... on snare
start
wait 1 bar
cutoff 1.5 khz
add an lfo on acid_filter1 cutoff at 2 hz
add a reverb
wait 500ms
add noise
color pink
/patch/begin
/patch/create sq1 square
/patch/connect sq1 master
/patch/commit
/mod/master/gain -3
wait 1 s
"""


def test_script_renders_to_identical_bytes(tmp_path):
    path = tmp_path / "det.chr"
    path.write_text(SCRIPT, encoding="utf-8")
    events, end = load_script_timed(str(path), SR)
    assert end == round((4 * 60 / 132 + 1.5) * SR)
    first = render_script(events, end / SR + 0.5, SR, 256, progress=None)
    second = render_script(events, end / SR + 0.5, SR, 256, progress=None)
    assert first.dtype == np.float32 and np.isfinite(first).all() and np.max(np.abs(first)) > 0.05
    assert first.tobytes() == second.tobytes(), f"{np.count_nonzero(first != second)} samples differ"


def test_pickled_engine_renders_the_same_bytes():
    """Failover: a pickled copy taken mid-song, mid-block renders exactly what the original does."""
    eng = Engine(SR, 256)
    for at, msg in load_script_timed(SCRIPT, SR)[0]:
        if msg.address not in ("/patch/begin", "/patch/commit"):  # transactions live in the Timeline
            eng.schedule(msg, at)
    render_blocks(eng, 3 * SR // 2 + 77)  # notes sounding, LFO and reverb just added
    twin = pickle.loads(pickle.dumps(eng))
    assert twin.position == eng.position
    original, copy = render_blocks(eng, 2 * SR), render_blocks(twin, 2 * SR)
    assert np.max(np.abs(original)) > 0.05
    assert original.tobytes() == copy.tobytes(), f"{np.count_nonzero(original != copy)} samples differ"


# -- every module ---------------------------------------------------------------------------
def patch_for(type_name: str, **params) -> list[str]:
    """Raw lines that make `type_name` sound with default params: sources to master, processors on a saw."""
    role = CATALOGUE[type_name].spec.role
    lines = [f"/mod/x1/{name} {value}" for name, value in params.items()]
    if role == "master":
        return ["/patch/create s1 saw", "/patch/connect s1 master"] + [line.replace("x1", "master") for line in lines]
    head = [] if role in ("source", "drum") else ["/patch/create s1 saw"]
    if role in ("source", "drum"):
        wiring = ["/patch/connect x1 master"]
    elif role == "modulator":
        wiring = ["/patch/connect s1 master", "/patch/connect x1 s1.freq"]
    else:
        wiring = ["/patch/connect s1 x1", "/patch/connect x1 master"]
    return head + [f"/patch/create x1 {type_name}"] + wiring + lines + _a_file_for(type_name)


def _a_file_for(type_name: str) -> list[str]:
    """The sampler plays a file: a registered 220 Hz tone (a module that reads files gets one)."""
    if type_name != "sampler":
        return []
    from chronus_shell.engine.samples import SampleData, register

    tone = (0.5 * np.sin(2 * np.pi * 220 * np.arange(SR) / SR)).astype(np.float32)[:, None]
    return [f"/mod/x1/sample {register(SampleData('/tone.wav#0123456789abcdef', tone, SR)).ref}"]


def render_patch(lines: list[str], gate: str | None, seconds: float = 2.0) -> np.ndarray:
    eng = engine(*lines)
    if gate:
        for at in (0, SR // 2, SR):
            eng.schedule(Message.parse(f"/gate/{gate} 1"), at)
            eng.schedule(Message.parse(f"/gate/{gate} 0"), at + SR // 4)
    return render_blocks(eng, int(seconds * SR))


def check_sane(out: np.ndarray, label: str) -> None:
    peak = float(np.max(np.abs(out)))
    assert np.isfinite(out).all(), f"{label}: non-finite output"
    assert peak <= 1.0, f"{label}: peak {peak:.6f} above 0 dBFS"
    assert peak > 1e-3, f"{label}: silent (peak {peak:.3g})"


@pytest.mark.parametrize("type_name", sorted(CATALOGUE))
def test_every_module_with_defaults_is_finite_and_bounded(type_name):
    role = CATALOGUE[type_name].spec.role
    gate = {"drum": "x1", "processor": "s1"}.get(role, "x1" if type_name == "sampler" else None)
    check_sane(render_patch(patch_for(type_name), gate), type_name)


ENUM_CASES = [(t, p.name, c) for t in sorted(CATALOGUE) for p in CATALOGUE[t].spec.params if p.is_enum
              for c in p.choices]


@pytest.mark.parametrize("type_name,param,choice", ENUM_CASES, ids=[f"{t}-{c}" for t, _, c in ENUM_CASES])
def test_every_enum_choice_is_finite_and_bounded(type_name, param, choice):
    role = CATALOGUE[type_name].spec.role
    gate = {"drum": "x1", "processor": "s1"}.get(role, "x1" if type_name == "sampler" else None)
    check_sane(render_patch(patch_for(type_name, **{param: choice}), gate, seconds=1.0), f"{type_name} {choice}")


# -- bad messages ---------------------------------------------------------------------------
SETUP = ("/patch/create s1 saw", "/patch/connect s1 master", "/patch/create f1 filter")
BAD = [
    ("/patch/create x1 wobbler", ("unknown module type", "wobbler", "saw", "acid_filter", "reverb")),
    ("/patch/create x1 sawe", ("did you mean saw",)),
    ("/mod/s1/frequ 440", ("no param", "frequ", "did you mean freq", "freq, detune, gain")),
    ("/patch/connect s1 f1.cutof", ("cutoff", "mode, cutoff, q")),
    ("/mod/s1/freq 50000", ("out of range", "20–20000 Hz")),
    ("/mod/s1/freq -5", ("out of range", "20–20000 Hz")),
    ("/mod/f1/q 0", ("out of range", "0.1–20")),
    ("/mod/master/gain 12", ("out of range", "-60–6 dB")),
    ("/gate/s1 1 99999", ("20–20000",)),
    ("/mod/s1/freq loud", ("needs a number", "20–20000 Hz", "loud")),
    ("/mod/f1/mode notch", ("notch", "lowpass, highpass, bandpass")),
    ("/mod/master/limiter maybe", ("on, off",)),
    ("/mod/s1/freq 440 550", ("one value", "20–20000")),
    ("/gate/s1 2", ("1 (open)", "0 (close)")),
    ("/mod/nosuch/freq 440", ("no module 'nosuch'", "s1", "f1")),
    ("/patch/connect s1 nowhere", ("no module 'nowhere'", "s1")),
    ("/foo/bar", ("no address", "/foo/bar")),
    ("/mod/s1/freq inf", ("20–20000",)),
]


@pytest.mark.parametrize("line,expected", BAD)
def test_bad_message_is_refused_with_the_valid_choices(line, expected):
    eng = engine(*SETUP)
    with pytest.raises(EngineError) as caught:
        eng.schedule(Message.parse(line))
    text = str(caught.value)
    assert "\n" not in text
    for needle in expected:
        assert needle in text, f"{line!r} -> {text!r} lacks {needle!r}"


def test_refused_message_changes_nothing():
    eng = engine(*SETUP)
    with pytest.raises(EngineError):
        eng.schedule(Message.parse("/mod/s1/freq 50000"))
    with pytest.raises(EngineError):
        eng.schedule(Message.parse("/patch/create x1 wobbler"))
    assert render_blocks(eng, SR // 4).tobytes() == render_blocks(engine(*SETUP), SR // 4).tobytes()
    assert "x1" not in eng.modules
