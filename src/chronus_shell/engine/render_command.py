"""`chronus render SCRIPT -o OUT.wav`: the script offline, as fast as possible, bit-identical."""
from __future__ import annotations

import sys
from pathlib import Path

import soundfile

from . import warmup
from .graph import EngineError
from .render import render_script

TAIL_SECONDS = 1.0


def _fail(text: str) -> int:
    print(f"chronus render: {text}", file=sys.stderr)
    return 1


def render_command(args) -> int:
    from ..language.script import ScriptError, load_script_timed

    script = Path(args.script)
    if not script.is_file():
        return _fail(f"no script at {script}")
    try:
        events, end = load_script_timed(script, args.samplerate)
    except ScriptError as err:
        return _fail(f"{script}: {err}")
    seconds = args.seconds
    if seconds is None:
        last = max([end] + [at for at, _ in events])
        seconds = last / args.samplerate + TAIL_SECONDS
    output = Path(args.output)
    if not output.parent.is_dir():
        return _fail(f"cannot write {output}: folder {output.parent} does not exist")
    warmup()
    try:
        audio = _render(events, seconds, args)
    except EngineError as err:
        return _fail(f"{script}: {err}")
    try:
        soundfile.write(str(output), audio, args.samplerate, subtype="FLOAT")
    except (OSError, RuntimeError) as err:
        return _fail(f"cannot write {output}: {err}")
    print(f"wrote {output} ({seconds:.2f} s at {args.samplerate} Hz)", file=sys.stderr)
    return 0


def _render(events, seconds: float, args):
    if not sys.stdout.isatty():
        return render_script(events, seconds, args.samplerate, args.blocksize)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("rendering", total=1)
        return render_script(
            events, seconds, args.samplerate, args.blocksize,
            lambda done, total: progress.update(task, completed=done, total=total),
        )
