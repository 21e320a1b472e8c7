"""Imported once by the forkserver: every worker forked from it starts with numpy, the catalogue and
compiled numba kernels already in memory (no per-worker import or compile cost)."""
from ..engine import warmup
from . import output, pool_worker, slot  # noqa: F401  (preloaded for the children)

warmup()
