"""A line sent "now" after a timed change (an OSC bundle's timetag) is never applied before one it conflicts with, and
not held back by one it does not (supervisor/order.py, supervisor/cushion.py). Real slots on the null device."""
from __future__ import annotations

import time

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor, cushion
from chronus_shell.supervisor.order import TimedChanges, names
from chronus_shell.supervisor.rings import LOST_BLOCKS

from .test_load_parts import play_past
from .test_patch_bursts import voice
from .test_soak import rings_in_lockstep, wait_for_music


def stamps(supervisor: Supervisor, sent: list[Message]) -> list[int]:
    """Each message's stamp, from the replay log (read at once: a checkpoint empties it every second)."""
    return [next(item[1] for item in reversed(supervisor.replay) if item[-1] is msg) for msg in sent]


def send(supervisor: Supervisor, line: str, at: int | None = None) -> Message:
    msg = Message.parse(line)
    outcome = supervisor.send(msg, at=at)
    assert outcome is None or outcome.ok, (line, outcome.text)
    return msg


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
    """Until session 37 the connection and the /mod, stamped before the timed create, failed in both slots' render."""
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        at = supervisor.sample_at(time.time() + 0.3)
        sent = [send(supervisor, "/patch/create later saw", at), send(supervisor, "/patch/connect later master"),
                send(supervisor, "/mod/later/gain 0.1"), send(supervisor, "/patch/create other square")]
        created, connected, modded, other = stamps(supervisor, sent)
        assert created == at and created <= connected <= modded, (created, connected, modded)
        assert other < at - supervisor.config.sample_rate // 10    # names none of it: at once
        play_past(supervisor, at)
        assert supervisor.problems == [] and supervisor.failovers == [] and supervisor.restores == []
        for slot in supervisor.slots:
            state = slot.request(("state",))
            assert ["later", "master"] in state["edges"] and state["modules"]["later"]["params"]["gain"] == 0.1
        assert int(supervisor.control.words[LOST_BLOCKS]) == 0 and rings_in_lockstep(supervisor.rings)


def test_a_dear_change_now_is_not_cushioned_behind_a_timed_one_it_does_not_conflict_with(monkeypatch):
    """A heard module's removal timed 0.2 s ahead (a long cushion), then a new module "now": its cushion is its own
    (it counted the removal's work until session 37, and landed after it)."""
    monkeypatch.setattr(cushion, "PER_MODULE_PLAN_MS", 0.15)   # dear at a small patch, as at 64 voices
    monkeypatch.setattr(cushion, "PER_MODULE_COPY_MS", 1.0)
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        for line in [line for i in range(6) for line in voice(i)] + ["/seq/start"]:
            send(supervisor, line)
        time.sleep(0.5)
        removal, created = supervisor.work_for([Message.parse("/patch/remove e0")]), \
            supervisor.work_for([Message.parse("/patch/create n saw")])
        block_s, block_size = supervisor.config.block_seconds, supervisor.config.block_size
        own = -(-created // (1000 * block_s))
        assert removal > 5 * created and own >= 2   # (the figures the test is about)
        at = supervisor.sample_at(time.time() + 0.2)
        sent = [send(supervisor, "/patch/remove e0", at)]
        lead = supervisor.play_block + supervisor.ahead
        sent.append(send(supervisor, "/patch/create n saw"))
        removed, new = stamps(supervisor, sent)
        counted = own + removal / (1000 * block_s)   # the removal's work counted too, as before
        assert removed == at and new // block_size - lead < (own + counted) / 2, (new // block_size - lead, own, counted)
        play_past(supervisor, at)
        assert supervisor.problems == [] and supervisor.failovers == []
        for slot in supervisor.slots:
            modules = slot.request(("state",))["modules"]
            assert "n" in modules and "e0" not in modules
        assert int(supervisor.control.words[LOST_BLOCKS]) == 0 and rings_in_lockstep(supervisor.rings)
