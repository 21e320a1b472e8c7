"""docs/tuning.md's table of knobs says what Config does: each numeric knob's default is the one a
start without it gets, and its range is exactly what Config accepts (one past either end is the
one-line ConfigError)."""
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from chronus_shell.supervisor import Config
from chronus_shell.supervisor.config import ConfigError

TUNING = (Path(__file__).resolve().parents[1] / "docs" / "tuning.md").read_text(encoding="utf-8")
ROWS = re.findall(r"^\| `(CHRONUS_\w+)` \| (\d+) \| (\d+)–(\d+)\b", TUNING, re.M)


def test_the_table_lists_the_numeric_knobs():
    assert {row[0] for row in ROWS} >= {"CHRONUS_BUFFER_SIZE", "CHRONUS_SAMPLE_RATE", "CHRONUS_PREFILL_BUFFERS",
                                        "CHRONUS_LEAD_TARGET", "CHRONUS_MAX_CATCHUP", "CHRONUS_EARLY_MARGIN_MS",
                                        "CHRONUS_KEEP_AFTER_READ", "CHRONUS_SLOT_MEMORY_MB"}


@pytest.mark.parametrize("variable, default, low, high", ROWS, ids=[row[0] for row in ROWS])
def test_each_knob_s_default_and_range_are_the_code_s(variable, default, low, high):
    defaults = asdict(Config.from_env(env={}))
    edge = low if low != default else high
    changed = {k: v for k, v in asdict(Config.from_env(env={variable: edge})).items() if v != defaults[k]}
    assert len(changed) == 1, (variable, changed)          # the knob's own field, found by setting it
    field = next(iter(changed))
    assert defaults[field] == int(default), (variable, defaults[field])
    assert Config.from_env(env={variable: high}) and Config.from_env(env={variable: low})
    for outside in (int(low) - 1, int(high) + 1):
        with pytest.raises(ConfigError):
            Config.from_env(env={variable: str(outside)})
