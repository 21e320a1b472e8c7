"""Numba checks a cached kernel against its own file only; the engine stamps every kernel source, so
a change to any of them (a table size in voice_layout.py, a step inlined from voice_steps.py) drops
every cached kernel instead of running one compiled for the old layout."""
from __future__ import annotations

import shutil
from pathlib import Path

from chronus_shell import engine

SOURCES = ("voice_layout.py", "voice_steps.py", "chain_kernels.py", "engine.py")


def _package(tmp_path: Path) -> Path:
    here = Path(engine.__file__).parent
    for name in SOURCES:
        shutil.copy(here / name, tmp_path / name)
    (tmp_path / "__pycache__").mkdir()
    return tmp_path


def _cached(package: Path) -> list[Path]:
    cached = [package / "__pycache__" / "chain_kernels.render_bank-84.py311.nbi",
              package / "__pycache__" / "chain_kernels.render_bank-84.py311.1.nbc"]
    for path in cached:
        path.write_bytes(b"compiled")
    return cached


def test_a_changed_layout_drops_every_cached_kernel(tmp_path, monkeypatch):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    package = _package(tmp_path)
    engine.forget_stale_kernels(package)
    cached = _cached(package)
    engine.forget_stale_kernels(package)
    assert all(path.exists() for path in cached), "nothing changed: the cache stays"
    (package / "engine.py").write_text("# not a kernel source\n")
    engine.forget_stale_kernels(package)
    assert all(path.exists() for path in cached), "a file without kernels changes no kernel"
    layout = package / "voice_layout.py"
    layout.write_text(layout.read_text().replace("COLUMNS = 16", "COLUMNS = 17"))
    engine.forget_stale_kernels(package)
    assert not any(path.exists() for path in cached), "a table size changed: every kernel compiles again"


def test_a_cache_from_before_the_stamp_is_dropped(tmp_path, monkeypatch):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    package = _package(tmp_path)
    cached = _cached(package)
    engine.forget_stale_kernels(package)
    assert not any(path.exists() for path in cached)
    assert (package / "__pycache__" / "kernels.stamp").exists()
