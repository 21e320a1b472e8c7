"""`chronus render` does what `chronus run` does with a script's saves, and says what it skips;
`chronus --modules DIR render|run` takes the modules from DIR (a real subprocess each)."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "modules"


def chronus(*args, home: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, CHRONUS_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "chronus_shell.cli", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=240)


def test_render_saves_sessions_like_run_and_says_what_it_skips(tmp_path):
    script = tmp_path / "set.chr"
    script.write_text("add a saw at 110 hz\nbass notes a1 c2\nwait 1s\nsave session as rendered\n"
                      "record to take.wav\n")
    done = chronus("render", str(script), "-o", "out.wav", home=tmp_path / "home", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    saved = json.loads((tmp_path / "home" / "sessions" / "rendered.json").read_text())
    assert saved["modules"]["saw1"]["params"]["freq"] == 110.0 and "bass" in saved["sequencer"]["tracks"]
    assert "chronus render: saved session rendered (" in done.stderr
    assert "chronus render: skipped /record/start take.wav (at 1.00 s): it acts on the live engine only" in done.stderr
    assert not (tmp_path / "take.wav").exists()


@pytest.mark.skipif(not (EXAMPLES / "fm.py").is_file(), reason="examples/modules/fm.py is missing")
def test_the_global_modules_option_reaches_render(tmp_path):
    folder = tmp_path / "my-modules"
    folder.mkdir()
    shutil.copy(EXAMPLES / "fm.py", folder)
    script = tmp_path / "fm.chr"
    script.write_text("add fm\nwait 0.5s\n")
    home = tmp_path / "home"                      # its default modules folder is empty
    without = chronus("render", str(script), "-o", "a.wav", home=home, cwd=tmp_path)
    assert without.returncode == 1 and "fm" in without.stderr
    done = chronus("--modules", str(folder), "render", str(script), "-o", "b.wav", home=home, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "b.wav").is_file()


def test_a_raw_message_the_engine_refuses_names_its_line(tmp_path):
    """As an English line's error does: `2.chr: line 5: pattern 'x(3,8', position 2…`."""
    script = tmp_path / "2.chr"
    script.write_text("add a saw at 110 hz\n# a comment\nstart\nwait 1 bar\n/seq/add kick saw1 x(3,8\n")
    done = chronus("render", str(script), "-o", "out.wav", home=tmp_path / "home", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(f"chronus render: {script}: line 5: pattern 'x(3,8', position 2"), done.stderr


def test_a_cue_taken_back_before_its_bar_never_lands(tmp_path):
    """'at the next bar, mute org2', then 'bring org2 back' in that bar: it plays on (the mute waiting took back)."""
    import numpy as np
    import soundfile as sf
    script = tmp_path / "cue.chr"
    script.write_text("tempo 120\nadd a square called org2 at 220 hz\nstart\nwait 1 beat\nat the next bar, mute org2\n"
                      "bring org2 back\nwait 4 bars\n")
    done = chronus("render", str(script), "-o", "out.wav", home=tmp_path / "home", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    audio, rate = sf.read(tmp_path / "out.wav")
    audio = audio if audio.ndim == 1 else audio[:, 0]
    beat = rate // 2
    levels = [float(np.sqrt(np.mean(audio[i:i + beat] ** 2))) for i in range(0, len(audio) - beat + 1, beat)]
    assert min(levels) > 0.4, levels
