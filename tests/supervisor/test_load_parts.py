"""A session's load at its bar goes in parts, the supervisor's lock let go between them (supervisor/fan_out.py).

Real slots on the null device: a line typed while the parts are written is stamped at once (before the bar), is not
taken for a part by either slot (cushion.Ahead matches an item to its change by its stamp), and a standby killed
meanwhile is replaced from a snapshot taken between two parts and told the parts still to come — the bar plays the
whole load in both slots, none of its messages late.
"""
from __future__ import annotations

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


def test_a_line_typed_while_a_loads_parts_are_written_is_stamped_at_once(big_session):
    supervisor, before = big_session

    def type_lines() -> list[tuple[float, int]]:
        typed = []
        for n in range(5):
            started, msg = time.perf_counter(), Message.parse(f"/mod/f{n}/cutoff {900 + n}")
            supervisor.send(msg)
            stamp = next(item[1] for item in reversed(supervisor.replay) if item[-1] is msg)
            typed.append((time.perf_counter() - started, stamp))
            time.sleep(0.01)
        return typed

    before_load = late_commands(supervisor)
    bar, typed = load_at_the_bar_while(supervisor, type_lines)
    assert all(stamp < bar for _, stamp in typed), (bar, typed)   # now, not after the load's bar
    assert max(took for took, _ in typed) < 0.05, typed           # a part's write at most, not all of them (0.4 s)
    play_past(supervisor, bar)
    none_late_since(supervisor, before_load)
    assert "extra" in before["modules"] and "extra" not in supervisor.patch_state()["modules"]
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
