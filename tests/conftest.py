"""Settings for the whole test run."""
import os

import pytest

# Process tests check lockstep, failover and timing logic, not CPU headroom: with slots rendering 6
# blocks (32 ms) ahead instead of 3, a busy 2-core test machine cannot starve the output by
# accident. Benchmarks (benchmarks/bench_supervisor.py) measure the defaults.
os.environ.setdefault("CHRONUS_LEAD_TARGET", "6")


@pytest.fixture(autouse=True)
def chronus_home(tmp_path, monkeypatch):
    """Every test gets its own data dir (history, sessions, autosave, logs), never the user's."""
    home = tmp_path / "chronus-home"
    monkeypatch.setenv("CHRONUS_HOME", str(home))
    return home

