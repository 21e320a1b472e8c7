"""Sandbox pool tests: real worker processes started with the configured start method
(forkserver on Linux, spawn on Windows; CI also runs them with CHRONUS_START_METHOD=spawn)."""
from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from chronus_shell.supervisor.config import Config
from chronus_shell.supervisor.user_modules.sandbox_pool import SandboxPool

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "modules"


@pytest.fixture(scope="session")
def chronus_home(tmp_path_factory):
    """A private data dir for the whole session (never the user's real one)."""
    home = tmp_path_factory.mktemp("chronus-home")
    old = os.environ.get("CHRONUS_HOME")
    os.environ["CHRONUS_HOME"] = str(home)
    yield home
    if old is None:
        os.environ.pop("CHRONUS_HOME", None)
    else:
        os.environ["CHRONUS_HOME"] = old


@pytest.fixture(scope="session")
def folder(chronus_home) -> Path:
    path = chronus_home / "modules"
    path.mkdir(exist_ok=True)
    return path.resolve()


@pytest.fixture(scope="session")
def ctx():
    return multiprocessing.get_context(Config.from_env().start_method)


@pytest.fixture(scope="session")
def pool(ctx, folder):
    """One pool for the session: every test also proves it still works after the ones before."""
    with SandboxPool(ctx, size=4, sample_rate=48000, block_size=256, folder=folder) as pool:
        assert pool.stats()["idle"] == 4, pool.stats()
        yield pool


def write_module(folder: Path, name: str, source: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(source)
    return path


def copy_example(folder: Path, name: str) -> Path:
    target = folder / f"{name}.py"
    shutil.copyfile(EXAMPLES / f"{name}.py", target)
    return target
