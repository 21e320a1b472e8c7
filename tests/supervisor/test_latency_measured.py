"""Command → audible is measured on the real processes' clocks and agrees with docs/tuning.md's formula."""
from __future__ import annotations

import asyncio
import concurrent.futures
import os
import statistics
import sys
import threading
import time

import pytest

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.latency import formula_ms
from chronus_shell.supervisor.rings import DEVICE_LATENCY_US

from .test_soak import FOUR_VOICES, wait_for_music


@pytest.fixture(params=["null", pytest.param("jack", marks=pytest.mark.jack)])
def device(request):
    """The null device (no latency of its own) or the JACK dummy server (a period of its own)."""
    if request.param == "jack":
        request.getfixturevalue("jack_server")
        return "sounddevice"
    return "null"


def test_the_measured_latency_is_the_documented_one_and_the_status_shows_it(device):
    config = Config.from_env(env={}, backend=device)  # the defaults
    block_ms = 1000 * config.block_size / config.sample_rate
    with Supervisor(config) as supervisor:
        wait_for_music(supervisor)
        before_any = supervisor.status()["latency_ms"]   # the start line's figure
        device_ms = int(supervisor.control.words[DEVICE_LATENCY_US]) / 1000
        supervisor.send(Message.parse("/patch/create saw1 saw"))
        for step in range(60):
            supervisor.send(Message("/mod/saw1/gain", (0.1 + step / 100,)))
            time.sleep(0.0123)  # not a multiple of the block: commands land all over a block
        measured = list(supervisor.latencies_ms)
        status = supervisor.status()
    formula, median = formula_ms(config, device_ms), statistics.median(measured)
    print(f"{supervisor.device}: start line {before_any} ms, commands' median {median:.1f} ms, formula {formula:.1f} ms")
    assert len(measured) == 61
    assert ("JACK" in supervisor.device) == (device == "sounddevice") and (device_ms > 0) == (device == "sounddevice")
    # on average half a block after a callback; each within the block it arrived in, or one block
    # sooner when it arrived between a callback and the slot beginning the next block
    assert abs(median - formula) < block_ms / 2, (median, formula)
    assert formula - block_ms - 1 <= min(measured) and max(measured) <= formula + block_ms / 2 + 5
    # before any command, the same figure: a command's latency taken across a block (not one moment of it)
    assert abs(before_any - median) < block_ms / 3, (before_any, median)   # each figure's sampling noise
    assert status["latency_ms"] == round(statistics.median(measured[-32:]), 1)


ENTER_ALLOWANCE_MS = 4.0   # the prompt reading the key and calling its accept handler, the translation (docs/tuning.md)


@pytest.mark.jack
@pytest.mark.skipif(sys.platform == "win32", reason="typed through a pty")
def test_a_line_typed_at_the_prompt_is_heard_within_the_formula_from_the_enter_key(jack_server):
    """The shell's own prompt on a pty, typed at by another process (tests/repl/typist.py): from the
    Enter key's write to the first changed sample (the engine's figure from the line's entry, plus the
    prompt's time from the key to that entry) within the formula and the prompt's own allowance."""
    from chronus_shell.language import Translator
    from chronus_shell.repl.engine_link import EngineLink
    from tests.repl.typist import TypedShell, terminal

    config = Config.from_env(env={}, backend="sounddevice")
    translator, entered = Translator(), []
    for line in FOUR_VOICES:
        translator.translate(line)
    nice, policy = os.getpriority(os.PRIO_PROCESS, 0), os.sched_getscheduler(0)   # TypedShell favours this thread
    name = threading.current_thread().name                                         # … and names it the REPL's

    async def typing(supervisor, keys) -> list[float]:
        started = concurrent.futures.Future()
        started.set_result(None)
        link = EngineLink(supervisor)
        link.begin(started)
        await link.ready()
        typed, heard = TypedShell(translator, link, *keys), []
        await typed.line("acid_filter1 cutoff 390")   # the first English line loads the grammar (~90 ms)
        for step in range(24):
            marks = await typed.line(f"acid_filter1 cutoff {400 + 25 * step}")
            heard.append(supervisor.latencies_ms[-1] + (entered[-1] - marks["key_ns"]) / 1e6)
        typed.close()
        link._poller.cancel()
        return heard

    with Supervisor(config) as supervisor, terminal() as keys:
        wait_for_music(supervisor)
        for line in FOUR_VOICES:
            supervisor.send(Message.parse(line))
        send = supervisor.send

        def sending(message, at=None, entered_ns=None):
            entered.append(entered_ns)
            return send(message, at, entered_ns)
        supervisor.send = sending
        try:
            heard = asyncio.run(typing(supervisor, keys))
        finally:
            os.setpriority(os.PRIO_PROCESS, 0, nice)
            os.sched_setscheduler(0, policy, os.sched_param(0))
            threading.current_thread().name = name
        formula = formula_ms(config, int(supervisor.control.words[DEVICE_LATENCY_US]) / 1000)
    median = statistics.median(heard)
    print(f"from Enter: median {median:.1f} ms, max {max(heard):.1f} ms, formula {formula:.1f} ms")
    assert median <= formula + ENTER_ALLOWANCE_MS, (median, formula, sorted(heard))
