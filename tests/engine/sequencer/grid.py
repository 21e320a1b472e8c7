"""Helpers for the sequencer tests: exact grid expectations, offline renders that also log the
engine's note events (at the sample where the engine applied them), onsets found in the audio."""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from chronus_shell.engine.engine import Engine
from chronus_shell.engine.timeline import Timeline
from chronus_shell.engine.sequencer import Sequencer
from chronus_shell.protocol.message import Message

SR = 48000
START = 12_345  # the sequencer starts mid-block, after the param smoothing has settled
KICK = ["/patch/create k kick", "/patch/connect k master", "/mod/k/decay 10", "/mod/k/gain 0.3"]
TONE = ["/patch/create s sine", "/patch/create e adsr", "/patch/connect s e", "/patch/connect e master",
        "/mod/e/attack 0.1", "/mod/e/release 0.1", "/mod/e/sustain 1", "/mod/s/gain 0.3"]
RELEASE = 5  # samples of a 0.1 ms release at 48 kHz: the audio is silent from off + RELEASE


def sps(bpm) -> Fraction:
    """Exact samples per 16th step."""
    return Fraction(SR * 60) / (Fraction(str(bpm)) * 4)


def half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def step_onset(n: int, bpm, swing=0, start: int = START) -> int:
    """round(n × samples_per_step (+ swing × step on odd steps)) from the sequencer start."""
    step = sps(bpm)
    return start + half_up(n * step + (Fraction(str(swing)) * step if n % 2 else 0))


def step_off(n: int, bpm, length: int = 1, swing=0, start: int = START) -> int:
    """The gate's end: (ties + ½) steps after the exact (swung) onset."""
    step = sps(bpm)
    exact = n * step + (Fraction(str(swing)) * step if n % 2 else 0)
    return start + half_up(exact + (length - Fraction(1, 2)) * step)


def hits(pattern: str, bars: int) -> list[int]:
    """Steps whose character is x or X, over `bars` bars of 16 steps (the pattern cycles)."""
    return [n for n in range(bars * 16) if pattern[n % len(pattern)] in "xX"]


def messages(lines, at: int = 0) -> list[tuple[int, Message]]:
    return [(at, Message.parse(line)) for line in lines]


def render(events: list[tuple[int, Message]], samples: int, block: int):
    """(audio, notes) of the first `samples`; notes: (sample, module, on, freq, accent) as applied."""
    notes: list[tuple] = []
    original = Engine._note

    def logged(self, module_id, on, freq, accent):
        notes.append((self.position, module_id, on, freq, accent))
        return original(self, module_id, on, freq, accent)

    Engine._note = logged
    try:
        timeline = Timeline(SR, block)
        for at, msg in events:
            timeline.schedule(msg, at)
        count = -(-samples // block)
        stereo = np.concatenate([timeline.render_block() for _ in range(count)])[:samples]
        assert np.array_equal(stereo[:, 0], stereo[:, 1]), "nothing is panned: L = R"
        audio = stereo[:, 0]
    finally:
        Engine._note = original
    return audio, [note for note in notes if note[0] < samples]


def note_ons(notes, module: str) -> list[int]:
    """Sample of each note-on of a voice (one per sample, however many modules it has)."""
    return sorted({at for at, mid, on, _, _ in notes if on and mid == module})


def note_offs(notes, module: str) -> list[int]:
    return sorted({at for at, mid, on, _, _ in notes if not on and mid == module})


def onsets(audio: np.ndarray, gap: int = 64) -> list[int]:
    """First non-zero frame after at least `gap` zero frames (or the start of the audio); mono or stereo."""
    loud = np.flatnonzero(np.abs(audio).reshape(len(audio), -1).max(axis=1))
    if not len(loud):
        return []
    keep = np.concatenate(([True], np.diff(loud) > gap))
    return [int(i) for i in loud[keep]]


def drive(seq: Sequencer, start: int, end: int, sizes=(256,)) -> list[tuple]:
    """Sequencer.events over [start, end) in windows cycling through `sizes`."""
    out, at, index = [], start, 0
    while at < end:
        size = min(sizes[index % len(sizes)], end - at)
        out += seq.events(at, size)
        at, index = at + size, index + 1
    return out


def sequencer(*lines: str, at: int = 0) -> Sequencer:
    """A Sequencer that has handled raw /seq lines at sample `at`."""
    seq = Sequencer(SR)
    for line in lines:
        msg = Message.parse(line)
        seq.check(msg)
        seq.handle(msg, at)
    return seq


def frequency(segment: np.ndarray) -> float:
    """Frequency (Hz) from rising zero crossings, interpolated between samples."""
    below = np.flatnonzero((segment[:-1] < 0) & (segment[1:] >= 0))
    exact = below + segment[below] / (segment[below] - segment[below + 1])
    return (len(exact) - 1) * SR / (exact[-1] - exact[0])
