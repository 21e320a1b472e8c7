"""The gear's threads read the supervisor's shared blocks: they must end before the blocks are
unmapped, however the program ends (a numpy view of an unmapped block is a segfault, not an error).
Each case runs in a child Python, so a crash is a failed assertion rather than a dead test run."""
from __future__ import annotations

import subprocess
import sys

import pytest

from supervisor.conftest import chronus_blocks

LEFT_RUNNING = """
import os, sys, time
from chronus_shell.gear.gear import Gear
from chronus_shell.supervisor import Config, Supervisor
gear = Gear(Supervisor(Config.from_env(backend="null"))).start()
time.sleep(0.3)                   # the sample clock polls the output's block counter meanwhile
if sys.argv[1] == "stop twice":
    gear.stop()
    gear.stop()
elif sys.argv[1] == "supervisor first":  # its blocks closed under the gear's running threads
    gear.supervisor.stop()
    time.sleep(0.3)
    gear.stop()
print(os.getpid())
"""                               # "exit": the program ends without a stop (atexit does it)


@pytest.mark.parametrize("ending", ["exit", "stop twice", "supervisor first"])
def test_a_program_that_ends_with_the_gear_running_exits_cleanly(ending):
    ran = subprocess.run([sys.executable, "-c", LEFT_RUNNING, ending], capture_output=True, text=True,
                         timeout=240)
    assert ran.returncode == 0, (ran.returncode, ran.stderr[-3000:])
    assert "Traceback" not in ran.stderr
    assert [b for b in chronus_blocks() if b.startswith(f"chronus_{ran.stdout.split()[-1]}_")] == []
