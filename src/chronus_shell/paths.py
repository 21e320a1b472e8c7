"""The shell's data dir, a base module every layer may use (the engine's user modules, the session
files, the REPL's history all live under it).

`CHRONUS_HOME` relocates the whole data dir (tests point it at a temp dir); otherwise the
platform's user data dir is used (`~/.local/share/chronus-shell`, `%LOCALAPPDATA%\\chronus-shell`,
`~/Library/Application Support/chronus-shell`).
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir() -> Path:
    """The shell's data dir (created on first use)."""
    home = os.environ.get("CHRONUS_HOME")
    path = Path(home).expanduser() if home else Path(platformdirs.user_data_dir("chronus-shell", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
