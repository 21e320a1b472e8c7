"""Shared fixtures: a translator with a small patch, and a private data dir for every test."""
from __future__ import annotations

import pytest

from chronus_shell.language import Translator

PATCH = ("add a saw at 110 hz", "add acid filter at 800hz", "play x.x. on hats", "add a distortion")


@pytest.fixture(autouse=True)
def chronus_home(tmp_path, monkeypatch):
    """History, sessions and autosave go to a temp dir, never the user's."""
    home = tmp_path / "chronus-home"
    monkeypatch.setenv("CHRONUS_HOME", str(home))
    return home


@pytest.fixture
def translator() -> Translator:
    translator = Translator()
    for line in PATCH:
        translator.translate(line)
    return translator
