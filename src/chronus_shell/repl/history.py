"""Command history kept across runs in the shell's data dir (`CHRONUS_HOME` relocates it)."""
from __future__ import annotations

from pathlib import Path

from prompt_toolkit.history import FileHistory

from ..paths import data_dir

HISTORY_NAME = "history"


def history_path() -> Path:
    return data_dir() / HISTORY_NAME


def shell_history() -> FileHistory:
    return FileHistory(str(history_path()))


__all__ = ["history_path", "shell_history"]
