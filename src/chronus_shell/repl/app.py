"""`chronus` with no sub-command: start the engine, run the prompt, stop everything on exit.

This is the one place where the REPL is wired to the other layers: the supervisor (through
EngineLink), crash recovery and autosave (session), and the OSC server (protocol).
"""
from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import sys
import time
from collections.abc import Callable

from prompt_toolkit.patch_stdout import patch_stdout

from .. import __version__
from ..gear.sessions import section_messages
from ..language import LanguageError, Translator
from ..language.parser import parse
from ..protocol.message import Message
from ..session import (Autosave, SessionError, discard_recovery, pending_recovery, recover, set_aside_recovery,
                       state_to_messages)
from ..engine.user_modules.loading import module_files
from ..session.osc_paths import confine_osc_paths
from ..session.snapshot import list_sessions, remove_interrupted_saves
from ..session.recorder import repair_interrupted_recordings
from ..supervisor.repl_realtime import favour_the_prompt
from .engine_link import EngineLink
from .launch import Starting
from .printing import Output
from .shell import Shell, make_prompt_session
from .cooked_keys import keys_kept_in_cooked_mode
from .toolbar import backend_text

AUTOSAVE_TICK_S = 1.0
RECOVERY_QUESTION = "the last run did not exit cleanly: restore its patch? [Y/n] "
RECOVERY_ANSWERS = {"": True, "y": True, "yes": True, "n": False, "no": False}
RECOVERY_ASKS = 3               # then it starts empty (the crashed set is kept aside)
WARM_UP_LINE = "saw1 cutoff 800"   # read (parsed, not translated: no context changes) once the shell is up


def repl_command(args, starting: Starting | None) -> int:
    """Run the shell until quit; 0 on a clean exit, 1 if the engine could not start. `starting`
    (repl/launch.py) is the engine already on its way, None without a terminal."""
    if starting is None:
        print("chronus: the shell needs a terminal; for commands from a pipe or a file use "
              "'chronus run -' or 'chronus run FILE'", file=sys.stderr)
        return 2
    output = Output()
    if starting.problem:
        output.problem(starting.problem)
        return 1
    try:
        return asyncio.run(_main(args, starting, output))
    except asyncio.CancelledError:              # SIGHUP/SIGTERM: everything was stopped on the way out
        return 1


def _stop_on_hangup() -> None:
    """A closed terminal (SIGHUP) or `kill` (SIGTERM) ends the shell like `quit`: the main task is
    cancelled, so every `finally` below stops the pool, the OSC server and the engine in order."""
    loop, main = asyncio.get_running_loop(), asyncio.current_task()
    def hang_up() -> None:                      # once: a second signal (tmux and the tty both send
        if not main.cancelling():               # SIGHUP) must not cut the stopping short
            main.cancel()

    for name in ("SIGHUP", "SIGTERM"):
        with contextlib.suppress(AttributeError, NotImplementedError, ValueError, RuntimeError):
            loop.add_signal_handler(getattr(signal, name), hang_up)   # POSIX only


def _library_warnings_to_the_log() -> None:
    """A library's `logging.warning` (python-osc on an odd argument type) would otherwise set up
    the root logger on the terminal, under the prompt; the shell keeps such lines in errors.log."""
    import logging

    from ..paths import data_dir
    from .shell import ERROR_LOG

    root = logging.getLogger()
    if not root.handlers:
        handler = logging.FileHandler(data_dir() / ERROR_LOG, delay=True, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s: %(message)s"))
        root.addHandler(handler)


async def _main(args, starting: Starting, output: Output) -> int:
    favour_the_prompt()                         # keys read and lines entered in time on a busy machine
    _stop_on_hangup()
    _library_warnings_to_the_log()
    supervisor = starting.supervisor
    engine = EngineLink(supervisor, on_news=output.problem, on_info=output.info)
    engine.begin(starting.started)              # the engine comes up behind the prompt
    translator = Translator()
    translator.model.sessions_saved = tuple(list_sessions())   # 'load the friday night one': a name saved before
    parts = _Parts()
    autosave = Autosave()                       # this shell's own autosave, locked with its pid
    clean = False                               # a crash keeps the autosave for the next start
    try:
        output.banner(__version__)
        for line in repair_interrupted_recordings():
            output.info(line)
        remove_interrupted_saves()
        session = make_prompt_session(translator, engine, vi=args.vi, no_popups=args.no_popups)
        with keys_kept_in_cooked_mode(), patch_stdout(raw=True):
            ready = asyncio.create_task(_come_up(args, engine, translator, output, parts, autosave))
            ready.add_done_callback(_end_if_it_failed(output, asyncio.current_task()))
            typed = await _offer_recovery(session, translator, engine, output, ready)
            try:
                await Shell(translator, engine, output, session, ready=ready).run(typed)
            finally:
                await _finish_recording(engine, output)
                ready.cancel()                  # quit before the engine was up: nothing more starts
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await ready
        clean = True
    except asyncio.CancelledError:              # a closed terminal or `kill` ends the shell as `quit` does
        clean = True
        raise
    finally:
        await parts.stop()
        await engine.stop()
        if clean:
            autosave.close()
    return 0


class _Parts:
    """What starts once the engine is up (_come_up), stopped on the way out whatever happened."""

    def __init__(self):
        self.osc = self.modules = self.ticking = None

    async def stop(self) -> None:
        if self.ticking is not None:
            self.ticking.cancel()
        if self.modules is not None:
            await _stop_modules(*self.modules)
        if self.osc is not None:
            self.osc.stop()


async def _come_up(args, engine: EngineLink, translator, output: Output, parts: _Parts, autosave):
    """Behind the prompt: the engine's line (backend, measured latency, notice) once it is up, then
    the OSC server, the user's modules (returned: LiveModules or None) and the autosave. A line
    typed meanwhile waits for this (Shell), so it runs after, in the order typed."""
    status = await engine.ready()
    supervisor = engine.supervisor
    output.audio_ready(_backend_text(status), status.get("latency_ms"),
                       status.get("notice") or getattr(supervisor, "notice", None))
    parts.osc = _start_osc(args, supervisor, translator, output)
    parts.modules = _start_modules(args, supervisor, translator, output)
    if parts.modules is not None and module_files(args.modules):
        await asyncio.shield(parts.modules[1])  # `add bitwarp` must work at once: lines wait for them
    parts.ticking = asyncio.create_task(_autosave(engine, autosave))
    settle()
    return parts.modules and parts.modules[0]


def settle() -> None:
    """Once the shell is up, before its first line: the language's grammar and word indexes loaded (the
    first English line took ~90 ms more to translate) and the heap so far frozen out of garbage
    collection. A full collection of the shell's heap (the engine's, the prompt's, the language's
    objects: hundreds of thousands) held the GIL for 0.3–0.5 s, and a line entered then waited for it
    (bench_latency_trace.py: from Enter p99 58 ms idle over two minutes); frozen, one walks only what
    came since (under 1 ms after 400 lines)."""
    with contextlib.suppress(LanguageError):
        parse(WARM_UP_LINE)
    gc.collect()
    gc.freeze()


def _end_if_it_failed(output: Output, main: asyncio.Task) -> Callable[[asyncio.Task], None]:
    """An engine that could not start ends the shell in one line (exit status 1), as before the prompt."""
    def done(ready: asyncio.Task) -> None:
        if ready.cancelled() or ready.exception() is None:
            return
        output.problem(f"cannot start the audio engine: {ready.exception()}")
        main.cancel()
    return done


async def _finish_recording(engine: EngineLink, output: Output) -> None:
    """Leaving while recording: the take is finished (its WAV header written) and said where it is."""
    with contextlib.suppress(Exception):
        if engine.supervisor.session.recorder is None:
            return
        for reply in await engine.send([Message("/record/stop")]):
            (output.info if reply.ok else output.problem)(
                f"recording finalised: {reply.text}" if reply.ok else reply.text)


def _backend_text(status: dict) -> str:
    return backend_text(status.get("backend", "?"), status.get("device"))


def _from_any_thread(say: Callable[[str], None]) -> Callable[[str], None]:
    """`say` for other threads (OSC server, module watcher): the line is printed by the loop."""
    loop = asyncio.get_running_loop()
    return lambda text: loop.call_soon_threadsafe(say, text)


def _start_modules(args, supervisor, translator, output: Output):
    """The user's modules (validated in the sandbox pool, then hot reload on save), starting in a
    thread: (LiveModules, the start's future), or None when they are off."""
    from ..supervisor.user_modules.wiring import LiveModules

    say, problem = _from_any_thread(output.info), _from_any_thread(output.problem)
    installed = _from_any_thread(lambda name: translator.model.forget_vanished_params(name))
    try:
        modules = LiveModules(supervisor, args.modules, say=say, problem=problem, installed=installed)
    except (OSError, ValueError) as err:
        output.problem(f"user modules are off: {err}")
        return None

    def start() -> None:
        try:
            modules.start()
        except Exception as err:                # noqa: BLE001 — the shell plays on without them
            problem(f"user modules are off: {err}")

    return modules, asyncio.get_running_loop().run_in_executor(None, start)


async def _stop_modules(modules, started) -> None:
    await started                               # a pool still starting is stopped once it has
    await asyncio.get_running_loop().run_in_executor(None, modules.stop)


def _start_osc(args, supervisor, translator, output: Output):
    """The OSC server when `--osc-port` is given; what it accepts also updates the REPL's model,
    what it drops or refuses is said above the prompt (a line a second at most)."""
    if args.osc_port is None:
        return None
    from ..protocol.osc import OscServer

    loop = asyncio.get_running_loop()

    def accepted(message, seconds: float) -> None:
        """The model follows what is heard: a timetagged message changes it when it plays."""
        loop.call_soon_threadsafe(loop.call_later, seconds, translator.observe, [message])

    try:
        server = OscServer.for_supervisor(supervisor, args.osc_host, args.osc_port, accepted=accepted,
                                          report=_from_any_thread(output.problem),
                                          vet=None if args.osc_allow_any_path else confine_osc_paths)
        server.start()
    except OSError as err:
        output.problem(str(err))
        return None
    output.info(f"OSC server on {server.host}:{server.port}")
    return server


async def _offer_recovery(session, translator, engine: EngineLink, output: Output, ready: asyncio.Task) -> list[str]:
    """A crashed run left an autosave: offer to bring its patch back (once the engine and the
    user's modules are up: `ready`). A line that is not an answer (typed before the question
    showed) is kept and returned, to run once the question is answered."""
    if pending_recovery() is None:
        return []
    try:
        state = recover()
    except SessionError as err:
        output.problem(f"the last run's autosave is damaged ({err}); starting empty{_kept_as(set_aside_recovery())}")
        return []
    answer, typed = "n", []
    with contextlib.suppress(KeyboardInterrupt, EOFError):
        prompt = session.message
        try:
            for _ in range(RECOVERY_ASKS):
                line = (await session.prompt_async(RECOVERY_QUESTION)).strip()
                answer = line.lower()
                if answer in RECOVERY_ANSWERS:
                    break
                typed.append(line)
                output.notice(f"kept {line!r}: it runs once you have answered (y or n)")
                answer = "n"
        finally:
            session.message = prompt  # prompt_async keeps the message it was given
    if not RECOVERY_ANSWERS.get(answer, False):
        output.info(f"starting empty{_kept_as(set_aside_recovery())}")
        return typed
    messages = state_to_messages(state) + section_messages(state)    # the MIDI mappings too
    await ready
    translator.observe(messages)
    for reply in await engine.send(messages):
        (output.info if reply.ok else output.problem)(reply.text)
    output.info(f"restored {sum(m.address == '/patch/create' for m in messages)} modules")
    discard_recovery()
    return typed


def _kept_as(path) -> str:
    return f"; the crashed set is kept: 'load {path}' brings it back" if path else ""


async def _autosave(engine: EngineLink, autosave: Autosave) -> None:
    """Crash insurance: hand the patch to Autosave every second (it writes only after changes)."""
    while True:
        await asyncio.sleep(AUTOSAVE_TICK_S)
        with contextlib.suppress(Exception):
            state = await engine.patch_state()     # (on the engine's queries' thread, not an ordinary one)
            autosave.tick(state, time.monotonic())


__all__ = ["repl_command"]
