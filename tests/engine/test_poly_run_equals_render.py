"""A polyphonic voice plays the same samples live (`chronus run --record`, real processes on the
null backend) as offline (`chronus render`): chords, a steal, a voice grown by a chord, chord steps.
Real time: run it under the shared lock (flock /tmp/chronus-rt.lock …)."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile

from chronus_shell.protocol.message import Message

SCRIPT = """/patch/create pad saw
/patch/create pad_filter acid_filter
/patch/create pad_env adsr
/patch/connect pad pad_filter
/patch/connect pad_filter pad_env
/patch/connect pad_env master
/mod/pad/gain 0.2
/mod/pad_env/release 300
/patch/poly pad 3
/patch/create lead sine
/patch/create lead_env adsr
/patch/connect lead lead_env
/patch/connect lead_env master
/gate/pad 1 220 261.63 329.63
wait 500ms
/gate/lead 1 440 554.37
/gate/pad 1 174.61 220 261.63 349.23
wait 500ms
/gate/pad 0
/seq/bpm 132
/seq/key a minor
/seq/add chords pad x-x.x---x.x.x-x.
/seq/notes chords a3+c4+e4 - . f3+a3+c4 c4+e4+g4 g3+b3+d4 . e3+g#3+b3
/seq/start
wait 2s
"""


def _chronus(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chronus_shell.cli", *args], capture_output=True, text=True,
                          timeout=180)


def test_poly_voices_play_live_as_they_render(tmp_path: Path):
    script = tmp_path / "chords.chr"
    script.write_text(SCRIPT)
    ran = _chronus("run", str(script), "--record", str(tmp_path / "run.wav"), "--backend", "null",
                   "--stats-json", str(tmp_path / "stats.json"))
    assert ran.returncode == 0, ran.stderr
    rendered = _chronus("render", str(script), "-o", str(tmp_path / "render.wav"))
    assert rendered.returncode == 0, rendered.stderr
    live, _ = soundfile.read(str(tmp_path / "run.wav"), dtype="float32")
    offline, _ = soundfile.read(str(tmp_path / "render.wav"), dtype="float32")
    assert live.shape == offline.shape and np.sqrt(np.mean(offline ** 2)) > 0.01
    stats = json.loads((tmp_path / "stats.json").read_text())
    differ = np.flatnonzero(live != offline)
    assert differ.size == 0, f"first differing sample {differ[0]}, lost blocks {stats['lost_blocks']}"
    assert stats["lost_blocks"] == 0


def test_the_live_shell_says_once_that_a_chord_made_a_voice_polyphonic():
    """The supervisor's reply to the chord is a line that is said, not a refusal (OSC: no /error)."""
    from chronus_shell.protocol.osc import _refusal
    from chronus_shell.session.commands import Outcome
    from chronus_shell.supervisor import Config, Supervisor
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        for line in ("/patch/create pad saw", "/patch/create pad_env adsr", "/patch/connect pad pad_env",
                     "/patch/connect pad_env master"):
            assert supervisor.send(Message.parse(line)) is None
        reply = supervisor.send(Message.parse("/gate/pad 1 220 261.63 329.63"))
        assert isinstance(reply, Outcome) and reply.ok and _refusal(reply) is None
        assert reply.text == "pad now plays up to 3 notes at once (a chord; /patch/poly pad n to change)"
        assert supervisor.send(Message.parse("/gate/pad 1 220 261.63 329.63")) is None
        assert supervisor.patch_state()["poly"] == {"pad": 3, "pad_env": 3}
