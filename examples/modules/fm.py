"""fm — a two-operator FM voice with operator feedback and a per-note index envelope.

A source: the gate's note sets `freq`, each note re-opens the modulation index, which decays
back to `index` over `decay` ms (the classic FM "pluck").

    add fm
    ratio 3.5, index 2, brightness 6, decay 300 ms
    notes a2 a3 a2 c3 on fm1
    start

The per-sample recursion (operator feedback) cannot be vectorised, so it lives in a numba
kernel with an explicit signature: it compiles at import, once, and `cache=True` keeps the machine
code next to this file (the sandbox pool compiles it on the first validation; the slots and every
later validation load it from the cache in milliseconds).
"""
import numpy as np
from numba import njit, types

from chronus_shell.engine.modules.base import Module
from chronus_shell.engine.params import ModuleSpec, number

TWO_PI = 2.0 * np.pi
# Param arrays may be read-only (a settled param is a cached read-only array) or writable (while
# it glides): declare inputs read-only, which accepts both, so numba compiles exactly one version,
# here at import, never in the middle of the music.
IN = types.Array(types.float64, 1, "C", readonly=True)
BUF = types.float64[::1]


@njit(types.float64(IN, IN, IN, IN, IN, IN, types.float64, types.float64, BUF, types.float64, BUF), cache=True)
def fm_block(freq, ratio, index, brightness, feedback, gain, env, env_step, state, sample_rate, out):
    """One block; state = [carrier phase, modulator phase, last modulator output]."""
    carrier, modulator, last = state[0], state[1], state[2]
    for i in range(out.shape[0]):
        depth = index[i] + brightness[i] * env
        env *= env_step
        mod = np.sin(modulator + feedback[i] * last)
        last = mod
        out[i] = gain[i] * np.sin(carrier + depth * mod)
        carrier += TWO_PI * freq[i] / sample_rate
        modulator += TWO_PI * freq[i] * ratio[i] / sample_rate
        if carrier > TWO_PI:
            carrier -= TWO_PI
        if modulator > TWO_PI:
            modulator -= TWO_PI
    state[0], state[1], state[2] = carrier, modulator, last
    return env


class Fm(Module):
    spec = ModuleSpec(
        "fm", "source",
        (
            number("freq", "Hz", 220, 20, 8000, "carrier pitch (a note sets it)", ("pitch", "frequency")),
            number("ratio", "ratio", 2, 0.25, 16, "modulator frequency / carrier frequency", ("harmonic",)),
            number("index", "ratio", 1, 0, 10, "steady modulation index (brightness at rest)", ("depth",)),
            number("brightness", "ratio", 4, 0, 20, "extra index at the start of each note", ("bright", "pluck")),
            number("decay", "ms", 250, 5, 5000, "how fast the note's extra index fades"),
            number("feedback", "ratio", 0, 0, 1.5, "modulator self-feedback (towards noise)", ("fb",)),
            number("gain", "ratio", 0.5, 0, 1, "output level", ("level", "volume", "amp")),
        ),
        "two-operator FM voice with feedback and a per-note index envelope", ("fm_voice", "dx"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.state = np.zeros(3)  # carrier phase, modulator phase, last modulator sample
        self.env = 0.0            # the per-note index envelope, 1 at note on

    def note_on(self, freq, accent):
        if freq is not None:
            self.set("freq", freq)  # the note's pitch: jump there, do not glide
            self.snap("freq")
        self.env = 1.0 + accent

    def process(self, audio_in, params):
        out = np.empty(len(audio_in))
        decay_samples = float(params["decay"][-1]) * 1e-3 * self.sample_rate
        self.env = fm_block(params["freq"], params["ratio"], params["index"], params["brightness"],
                            params["feedback"], params["gain"], self.env, np.exp(-1.0 / decay_samples),
                            self.state, float(self.sample_rate), out)
        return out

