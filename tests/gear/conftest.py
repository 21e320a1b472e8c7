"""Sample files made by the tests (written with soundfile) in a temp samples folder."""
from __future__ import annotations

import time

import numpy as np
import pytest
import soundfile as sf

from supervisor import conftest as supervisor_conftest

RATE = 48000
jack_server = supervisor_conftest.jack_server  # the JACK dummy server the supervisor tests start, for the gear's JACK tests


def sine(freq: float, seconds: float, rate: int, channels: int = 1, level: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    wave = level * np.sin(2 * np.pi * freq * t)
    return np.stack([wave] * channels, axis=1)


def peak_frequency(audio: np.ndarray, rate: int) -> float:
    """The dominant frequency, refined by parabolic interpolation of the log spectrum (≪ 1 cent)."""
    window = np.hanning(len(audio))
    spectrum = np.abs(np.fft.rfft(audio * window, 8 * len(audio)))
    k = int(np.argmax(spectrum))
    a, b, c = np.log(spectrum[k - 1:k + 2] + 1e-30)
    return (k + 0.5 * (a - c) / (a - 2 * b + c)) * rate / (8 * len(audio))


@pytest.fixture
def samples(tmp_path, monkeypatch):
    """A samples folder (CHRONUS_SAMPLES) and a writer: write(name, frames, rate) → path."""
    folder = tmp_path / "samples"
    folder.mkdir()
    monkeypatch.setenv("CHRONUS_SAMPLES", str(folder))

    def write(name, frames, rate=RATE, **kwargs):
        path = folder / name
        sf.write(path, frames, rate, **kwargs)
        return path

    write.folder = folder
    return write


def onsets(audio: np.ndarray, threshold: float = 0.01, quiet: int = 480) -> list[int]:
    """Frames where the signal (its louder side) rises above `threshold` after at least `quiet` frames below it."""
    loud = np.flatnonzero(np.abs(audio).reshape(len(audio), -1).max(axis=1) > threshold)
    if len(loud) == 0:
        return []
    starts = [int(loud[0])] + [int(b) for a, b in zip(loud[:-1], loud[1:]) if b - a > quiet]
    return starts


def wait_for(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def sparse_huge_wav(path, megabytes: int = 500):
    """A WAV whose header says `megabytes` of 16-bit stereo: a sparse file, no disk used."""
    sf.write(path, np.zeros((16, 2)), RATE, subtype="PCM_16")
    size = megabytes * 2**20
    raw = bytearray(path.read_bytes())
    data_at = raw.index(b"data")
    raw[4:8] = (size - 8).to_bytes(4, "little")
    raw[data_at + 4:data_at + 8] = (size - data_at - 8).to_bytes(4, "little")
    with open(path, "wb") as handle:
        handle.write(raw)
        handle.truncate(size)
    return path


def grid_residuals(frames, period: float) -> np.ndarray:
    """Each event's distance (frames) from the straight line of exact `period` through them."""
    frames = np.asarray(frames, dtype=float)
    k = np.round((frames - frames[0]) / period)
    line = frames - k * period
    return frames - (k * period + np.median(line))
