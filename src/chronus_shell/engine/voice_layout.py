"""The voice bank's table layout, shared by the voice modules and the fused kernel (no numba here,
so the catalogue still loads without it)."""
import numpy as np

# param columns (values, rows): one table for the four stage types
FREQ, DETUNE, GAIN, WIDTH = 0, 1, 2, 3
CUTOFF, RESONANCE, ENV_AMOUNT, ACCENT, ENV_DECAY, DRIVE = 4, 5, 6, 7, 8, 9
ATTACK, DECAY, SUSTAIN, RELEASE = 10, 11, 12, 13
SVF_CUTOFF, SVF_Q = 14, 15
COLUMNS = 16
# state columns: oscillator [phase, clock, started, retune], ladder [s1..s4], note [env, accent],
# adsr [stage, level, pos, start], a poly note's row gate [level, target] (engine/poly.py), the
# multimode filter's two integrators, what it crossfades from (the weights of its low-, high- and band-pass
# outputs) and the samples of that fade still to go
OSC_STATE, LADDER_STATE, NOTE_STATE, ADSR_STATE, GATE_STATE, SVF_STATE, STATE_COLUMNS = 0, 4, 8, 10, 14, 16, 22
SVF_WAS, SVF_LEFT = 2, 5           # within the filter's state: the three weights, the samples to go
MODE_FADE_MS = 5.0     # a multimode filter's mode switched while it sounds crossfades this long (no click)


def mode_fade_samples(sample_rate: float) -> float:
    """MODE_FADE_MS in samples (compiled into the kernels too: voice_steps.fade_samples)."""
    return max(1.0, np.rint(MODE_FADE_MS * 1e-3 * sample_rate))



# kinds columns: oscillator shape (−1: none, the input row is the audio), ladder on, adsr on, to the sum,
# a note of a polyphonic voice (silent rows skipped, its row gate applied), a modulated voice (≥ 0: it
# renders sample by sample from its params per sample, built in the kernel; −1: none), the multimode
# filter's mode (−1: none; 0 low-pass, 1 high-pass, 2 band-pass)
SHAPE, HAS_LADDER, HAS_ADSR, TO_SUM, POLY, EXPLICIT, SVF_MODE, KINDS = 0, 1, 2, 3, 4, 5, 6, 7
# modulation (Module.params, and the bank's modulated voices): a signal in −1…1 moves a Hz param by
# ±MOD_OCTAVES octaves, any other by ± half its range
MOD_OCTAVES = 4.0
# a modulated param's row of the bank's table (engine/voice_modulation.py): voice, column, modulation row,
# exponential (1) or not (0), and the param's low, high and half span
MOD_VOICE, MOD_COLUMN, MOD_ROW, MOD_EXP, MOD_LOW, MOD_HIGH, MOD_HALF_SPAN, MOD_FIELDS = 0, 1, 2, 3, 4, 5, 6, 7
# the LFOs of a voice bank (rows, LFOs): rate, depth, offset targets and glide starts, phase, shape (an
# index of kernels.LFO_SHAPES; LFO_RANDOM: drawn in Python)
LFO_TARGET, LFO_START, LFO_PHASE, LFO_SHAPE, LFO_ROWS = 0, 3, 6, 7, 8
LFO_RANDOM = -1

IDLE, ATTACK_STAGE, DECAY_STAGE, SUSTAIN_STAGE, RELEASE_STAGE = 0, 1, 2, 3, 4
