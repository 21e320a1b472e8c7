"""DrumBank: every built-in drum of a render plan in one kernel call, not one Python path per drum.

Each drum renders exactly as `Drum.process` would (the same kernel, params and noise draws); the
drums at the front of the master's inputs that feed it alone, centred, are added into the
master's sum by the kernel, in that order (the bytes of adding them one by one). Few, packed
arguments: each array handed to a kernel costs about as much as a short Python call. The tables
are as wide as the longest segment yet (a note cuts a block in two: the kernel reads the first n
samples), so a shorter segment allocates nothing.
"""
from __future__ import annotations

import numpy as np

from . import lazy_module
from .modules.drums import Drum

kernels = lazy_module("chronus_shell.engine.kernels")

NO_MODULATION: dict = {}


class DrumBank:
    def __init__(self, drums: list[tuple[str, Drum]], summed: list[bool], sample_rate: int):
        k = kernels
        self.ids = [m for m, _ in drums]
        self.drums = [drum for _, drum in drums]
        self.sample_rate = float(sample_rate)
        self.info = np.zeros((len(drums), k.D_COLUMNS))    # per drum: kind, hit, noise cutoff, filter state, ...
        self.rows = list(self.info)                         # each drum's row (a view)
        for d, drum in enumerate(self.drums):
            self.info[d, [k.D_KIND, k.D_GAIN_ROW, k.D_SUMMED]] = drum.KIND, drum.GAIN_ROW, summed[d]
            self.info[d, k.D_FILTER:] = drum.filter_state
            drum.filter_state = self.info[d, k.D_FILTER:]      # its filter state becomes a view of its row
        self._size(0)

    def _size(self, width: int) -> None:
        """Room for segments of up to `width` samples (param rows, noise, output per drum)."""
        k = kernels
        self.blocks = np.zeros((len(self.drums), k.D_ROWS, width))
        self.noise = [block[k.D_NOISE] for block in self.blocks]
        self.outs = [block[k.D_OUT] for block in self.blocks]
        self.table_of: list = [None] * len(self.drums)   # the params dict each drum's rows were copied from
        self.steady: list = [None] * len(self.drums)     # the values a drum's rows hold over the whole width
        self.settled: list = [None] * len(self.drums)    # the targets they are, once params() gave them fresh

    def _fill(self, d: int, drum: Drum, params: dict, n: int) -> None:
        """Drum d's param rows from `params`. Steady params (a settled drum's, whatever the segment's
        length) are written across the whole width once, and not again while they stay. Rows that
        hold the targets themselves (params() computed them afresh: a dict it keeps from the last
        block of a glide may hold the glide's values) let the next blocks skip params() while the
        drum stays settled."""
        table = [params[name] for name in drum.TABLE]
        values = tuple(float(block[0]) for block in table)
        # a glide is monotonic: equal ends, every sample equal (a ramp's values may not be)
        if not drum.__dict__.get("driven") and all(block[-1] == value for block, value in zip(table, values)):
            if self.steady[d] != values:
                self.blocks[d, :len(table)] = np.array(values)[:, None]
                self.steady[d] = values
            targets = drum.targets
            at_targets = drum.current == targets and values == tuple(float(targets[name]) for name in drum.TABLE)
            self.settled[d] = dict(targets) if at_targets else None
        else:
            self.blocks[d, :len(table), :n] = table
            self.steady[d] = self.settled[d] = None
        self.table_of[d] = params
        self.info[d, kernels.D_CUTOFF] = drum.cutoff(params)

    def render(self, n: int, total: np.ndarray, outputs: dict, silence: np.ndarray) -> list[str]:
        """Every drum's segment: outputs[id] for each (the summed ones are already in `total`);
        returns the ids of drums that went NaN/Inf (their outputs are silence)."""
        k, info = kernels, self.info
        if self.blocks.shape[2] < n:
            self._size(n)
        whole = self.blocks.shape[2] == n
        sounding = []
        for d, drum in enumerate(self.drums):
            if drum.rests():
                info[d, k.D_ACTIVE] = 0.0
                outputs[self.ids[d]] = silence
                continue
            targets = drum.targets
            if self.settled[d] != targets or drum.current != targets or drum.__dict__.get("driven"):
                params = drum.params(n, NO_MODULATION)
                if drum.age < 0 or drum.age > 4 * float(params["decay"][0]) * 1e-3 * drum.sample_rate:
                    info[d, k.D_ACTIVE] = 0.0
                    outputs[self.ids[d]] = silence      # Drum.process's zeros
                    continue
                if self.table_of[d] is not params:    # a still drum gets the same params dict every block
                    self._fill(d, drum, params, n)
            # else its rows hold its targets, which params() would give (and rests() checked the decay)
            if drum.NOISY:
                drum.rng.random(out=self.noise[d] if whole else self.noise[d][:n])
            row = self.rows[d]
            row[k.D_ACTIVE] = 1.0
            row[k.D_AGE] = drum.age
            row[k.D_PHASE] = drum.phase
            row[k.D_LEVEL] = drum.level
            sounding.append(d)
        if not sounding:
            return []
        broken = k.drum_bank(info, self.blocks, n, self.sample_rate, total)
        for d in sounding:
            drum = self.drums[d]
            drum.phase = float(info[d, k.D_PHASE])
            drum.age += n
            outputs[self.ids[d]] = self.outs[d] if whole else self.outs[d][:n]
        if broken:
            failed = [self.ids[d] for d in sounding if info[d, k.D_OK] == 0.0]
            for module_id in failed:
                outputs[module_id] = silence
            return failed
        return []
