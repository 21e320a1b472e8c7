"""Ableton Link with a second aalink peer in this test process (same machine): our tempo follows
the peer's change within a second, the peer follows ours, and our kick onsets (the sequencer's own
events, at the wall time their sample is heard) fall on the peer's beat grid within one block."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

from chronus_shell.gear import Gear
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor

from .conftest import wait_for

BLOCK_S = 256 / 48000


@pytest.fixture
def peer():
    from aalink import Link

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def make():
        link = Link(120.0)
        link.quantum = 4
        link.enabled = True
        return link

    link = asyncio.run_coroutine_threadsafe(make(), loop).result(5)
    yield link
    link.enabled = False
    loop.call_soon_threadsafe(loop.stop)
    thread.join(2)


@pytest.fixture
def shell():
    gear = Gear(Supervisor(Config.from_env(backend="null"))).start()
    yield gear
    gear.stop()


def our_bpm(shell) -> float:
    return shell.supervisor.patch_state()["sequencer"]["bpm"]


def test_tempo_both_ways_and_kicks_on_the_peers_beats(shell, peer):
    for line in ["/patch/create kick kick", "/patch/connect kick master", "/seq/bpm 120",
                 "/seq/add kick kick x...x...x...x..."]:
        shell.send(Message.parse(line))
    assert shell.send(Message("/link", ("on",))).startswith("link on")
    assert wait_for(lambda: shell.status()["link"]["peers"] == 1, 3.0)
    shell.send(Message("/seq/start", ()))
    peer.tempo = 132.0
    started = time.monotonic()
    assert wait_for(lambda: our_bpm(shell) == pytest.approx(132.0, abs=0.01), 1.0)
    print(f"our tempo followed the peer in {time.monotonic() - started:.2f} s")
    shell.send(Message("/seq/bpm", (126.0, "now")))
    assert wait_for(lambda: abs(peer.tempo - 126.0) < 0.01, 1.0)
    settled_after = time.monotonic()

    def offsets() -> list[float]:
        """How far the kicks of the next second are from the peer's beats (seconds)."""
        view = shell.supervisor._active_slot().request(("peek", shell.clock.sample_at(time.monotonic()) + 48000))
        kicks = [sample for sample, target, on, _, _ in view["notes"] if target == "kick" and on]
        beats = [peer.beat + (shell.clock.time_of(s) - time.monotonic()) * peer.tempo / 60.0 for s in kicks]
        return [abs(b - round(b)) * 60.0 / peer.tempo for b in beats]

    # a tempo change lands on our next step but on Link at once: the grid is put back on the next
    # Link bar (two changes above: up to two bars)
    assert wait_for(lambda: len(found := offsets()) >= 2 and max(found) < BLOCK_S, 6.0)
    found = offsets()
    print(f"back on the peer's grid {time.monotonic() - settled_after:.1f} s after the tempo changes; "
          f"kicks off by {', '.join(f'{o * 1000:.2f}' for o in found)} ms")
    assert max(found) < BLOCK_S
