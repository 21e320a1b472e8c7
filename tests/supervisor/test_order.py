"""A change sent after a timed one (an OSC bundle's timetag, a session's load at its bar) is never applied before one
it conflicts with, and not held back by one it does not (supervisor/order.py). Real slots on the null device."""
from __future__ import annotations

import time

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.order import TimedChanges, names
from chronus_shell.supervisor.rings import LOST_BLOCKS

from .test_load_parts import play_past
from .test_soak import rings_in_lockstep, wait_for_music


def stamps(supervisor: Supervisor, sent: list[Message]) -> list[int]:
    """Each message's stamp, from the replay log (read at once: a checkpoint empties it every second)."""
    return [next(item[1] for item in reversed(supervisor.replay) if item[-1] is msg) for msg in sent]


def send(supervisor: Supervisor, line: str, at: int | None = None) -> Message:
    msg = Message.parse(line)
    outcome = supervisor.send(msg, at=at)
    assert outcome is None or outcome.ok, (line, outcome.text)
    return msg


def plays_on(supervisor: Supervisor) -> None:
    """Both slots alive and alike, nothing lost, nothing said wrong."""
    assert supervisor.problems == [] and supervisor.failovers == [] and supervisor.restores == []
    assert int(supervisor.control.words[LOST_BLOCKS]) == 0 and rings_in_lockstep(supervisor.rings)


def test_what_conflicts():
    assert names(Message.parse("/patch/connect lfo bass.cutoff")) == {"lfo", "bass"}
    assert names(Message.parse("/mod/bass/cutoff 300")) == {"bass"} and names(Message.parse("/gate/bass 1")) == {"bass"}
    assert names(Message.parse("/patch/begin")) is None
    timed = TimedChanges()
    timed.add(900, [Message.parse("/patch/create later saw"), Message.parse("/patch/connect later master")])
    timed.add(1200, [Message.parse("/gate/drum 1"), Message.parse("/seq/bpm 140")])   # an OSC sender's, timed ahead
    assert timed.floor([Message.parse("/mod/master/gain 0.5")]) == 0    # master: never created nor removed
    assert timed.floor([Message.parse("/mod/later/gain 0.5")]) == 900
    assert timed.floor([Message.parse("/seq/bpm 150 now")]) == 1200 and timed.floor([Message.parse("/mod/bass/q 2")]) == 0
    assert timed.floor([Message.parse("/seq/notes bass c2")]) == 0       # a track's notes: no tempo's business
    assert timed.floor([Message.parse("/patch/commit")]) == 1200        # may depend on anything
    timed.add(1500, [Message.parse("/seq/start")])                       # (Link: a start at the next Link bar)
    assert timed.floor([Message.parse("/seq/bpm 132 now")]) == 1200 and timed.floor([Message.parse("/seq/stop")]) == 1500


def test_a_line_on_a_module_a_timed_change_makes_is_applied_after_it_and_others_at_once():
    """Until this session the connection and the /mod, stamped before the timed create, failed in both slots' render:
    the music stopped."""
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        at = supervisor.sample_at(time.time() + 0.3)
        sent = [send(supervisor, "/patch/create later saw", at), send(supervisor, "/patch/connect later master"),
                send(supervisor, "/mod/later/gain 0.1"), send(supervisor, "/patch/create other square")]
        created, connected, modded, other = stamps(supervisor, sent)
        assert created == at and created <= connected <= modded, (created, connected, modded)
        assert other < at - supervisor.config.sample_rate // 10    # names none of it: at once
        assert len(supervisor.latencies_ms) == 1                  # held back: not a "now" command's latency
        play_past(supervisor, at)
        plays_on(supervisor)
        for slot in supervisor.slots:
            state = slot.request(("state",))
            assert ["later", "master"] in state["edges"] and state["modules"]["later"]["params"]["gain"] == 0.1


def test_timetags_out_of_order_and_a_transaction_after_one_keep_the_order_sent():
    """A /mod timed sooner than the create sent before it is applied with the create; a transaction begun after a
    timed change (it may depend on anything) waits for it, and so does everything in it."""
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        late, soon = (supervisor.sample_at(time.time() + ahead) for ahead in (0.4, 0.2))
        sent = [send(supervisor, "/patch/create late saw", late), send(supervisor, "/mod/late/freq 330", soon),
                send(supervisor, "/patch/begin"), send(supervisor, "/patch/connect late master"),
                send(supervisor, "/patch/commit")]
        created, modded, begun, connected, committed = stamps(supervisor, sent)
        assert created == late <= modded and late <= begun <= connected <= committed
        play_past(supervisor, committed)
        plays_on(supervisor)
        for slot in supervisor.slots:
            state = slot.request(("state",))
            assert ["late", "master"] in state["edges"] and state["modules"]["late"]["params"]["freq"] == 330


def test_a_session_loaded_now_after_a_timed_change_waits_for_it(chronus_home):
    """A /mod timed ahead on a module the session lacks, then the session loaded "now": it removes that module, at
    the /mod's sample, not before it (the /mod then failed in both slots: no such module)."""
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        for line in ("/patch/create saw1 saw", "/patch/connect saw1 master", "/mod/saw1/freq 220"):
            send(supervisor, line)
        assert supervisor.send(Message.parse("/session/save calm")).ok
        send(supervisor, "/patch/create extra square")
        at = supervisor.sample_at(time.time() + 0.3)
        send(supervisor, "/mod/extra/freq 330", at)
        assert supervisor.send(Message.parse("/session/load calm now")).ok
        removed = [item[1] for item in supervisor.replay if item[0] == "msg" and item[-1].address == "/patch/remove"]
        assert removed and min(removed) >= at
        play_past(supervisor, max(removed))
        plays_on(supervisor)
        for slot in supervisor.slots:
            modules = slot.request(("state",))["modules"]
            assert "extra" not in modules and modules["saw1"]["params"]["freq"] == 220
