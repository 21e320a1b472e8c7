"""Crash insurance: the state is written to this shell's own autosave every 15 s while it changes.

Thread-free on purpose: the REPL calls `tick(state, now)` from its own loop (after each command
and from its idle timer), so there is no second thread reading the patch while it changes and
nothing to stop on exit. Each shell owns its autosave: `autosave-<pid>.json` next to
`autosave-<pid>.lock`, a file holding the owner's pid that the owner keeps locked (an OS lock,
released by the OS however the process ends, kill -9 included). `close()` on a clean exit removes
both. An autosave whose lock nobody holds is what "the last run did not exit cleanly" means:
`pending_recovery()` finds it (a second shell running at the same time never mistakes the first
for a crash) and claims it (locks it) so two shells starting together never both offer it. An
empty patch (nothing but master, no tracks) is not worth offering back: instead of writing it,
the autosave file is removed. One the user declines (or that is damaged) is not deleted but set
aside as `autosave-declined.json`, loadable like any session file: one wrong key at the start must
not lose a crashed set. (`autosave.json`, without a pid, is an older version's crash file.)
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .paths import SessionError, data_dir
from .schema import migrate, validate, without_orphan_tracks
from .snapshot import read_state_file, write_json_atomic

__all__ = ["Autosave", "AUTOSAVE_INTERVAL_S", "autosave_path", "pending_recovery", "recover", "discard_recovery",
           "set_aside_recovery", "FileLock"]

AUTOSAVE_INTERVAL_S = 15.0
LEGACY_NAME = "autosave.json"
DECLINED_NAME = "autosave-declined.json"
_claims: dict[Path, "FileLock"] = {}    # crashed runs' autosaves this shell has claimed


class FileLock:
    """An exclusive OS lock on a file that holds the owner's pid; `acquire()` False if another holds it."""

    def __init__(self, path: Path):
        self.path = path
        self._file = None

    def acquire(self) -> bool:
        try:
            handle = open(self.path, "a+", encoding="utf-8")
        except OSError:                          # a read-only data dir: no lock, and no autosave either
            return False
        handle.seek(0)                           # Windows locks bytes from the position
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle
        return True

    def release(self, remove: bool = True) -> None:
        """Unlock (removing the file first, so nobody can lock a file that is about to vanish)."""
        if self._file is None:
            return
        try:
            if remove:
                self.path.unlink(missing_ok=True)
        except OSError:                          # Windows: an open file cannot be removed
            self._file.close()
            self.path.unlink(missing_ok=True)
        self._file.close()
        self._file = None


def _lock(handle) -> None:
    if os.name == "nt":
        import msvcrt
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def autosave_path(pid: int | None = None) -> Path:
    """This shell's autosave (or the one of the shell `pid`)."""
    return data_dir() / f"autosave-{os.getpid() if pid is None else pid}.json"


def _lock_path(autosave: Path) -> Path:
    return autosave.with_suffix(".lock")


def pending_recovery() -> Path | None:
    """The newest autosave left by a run that did not exit cleanly (its lock is free), now claimed
    by this shell; None if there is none. Autosaves of shells still running are never offered."""
    if _claims:
        return next(iter(_claims))
    _remove_orphan_locks()
    candidates = [p for p in data_dir().glob("autosave*.json") if p.name != DECLINED_NAME]
    for path in sorted(candidates, key=_mtime, reverse=True):
        if path == autosave_path() or not path.is_file():
            continue
        lock = FileLock(_lock_path(path))
        if lock.acquire():
            _claims[path] = lock
            return path
    return None


def _remove_orphan_locks() -> None:
    """Locks of runs that crashed with nothing to save (no autosave next to them)."""
    for lock_path in data_dir().glob("autosave-*.lock"):
        if not lock_path.with_suffix(".json").exists():
            lock = FileLock(lock_path)
            if lock.acquire():
                lock.release()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def recover(path: Path | None = None) -> dict:
    """The crashed run's state, validated like a session (SessionError if it is damaged)."""
    path = path or pending_recovery()
    if path is None:
        raise SessionError("no crashed run to recover")
    return read_state_file(path)


def discard_recovery(path: Path | None = None) -> None:
    path = path or pending_recovery()
    if path is not None:
        path.unlink(missing_ok=True)
        _release_claim(path)


def set_aside_recovery(path: Path | None = None) -> Path | None:
    """Keep the crashed run's autosave as `autosave-declined.json` (replacing an older one) so the
    next crash does not write over it; its new path, or None if there was none (or it can't move)."""
    path = path or pending_recovery()
    if path is None:
        return None
    kept = data_dir() / DECLINED_NAME
    try:
        path.replace(kept)
    except OSError:
        return None
    finally:
        _release_claim(path)
    return kept


def _release_claim(path: Path) -> None:
    lock = _claims.pop(path, None)
    if lock is not None:
        lock.release()


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
        self.lock = FileLock(_lock_path(self.path))
        if path is None and not self.lock.acquire():   # only a reused pid of a dead shell could hold it
            self.lock = None
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
                write_json_atomic(self.path, validate(migrate(dict(without_orphan_tracks(state)[0]))))
        except SessionError as err:
            self.error = f"autosave failed: {err}"
            return False
        except OSError as err:
            self.error = f"autosave failed: cannot remove {self.path}: {err.strerror or err}"
            return False
        self._last_text, self.error = text, None
        return True

    def close(self) -> None:
        """A clean exit: the autosave and its lock are not needed any more."""
        self.path.unlink(missing_ok=True)
        if self.lock is not None:
            self.lock.release()
