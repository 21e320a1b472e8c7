"""Ramps seen from the prompt: the real shell (pipe input) over the real engine link and supervisor
(null backend). `what is the cutoff` while a ramp runs says where the param is now and where it is
going; a relative word (`darker`, `faster`) moves from where the param is now, not from the target."""
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


def run_lines(chronus_home, *batches: list[str], pause: float = 1.0) -> str:
    """Type each batch of lines, `pause` seconds apart, then Ctrl-D; what the shell printed."""
    translator, stream = Translator(), io.StringIO()
    link = EngineLink(Supervisor(Config.from_env(backend="null")))

    async def main():
        await link.ready()
        try:
            with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
                shell = Shell(translator, link, Output(color=False, stream=stream),
                              make_prompt_session(translator, link))
                running = asyncio.create_task(shell.run())
                for batch in batches:
                    pipe.send_text("".join(f"{line}\r" for line in batch))
                    await asyncio.sleep(pause)
                pipe.send_text("\x04")
                await asyncio.wait_for(running, timeout=30)
        finally:
            await link.stop()

    asyncio.run(main())
    return stream.getvalue()


def test_a_param_on_its_way_shows_now_and_target(chronus_home):
    text = run_lines(chronus_home, LINES, ["what is the cutoff", "what's the tempo", "what is the resonance"])
    cutoff = re.search(r"acid_filter1 cutoff ([\d.]+) Hz, ramping to 8000 Hz +\(([\d.]+) beats left", text)
    assert cutoff, text
    assert 300 < float(cutoff.group(1)) < 8000 and 200 < float(cutoff.group(2)) < 256
    tempo = re.search(r"tempo ([\d.]+) bpm, ramping to 140 bpm", text)
    assert tempo and 120 <= float(tempo.group(1)) < 140, text
    assert re.search(r"acid_filter1 resonance [\d.]+ +\(range", text), text      # no ramp: as before


def test_relative_words_move_from_where_the_ramp_is_now(chronus_home):
    """Halfway up a sweep to 8 kHz, `darker` steps down from the few hundred Hz playing (it jumped
    up from 8 kHz before); a line about something else leaves the sweep going to its target."""
    text = run_lines(chronus_home, LINES, ["resonance 70%", "darker"], ["what is the cutoff", "faster"])
    darker = re.search(r"darker: acid_filter1 cutoff ([\d.]+) → ([\d.]+) Hz", text)
    assert darker, text
    playing, stepped = float(darker.group(1)), float(darker.group(2))
    assert 300 < playing < 1000 and stepped < playing, text
    assert re.search(rf"acid_filter1 cutoff {stepped:g} Hz +\(range", text), text    # the set ended the sweep
    tempo = re.search(r"faster: tempo ([\d.]+) → ([\d.]+) bpm", text)    # from the glide's tempo now, not 140
    assert tempo and 120 <= float(tempo.group(1)) < 121, text                # (a set tempo lands at the bar line)
    assert abs(float(tempo.group(2)) - float(tempo.group(1)) - 5) < 0.01, text


def test_the_swing_asked_during_a_tempo_ramp_is_the_swing():
    from chronus_shell.repl.topics import show_renderables
    ramps = [{"target": "seq.bpm", "from": 134.0, "to": 135.0, "beats": 6.0}]
    model = Translator().model
    assert [str(r) for r in show_renderables(("swing", 0.06), model, ramps)] == ["swing 0.06   (range 0–0.6)"]
    assert "ramping to 135" in str(show_renderables(("tempo", 134.0), model, ramps)[0])


def test_a_fade_in_said_again_mid_fade_goes_to_where_the_first_was_going(chronus_home):
    """'fade it in over 16 bars', then 'again' while it climbs: from silence up to the first fade's end
    (0.5) again — not to the level it had reached (a trial heard the sound stay at a fifth of its level)."""
    text = run_lines(chronus_home, ["add a sine called high at 880 hz", "start", "verbose on", "fade it in over 16 bars"],
                     ["again"])
    assert re.findall(r"/ramp/high/gain ([\d.]+) 64", text) == ["0.5", "0.5"], text


def test_stop_the_sweep_holds_it_where_it_plays_and_cancel_puts_it_back(chronus_home):
    """Mid-sweep, 'stop the sweep' keeps the cutoff playing now (the sweep ends there); 'cancel the fade' after a fade
    out has begun puts the level back where the fade started."""
    text = run_lines(chronus_home, LINES, ["stop the sweep"], ["what is the cutoff", "fade out over 64 bars"],
                     ["cancel the fade", "what is the master gain"])
    held = re.search(r"the sweep stopped where it is: acid_filter1 cutoff ([\d.]+) Hz", text)
    assert held and 300 < float(held.group(1)) < 1000, text
    assert re.search(rf"acid_filter1 cutoff {float(held.group(1)):g} Hz +\(range", text), text   # no longer ramping
    assert "the fade called off: back where it started: master gain 0 dB" in text, text
    assert re.search(r"master gain 0 dB +\(range", text), text


def test_a_level_stepped_mid_fade_trims_the_fade_and_it_goes_on(chronus_home):
    """'pull tone down 3 dB' while it fades in: the level steps down from where it plays and the fade goes on to 3 dB
    under where it was going (a trial heard the fade stop at the step, 10 dB under what was meant); a level said
    outright stops the fade there."""
    text = run_lines(chronus_home, ["add a sine called tone at 440 hz", "start", "fade in tone over 64 bars"],
                     ["pull tone down 3 dB"], ["what is the tone volume", "tone volume 0.2"], ["what is the tone volume"])
    trim = re.search(r"the fade goes on: tone gain ([\d.]+) now, to 0.353973 \(it was going to 0.5\)", text)
    assert trim and 0 < float(trim.group(1)) < 0.1, text
    assert re.search(r"tone gain [\d.]+, ramping to 0.353973", text), text
    assert re.search(r"tone gain 0.2 +\(range", text), text


def test_stop_the_fade_mid_fade_in_holds_the_level(chronus_home):
    """trial2 s34: 'stop the fade' said so and the fade went on (the trim took the stop for a step)."""
    text = run_lines(chronus_home, ["add a sine called tone at 440 hz", "start", "fade in tone over 64 bars"],
                     ["stop the fade"], ["what is the tone volume"])
    held = re.search(r"the fade stopped where it is: tone gain ([\d.]+)", text)
    assert held and "goes on" not in text, text
    after = re.search(r"tone gain ([\d.]+) +\(range", text)                   # no longer ramping, where it stopped
    assert after and abs(float(after.group(1)) - float(held.group(1))) < 1e-5, text
