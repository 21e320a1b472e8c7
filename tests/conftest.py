"""Settings for the whole test run."""
import os
import re

import pytest

# Process tests check lockstep, failover and timing logic, not CPU headroom: with slots rendering 6
# blocks ahead instead of the default 1 (16 ms at the default 128 frames), a busy 2-core test machine cannot
# starve the output by accident. Benchmarks (benchmarks/bench_failover.py, bench_soak.py, …) measure the defaults.
os.environ.setdefault("CHRONUS_LEAD_TARGET", "6")
# scripts/test.sh runs the tests in a pytest-xdist worker, which sets COLUMNS=80 and LINES=24 for
# itself: the shell's tables and wrapped lines are sized as in a plain pytest run, without them.
if os.environ.get("PYTEST_XDIST_WORKER"):
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)


def pytest_configure(config):
    """A kernel cached before a change to another kernel file is dropped before any test renders."""
    from chronus_shell.engine import forget_stale_kernels
    forget_stale_kernels()


@pytest.fixture(autouse=True)
def chronus_home(tmp_path, monkeypatch):
    """Every test gets its own data dir (history, sessions, autosave, logs), never the user's."""
    home = tmp_path / "chronus-home"
    monkeypatch.setenv("CHRONUS_HOME", str(home))
    return home



WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "twice": 2}


def _figure_said(text: str, sentence: str) -> float:
    """The number a doc gives where `sentence` has (N) (words like 'four' read as numbers)."""
    pattern = re.escape(sentence).replace(re.escape("(N)"), r"(\w+(?:\.\d+)?)")
    found = re.search(pattern, " ".join(text.split()))
    assert found, f"the doc no longer says {sentence!r}"
    return float(WORD_NUMBERS.get(found.group(1), found.group(1)))


@pytest.fixture
def figure_said():
    """`figure_said(doc_text, "polled every (N) ms")` → 50.0: documented figures checked against the code."""
    return _figure_said
