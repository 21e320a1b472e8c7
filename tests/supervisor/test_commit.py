"""A commit crossfades at a block boundary without a click; an abort leaves the music untouched."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine import warmup
from chronus_shell.engine.modules.dynamics import CEILING
from chronus_shell.engine.timeline import Timeline, render_script
from chronus_shell.language.script import load_script_timed

SR = 48000
BASE = """add a saw at 110 hz
add acid filter at 600hz
resonance 70%
wait 1s
"""


def _render(text: str, tmp_path, seconds: float = 2.0) -> np.ndarray:
    warmup()
    script = tmp_path / "s.chr"
    script.write_text(text)
    events, _ = load_script_timed(script, SR)
    return render_script(events, seconds, SR, 256)


def test_commit_has_no_discontinuity(tmp_path):
    """Swap the saw voice for a square voice: the largest jump around the commit stays within the
    largest jump either signal makes on its own."""
    text = BASE + "begin\nremove saw1\nadd a square at 110 hz\ncommit\n"
    out = _render(text, tmp_path).astype(np.float64)
    commit = int(SR * 1.0)
    jumps = np.abs(np.diff(out))
    before, after = jumps[SR // 4:commit - 512].max(), jumps[commit + 2048:].max()
    around = jumps[commit - 512:commit + 2048].max()
    assert around <= max(before, after) * 1.05, (around, before, after)
    assert np.isfinite(out).all()


def test_commit_starts_at_a_block_boundary_and_fades(tmp_path):
    text = BASE + "begin\nadd a sine at 880 hz\ncommit\n"
    warmup()
    script = tmp_path / "s.chr"
    script.write_text(text)
    events, _ = load_script_timed(script, SR)
    timeline = Timeline(SR, 256)
    for at, msg in events:
        timeline.schedule(msg, at)
    for _ in range(int(1.5 * SR / 256)):
        timeline.render_block()
    assert len(timeline.commits) == 1
    assert timeline.commits[0] % 256 == 0 and timeline.commits[0] >= SR


def test_abort_leaves_the_music_untouched(tmp_path):
    """Patch changes inside the transaction never reach the music (param changes on live modules
    would: by docs/protocol.md only /patch/* build on the standby)."""
    plain = _render(BASE + "wait 1s\n", tmp_path)
    aborted = _render(BASE + "begin\nremove saw1\nadd a square at 220 hz\nsquare volume 30%\nabort\nwait 1s\n", tmp_path)
    assert np.array_equal(plain, aborted)


def test_a_commit_never_pushes_the_master_above_its_ceiling(tmp_path):
    """Old and pending play the same loud voice through the limiter (correlated): the fade's
    weights sum to 1, so no sample of the crossfade exceeds the limiter's ceiling."""
    loud = "add a saw at 110 hz\nvolume 100%\n/mod/master/gain 6\nwait 1s\n"
    out = _render(loud + "begin\nadd a sine at 880 hz\n/mod/sine1/gain 0.01\ncommit\n", tmp_path)
    commit = int(SR * 1.0)
    assert 0.9 < np.abs(out[:commit]).max() <= CEILING * (1 + 1e-6), "the loud saw reaches the limiter"
    assert np.abs(out[commit:commit + SR // 10]).max() <= CEILING * (1 + 1e-6)
