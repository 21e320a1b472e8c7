"""Pool workers never outlive the shell: stop() ends them, so does the shell dying (even mid-hang);
Ctrl-C is the shell's business, never the workers'."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool

from .conftest import ROOT


def write_spinner(folder, name: str) -> None:
    """A module whose `process()` never returns (a loop in Python code)."""
    (folder / f"{name}.py").write_text(textwrap.dedent(f"""
        from chronus_shell.engine.modules.base import Module
        from chronus_shell.engine.params import ModuleSpec
        class Spinner(Module):
            spec = ModuleSpec("{name}", "source", ())
            def process(self, audio_in, params):
                while True:
                    pass
    """))


def alive(pid: int) -> bool:
    """POSIX only (on Windows os.kill(pid, 0) would terminate the process)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is dead for our purpose
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def wait_gone(pids, timeout=10.0) -> list[int]:
    deadline = time.monotonic() + timeout
    left = list(pids)
    while left and time.monotonic() < deadline:
        left = [p for p in left if alive(p)]
        time.sleep(0.05)
    return left


def test_stop_ends_every_worker(ctx, folder):
    pool = SandboxPool(ctx, size=2, folder=folder).start()
    processes = [worker.process for worker in pool._idle]
    assert len(processes) == 2 and all(p.is_alive() for p in processes)
    pool.stop()
    assert not any(p.is_alive() for p in processes)
    assert pool.worker_pids() == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_workers_ignore_sigint(pool):
    pids = pool.worker_pids()
    for pid in pids:
        os.kill(pid, signal.SIGINT)
    time.sleep(0.3)
    assert all(alive(pid) for pid in pids)
    assert pool.stats()["idle"] == pool.size


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL of the parent")
def test_workers_die_with_the_shell_even_mid_hang(tmp_path):
    """A shell killed by SIGKILL (no cleanup at all) while a worker spins in a user loop."""
    folder = tmp_path / "modules"
    folder.mkdir()
    write_spinner(folder, "spin")
    script = textwrap.dedent("""
        import multiprocessing, sys, threading, time
        from chronus_shell.supervisor.config import Config
        from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool
        if __name__ == "__main__":
            folder = sys.argv[1]
            ctx = multiprocessing.get_context(Config.from_env().start_method)
            pool = SandboxPool(ctx, size=2, folder=folder, budget_s=60).start()
            pids = pool.worker_pids()
            threading.Thread(target=pool.validate, args=(folder + "/spin.py",), daemon=True).start()
            time.sleep(1.0)  # the worker is now spinning in process()
            print(*pids, flush=True)
            time.sleep(60)
    """)
    env = dict(os.environ, CHRONUS_HOME=str(tmp_path / "home"))
    shell = subprocess.Popen([sys.executable, "-c", script, str(folder)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        pids = [int(p) for p in shell.stdout.readline().split()]
        assert len(pids) == 2 and all(alive(p) for p in pids)
        shell.kill()
        shell.wait(10)
        assert wait_gone(pids, timeout=10) == []
    finally:
        if shell.poll() is None:
            shell.kill()


def test_stop_during_a_validation_returns_a_verdict(ctx, folder):
    write_spinner(folder, "slowpoke")
    pool = SandboxPool(ctx, size=1, folder=folder, budget_s=30).start()
    import threading
    verdicts = []
    runner = threading.Thread(target=lambda: verdicts.append(pool.validate(folder / "slowpoke.py")))
    runner.start()
    time.sleep(1.0)
    pool.stop()
    runner.join(10)
    assert verdicts and not verdicts[0].ok
    assert verdicts[0].reason == "the sandbox pool stopped during its validation"
