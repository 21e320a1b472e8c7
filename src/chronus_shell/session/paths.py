"""Where session files live (under the data dir of `chronus_shell.paths`) and what a session name may be."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..paths import data_dir

SESSION_SUFFIX = ".json"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}")


class SessionError(ValueError):
    """A session could not be saved or loaded; the text is one readable line for the user."""


def sessions_dir() -> Path:
    path = data_dir() / "sessions"
    path.mkdir(parents=True, exist_ok=True)
    return path


def validate_name(name: str) -> str:
    """A session name: letters, digits, space, `_ . -`, at most 64, no leading dot (so no `..`)."""
    name = name.strip()
    if not _NAME.fullmatch(name) or name.endswith("."):
        raise SessionError(
            f"bad session name {name!r}: use letters, digits, space, '_', '.', '-' "
            "(start with a letter or digit, at most 64 characters)"
        )
    return name


def is_explicit_path(name_or_path: str | os.PathLike) -> bool:
    """A Path, or text ending in .json, is a file path; any other text is a name (validated)."""
    return isinstance(name_or_path, os.PathLike) or str(name_or_path).lower().endswith(SESSION_SUFFIX)


def session_path(name_or_path: str | os.PathLike) -> Path:
    """The file of a session given by name (in the sessions dir) or by explicit path."""
    if is_explicit_path(name_or_path):
        return Path(name_or_path).expanduser()
    return sessions_dir() / (validate_name(str(name_or_path)) + SESSION_SUFFIX)


def session_label(name_or_path: str | os.PathLike) -> str:
    """How to call a session in a message: its name, or the path as given."""
    return str(name_or_path) if is_explicit_path(name_or_path) else str(name_or_path).strip()
