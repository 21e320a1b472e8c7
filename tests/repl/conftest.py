"""Shared fixtures: a translator with a small patch (each test's data dir comes from tests/conftest.py)."""
from __future__ import annotations

import pytest

from chronus_shell.language import Translator

PATCH = ("add a saw at 110 hz", "add acid filter at 800hz", "play x.x. on hats and start", "add a distortion")


@pytest.fixture
def translator() -> Translator:
    translator = Translator()
    for line in PATCH:
        translator.translate(line)
    return translator
