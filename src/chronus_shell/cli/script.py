"""What `chronus render` and `chronus run` share: open a script, decide its length, fail in one line."""
from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

TAIL_SECONDS = 1.0  # a script plays this long after its last line (release tails, echoes)


class CommandFailed(Exception):
    """One line for stderr; the command exits 1."""


def fail(prog: str, text: str) -> int:
    print(f"chronus {prog}: {text}", file=sys.stderr)
    return 1


def open_script(path: str, config, seconds: float | None, modules_folder=None) -> tuple[list, float, list]:
    """(events [(sample, Message)], length in seconds, accepted user modules), or CommandFailed.

    `-` reads the script from standard input (`echo "add a saw" | chronus run -`). The user modules
    are validated first (in the sandbox pool) so the script may use them; `modules_folder` is the
    global `--modules DIR` (None: the default folder)."""
    from ..engine.user_modules.loading import module_files
    from ..language.script import ScriptError, load_script_timed

    script = Path(path)
    if path == "-":
        name, text = "<stdin>", sys.stdin.read() + "\n"   # a newline: text, never a file name
    elif not script.is_file():
        raise CommandFailed(f"no script at {script}")
    else:
        name, text = str(script), script
    sample_rate = config.sample_rate
    modules = []
    if module_files(modules_folder):      # the sandbox pool (and its imports) only for a folder of modules
        from ..supervisor.user_modules.wiring import validated_modules
        modules = validated_modules(config, modules_folder, report=lambda line: print(line, file=sys.stderr))
    try:
        events, end = load_script_timed(text, sample_rate)
    except ScriptError as err:
        raise CommandFailed(f"{name}: {err}") from None
    if seconds is None:
        seconds = max([end] + [at for at, _ in events]) / sample_rate + TAIL_SECONDS
    return events, seconds, modules


def open_script_while(meanwhile, path: str, config, seconds: float | None, modules_folder=None) -> tuple[list, float, list]:
    """open_script in a forked child while this process runs `meanwhile()` (loading the audio
    kernels): a warm start is half the language, half numba, and two cores take them side by side.
    The child's answer (or its exception) comes back pickled; without fork, one after the other."""
    if not hasattr(os, "fork"):
        meanwhile()
        return open_script(path, config, seconds, modules_folder)
    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(readable)
        try:
            try:
                answer = ("ok", open_script(path, config, seconds, modules_folder))
            except BaseException as err:  # noqa: BLE001 — raised again in the parent, whatever it is
                answer = ("raised", err)
            with os.fdopen(writable, "wb") as pipe:
                pickle.dump(answer, pipe)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
    os.close(writable)
    try:
        meanwhile()
    finally:
        with os.fdopen(readable, "rb") as pipe:
            data = pipe.read()
        os.waitpid(child, 0)
    kind, value = pickle.loads(data)
    if kind == "raised":
        raise value
    return value
