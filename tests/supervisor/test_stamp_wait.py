"""How long a slot beginning a block waits for a command being stamped: until the block must start rendering to be in
the ring before the device takes it, never less than a quarter block. A fixed quarter block (0.67 ms at 128 frames)
gave up on a shell whose stamping thread waited for a core at start-up, and the command was late in the standby (a CI
run, session 39)."""
from __future__ import annotations

import time
from types import SimpleNamespace

import numpy as np

from chronus_shell.supervisor.rings import CONTROL_WORDS, PLAYED_NS, READ_BLOCK, SLOT_WORDS, WRITTEN
from chronus_shell.supervisor.slot import HOLD_WAIT_BLOCKS, RENDER_MARGIN_BLOCKS, SlotLoop

BLOCK_NS = int(1e9 * 128 / 48000)


def _slot(render_blocks: float, played_ago_blocks: float | None, ahead: int = 0) -> SlotLoop:
    """A slot about to begin block 10 + `ahead` (the device takes block 10 next), its renders `render_blocks` long, the
    device's last cycle `played_ago_blocks` ago (None: no cycle yet)."""
    slot = SlotLoop.__new__(SlotLoop)
    words, header = np.zeros(CONTROL_WORDS, dtype=np.int64), np.zeros(SLOT_WORDS, dtype=np.int64)
    words[READ_BLOCK], header[WRITTEN] = 10, 10 + ahead
    if played_ago_blocks is not None:
        words[PLAYED_NS] = time.perf_counter_ns() - int(played_ago_blocks * BLOCK_NS)
    slot.control, slot.ring = SimpleNamespace(words=words), SimpleNamespace(header=header)
    slot.block_ns, slot.hold_wait_s = BLOCK_NS, HOLD_WAIT_BLOCKS * BLOCK_NS / 1e9
    slot._render_ns, slot._render_count = int(render_blocks * BLOCK_NS) * 4, 4
    return slot


def test_a_block_waits_for_a_stamping_until_it_must_start_rendering():
    waited = _slot(render_blocks=0.05, played_ago_blocks=0.2)._hold_wait_s()      # begun at its usual phase
    budget = (1 - 0.2 - 2 * 0.05 - RENDER_MARGIN_BLOCKS) * BLOCK_NS / 1e9
    assert budget - 0.2e-3 < waited <= budget                                      # 1.5 ms at 128 frames, not 0.67
    assert waited > 2 * HOLD_WAIT_BLOCKS * BLOCK_NS / 1e9


def test_a_block_further_ahead_may_wait_longer_but_a_slow_render_or_a_late_start_waits_a_quarter_block():
    assert _slot(0.05, 0.2, ahead=1)._hold_wait_s() > _slot(0.05, 0.2)._hold_wait_s() + 0.9 * BLOCK_NS / 1e9
    quarter = HOLD_WAIT_BLOCKS * BLOCK_NS / 1e9
    assert _slot(render_blocks=0.45, played_ago_blocks=0.2)._hold_wait_s() == quarter
    assert _slot(render_blocks=0.05, played_ago_blocks=0.9)._hold_wait_s() == quarter
    assert _slot(render_blocks=0.05, played_ago_blocks=None)._hold_wait_s() == quarter      # no device cycle yet
