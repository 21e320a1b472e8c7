"""Hot reload: the user modules of one shell, validated at start and again at every save.

Apart from the pool (sandbox_pool.py, which only judges one file) because this is what the shell does
with the verdicts: register accepted types, keep the previous version when a new one is rejected,
hand accepted sources on to the slots, and watch the folder.

How the parts meet (`wiring.LiveModules` wires them for the shell, `validated_modules` for
`chronus run`/`render`):
- `UserModules(pool, on_accept, on_reject, on_notice)`: `load_all()` validates every file of the
  pool's folder in parallel and registers each accepted type in this process's CATALOGUE
  (`register_user_module(spec_class(...))`), so the language, completion, help and the
  supervisor's validation know it at once; `start()` polls the folder (ModuleWatcher, every
  100 ms) and validates each saved file again; a rejected new version leaves the old one playing.
- `on_accept(verdict)` sends `verdict.payload()` = (name, source, path) to both slots and every
  spare, stamped like any command; each slot's `engine/user_modules/install.ModuleSwaps` executes it on
  receipt and swaps every live instance at the same block boundary in both slots (lockstep),
  params carried over. A new slot worker gets `UserModules.payload()` and `install_all` first.
- At run time a user module that raises or produces NaN/Inf is contained by the Engine
  (`_contain_fault`: silence, a fresh instance, one fault line), never ending a slot.

Watcher API:
    ModuleWatcher(folder, on_change, interval=POLL_S).start() / .stop() / .poll() -> list[Path]
"""
from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from ...engine.user_modules.loading import ModuleLoadError, module_files, modules_folder, read_source
from ...engine.user_modules.install import register_user_module
from ..prompt_realtime import MODULE_WATCHER
from .sandbox_pool import SandboxPool, Verdict

POLL_S = 0.05  # the folder is looked at this often (benchmarks/bench_pool.py: a save to its verdict)
EMPTY_GRACE_S = 1.0


class ModuleWatcher:
    """Polls the `*.py` files directly in `folder` every `interval` s (a thread, no dependency).

    `on_change(path)` runs in the watcher's thread for every file created, modified or deleted
    (check `path.exists()`), once its size and mtime have settled for `settle` s (editors that write
    in two steps). Files present at `start()` are not reported. Dot files are ignored.
    """

    def __init__(self, folder: str | Path, on_change: Callable[[Path], None], interval: float = POLL_S,
                 settle: float = 0.015):
        self.folder = Path(folder)
        self.on_change, self.interval, self.settle = on_change, interval, settle
        self.errors: list[str] = []
        self._state: dict[Path, tuple] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _scan(self) -> dict[Path, tuple]:
        state = {}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return state
        for entry in entries:
            if not entry.name.endswith(".py") or entry.name.startswith("."):
                continue
            try:
                st = entry.stat()
            except OSError:
                continue
            state[Path(entry.path)] = (st.st_mtime_ns, st.st_size, st.st_ino)
        return state

    def poll(self) -> list[Path]:
        """Paths changed since the last poll (settled), without calling on_change."""
        now = self._scan()
        changed = sorted(p for p in set(now) | set(self._state) if now.get(p) != self._state.get(p))
        for _ in range(20):
            # settle only a file written in the last `settle` s (an editor may still be writing it)
            fresh = [now[p][0] for p in changed if p in now]
            if not changed or self.settle <= 0 or time.time_ns() - max(fresh, default=0) > self.settle * 1e9:
                break
            time.sleep(self.settle)
            again = self._scan()
            if all(again.get(p) == now.get(p) for p in changed):
                break
            now = again
            changed = sorted(p for p in set(now) | set(self._state) if now.get(p) != self._state.get(p))
        # an empty file written just now is a save in progress (`cp`, editors truncate first): wait
        # for its text; one left empty for EMPTY_GRACE_S is reported (and refused as empty)
        writing = {p for p in changed if p in now and now[p][1] == 0
                   and time.time_ns() - now[p][0] < EMPTY_GRACE_S * 1e9}
        for path in writing:
            now[path] = self._state.get(path)
        self._state = {p: st for p, st in now.items() if st is not None}
        return [p for p in changed if p not in writing]

    def start(self) -> "ModuleWatcher":
        self._state = self._scan()
        self._thread = threading.Thread(target=self._run, name=MODULE_WATCHER, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(2.0)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            for path in self.poll():
                try:
                    self.on_change(path)
                except Exception as err:  # noqa: BLE001 — the watcher must survive a bad callback
                    self.errors.append(f"{path.name}: {type(err).__name__}: {err}")
                    print(f"module watcher: {path.name}: {type(err).__name__}: {err}", file=sys.stderr)


class UserModules:
    """The user modules of one shell: validation at start, hot reload, the accepted set.

    Accepted types are registered in this process's CATALOGUE as spec-only classes (the shell
    never runs user code); `on_accept(verdict)` must bring `verdict.payload()` to the slots.
    A failed reload keeps the old version (still registered, still playing) and calls `on_reject`.
    """

    def __init__(self, pool: SandboxPool, folder: str | Path | None = None, *,
                 on_accept: Callable[[Verdict], None] | None = None,
                 on_reject: Callable[[Verdict], None] | None = None,
                 on_notice: Callable[[str], None] | None = None, interval: float = POLL_S):
        self.pool = pool
        self.folder = pool.folder if folder is None else modules_folder(folder)
        if self.folder != pool.folder:
            raise ValueError(f"the pool validates modules from {pool.folder}, not {self.folder}")
        self.on_accept, self.on_reject, self.on_notice = on_accept, on_reject, on_notice
        self.interval = interval
        self.accepted: dict[str, Verdict] = {}
        self.rejected: dict[str, Verdict] = {}
        self._order: list[str] = []
        self._last_source: dict[Path, str] = {}
        self._lock = threading.RLock()
        self.watcher: ModuleWatcher | None = None

    def load_all(self) -> list[Verdict]:
        """Validate every module file now (in parallel) and register the accepted ones."""
        verdicts = self.pool.validate_many(module_files(self.folder))
        for verdict in verdicts:
            self._settle(verdict)
        return verdicts

    def reload(self, path: str | Path, force: bool = False) -> Verdict | None:
        """Validate one (changed) file; None when its text is what was last validated (unless `force`)."""
        path = Path(path)
        if not path.exists():
            self._notice(f"{path.name} was deleted: {path.stem} stays loaded until the shell restarts"
                         if path.stem in self.accepted else f"{path.name} was deleted")
            self._last_source.pop(path, None)
            return None
        try:
            text = read_source(path)
        except ModuleLoadError:
            text = None
        if not force and text is not None and self._last_source.get(path) == text:
            return None
        verdict = self.pool.validate(path, source=text)
        self._settle(verdict)
        return verdict

    def _settle(self, verdict: Verdict) -> None:
        with self._lock:
            if verdict.path is not None and verdict.source and verdict.signal is None:
                self._last_source[verdict.path] = verdict.source   # a crashed worker's text is tried again
            if verdict.ok:
                register_user_module(verdict.catalogue_class())
                self.accepted[verdict.name] = verdict
                self.rejected.pop(verdict.name, None)
                if verdict.name in self._order:
                    self._order.remove(verdict.name)
                self._order.append(verdict.name)
            else:
                self.rejected[verdict.name] = verdict
        callback = self.on_accept if verdict.ok else self.on_reject
        if callback is not None:
            callback(verdict)
        elif not verdict.ok:
            self._notice(verdict.line())
        if not verdict.ok and verdict.name in self.accepted:
            self._notice(f"{verdict.name}: the previous version keeps playing")

    def _notice(self, text: str) -> None:
        if self.on_notice is not None:
            self.on_notice(text)

    def payload(self) -> list[tuple[str, str, str]]:
        """Every accepted module as (name, source, path), in acceptance order (for a new slot worker)."""
        with self._lock:
            return [self.accepted[name].payload() for name in self._order]

    def start(self) -> "UserModules":
        """Start hot reload (the watcher thread)."""
        if self.watcher is None:
            self.watcher = ModuleWatcher(self.folder, self._changed, self.interval).start()
        return self

    def _changed(self, path: Path) -> None:
        self.reload(path)

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None


__all__ = ["ModuleWatcher", "UserModules"]
