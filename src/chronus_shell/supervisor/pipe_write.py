"""A command's pipe writes to the slots, done without letting go of the GIL.

While the shell stamps a command, every slot about to begin a block waits for it (stamp_hold.py).
Python's own pipe write lets go of the GIL for the system call, and taking it back can wait for
any other thread of the shell that took it meanwhile — on a busy machine an ordinary-priority one
that the scheduler then preempts for tens of milliseconds. The slots gave up waiting, the command
was late in one of them, and the standby had to be re-synced (a snapshot of the active). Here the
message is framed as multiprocessing frames it and handed to the kernel in one non-blocking send
called through ctypes.PyDLL, which keeps the GIL: the stamping thread never waits for it. A send
the socket cannot take at once (a full pipe: a slot that stopped reading) finishes the ordinary way —
or, for a sender that must not wait (the prompt's thread: Supervisor.at_once), is owed: its rest is
written before anything else to that slot, by the next writer.
Linux only (the pipes are socket pairs there; elsewhere the ordinary write: NON_BLOCKING False).
"""
from __future__ import annotations

import ctypes
import errno
import os
import struct
import sys
from multiprocessing.reduction import ForkingPickler

MSG_DONTWAIT, MSG_NOSIGNAL = 0x40, 0x4000
SMALL = 0x7fffffff  # frames up to this size carry a 4-byte length (multiprocessing's wire format)


def _libc_send():
    if not sys.platform.startswith("linux"):
        return None
    try:
        send = ctypes.PyDLL(None, use_errno=True).send  # PyDLL: the GIL is kept during the call
    except (OSError, AttributeError):
        return None
    send.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]
    send.restype = ctypes.c_ssize_t
    return send


_send = _libc_send()
NON_BLOCKING = _send is not None   # a send can be owed rather than wait


def send_holding_the_gil(conn, item, owed: bytes = b"", block: bool = True) -> bytes | None:
    """Write `owed` (what a send that would have blocked left: `block` False), then `item`, to `conn` (a
    multiprocessing Connection) as conn.send would; what is still owed (b"": all written; with `block`
    always b""), None when the other end is gone. The caller serialises writers of `conn` (Child's send lock)."""
    body = bytes(ForkingPickler.dumps(item))
    if _send is None or len(body) > SMALL:
        write_all(conn.fileno(), owed)
        conn.send(item)
        return b""
    frame = owed + struct.pack("!i", len(body)) + body
    sent = _send(conn.fileno(), frame, len(frame), MSG_DONTWAIT | MSG_NOSIGNAL)
    if sent == len(frame):
        return b""
    if sent < 0:
        if ctypes.get_errno() not in (errno.EAGAIN, errno.EWOULDBLOCK):
            return None  # EPIPE, ECONNRESET: the slot is gone
        sent = 0
    if not block:
        return frame[sent:]
    write_all(conn.fileno(), frame[sent:])
    return b""


def write_all(fd: int, data: bytes) -> None:
    """Blocking, the GIL let go: the socket is full (a slot that stopped reading)."""
    rest = memoryview(data)
    while rest:
        rest = rest[os.write(fd, rest):]
