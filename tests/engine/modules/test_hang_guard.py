"""A user module that hangs in process() while it plays is interrupted and bypassed, and the engine
plays on: a Python loop and a blocking sleep (a POSIX timer signal), and a Python loop again with
the watcher thread that stands in where there is no setitimer (Windows)."""
from __future__ import annotations

import signal
import time

import numpy as np
import pytest

from chronus_shell.engine.engine import Engine
from chronus_shell.engine.user_modules.hang_guard import HangGuard
from chronus_shell.engine.user_modules.install import install_user_module, unregister_user_module
from chronus_shell.protocol.message import Message

SOURCE = '''
import time
from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, number


class {name}(Module):
    spec = ModuleSpec("{name}", "processor", (number("gain", "ratio", 0.5, 0, 1, "how loud"),), "halves, then hangs")

    def __init__(self, sample_rate):
        super().__init__(sample_rate)
        self.calls = 0

    def process(self, audio_in, params):
        self.calls += 1
        if self.calls > 10:
            {hang}
        return audio_in * params["gain"]
'''
HANGS = {"spin": "while True: pass", "snooze": "time.sleep(1000)", "whirl": "while True: pass"}


@pytest.mark.parametrize("name", HANGS)
def test_a_hanging_user_module_is_bypassed_and_the_music_goes_on(name, tmp_path):
    if name == "snooze" and not hasattr(signal, "setitimer"):
        pytest.skip("a blocking call is interrupted by a POSIX timer signal; Windows has none")
    path = tmp_path / f"{name}.py"
    path.write_text(SOURCE.format(name=name, hang=HANGS[name]))
    install_user_module(name, path.read_text(), path)
    guard = HangGuard(limit_s=0.1)
    if name == "whirl":
        guard._timer = False                                      # the watcher thread, as on Windows
    try:
        engine = Engine(hang_guard=guard)
        for line in ("/patch/create sine1 sine", f"/patch/create {name}1 {name}", f"/patch/connect sine1 {name}1",
                     f"/patch/connect {name}1 master"):
            engine.schedule(Message.parse(line), 0)
        before = np.concatenate([engine.render(256) for _ in range(10)])
        started = time.monotonic()
        after = np.concatenate([engine.render(256) for _ in range(40)])   # the 11th call hangs
        assert time.monotonic() - started < 2                            # interrupted after ~0.1 s
        [fault] = engine.faults
        assert fault.startswith(f"{name}1 hung in process() for 0.1 s at sample 2560: bypassed")
        assert np.isfinite(after).all()
        # bypassed: the sine passes through dry (twice as loud as through the module at gain 0.5)
        assert np.abs(after[-4096:]).max() == pytest.approx(2 * np.abs(before[-4096:]).max(), rel=0.05)
        engine.render(256)
        assert len(engine.faults) == 1                                   # said once, stays bypassed
    finally:
        unregister_user_module(name)
