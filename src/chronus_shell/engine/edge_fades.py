"""Audio edges that change under a sounding module ramp their gain instead of switching.

Inserting a processor into a playing voice (`add a distortion`) disconnects `saw1 → master` and
connects `saw1 → distortion1 → master` at one sample: switched hard, the dry signal jumps to the
wet one (a click). Here the old edge fades out and the new one fades in over `EDGE_FADE_MS`, so
the change is a short crossfade. Edges from a module created at the same sample are not faded:
a new sound starts as it starts (a kick's first hit stays exact to the sample).

A hot reload fades too: the old version of a user module keeps running beside the new one for
the same few milliseconds (`fade_from_old_version`).

Plain data (pickles with the Engine); the gains follow the engine's sample position only, so two
slots and an offline render fade identically.
"""
from __future__ import annotations

import numpy as np

__all__ = ["EdgeFades", "EDGE_FADE_MS", "fade_from_old_version"]

EDGE_FADE_MS = 5.0

Edge = tuple[str, str]


class EdgeFades:
    def __init__(self, sample_rate: int):
        self.step = 1.0 / max(1, round(EDGE_FADE_MS * 1e-3 * sample_rate))
        self.fading: dict[Edge, tuple[float, float]] = {}     # edge → (gain now, target 0 or 1)

    def start(self, edge: Edge, fade_in: bool) -> None:
        """Begin fading `edge` in (just connected) or out (just disconnected: still rendered)."""
        gain = self.fading.get(edge, (0.0 if fade_in else 1.0, None))[0]
        self.fading[edge] = (gain, 1.0 if fade_in else 0.0)

    def leaving(self) -> list[Edge]:
        """Edges that are disconnected but still fading out (the render plan keeps them)."""
        return [edge for edge, (_, target) in self.fading.items() if target == 0.0]

    def forget(self, module_id: str) -> None:
        """A removed module's edges stop at once."""
        self.fading = {edge: fade for edge, fade in self.fading.items() if module_id not in edge}

    def ramps(self, n: int) -> dict[Edge, np.ndarray]:
        """The gain of every fading edge for the next n samples."""
        steps = np.arange(1, n + 1) * self.step
        return {edge: np.clip(gain + steps if target else gain - steps, 0.0, 1.0)
                for edge, (gain, target) in self.fading.items()}

    def advance(self, n: int) -> bool:
        """Move on by n samples; True when a fade-out ended (its edge leaves the render plan)."""
        ended = False
        for edge, (gain, target) in list(self.fading.items()):
            gain = min(1.0, gain + n * self.step) if target else max(0.0, gain - n * self.step)
            if gain == target:
                del self.fading[edge]
                ended = ended or target == 0.0
            else:
                self.fading[edge] = (gain, target)
        return ended


def fade_from_old_version(swaps: dict, module_id: str, block: np.ndarray, audio_in, modulation, step: float):
    """`block` (the new version's) faded in over the old version's output on the same input;
    `swaps[module_id]` = (old module, samples faded so far), removed once the fade is over."""
    old, done = swaps[module_id]
    n = len(block)
    try:
        before = old.process(audio_in, old.params(n, modulation))
        if before.shape != (n,) or not np.isfinite(before).all():
            before = np.zeros(n)
    except Exception:  # noqa: BLE001 — the old version only fades out; silence will do
        before = np.zeros(n)
    gain = np.minimum((done + np.arange(1, n + 1)) * step, 1.0)
    if gain[-1] >= 1.0:
        del swaps[module_id]
    else:
        swaps[module_id] = (old, done + n)
    return before + (block - before) * gain
