"""A live engine for the OSC tests: a real Supervisor (null backend, real child processes) with the
real OscServer on 127.0.0.1, a free port, wired the way the shell wires it.

The test seam is the transcript of what reached the slots: every message the supervisor fans out,
with the sample it was stamped at (`Live.stamps`), and every timetag the server turned into a sample
(`Live.clocked`). Rendering that transcript offline must give the recording bit for bit.
"""
from __future__ import annotations

import socket
import subprocess
import time

import numpy as np
import pytest
import soundfile as sf
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

from chronus_shell.engine.timeline import render_script
from chronus_shell.protocol.message import Message
from chronus_shell.protocol.osc import OscServer
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.rings import LOST_BLOCKS, READ_BLOCK, RECORD_WRITE

class Live:
    def __init__(self, supervisor: Supervisor, server: OscServer):
        self.supervisor, self.server = supervisor, server
        self.stamps: list[tuple[int, Message]] = []
        self.clocked: list[tuple[float, int]] = []
        fan_out, clock = supervisor._fan_out, server.clock

        def logged_fan_out(msg, at):
            stamp = fan_out(msg, at)
            self.stamps.append((stamp, msg))
            return stamp

        def logged_clock(unix_seconds):
            sample = clock(unix_seconds)
            self.clocked.append((unix_seconds, sample))
            return sample

        supervisor._fan_out = logged_fan_out
        server.clock = logged_clock

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def rate(self) -> int:
        return self.supervisor.config.sample_rate

    @property
    def block(self) -> int:
        return self.supervisor.config.block_size

    def words(self, index: int) -> int:
        return int(self.supervisor.control.words[index])

    def oscsend(self, address: str, types: str = "", *values) -> None:
        """One message from liblo's oscsend, a separate process, as an outside user would send it."""
        subprocess.run(["oscsend", "127.0.0.1", str(self.port), address, types, *map(str, values)],
                       check=True, capture_output=True, timeout=10)

    def wait_handled(self, datagrams: int, timeout: float = 10.0) -> None:
        """Until the server has handled `datagrams` datagrams (submitted, replied) since it started."""
        deadline = time.monotonic() + timeout
        while self.server.datagrams < datagrams and time.monotonic() < deadline:
            time.sleep(0.005)
        assert self.server.datagrams >= datagrams, "the OSC server did not get everything"

    def wait_played(self, seconds: float) -> None:
        """Let the output play `seconds` more (the null backend is paced by the clock)."""
        target = self.words(READ_BLOCK) + int(np.ceil(seconds * self.rate / self.block))
        deadline = time.monotonic() + seconds + 5.0
        while self.words(READ_BLOCK) < target and time.monotonic() < deadline:
            time.sleep(0.005)

    def start_recording(self, path) -> tuple[int, int]:
        """/record/start; the output's RECORD_WRITE just before and just after it: the take begins
        at a block in between (a loaded machine plays several while the recorder opens).

        The output copies each block it plays into the record ring and then counts it in
        RECORD_WRITE; a block neither slot had in time is played as silence, counted in
        LOST_BLOCKS and recorded as silence, so READ_BLOCK = RECORD_WRITE."""
        before, self._lost_at_start = self.words(RECORD_WRITE), self.words(LOST_BLOCKS)
        outcome = self.supervisor.send(Message("/record/start", (str(path),)))
        assert outcome.ok, outcome.text
        return before, self.words(RECORD_WRITE)

    def take_start(self, audio: np.ndarray, between: tuple[int, int]) -> int:
        """The absolute block a take began at: of the blocks `between` allows, the one from which
        the take is block for block what the output played (the record ring keeps each played
        block at its absolute index for RECORD_SECONDS). Call it right after the take."""
        ring = self.supervisor.record_ring
        blocks = audio.reshape(-1, self.block, audio.shape[1])
        assert int(self.words(RECORD_WRITE)) - between[0] < ring.capacity, "the record ring moved past the take"
        starts = [first for first in range(between[0], between[1] + 1)
                  if all(np.array_equal(block, ring.audio[(first + k) % ring.capacity]) for k, block in enumerate(blocks))]
        assert len(starts) == 1, f"the take matches the played blocks from {starts} (between {between})"
        return starts[0]

    def take_is_whole(self) -> bool:
        """No block was lost since the take started (a loaded machine can starve the output)."""
        return self.words(LOST_BLOCKS) == self._lost_at_start

    def stop_recording(self, path) -> np.ndarray:
        outcome = self.supervisor.send(Message("/record/stop"))
        assert outcome.ok, outcome.text
        audio, rate = sf.read(path, dtype="float32")
        assert rate == self.rate and sf.info(path).subtype == "FLOAT"
        return audio

    def offline(self, first_block: int, samples: int) -> np.ndarray:
        """The transcript rendered offline, cut where the recording starts."""
        start = first_block * self.block
        total = (start + samples) / self.rate
        return render_script(list(self.stamps), total, self.rate, self.block)[start:start + samples]


@pytest.fixture
def live(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONUS_HOME", str(tmp_path / "chronus-home"))
    supervisor = Supervisor(Config.from_env(backend="null")).start()
    server = OscServer.for_supervisor(supervisor, host="127.0.0.1", port=0)
    engine = Live(supervisor, server)
    server.start()
    try:
        yield engine
    finally:
        server.stop()
        supervisor.stop()


class Client:
    """A plain UDP OSC client that also receives what the server replies to it."""

    def __init__(self, port: int):
        self.port = port
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(5)

    def send(self, address: str, *args) -> None:
        builder = OscMessageBuilder(address)
        for arg in args:
            builder.add_arg(arg)
        self.raw(builder.build().dgram)

    def raw(self, data: bytes) -> None:
        self.sock.sendto(data, ("127.0.0.1", self.port))

    def reply(self, timeout: float = 5.0) -> OscMessage:
        self.sock.settimeout(timeout)
        data, sender = self.sock.recvfrom(65536)
        assert sender == ("127.0.0.1", self.port), "replies come from the server's own port"
        return OscMessage(data)

    def no_reply(self, wait: float = 0.3) -> bool:
        self.sock.settimeout(wait)
        try:
            self.sock.recvfrom(65536)
        except socket.timeout:
            return True
        return False

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def client(live):
    made = Client(live.port)
    yield made
    made.close()
