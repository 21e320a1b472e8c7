"""The engine's address table is its dispatcher: each address with its shape, check and apply."""
from __future__ import annotations

from fractions import Fraction

import pytest

from chronus_shell.engine.engine import Engine, EngineError
from chronus_shell.engine.engine_addresses import ADDRESSES, handler_of
from chronus_shell.engine.sequencer import Sequencer
from chronus_shell.engine.sequencer_changes import SetTempo, SetTrack
from chronus_shell.engine.sequencer_verbs import VERBS
from chronus_shell.engine.timeline import TRANSACTION, is_engine_message
from chronus_shell.protocol.addresses import ADDRESSES as PROTOCOL
from chronus_shell.protocol.message import Message


def _example(path: str) -> str:
    return path.replace("<id>", "saw1").replace("<param>", "freq")


@pytest.mark.parametrize("address", ADDRESSES, ids=lambda a: a.path)
def test_each_engine_address_reaches_its_own_handler(address):
    message = Message(_example(address.path))
    assert handler_of(message).address is address and is_engine_message(message)
    assert address in PROTOCOL                                     # the protocol table is built from it


def test_every_sequencer_verb_is_an_engine_address_and_transactions_are_the_timelines():
    assert set(VERBS) <= {a.path for a in ADDRESSES}
    assert not set(TRANSACTION) & {a.path for a in ADDRESSES}


@pytest.mark.parametrize("line, error", [
    ("/seq/foo 1", "the sequencer has no address '/seq/foo'"),
    ("/patch/foo a", "the engine has no address '/patch/foo'"),
    ("/mod/saw1 1", "the engine has no address '/mod/saw1'"),
])
def test_an_address_the_engine_lacks_is_one_line(line, error):
    with pytest.raises(EngineError, match=f"^{error}$"):
        Engine().check(Message.parse(line))


def test_queued_changes_are_named():
    seq = Sequencer(48000)
    seq.handle(Message("/seq/start"), 0)
    seq.handle(Message("/seq/add", ("t", "k", "x...")), 0)
    seq.handle(Message("/seq/bpm", (140,)), 0)
    assert [change for _, _, change in sorted(seq.pending)] == [SetTrack("t", "k", "x..."), SetTempo(Fraction(140))]
    seq.handle(Message("/seq/clear"), 0)
    assert [change for _, _, change in seq.pending] == [SetTempo(Fraction(140))]   # a queued tempo stays queued
