"""The sampler: plays a loaded sample file (engine/samples.py) on each gate.

The file itself never comes near the render loop: the `sample` param names a sample already
decoded and registered in this process (`"<path>#<hash>"`), so setting it is a table look-up.
Playback reads the frames with 4-point Hermite interpolation at `2^(pitch/12)` × the note's
ratio to middle C; with `slices` > 1 the sample is chopped (equal parts or detected onsets) and a
note picks the slice chromatically from middle C (c4 = slice 1, c#4 = slice 2, …) unless `slice`
fixes one. Renders mono (the frames' mix-down); the frames keep their channels for a stereo engine.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..params import ModuleSpec, ParamError, ParamSpec, choice, number
from ..samples import SAMPLES, SampleError, split_ref
from .base import PAN, Module

MIDDLE_C_HZ = 440.0 * 2 ** (-9 / 12)
RELEASE_MS = 5.0       # a gate-mode or loop note fades out this fast at note off (no click)
ACCENT_BOOST = 0.4     # as the drums: an accented step is louder
MAX_SLICES = 64


@dataclass(frozen=True)
class SampleParam(ParamSpec):
    """A param whose value names a loaded sample (`"<path>#<hash>"`, '' for none)."""

    @property
    def is_enum(self) -> bool:        # a string value, never smoothed or modulated
        return True

    def range_text(self) -> str:
        return "a sample file"

    def coerce(self, value) -> str:
        text = str(value).strip()
        if text in ("", "none"):
            return ""
        path, digest = split_ref(text)
        if text not in SAMPLES and not digest:     # a saved reference (a session) is loaded by its reader
            raise ParamError(f"sample {path} is not loaded (load it with 'load {path} into <sampler>')")
        return text


class Sampler(Module):
    spec = ModuleSpec(
        "sampler", "source",
        (
            SampleParam("sample", "file", "", doc="the sample file it plays (path and content hash)",
                        aliases=("file", "sound")),
            number("pitch", "semitones", 0, -48, 48, "playback pitch in semitones (speed)", ("transpose", "tune")),
            number("start", "ratio", 0, 0, 1, "where playback starts (0–1 of the sample)", ("begin",)),
            number("end", "ratio", 1, 0, 1, "where playback ends (0–1 of the sample)", ("stop",)),
            number("gain", "ratio", 0.8, 0, 1, "output level", ("level", "volume", "amp")),
            choice("mode", ("one-shot", "loop", "gate"), "one-shot",
                   "one-shot plays to the end; loop repeats while the gate is open; gate stops at note off",
                   ("playback",)),
            number("slices", "count", 1, 1, MAX_SLICES, "chop into this many slices (1 = whole)", ("chops",)),
            number("slice", "count", 0, 0, MAX_SLICES, "the slice every note plays (0 = the note picks)", ()),
            choice("chop", ("equal", "onsets"), "equal", "slices of equal length, or at detected onsets", ()),
            PAN,
        ),
        "plays a sample file (WAV, FLAC, AIFF, OGG): one-shot, loop or gated, pitched, sliced",
        ("sample", "sample player"),
    )

    def __init__(self, sample_rate: int):
        super().__init__(sample_rate)
        self.data = None
        self.position = 0.0           # frame of the sample the next output sample reads
        self.rate = 1.0               # the note's speed (pitch param aside)
        self.region = (0, 0)          # frames [first, last) the current note plays
        self.playing = False
        self.held = False
        self.level = 1.0
        self.fade = 1.0               # release gain (1 until note off in loop/gate mode)
        self._release_step = 1.0 / max(1.0, RELEASE_MS * 1e-3 * sample_rate)

    def set(self, name, value):
        super().set(name, value)
        if name == "sample":
            self.data = SAMPLES.get(value)       # decoded and registered before the message came
            self.playing = False

    # -- notes ---------------------------------------------------------------------------
    def note_on(self, freq, accent):
        if self.data is None:
            return
        note = None if freq is None else 12.0 * math.log2(freq / MIDDLE_C_HZ)
        self.region = self._region(note)
        self.rate = 1.0 if note is None or self._sliced() else 2.0 ** (note / 12.0)
        self.position = float(self.region[0])
        self.playing = self.region[1] > self.region[0]
        self.held, self.fade = True, 1.0
        self.level = 1.0 + ACCENT_BOOST * accent

    def note_off(self):
        self.held = False

    def _sliced(self) -> bool:
        return int(round(float(self.targets["slices"]))) > 1

    def _region(self, note: float | None) -> tuple[int, int]:
        """The frames a note plays: [start, end) of the sample, or one slice of it."""
        length = self.data.length
        first = int(round(float(self.targets["start"]) * length))
        last = max(first, int(round(float(self.targets["end"]) * length)))
        count = int(round(float(self.targets["slices"])))
        if count <= 1:
            return first, last
        bounds = self.slice_bounds(first, last, count)
        fixed = int(round(float(self.targets["slice"])))
        index = fixed - 1 if fixed >= 1 else (0 if note is None else int(round(note)))
        index %= len(bounds) - 1
        return int(bounds[index]), int(bounds[index + 1])

    def slice_bounds(self, first: int, last: int, count: int) -> np.ndarray:
        """count + 1 frame positions: equal parts of [first, last), or the detected onsets inside it."""
        if self.targets["chop"] == "onsets":
            inside = self.data.onsets[(self.data.onsets > first) & (self.data.onsets < last)]
            cuts = np.concatenate([[first], inside[:count - 1], [last]])
            if len(cuts) > 2 or count == 1:
                return cuts.astype(np.int64)
        return np.round(first + np.arange(count + 1) * (last - first) / count).astype(np.int64)

    # -- rendering -----------------------------------------------------------------------
    def process(self, audio_in, params):
        n = len(audio_in)
        if not self.playing or self.data is None:
            return np.zeros(n)
        speed = self.rate * np.exp2(params["pitch"] / 12.0)
        reads = self.position + np.concatenate(([0.0], np.cumsum(speed[:-1])))
        first, last = self.region
        mode = params["mode"]
        out_of_region = reads >= last
        if mode == "loop":
            reads = first + np.mod(reads - first, last - first)
            out_of_region[:] = False
        block = hermite(self.data.mono, reads)
        block[out_of_region] = 0.0
        envelope = self._envelope(n, mode)
        self.position = float(reads[-1] + speed[-1])
        if out_of_region.any() or self.fade <= 0.0:
            self.playing = False
        return self.level * params["gain"] * envelope * block

    def _envelope(self, n: int, mode: str) -> np.ndarray | float:
        if self.held or mode == "one-shot":
            return 1.0
        ramp = self.fade - self._release_step * np.arange(1, n + 1)
        np.clip(ramp, 0.0, 1.0, out=ramp)
        self.fade = float(ramp[-1])
        return ramp


def hermite(frames: np.ndarray, reads: np.ndarray) -> np.ndarray:
    """4-point, 3rd-order Hermite interpolation of `frames` at fractional positions (0 outside)."""
    base = np.floor(reads).astype(np.int64)
    frac = reads - base
    length = len(frames)

    def at(offset):
        index = base + offset
        inside = (index >= 0) & (index < length)
        return np.where(inside, frames[np.clip(index, 0, length - 1)], 0.0)

    xm1, x0, x1, x2 = at(-1), at(0), at(1), at(2)
    c1 = 0.5 * (x1 - xm1)
    c2 = xm1 - 2.5 * x0 + 2.0 * x1 - 0.5 * x2
    c3 = 0.5 * (x2 - xm1) + 1.5 * (x0 - x1)
    return ((c3 * frac + c2) * frac + c1) * frac + x0


__all__ = ["Sampler", "SampleParam", "hermite", "SampleError"]
