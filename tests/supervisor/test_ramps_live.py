"""A ramp (and a tempo ramp) running through a failover and a commit, in real time: the recording
equals the offline render bit for bit and the sweep goes on without a step."""
from __future__ import annotations

import numpy as np

from .conftest import chronus, read_wav
from .test_failover import _check

SCRIPT = """/patch/create s saw
/patch/create f acid_filter
/patch/connect s f
/patch/connect f master
/mod/s/freq 110
/mod/f/env_amount 0
/mod/f/resonance 0.3
/mod/f/cutoff 300
/patch/create k kick
/patch/connect k master
/seq/add kick k x...x...x...x...
/seq/start
wait 100ms
open the filter to 3k over 2 bars
speed up to 140 over 8 beats
wait 600ms
/engine/crash active
wait 400ms
/patch/begin
/patch/create spare lfo
/patch/commit
wait 300ms
/engine/crash standby
wait 2s
"""


def test_a_ramp_through_a_failover_and_a_commit_plays_on_without_a_step(tmp_path):
    stats = _check(tmp_path, SCRIPT)                 # run --record equals render, 0 lost blocks
    assert len(stats["failovers"]) == 2
    offline = read_wav(tmp_path / "render.wav")
    plain = tmp_path / "plain.chr"            # the same sweep without the commit (and the crashes)
    plain.write_text("\n".join(line for line in SCRIPT.splitlines()
                               if not line.startswith(("/patch/begin", "/patch/create spare", "/patch/commit",
                                                       "/engine/crash"))) + "\n")
    assert chronus("render", str(plain), "-o", str(tmp_path / "plain.wav")).returncode == 0
    reference = read_wav(tmp_path / "plain.wav")
    assert reference.shape == offline.shape
    assert np.max(np.abs(offline - reference)) < 1e-5          # the commit's crossfade is between equals
    assert np.isfinite(offline).all()
