"""VoiceBank: every voice chain of a render plan in struct-of-arrays, rendered by one kernel call.

A chain is oscillator [→ acid_filter] [→ filter] [→ adsr] (or any one of them alone). The bank owns the state
of its modules (each module's arrays become views of its column, so notes and pickles see the
same numbers) and every param's target and glide start; `set`/`snap` mark a module dirty, and only
dirty modules are read and written back in Python — a still patch costs no Python per voice.
"""
from __future__ import annotations

import numpy as np

from . import lazy_module, voice_layout as lay
from .glide import decay_table
from .voice_modulation import NO_MODULATION, VoiceModulation

ck = lazy_module("chronus_shell.engine.chain_kernels")   # numba loads at the first render, not at import
kernels = lazy_module("chronus_shell.engine.kernels")


class VoiceBank:
    def __init__(self, chains: list[tuple], to_sum: list[bool], sample_rate: int, poly: list[bool] | None = None,
                 modulation: VoiceModulation | None = None, modulated: int = 0):
        """The last `modulated` chains are modulated (`modulation` renders what moves their params)."""
        count = len(chains)
        self.chains = chains
        self.sample_rate = float(sample_rate)
        self.kinds = np.zeros((lay.KINDS, count), dtype=np.int64)
        self.kinds[lay.SHAPE] = -1
        self.kinds[lay.TO_SUM] = to_sum
        self.kinds[lay.POLY] = poly if poly is not None else False   # rows that are notes of a poly voice
        self.kinds[lay.EXPLICIT] = -1
        self.kinds[lay.SVF_MODE] = -1                                # no multimode filter
        self.kinds[lay.EXPLICIT, count - modulated:] = np.arange(modulated)
        self.modulation = modulation
        self.glides = np.zeros((2, lay.COLUMNS, count))   # the columns of a stage a chain lacks: never heard
        self.targets, self.starts = self.glides[0], self.glides[1]
        self.state = np.zeros((lay.STATE_COLUMNS, count))
        self.rings = np.zeros((count, kernels.RING))
        self.histories = np.zeros((count, 3, kernels.BLEP_HALF))
        self.ok = np.ones(count, dtype=np.bool_)
        self.broken = 0               # voices that went NaN/Inf in the last call (`ok` says which)
        self.dirty: set = set()
        self._work: np.ndarray | None = None
        for v, chain in enumerate(chains):
            for module in chain:
                module.bind(self, v)
                self.dirty.add(module)
        self._pole = chains[0][0]._pole if chains else 0.0

    def render(self, n: int, total: np.ndarray, given=()) -> np.ndarray:
        """Every voice's block (n, voices), a view; finite voices marked to the sum are added into `total`.
        `given`: the blocks of the modulators rendered before the bank (VoiceModulation.render)."""
        dirty = self.dirty
        if dirty:                             # targets set and glides snapped since the last call
            targets, starts = self.targets, self.starts
            for module in dirty:
                v = module.row
                for name, column in module.COLUMNS.items():
                    targets[column, v] = module.targets[name]
                    starts[column, v] = module.current[name]
        work = self._work
        if work is None or work.shape[0] != n:
            work = self._work = np.empty((n, padded(len(self.chains))))
        modulation = self.modulation
        if modulation is None:
            modulated, mods = NO_MODULATION
        else:
            modulation.render(n, given)
            modulated, mods = modulation.modulated, modulation.mods
        self.broken = ck.render_bank(self.kinds, self.glides, decay_table(self._pole, n), self.state, self.rings,
                                     self.histories, self.sample_rate, work, total, self.ok, modulated, mods)
        if dirty:                             # where the glides are now
            for module in list(dirty):
                v, moving = module.row, False
                now, goal = self.starts[:, v].tolist(), self.targets[:, v].tolist()
                for name, column in module.COLUMNS.items():
                    module.current[name] = value = now[column]
                    moving = moving or value != goal[column]
                if not moving:
                    dirty.discard(module)
        return work[:, :len(self.chains)]


def padded(count: int) -> int:
    """A row length for `count` voices whose stride is not a multiple of 512 bytes (cache sets)."""
    return (count + 7) // 8 * 8 + 8


def render_alone(module, audio_in: np.ndarray, params: dict) -> np.ndarray:
    """One module as a chain of one with its params as given per sample (`Module.process`); its
    bank of one is kept (not pickled) until the module is bound elsewhere."""
    n = len(audio_in)
    solo = module.__dict__.get("_solo")
    if solo is None or module.bank is not solo:
        solo = module._solo = VoiceBank([(module,)], [False], module.sample_rate)
        solo.table, solo.rows = np.zeros((lay.COLUMNS, n)), {}
    if solo.table.shape[1] != n:
        solo.table = np.zeros((lay.COLUMNS, n))
        solo.rows = {}
    table, rows = solo.table, solo.rows
    for name, column in module.COLUMNS.items():
        block = params[name]
        if rows.get(column) is not block:     # a settled param is the same array block after block: copied once
            table[column] = block
            rows[column] = block
    out = np.empty(n)
    ck.render_explicit(solo.kinds, table, solo.state, solo.rings[0], solo.histories[0],
                       np.asarray(audio_in, dtype=float), solo.sample_rate, out)
    return out
