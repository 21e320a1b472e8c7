"""docs/modules.md quotes the sandbox pool's figures: they are the code's (no process is started)."""
import inspect
from pathlib import Path

import pytest

from chronus_shell.engine.user_modules.hang_guard import HANG_LIMIT_S
from chronus_shell.supervisor.user_modules import hot_reload, validation
from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool

DOC = (Path(__file__).resolve().parents[2] / "docs" / "modules.md").read_text(encoding="utf-8")
POOL = {name: p.default for name, p in inspect.signature(SandboxPool).parameters.items()}

FIGURES = [
    ("the folder is polled every (N) ms", hot_reload.POLL_S * 1000),
    ("the shell hands it to the **sandbox pool**: (N) pre-started worker processes", POOL["size"]),
    ("**test render** — (N) warm-up blocks", validation.WARMUP_BLOCKS),
    ("warm-up blocks, then (N) blocks", POOL["blocks"]),
    ("render (N) more blocks, which must be identical", validation.CHECK_BLOCKS),
    ("finite, |x| ≤ (N),", validation.PEAK_LIMIT),
    ("Each phase has (N) s of wall time", POOL["budget_s"]),
    ("address space capped (N) GB above its start size", POOL["memory_limit_mb"] / 1024),
    ("memory that keeps growing ((N) MB over the test render)", POOL["growth_limit_mb"]),
    ("the pool waits, up to (N) s in all", POOL["compile_budget_s"]),
    ("(limit (N)%)", POOL["rt_limit"] * 100),
    ("of `process()` that takes longer than (N) s is interrupted", HANG_LIMIT_S),
]


@pytest.mark.parametrize("sentence, value", FIGURES, ids=[s for s, _ in FIGURES])
def test_a_figure_in_the_modules_doc_is_the_codes(sentence, value, figure_said):
    assert figure_said(DOC, sentence) == pytest.approx(value)
