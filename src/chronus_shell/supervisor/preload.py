"""Imported once by the forkserver: every worker forked from it starts with numpy, the catalogue and
compiled numba kernels already in memory (no per-worker import or compile cost), their objects
frozen out of the garbage collector's scans, and the audio workers' niceness: on a busy machine a
spare is ready in a fraction of the time (pool workers go back to the ordinary niceness)."""
import gc

from ..engine import warmup
from . import output_process, slot
from .rings import raise_priority
from .user_modules import sandbox_worker

PRELOADED = (output_process, slot, sandbox_worker)  # the slots', the output's and the pool's workers' code

warmup()
gc.collect()
gc.freeze()
raise_priority()
