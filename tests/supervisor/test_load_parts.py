"""A session's load at its bar goes in parts, the supervisor's lock let go between them (supervisor/fan_out.py).

Real slots on the null device: a line typed while the parts are written waits for the last one, so the slots check it
against the whole load as the plan does (before, one naming a module the load removes and creates again was kept by
the plan and refused by both slots); Ctrl-C meanwhile stops the wait, not the writes; a standby killed meanwhile is
replaced from a snapshot taken between two parts and told the parts still to come — the bar plays the whole load in
both slots, none of its messages late.
"""
from __future__ import annotations

import _thread
import threading
import time

import pytest

from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor, cushion, fan_out

from .test_patch_bursts import voice
from .test_soak import rings_in_lockstep, wait_for_music

VOICES = 12
PART = 2   # messages a part: the load's ~300 messages written over ~0.4 s, time for a line and a failover among them


def writing(supervisor: Supervisor, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while supervisor._writing is None:
        assert time.monotonic() < deadline, "the load's parts were never written"
        time.sleep(0.001)


def load_at_the_bar_while(supervisor: Supervisor, during) -> tuple[int, object]:
    """`/session/load big` at its bar from a thread; `during()` called while its parts are written. (The bar's
    stamp, what `during` returned.)"""
    outcome: list = []
    loader = threading.Thread(target=lambda: outcome.append(supervisor.send(Message.parse("/session/load big"))))
    loader.start()
    writing(supervisor)
    bar = supervisor._writing[0]
    done = during()
    assert supervisor._writing is not None, "the parts were all written before the test's doing: it proved nothing"
    loader.join(30)
    assert outcome and outcome[0].ok, outcome
    return bar, done


def play_past(supervisor: Supervisor, stamp: int) -> None:
    deadline = time.monotonic() + 10
    while supervisor.play_block * supervisor.config.block_size <= stamp + supervisor.config.sample_rate // 4:
        assert time.monotonic() < deadline, "the bar was never played"
        time.sleep(0.01)


@pytest.fixture
def big_session(chronus_home, monkeypatch):
    monkeypatch.setattr(fan_out, "BAR_PART", PART)
    monkeypatch.setattr(cushion, "BAR_PART", PART)   # the bar placed as far as its parts take
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        wait_for_music(supervisor)
        for line in [line for i in range(VOICES) for line in voice(i)] + ["/seq/bpm 126", "/seq/start"]:
            supervisor.send(Message.parse(line))
        assert supervisor.send(Message.parse("/session/save big")).ok
        supervisor.send(Message.parse("/patch/create extra square"))   # gone again once the load is played
        yield supervisor, supervisor.patch_state()


def late_commands(supervisor: Supervisor) -> dict[int, int]:
    """Each slot's late commands, by its pid."""
    return {row["pid"]: row["late_commands"] for row in supervisor.status()["slots"]}


def none_late_since(supervisor: Supervisor, before: dict[int, int]) -> None:
    """No command reached a slot late since `before` (a slot that was not there then: since it started). Counted from
    the load on: a command of the patch's building that a loaded machine made late is the stamp hold's, not this."""
    late = {pid: count - before.get(pid, 0) for pid, count in late_commands(supervisor).items()}
    assert not any(late.values()), late


def parts_written(supervisor: Supervisor, parts: int) -> int:
    """Once `parts` more of the load's parts are written (those that remove the modules it creates again), how many
    are still to write."""
    left = supervisor._writing[1]
    while (writing := supervisor._writing) is not None and writing[1] > left - parts:
        time.sleep(0.001)
    assert writing is not None, "the parts were all written before the test's doing: it proved nothing"
    return writing[1]


def test_a_line_typed_while_a_loads_parts_are_written_waits_for_them_and_is_kept_by_both_slots(big_session):
    supervisor, before = big_session
    sent: list = []

    def type_lines() -> threading.Thread:   # for after the bar, on modules the load removes and creates again
        def lines() -> None:
            sent.append(parts_written(supervisor, 12))
            for n in range(3):
                supervisor.send(Message.parse(f"/mod/f{n}/cutoff {900 + n}"), at=bar[0] + supervisor.config.block_size)
                sent.append(supervisor._writing)
        bar.append(supervisor._writing[0])
        typist = threading.Thread(target=lines)
        typist.start()
        return typist

    before_load, bar = late_commands(supervisor), []
    _, typist = load_at_the_bar_while(supervisor, type_lines)
    typist.join(10)
    assert sent[0] > 0 and sent[1:] == [None] * 3, sent    # typed among the parts, stamped after the last one
    play_past(supervisor, bar[0])
    none_late_since(supervisor, before_load)
    for slot in supervisor.slots:
        assert [slot.request(("state",))["modules"][f"f{n}"]["params"]["cutoff"] for n in range(3)] == [900, 901, 902]
    assert "extra" in before["modules"] and "extra" not in supervisor.patch_state()["modules"]
    assert rings_in_lockstep(supervisor.rings)


def test_ctrl_c_while_a_loads_parts_are_written_leaves_the_slots_the_whole_load(big_session):
    supervisor, before = big_session
    left: list = []

    def interrupt() -> None:
        writing(supervisor)
        left.append(parts_written(supervisor, 12))
        _thread.interrupt_main()

    before_load, problems = late_commands(supervisor), len(supervisor.problems)
    interrupter = threading.Thread(target=interrupt)
    interrupter.start()
    with pytest.raises(KeyboardInterrupt):
        supervisor.send(Message.parse("/session/load big"))
        time.sleep(5)   # (where a late interrupt lands)
    interrupter.join(10)
    assert left and left[0] > 0, left
    writing_done = time.monotonic() + 10
    while supervisor._writing is not None:
        assert time.monotonic() < writing_done, "the parts were never all written"
        time.sleep(0.01)
    play_past(supervisor, supervisor._last_stamp)
    none_late_since(supervisor, before_load)
    assert supervisor.problems[problems:] == [], supervisor.problems
    for slot in supervisor.slots:    # each slot plays the whole load, as the plan holds it
        assert slot.request(("state",))["modules"].keys() == before["modules"].keys() - {"extra"}
    assert rings_in_lockstep(supervisor.rings)


def test_a_standby_replaced_while_a_loads_parts_are_written_waits_for_the_rest(big_session):
    supervisor, before = big_session

    failovers, problems = len(supervisor.failovers), len(supervisor.problems)

    def kill_the_standby() -> None:
        supervisor.crash("standby")
        deadline = time.monotonic() + 10
        while len(supervisor.failovers) == failovers:
            assert time.monotonic() < deadline, "the standby was never replaced"
            time.sleep(0.001)

    before_load = late_commands(supervisor)
    bar, _ = load_at_the_bar_while(supervisor, kill_the_standby)
    play_past(supervisor, bar)
    none_late_since(supervisor, before_load)
    assert supervisor.problems[problems:] == [], supervisor.problems   # no standby re-synced
    for slot in supervisor.slots:    # each slot plays the whole load: what was saved
        assert slot.request(("state",))["modules"].keys() == before["modules"].keys() - {"extra"}
    assert rings_in_lockstep(supervisor.rings)
