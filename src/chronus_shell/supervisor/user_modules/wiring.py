"""User modules for the three ways of playing: the REPL (validated, then hot reload), `chronus run`
and `chronus render` (validated once). The pool proves each file first; only accepted code runs."""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable

from ...engine.user_modules.loading import module_files, modules_folder
from ..config import Config
from .hot_reload import UserModules
from .sandbox_pool import WORKERS, SandboxPool


def validated_modules(config: Config, folder=None, report: Callable[[str], None] = print) -> list[tuple[str, str, str]]:
    """Every accepted module of the folder as (name, source, path); rejections are reported in one line
    each. Starts no process when the folder holds no module."""
    files = module_files(folder)
    if not files:
        return []
    ctx = multiprocessing.get_context(config.start_method)
    with SandboxPool(ctx, size=min(WORKERS, len(files)), sample_rate=config.sample_rate,
                     block_size=config.block_size, folder=modules_folder(folder)) as pool:
        modules = UserModules(pool, on_reject=lambda verdict: report(verdict.line()))
        modules.load_all()
        return modules.payload()


class LiveModules:
    """The REPL's user modules: validated at start, then every saved change hot-reloads into the
    running supervisor (both slots, one block); a failed change keeps the old version playing."""

    def __init__(self, supervisor, folder=None, say: Callable[[str], None] = print,
                 problem: Callable[[str], None] = print, installed: Callable[[str], None] = lambda name: None):
        config = supervisor.config
        ctx = multiprocessing.get_context(config.start_method)
        self.pool = SandboxPool(ctx, sample_rate=config.sample_rate, block_size=config.block_size,
                                folder=modules_folder(folder))
        self.say, self.problem, self.installed = say, problem, installed
        self.supervisor = supervisor
        self.modules = UserModules(self.pool, on_accept=self._accepted, on_reject=lambda v: problem(v.line()),
                                   on_notice=say)

    def _accepted(self, verdict) -> None:
        self.supervisor.install_user_module(*verdict.payload())
        self.installed(verdict.name)      # e.g. the REPL's model forgets params the new version lost
        self.say(verdict.line())

    def start(self) -> "LiveModules":
        self.pool.start()
        self.modules.load_all()
        self.modules.start()
        return self

    def reload(self, name: str | None = None) -> None:
        """`reload bitwarp`: validate the file again even if it did not change (all files without a name)."""
        if not name:
            self.modules.load_all()
            return
        path = self.modules.folder / f"{name.strip()}.py"
        if not path.exists():
            known = ", ".join(sorted(self.modules.accepted)) or "none yet"
            self.problem(f"no module file {path} (your modules: {known})")
            return
        self.modules.reload(path, force=True)

    def stop(self) -> None:
        self.modules.stop()
        self.pool.stop()
