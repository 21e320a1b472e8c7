"""Crash insurance: the state is written to `autosave.json` every 15 s while it keeps changing.

Thread-free on purpose: the REPL calls `tick(state, now)` from its own loop (after each command
and from its idle timer), so there is no second thread reading the patch while it changes and
nothing to stop on exit. `close()` on a clean exit removes the file; if it is still there at
the next start, the last run crashed and `pending_recovery()` says so, so the REPL can offer
`recover()`. An empty patch (nothing but master, no tracks) is not worth offering back: instead
of writing it, the autosave file is removed. One the user declines (or that is damaged) is not
deleted but set aside as `autosave-declined.json`, loadable like any session file: one wrong key
at the start must not lose a crashed set.
"""
from __future__ import annotations

import json
from pathlib import Path

from .paths import SessionError, data_dir
from .schema import migrate, validate
from .snapshot import read_state_file, write_json_atomic

__all__ = ["Autosave", "AUTOSAVE_INTERVAL_S", "autosave_path", "pending_recovery", "recover", "discard_recovery",
           "set_aside_recovery"]

AUTOSAVE_INTERVAL_S = 15.0
AUTOSAVE_NAME = "autosave.json"
DECLINED_NAME = "autosave-declined.json"


def autosave_path() -> Path:
    return data_dir() / AUTOSAVE_NAME


def pending_recovery() -> Path | None:
    """The autosave left by a run that did not exit cleanly, if any (call before the first tick)."""
    path = autosave_path()
    return path if path.is_file() else None


def recover() -> dict:
    """The crashed run's state, validated like a session (SessionError if it is damaged)."""
    return read_state_file(autosave_path())


def discard_recovery() -> None:
    autosave_path().unlink(missing_ok=True)


def set_aside_recovery() -> Path | None:
    """Keep the crashed run's autosave as `autosave-declined.json` (replacing an older one) so the
    next crash does not write over it; its new path, or None if there was none (or it can't move)."""
    kept = data_dir() / DECLINED_NAME
    try:
        autosave_path().replace(kept)
    except OSError:
        return None
    return kept


def is_empty(state: dict) -> bool:
    """Nothing to recover: no module but master, no sequencer track."""
    modules = state.get("modules") or {}
    tracks = (state.get("sequencer") or {}).get("tracks") or {}
    return not (set(modules) - {"master"}) and not tracks


class Autosave:
    """Call `tick(state, now)` often; it writes at most every `interval` s, only after a change."""

    def __init__(self, interval: float = AUTOSAVE_INTERVAL_S, path: Path | None = None):
        self.interval = interval
        self.path = path or autosave_path()
        self.error: str | None = None
        self._last_text: str | None = None
        self._last_time: float | None = None

    def tick(self, state: dict, now: float) -> bool:
        """Write the state if it changed and the interval has passed; True when it wrote.

        A failure (disk full, invalid state) is kept in `.error` and never raised: autosave
        must not interrupt the music.
        """
        if self._last_time is None:
            self._last_time = now
        if now - self._last_time < self.interval:
            return False
        text = json.dumps(state, sort_keys=True, default=str)
        if text == self._last_text:
            return False
        self._last_time = now
        try:
            if is_empty(state):
                self.path.unlink(missing_ok=True)
            else:
                write_json_atomic(self.path, validate(migrate(dict(state))))
        except SessionError as err:
            self.error = f"autosave failed: {err}"
            return False
        except OSError as err:
            self.error = f"autosave failed: cannot remove {self.path}: {err.strerror or err}"
            return False
        self._last_text, self.error = text, None
        return True

    def close(self) -> None:
        """A clean exit: the autosave is not needed any more."""
        self.path.unlink(missing_ok=True)
