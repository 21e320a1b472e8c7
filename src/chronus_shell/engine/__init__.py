"""Pure DSP: modules, the patch graph, the sequencer and deterministic rendering (no processes)."""
from __future__ import annotations

import hashlib
import re
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


COMPILING = ("compiling the audio kernels (once after an install or an update: about half a minute, "
             "several minutes on a busy machine)…")


def warmup() -> None:
    """Compile every numba kernel once (at worker start, never in an audio path)."""
    forget_stale_kernels()
    from . import chain_kernels, kernels, stereo_kernels

    kernels.warmup()
    chain_kernels.warmup()
    stereo_kernels.warmup()


KERNELS = {"blep": "oscillator_retune", "chain_kernels": "render_bank", "kernels": "drum_block",
           "stereo_kernels": "freeverb_stereo", "modulation_kernels": "render_modulation"}  # one a file


def kernels_cached() -> bool:
    """Whether numba's cache holds the compiled kernels of this version (a warm start loads, not compiles).

    Numba's cache sits in __pycache__ beside the kernels; looking there costs no numba import (the
    shell process never needs numba): an index is fresh when it holds the sha256 of its source (how
    numba ≥ 0.61 stamps it; a checkout that only touched the file keeps it) or is newer than the
    source (older numba stamps the mtime); else numba will compile again. Elsewhere
    (NUMBA_CACHE_DIR, a read-only install) numba is asked."""
    here = Path(__file__).parent
    if "NUMBA_CACHE_DIR" not in os.environ and os.access(here, os.W_OK):
        forget_stale_kernels()
        return all(any(_fresh(index, here / f"{name}.py")
                       for index in (here / "__pycache__").glob(f"{name}.{kernel}-*.nbi"))
                   for name, kernel in KERNELS.items())
    try:
        from . import blep, chain_kernels, kernels, stereo_kernels
        return all(bool(kernel._cache._cache_file._load_index())
                   for kernel in (blep.oscillator_retune, chain_kernels.render_bank, kernels.drum_block,
                                  stereo_kernels.freeverb_stereo))
    except Exception:  # noqa: BLE001 — numba internals: unsure means "say it and compile"
        return False


_KERNEL_SOURCE = re.compile(rb"^(?:from numba import|import numba)", re.M)   # a file numba compiles from


def forget_stale_kernels(here: Path = Path(__file__).parent) -> None:
    """Drop numba's cached kernels when any kernel source changed since they were compiled.

    Numba checks a cached function against its own file only: a constant it read from another file
    (voice_layout's table sizes) or a step inlined from another (voice_steps) is baked in, and a
    kernel cached before such a change would index the new tables wrongly (a crash, not a message).
    So the cache holds a stamp of every kernel source; another stamp means compile everything again.
    (A process started before an update that compiles a new variant afterwards could still write a
    stale entry: the shell compiles before it starts its children, so only a process left running
    across an update can.)
    Elsewhere (NUMBA_CACHE_DIR, a read-only install: installed anew as a whole) nothing is done."""
    cache = here / "__pycache__"
    if "NUMBA_CACHE_DIR" in os.environ or not os.access(here, os.W_OK):
        return
    digest = hashlib.sha256()
    for source in sorted(here.glob("*.py")):
        text = source.read_bytes()
        if _KERNEL_SOURCE.search(text) or source.name == "voice_layout.py":
            digest.update(source.name.encode() + text)
    stamp, fresh = cache / "kernels.stamp", digest.hexdigest()
    try:
        if stamp.read_text() == fresh:
            return
    except OSError:
        pass
    for stale in (*cache.glob("*.nbi"), *cache.glob("*.nbc")):
        stale.unlink(missing_ok=True)
    cache.mkdir(exist_ok=True)
    written = cache / f"kernels.stamp.{os.getpid()}"
    written.write_text(fresh)
    os.replace(written, stamp)                        # whole or not at all: a reader never sees half a stamp


def _fresh(index: Path, source: Path) -> bool:
    if index.stat().st_mtime >= source.stat().st_mtime:
        return True
    return hashlib.sha256(source.read_bytes()).digest() in index.read_bytes()


def compile_if_needed(say: Callable[[str], None], preload: bool = False) -> None:
    """On the first run after an install, compile the kernels here with a progress line, not in
    silence (nor in a child process, where it would look like a hang); warm starts skip this, or
    with `preload` load numba and the voice kernels now (while another process does something else;
    the others load at their first use, if the script has any)."""
    if not kernels_cached():
        say(COMPILING)
        warmup()
    elif preload:
        from . import chain_kernels
        chain_kernels.warmup()
