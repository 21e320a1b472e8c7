"""Start-up: a warm start loads the kernels quietly; the first run after an install says it compiles."""
from __future__ import annotations

import chronus_shell.engine as engine


def test_the_first_run_after_an_install_says_it_compiles(monkeypatch):
    said, compiled = [], []
    monkeypatch.setattr(engine, "kernels_cached", lambda: False)
    monkeypatch.setattr(engine, "warmup", lambda: compiled.append(True))
    engine.compile_if_needed(said.append)
    assert said == [engine.COMPILING] and compiled == [True]


def test_a_warm_start_compiles_nothing_and_says_nothing(monkeypatch):
    said = []
    monkeypatch.setattr(engine, "kernels_cached", lambda: True)
    monkeypatch.setattr(engine, "warmup", lambda: said.append("compiled"))
    engine.compile_if_needed(said.append)
    assert said == []


def test_the_kernels_are_cached_once_warmed_up():
    engine.warmup()
    assert engine.kernels_cached()
