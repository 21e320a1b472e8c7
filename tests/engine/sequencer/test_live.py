"""Real time: `chronus run` of a pattern with a commit and crashed slots plays every step where the
offline render and the exact grid put it (no missed, doubled or shifted step)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from supervisor.conftest import chronus, read_wav

from .grid import hits, onsets, step_onset

START = 4800  # `wait 100ms`, then `play` starts the sequencer
# A silent square → adsr from the start: the slots load those kernels' numba signatures before the
# music (see test_no_kernel_is_compiled_in_the_audio_path); the committed square is square2.
WARM = """add a square at 110 hz
add adsr
volume 0%
"""
SONG = WARM + """add a kick
decay 10ms
volume 30%
tempo 127
wait 100ms
play x.x.xxX.x..x.xx. on kick and start
wait 700ms
/engine/crash active
wait 400ms
begin
add a square at 220 hz
add adsr
attack 0.1ms
release 0.1ms
sustain 100%
play ..x...x...x...x. on square2
commit
wait 600ms
/engine/crash active
wait 900ms
"""


def _expected(length: int) -> list[int]:
    """Kick steps from the start; square steps from the bar after the commit (step 16)."""
    bars = 8
    steps = set(hits("x.x.xxX.x..x.xx.", bars)) | {n for n in hits("..x...x...x...x.", bars) if n >= 16}
    return [o for o in (step_onset(n, 127, start=START) for n in sorted(steps)) if o < length]


def _run(tmp_path, backend: str):
    script = tmp_path / "pattern.chr"
    script.write_text(SONG)
    ran = chronus("run", str(script), "--backend", backend, "--record", str(tmp_path / "run.wav"),
                  "--stats-json", str(tmp_path / "stats.json"), timeout=300)
    assert ran.returncode == 0, ran.stderr
    rendered = chronus("render", str(script), "-o", str(tmp_path / "render.wav"))
    assert rendered.returncode == 0, rendered.stderr
    live, offline = read_wav(tmp_path / "run.wav"), read_wav(tmp_path / "render.wav")
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert live.shape == offline.shape and len(offline) >= 2700 * 48  # the script, then a tail
    expected = _expected(len(offline))
    assert len(expected) == 19  # steps 0–30: 18 kick hits, and the square alone on step 26
    assert onsets(offline) == expected
    assert onsets(live) == expected, f"first difference at sample {(live != offline).argmax()}"
    assert len(stats["failovers"]) == 2 and len(stats["commits"]) == 1 and stats["lost_blocks"] == 0
    return stats


def test_a_pattern_survives_commit_and_failover_on_the_null_backend(tmp_path):
    _run(tmp_path, "null")


@pytest.mark.jack
def test_a_pattern_survives_commit_and_failover_on_jack(tmp_path, jack_server):
    stats = _run(tmp_path, "sounddevice")
    assert "JACK" in stats["device"]


PROBE = """
import sys
from chronus_shell.engine import kernels, warmup
from chronus_shell.engine.timeline import render_script
from chronus_shell.language.script import load_script_timed
warmup()
kernels_ = {n: k for n, k in vars(kernels).items() if hasattr(k, "signatures")}
before = {n: len(k.signatures) for n, k in kernels_.items()}
events, end = load_script_timed(sys.stdin.read())
render_script(events, end / 48000)
print(sorted(n for n, k in kernels_.items() if len(k.signatures) > before[n]))
"""


def test_no_kernel_is_compiled_in_the_audio_path():
    """Without WARM, a commit adding the first square → adsr loaded 2 numba signatures (~18 ms) inside
    one 5.3 ms block, in both slots at once: `chronus run` lost 1–9 blocks in most runs (every later
    step then came 256 samples early per lost block). A fresh interpreter, as a slot worker is."""
    song = SONG[len(WARM):].replace("square2", "square1")
    probe = subprocess.run([sys.executable, "-c", PROBE], input=song, capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "[]"
