"""Rewiring a sounding voice is a short crossfade, not a click: inserting a processor (the dry
edge fades out while the wet path fades in) and taking it out again. A new module's own edges
are not faded, so a new sound still starts at its exact sample."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine.edge_fades import EDGE_FADE_MS
from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

RATE = 48000
CHANGE = RATE  # the rewiring happens 1 s in
FADE = round(EDGE_FADE_MS * 1e-3 * RATE)


def _render(lines_at_change: list[str], seconds: float = 1.5) -> np.ndarray:
    engine = Engine(RATE, 256)
    for line in ("/patch/create sine1 sine", "/patch/connect sine1 master", "/mod/sine1/gain 0.5"):
        engine.schedule(Message.parse(line), 0)
    for line in lines_at_change:
        engine.schedule(Message.parse(line), CHANGE)
    return np.concatenate([engine.render(256) for _ in range(int(seconds * RATE) // 256)]).astype(np.float64)


def _largest_step(audio: np.ndarray, start: int, stop: int) -> float:
    return float(np.abs(np.diff(audio[start:stop])).max())


INSERT = ["/patch/create distortion1 distortion", "/mod/distortion1/drive 10", "/patch/disconnect sine1 master",
          "/patch/connect sine1 distortion1", "/patch/connect distortion1 master"]


def test_inserting_a_processor_crossfades_dry_into_wet():
    audio = _render(INSERT)
    dry = _largest_step(audio, CHANGE - 4800, CHANGE - 10)
    wet = _largest_step(audio, CHANGE + 4 * FADE, CHANGE + 9600)
    assert wet > 2 * dry                                              # the distortion is really in
    assert _largest_step(audio, CHANGE - 10, CHANGE + 2 * FADE) <= 1.05 * max(dry, wet)   # no click
    assert np.isfinite(audio).all()


def _take_it_out_again() -> tuple[Engine, np.ndarray]:
    """The sine through the distortion from the start; at CHANGE, straight to master again."""
    engine = Engine(RATE, 256)
    for line in ("/patch/create sine1 sine", "/patch/connect sine1 master", "/mod/sine1/gain 0.5", *INSERT):
        engine.schedule(Message.parse(line), 0)
    for line in ("/patch/disconnect distortion1 master", "/patch/disconnect sine1 distortion1",
                 "/patch/connect sine1 master"):
        engine.schedule(Message.parse(line), CHANGE)
    return engine, np.concatenate([engine.render(256) for _ in range(int(1.2 * RATE) // 256)]).astype(np.float64)


def test_taking_a_processor_out_again_is_smooth_too():
    engine, audio = _take_it_out_again()
    wet = _largest_step(audio, CHANGE - 4800, CHANGE - 10)
    dry = _largest_step(audio, CHANGE + 4 * FADE, CHANGE + 9600)
    assert _largest_step(audio, CHANGE - 10, CHANGE + 2 * FADE) <= 1.05 * max(dry, wet)
    assert engine.fades.fading == {} and engine.edges == [("sine1", "master")]   # the fade ended
    assert np.array_equal(audio, _take_it_out_again()[1])                         # deterministic


def test_a_new_sound_starts_at_its_exact_sample():
    """Only edges from modules that were already sounding fade: a kick created and connected at one
    sample is heard from that sample at full level (its first hit stays exact)."""
    engine = Engine(RATE, 256)
    for line in ("/patch/create sine1 sine", "/patch/connect sine1 master"):
        engine.schedule(Message.parse(line), 0)
    for line in ("/patch/create kick1 kick", "/patch/connect kick1 master", "/patch/disconnect sine1 master"):
        engine.schedule(Message.parse(line), 512)
    engine.render(256)
    assert engine.fades.fading == {}                     # the sine's first edge: created with it
    engine.render(256)
    assert set(engine.fades.fading) == {("sine1", "master")}   # the kick's edge is not faded
