"""Hot reload: the user modules of one shell, validated at start and again at every save.

Apart from the pool (pool.py, which only judges one file) because this is what the shell does
with the verdicts: register accepted types, keep the previous version when a new one is rejected,
hand accepted sources on to the slots, and watch the folder.

Integration API (for the supervisor / REPL / cli; everything below is thread-safe)
---------------------------------------------------------------------------------
Start (in the shell, with the supervisor's multiprocessing context):

    from chronus_shell.supervisor.hot_reload import UserModules
    from chronus_shell.supervisor.pool import SandboxPool
    pool = SandboxPool(ctx, size=4, sample_rate=cfg.sample_rate, block_size=cfg.block_size,
                       folder=args.modules).start()          # folder None → <data dir>/modules
    modules = UserModules(pool,                                 # the pool's folder (same --modules)
                          on_accept=lambda v: ...,              # broadcast v.payload() to slots
                          on_reject=lambda v: print(v.line()),  # one line, log path included
                          on_notice=print)                      # e.g. "bitwarp.py was deleted: …"
    verdicts = modules.load_all()     # validate every file now (parallel); accepted types are
                                      # registered in this process's CATALOGUE at once
    modules.start()                   # hot reload: ModuleWatcher polls mtimes every 100 ms
                                      # (UserModules(..., interval=0.05) halves the detection
                                      # delay: the part of save → audible that dominates)
    ...
    modules.stop(); pool.stop()       # at shell exit (workers also die with the shell)

What an acceptance does in the shell: `register_user_module(spec_class(v.spec, v.class_name))`
puts a spec-only class in CATALOGUE (language, completion, help, `chronus modules`, the
supervisor's `plan` validation all follow at once; `add bitwarp` works). Then `on_accept(v)` runs
(in the watcher's thread for hot reloads): the coordinator must get the *code* into the slots.

Slot side (supervisor.py / slot.py — to be integrated by the coordinator):
- on accept, send both slots (and every spare) ("user_module", name, source, path, at_sample),
  (name, source, path) = verdict.payload(), `at_sample` stamped like any command (a few blocks
  ahead, the same for both slots). The slot keeps one `user_modules_install.ModuleSwaps()`:
    on receipt:          swaps.receive(name, source, path, at_sample)   # exec now (~1 ms small;
                         # numba with cache=True loads the code the pool worker just compiled)
    before each block:   swaps.apply_due(timeline)                      # lockstep switch
  `receive` registers a new type at once (so a following /patch/create works); a new version of
  a known type takes effect at the first block boundary ≥ at_sample in both slots: CATALOGUE,
  `chronus_user.<name>` (pickling) and every live instance (`swap_module_type`: engine, pending
  transaction and fading engine; param values carried over).
- a freshly started slot worker must load every accepted module *before* unpickling a snapshot
  that holds instances: send `modules.payload()` ([(name, source, path), ...], acceptance order)
  with the assignment and call `user_modules_install.install_all(payload)` first. Spares that are
  already running only need `install_user_module(name, source, path)` (no target).
- `chronus render`/`run` offline (no slots): validate with the pool, then `install_all` in-process.
- Run-time containment is still needed in the slots: an exception raised by a user module's
  process() at run time (a path the test render did not reach) would end the slot, and the
  lockstep standby would raise at the same sample. Engine._render_segment should catch it for
  user modules (`getattr(type(module), "__module__", "").startswith("chronus_user.")`) and treat
  it like NaN/Inf (`_contain_fault`: silence, fresh instance, a fault line).

Watcher API:
    ModuleWatcher(folder, on_change, interval=0.1).start() / .stop() / .poll() -> list[Path]
"""
from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from typing import Callable

from ..engine.user_modules import ModuleLoadError, module_files, modules_folder, read_source
from ..engine.user_modules_install import register_user_module
from .pool import SandboxPool, Verdict


class ModuleWatcher:
    """Polls the `*.py` files directly in `folder` every `interval` s (a thread, no dependency).

    `on_change(path)` runs in the watcher's thread for every file created, modified or deleted
    (check `path.exists()`), once its size and mtime have settled for `settle` s (editors that write
    in two steps). Files present at `start()` are not reported. Dot files are ignored.
    """

    def __init__(self, folder: str | Path, on_change: Callable[[Path], None], interval: float = 0.1,
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
        self._state = now
        return changed

    def start(self) -> "ModuleWatcher":
        self._state = self._scan()
        self._thread = threading.Thread(target=self._run, name="chronus-module-watcher", daemon=True)
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
                 on_notice: Callable[[str], None] | None = None, interval: float = 0.1):
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
            if verdict.path is not None and verdict.source:
                self._last_source[verdict.path] = verdict.source
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
