"""A message the Timeline accepted in the order it was sent but which fails at its own, earlier sample (a /mod
stamped before the timed create of its module) is dropped with a fault line: the music plays on. The supervisor
never stamps one so (supervisor/order.py); this is what keeps a slot alive should any other path do it."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine.timeline import Timeline
from chronus_shell.protocol.message import Message


def test_a_message_that_fails_at_its_sample_is_dropped_and_the_rest_plays():
    timeline = Timeline(48000, 256)
    timeline.schedule(Message.parse("/patch/create early sine"), 0)
    timeline.schedule(Message.parse("/patch/connect early master"), 0)
    timeline.schedule(Message.parse("/patch/create late saw"), 2560)
    timeline.schedule(Message.parse("/mod/late/freq 330"), 512)        # sent after the create, stamped before it
    timeline.schedule(Message.parse("/patch/connect late master"), 600)
    audio = np.concatenate([timeline.render_block() for _ in range(20)])
    assert np.isfinite(audio).all() and np.abs(audio[:, 0]).max() > 0.1
    faults = timeline.status()["faults"]
    assert [fault.split(":")[0] for fault in faults] == ["/mod/late/freq 330 (at sample 512)",
                                                         "/patch/connect late master (at sample 600)"]
    assert all(fault.endswith("— dropped") and "no module 'late'" in fault for fault in faults)
    assert "late" in timeline.engine.modules                           # the create itself, at its sample
