"""`chronus` with no sub-command: start the engine, run the prompt, stop everything on exit.

This is the one place where the REPL is wired to the other layers: the supervisor (through
EngineLink), crash recovery and autosave (session), and the OSC server (protocol).
"""
from __future__ import annotations

import asyncio
import contextlib
import time

from prompt_toolkit.patch_stdout import patch_stdout

from .. import __version__
from ..language import Translator
from ..protocol.message import Message
from ..session import Autosave, SessionError, discard_recovery, pending_recovery, recover, state_to_messages
from ..session.snapshot import list_sessions
from .engine_link import EngineLink
from .output import Output
from .shell import Shell, make_prompt_session
from .toolbar import backend_text

AUTOSAVE_TICK_S = 1.0


def repl_command(args) -> int:
    """Run the shell until quit; 0 on a clean exit, 1 if the engine could not start."""
    output = Output()
    try:
        supervisor = _make_supervisor(args)
    except (ValueError, OSError, ImportError) as err:
        output.problem(f"cannot start the audio engine: {err}")
        return 1
    return asyncio.run(_main(args, supervisor, output))


def _make_supervisor(args):
    from ..supervisor import Supervisor
    from ..supervisor.config import Config

    config = Config.from_env(sample_rate=args.samplerate, block_size=args.blocksize,
                             backend=args.backend, device=args.device)
    return Supervisor(config)


async def _main(args, supervisor, output: Output) -> int:
    translator = Translator()
    engine = EngineLink(supervisor)
    try:
        status = await engine.start()
    except Exception as err:                    # noqa: BLE001 — one line, never a traceback
        output.problem(f"cannot start the audio engine: {err}")
        await engine.stop()
        return 1
    osc = None
    try:
        output.banner(__version__, _backend_text(status), status.get("latency_ms"),
                      status.get("notice") or getattr(supervisor, "notice", None))
        osc = _start_osc(args, supervisor, translator, output)
        session = make_prompt_session(translator, engine, vi=args.vi, no_popups=args.no_popups)
        with patch_stdout(raw=True):
            await _offer_recovery(session, translator, engine, output)
            autosave = asyncio.create_task(_autosave(supervisor))
            try:
                await Shell(translator, engine, output, session).run()
            finally:
                autosave.cancel()
    finally:
        if osc is not None:
            osc.stop()
        await engine.stop()
    Autosave().close()
    return 0


def _backend_text(status: dict) -> str:
    return backend_text(status.get("backend", "?"), status.get("device"))


def _start_osc(args, supervisor, translator, output: Output):
    """The OSC server when `--osc-port` is given; what it accepts also updates the REPL's model."""
    if args.osc_port is None:
        return None
    from ..protocol.osc import OscServer

    loop = asyncio.get_running_loop()

    def submit(message: Message, at: int | None) -> str | None:
        try:
            supervisor.send(message, at=at)
        except Exception as err:                # noqa: BLE001 — the sender gets the text
            return str(err)
        loop.call_soon_threadsafe(translator.observe, [message])
        return None

    def query(message: Message):
        return supervisor.status() if message.address == "/engine/status" else list_sessions()

    try:
        server = OscServer(submit, host=args.osc_host, port=args.osc_port,
                           clock=getattr(supervisor, "sample_at", None), query=query).start()
    except OSError as err:
        output.problem(str(err))
        return None
    output.info(f"OSC server on {server.host}:{server.port}")
    return server


async def _offer_recovery(session, translator, engine: EngineLink, output: Output) -> None:
    """A crashed run left an autosave: offer to bring its patch back."""
    if pending_recovery() is None:
        return
    try:
        state = recover()
    except SessionError as err:
        output.problem(f"the last run's autosave is damaged ({err}); starting empty")
        discard_recovery()
        return
    with contextlib.suppress(KeyboardInterrupt, EOFError):
        prompt = session.message
        try:
            answer = await session.prompt_async("the last run did not exit cleanly: restore its patch? [Y/n] ")
        finally:
            session.message = prompt  # prompt_async keeps the message it was given
        if answer.strip().lower() in ("", "y", "yes"):
            messages = state_to_messages(state)
            translator.observe(messages)
            for reply in await engine.send(messages):
                (output.info if reply.ok else output.problem)(reply.text)
            output.info(f"restored {sum(m.address == '/patch/create' for m in messages)} modules")
    discard_recovery()


async def _autosave(supervisor) -> None:
    """Crash insurance: hand the patch to Autosave every second (it writes only after changes)."""
    autosave = Autosave()
    while True:
        await asyncio.sleep(AUTOSAVE_TICK_S)
        with contextlib.suppress(Exception):
            state = await asyncio.get_running_loop().run_in_executor(None, supervisor.patch_state)
            autosave.tick(state, time.monotonic())


__all__ = ["repl_command"]
