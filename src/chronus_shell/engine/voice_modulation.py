"""What modulates the fused voice chains (a VoiceBank's modulated voices), rendered with no Python
per segment while it is still: the LFOs among the modulators render in one compiled call (their
rate, depth and offset gliding there, their phase kept there), the other modulators' blocks
(rendered before the bank) are copied in, and each modulated param's signal is summed there.
The numbers are those of each LFO rendered alone and of Module.params (modulation_kernels.py).
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import lazy_module, voice_layout as lay
from .glide import decay_table

mk = lazy_module("chronus_shell.engine.modulation_kernels")
kernels = lazy_module("chronus_shell.engine.kernels")

LFO_PARAMS = ("rate", "depth", "offset")   # the LFO's numeric params: rows of the LFO tables


class Modulated(NamedTuple):
    """One modulated param of a voice: its bank row and column, how modulation moves it, and what
    modulates it (source indices, summed in this order)."""
    voice: int
    column: int
    exponential: bool      # a Hz param: times 2^(MOD_OCTAVES × signal); else plus half its span × signal
    low: float
    high: float
    half_span: float
    sources: tuple[int, ...]


class VoiceModulation:
    def __init__(self, lfos: dict, given: tuple[str, ...], params: list[Modulated], sample_rate: float):
        """Sources: `lfos` (id → module, rendered here) first, then the blocks of `given` (ids) handed
        to `render` in this order."""
        self.lfo_ids, self.given = tuple(lfos), given
        self.lfos = list(lfos.values())
        self.sample_rate = float(sample_rate)
        count = len(self.lfos)
        self.table = np.zeros((lay.LFO_ROWS, count))     # each LFO's column (voice_layout's LFO rows)
        self.source_count = count + len(given)
        params = sorted(params, key=lambda p: not p.exponential)        # the rows exp2 is taken of: first
        self.exp_rows = sum(p.exponential for p in params)
        self.modulated = np.array([(p.voice, p.column, row, p.exponential, p.low, p.high, p.half_span)
                                   for row, p in enumerate(params)], dtype=float).reshape(-1, lay.MOD_FIELDS)
        self.terms = np.array([(row, s) for row, p in enumerate(params) for s in p.sources],
                              dtype=np.int64).reshape(-1, 2)
        self.sources = self.mods = np.zeros((0, 0))
        self._buffers: dict[int, tuple] = {}  # segment length → (sources, mods, the rows exp2 is taken of)
        self.dirty: set = set()
        self._random: list[int] = []          # LFOs of the random shape: rendered by their own process()
        self._rendered: list = []             # (LFO, k) of the others
        self._pole = self.lfos[0]._pole if self.lfos else 0.0
        for k, lfo in enumerate(self.lfos):
            lfo.bind(self, k)
            self.table[lay.LFO_SHAPE, k] = lay.LFO_RANDOM   # until its shape is read (_read_dirty)
            self.dirty.add(lfo)

    def render(self, n: int, given) -> None:
        """This segment's sources and modulation rows (`mods`: the factor of an exponential param,
        the signal of another)."""
        buffers = self._buffers.get(n)
        if buffers is None:
            sources, mods = np.zeros((self.source_count, n)), np.zeros((len(self.modulated), n))
            buffers = self._buffers[n] = sources, mods, mods[:self.exp_rows]
        self.sources, self.mods, head = buffers
        if self.dirty:
            self._read_dirty()
        for k, block in enumerate(given, len(self.lfos)):
            self.sources[k] = block
        for k in self._random:
            lfo = self.lfos[k]
            self.sources[k] = lfo.process(self.sources[k], lfo.params(n, {}))
        mk.render_modulation(self.table, decay_table(self._pole, n), self.sample_rate, self.sources, self.terms,
                             self.exp_rows, self.mods)
        if self.exp_rows:
            np.exp2(head, out=head)          # numpy's exp2, as apply_modulation (modulation_kernels.py says why)
        phases = self.table[lay.LFO_PHASE].tolist()
        for lfo, k in self._rendered:
            lfo.phase = phases[k]
        if self.dirty:
            self._write_dirty()

    def _read_dirty(self) -> None:
        """Targets, glide starts, shape and phase of the LFOs set since the last call."""
        table = self.table
        for lfo in self.dirty:
            k = lfo.row
            for p, name in enumerate(LFO_PARAMS):
                table[lay.LFO_TARGET + p, k] = lfo.targets[name]
                table[lay.LFO_START + p, k] = lfo.current[name]
            shape = lfo.targets["shape"]
            random = shape not in kernels.LFO_SHAPES      # the random shape: its own params() renders it
            table[lay.LFO_SHAPE, k] = lay.LFO_RANDOM if random else kernels.LFO_SHAPES.index(shape)
            table[lay.LFO_PHASE, k] = lfo.phase
        shapes = table[lay.LFO_SHAPE].tolist()
        self._random = [k for k, shape in enumerate(shapes) if shape == lay.LFO_RANDOM]
        self._rendered = [(lfo, k) for k, lfo in enumerate(self.lfos) if shapes[k] != lay.LFO_RANDOM]

    def _write_dirty(self) -> None:
        """Where the glides are now; an LFO whose glides arrived is still again."""
        for lfo in list(self.dirty):
            k = lfo.row
            if self.table[lay.LFO_SHAPE, k] == lay.LFO_RANDOM:
                self.dirty.discard(lfo)           # its own params() glides it
                continue
            moving = False
            for p, name in enumerate(LFO_PARAMS):
                lfo.current[name] = value = float(self.table[lay.LFO_START + p, k])
                moving = moving or value != self.table[lay.LFO_TARGET + p, k]
            if not moving:
                self.dirty.discard(lfo)

    def owns(self, lfo) -> bool:
        """Whether `lfo` renders in this kernel (not by its own process(): the random shape)."""
        return lfo.bank is self and self.table[lay.LFO_SHAPE, lfo.row] != lay.LFO_RANDOM

    def source(self, k: int) -> np.ndarray:
        """LFO k's block of this segment (a copy: the row is written again next segment)."""
        return self.sources[k].copy()


NO_MODULATION = (np.zeros((0, lay.MOD_FIELDS)), np.zeros((0, 1)))   # the bank's modulated params, their rows
