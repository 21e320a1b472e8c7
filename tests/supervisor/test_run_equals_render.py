"""`chronus run --record` writes exactly what `chronus render` writes: same samples, bit for bit."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from .conftest import chronus, read_wav
from .scripts_for_tests import ACID

COMMIT = ACID + """wait 1s
begin
add a square at 220 hz
volume 30%
commit
wait 1s
begin
add a sine at 440 hz
abort
wait 500ms
"""


def _run_and_render(tmp_path, text: str, *run_args: str):
    script = tmp_path / "song.chr"
    script.write_text(text)
    ran = chronus("run", str(script), "--record", str(tmp_path / "run.wav"),
                  "--stats-json", str(tmp_path / "stats.json"), *run_args)
    assert ran.returncode == 0, ran.stderr
    rendered = chronus("render", str(script), "-o", str(tmp_path / "render.wav"))
    assert rendered.returncode == 0, rendered.stderr
    stats = json.loads((tmp_path / "stats.json").read_text())
    return read_wav(tmp_path / "run.wav"), read_wav(tmp_path / "render.wav"), stats


STEREO = ACID + """play ..x...x...x...x. on hat
pan the hats 60% right
pan the saw hard left
add a ping pong delay
add a reverb
wider reverb
wait 2s
"""


def test_run_on_the_null_backend_equals_render(tmp_path):
    live, offline, stats = _run_and_render(tmp_path, ACID + "wait 2s\n", "--backend", "null")
    assert live.shape == offline.shape == (int(3.0 * 48000), 2)
    assert np.array_equal(live[:, 0], live[:, 1])              # nothing panned: the same on both sides
    assert np.sqrt(np.mean(offline ** 2)) > 0.01
    assert np.array_equal(live, offline)
    assert stats["lost_blocks"] == 0 and stats["backend"] == "null"
    assert (tmp_path / "run.wav").read_bytes() == (tmp_path / "render.wav").read_bytes()   # headers too


def test_a_stereo_run_equals_render(tmp_path):
    """Panned sources, a ping-pong delay and the stereo reverb: two channels, bit for bit."""
    live, offline, stats = _run_and_render(tmp_path, STEREO, "--backend", "null")
    assert live.shape == offline.shape == (int(3.0 * 48000), 2)
    assert not np.array_equal(offline[:, 0], offline[:, 1])
    assert np.isfinite(offline).all() and np.array_equal(live, offline)
    assert stats["lost_blocks"] == 0
    assert (tmp_path / "run.wav").read_bytes() == (tmp_path / "render.wav").read_bytes()


def test_a_script_can_come_from_standard_input(tmp_path):
    text = ACID + "wait 500ms\n"
    piped = subprocess.run([sys.executable, "-m", "chronus_shell.cli", "render", "-", "-o", str(tmp_path / "piped.wav")],
                           input=text, capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0, piped.stderr
    (tmp_path / "song.chr").write_text(text)
    assert chronus("render", str(tmp_path / "song.chr"), "-o", str(tmp_path / "file.wav")).returncode == 0
    assert (tmp_path / "piped.wav").read_bytes() == (tmp_path / "file.wav").read_bytes()
    bad = subprocess.run([sys.executable, "-m", "chronus_shell.cli", "run", "-", "--backend", "null"],
                         input="add a saw\nset the cutof to 300\n", capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "<stdin>: line 2" in bad.stderr and "Traceback" not in bad.stderr


def test_the_shell_without_a_terminal_says_how_to_pipe_commands():
    """`echo … | chronus`: one line pointing to `chronus run -`, no traceback, no engine started."""
    ran = subprocess.run([sys.executable, "-m", "chronus_shell.cli", "--backend", "null"],
                         input="add a saw\n", capture_output=True, text=True, timeout=60)
    assert ran.returncode == 2
    assert ran.stderr.strip().count("\n") == 0 and "chronus run -" in ran.stderr and "Traceback" not in ran.stderr


@pytest.mark.jack
def test_run_on_jack_equals_render(tmp_path, jack_server):
    live, offline, stats = _run_and_render(tmp_path, COMMIT, "--backend", "sounddevice")
    assert "JACK" in stats["device"]
    assert set(stats["xruns"]) == {"portaudio", "jack"}
    assert np.array_equal(live, offline)
    assert stats["lost_blocks"] == 0
    assert len(stats["commits"]) == 1  # the aborted transaction never reached the music


def test_a_bad_line_fails_the_run_with_one_line(tmp_path):
    script = tmp_path / "bad.chr"
    script.write_text("add a saw\nset the cutof to 300\n")
    ran = chronus("run", str(script), "--backend", "null")
    assert ran.returncode == 1
    assert "cutoff" in ran.stderr and "Traceback" not in ran.stderr


def test_a_bad_knob_is_one_line(tmp_path, monkeypatch):
    script = tmp_path / "ok.chr"
    script.write_text("add a saw\nwait 100ms\n")
    monkeypatch.setenv("CHRONUS_BUFFER_SIZE", "lots")
    ran = subprocess.run([sys.executable, "-m", "chronus_shell.cli", "run", str(script), "--backend", "null"],
                         capture_output=True, text=True, timeout=60)
    assert ran.returncode == 1
    assert ran.stderr.strip().count("\n") == 0 and "CHRONUS_BUFFER_SIZE" in ran.stderr
