"""No orphans: after stop, quit or a killed shell, every child process and shared block is gone."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from chronus_shell.engine.engine import EngineError
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.child_processes import SupervisorError
from chronus_shell.supervisor.rings import WRITTEN

from .conftest import ROOT, children_of, chronus_blocks


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_gone(pids, seconds: float = 10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = [p for p in pids if _alive(p)]
        if not left:
            return []
        time.sleep(0.05)
    return [p for p in pids if _alive(p)]


def test_stop_leaves_no_process_and_no_block():
    def mine():
        return [b for b in chronus_blocks() if b.startswith(f"chronus_{os.getpid()}_")]

    supervisor = Supervisor(Config.from_env(backend="null")).start()
    pids = [c.pid for c in [supervisor.output, *supervisor.slots, *supervisor.spares]]
    assert len(mine()) == 4  # control, two rings, the record ring
    supervisor.stop()
    assert _wait_gone(pids, 5) == []
    assert mine() == []
    supervisor.stop()  # twice is harmless


def test_a_start_that_fails_leaves_no_process_and_no_block():
    """No such audio device: the start says so, and stops what it had started (its slots, the spares, the shared
    blocks) — until this session they were left to the shell's exit, and the next start in the same process failed
    on a block of the same name."""
    def mine():
        return [b for b in chronus_blocks() if b.startswith(f"chronus_{os.getpid()}_")]

    before = set(children_of(os.getpid()))
    for _ in range(2):   # the second start is not refused by the first one's leftovers
        supervisor = Supervisor(Config.from_env(backend="sounddevice", device="no such device 42"))
        with pytest.raises(SupervisorError, match="cannot open the audio output"):
            supervisor.start()
        assert mine() == []
        assert _wait_gone(set(children_of(os.getpid())) - before, 5) == []
    supervisor.stop()  # harmless after a failed start


def test_live_edits_keep_the_slots_in_lockstep():
    """Params, gates and new modules reach both slots stamped with the same sample."""
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        for line in ("/patch/create saw1 saw", "/patch/create adsr1 adsr", "/patch/connect saw1 adsr1",
                     "/patch/connect adsr1 master"):
            supervisor.send(Message.parse(line))
        for step in range(60):
            supervisor.send(Message("/mod/saw1/freq", (100.0 + 7 * step,)))
            supervisor.send(Message("/gate/saw1", (step % 2,)))
            time.sleep(0.004)
        time.sleep(0.2)
        a, b = supervisor.rings
        last = int(min(a.header[WRITTEN], b.header[WRITTEN]))
        blocks = [i % a.capacity for i in range(last - 5, last)]  # rendered after the last edit
        assert np.abs(a.audio[blocks]).max() > 0.01
        assert np.array_equal(a.audio[blocks], b.audio[blocks])
        late = sum(row["late_commands"] for row in supervisor.status()["slots"])
        assert late == 0 or any("re-synced" in p for p in supervisor.problems)  # a loaded machine


def test_a_refused_message_changes_nothing():
    with Supervisor(Config.from_env(backend="null")) as supervisor:
        supervisor.send(Message.parse("/patch/create saw1 saw"))
        with pytest.raises(EngineError, match="20–20000"):
            supervisor.send(Message.parse("/mod/saw1/freq 99999"))
        with pytest.raises(EngineError, match="saw1"):
            supervisor.send(Message.parse("/mod/saw2/freq 200"))
        assert supervisor.patch_state()["modules"]["saw1"]["params"]["freq"] == 220


def test_a_killed_shell_leaves_no_orphans(tmp_path):
    """SIGKILL the `chronus run` process: its children notice the closed pipes and exit, and the
    resource tracker unlinks the shared blocks."""
    script = tmp_path / "long.chr"
    script.write_text("add a saw at 110 hz\nwait 30s\n")
    shell = subprocess.Popen([sys.executable, "-m", "chronus_shell.cli", "run", str(script), "--backend", "null"],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(children_of(shell.pid)) < 5 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    children = children_of(shell.pid)
    assert len(children) >= 5  # forkserver/resource tracker, output, two slots, a spare
    os.kill(shell.pid, signal.SIGKILL)
    shell.wait()
    assert _wait_gone(children) == []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(b.startswith(f"chronus_{shell.pid}_") for b in chronus_blocks()):
        time.sleep(0.05)
    assert not [b for b in chronus_blocks() if b.startswith(f"chronus_{shell.pid}_")]


def test_ctrl_c_on_run_stops_cleanly(tmp_path):
    script = tmp_path / "long.chr"
    script.write_text("add a saw at 110 hz\nwait 30s\n")
    shell = subprocess.Popen([sys.executable, "-m", "chronus_shell.cli", "run", str(script), "--backend", "null"],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(children_of(shell.pid)) < 5 and time.monotonic() < deadline:
        time.sleep(0.1)
    children = children_of(shell.pid)
    shell.send_signal(signal.SIGINT)
    _, err = shell.communicate(timeout=30)
    assert "Traceback" not in err
    assert _wait_gone(children) == []


STOP_DURING_RESTORE = """
import os, sys, time
from chronus_shell.protocol.message import Message
from chronus_shell.supervisor import Config, Supervisor
from chronus_shell.supervisor.child_processes import SupervisorError
supervisor = Supervisor(Config.from_env(backend="null")).start()
supervisor.send(Message.parse("/patch/create saw1 saw"))
supervisor.send(Message.parse("/patch/connect saw1 master"))
time.sleep(0.3)
for delay in [float(d) for d in sys.argv[1:]]:
    supervisor.crash("active"); supervisor.crash("standby")
    time.sleep(delay)
    supervisor.stop()
    supervisor = Supervisor(Config.from_env(backend="null")).start()
supervisor.stop()
print(os.getpid())
"""


def test_stop_while_a_restore_is_under_way_ends_cleanly(tmp_path):
    """Both slots killed, then the shell stops before, during or after the restore: the restore
    thread must not touch a block stop() unmapped (that was a segfault of the whole shell, in CI)."""
    delays = ["0", "0.005", "0.02", "0.05", "0.1", "0.2"]
    ran = subprocess.run([sys.executable, "-c", STOP_DURING_RESTORE, *delays], capture_output=True,
                         text=True, timeout=240)
    assert ran.returncode == 0, (ran.returncode, ran.stderr[-3000:])
    assert [b for b in chronus_blocks() if b.startswith(f"chronus_{ran.stdout.split()[-1]}_")] == []
