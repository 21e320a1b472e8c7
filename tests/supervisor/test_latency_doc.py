"""docs/tuning.md's latency figures are computed from the Config the code uses, not written by hand."""
from __future__ import annotations

import re
from pathlib import Path

from chronus_shell.supervisor import Config
from chronus_shell.supervisor.latency import BEGIN_PHASE, ahead_blocks, formula_ms, margin_blocks

TUNING = Path(__file__).resolve().parents[2] / "docs" / "tuning.md"


def test_the_defaults_line_is_the_formula_of_the_default_config():
    text = TUNING.read_text()
    config = Config.from_env(env={})
    block_ms = 1000 * config.block_size / config.sample_rate
    assert (f"({ahead_blocks(config)} + {margin_blocks(config)} + ½ − {BEGIN_PHASE}) × {block_ms:.1f} ms "
            f"(≈ {formula_ms(config):.1f} ms)") in text


def test_every_documented_setting_s_latency_is_what_the_code_gives():
    text = " ".join(TUNING.read_text().split())
    documented = re.findall(r"`((?:CHRONUS_\w+=\d+ ?)+)` \(≈ ([\d.]+) ms", text)
    assert len(documented) >= 3, documented
    for settings, figure in documented:
        env = dict(pair.split("=") for pair in settings.split())
        assert f"{formula_ms(Config.from_env(env=env)):.1f}" == figure, (settings, figure)
