"""Fixtures for the DSP tests (helpers live in signals.py)."""
from __future__ import annotations

import numpy as np
import pytest

from chronus_shell.engine.catalogue import CATALOGUE, register
from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, number


class ConstantSource(Module):
    """A test source: a constant `level` (a DC input to look at envelopes sample by sample)."""

    spec = ModuleSpec("dc_test", "source", (number("level", "ratio", 0.5, 0, 1, "constant output"),))

    def process(self, audio_in, params):
        return np.asarray(params["level"], dtype=float).copy()


@pytest.fixture
def register_module():
    """register(cls) for the test's duration; the catalogue is restored afterwards."""
    added: list[str] = []

    def add(cls) -> str:
        assert cls.spec.type not in CATALOGUE
        register(cls)
        added.append(cls.spec.type)
        return cls.spec.type

    yield add
    for name in added:
        CATALOGUE.pop(name, None)


@pytest.fixture
def dc_source(register_module) -> str:
    """The registered type name of a constant (DC) source."""
    return register_module(ConstantSource)


@pytest.fixture
def broken_source(register_module):
    """broken_source(value) -> the registered type name of a source that always outputs `value`."""

    def make(value: float) -> str:
        tag = "nan" if np.isnan(value) else ("inf" if value > 0 else "neginf")
        spec = ModuleSpec(f"broken_{tag}", "source", (), "test source that always outputs NaN/Inf")
        process = lambda self, audio_in, params: np.full(len(audio_in), value)  # noqa: E731
        return register_module(type(f"Broken{tag.title()}", (Module,), {"spec": spec, "process": process}))

    return make
