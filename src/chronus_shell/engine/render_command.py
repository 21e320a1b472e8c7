"""`chronus render SCRIPT -o OUT.wav`: the script offline, as fast as possible, bit-identical."""
from __future__ import annotations

import sys
from pathlib import Path

from . import warmup
from .graph import EngineError
from ..script_command import CommandFailed, fail, open_script
from .render import render_script
from .samples import SampleError, resolve_messages
from .user_modules_install import install_all
from ..session.recorder import write_wav


RENDER_RATE, RENDER_BLOCK = 48000, 256   # render ignores CHRONUS_* knobs: its output depends on the script alone


def render_command(args) -> int:
    from ..supervisor.config import Config, ConfigError

    args.samplerate = args.samplerate or RENDER_RATE
    args.blocksize = args.blocksize or RENDER_BLOCK
    try:
        config = Config.from_env(sample_rate=args.samplerate, block_size=args.blocksize)
        events, seconds, modules = open_script(args.script, config, args.seconds)
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
    warmup()
    try:
        audio = _render(events, seconds, args)
    except EngineError as err:
        return fail("render", f"{script}: {err}")
    try:
        write_wav(output, audio, args.samplerate)
    except OSError as err:
        return fail("render", f"cannot write {output}: {err}")
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
