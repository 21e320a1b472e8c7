"""Ramps, a tempo ramp, a timed mute, a command at the next bar and a stop at the bar line through two
failovers, a commit and a cold restore, in real time: the recording equals the offline render bit for
bit (after a restore: from its first kick on) and nothing steps."""
from __future__ import annotations

import json
import time

import numpy as np

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
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
drop the kick for a bar
wait 300ms
/engine/crash standby
at the next bar, resonance 60%
wait 1s
stop at the end of the bar
wait 1s
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


def test_a_ramp_survives_a_cold_restore_from_the_checkpoint(tmp_path):
    """Both slots killed mid-fade: the checkpoint carries the ramp, so from the first kick after the
    restore every sample equals the offline render (the fade goes on at its exact values)."""
    script = tmp_path / "fade.chr"
    script.write_text("play x...x...x...x... on kick\ntempo 120\nstart\n/ramp/kick1/gain 0.05 8 lin\n"
                      "wait 1300ms\n/engine/crash both\nwait 1500ms\n")
    record, render, stats = tmp_path / "run.wav", tmp_path / "render.wav", tmp_path / "stats.json"
    for args in (("run", "--backend", "null", "--record", str(record), "--stats-json", str(stats)),
                 ("render", "-o", str(render))):
        done = chronus(args[0], str(script), *args[1:], timeout=120)
        assert done.returncode == 0, done.stderr
    live, offline = read_wav(record), read_wav(render)
    [restore] = json.loads(stats.read_text())["restores"]
    beat = 24000
    next_hit = -(-restore["resume_block"] * 256 // beat) * beat
    assert next_hit < 4 * beat                                  # still inside the 8-beat fade
    assert np.array_equal(live[next_hit:], offline[next_hit:])
    peaks = [float(np.max(np.abs(offline[b:b + 4800]))) for b in range(0, 8 * beat, beat)]
    assert all(a > b for a, b in zip(peaks, peaks[1:]))         # the kicks do fade


def test_status_says_the_tempo_playing_now_during_a_glide():
    """The toolbar shows `♩ now→target` from this: a glide's tempo rises between its ends."""
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        for line in ("/seq/bpm 100", "/seq/start", "/seq/bpm 140 ramp 8"):
            supervisor.send(Message.parse(line))
        seen = []
        for _ in range(12):
            time.sleep(0.4)
            seen.append(supervisor.status()["tempo"])
    assert seen[0] < 140 and seen[-1] == 140.0, seen
    assert any(100 < tempo < 140 for tempo in seen) and seen == sorted(seen), seen
