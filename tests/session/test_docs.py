"""The user docs stay complete: every environment knob of the architecture is in the tuning guide
with its default, and the troubleshooting guide's session errors are the ones the code gives."""
import re
from pathlib import Path

import pytest

from chronus_shell.session.paths import SessionError
from chronus_shell.session.snapshot import save_session
from chronus_shell.supervisor import Config

DOCS = Path(__file__).resolve().parents[2] / "docs"
DEFAULTS = Config.from_env(env={})
KNOBS = {   # the environment knobs (docs/tuning.md), with their defaults (the numbers: the Config's)
    "CHRONUS_BUFFER_SIZE": str(DEFAULTS.block_size), "CHRONUS_SAMPLE_RATE": str(DEFAULTS.sample_rate),
    "CHRONUS_PREFILL_BUFFERS": str(DEFAULTS.prefill_buffers), "CHRONUS_LEAD_TARGET": str(DEFAULTS.lead_target),
    "CHRONUS_MAX_CATCHUP": str(DEFAULTS.max_catchup), "CHRONUS_EARLY_MARGIN_MS": str(DEFAULTS.early_margin_ms),
    "CHRONUS_KEEP_AFTER_READ": str(DEFAULTS.keep_after_read), "CHRONUS_ROUTER": "1", "CHRONUS_WASAPI_EXCLUSIVE": "1 on Windows",
    "CHRONUS_START_METHOD": "`forkserver`", "CHRONUS_HOME": "the platform",
}


@pytest.mark.parametrize("knob, default", KNOBS.items())
def test_every_knob_has_a_row_with_its_default(knob, default):
    rows = [line for line in (DOCS / "tuning.md").read_text().splitlines() if line.startswith(f"| `{knob}` |")]
    assert len(rows) == 1, f"{knob} needs exactly one row in docs/tuning.md"
    cells = [cell.strip() for cell in rows[0].split("|")[1:-1]]
    assert len(cells) == 6 and cells[1].startswith(default) and all(cells[1:4])


def test_troubleshooting_quotes_the_real_overwrite_error(acid_state):
    save_session("night-drive", acid_state)
    with pytest.raises(SessionError) as err:
        save_session("night-drive", acid_state)
    assert f"**`{err.value}`**" in (DOCS / "troubleshooting.md").read_text()


def test_troubleshooting_commands_name_real_cli_options():
    from chronus_shell.cli import build_parser
    options = {opt for action in build_parser()._actions for opt in action.option_strings}
    used = set(re.findall(r"chronus (--[a-z-]+)", (DOCS / "troubleshooting.md").read_text()))
    assert used and used <= options
