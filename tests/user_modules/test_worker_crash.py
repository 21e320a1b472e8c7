"""A pool worker that dies of a signal: the module is tried once more in a fresh worker, the crashed
try's log (faulthandler's stack) is kept, and a crash never poisons the next try of the same text.
(A crash of the machine's making — 2 in ~25 loaded minutes, docs/tuning.md — used to reject a good
module with its log overwritten by the next validation.)"""
from __future__ import annotations

import sys
import time

import pytest

from chronus_shell.supervisor.user_modules import sandbox_pool
from chronus_shell.supervisor.user_modules.hot_reload import UserModules
from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool

from .conftest import write_module
from .test_hostile import module

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no SIGSEGV on Windows")


def crashing_once(name: str, marker) -> str:
    """A module whose first test render crashes its worker (a native crash), the next one plays."""
    return module(name, f"""
        if not os.path.exists({str(marker)!r}):
            open({str(marker)!r}, "w").close()
            import ctypes
            ctypes.string_at(0)
        return audio_in * 0.5""")


def test_a_worker_crash_is_tried_again_and_its_log_kept(pool, folder, tmp_path):
    path = write_module(folder, "crash_once", crashing_once("crash_once", tmp_path / "crashed"))
    verdict = pool.validate(path)
    assert verdict.ok and verdict.signal is None, verdict.line()
    [kept] = verdict.log_path.parent.glob("crash_once.crash-*.log")
    assert verdict.stats["crash_logs"] == [str(kept)]
    crash = kept.read_text(errors="replace")
    assert "Segmentation fault" in crash and "crash_once.py" in crash      # faulthandler's stack, the module's line
    assert str(kept) in verdict.log_path.read_text()                        # the kept log is named in the new one


def test_a_module_that_always_crashes_says_so_in_one_line(pool, folder):
    path = write_module(folder, "crash_always", module("crash_always", "import ctypes\nctypes.string_at(0)\nreturn audio_in"))
    verdict = pool.validate(path)
    assert not verdict.ok and verdict.signal == "SIGSEGV"
    assert verdict.reason == ("crashes the worker process (SIGSEGV) during the test render, "
                              "and again in a fresh worker"), verdict.reason
    assert ".crash-" in verdict.log_path.name and "=== rejected" in verdict.log_path.read_text(errors="replace")
    assert len(list(folder.parent.glob("**/crash_always.crash-*.log"))) == 2


def test_a_crashed_text_is_validated_again_when_saved_again(pool, folder, tmp_path):
    """Hot reload skips a save whose text was judged already, but not one judged by a crash."""
    marker = tmp_path / "crashed"
    source = module("crash_reload", """
        import ctypes
        if not os.path.exists(%r):
            ctypes.string_at(0)
        return audio_in * 0.5""" % str(marker))
    path = write_module(folder, "crash_reload", source)
    modules = UserModules(pool, on_reject=lambda verdict: None)
    assert modules.reload(path).signal == "SIGSEGV"
    marker.touch()                                    # whatever crashed it is gone: the same text plays
    verdict = modules.reload(path)
    assert verdict is not None and verdict.ok, verdict
    assert modules.reload(path) is None               # an accepted text is not judged twice


def test_a_phase_slowed_by_a_busy_machine_leaves_no_stack_dump(ctx, folder, monkeypatch):
    """The cause of the loaded runs' SIGSEGV: faulthandler's timer in the worker fired when a phase
    outlived the budget while the worker waited for a CPU (the pool extends its own budget by that
    wait), and dumping threads still running crashes now and then (cpython#116008). The stacks are
    now dumped only when the pool kills a hung worker. Here every second counts as waited for a CPU."""
    monkeypatch.setattr(sandbox_pool, "waited_s", lambda pid=None: time.monotonic())
    path = write_module(folder, "slow_init", module("slow_init", init_body="time.sleep(0.4)"))
    with SandboxPool(ctx, size=1, folder=folder, budget_s=0.3) as pool:
        verdict = pool.validate(path)
    assert verdict.ok, verdict.line()
    assert "Timeout" not in verdict.log_path.read_text(errors="replace")
