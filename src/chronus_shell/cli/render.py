"""`chronus render SCRIPT -o OUT.wav`: the script offline, as fast as possible, bit-identical."""
from __future__ import annotations

import bisect
import sys
from pathlib import Path

from ..engine import compile_if_needed
from ..engine.engine import EngineError
from ..engine.timeline import TRANSACTION, is_engine_message, render_script
from ..engine.samples import SampleError, resolve_messages
from ..engine.user_modules.install import install_all
from ..session.recorder import write_wav
from ..supervisor.config import Config, ConfigError
from .script import CommandFailed, fail, open_script_while


RENDER_RATE, RENDER_BLOCK = 48000, 256   # render ignores CHRONUS_* knobs: its output depends on the script alone


def say(line: str) -> None:
    print(line, file=sys.stderr)


def render_command(args) -> int:
    args.samplerate = args.samplerate or RENDER_RATE
    args.blocksize = args.blocksize or RENDER_BLOCK
    try:
        config = Config.from_env(sample_rate=args.samplerate, block_size=args.blocksize)
        events, seconds, modules = open_script_while(lambda: compile_if_needed(say, preload=True), args.script,
                                                     config, args.seconds, args.modules)
    except (CommandFailed, ConfigError) as err:
        return fail("render", str(err))
    install_all(modules)  # validated in the pool: now they may run here
    script = Path(args.script)
    output = Path(args.output)
    if not output.parent.is_dir():
        return fail("render", f"cannot write {output}: folder {output.parent} does not exist")
    try:
        events = list(zip([at for at, _ in events], resolve_messages([msg for _, msg in events], args.samplerate,
                                                                      lambda line: print(line, file=sys.stderr))))
    except SampleError as err:
        return fail("render", f"{script}: {err}")
    saves = _outside_the_engine(events, args.samplerate)
    scheduled = _Scheduled(events)
    try:
        audio = _render(scheduled, seconds, args, saves)
    except EngineError as err:
        return fail("render", f"{script}: {_line_of(args.script, scheduled.refused)}{err}")
    try:
        write_wav(output, audio, args.samplerate)
    except OSError as err:
        return fail("render", f"cannot write {output}: {err}")
    print(f"wrote {output} ({seconds:.2f} s at {args.samplerate} Hz)", file=sys.stderr)
    return 0




class _Scheduled:
    """The events as the render takes them, counted, so the one the engine refuses is known."""

    def __init__(self, events: list):
        self.events, self.taken, self.done = events, 0, False

    def __iter__(self):
        for event in self.events:
            self.taken += 1
            yield event
        self.done = True

    @property
    def refused(self) -> int | None:
        """The index of the event being scheduled when the engine refused, None once all were."""
        return None if self.done or not self.taken else self.taken - 1


def _line_of(script: str, index: int | None) -> str:
    """'line 4: ' for the script line that made event `index` (the first line whose part of the
    script yields that many events), as English lines' errors say it; '' when unknown (stdin)."""
    if index is None or script == "-":
        return ""
    from ..language.script import load_script, read_script

    lines = read_script(Path(script)).splitlines()
    count = bisect.bisect_left(range(1, len(lines) + 1), index + 1,
                               key=lambda n: len(load_script("\n".join(lines[:n]) + "\n")))
    return f"line {count + 1}: "


def _outside_the_engine(events, sample_rate: int) -> list:
    """The script's session saves, to do as `chronus run` does; the other messages that act outside
    the engine (recording, loading, /engine/*) are said to be skipped, one line each."""
    saves = []
    for at, msg in events:
        if msg.address == "/session/save":
            saves.append((at, msg))
        elif not is_engine_message(msg) and msg.address not in TRANSACTION:
            print(f"chronus render: skipped {msg} (at {at / sample_rate:.2f} s): it acts on the live "
                  "engine only — 'chronus run' does it", file=sys.stderr)
    return sorted(saves, key=lambda e: e[0])


def _saver(saves: list, sample_rate: int):
    """After each block: the saves whose time has come, with the patch as it plays then."""
    from ..session.commands import SessionCommands

    session = SessionCommands(sample_rate)

    def after_block(timeline) -> None:
        while saves and saves[0][0] <= timeline.position:
            outcome = session.handle(saves.pop(0)[1], timeline.engine.patch_state())
            print(f"chronus render: {outcome.text}", file=sys.stderr)
    return after_block


def _render(events, seconds: float, args, saves: list):
    after_block = _saver(saves, args.samplerate) if saves else None
    if not sys.stdout.isatty():
        return render_script(events, seconds, args.samplerate, args.blocksize, after_block=after_block)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("rendering", total=1)
        return render_script(
            events, seconds, args.samplerate, args.blocksize,
            lambda done, total: progress.update(task, completed=done, total=total), after_block,
        )
