"""Hot reload: a saved change is validated and swapped in keeping param values; a failed validation
keeps the old version and reports the error; a new file is usable at once; the watcher sees it all."""
from __future__ import annotations

import os
import queue
import shutil
import time

import numpy as np
import pytest

from chronus_shell.engine.catalogue import CATALOGUE
from chronus_shell.engine.timeline import Timeline
from chronus_shell.engine.user_modules.install import install_user_module, unregister_user_module
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor.user_modules.hot_reload import ModuleWatcher, UserModules
from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool

from .conftest import EXAMPLES

WAIT_S = 30.0  # generous: CI machines are slow and spawn workers take a second to start


@pytest.fixture(scope="module")
def reload_setup(ctx, chronus_home, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reload-modules").resolve()
    shutil.copyfile(EXAMPLES / "bitwarp.py", folder / "bitwarp.py")
    with SandboxPool(ctx, size=2, folder=folder) as pool:
        yield pool, folder
    for name in ("bitwarp", "newcomer"):
        unregister_user_module(name)


def save(path, text):
    """Write like an editor does: a new mtime even within the same clock tick."""
    old = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    if path.stat().st_mtime_ns == old:
        os.utime(path, ns=(old + 1_000_000, old + 1_000_000))


def test_hot_reload_end_to_end(reload_setup):
    pool, folder = reload_setup
    events: queue.Queue = queue.Queue()
    timeline = Timeline(48000, 256)  # stands in for a slot: it installs what on_accept receives

    def accepted(verdict):
        install_user_module(*verdict.payload(), timeline)
        events.put(("accept", verdict, time.perf_counter()))

    modules = UserModules(pool, on_accept=accepted, on_reject=lambda v: events.put(("reject", v, time.perf_counter())),
                          on_notice=lambda text: events.put(("notice", text, time.perf_counter())))
    verdicts = modules.load_all()
    assert [v.ok for v in verdicts] == [True], [v.line() for v in verdicts]
    assert events.get(timeout=1)[0] == "accept"
    assert CATALOGUE["bitwarp"].spec.param("bits").default == 8.0

    for msg in (Message("/patch/create", ("saw1", "saw")), Message("/patch/create", ("bw1", "bitwarp")),
                Message("/patch/connect", ("saw1", "bw1")), Message("/patch/connect", ("bw1", "master")),
                Message("/mod/bw1/bits", (4,)), Message("/mod/bw1/edge", ("hard",)),
                Message("/gate/saw1", (1, 110.0))):
        timeline.schedule(msg, 0)
    first = [timeline.render_block() for _ in range(8)]
    modules.start()
    try:
        path = folder / "bitwarp.py"
        original = path.read_text()

        # 1. a good change: validated, swapped in, param values kept
        changed = original.replace('number("mix", "ratio", 1, 0, 1, "dry/wet balance"',
                                   'number("mix", "ratio", 0.25, 0, 1, "dry/wet balance"')
        assert changed != original
        saved = time.perf_counter()
        save(path, changed)
        kind, verdict, when = events.get(timeout=WAIT_S)
        assert kind == "accept" and verdict.ok and verdict.source == changed
        print(f"save → accepted: {(when - saved) * 1e3:.0f} ms")
        assert CATALOGUE["bitwarp"].spec.param("mix").default == 0.25  # the language sees v2 at once
        module = timeline.engine.modules["bw1"]
        assert type(module).__module__ == "chronus_user.bitwarp"
        assert module.targets["bits"] == 4.0 and module.targets["edge"] == "hard"
        assert module.targets["mix"] == 1.0  # a param value set before (the default then) is kept
        assert np.isfinite(timeline.render_block()).all()

        # 2. a broken change: rejected, the old version keeps playing and stays in the catalogue
        save(path, changed.replace("return (1.0 - mix) * audio_in + mix * wet", "return wet[::2]"))
        kind, verdict, _ = events.get(timeout=WAIT_S)
        assert kind == "reject" and "process() returned shape (128,)" in verdict.reason
        kind, text, _ = events.get(timeout=WAIT_S)
        assert kind == "notice" and text == "bitwarp: the previous version keeps playing"
        assert modules.accepted["bitwarp"].source == changed
        assert CATALOGUE["bitwarp"].spec.param("mix").default == 0.25
        assert timeline.engine.modules["bw1"] is module

        # 3. fixed again → accepted; touching without a change → nothing
        save(path, changed.replace('"dry/wet balance"', '"dry/wet mix"'))
        assert events.get(timeout=WAIT_S)[0] == "accept"
        os.utime(path)
        with pytest.raises(queue.Empty):
            events.get(timeout=0.5)

        # 4. a new module file: usable at once
        newcomer = (EXAMPLES / "bitwarp.py").read_text().replace('"bitwarp"', '"newcomer"').replace(
            '("lofi", "bitcrush", "bit_warp")', '("newbie",)')
        save(folder / "newcomer.py", newcomer)
        kind, verdict, _ = events.get(timeout=WAIT_S)
        assert kind == "accept" and verdict.name == "newcomer" and "newcomer" in CATALOGUE
        assert [p[0] for p in modules.payload()] == ["bitwarp", "newcomer"]

        # 5. deleting a file: a notice, the type stays
        (folder / "newcomer.py").unlink()
        kind, text, _ = events.get(timeout=WAIT_S)
        assert kind == "notice" and "newcomer.py was deleted: newcomer stays loaded" in text
        assert "newcomer" in CATALOGUE
    finally:
        modules.stop()
    assert first[0].dtype == np.float32


def test_watcher_reports_created_changed_deleted(tmp_path):
    seen = []
    watcher = ModuleWatcher(tmp_path, seen.append, interval=0.02)
    (tmp_path / "before.py").write_text("x")
    watcher.start()
    try:
        time.sleep(0.1)
        assert seen == []  # files present at start are not reported
        (tmp_path / "fresh.py").write_text("x")
        (tmp_path / ".hidden.py").write_text("x")
        (tmp_path / "notes.txt").write_text("x")
        deadline = time.monotonic() + 5
        while not seen and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)
        assert seen == [tmp_path / "fresh.py"]
        (tmp_path / "before.py").unlink()
        deadline = time.monotonic() + 5
        while len(seen) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert seen[1] == tmp_path / "before.py"
    finally:
        watcher.stop()
    assert not watcher.errors


def test_a_file_caught_empty_mid_save_is_not_reported_until_its_text_lands(tmp_path, monkeypatch):
    """`cp new.py shaper.py` truncates first: a poll in between must not refuse 'shaper.py is empty'."""
    from chronus_shell.supervisor.user_modules import hot_reload

    watcher = ModuleWatcher(tmp_path, lambda path: None, settle=0)
    module = tmp_path / "shaper.py"
    module.write_text("x = 1\n")
    watcher.start()
    watcher.stop()
    module.write_text("")                                   # truncated: the copy has not written yet
    assert watcher.poll() == []
    module.write_text("x = 2\n")
    assert watcher.poll() == [module]
    module.write_text("")                                   # emptied on purpose and left so
    monkeypatch.setattr(hot_reload, "EMPTY_GRACE_S", 0.0)
    assert watcher.poll() == [module]                       # reported (and refused as empty)
