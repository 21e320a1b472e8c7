"""A polyphonic voice whose params an LFO moves still plays every note of its chords (the trial: an LFO on
a chord voice's level left the root alone, the other notes 80 dB down), each row moved the same way, and
plays live as it renders."""
import numpy as np
import soundfile

from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

from .test_poly_run_equals_render import _chronus

CHORD = (146.83, 174.61, 220.0, 261.63, 329.63)          # Dm9: d3 f3 a3 c4 e4
LINES = ("/patch/create sq square", "/patch/connect sq master", "/seq/add chords sq x---------------",
         "/seq/notes chords d3+f3+a3+c4+e4 - - - - - - - - - - - - - - -", "/seq/start")
LFO = ("/patch/create wob lfo", "/patch/connect wob sq.gain", "/mod/wob/rate 2")


def _render(lines, seconds: float = 2.0) -> np.ndarray:
    engine = Engine(48000, 256)
    for line in lines:
        engine.schedule(Message.parse(line), at=0)
    out = np.concatenate([engine.render(256) for _ in range(int(seconds * 48000 / 256))])
    return out[:, 0] if out.ndim > 1 else out


def _levels(x: np.ndarray) -> list[float]:
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    f = np.fft.rfftfreq(len(x), 1 / 48000)
    return [20 * np.log10(spec[np.argmin(abs(f - hz)) - 3:np.argmin(abs(f - hz)) + 4].max()) for hz in CHORD]


def test_every_note_of_a_modulated_chord_sounds():
    plain, moved = _levels(_render(LINES)[24000:]), _levels(_render(LINES + LFO)[24000:])
    assert max(moved) - min(moved) < 3.0                  # all five, none stolen
    assert all(abs(a - b) < 6.0 for a, b in zip(plain, moved))


def test_the_level_swings_at_the_lfo_rate():
    x = _render(LINES + LFO, 3.0)[48000:]
    rms = np.sqrt(np.mean(x[:len(x) // 2400 * 2400].reshape(-1, 2400) ** 2, axis=1))   # 50 ms windows
    spectrum = np.abs(np.fft.rfft(rms - rms.mean()))
    assert abs(np.argmax(spectrum) * 20 / len(rms) - 2.0) < 0.3     # the swing's own rate: 2 Hz


def test_a_modulated_chord_plays_live_as_it_renders(tmp_path):
    script = tmp_path / "wobble.chr"
    script.write_text("\n".join(LINES + LFO) + "\nwait 1s\n")
    ran = _chronus("run", str(script), "--record", str(tmp_path / "run.wav"), "--backend", "null")
    assert ran.returncode == 0, ran.stderr
    rendered = _chronus("render", str(script), "-o", str(tmp_path / "render.wav"))
    assert rendered.returncode == 0, rendered.stderr

    live, _ = soundfile.read(str(tmp_path / "run.wav"), dtype="float32")
    offline, _ = soundfile.read(str(tmp_path / "render.wav"), dtype="float32")
    assert live.shape == offline.shape and np.flatnonzero(live != offline).size == 0
