"""The output's first half second: a block neither slot has rendered yet is waited for (the play
clock holds, nothing is counted lost); after it, a missing block is a lost block — unless it is a slot's
very next one, which the callback gives a little of its cycle. Real shared memory."""
import os
import threading
import time

import pytest

from chronus_shell.supervisor.output_process import CATCH_UP_WAIT_BLOCKS, CLOSE_BEHIND_BLOCKS, BlockSource
from chronus_shell.supervisor.rings import LOST_BLOCKS, READ_BLOCK, WAITED_BLOCKS, WRITTEN, Control, Ring

BLOCK_S = 0.1  # long blocks, so the wait for a slot's next block is far longer than a thread's start


@pytest.fixture
def source():
    tag = f"chronus_test{os.getpid()}"
    control = Control(f"{tag}_control", create=True)
    rings = [Ring(f"{tag}_ring{i}", 8, 16, create=True) for i in range(2)]
    for number in range(8):
        rings[0].audio[number] = number + 1
    source = BlockSource(control, rings, None, prefill=2, block_seconds=16 / 48000)
    source.claimed = True  # no real-time claim for the test's own thread
    yield source, control.words, rings[0].header
    for block in [control.block, *[r.block for r in rings]]:
        block.close()


def test_a_slow_start_is_waited_for_not_lost(source):
    source, words, header = source
    assert not source.next_block().any() and words[READ_BLOCK] == 0   # prefilling
    header[WRITTEN] = 2
    assert source.next_block()[0, 0] == 1 and source.next_block()[0, 0] == 2
    assert not source.next_block().any()                 # block 2 is late: the clock holds
    assert words[READ_BLOCK] == 2 and words[LOST_BLOCKS] == 0
    header[WRITTEN] = 4
    assert source.next_block()[0, 0] == 3                 # the music goes on where it stopped


def test_after_the_start_a_missing_block_is_lost(source):
    source, words, header = source
    header[WRITTEN] = 2
    source.next_block()
    source.settled_at = 1e-9                              # the start is long over
    source.next_block()
    assert not source.next_block().any()
    assert words[READ_BLOCK] == 3 and words[LOST_BLOCKS] == 1


def test_a_block_a_slot_writes_during_the_cycle_is_played_not_lost(source):
    source, words, header = source
    source.block_seconds, source.catch_up_wait_s = BLOCK_S, CATCH_UP_WAIT_BLOCKS * BLOCK_S
    header[WRITTEN] = 2
    source.next_block(), source.next_block()
    source.settled_at = 1e-9
    words[READ_BLOCK] = 4                                 # cycles came back to back: the slot is 2 blocks short
    writer = threading.Timer(BLOCK_S / 10, lambda: header.__setitem__(WRITTEN, 5))  # and catches up
    writer.start()
    assert source.next_block()[0, 0] == 5
    writer.join()
    assert words[LOST_BLOCKS] == 0 and words[WAITED_BLOCKS] == 1 and words[READ_BLOCK] == 5


def test_a_slot_far_behind_is_not_waited_for(source):
    source, words, header = source
    source.catch_up_wait_s = CATCH_UP_WAIT_BLOCKS * BLOCK_S
    header[WRITTEN] = 2
    source.next_block(), source.next_block()
    source.settled_at = 1e-9
    words[READ_BLOCK] = 2 + CLOSE_BEHIND_BLOCKS           # due, and the slot has not even written block 2
    started = time.perf_counter()
    assert not source.next_block().any()
    assert time.perf_counter() - started < BLOCK_S / 2
    assert words[LOST_BLOCKS] == 1 and words[WAITED_BLOCKS] == 0
