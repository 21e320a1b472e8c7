"""Pure DSP: modules, the patch graph, the sequencer and deterministic rendering (no processes)."""


def warmup() -> None:
    """Compile every numba kernel once (at worker start, never in an audio path)."""
    from . import chain_kernels, kernels

    kernels.warmup()
    chain_kernels.warmup()
