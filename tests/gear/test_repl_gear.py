"""The real shell in tmux (null backend) with the gear wired in: `--samples` and `--link` on the
command line, a sample added in English (loaded in the background, told in one line), MIDI ports
listed, Link in the toolbar; nothing left behind after quit."""
from __future__ import annotations

import soundfile as sf

from repl.test_e2e_tmux import TIMEOUT_S, Run, started, terminal_of, toolbar_line

from .conftest import sine, wait_for


def test_samples_midi_and_link_at_the_prompt(chronus_home, tmp_path):
    folder = tmp_path / "my-samples"
    folder.mkdir()
    sf.write(folder / "tone.wav", sine(220, 1.0, 44100, channels=2), 44100)
    with terminal_of(chronus_home, extra=f"--samples {folder} --link") as terminal:
        started(terminal)
        assert "link 0 peers" in toolbar_line(terminal.wait_for("link 0 peers", TIMEOUT_S))
        terminal.enter("add a sample tone.wav")
        terminal.wait_for("tone plays", TIMEOUT_S)
        assert "(1.00 s, stereo, 44100 Hz file)" in " ".join(terminal.screen().split())
        terminal.enter("add a sample nothere.wav")
        terminal.wait_for("no sample file nothere.wav", TIMEOUT_S)
        terminal.enter("show nothere")                    # the refused line left no empty sampler behind
        terminal.wait_for("cannot list 'nothere'", TIMEOUT_S)
        terminal.enter("list midi ports")
        assert wait_for(lambda: "midi inputs:" in terminal.screen() or "no MIDI system" in terminal.screen(),
                        TIMEOUT_S)
        terminal.enter("map cc 74 to the tone pitch")
        terminal.wait_for("cc 74 → tone.pitch", TIMEOUT_S)
        terminal.enter("undo")
        terminal.wait_for("cc 74 is free", TIMEOUT_S)
        run = Run(terminal)
        terminal.keys("C-d")
        terminal.wait_dead()
        run.assert_all_gone(chronus_home)
