"""The examples a newcomer runs: every script line is accepted, every session loads, and each
renders to real sound (`chronus render` in a subprocess): not silent, not clipped, no NaN."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from chronus_shell.language.script import load_script
from chronus_shell.protocol.addresses import canonical
from chronus_shell.session.snapshot import load_session, state_to_messages

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.chr"))
SESSIONS = sorted((EXAMPLES / "sessions").glob("*.json"))
RENDER_SECONDS = "6"


def test_there_is_enough_to_try():
    assert len(SCRIPTS) >= 5 and len(SESSIONS) >= 2


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_every_script_line_is_accepted(script):
    events = load_script(script)
    assert events and all(canonical(message) == message for _, message in events
                          if not message.address.startswith("/shell/"))


@pytest.mark.parametrize("session", SESSIONS, ids=lambda p: p.name)
def test_every_session_loads_into_protocol_messages(session):
    messages = state_to_messages(load_session(session))
    assert [canonical(m) for m in messages] == messages


def _render(script: Path, out: Path) -> np.ndarray:
    result = subprocess.run(
        [sys.executable, "-m", "chronus_shell.cli", "render", str(script), "-o", str(out), "--seconds", RENDER_SECONDS],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    audio, rate = sf.read(out, dtype="float64")
    assert rate == 48000 and len(audio) == 48000 * int(RENDER_SECONDS)
    return audio


def _assert_sounds(audio: np.ndarray):
    assert np.all(np.isfinite(audio)), "NaN or inf in the output"
    assert np.max(np.abs(audio)) <= 1.0, "clipped"
    rms_db = 20 * np.log10(np.sqrt(np.mean(audio ** 2)) + 1e-12)
    assert rms_db > -40, f"nearly silent: RMS {rms_db:.1f} dBFS"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_renders_to_sound(script, tmp_path):
    _assert_sounds(_render(script, tmp_path / "out.wav"))


@pytest.mark.parametrize("session", SESSIONS, ids=lambda p: p.name)
def test_session_renders_to_sound(session, tmp_path):
    """A session played back as the raw message lines a load produces."""
    script = tmp_path / "session.chr"
    script.write_text("\n".join(str(m) for m in state_to_messages(load_session(session))) + "\n")
    _assert_sounds(_render(script, tmp_path / "out.wav"))
