"""User modules in the running supervisor: accepted → playable in both slots in lockstep; a hot
reload switches both slots at one block; a failover after a reload loses nothing."""
from __future__ import annotations

import contextlib
import time

import numpy as np

from chronus_shell.engine.user_modules.install import unregister_user_module
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.user_modules.hot_reload import UserModules
from chronus_shell.supervisor.rings import WRITTEN

from .conftest import copy_example, write_module


def _rings_agree(supervisor) -> bool:
    a, b = supervisor.rings
    last = int(min(a.header[WRITTEN], b.header[WRITTEN]))
    blocks = [i % a.capacity for i in range(max(0, last - a.capacity + 2), last)]
    return bool(np.array_equal(a.audio[blocks], b.audio[blocks]))


@contextlib.contextmanager
def _a_saw_through(pool, path, name: str, *settings: str):
    """A Supervisor playing saw1 → <name>1 → master with the module at `path` accepted; its modules
    (for hot reload) alongside. The module file and its type are gone afterwards."""
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        modules = UserModules(pool, on_accept=lambda v: supervisor.install_user_module(*v.payload()))
        try:
            verdicts = modules.load_all()
            assert any(v.ok and v.name == name for v in verdicts), [v.line() for v in verdicts]
            for line in ("/patch/create saw1 saw", f"/patch/create {name}1 {name}", f"/patch/connect saw1 {name}1",
                         f"/patch/connect {name}1 master", *settings):
                supervisor.send(Message.parse(line))
            yield supervisor, modules
        finally:
            modules.stop()
            path.unlink()
            unregister_user_module(name)


def test_an_accepted_module_plays_in_both_slots_and_survives_reload_and_failover(pool, folder):
    path = copy_example(folder, "bitwarp")
    with _a_saw_through(pool, path, "bitwarp", "/mod/bitwarp1/bits 4") as (supervisor, modules):
        time.sleep(0.4)
        assert supervisor.status()["level"] > 0.05
        assert _rings_agree(supervisor)
        modules.start()  # hot reload: a new version (a quieter mix) replaces the old at one block
        path.write_text(path.read_text().replace('"mix", "ratio", 1,', '"mix", "ratio", 0.5,'))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and modules.accepted["bitwarp"].source != path.read_text():
            time.sleep(0.05)
        assert modules.accepted["bitwarp"].source == path.read_text()
        time.sleep(0.3)
        assert _rings_agree(supervisor)
        assert supervisor.patch_state()["modules"]["bitwarp1"]["params"]["bits"] == 4  # kept
        supervisor.crash("active")
        time.sleep(0.5)
        assert supervisor.failovers and supervisor.status()["lost_blocks"] == 0
        assert _rings_agree(supervisor)
        assert not supervisor.problems


LATE_HANG = '''
from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, number


class Latehang(Module):
    """Passes the sandbox's test render, then hangs for good after ~3 s of playing."""
    spec = ModuleSpec("latehang", "processor", (number("gain", "ratio", 0.5, 0, 1, "how loud"),), "hangs late")

    def __init__(self, sample_rate):
        super().__init__(sample_rate)
        self.calls = 0

    def process(self, audio_in, params):
        self.calls += 1
        while self.calls > 600:
            pass
        return audio_in * params["gain"]
'''


def test_a_module_that_hangs_late_is_bypassed_in_both_slots_and_the_music_goes_on(pool, folder):
    """Both slots hang at the same call (lockstep): the output's watchdog ends both within a few
    blocks, the supervisor restores them with the module bypassed (its marker names it), says so
    once, and the saw plays on, dry, the two slots in step again."""
    path = write_module(folder, "latehang", LATE_HANG)
    with _a_saw_through(pool, path, "latehang") as (supervisor, _):
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not supervisor.restores:
            time.sleep(0.1)
        [line] = [p for p in supervisor.problems if "latehang1" in p]
        assert line.startswith("latehang1 (latehang) stalled in process(): bypassed"), line
        time.sleep(0.5)
        assert supervisor.status()["level"] > 0.05                   # the saw plays on
        assert _rings_agree(supervisor) and supervisor.restores[0]["gap_s"] < 0.5
