"""The address table: every docs/protocol.md address is accepted, aliases map, bad shapes are one line."""
import subprocess
import sys
from pathlib import Path

import pytest
from pythonosc.osc_message_builder import OscMessageBuilder

from chronus_shell.protocol.addresses import ADDRESSES, ProtocolError, canonical, parse_line
from chronus_shell.protocol.message import Message
from chronus_shell.protocol.osc import decode_packet

PROTOCOL_EXAMPLES = """/patch/create saw1 saw
/patch/connect lfo1 acid_filter1.cutoff
/patch/disconnect saw1 master
/patch/remove saw1
/patch/begin
/patch/commit
/patch/abort
/mod/saw1/freq 110
/mod/lfo1/shape triangle
/gate/saw1 1
/gate/saw1 1 220
/seq/add bass saw1 X.x-x..x
/seq/add bass saw1 x... now
/seq/notes bass a2 c#3 110
/seq/remove bass
/seq/clear
/seq/start
/seq/stop
/seq/bpm 128
/seq/bpm 90 now
/seq/swing 0.2
/record/start
/record/start take1.wav
/record/stop
/session/save night-drive
/session/load night-drive now
/session/list
/session/delete night-drive
/session/save night-drive overwrite
/engine/status
/engine/crash active
/patch/poly saw1 4
/gate/saw1 1 220 261.63 329.63
/gate/saw1 1 220 261.63 329.63 0.8
/gate/saw1 0 220
/seq/notes pad a3+c4+e4 . - f3+a3+c4
/seq/key d minor
/seq/key none"""


@pytest.mark.parametrize("line", PROTOCOL_EXAMPLES.splitlines())
def test_every_protocol_address_is_accepted(line):
    message = Message.parse(line)
    assert canonical(message) == message


@pytest.mark.parametrize("line, error", [
    ("/mod/saw1/freq", "/mod/saw1/freq takes value, got 0 arguments"),
    ("/patch/create saw1", "/patch/create takes id type, got 1 argument"),
    ("/seq/swing lots", "/seq/swing argument 1 should be a number, got 'lots'"),
    ("/mod/Saw1/freq 110", "unknown address /mod/Saw1/freq"),
    ("/sequence/bpm 120", "unknown address /sequence/bpm"),
])
def test_bad_shapes_are_one_line(line, error):
    with pytest.raises(ProtocolError, match="^" + error.replace("/", "/")):
        canonical(Message.parse(line))


@pytest.mark.parametrize("line, address", [
    ("/seq/update/pattern bass saw1 x . x now", "/seq/add"), ("/pattern/save night", "/session/save"),
    ("/pattern/load night now", "/session/load"), ("/pattern/list", "/session/list"),
])
def test_an_old_spelling_is_its_address_where_it_comes_in(line, address):
    """Text lines and OSC packets alike: no layer after the entry sees an alias."""
    parsed = parse_line(line)
    packet = Message(line.split()[0], parsed.args)                   # as an OSC packet brings it
    assert parsed.address == address and canonical(packet) == parsed == canonical(parsed)
    if address == "/seq/add":
        assert parsed.args == ("bass", "saw1", "x . x", "now")     # an unquoted pattern stays one argument


def test_every_address_has_one_handler():
    """The table's shapes and the handlers meet: the engine's and the sequencer's tables, the
    Timeline's transactions, the session's @answers, the supervisor's /engine/*, the gear's /midi, /link."""
    from chronus_shell.engine.engine_addresses import ADDRESSES as ENGINE
    from chronus_shell.engine.timeline import TRANSACTION
    from chronus_shell.session.commands import ANSWERED
    from chronus_shell.supervisor.slow_messages import ENGINE_ANSWERS
    for address in ADDRESSES:
        owners = [address in ENGINE, address.path in TRANSACTION, address.path in ANSWERED,
                  address.path in ENGINE_ANSWERS, address.path.split("/")[1] in ("midi", "link")]
        assert owners.count(True) == 1, (address.path, owners)
    assert set(ANSWERED) | set(ENGINE_ANSWERS) <= {a.path for a in ADDRESSES}


def test_short_final_float_from_reaktor_is_accepted():
    builder = OscMessageBuilder("/mod/saw1/freq")
    builder.add_arg(110.0, "f")                    # 0x42DC0000: Reaktor drops the two zero bytes
    [(when, osc)] = decode_packet(builder.build().dgram[:-2])
    assert when is None and osc.params == [110.0]


def test_protocol_doc_is_current():
    """docs/protocol.md is generated from the address table; the committed file is current."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "gen_protocol_doc.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
