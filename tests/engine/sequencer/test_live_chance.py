"""Real time: a pattern with chance, humanize and a seed, through a failover, is recorded by
`chronus run --record` exactly as `chronus render` renders it (the spare draws what the lost slot
would have drawn: the draws depend on the seed and the step, never on history).
Real time (a live run and a failover, which other load can make lose a block): marked soak, like the
supervisor's live tests — run it under the shared lock (flock /tmp/chronus-rt.lock …), or leave it out
of a quick set with -m 'not soak'."""
from __future__ import annotations

import json

import numpy as np
import pytest

from supervisor.conftest import chronus, read_wav

from .test_live import WARM

SONG = WARM + """add a kick
decay 10ms
volume 30%
tempo 127
/seq/seed 1234
/seq/add kick kick1 x?0.5 [x? x?] x?0.7 <x . X>
/seq/humanize kick 0.5
wait 100ms
start
wait 800ms
/engine/crash active
wait 1200ms
"""

pytestmark = pytest.mark.soak


def test_chance_and_humanize_record_equals_render_through_a_failover(tmp_path):
    script = tmp_path / "chance.chr"
    script.write_text(SONG)
    ran = chronus("run", str(script), "--backend", "null", "--record", str(tmp_path / "run.wav"),
                  "--stats-json", str(tmp_path / "stats.json"), timeout=300)
    assert ran.returncode == 0, ran.stderr
    rendered = chronus("render", str(script), "-o", str(tmp_path / "render.wav"))
    assert rendered.returncode == 0, rendered.stderr
    again = chronus("render", str(script), "-o", str(tmp_path / "again.wav"))
    assert again.returncode == 0, again.stderr
    live, offline = read_wav(tmp_path / "run.wav"), read_wav(tmp_path / "render.wav")
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["lost_blocks"] == 0 and len(stats["failovers"]) == 1
    assert np.abs(offline).max() > 0.01
    assert (tmp_path / "render.wav").read_bytes() == (tmp_path / "again.wav").read_bytes()
    assert live.shape == offline.shape
    assert np.array_equal(live, offline), f"first difference at sample {(live != offline).argmax()}"
