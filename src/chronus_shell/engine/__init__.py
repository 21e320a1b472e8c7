"""Pure DSP: modules, the patch graph, the sequencer and deterministic rendering (no processes)."""
from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

def lazy_module(name: str) -> ModuleType:
    """Import `name` on first attribute access, so the catalogue loads without numba (translate, help)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


COMPILING = "compiling the audio kernels (once after an install or an update; about half a minute)…"


def warmup() -> None:
    """Compile every numba kernel once (at worker start, never in an audio path)."""
    from . import chain_kernels, kernels, stereo_kernels

    kernels.warmup()
    chain_kernels.warmup()
    stereo_kernels.warmup()


def kernels_cached() -> bool:
    """Whether numba's cache holds the compiled voice and stereo kernels (a warm start loads, not compiles).

    Numba's cache sits in __pycache__ beside the kernels; looking there costs no numba import (the
    shell process never needs numba). Elsewhere (NUMBA_CACHE_DIR, a read-only install) numba is asked."""
    folder = Path(__file__).parent / "__pycache__"
    if "NUMBA_CACHE_DIR" not in os.environ and os.access(Path(__file__).parent, os.W_OK):
        return all(any(folder.glob(f"{name}-*.nbi")) for name in ("chain_kernels.render_bank",
                                                                   "stereo_kernels.freeverb_stereo"))
    try:
        from . import chain_kernels, stereo_kernels
        return all(bool(kernel._cache._cache_file._load_index())
                   for kernel in (chain_kernels.render_bank, stereo_kernels.freeverb_stereo))
    except Exception:  # noqa: BLE001 — numba internals: unsure means "say it and compile"
        return False


def compile_if_needed(say: Callable[[str], None]) -> None:
    """On the first run after an install, compile the kernels here with a progress line, not in
    silence (nor in a child process, where it would look like a hang); warm starts skip this."""
    if not kernels_cached():
        say(COMPILING)
        warmup()
