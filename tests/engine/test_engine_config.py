"""An Engine's fault handling is configuration given to it, never a class-wide switch."""
from __future__ import annotations

import copy
import pickle

from chronus_shell.engine.engine import Engine
from chronus_shell.engine.user_modules.hang_guard import HangGuard
from chronus_shell.engine.timeline import Timeline
from chronus_shell.protocol.message import Message


def test_fault_settings_belong_to_one_engine():
    strict = Engine(contain_faults=False)
    assert not strict.contain_faults and Engine().contain_faults
    assert pickle.loads(pickle.dumps(strict)).contain_faults is False and not copy.deepcopy(strict).contain_faults


def test_the_hang_guard_stays_in_its_process_and_follows_a_transaction():
    guard = HangGuard(limit_s=0.1)
    timeline = Timeline(hang_guard=guard)
    assert timeline.engine.hang_guard is guard and Engine().hang_guard is None
    timeline.schedule(Message("/patch/begin"), 0)
    timeline.render_block()
    assert timeline.pending.hang_guard is guard                     # the pending graph is guarded too
    snapshot = pickle.loads(pickle.dumps(timeline))                  # a guard (a timer) never pickles
    assert all(engine.hang_guard is None for engine in snapshot.engines())
    snapshot.guard_hangs(guard)                                      # the slot that plays it gives its own
    assert [engine.hang_guard for engine in snapshot.engines()] == [guard, guard]
