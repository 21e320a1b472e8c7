"""Bursts of patch changes on a big patch lose no block (supervisor/cushion.py).

40 voices (120 modules; benchmarks/bench_patch_burst.py plays 64) play on the JACK dummy device at the default settings (128 frames, a lead of one
block) while a burst comes as fast as the shell sends it: a new voice (and one timed to play 0.3 s later), a heard module removed and put back,
a transaction, and the patch's session loaded over itself at the next bar and at once (1,000 messages). Each cost both slots more
than a block at the same sample (a render plan built again, the engine copied, a load's messages spread over
as many blocks): 1–4, 6–9, 4–6 and 155–231 blocks lost per burst before the cushion. Idle, and loaded (the
dozen busy programs and the memory toucher of tests/supervisor/busy.py) as a soak.
"""
from __future__ import annotations

import contextlib
import os
import time

import pytest

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor, realtime
from chronus_shell.supervisor.rings import LOST_BLOCKS

from .busy import busy_machine, still_busy
from .test_soak import wait_for_music

VOICES = 40          # 120 modules and more: admission, measuring a busy CI machine, refused 64 voices at times
SPAWN = os.environ.get("CHRONUS_START_METHOD") == "spawn"


def voice(i: int) -> list[str]:
    """The i-th voice of the big patch: saw → acid_filter → adsr → master with a pattern of its own."""
    return [f"/patch/create s{i} saw", f"/patch/create f{i} acid_filter", f"/patch/create e{i} adsr",
            f"/patch/connect s{i} f{i}", f"/patch/connect f{i} e{i}", f"/patch/connect e{i} master",
            f"/mod/f{i}/cutoff {400 + 10 * i}", f"/mod/s{i}/gain 0.05",
            f"/seq/add v{i} s{i} x.x.x..xx.X.x.x.", f"/seq/notes v{i} a2 c3 e3 g2"]


def send_timed(supervisor, lines: list[str], seconds: float) -> None:
    """`lines` all timed to play `seconds` from now (an OSC bundle's timetag: `send(…, at=)`), each cushioned as if
    sent now when dear (fan_out.py)."""
    at = supervisor.sample_at(time.time() + seconds)
    for line in lines:
        outcome = supervisor.send(Message.parse(line), at=at)
        assert outcome is None or outcome.ok, (line, outcome.text)


ROUNDS = 2
TIMED_S = 0.3   # how far ahead a timed voice is sent for


def bursts(n: int) -> dict[str, list[str]]:
    """The n-th round's bursts (each round names modules of its own)."""
    return {
        "a new voice": voice(VOICES + n),
        "a new voice at a time": voice(VOICES + ROUNDS + n),
        "a heard module removed and put back": [f"/patch/remove e{n}", f"/patch/create e{n} adsr",
                                                f"/patch/connect f{n} e{n}", f"/patch/connect e{n} master"],
        "a transaction": ["/patch/begin", f"/patch/create q{n} square", f"/mod/q{n}/gain 0.02",
                          f"/patch/connect q{n} master", "/patch/commit"],
        "the session loaded at the next bar": ["/session/load big"],
        "the session loaded over itself": ["/session/load big now"],
    }


AFTER_S = {"the session loaded at the next bar": 2.5,   # a bar at 126 bpm: 1.9 s; any other burst: 0.5 s
           "a new voice at a time": TIMED_S + 0.5}


@pytest.mark.jack
@pytest.mark.skipif(SPAWN, reason="the start method only changes how workers start")
@pytest.mark.skipif(realtime.permission_notice() is not None, reason="zero loss needs real-time scheduling")
@pytest.mark.parametrize("load", ["idle", pytest.param("loaded", marks=pytest.mark.soak)])
def test_bursts_of_patch_changes_on_a_big_patch_lose_no_block(jack_server, chronus_home, load):
    lost, changed = {}, {}
    with Supervisor(Config.from_env(backend="sounddevice")) as supervisor:
        wait_for_music(supervisor)
        for line in [line for i in range(VOICES) for line in voice(i)] + ["/seq/bpm 126", "/seq/start"]:
            supervisor.send(Message.parse(line))
        time.sleep(1.0)
        assert supervisor.send(Message.parse("/session/save big")).ok
        saved = supervisor.patch_state()
        before = int(supervisor.control.words[LOST_BLOCKS])
        with busy_machine(40) if load == "loaded" else contextlib.nullcontext() as busy:
            time.sleep(0.5)
            for n in range(ROUNDS):
                for name, lines in bursts(n).items():
                    counted = int(supervisor.control.words[LOST_BLOCKS])
                    if name == "a new voice at a time":
                        send_timed(supervisor, lines, TIMED_S)
                    else:
                        for line in lines:
                            outcome = supervisor.send(Message.parse(line))
                            assert outcome is None or outcome.ok, (line, outcome.text)
                    time.sleep(AFTER_S.get(name, 0.5))
                    lost[name] = lost.get(name, 0) + int(supervisor.control.words[LOST_BLOCKS]) - counted
                    changed[name] = supervisor.patch_state()
            assert busy is None or still_busy(busy), "the load ended early: the test proved nothing"
        status = supervisor.status()
    assert before == 0, f"{before} blocks lost while building the patch"
    assert lost == dict.fromkeys(bursts(0), 0), (lost, status["waited_blocks"])
    assert all(row["late_commands"] == 0 for row in status["slots"]), (status["slots"], supervisor.problems)
    assert supervisor.failovers == [] and supervisor.problems == [], (supervisor.failovers, supervisor.problems)
    assert f"s{VOICES + ROUNDS + 1}" in changed["a new voice at a time"]["modules"]
    assert f"s{VOICES + 1}" in changed["a new voice"]["modules"] and "q1" in changed["a transaction"]["modules"]
    assert ["e1", "master"] in changed["a heard module removed and put back"]["edges"]
    assert changed["the session loaded at the next bar"]["modules"] == saved["modules"]   # the transaction's q1 gone
    assert changed["the session loaded over itself"]["modules"] == saved["modules"]    # what was saved, not the bursts'
