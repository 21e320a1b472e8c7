"""What the engine accepted always saves, and saves what the musician set (not a playing note's pitch)."""
import pytest

from chronus_shell.engine.engine import EngineError
from chronus_shell.engine.timeline import Timeline
from chronus_shell.protocol.message import Message
from chronus_shell.session.commands import SessionCommands
from chronus_shell.session.snapshot import load_session


def timeline(*lines: str, blocks: int = 0) -> Timeline:
    t = Timeline()
    for line in lines:
        t.schedule(Message.parse(line), 0)
    for _ in range(blocks):
        t.render_block()
    return t


def save(t: Timeline, name: str):
    return SessionCommands(48000).handle(Message("/session/save", (name,)), t.engine.patch_state())


def test_notes_for_a_track_that_was_never_added_are_refused():
    t = timeline()
    with pytest.raises(EngineError, match=r"no track 'foo' to give notes to \(no tracks yet\) — add it first"):
        t.admit(Message.parse("/seq/notes foo a1 c2"))
    t = timeline("/patch/create saw1 saw", "/seq/add bass saw1 x.x.")
    t.admit(Message.parse("/seq/notes bass a1 c2"))                  # an added (or queued) track is fine
    t.admit(Message.parse("/seq/remove bass"))
    with pytest.raises(EngineError, match="no track 'bass'"):
        t.admit(Message.parse("/seq/notes bass a1"))


def test_a_track_whose_module_was_removed_is_left_out_of_the_save_not_fatal():
    t = timeline("/patch/create saw1 saw", "/patch/connect saw1 master", "/seq/add bass saw1 x.x.",
                 "/seq/start", "/patch/remove saw1", blocks=2)
    outcome = save(t, "after-remove")
    assert outcome.ok, outcome.text
    assert outcome.text.endswith("— left out track bass: no module to play")
    assert load_session("after-remove")["sequencer"]["tracks"] == {}


def test_saving_while_notes_play_stores_the_set_pitch():
    t = timeline("/patch/create saw1 saw", "/patch/connect saw1 master", "/mod/saw1/freq 110",
                 "/patch/create sine1 sine", "/patch/connect sine1 master",
                 "/seq/add bass saw1 xxxx", "/seq/notes bass c2", "/seq/add lead sine1 xxxx",
                 "/seq/notes lead a4", "/seq/start", blocks=40)
    assert t.engine.modules["saw1"].targets["freq"] != 110.0           # a note is sounding at c2
    assert save(t, "playing").ok
    modules = load_session("playing")["modules"]
    assert modules["saw1"]["params"]["freq"] == 110.0                  # what the musician set
    assert modules["sine1"]["params"]["freq"] == t.engine.modules["sine1"].spec.param("freq").default
