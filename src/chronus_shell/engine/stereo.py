"""Stereo in the engine: the pan law, which sources' pan a mono signal carries, and the buses.

Voices, drums and mono processors stay mono (one channel is cheaper, and a voice chain is fused
across voices); a mono signal becomes stereo where it meets a stereo bus — the master or a stereo
effect's input — panned by the `pan` of the sources it carries (through mono modules; several
sources: their mean). A bus keeps its centred mono parts as one mono sum, exactly as the mono
engine summed them, and only panned or stereo parts in a (2, n) pair: an un-panned patch renders
L = R = the mono engine's output, bit for bit.
"""
from __future__ import annotations

import numpy as np

SQRT2 = float(np.sqrt(2.0))


def pan_gains(pan: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Equal power, centre at unity: left = √2·sin((1 − pan)·π/4), right = √2·sin((1 + pan)·π/4).

    left² + right² = 2 at every position; the centre is 1, 1 (the mono level on both sides, so a
    centred source is not multiplied at all), hard left √2 (+3 dB) and exactly 0."""
    quarter = np.pi / 4
    return SQRT2 * np.sin((1.0 - pan) * quarter), SQRT2 * np.sin((1.0 + pan) * quarter)


def has_pan(module) -> bool:
    return "pan" in module.targets


def is_panned(module) -> bool:
    """Off centre, or gliding back to it."""
    return has_pan(module) and (module.targets["pan"] != 0.0 or module.current["pan"] != 0.0)


def carried_sources(modules: dict, edges: list) -> dict[str, tuple[str, ...]]:
    """For every module, the modules with a pan param whose sound its mono output carries: itself
    if it has one, else those of its mono inputs (a stereo module's output is not panned again)."""
    inputs: dict[str, list[str]] = {m: [] for m in modules}
    for src, dst in edges:
        if src in inputs and dst in inputs:
            inputs[dst].append(src)
    carried: dict[str, tuple[str, ...]] = {}

    def walk(module_id: str, seen: frozenset) -> tuple[str, ...]:
        if module_id in carried:
            return carried[module_id]
        module = modules[module_id]
        if has_pan(module):
            found: tuple[str, ...] = (module_id,)
        elif module.CHANNELS == 2 or module_id in seen:
            found = ()
        else:
            found = tuple(dict.fromkeys(s for src in inputs[module_id] for s in walk(src, seen | {module_id})))
        carried[module_id] = found
        return found

    for module_id in modules:
        walk(module_id, frozenset())
    return carried


def carried_pan(sources: tuple[str, ...], pans: dict[str, np.ndarray]) -> np.ndarray | None:
    """The pan of a mono signal carrying `sources` this segment (None: centred)."""
    blocks = [pans[s] for s in sources if s in pans]
    if not blocks:
        return None
    return blocks[0] if len(sources) == 1 else sum(blocks) / len(sources)


def mono(signal: np.ndarray) -> np.ndarray:
    """A signal as one channel (a stereo pair folded down: (L + R) / 2, exact for L = R)."""
    return signal if signal.ndim == 1 else 0.5 * (signal[0] + signal[1])


def as_pair(signal: np.ndarray) -> np.ndarray:
    """(2, n): a mono signal on both sides (a stereo one as it is)."""
    if signal.ndim == 2:
        return signal
    pair = np.empty((2, len(signal)))
    pair[0] = signal
    pair[1] = signal
    return pair


class Bus:
    """A sum of mono, panned and stereo signals for a stereo input; stays mono while it can."""

    __slots__ = ("mono", "pair", "silent")

    def __init__(self, base: np.ndarray, silent: bool = False):
        self.mono = base            # the centred mono parts, summed as the mono engine did
        self.pair = None            # panned and stereo parts, (2, n)
        self.silent = silent        # `base` is zeros nothing was added to: the pair alone is the sum

    def add(self, signal: np.ndarray, pan: np.ndarray | None, in_place: bool = False) -> None:
        if signal.ndim == 1 and pan is None:
            self.silent = False
            if in_place:
                self.mono += signal
            else:
                self.mono = self.mono + signal
            return
        if signal.ndim == 1:
            left, right = pan_gains(pan)
            signal = np.stack((signal * left, signal * right))
        self.pair = signal if self.pair is None else self.pair + signal

    def stereo(self) -> np.ndarray:
        """(2, n): the mono sum on both sides plus the pair."""
        if self.pair is None:
            return as_pair(self.mono)
        return self.pair + self.mono

    def master(self) -> np.ndarray:
        """What the master mixes down: the mono sum alone while nothing is panned or stereo, the pair
        alone while the mono sum is silence (an effect the only input: no (2, n) sum with zeros)."""
        if self.pair is None:
            return self.mono
        return self.pair if self.silent else self.pair + self.mono
