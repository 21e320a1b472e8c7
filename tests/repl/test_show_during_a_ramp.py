"""`what is the cutoff` while a ramp runs: the real shell (pipe input) over the real engine link and
supervisor (null backend) says where the param is now and where it is going, not only the target."""
from __future__ import annotations

import asyncio
import io
import re

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from chronus_shell.language import Translator
from chronus_shell.repl.engine_link import EngineLink
from chronus_shell.repl.printing import Output
from chronus_shell.repl.shell import Shell, make_prompt_session
from chronus_shell.supervisor import Config, Supervisor

LINES = ["add a saw at 110 hz", "add acid filter at 300hz", "start", "tempo to 140 over 64 bars",
         "open the filter to 8k over 64 bars"]


def test_a_param_on_its_way_shows_now_and_target(chronus_home):
    translator, stream = Translator(), io.StringIO()
    link = EngineLink(Supervisor(Config.from_env(backend="null")))

    async def main():
        await link.start()
        try:
            with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
                shell = Shell(translator, link, Output(color=False, stream=stream),
                              make_prompt_session(translator, link))
                running = asyncio.create_task(shell.run())
                pipe.send_text("".join(f"{line}\r" for line in LINES))
                await asyncio.sleep(1.0)                             # about half a bar of the sweep
                pipe.send_text("what is the cutoff\rwhat's the tempo\rwhat is the resonance\r\x04")
                await asyncio.wait_for(running, timeout=30)
        finally:
            await link.stop()

    asyncio.run(main())
    text = stream.getvalue()
    cutoff = re.search(r"acid_filter1 cutoff ([\d.]+) Hz, ramping to 8000 Hz +\(([\d.]+) beats left", text)
    assert cutoff, text
    assert 300 < float(cutoff.group(1)) < 8000 and 200 < float(cutoff.group(2)) < 256
    tempo = re.search(r"tempo ([\d.]+) bpm, ramping to 140 bpm", text)
    assert tempo and 120 <= float(tempo.group(1)) < 140, text
    assert re.search(r"acid_filter1 resonance [\d.]+ +\(range", text), text      # no ramp: as before
