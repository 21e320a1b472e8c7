"""The OSC server with real outside clients: liblo's `oscsend`, python-osc bundles, raw sockets.

`submit` here is a collecting function: the message transcript is the test seam (STYLE.md
point 9) — the server's job ends at handing canonical Messages and target samples to it.
"""
import json
import shutil
import socket
import subprocess
import time

import pytest
from pythonosc.osc_bundle_builder import IMMEDIATELY, OscBundleBuilder
from pythonosc.osc_message import OscMessage
from pythonosc.osc_message_builder import OscMessageBuilder

from chronus_shell.protocol.message import Message
from chronus_shell.protocol.osc import OscServer

RATE = 48000
EPOCH_UNIX = time.time()                      # sample 0 of the test's clock


def clock(unix_seconds: float) -> int:
    """The test's sample clock: sample 0 at EPOCH_UNIX, 48 kHz (the supervisor provides the real one)."""
    return round((unix_seconds - EPOCH_UNIX) * RATE)


class Transcript:
    """Collects what reaches `submit`; refuses ids starting with 'bad' like the supervisor would."""

    def __init__(self):
        self.received: list[tuple[Message, int | None]] = []

    def submit(self, msg: Message, at_sample: int | None) -> str | None:
        if msg.address == "/patch/remove" and msg.args == ("explode",):
            raise RuntimeError("supervisor exploded\nwith a traceback")
        self.received.append((msg, at_sample))
        if "bad" in msg.address:
            return f"unknown module '{msg.parts[1]}' (modules: master, saw1)"
        return None

    def wait_for(self, count: int, timeout: float = 5.0):
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.005)
        return self.received


@pytest.fixture
def transcript():
    return Transcript()


@pytest.fixture
def server(transcript):
    status = {"slots": {"A": "active", "B": "standby"}, "xruns": 0}
    query = lambda msg: status if msg.address == "/engine/status" else ["night-drive"]  # noqa: E731
    with OscServer(transcript.submit, port=0, clock=clock, query=query) as running:
        yield running


@pytest.fixture
def client():
    """A real UDP client socket that also receives the server's replies."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(5)
    yield sock
    sock.close()


def _send(client, server, address, *args):
    builder = OscMessageBuilder(address)
    for arg in args:
        builder.add_arg(arg)
    client.sendto(builder.build().dgram, ("127.0.0.1", server.port))


def _reply(client) -> OscMessage:
    data, _ = client.recvfrom(65536)
    return OscMessage(data)


needs_liblo = pytest.mark.skipif(shutil.which("oscsend") is None, reason="liblo-tools (oscsend) not installed")


@needs_liblo
def test_oscsend_sets_a_param(server, transcript):
    subprocess.run(["oscsend", "localhost", str(server.port), "/mod/saw1/freq", "f", "110"], check=True)
    subprocess.run(["oscsend", "127.0.0.1", str(server.port), "/seq/add", "sss", "bass", "saw1", "x..x"],
                   check=True)
    subprocess.run(["oscsend", "127.0.0.1", str(server.port), "/gate/saw1", "if", "1", "220"], check=True)
    assert transcript.wait_for(3) == [
        (Message("/mod/saw1/freq", (110.0,)), None),
        (Message("/seq/add", ("bass", "saw1", "x..x")), None),
        (Message("/gate/saw1", (1, 220.0)), None),
    ]


def test_binds_loopback_by_default(server):
    assert server._socket.getsockname()[0] == "127.0.0.1"
    with pytest.raises(OSError, match=f"cannot start the OSC server on 127.0.0.1:{server.port}"):
        OscServer(lambda m, at: None, port=server.port).start()


def test_timetagged_bundle_lands_at_its_sample(server, transcript, client):
    bundle = OscBundleBuilder(EPOCH_UNIX + 1.5)
    for address, value in (("/mod/saw1/freq", 55.0), ("/mod/acid_filter1/cutoff", 1200.0)):
        message = OscMessageBuilder(address)
        message.add_arg(value)
        bundle.add_content(message.build())
    later = OscBundleBuilder(EPOCH_UNIX + 2.0 + 100 / RATE)   # nested: its own timetag
    later.add_content(OscMessageBuilder("/seq/start").build())
    bundle.add_content(later.build())
    client.sendto(bundle.build().dgram, ("127.0.0.1", server.port))
    assert transcript.wait_for(3) == [
        (Message("/mod/saw1/freq", (55.0,)), 72000),
        (Message("/mod/acid_filter1/cutoff", (1200.0,)), 72000),
        (Message("/seq/start"), 96100),
    ]


def test_immediate_bundle_means_now(server, transcript, client):
    bundle = OscBundleBuilder(IMMEDIATELY)
    bundle.add_content(OscMessageBuilder("/seq/stop").build())
    client.sendto(bundle.build().dgram, ("127.0.0.1", server.port))
    assert transcript.wait_for(1) == [(Message("/seq/stop"), None)]


def test_aliases_become_canonical(server, transcript, client):
    _send(client, server, "/seq/update/pattern", "bass", "saw1", "x.x.")
    _send(client, server, "/pattern/save", "night-drive")
    assert [m for m, _ in transcript.wait_for(2)] == [
        Message("/seq/add", ("bass", "saw1", "x.x.")), Message("/session/save", ("night-drive",)),
    ]


def test_malformed_packets_are_counted_and_ignored(server, transcript, client):
    for garbage in (b"garbage", b"/mod/saw1/freq\x00\x00,f\x00\x00", b"#bundle\x00\x00\x00", b"\xff" * 9000):
        client.sendto(garbage, ("127.0.0.1", server.port))
    _send(client, server, "/seq/bpm", 128.0)
    assert transcript.wait_for(1) == [(Message("/seq/bpm", (128.0,)), None)]
    assert server.malformed == 4


def test_a_flood_of_bad_packets_is_one_line_a_second_with_the_count(transcript, client):
    """A port scan or a misconfigured controller must not bury the prompt: the first bad packet is
    said, the rest within the second are summed up in one more line once the socket is quiet."""
    said = []
    with OscServer(transcript.submit, port=0, report=said.append) as server:
        for _ in range(300):
            client.sendto(b"garbage", ("127.0.0.1", server.port))
        deadline = time.monotonic() + 5
        while len(said) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        dropped = server.malformed                                   # the kernel may drop some first
    assert dropped > 100 and len(said) == 2
    assert said[0].startswith("OSC from 127.0.0.1:") and said[0].endswith("dropped: not an OSC packet")
    assert said[1] == f"OSC: {dropped - 1} more malformed packets dropped"


def test_a_timetag_far_ahead_is_refused(server, transcript, client):
    bundle = OscBundleBuilder(time.time() + 365 * 24 * 3600)       # a wrong clock, not a plan
    bundle.add_content(OscMessageBuilder("/seq/start").build())
    client.sendto(bundle.build().dgram, ("127.0.0.1", server.port))
    [error] = _reply(client).params
    assert error.startswith("timetag ") and "at most 600 s" in error
    assert transcript.received == []


def test_rejections_reply_one_error_line_to_the_sender(server, transcript, client):
    _send(client, server, "/mod/bad1/freq", 110.0)
    assert _reply(client).params == ["unknown module 'bad1' (modules: master, saw1)"]
    _send(client, server, "/patch/creat", "saw1", "saw")
    assert _reply(client).params == [
        "unknown address /patch/creat — did you mean /patch/create? (see docs/protocol.md, e.g. /mod/<id>/<param>)"
    ]
    _send(client, server, "/seq/bpm", "fast")
    assert _reply(client).params == ["/seq/bpm argument 1 should be a number, got 'fast'"]
    _send(client, server, "/patch/remove", "explode")
    assert _reply(client).params == ["supervisor exploded"]
    _send(client, server, "/seq/start")
    assert transcript.wait_for(2)[-1] == (Message("/seq/start"), None)    # still serving
    assert server.rejected == 4


def test_queries_reply_with_json(server, client):
    _send(client, server, "/engine/status")
    reply = _reply(client)
    assert reply.address == "/engine/status"
    assert json.loads(reply.params[0]) == {"slots": {"A": "active", "B": "standby"}, "xruns": 0,
                                           "osc": {"received": 1, "malformed": 0, "rejected": 0, "datagrams": 0}}
    _send(client, server, "/pattern/list")
    reply = _reply(client)
    assert reply.address == "/session/list" and json.loads(reply.params[0]) == ["night-drive"]


def test_without_a_clock_timetags_mean_now(transcript, client):
    with OscServer(transcript.submit, port=0) as server:
        bundle = OscBundleBuilder(time.time() + 10)
        bundle.add_content(OscMessageBuilder("/seq/clear").build())
        client.sendto(bundle.build().dgram, ("127.0.0.1", server.port))
        assert transcript.wait_for(1) == [(Message("/seq/clear"), None)]


def test_timetags_reach_the_clock_as_unix_seconds_to_the_nanosecond(transcript, client):
    seen = []
    with OscServer(transcript.submit, port=0, clock=lambda t: seen.append(t) or 0) as server:
        when = round(time.time()) + 60.123456789
        bundle = OscBundleBuilder(when)
        bundle.add_content(OscMessageBuilder("/seq/start").build())
        client.sendto(bundle.build().dgram, ("127.0.0.1", server.port))
        transcript.wait_for(1)
    assert abs(seen[0] - when) < 1e-6


def test_timetags_of_one_datagram_keep_their_exact_spacing(transcript, client):
    """Even when the clock moves on between two calls (a block was played), the nested bundles stay
    exactly 100 samples apart: the clock is asked once per datagram."""
    calls = []

    def jumpy_clock(unix_seconds: float) -> int:
        calls.append(unix_seconds)
        return clock(unix_seconds) + 256 * len(calls)

    with OscServer(transcript.submit, port=0, clock=jumpy_clock, sample_rate=RATE) as server:
        outer = OscBundleBuilder(EPOCH_UNIX + 1.0)
        outer.add_content(OscMessageBuilder("/seq/start").build())
        inner = OscBundleBuilder(EPOCH_UNIX + 1.0 + 100 / RATE)
        inner.add_content(OscMessageBuilder("/seq/stop").build())
        outer.add_content(inner.build())
        client.sendto(outer.build().dgram, ("127.0.0.1", server.port))
        received = transcript.wait_for(2)
    assert len(calls) == 1
    assert [at for _, at in received] == [48256, 48356]


def test_a_refused_outcome_is_an_error_reply(client):
    class Refused:
        ok, text = False, "no session nowhere (no sessions saved yet)"

    with OscServer(lambda msg, at: Refused(), port=0) as server:
        _send(client, server, "/session/load", "nowhere")
        assert _reply(client).params == ["no session nowhere (no sessions saved yet)"]


def test_unreadable_type_tags_are_refused_not_misread(server, transcript, client):
    client.sendto(b"/mod/saw1/freq\x00\x00,c\x00\x00\x00\x00\x00a", ("127.0.0.1", server.port))
    assert _reply(client).params == ["/mod/saw1/freq: OSC type 'c' is not supported "
                                     "(send numbers as i, f or d and text as s)"]
    assert transcript.received == []


def test_bundle_elements_must_fit_in_the_packet(server, transcript, client):
    message = OscMessageBuilder("/seq/start").build().dgram
    for size in (4096, 3, -8):
        packet = b"#bundle\x00" + b"\x00" * 7 + b"\x01" + size.to_bytes(4, "big", signed=True) + message
        client.sendto(packet, ("127.0.0.1", server.port))
    _send(client, server, "/seq/stop")
    assert transcript.wait_for(1) == [(Message("/seq/stop"), None)]
    assert server.malformed == 3


def test_supervisor_handlers_turn_refusals_into_lines():
    from chronus_shell.protocol.osc import supervisor_handlers

    class Outcome:
        def __init__(self, text, ok=True, data=None):
            self.text, self.ok, self.data = text, ok, data

    class FakeSupervisor:
        play_block = 0
        config = type("Config", (), {"block_size": 256, "sample_rate": 48000})

        def __init__(self):
            self.sent = []

        def send(self, msg, at=None):
            self.sent.append((msg, at))
            if msg.address == "/mod/saw2/freq":
                raise ValueError("unknown module 'saw2' — did you mean saw1?\n(more detail)")
            if msg.address == "/session/load":
                return Outcome("no session x", ok=False)
            if msg.address == "/session/list":
                return Outcome("night-drive", data=["night-drive"])
            return None

    accepted = []
    supervisor = FakeSupervisor()
    submit, query = supervisor_handlers(supervisor, lambda msg, seconds: accepted.append((msg, seconds)))
    assert submit(Message("/mod/saw1/freq", (110.0,)), 4800) is None
    assert submit(Message("/mod/saw2/freq", (110.0,)), None) == "unknown module 'saw2' — did you mean saw1?"
    assert submit(Message("/session/load", ("x",)), None) == "no session x"
    assert submit(Message("/seq/start"), None) is None
    # the model may follow a timetagged message only when it plays: 4800 samples = 0.1 s from now
    assert accepted == [(Message("/mod/saw1/freq", (110.0,)), 0.1), (Message("/seq/start"), 0.0)]
    assert supervisor.sent[0] == (Message("/mod/saw1/freq", (110.0,)), 4800)
    assert query(Message("/session/list")) == ["night-drive"]
