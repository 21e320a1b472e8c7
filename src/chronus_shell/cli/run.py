"""`chronus run SCRIPT`: the script in real time against the live engine, then exit.

Lines are stamped at their virtual time (the waits before them) and pre-scheduled from sample 0, so
the real-time run renders exactly what `chronus render` does: `--record` equals the offline file.
Messages that act outside the engine (/engine/crash, /record, /session) are sent when the music
reaches their time.
"""
from __future__ import annotations

import json
import math
import os
import sys
import time
from pathlib import Path

from ..engine.engine import EngineError
from ..engine.timeline import TRANSACTION, is_engine_message
from ..supervisor.config import Config, ConfigError
from ..supervisor.status import latency_figures
from .render import RENDER_BLOCK
from .script import CommandFailed, fail, open_script

STALLED_OUTPUT_S = 10.0  # the play position has not moved for this long: give up with one line


def _block_size(args) -> int | None:
    """--blocksize, else CHRONUS_BUFFER_SIZE (None: Config reads it), else render's block: a run
    records what `chronus render` writes, and renders are defined at that block size."""
    if args.blocksize or "CHRONUS_BUFFER_SIZE" in os.environ:
        return args.blocksize
    return RENDER_BLOCK


def run_command(args) -> int:
    from ..engine import compile_if_needed
    from ..supervisor.supervisor import Supervisor, SupervisorError

    try:
        config = Config.from_env(sample_rate=args.samplerate, block_size=_block_size(args),
                                 backend=args.backend, device=args.device)
        events, seconds, modules = open_script(args.script, config, args.seconds, args.modules)
    except (ConfigError, CommandFailed) as err:
        return fail("run", str(err))
    script = Path(args.script)
    scheduled = [(at, m) for at, m in events if is_engine_message(m) or m.address in TRANSACTION]
    live = sorted(((at, m) for at, m in events if not (is_engine_message(m) or m.address in TRANSACTION)),
                  key=lambda e: e[0])
    record = Path(args.record) if args.record else None
    if record is not None and record.exists():
        record.unlink()  # the user named this file for this run's output
    compile_if_needed(lambda line: print(line, file=sys.stderr))
    supervisor = Supervisor(config)
    try:
        try:
            for payload in modules:
                supervisor.user_modules[payload[0]] = payload  # loaded by the slots before the script
            supervisor.start(scheduled, record=record)
        except (EngineError, SupervisorError) as err:
            return fail("run", f"{script}: {err}")
        if supervisor.notice:
            print(supervisor.notice, file=sys.stderr)
        total_samples = int(round(seconds * config.sample_rate))
        failed = _play(supervisor, live, math.ceil(total_samples / config.block_size))
        stats = _stats(supervisor)
    finally:
        supervisor.stop()  # Ctrl-C included: every child and shared block goes
    if record is not None:
        _trim(record, total_samples)
    if args.stats_json:
        Path(args.stats_json).write_text(json.dumps(stats, indent=2))
    restored = f", {len(stats['restores'])} restores" if stats["restores"] else ""
    print(f"played {seconds:.2f} s on {stats['device']}: {stats['xruns']['portaudio']} + {stats['xruns']['jack']} xruns, "
          f"{len(stats['failovers'])} failovers{restored}, {stats['lost_blocks']} lost blocks", file=sys.stderr)
    return 1 if failed else 0


def _play(supervisor, live, total_blocks: int) -> bool:
    """Wait for the music to reach the end, sending out-of-engine messages on time."""
    failed = False
    block_size = supervisor.config.block_size
    last_block, last_move = -1, time.monotonic()
    while supervisor.play_block < total_blocks:
        if supervisor.play_block != last_block:
            last_block, last_move = supervisor.play_block, time.monotonic()
        elif time.monotonic() - last_move > STALLED_OUTPUT_S:
            problems = "; ".join(supervisor.problems[-2:]) or "no reason given"
            fail("run", f"the audio output stopped playing at block {last_block} ({problems})")
            return True
        while live and live[0][0] <= supervisor.play_block * block_size:
            _, msg = live.pop(0)
            try:
                outcome = supervisor.send(msg)
            except (EngineError, RuntimeError) as err:
                fail("run", f"{msg}: {err}")
                failed = True
                continue
            if outcome is not None and not getattr(outcome, "ok", True):
                fail("run", outcome.text)
                failed = True
        time.sleep(0.002)
    return failed


def _stats(supervisor) -> dict:
    status = supervisor.status()
    try:
        commits = supervisor.slot_status().get("commits", [])
    except RuntimeError:
        commits = []
    return {
        "backend": status["backend"], "device": status["device"],
        "sample_rate": status["sample_rate"], "block_size": status["block_size"],
        "blocks": status["blocks"], "xruns": status["xruns"],
        "failovers": supervisor.failovers, "switches": supervisor.switches, "restarts": supervisor.restarts,
        "lost_blocks": status["lost_blocks"], "commits": commits, "restores": supervisor.restore_figures(),
        "command_latencies": latency_figures(supervisor.latencies_ms),
        "slots": status["slots"], "problems": supervisor.problems,
    }


def _trim(path: Path, frames: int) -> None:
    """The recording holds whole blocks; cut it to the script's exact length and write it as render
    does, so the two files are the same bytes (the PEAK chunk describes the samples kept)."""
    import soundfile

    from ..session.recorder import write_wav

    audio, sample_rate = soundfile.read(str(path), dtype="float32", frames=frames)
    write_wav(path, audio, sample_rate)
