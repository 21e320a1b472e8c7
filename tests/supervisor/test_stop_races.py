"""stop() against the threads and children that act on their own: nothing runs on an unmapped block,
nothing is left running. Each race is made certain here by a thread that acts at the worst moment
(what a restore, a replacement or the monitor does, at the instant stop() has stopped the children)."""
from __future__ import annotations

import time

from chronus_shell.supervisor import Config, Supervisor


def _when_children_stopped(supervisor: Supervisor, children: list) -> None:
    """Wait, as a background thread would be running meanwhile, until stop() has stopped `children`."""
    supervisor._stopping.wait()
    while any(child.alive() for child in children):
        time.sleep(0.0005)


def test_no_thread_starts_on_blocks_stop_unmapped():
    """A restore's last step starts the second slot's replacement (and the monitor a restore): a thread
    started after stop() looked for threads to wait for read the control words after the unmap (a
    segfault of the shell)."""
    supervisor = Supervisor(Config.from_env(backend="null")).start()
    children = [supervisor.output, *supervisor.slots, *supervisor.spares]
    unmapped_when_read = []

    def replacement() -> None:   # its first step reads a control word (failover.py)
        time.sleep(0.2)
        unmapped_when_read.append(supervisor.control.block.shm.buf is None)

    def restore() -> None:
        _when_children_stopped(supervisor, children)
        supervisor._in_background(replacement)

    supervisor._in_background(restore)
    supervisor.stop()
    time.sleep(0.4)
    assert unmapped_when_read in ([], [False])


def test_a_spare_started_while_stopping_is_stopped_too():
    """A replacement's wait for a spare starts one (`_replenish`) while stop() stops the others: it
    must not outlive the shell's stop (an orphan audio worker holding the blocks)."""
    supervisor = Supervisor(Config.from_env(backend="null")).start()
    children = [supervisor.output, *supervisor.slots, *supervisor.spares]
    late = []

    def replacement() -> None:
        _when_children_stopped(supervisor, children)
        late.append(supervisor._new_worker())
        supervisor.spares.append(late[0])

    supervisor._in_background(replacement)
    supervisor.stop()
    assert late and not late[0].alive()
