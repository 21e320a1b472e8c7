"""A stamped command's write (pipe_write.py) reads back as multiprocessing's own send does."""
from __future__ import annotations

import multiprocessing
import threading

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor.pipe_write import send_holding_the_gil


def test_what_is_sent_holding_the_gil_is_received_like_a_send():
    shell, slot = multiprocessing.Pipe()
    items = [("msg", 12_800, Message("/mod/saw1/cutoff", (440.0,))), ("user_module", "m", "x" * 300_000, "/p", 5)]
    received = []
    reader = threading.Thread(target=lambda: received.extend(slot.recv() for _ in items))
    reader.start()
    # the second is larger than the socket takes at once: finished the ordinary way
    assert all(send_holding_the_gil(shell, item) == b"" for item in items)   # nothing owed
    reader.join(10)
    assert received == items


def test_a_slot_that_is_gone_is_said_not_raised():
    shell, slot = multiprocessing.Pipe()
    slot.close()
    assert send_holding_the_gil(shell, ("msg", 0, Message("/seq/start", ()))) is None
