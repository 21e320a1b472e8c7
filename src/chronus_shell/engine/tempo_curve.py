"""A tempo ramp: the tempo glides linearly in time from b0 to b1 bpm over a whole number of steps.

With T the ramp's length in samples, the beats played by sample t (from the ramp's start) are
    q(t) = (b0·t + (b1 − b0)·t²/(2T)) / (60·rate)
and covering N beats takes exactly T = 120·N·rate / (b0 + b1) samples (the mean tempo), a rational
number: the grid after the ramp is exact again. Inside the ramp a step's onset is the root of a
quadratic; it is found in floating point, then rounded exactly (half up, as the plain grid): q is
increasing, so r is the rounded onset iff q(r − ½) ≤ beat < q(r + ½), checked in Fractions.
Onsets follow the integrated tempo to the sample — never quantised to blocks.
"""
from __future__ import annotations

import math
from fractions import Fraction

STEPS_PER_BEAT = 4
TEMPO_TARGET = "seq.bpm"     # a tempo ramp's name among the ramps a session saves


def in_progress(sequencer) -> dict | None:
    """A running tempo ramp as session data (the tempo at the next step, the target, the beats left)."""
    ramp, step = sequencer.tempo_ramp, sequencer.next_step
    if not sequencer.running or ramp is None or not ramp.covers(step):
        return None
    return {"target": TEMPO_TARGET, "from": float(ramp.bpm_at(step)), "to": float(ramp.b1),
            "beats": (ramp.end_step - step) / STEPS_PER_BEAT, "curve": "lin"}


class TempoRamp:
    def __init__(self, start_step: int, start_time: Fraction, b0: Fraction, b1: Fraction, steps: int,
                 sample_rate: int):
        self.start_step, self.start_time = start_step, Fraction(start_time)
        self.b0, self.b1 = Fraction(b0), Fraction(b1)
        self.end_step = start_step + steps
        self.rate60 = Fraction(60 * sample_rate)
        self.beats = Fraction(steps, STEPS_PER_BEAT)
        self.length = 2 * self.beats * self.rate60 / (self.b0 + self.b1)      # T, exact
        self.end_time = self.start_time + self.length
        self._memo: tuple[int, int] | None = None

    def covers(self, step: int) -> bool:
        return self.start_step <= step < self.end_step

    # -- beats ↔ samples ---------------------------------------------------------
    def beats_at(self, t) -> Fraction:
        """q(t): beats from the ramp's start to `t` samples after it (t within the ramp), exact."""
        t = Fraction(t)
        return (self.b0 * t + (self.b1 - self.b0) * t * t / (2 * self.length)) / self.rate60

    def time_for(self, beats) -> float:
        """The root of q(t) = beats in samples from the start (floating point)."""
        if beats >= self.beats:
            return float(self.length)
        b0, slope = float(self.b0), float((self.b1 - self.b0) / self.length)
        c = float(beats * self.rate60)
        return 2.0 * c / (b0 + math.sqrt(max(b0 * b0 + 2.0 * slope * c, 0.0)))

    def step_time(self, step: int) -> Fraction:
        """A step's (unrounded) sample: exact at the ends, the float root inside."""
        if step == self.start_step:
            return self.start_time
        return self.start_time + Fraction(self.time_for(Fraction(step - self.start_step, STEPS_PER_BEAT)))

    def onset(self, step: int) -> int:
        """A step's onset in samples, exactly rounded (half up) from the integrated tempo."""
        if self._memo is not None and self._memo[0] == step:
            return self._memo[1]
        value = self.round_time(Fraction(step - self.start_step, STEPS_PER_BEAT))
        self._memo = (step, value)
        return value

    def round_time(self, beats: Fraction) -> int:
        """round(start + q⁻¹(beats)) exactly, for 0 ≤ beats ≤ the ramp's beats."""
        if beats <= 0:
            return int((self.start_time + Fraction(1, 2)) // 1)
        guess = math.floor(float(self.start_time) + self.time_for(beats) + 0.5)
        half = Fraction(1, 2)
        while self.beats_at(guess - half - self.start_time) > beats:
            guess -= 1
        while self.beats_at(guess + half - self.start_time) <= beats:
            guess += 1
        return guess

    def bpm_at(self, step: int) -> Fraction:
        """The instantaneous tempo at a step of the ramp (where a new ramp or tempo takes over)."""
        t = min(max(self.step_time(step) - self.start_time, Fraction(0)), self.length)
        return self.b0 + (self.b1 - self.b0) * Fraction(float(t / self.length))

    def step_length(self, step: int) -> Fraction:
        """Samples from a step to the next (swing and gate lengths inside the ramp)."""
        return self.step_time(step + 1) - self.step_time(step) if step + 1 < self.end_step else \
            self.end_time - self.step_time(step)

    def sample_after(self, at: int, beats: float, samples_per_beat_after: Fraction) -> int:
        """The sample `beats` beats after sample `at`, following the ramp then the tempo after it."""
        t = Fraction(at) - self.start_time
        done = self.beats_at(min(max(t, Fraction(0)), self.length)) if t < self.length else self.beats
        goal = done + Fraction(beats)
        if t >= self.length or goal > self.beats:
            base = max(Fraction(at), self.end_time) if t >= self.length else self.end_time
            rest = goal - self.beats if t < self.length else Fraction(beats)
            return round(base + rest * samples_per_beat_after)
        return self.round_time(goal)

    def beats_between(self, at: int, end: int, samples_per_beat_after: Fraction) -> float:
        """Beats from sample `at` to sample `end` along the ramp and the tempo after it."""
        def beat(sample):
            t = Fraction(sample) - self.start_time
            if t <= 0:
                return t / (self.rate60 / self.b0)
            if t >= self.length:
                return self.beats + (t - self.length) / samples_per_beat_after
            return self.beats_at(t)
        return float(beat(end) - beat(at))


def glide(sequencer, target: Fraction, steps: int) -> None:
    """`/seq/bpm target ramp beats` landing: a ramp from the tempo at the next step (a running ramp's,
    wherever it is); the grid is anchored at the ramp's exact end. Stopped: the tempo is the target."""
    if not sequencer.running:
        sequencer.bpm, sequencer.tempo_ramp = target, None
        return
    step, ramp = sequencer.next_step, sequencer.tempo_ramp
    start = ramp.bpm_at(step) if ramp is not None and ramp.covers(step) else sequencer.bpm
    ramp = sequencer.tempo_ramp = TempoRamp(step, sequencer.step_time(step), start, target, steps,
                                            sequencer.sample_rate)
    sequencer.anchor_step, sequencer.anchor_time, sequencer.bpm = ramp.end_step, ramp.end_time, target


def _per_beat(sequencer) -> Fraction:
    return sequencer.samples_per_step * STEPS_PER_BEAT


def sample_after(sequencer, at: int, beats: float) -> int:
    """The sample `beats` beats after sample `at`, along the tempo (and a running tempo ramp)."""
    if sequencer.running and sequencer.tempo_ramp is not None:
        return sequencer.tempo_ramp.sample_after(at, beats, _per_beat(sequencer))
    return int(at) + math.floor(Fraction(beats) * _per_beat(sequencer) + Fraction(1, 2))


def beats_between(sequencer, at: int, end: int) -> float:
    """Beats from sample `at` to sample `end` along the tempo (and a running tempo ramp)."""
    if sequencer.running and sequencer.tempo_ramp is not None:
        return sequencer.tempo_ramp.beats_between(at, end, _per_beat(sequencer))
    return float((end - at) / _per_beat(sequencer))
