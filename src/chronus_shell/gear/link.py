"""Ableton Link (aalink): tempo and bars shared with the peers on the local network.

A thread polls the Link session every `POLL_S`: a tempo set by a peer becomes `/seq/bpm <t> now`;
a tempo set here (`Gear.send` sees `/seq/bpm`) is given to the session. The sequencer's grid is
kept on Link's bars (quantum 4 beats): a start lands on the next Link bar, and when the grid has
drifted off the Link grid by more than `DRIFT_BLOCKS` (a tempo change lands on our next step, a
peer's at once) it is restarted on the next Link bar. With start/stop sync, a peer's start or stop
starts or stops the sequencer on a bar, and ours is told to the session.
"""
from __future__ import annotations

import asyncio
import threading
import time

from ..protocol.message import Message

POLL_S = 0.05
QUANTUM = 4.0            # beats in a Link bar (our bar: 16 sixteenths)
DRIFT_BLOCKS = 0.5       # realign when our beats are further than this from Link's
TEMPO_EPSILON = 0.01


class LinkSession:
    def __init__(self, gear, bpm: float):
        self.gear = gear
        self._loop = asyncio.new_event_loop()        # aalink wants an event loop of its own
        self._loop_thread = threading.Thread(target=self._loop.run_forever, name="chronus-link-loop", daemon=True)
        self._loop_thread.start()
        self.link = asyncio.run_coroutine_threadsafe(self._make(bpm), self._loop).result(timeout=5)
        self.bpm = bpm                                 # the tempo both sides agree on
        self.running = False
        self.playing = False
        self._hold_until = 0                           # a restart is on its way: no drift check before
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="chronus-link", daemon=True)
        self._thread.start()

    async def _make(self, bpm: float):
        from aalink import Link

        link = Link(bpm)
        link.quantum = QUANTUM
        link.start_stop_sync_enabled = True
        link.enabled = True
        return link

    @property
    def peers(self) -> int:
        return int(self.link.num_peers)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=1.0)
        self.link.enabled = False
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._loop_thread.join(timeout=1.0)

    # -- time --------------------------------------------------------------------------------
    def beat_at(self, when: float) -> float:
        """Link's beat at monotonic time `when`."""
        beat, now = self.link.beat, time.monotonic()
        return beat + (when - now) * self.link.tempo / 60.0

    def next_bar_sample(self, after: int) -> int:
        """The first sample at or after `after` where a Link bar starts."""
        clock = self.gear.clock
        when = clock.time_of(after)
        beat = self.beat_at(when)
        bar = -(-beat // QUANTUM) * QUANTUM
        return clock.sample_at(when + (bar - beat) * 60.0 / self.link.tempo)

    # -- from here ---------------------------------------------------------------------------
    def tempo_set_here(self, bpm: float) -> None:
        self.bpm = bpm
        self.link.tempo = bpm

    def start_here(self) -> int:
        """Our sequencer starts: on the next Link bar (the sample returned)."""
        self.running = True
        if self.link.start_stop_sync_enabled and self.peers:
            self.link.playing = True
        return self.next_bar_sample(self.gear.supervisor.earliest_stamp())

    def stop_here(self) -> None:
        self.running = False
        if self.link.start_stop_sync_enabled and self.peers:
            self.link.playing = False

    # -- from the session --------------------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.wait(POLL_S):
            try:
                self._follow()
            except Exception as err:  # noqa: BLE001 — Link must never stop the music
                self.gear.say(f"link: {type(err).__name__}: {err}")

    def _follow(self) -> None:
        tempo = float(self.link.tempo)
        if abs(tempo - self.bpm) > TEMPO_EPSILON:
            self.bpm = round(tempo, 3)
            self.gear.supervisor.send(Message("/seq/bpm", (self.bpm, "now")))
        playing = bool(self.link.playing)
        if self.peers and playing != self.playing:
            self.playing = playing
            if playing and not self.running:
                self.running = True
                self._restart()
            elif not playing and self.running:
                self.running = False
                self.gear.supervisor.send(Message("/seq/stop", ()), self.next_bar_sample(self.gear.supervisor.earliest_stamp()))
        if self.running:
            self._keep_on_the_grid()

    def _keep_on_the_grid(self) -> None:
        """Restart on the next Link bar when our bar lines are off Link's by more than the drift."""
        sup = self.gear.supervisor
        if self.gear.clock.sample_at(time.monotonic()) < self._hold_until:
            return
        ours = sup._next_bar()
        beat = self.beat_at(self.gear.clock.time_of(ours))
        off_beats = abs(beat - round(beat / QUANTUM) * QUANTUM)
        off_samples = off_beats * 60.0 / self.link.tempo * sup.config.sample_rate
        if off_samples > DRIFT_BLOCKS * sup.config.block_size:
            self._restart()

    def _restart(self) -> None:
        sup = self.gear.supervisor
        at = self.next_bar_sample(sup.earliest_stamp())
        sup.send(Message("/seq/stop", ()), at)
        sup.send(Message("/seq/start", ()), at)
        self._hold_until = at + 4 * sup.config.block_size


__all__ = ["LinkSession"]
