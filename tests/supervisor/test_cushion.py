"""The slot's side of a cushion (supervisor/cushion.py): a dear change's block waits for every item of it, however
late for the device, and the ring is never written past its room — by the slot's own rules, not by timing."""
from __future__ import annotations

import multiprocessing
import os
import types

from chronus_shell.engine.timeline import Timeline
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor.cushion import Ahead
from chronus_shell.supervisor.rings import LATE_COMMANDS, READ_BLOCK, WRITTEN, Control, Ring
from chronus_shell.supervisor.slot import SlotLoop

BLOCK = 128


def test_a_dear_changes_block_waits_for_every_item_sent_for_it():
    ahead = Ahead(BLOCK)
    ahead.opened(10 * BLOCK, 1)
    assert ahead.block() == 10 and not ahead.complete()
    ahead.read(10 * BLOCK)
    assert ahead.complete()
    ahead.opened(12 * BLOCK, 1)   # a second change, read at the first one's block
    ahead.read(12 * BLOCK)
    ahead.read(12 * BLOCK)        # a message sent after it, stamped there too: no change's
    ahead.rendered(10)
    assert ahead.block() == 12 and ahead.complete()
    ahead.rendered(12)
    assert ahead.block() is None


def test_a_shell_that_stopped_sending_a_change_leaves_no_lasting_silence(monkeypatch):
    """An exception or Ctrl-C part-way through a load: after GIVE_UP_S the block is rendered without the rest."""
    import chronus_shell.supervisor.cushion as cushion
    ahead, clock = Ahead(BLOCK), [1000.0]
    monkeypatch.setattr(cushion.time, "monotonic", lambda: clock[0])
    ahead.opened(10 * BLOCK, 50)
    ahead.read(10 * BLOCK)
    clock[0] += cushion.GIVE_UP_S - 0.01
    assert not ahead.complete()
    clock[0] += 0.02
    assert ahead.complete()


def test_a_load_at_its_bar_is_rendered_up_to_from_its_lead_only():
    ahead = Ahead(BLOCK)
    ahead.opened(100 * BLOCK, 1, 8)
    assert not ahead.now() and not ahead.at_once(91) and ahead.at_once(92)
    ahead.opened(20 * BLOCK, 1)   # a change "now" before it
    assert ahead.block() == 20 and ahead.now() and ahead.at_once(0)


def test_an_item_counts_for_the_change_stamped_where_it_is_stamped_only():
    """A load's parts at its bar go one a block, the lock let go between them (fan_out.py): a dear change opened
    meanwhile, and lines written between two parts, take none of its count (they did when any item counted for the
    change opened last: the new voice's block was rendered before its message came, the bar's short of a part)."""
    ahead, bar, voice = Ahead(BLOCK), 100 * BLOCK + 17, 20 * BLOCK
    ahead.opened(bar, 3, 8)
    ahead.read(bar)
    ahead.opened(voice, 1)        # a new voice typed while the load's parts are written
    ahead.read(bar)               # the load's second part
    ahead.read(5 * BLOCK)         # a /mod written between two parts
    assert ahead.block() == 20 and not ahead.complete() and ahead.awaited()
    ahead.read(voice)
    assert ahead.complete()
    ahead.rendered(20)
    assert ahead.block() == 100 and not ahead.complete() and ahead.awaited()
    ahead.read(bar)
    assert ahead.complete() and not ahead.awaited()


def test_two_changes_in_one_block_both_wait():
    """A change "now" stamped in the block of a load at its bar (another sample of it): the block waits for both."""
    ahead = Ahead(BLOCK)
    ahead.opened(30 * BLOCK + 5, 2, 8)
    ahead.opened(30 * BLOCK, 1)
    ahead.read(30 * BLOCK)
    assert not ahead.complete()
    ahead.read(30 * BLOCK + 5)
    ahead.read(30 * BLOCK + 5)
    assert ahead.complete()


def loop_with_a_ring(tag: str, room: int):
    control = Control(f"{tag}_control", create=True)
    ring = Ring(f"{tag}_ring", room + 2, BLOCK, create=True)
    shell, slot = multiprocessing.Pipe()
    role = types.SimpleNamespace(active=True, follow=lambda: None)
    loop = SlotLoop(slot, control, ring, Timeline(48000, BLOCK), (1, 2, room), role)
    return loop, shell, [control.block, ring.block]


def test_a_cushions_block_is_never_rendered_before_its_messages_however_late_the_device():
    loop, shell, blocks = loop_with_a_ring(f"chronus_t{os.getpid()}_c", room=16)
    try:
        shell.send(("cushion", 4 * BLOCK, 1))
        loop._handle_commands()
        while loop._behind():           # the blocks before its own, at once
            loop._begin_block()
            loop._render_one()
        assert int(loop.ring.header[WRITTEN]) == 4
        loop.control.words[READ_BLOCK] = 8   # the device passed it: its block is still not rendered
        assert not loop._behind()
        shell.send(("msgs", 4 * BLOCK, [Message.parse("/patch/create late saw")]))
        loop._handle_commands()
        assert loop._behind()
        loop._begin_block()
        loop._render_one()
        assert int(loop.ring.header[LATE_COMMANDS]) == 0 and "late" in loop.timeline.engine.modules
    finally:
        for block in blocks:
            block.close()


def test_the_ring_is_never_written_past_its_room():
    loop, shell, blocks = loop_with_a_ring(f"chronus_t{os.getpid()}_r", room=6)
    try:
        shell.send(("cushion", 40 * BLOCK, 1))   # further ahead than the ring holds
        loop._handle_commands()
        while loop._behind():
            loop._begin_block()
            loop._render_one()
        assert int(loop.ring.header[WRITTEN]) == 6
        loop.control.words[READ_BLOCK] = 3
        assert loop._behind()
    finally:
        for block in blocks:
            block.close()


def test_a_part_of_a_load_at_its_bar_never_lets_a_change_opened_after_it_be_rendered_without_its_message():
    """Through the slot's pipe: a load's first part at its bar, a dear change "now" opened, then the load's second
    part — the change's block still waits for its own message (the second part counted for it when any item
    counted for the change opened last), and the bar's block for its last part."""
    loop, shell, blocks = loop_with_a_ring(f"chronus_t{os.getpid()}_p", room=16)
    bar, voice = 12 * BLOCK + 3, 4 * BLOCK
    try:
        shell.send(("cushion", bar, 3, 8))
        shell.send(("msgs", bar, [Message.parse("/patch/create a saw")]))
        shell.send(("cushion", voice, 1, None))
        shell.send(("msgs", bar, [Message.parse("/patch/create b saw")]))
        loop._handle_commands()
        while loop._behind():
            loop._begin_block()
            loop._render_one()
        assert int(loop.ring.header[WRITTEN]) == 4 and not loop._behind()   # the voice's block waits
        shell.send(("msg", voice, Message.parse("/patch/create v saw")))
        loop._handle_commands()
        loop.control.words[READ_BLOCK] = 4   # the device nearer the bar: its lead of 8 reached
        while loop._behind():
            loop._begin_block()
            loop._render_one()
        assert "v" in loop.timeline.engine.modules and int(loop.ring.header[WRITTEN]) == 12   # the bar's waits
        shell.send(("msgs", bar, [Message.parse("/patch/create c saw")]))
        loop._handle_commands()
        assert loop._behind()
        loop._begin_block()
        loop._render_one()
        assert int(loop.ring.header[LATE_COMMANDS]) == 0 and {"a", "b", "c"} <= set(loop.timeline.engine.modules)
    finally:
        for block in blocks:
            block.close()
