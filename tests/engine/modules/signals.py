"""Signal helpers for the DSP tests: drive modules or an Engine, and measure what comes out."""
from __future__ import annotations

import numpy as np

from chronus_shell.engine.catalogue import CATALOGUE
from chronus_shell.engine.engine import Engine
from chronus_shell.protocol.message import Message

SR = 48000
BLOCK = 256


def make(type_name: str, **params):
    """A module with `params` set and snapped (no glide from the defaults)."""
    module = CATALOGUE[type_name](SR)
    for name, value in params.items():
        module.set(module.spec.param(name).name, value)
    for name in module.current:
        module.snap(name)
    return module


def drive(module, n: int, audio_in: np.ndarray | None = None, block: int = BLOCK) -> np.ndarray:
    """Run `module` block by block for n samples on `audio_in` (default silence); a stereo module
    gets its mono input centred and gives (2, n)."""
    x = np.zeros(n) if audio_in is None else np.asarray(audio_in, dtype=float)
    out = np.empty((2, n) if module.CHANNELS == 2 else n)
    for start in range(0, n, block):
        stop = min(n, start + block)
        out[..., start:stop] = module.process(x[start:stop], module.params(stop - start, {}))
    return out


def render_module(type_name: str, n: int, audio_in=None, **params) -> np.ndarray:
    return drive(make(type_name, **params), n, audio_in)


def sine(freq: float, n: int, amp: float = 1.0) -> np.ndarray:
    return amp * np.sin(2 * np.pi * freq * np.arange(n) / SR)


def naive_saw(freq: float, n: int) -> np.ndarray:
    return 2.0 * ((np.arange(n) * freq / SR) % 1.0) - 1.0


def engine(*lines: str, limiter: bool = True) -> Engine:
    """An Engine with raw message lines applied at sample 0."""
    eng = Engine(SR, BLOCK)
    for line in lines:
        eng.schedule(Message.parse(line), 0)
    if not limiter:
        eng.schedule(Message.parse("/mod/master/limiter off"), 0)
    return eng


def render_blocks(eng: Engine, n: int) -> np.ndarray:
    """Render n samples the way a slot does: blocks of eng.block_size (the last one may be short)."""
    size = eng.block_size
    return np.concatenate([eng.render(min(size, n - start)) for start in range(0, n, size)])


# -- measurements ---------------------------------------------------------------------------
def peak_frequency(x: np.ndarray, pad: int = 8) -> float:
    """Strongest spectral peak in Hz: Hann window, zero-padded FFT, log-parabolic interpolation."""
    size = pad * len(x)
    mag = np.abs(np.fft.rfft(x * np.hanning(len(x)), size))
    i = int(np.argmax(mag[1:-1])) + 1
    a, b, c = np.log(mag[i - 1:i + 2])
    return (i + 0.5 * (a - c) / (a - 2 * b + c)) * SR / size


def cents(measured: float, expected: float) -> float:
    return 1200.0 * np.log2(measured / expected)


def tone_amplitude(x: np.ndarray, freq: float) -> float:
    """Amplitude of the `freq` component by least squares on sin/cos (any length, any phase)."""
    t = np.arange(len(x)) / SR
    basis = np.column_stack([np.sin(2 * np.pi * freq * t), np.cos(2 * np.pi * freq * t), np.ones(len(x))])
    coef, *_ = np.linalg.lstsq(basis, x, rcond=None)
    return float(np.hypot(coef[0], coef[1]))


def db(ratio: float) -> float:
    return 20.0 * np.log10(ratio)


def sine_gain_db(type_name: str, freq: float, amp: float = 0.1, settle: float = 0.25,
                 measure: float = 0.25, **params) -> float:
    """Steady-state gain of a module at `freq` in dB: a sine in, settle, fit the tone out."""
    n_settle, n_measure = int(settle * SR), int(measure * SR)
    y = render_module(type_name, n_settle + n_measure, sine(freq, n_settle + n_measure, amp), **params)
    return db(tone_amplitude(y[n_settle:], freq) / amp)


def non_harmonic_power(x: np.ndarray, f0: float, guard_hz: float = 8.0) -> float:
    """Power of every bin (Blackman-Harris) farther than guard_hz from DC and each k·f0."""
    power = np.abs(np.fft.rfft(x * _blackman_harris(len(x)))) ** 2
    freqs = np.fft.rfftfreq(len(x), 1.0 / SR)
    k = np.maximum(np.round(freqs / f0), 1.0)
    near = (np.abs(freqs - k * f0) <= guard_hz) | (freqs <= guard_hz)
    return float(power[~near].sum())


def _blackman_harris(n: int) -> np.ndarray:
    t = 2 * np.pi * np.arange(n) / (n - 1)
    return 0.35875 - 0.48829 * np.cos(t) + 0.14128 * np.cos(2 * t) - 0.01168 * np.cos(3 * t)


def max_step(x: np.ndarray) -> float:
    """Largest sample-to-sample jump."""
    return float(np.max(np.abs(np.diff(x))))
