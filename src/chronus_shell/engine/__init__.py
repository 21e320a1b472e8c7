"""Pure DSP: modules, the patch graph, the sequencer and deterministic rendering (no processes)."""
