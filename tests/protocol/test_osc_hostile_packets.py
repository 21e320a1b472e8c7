"""Packets built to hurt: deeply nested bundles were the shell's memory leak (each 64 KB datagram of
3,000 nested bundles cost hundreds of MB and seconds); they are now dropped at once, memory flat."""
import os
import socket
import struct
import time
from pathlib import Path

import pytest

from chronus_shell.protocol.osc import MAX_BUNDLE_DEPTH, OscServer, decode_packet

MESSAGE = b"/a\0\0,\0\0\0"
NOW = b"\0\0\0\0\0\0\0\1"


def nested(depth: int) -> bytes:
    packet = MESSAGE
    for _ in range(depth):
        packet = b"#bundle\0" + NOW + struct.pack(">i", len(packet)) + packet
    return packet


def rss_mb() -> float:
    return int(Path(f"/proc/{os.getpid()}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def test_nesting_up_to_the_limit_is_read_deeper_is_dropped():
    assert [osc.address for _, osc in decode_packet(nested(MAX_BUNDLE_DEPTH))] == ["/a"]
    with pytest.raises(ValueError, match=f"bundles nested more than {MAX_BUNDLE_DEPTH} deep"):
        decode_packet(nested(MAX_BUNDLE_DEPTH + 1))


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads RSS from /proc")
def test_a_flood_of_bundle_bombs_is_fast_and_memory_stays_flat():
    said = []
    bomb = nested(3000)
    with OscServer(lambda msg, at: None, port=0, report=said.append) as server:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.sendto(bomb, ("127.0.0.1", server.port))
        deadline = time.monotonic() + 5
        while server.datagrams < 1 and time.monotonic() < deadline:
            time.sleep(0.005)
        before, started = rss_mb(), time.monotonic()
        for index in range(300):
            sock.sendto(bomb, ("127.0.0.1", server.port))
            while server.datagrams < index + 2 and time.monotonic() - started < 30:
                time.sleep(0.001)
        elapsed = time.monotonic() - started
        assert server.malformed == 301 and elapsed < 10, elapsed
        assert rss_mb() - before < 5
    assert said[0].endswith(f"dropped: malformed OSC packet: bundles nested more than {MAX_BUNDLE_DEPTH} deep")
