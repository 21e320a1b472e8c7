"""Every hostile module is rejected with the right one-line reason, and the pool keeps working."""
from __future__ import annotations

import os
import sys
import textwrap

import pytest

from .conftest import write_module

HEADER = """\
import os, sys, time
import numpy as np
from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, number
"""


def module(name: str, process_body: str = "return audio_in * 0.5", *, role: str = "processor",
           init_body: str = "", top: str = "", spec_type: str | None = None, extra: str = "") -> str:
    """Source of a one-class module whose process() runs `process_body`."""
    init = f"""
    def __init__(self, sample_rate):
        super().__init__(sample_rate)
{textwrap.indent(textwrap.dedent(init_body), ' ' * 8)}
""" if init_body else ""
    return HEADER + textwrap.dedent(top) + f"""
class Hostile(Module):
    spec = ModuleSpec({spec_type or name!r}, {role!r}, (number("amount", "ratio", 0.5, 0, 1, "level"),), "test")
{init}
    def process(self, audio_in, params):
{textwrap.indent(textwrap.dedent(process_body), ' ' * 8)}
""" + textwrap.dedent(extra)


CASES = {
    # name: (source, expected fragment of the reason)
    "raise_import": (module("raise_import", top="raise RuntimeError('broken at import')\n"),
                     "raises RuntimeError at import: broken at import (raise_import.py line 5)"),
    "raise_process": (module("raise_process", "return audio_in / 0 if params['amount'][0] > 1 else 1 / 0"),
                      "raises ZeroDivisionError in process() at block 0 (defaults): division by zero (raise_process.py line"),
    "raise_init": (module("raise_init", init_body="raise ValueError('no init for you')"),
                   "raises ValueError in __init__(): no init for you"),
    "raise_note_on": (module("raise_note_on", extra="""
        def _note_on(self, freq, accent):
            raise KeyError('gate')
        Hostile.note_on = _note_on
        """), "raises KeyError in note_on() at block 0 (defaults): 'gate'"),
    "loop_process": (module("loop_process", "while True:\n    pass"),
                     "hangs (no answer in 2.0 s) during the test render"),
    "loop_import": (module("loop_import", top="while True:\n    pass\n"), "hangs (no answer in 2.0 s) at import"),
    "exit_process": (module("exit_process", "os._exit(1)"),
                     "exits the worker process (exit code 1, os._exit?) during the test render"),
    "sys_exit": (module("sys_exit", "sys.exit(3)"), "calls sys.exit() in process() at block 0 (defaults)"),
    "nan": (module("nan", "return audio_in * np.nan"), "produces NaN at block 0 (defaults)"),
    "inf_later": (module("inf_later", "return audio_in / (params['amount'] - params['amount'])"
                                      " if params['amount'][0] < 0.3 else audio_in.copy()"),
                  "produces "),
    "huge_alloc": (module("huge_alloc", init_body="self.table = np.ones(2**32)"),
                   "needs too much memory in __init__()"),
    "too_slow": (module("too_slow", """
        end = time.thread_time() + 0.004   # 4 ms of its own CPU: a wall-clock spin preempted on a
        while time.thread_time() < end:    # loaded machine did less work (0.44 of real time, let in)
            pass
        return audio_in * 0.5"""), "too slow for real time: process() takes"),
    "shape_2d": (module("shape_2d", "return np.stack([audio_in, audio_in], axis=1)"),
                 "process() returned shape (256, 2), it must be (256,)"),
    "shape_short": (module("shape_short", "return audio_in[:-1] * 0.5"),
                    "process() returned shape (255,), it must be (256,)"),
    "shape_list": (module("shape_list", "return list(audio_in)"),
                   "process() returned list, not a numpy array"),
    "dtype_f32": (module("dtype_f32", "return audio_in.astype(np.float32)"),
                  "process() returned float32 samples, it must return float64"),
    "too_loud": (module("too_loud", "return audio_in * 10.0"), "output reaches 5"),
    "loud_at_max": (module("loud_at_max", "return audio_in * (1.0 + 20.0 * params['amount'] ** 8)"),
                    "(params at their maximum); the limit is ±4"),
    "in_place": (module("in_place", "audio_in *= 0.5\nreturn audio_in.copy()"), "writes into audio_in"),
    "leaky": (module("leaky", """
        leak = np.empty(1 << 16)  # 512 kB per block, every page touched (resident), cheaply
        leak[::512] = 1.0
        self.hoard.append(leak)
        return audio_in * 0.5""", init_body="self.hoard = []"), "memory grows by"),
    "random": (module("random", "return audio_in * 0.5 + 0.01 * np.random.rand(len(audio_in))"),
               "not deterministic"),
    "unpicklable": (module("unpicklable", init_body="self.gen = (i for i in range(10))"),
                    "its state cannot be pickled (TypeError"),
    "syntax": (HEADER + "class Broken(Module)\n    pass\n", "has a syntax error: expected ':' (syntax.py line 5)"),
    "two_classes": (module("two_classes", extra="""
        class Another(Module):
            spec = ModuleSpec("another", "source", ())
            def process(self, audio_in, params):
                return audio_in
        """), "defines 2 Module classes (Another, Hostile): keep exactly one per file"),
    "no_class": (HEADER + "x = 1\n", "defines no Module subclass"),
    "mismatch": (module("mismatch", spec_type="other_name"),
                 "spec type 'other_name' must equal the file name 'mismatch' (mismatch.py)"),
    "bad_default": (HEADER + """
class Bad(Module):
    spec = ModuleSpec("bad_default", "source", (number("gain", "ratio", 2, 0, 1),))
    def process(self, audio_in, params):
        return audio_in.copy()
""", "param gain: default 2 is outside 0–1"),
    "master_role": (module("master_role", role="master"), "role 'master' must be one of"),
    "saw": (module("saw"), "'saw' is already a built-in module name (saw)"),
}
if sys.platform != "win32":
    CASES["segfault"] = (module("segfault", "import ctypes\nctypes.string_at(0)\nreturn audio_in"),
                         "crashes the worker process (SIGSEGV) during the test render")


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_module_rejected(pool, folder, name):
    source, expected = CASES[name]
    if name == "leaky" and sys.platform == "win32":
        pytest.skip("no resident-memory measure on Windows")
    path = write_module(folder, name, source)
    verdict = pool.validate(path)
    assert not verdict.ok, verdict
    assert expected in verdict.reason, verdict.reason
    assert "\n" not in verdict.reason and len(verdict.line()) < 400
    assert verdict.name == name
    if name != "saw":  # refused by its name: the file is never read
        assert verdict.source == source
        assert verdict.log_path is not None and verdict.log_path.exists()
        log = verdict.log_path.read_text(errors="replace")
        assert f"=== rejected: {verdict.reason}" in log


def test_traceback_goes_to_the_log(pool, folder):
    path = write_module(folder, "deep_error", module("deep_error", "return helper(audio_in)", extra="""
        def helper(x):
            return x[1000] * 0.5
        """))
    verdict = pool.validate(path)
    assert verdict.reason.startswith("raises IndexError in process() at block 0 (defaults): index 1000 is out of bounds")
    assert "(deep_error.py line 13)" in verdict.reason
    log = verdict.log_path.read_text()
    assert "Traceback (most recent call last)" in log and "in helper" in log
    assert str(verdict.log_path) in verdict.line()


def test_hang_leaves_its_stack_in_the_log(pool, folder):
    path = write_module(folder, "stuck", module("stuck", "return spin(audio_in)", extra="""
        def spin(x):
            while True:
                x = x + 0
        """))
    verdict = pool.validate(path)
    assert verdict.reason == "hangs (no answer in 2.0 s) during the test render"
    # 2 s of its own running time: waiting for a CPU is not hanging (sandbox_pool), so a loaded
    # machine stretches the wall time (6.1 s at load 20 on 2 cores)
    assert 2.0 <= verdict.seconds < 4.0 * _cores_oversubscribed()
    log = verdict.log_path.read_text(errors="replace")
    assert "in spin" in log  # faulthandler dumped the stack before the pool killed the worker


def test_prints_go_to_the_log_not_the_terminal(pool, folder, capfd):
    path = write_module(folder, "chatty", module("chatty", top="print('hello from chatty')\n"))
    verdict = pool.validate(path)
    assert verdict.ok, verdict.reason
    assert "hello from chatty" in verdict.log_path.read_text()
    assert "hello from chatty" not in capfd.readouterr().out


def test_pool_replaces_killed_workers_and_keeps_working(pool, folder):
    before = pool.stats()["replacements"]
    crash = write_module(folder, "crash_again", module("crash_again", "os._exit(1)"))
    good = write_module(folder, "fine_after", module("fine_after"))
    for _ in range(3):
        assert "exit code 1" in pool.validate(crash).reason
        verdict = pool.validate(good)
        assert verdict.ok, verdict.reason
    deadline = __import__("time").monotonic() + 30
    while pool.stats()["replacements"] < before + 6 and __import__("time").monotonic() < deadline:
        __import__("time").sleep(0.05)
    stats = pool.stats()
    assert stats["replacements"] >= before + 6, stats
    assert stats["broken"] is None


def test_good_module_accepted(pool, folder):
    path = write_module(folder, "halver", module("halver"))
    verdict = pool.validate(path)
    assert verdict.ok, verdict.reason
    assert verdict.reason == "" and verdict.spec.type == "halver" and verdict.class_name == "Hostile"
    assert verdict.spec.param("amount").high == 1.0
    assert verdict.stats["blocks"] == 300 and verdict.stats["rt_factor"] < 0.5
    assert verdict.line().startswith("module halver ready (")
    assert verdict.payload() == ("halver", verdict.source, str(path))


def test_paths_outside_the_folder_are_refused(pool, folder, tmp_path):
    outside = tmp_path / "evil.py"
    outside.write_text(module("evil"))
    verdict = pool.validate(outside)
    assert not verdict.ok and "is not directly inside the modules folder" in verdict.reason
    assert verdict.log_path is None

    link = folder / "linked.py"
    if link.is_symlink() or link.exists():
        link.unlink()
    try:
        link.symlink_to(outside)
    except (OSError, NotImplementedError):
        pytest.skip("no symlinks here")
    verdict = pool.validate(link)
    assert not verdict.ok and "is not directly inside the modules folder" in verdict.reason
    link.unlink()

    sub = folder / "sub"
    sub.mkdir(exist_ok=True)
    (sub / "nested.py").write_text(module("nested"))
    assert "is not directly inside" in pool.validate(sub / "nested.py").reason
    assert "is not directly inside" in pool.validate(folder / ".." / "modules" / "sub" / "nested.py").reason


def test_bad_file_names_are_refused(pool, folder):
    for stem in ("My-Mod", "class", "9lives", "Upper"):
        path = folder / f"{stem}.py"
        path.write_text(module(stem.lower()))
        verdict = pool.validate(path)
        assert not verdict.ok and "bad module file name" in verdict.reason, (stem, verdict.reason)
        path.unlink()
    assert "does not exist" in pool.validate(folder / "missing.py").reason
    (folder / "empty.py").write_text("")
    assert "empty.py is empty" in pool.validate(folder / "empty.py").reason


def test_a_module_assuming_full_blocks_is_caught(pool, folder):
    """Sequencer steps split blocks: process() must follow len(audio_in), never the block size."""
    path = write_module(folder, "fixed_block", module("fixed_block", "return audio_in * self.window",
                                                      init_body="self.window = np.hanning(256)"))
    verdict = pool.validate(path)
    assert not verdict.ok
    assert verdict.reason.startswith("raises ValueError in process() at block 64 (gate closed): operands could "
                                     "not be broadcast together with shapes (37,) (256,)"), verdict.reason
    assert verdict.reason.endswith("(fixed_block.py line 14)")


def _cores_oversubscribed() -> float:
    """How many times over the CPUs are asked for (the last minute's load per core), at least 1."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return max(1.0, load / (os.cpu_count() or 1))
