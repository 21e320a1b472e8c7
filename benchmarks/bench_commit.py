#!/usr/bin/env python3
"""Commit → crossfade: how soon a committed patch change starts to sound, under the four-voice patch.

Twenty `/patch/begin … /patch/commit` transactions (a module added, then removed) are sent while the
music plays; each is timed from the commit to the sample where the slots start its crossfade
(in samples, blocks and ms), from the commit's stamp to that sample, and on the wall clock until
the output played it. The reference measured in the same run is the block period. Runs on a JACK
dummy server of its own when jackd is installed, else on the null backend. Writes
benchmarks/results/commit.json.

    flock /tmp/chronus-rt.lock python3 benchmarks/bench_commit.py [--backend auto|jack|null]
"""
from __future__ import annotations

import time

from live_rig import (
    ROOT, Machine, counters, device, device_arguments, figure_rows, percentiles, send_all, setting, start,
    wait_until, write,
)

from chronus_shell.protocol.message import Message  # noqa: E402
from chronus_shell.supervisor import Config  # noqa: E402

COMMITS = 20


def bench_commits(backend: str) -> dict:
    from tests.supervisor.test_soak import FOUR_VOICES  # late: pytest must not slow a worker's start

    supervisor = start(backend)
    try:
        send_all(supervisor, FOUR_VOICES)
        time.sleep(1.0)
        block, rate = supervisor.config.block_size, supervisor.config.sample_rate
        samples, heard_ms, stamp_gap = [], [], []
        before = counters(supervisor)
        for n in range(COMMITS):
            change = (["/patch/create csq square", "/mod/csq/gain 0.1", "/patch/connect csq master"]
                      if n % 2 == 0 else ["/patch/remove csq"])
            send_all(supervisor, ["/patch/begin", *change])
            played = supervisor.play_block * block
            sent = time.perf_counter()
            supervisor.send(Message.parse("/patch/commit"))
            stamp = supervisor._last_stamp  # the commit's target sample (the latest stamp given out)
            start_sample = None
            while time.perf_counter() - sent < 5:
                commits = supervisor.slot_status().get("commits", [])
                if commits and commits[-1] >= played:
                    start_sample = commits[-1]
                    break
                time.sleep(0.002)
            if start_sample is None:
                continue
            reached = wait_until(lambda: supervisor.play_block * block >= start_sample, 5.0)
            samples.append(start_sample - played)
            stamp_gap.append(start_sample - stamp)
            if reached is not None:
                heard_ms.append(1000 * (reached - sent))
            time.sleep(0.1)
        after = counters(supervisor)
        return {
            "commits": len(samples),
            "command_to_crossfade_ms": percentiles([1000 * s / rate for s in samples]),
            "command_to_crossfade_blocks": percentiles([s / block for s in samples]),
            "crossfade_after_stamp_samples": percentiles(stamp_gap),
            "command_to_crossfade_wall_ms": percentiles(heard_ms),
            "lost_blocks": after["lost_blocks"] - before["lost_blocks"],
            "faults": supervisor.slot_status().get("faults", []),
        }
    finally:
        supervisor.stop()


def main(argv=None) -> int:
    args = device_arguments(__doc__).parse_args(argv)
    with device(args.backend) as (backend, description):
        result = setting(Config.from_env(backend=backend), description)
        machine = Machine()
        c = result["commit"] = bench_commits(backend)
        result |= machine.figures()
    result["reference"] = {"block_ms": result["block_ms"]}
    print(figure_rows([
        (f"commit → crossfade start ({c['commits']}×)", c["command_to_crossfade_ms"], "ms", None),
        ("commit → crossfade start", c["command_to_crossfade_blocks"], "blocks", None),
        ("crossfade start after the stamp", c["crossfade_after_stamp_samples"], "samples", None),
        ("commit → crossfade heard (wall)", c["command_to_crossfade_wall_ms"], "ms", None),
    ]))
    print(f"reference: block {result['block_ms']:.2f} ms; lost blocks {c['lost_blocks']}, faults {len(c['faults'])}")
    print(f"written {write('commit', result).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
