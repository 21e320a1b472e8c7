"""Message order across timed changes: a change is never applied before an earlier-sent timed one it conflicts with.

A message timed for later (an OSC bundle's timetag: `send(…, at=)`, a session's load at its bar) is stamped at its
time; one sent after it "now", or timed sooner, would be stamped before it — and the slots apply messages by stamp but
check them in the order sent: a `/mod` or a connection of a module that a timed `/patch/create` makes was applied
before the module existed, and both slots' render failed on it (EngineError: no such module — the music stopped;
sessions 37 and 44). Such a change is stamped at the timed one's sample (after it there: the same sample keeps the
order sent); one naming other modules still lands at once. Two messages conflict when they name a module (or a
track, or one of the sequencer's settings: its transport, its tempo, its key…) in common, or either may depend on
anything (a transaction, an /at, a load, a /seq/clear). A gate names its module only (not the voice its edges make it
part of): OSC senders time gates ahead, and a gate naming anything would hold back every line typed meanwhile until
the last one's time. A change held back this way is itself a timed change for what is sent after it.
"""
from __future__ import annotations

from ..protocol.message import Message

ONE = ("/patch/create", "/patch/remove", "/patch/poly")
EDGES = ("/patch/connect", "/patch/disconnect")
BY_PATH = ("mod", "ramp", "gate")    # /mod/<id>/<param>, /ramp/<id>/<param>, /gate/<id>
TRACKS = ("/seq/notes", "/seq/remove", "/seq/mute")
#: The sequencer's own settings each /seq verb names: a tempo set now is no start's business (Link: a peer's tempo
#: right after a start timed for the next Link bar is heard at once), a stop and a start are ordered.
SETTING = {"start": "transport", "stop": "transport", "continue": "transport", "pause": "transport", "bpm": "tempo"}
ALWAYS = "master"                     # never created nor removed: naming it orders nothing


def names(msg: Message) -> frozenset | None:
    """The modules, tracks and sequencer settings `msg` depends on or changes; None: it may depend on any."""
    if msg.address in ONE and msg.args:
        found = {str(msg.args[0])}
    elif msg.address in EDGES and len(msg.args) == 2:
        found = {str(arg).split(".")[0] for arg in msg.args}
    elif msg.parts and msg.parts[0] in BY_PATH and len(msg.parts) > 1:
        found = {msg.parts[1]}
    elif msg.address == "/seq/add" and len(msg.args) >= 2:
        found = {("track", str(msg.args[0])), str(msg.args[1])}
    elif msg.address in TRACKS and msg.args:
        found = {("track", str(msg.args[0]))}
    elif msg.parts and msg.parts[0] == "seq" and len(msg.parts) > 1 and msg.parts[1] != "clear":
        found = {("seq", SETTING.get(msg.parts[1], msg.parts[1]))}    # (the key, the swing, the capo: each its own)
    else:
        return None                                                      # ('/seq/clear': every track)
    return frozenset(found - {ALWAYS})


class TimedChanges:
    """The latest stamp of a timed message naming each module or track, and of one that may depend on any: a change's
    `floor` is a few dictionary reads, under the stamp hold (a load at its bar leaves 1,600 timed messages)."""

    def __init__(self):
        self._latest: dict = {}   # a module, ("track", name) or ("seq", setting) → the latest stamp of one naming it
        self._any = 0             # that of a timed message that may depend on any
        self._all = 0             # that of any timed message

    def add(self, stamp: int, messages: list[Message]) -> None:
        self._all = max(self._all, stamp)
        for msg in messages:
            found = names(msg)
            if found is None:
                self._any = max(self._any, stamp)
            for name in found or ():
                self._latest[name] = max(self._latest.get(name, 0), stamp)

    def floor(self, messages: list[Message]) -> int:
        """The latest stamp of a timed message one of `messages` conflicts with (0: none). One already played is
        earlier than any stamp given now: it holds nothing back, so none is forgotten."""
        floor = self._any
        for msg in messages:
            found = names(msg)
            if found is None:
                return self._all
            floor = max([floor, *(self._latest.get(name, 0) for name in found)])
        return floor
