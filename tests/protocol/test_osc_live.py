"""The OSC server in front of the real engine: liblo's `oscsend` and `oscsendfile` as outside
clients, replies to the sender, malformed packets, and timetagged bundles that must land at the
exact sample, checked in a real recording against an offline render of what the slots were sent."""
from __future__ import annotations

import json
import shutil
import subprocess
import time

import numpy as np
import pytest
from pythonosc.osc_bundle_builder import OscBundleBuilder
from pythonosc.osc_message_builder import OscMessageBuilder

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor.rings import READ_BLOCK

needs_liblo = pytest.mark.skipif(shutil.which("oscsend") is None,
                                 reason="liblo-tools is not installed (apt-get install liblo-tools): "
                                        "no outside OSC client (oscsend) to test with")

VOICE = [("/patch/create", "ss", "saw1", "saw"), ("/patch/create", "ss", "adsr1", "adsr"),
         ("/patch/connect", "ss", "saw1", "adsr1"), ("/patch/connect", "ss", "adsr1", "master")]


def _modules(live) -> dict:
    return live.supervisor.patch_state()["modules"]


def _rejections(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "chronus.osc" and "rejected" in r.getMessage()]


@needs_liblo
def test_oscsend_builds_a_voice_that_plays(live, caplog):
    for message in VOICE + [("/mod/saw1/freq", "f", 110), ("/gate/adsr1", "if", 1, 330)]:
        live.oscsend(*message)
    live.wait_handled(6)
    assert _rejections(caplog) == [] and live.server.rejected == 0
    state = live.supervisor.patch_state()
    assert set(state["modules"]) == {"master", "saw1", "adsr1"}
    assert sorted(state["edges"]) == [["adsr1", "master"], ["saw1", "adsr1"]]
    assert state["modules"]["saw1"]["params"]["freq"] == 110       # as set: the gate's note (330) is not saved
    live.wait_played(0.3)
    assert live.supervisor.status()["level"] > 0.05          # the gate is open: it sounds
    assert [m for _, m in live.stamps][-1] == Message("/gate/adsr1", (1, 330.0))


# Every address of docs/protocol.md (and the aliases), in an order in which each one is valid.
EVERY_ADDRESS = VOICE + [
    ("/patch/create", "ss", "lfo1", "lfo"),
    ("/patch/create", "ss", "acid_filter1", "acid_filter"),
    ("/patch/disconnect", "ss", "saw1", "adsr1"),
    ("/patch/connect", "ss", "saw1", "acid_filter1"),
    ("/patch/connect", "ss", "acid_filter1", "adsr1"),
    ("/patch/connect", "ss", "lfo1", "acid_filter1.cutoff"),
    ("/patch/begin", ""), ("/patch/create", "ss", "sine1", "sine"), ("/patch/connect", "ss", "sine1", "master"),
    ("/patch/commit", ""),
    ("/patch/begin", ""), ("/patch/remove", "s", "sine1"), ("/patch/abort", ""),
    ("/mod/saw1/freq", "f", 110), ("/mod/saw1/frequency", "i", 111), ("/mod/lfo1/shape", "s", "triangle"),
    ("/mod/acid_filter1/resonance", "f", 0.7),
    ("/gate/adsr1", "if", 1, 220), ("/gate/adsr1", "i", 0), ("/gate/adsr1", "T"),
    ("/seq/add", "sss", "bass", "adsr1", "X.x-x..x"), ("/seq/add", "ssss", "hats", "adsr1", "x...", "now"),
    ("/seq/update/pattern", "sss", "bass", "adsr1", "X.x.x..x"),
    ("/seq/notes", "sssf", "bass", "a2", "c#3", 110),
    ("/seq/bpm", "f", 128), ("/seq/bpm", "is", 130, "now"), ("/seq/swing", "f", 0.2),
    ("/seq/start", ""), ("/seq/remove", "s", "hats"),
    ("/record/start", "s", "{tmp}/take1.wav"), ("/record/stop", ""),
    ("/session/save", "s", "night-drive"), ("/pattern/save", "ss", "night-drive", "overwrite"),
    ("/session/list", ""), ("/pattern/list", ""), ("/engine/status", ""),
    ("/seq/stop", ""), ("/seq/clear", ""),
    ("/patch/remove", "s", "lfo1"), ("/patch/remove", "s", "acid_filter1"), ("/patch/remove", "s", "adsr1"),
    ("/patch/remove", "s", "saw1"), ("/patch/remove", "s", "sine1"),
    ("/session/load", "ss", "night-drive", "now"),
    ("/session/save", "s", "copy"), ("/session/delete", "s", "copy"),
    ("/engine/crash", "s", "standby"),
]


@needs_liblo
def test_every_protocol_address_from_oscsend(live, tmp_path, caplog):
    for address, types, *values in EVERY_ADDRESS:
        live.oscsend(address, types, *[str(v).format(tmp=tmp_path) for v in values])
    live.wait_handled(len(EVERY_ADDRESS), timeout=30)
    assert _rejections(caplog) == [], live.supervisor.problems
    assert (live.server.received, live.server.rejected, live.server.malformed) == (len(EVERY_ADDRESS), 0, 0)
    assert (tmp_path / "take1.wav").is_file()
    state = live.supervisor.patch_state()          # the session saved mid-way, loaded back "now"
    assert set(state["modules"]) == {"master", "saw1", "adsr1", "lfo1", "acid_filter1", "sine1"}
    assert state["modules"]["acid_filter1"]["params"]["resonance"] == pytest.approx(0.7)
    assert state["modules"]["lfo1"]["params"]["shape"] == "triangle"
    assert state["sequencer"]["bpm"] == 130 and state["sequencer"]["running"]
    assert set(state["sequencer"]["tracks"]) == {"bass"}
    assert state["sequencer"]["tracks"]["bass"]["pattern"] == "X.x.x..x"
    assert live.supervisor.send(Message("/session/list")).data == ["night-drive"]
    deadline = time.monotonic() + 10
    while not live.supervisor.failovers and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(live.supervisor.failovers) == 1     # /engine/crash standby really killed one


def test_refusals_reply_one_error_line_to_the_sender(live, client):
    for address, types, *values in VOICE:
        client.send(address, *values)
    cases = [
        (("/mod/saw2/freq", 110.0), "saw2"),                       # unknown id
        (("/mod/saw1/cutof", 300.0), "cutof"),                     # unknown param
        (("/mod/saw1/freq", 99999.0), "20–20000"),                 # out of range
        (("/patch/creat", "x1", "saw"), "did you mean /patch/create?"),
        (("/seq/bpm", "fast"), "should be a number"),
        (("/patch/commit",), "no transaction is open"),
        (("/session/load", "nowhere"), "no session nowhere"),      # refused outcome, not an exception
        (("/record/start", "/proc/take1.wav"), "cannot record to /proc/take1.wav"),
        (("/record/stop",), "not recording"),
    ]
    for args, expected in cases:
        client.send(*args)
        reply = client.reply()
        assert reply.address == "/error" and len(reply.params) == 1
        assert expected in reply.params[0] and "\n" not in reply.params[0], reply.params[0]
    assert live.server.rejected == len(cases)
    client.send("/mod/saw1/freq", 220.0)                          # accepted: no reply at all
    assert client.no_reply()
    assert _modules(live)["saw1"]["params"]["freq"] == 220


def test_queries_answer_the_sender_with_json(live, client):
    assert live.supervisor.send(Message("/session/save", ("night-drive",))).ok
    client.send("/engine/status")
    reply = client.reply()
    status = json.loads(reply.params[0])
    assert reply.address == "/engine/status"
    assert status["backend"] == "null" and [s["slot"] for s in status["slots"]] == ["A", "B"]
    assert all(isinstance(s["pid"], int) for s in status["slots"])
    assert {"blocks", "xruns", "failovers", "lost_blocks"} <= set(status)
    client.send("/pattern/list")
    reply = client.reply()
    assert reply.address == "/session/list" and json.loads(reply.params[0]) == ["night-drive"]


def test_malformed_packets_are_counted_and_the_music_goes_on(live, client):
    for address, types, *values in VOICE:
        client.send(address, *values)
    client.send("/gate/adsr1", 1)
    live.wait_handled(5)
    live.wait_played(0.1)
    good = OscMessageBuilder("/mod/saw1/freq")
    good.add_arg(330.0)
    good = good.build().dgram
    garbage = [
        b"",                                            # empty datagram
        b"\x00\x01\x02\x03" * 3,                        # not OSC at all
        b"/mod/saw1/freq\x00\x00,f\x00\x00",            # the float argument is missing
        b"/patch/create\x00\x00\x00,ss\x00saw1\x00\x00\x00\x00sa",   # cut inside the last string
        b"#bundle\x00\x00\x00",                         # bundle cut inside its timetag
        b"#bundle\x00" + b"\x00" * 8 + b"\x00\x00\x10\x00" + good,   # element longer than the packet
        b"\xff" * 9000,
    ]
    blocks_before = live.words(READ_BLOCK)
    for data in garbage:
        client.raw(data)
    client.send("/mod/saw1/freq", 440.0)
    live.wait_handled(5 + len(garbage) + 1)
    assert live.server.malformed == len(garbage)
    assert client.no_reply()                            # ignored: no reply to garbage
    assert _modules(live)["saw1"]["params"]["freq"] == 440
    live.wait_played(0.2)
    assert live.words(READ_BLOCK) > blocks_before
    assert live.supervisor.status()["level"] > 0.05


def _send_gate_bundle(live, client, tmp_path, attempt: int):
    """A take with a bundle 0.3 s ahead: gate on at its timetag, gate off in a nested bundle 0.1 s later."""
    take = tmp_path / f"take{attempt}.wav"
    between = live.start_recording(take)
    live.clocked.clear()
    when = time.time() + 0.3
    now_sample = live.words(READ_BLOCK) * live.block
    bundle = OscBundleBuilder(when)
    gate = OscMessageBuilder("/gate/adsr1")
    gate.add_arg(1)
    gate.add_arg(220.0)
    bundle.add_content(gate.build())
    release = OscBundleBuilder(when + 0.1)                       # nested, its own timetag: 4800 samples on
    close = OscMessageBuilder("/gate/adsr1")
    close.add_arg(0)
    release.add_content(close.build())
    bundle.add_content(release.build())
    handled = live.server.datagrams
    client.raw(bundle.build().dgram)
    live.wait_handled(handled + 1)
    live.wait_played(0.7)
    whole = live.take_is_whole()
    audio = live.stop_recording(take)
    return live.take_start(audio, between), when, now_sample, audio, whole


def test_bundle_lands_at_the_exact_sample_of_its_timetag(live, client, tmp_path):
    for address, types, *values in VOICE:
        client.send(address, *values)
    live.wait_handled(4)
    live.wait_played(0.05)
    for attempt in range(3):                                     # a block lost under load spoils a take
        first_block, when, now_sample, audio, whole = _send_gate_bundle(live, client, tmp_path, attempt)
        if whole:
            break
    assert whole, "every take lost blocks: the machine is too busy to play in real time"

    [(tag, sample)] = live.clocked                               # the clock is asked once per datagram
    assert abs(tag - when) < 1e-6                                # the timetag as unix time
    assert abs(sample - (now_sample + 0.3 * live.rate)) < 3 * live.block   # wall time → sample
    gates = [(s, m) for s, m in live.stamps if m.address == "/gate/adsr1"][-2:]
    assert gates == [(sample, Message("/gate/adsr1", (1, 220.0))), (sample + 4800, Message("/gate/adsr1", (0,)))]

    onset = sample - first_block * live.block                    # where the gate must be in the take
    assert 0 < onset < len(audio)
    assert not audio[:onset].any() and audio[onset:onset + 64].any()
    assert np.array_equal(audio, live.offline(first_block, len(audio)))   # every sample where it belongs


def test_a_message_right_after_a_bundle_that_creates_its_module_waits_for_it(live, client):
    """A bundle 0.3 s ahead makes a saw and connects it; a plain /mod on it, sent right after, is applied at the
    bundle's sample (before this session it was applied first, and both slots stopped: no such module)."""
    when = time.time() + 0.3
    bundle = OscBundleBuilder(when)
    for address, *values in (("/patch/create", "late", "saw"), ("/patch/connect", "late", "master")):
        message = OscMessageBuilder(address)
        for value in values:
            message.add_arg(value)
        bundle.add_content(message.build())
    client.raw(bundle.build().dgram)
    client.send("/mod/late/freq", 330.0)
    live.wait_handled(2)
    live.wait_played(0.5)
    [(_, sample)] = live.clocked
    assert [stamp for stamp, msg in live.stamps if msg.address == "/mod/late/freq"] == [sample]
    assert live.supervisor.problems == [] and live.supervisor.failovers == []
    assert _modules(live)["late"]["params"]["freq"] == 330
    assert live.supervisor.status()["level"] > 0.05          # the saw sounds: the music goes on


@pytest.mark.skipif(shutil.which("oscsendfile") is None, reason="liblo-tools (oscsendfile) is not installed")
def test_liblo_bundles_are_applied(live, tmp_path, caplog):
    """oscsendfile replays a file as timetagged bundles (timetag = when it sends each one)."""
    for address, types, *values in VOICE:
        live.oscsend(address, types, *values)
    live.wait_handled(4)
    script = tmp_path / "moves.osc"
    script.write_text("00000000.00000000 /mod/saw1/freq f 330.0\n"
                      "00000000.33333333 /gate/adsr1 if 1 440.0\n"
                      "00000000.66666666 /mod/saw1/freq f 550.0\n")
    subprocess.run(["oscsendfile", "127.0.0.1", str(live.port), str(script)], check=True, timeout=20)
    live.wait_handled(7)
    assert _rejections(caplog) == [] and live.server.malformed == 0
    assert len(live.clocked) == 3                                # they were bundles with timetags
    first, second, third = [s for s, m in live.stamps[-3:]]
    assert 0.1 * live.rate < second - first < 0.3 * live.rate    # ~0.2 s apart, as sent
    assert _modules(live)["saw1"]["params"]["freq"] == 550
