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


def test_the_shell_says_it_compiles_before_its_engine_starts(monkeypatch, capsys):
    import sys

    from chronus_shell.repl import launch

    order = []

    class Supervisor:
        def start(self):
            order.append("engine started")
            return self

    monkeypatch.setattr(engine, "kernels_cached", lambda: False)
    monkeypatch.setattr(engine, "warmup", lambda: order.append("compiled"))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(launch, "_make_supervisor", lambda args: Supervisor())
    starting = launch.start_engine(None)
    starting.started.result(timeout=10)
    assert capsys.readouterr().out == engine.COMPILING + "\n"
    assert order == ["compiled", "engine started"]
