"""The sample-exact step sequencer, part of the engine state so it survives commits and failover.

Time is exact: the grid is an anchor (a step index and its exact sample as a Fraction) plus
samples-per-step as a Fraction, so step n's onset is round(anchor + (n − anchor_step)·sps) — never
quantised to blocks and never drifting. A tempo change moves the anchor to the bar where it takes
effect, so the bar grid stays continuous. Events are produced for contiguous windows in order; the
result does not depend on how the windows are cut.
"""
from __future__ import annotations

import heapq
from fractions import Fraction

from ..protocol.message import Message
from .mini_notation import check_pattern
from .note_steps import REST, parse_notes
from .scales import parse_key
from . import sequencer_verbs
from .sequencer_changes import SetMute
from .sequencer_verbs import STEPS_PER_BAR, SWING, TEMPO
from .tempo_curve import TempoRamp
from .track import Track
from .track_play import TrackStyle


NoteEvent = tuple[int, str, bool, float | tuple | None, float]   # a chord's pitches are a tuple of Hz
STOPPED = -1   # the onset kept for a note a stop or clear ended; its off event's last field is 1.0
               # (instead of 0.0): the note ends even in a voice with no envelope (engine/poly.py)


def _round(value: Fraction) -> int:
    """Round half up, exactly: floor((2n + d) / 2d) for n/d in integers (ten times quicker than the
    Fraction's own arithmetic, which anything else still takes)."""
    if isinstance(value, (Fraction, int)):
        return (2 * value.numerator + value.denominator) // (2 * value.denominator)
    return int((value + Fraction(1, 2)) // 1)


class Sequencer:
    _quiet_until = -1   # before this sample nothing is due (kept by `events`; any change from outside clears it)

    def __init__(self, sample_rate: int):
        self.sample_rate = sample_rate
        self.tracks: dict[str, Track] = {}
        self.bpm = Fraction(TEMPO.default)
        self.swing = Fraction(SWING.default)
        self.swing_unit = 1                  # steps a swung note is: 1 (every second 16th late) or 2 (8ths)
        self.key: tuple[str, str] | None = None   # the session key (/seq/key): tonic and scale, or none
        self.capo = 0                             # the fret the note tracks sound under (/seq/capo), 0: none
        self.running = False
        self.next_step = 0
        self.anchor_step = 0
        self.anchor_time = Fraction(0)
        self.pending: list[tuple[int, int, object]] = []  # (effective step, serial, change): sequencer_changes.py
        self.offs: dict[str, tuple[int, int]] = {}  # target → (off sample, onset) of its sounding note
        self._serial = 0
        self._onset_memo: tuple | None = None
        self.tempo_ramp: TempoRamp | None = None   # `/seq/bpm v ramp beats`: the grid glides (tempo_curve.py)
        self.stop_step: int | None = None          # `/seq/stop bar`: the bar line the transport stops at
        self.seed = 0                                  # /seq/seed: every chance and humanize draws from it
        self.later: list[tuple] = []  # heap of notes inside a step: (sample, target, serial, track, off, hz, accent)

    # -- time -------------------------------------------------------------------
    _step_memo: tuple | None = None   # (bpm, its samples per step): the tempo is replaced, never mutated

    @property
    def samples_per_step(self) -> Fraction:
        memo = self._step_memo
        if memo is not None and memo[0] is self.bpm:
            return memo[1]
        value = Fraction(self.sample_rate * 60) / (self.bpm * 4)
        self._step_memo = (self.bpm, value)
        return value

    def step_time(self, step: int) -> Fraction:
        """Exact (unrounded, unswung) sample of a step on the current grid."""
        if self.tempo_ramp is not None and self.tempo_ramp.covers(step):
            return self.tempo_ramp.step_time(step)
        return self.anchor_time + (step - self.anchor_step) * self.samples_per_step

    def swung(self, step: int) -> Fraction | int:
        """How many steps late swing plays a step. Swing of 16ths (unit 1) delays every second 16th;
        of 8ths (unit 2) every second 8th by swing × 2 steps, the 16ths between them in proportion
        (the pair of 8ths stretched and squeezed, as a groove does)."""
        if not self.swing:
            return 0
        unit = self.swing_unit
        place = step % (2 * unit)
        return self.swing * (place if place <= unit else 2 * unit - place)

    def onset(self, step: int) -> int:
        """The sample a step plays at. Asked every block for the next step: the last answer is kept
        while the step and the grid objects are the same ones (they are replaced, never mutated)."""
        ramp = self.tempo_ramp
        if ramp is not None and ramp.covers(step):
            late = self.swung(step)
            if late:
                return _round(ramp.step_time(step) + late * ramp.step_length(step))
            return ramp.onset(step)
        memo = self._onset_memo
        if (memo is not None and memo[0] == step and memo[1] == self.anchor_step and memo[2] is self.anchor_time
                and memo[3] is self.bpm and memo[4] is self.swing and memo[5] == self.swing_unit):
            return memo[6]
        late = self.swung(step)
        value = _round(self.step_time(step) + (late * self.samples_per_step if late else 0))
        self._onset_memo = (step, self.anchor_step, self.anchor_time, self.bpm, self.swing, self.swing_unit, value)
        return value

    def step_length(self, step: int) -> Fraction:
        """Samples from a step to the next (a tempo ramp's steps shrink or grow)."""
        ramp = self.tempo_ramp
        return ramp.step_length(step) if ramp is not None and ramp.covers(step) else self.samples_per_step

    # -- messages (one table of verbs: engine/sequencer_verbs.py) and the changes they queue ------
    check = staticmethod(sequencer_verbs.check)   # (msg, shape=None): ParamError unless its verb takes the args

    def handle(self, msg: Message, at: int) -> None:
        """Apply a checked /seq/* message that the engine reached at sample `at`."""
        self._quiet_until = -1
        sequencer_verbs.handle(self, msg, at)

    def change(self, change, now: bool) -> None:
        """Queue a change (engine/sequencer_changes.py) for the next bar, or the next step with
        `now`; at once when stopped."""
        self._quiet_until = -1
        if not self.running:
            change.apply(self)
            return
        self.queue(change, self.next_step if now else -(-self.next_step // STEPS_PER_BAR) * STEPS_PER_BAR)

    def queue(self, change, step: int) -> None:
        """The change lands when the grid reaches `step` (in the order queued, at one step)."""
        self._quiet_until = -1
        heapq.heappush(self.pending, (step, self._serial, change))
        self._serial += 1

    def apply_pending(self, until: int | None) -> None:
        while self.pending and (until is None or self.pending[0][0] <= until):
            heapq.heappop(self.pending)[2].apply(self)

    def release(self, at: int, targets=()) -> None:
        """Every sounding note ends at `at`, and every note still heard on `targets` (the tracks'
        voices) with it, envelope or not: the transport stopped, or the tracks went."""
        self._quiet_until = -1
        self.offs = {target: (at, STOPPED) for target in (*self.offs, *targets) if target}

    def stop_now(self, at: int) -> None:
        """The transport stops at sample `at`: what is queued lands, every note ends."""
        self._quiet_until = -1
        self.running, self.tempo_ramp, self.stop_step, self.later = False, None, None, []
        self.apply_pending(until=None)
        self.release(at, [track.target for track in self.tracks.values()])

    def next_bar(self, at: int) -> int:
        """The first bar line at or after sample `at` (just `at` when the grid is stopped)."""
        if not self.running:
            return int(at)
        step = max(self.next_step, 0)
        step = -(-step // STEPS_PER_BAR) * STEPS_PER_BAR
        while self.onset(step) < at:
            step += STEPS_PER_BAR
        return self.onset(step)

    # -- events -----------------------------------------------------------------
    def events(self, start: int, n: int) -> list[NoteEvent]:
        """Note on/off events in [start, start+n), off before on at the same sample."""
        end = start + n
        if end <= self._quiet_until or (not self.running and not self.offs):
            return []              # (most blocks: nothing is due in them)
        events: list[NoteEvent] = []
        while self.running:
            self.apply_pending(until=self.next_step)
            onset = self.onset(self.next_step)
            if onset >= end:
                break
            if self.later:
                self._play_later(onset, start, events)      # the notes inside the steps before
            if self.stop_step is not None and self.next_step >= self.stop_step:     # `/seq/stop bar`
                self.stop_now(max(onset, start))
                break
            # a swing or tempo change can move the next step before `start`: it plays at once
            self._fire(self.next_step, max(onset, start), events)
            self.next_step += 1
        if self.later:
            self._play_later(end, start, events)
        if self.offs:
            for target, (sample, onset) in sorted(self.offs.items()):
                if sample < end:
                    events.append((sample, target, False, None, 1.0 if onset == STOPPED else 0.0))
                    del self.offs[target]
        if len(events) > 1:
            events.sort(key=lambda e: (e[0], e[2], e[1]))  # a total order: window cuts never show
        due = [sample for sample, _ in self.offs.values()]
        if self.later:
            due.append(self.later[0][0])
        if self.running:
            due.append(self.onset(self.next_step))
        self._quiet_until = min(due) if due else -1
        return events

    def _fire(self, step: int, onset: int, events: list[NoteEvent]) -> None:
        sps = self.step_length(step)                                  # a tempo ramp's steps differ
        base = self.step_time(step) + self.swung(step) * sps          # exact onset of this step
        for name, track in sorted(self.tracks.items(), key=lambda t: t[1].target):
            play = track.play
            if play.table is None or not track.target or track.muted:
                continue
            length = sps / play.speed                                 # samples of one of the track's steps
            for phase, hit, k, j in play.hits(step):
                if hit.chance < 1 or play.chance < 1:
                    if not play.plays(self.seed, hit, k, j):
                        continue
                pitch = track.pitch(hit.note)
                if pitch == REST:                                     # a rest in the notes: no gate
                    continue
                if phase == 0 and not play.humanize:          # on the step: played now, as always
                    off = _round(base + hit.gate * length)
                    events.append((onset, track.target, True, pitch, hit.accent))
                    self._gate(track.target, onset, max(off, onset + 1), events)
                    continue
                late, accent = play.feel(self.seed, hit, k, j, self.sample_rate)
                exact = (self._time_at(step, phase, sps) if phase else base) + late
                off = _round(exact + hit.gate * length)
                heapq.heappush(self.later, (_round(exact), track.target, self._serial, name, off,
                                            pitch, accent))
                self._serial += 1

    def _time_at(self, step: int, phase: Fraction, sps: Fraction) -> Fraction:
        """The exact sample at `phase` steps into `step`: between its (swung) onset and the next's."""
        whole = step + int(phase)
        phase -= int(phase)
        late, next_late = self.swung(whole), self.swung(whole + 1)
        return self.step_time(whole) + late * sps + phase * (sps + (next_late - late) * sps)

    def _play_later(self, until: int, start: int, events: list[NoteEvent]) -> None:
        """The notes inside steps (rolls, subdivisions, speeds, humanize) due before `until`."""
        while self.later and self.later[0][0] < until:
            sample, target, _, _, off, hz, accent = heapq.heappop(self.later)
            sample = max(sample, start)
            events.append((sample, target, True, hz, accent))
            self._gate(target, sample, max(off, sample + 1), events)

    def _gate(self, target: str, onset: int, off: int, events: list[NoteEvent]) -> None:
        """A voice is monophonic: its gate ends with its latest note (the longest of one onset)."""
        sounding = self.offs.get(target)
        if sounding is not None:
            if sounding[0] <= onset:
                events.append((sounding[0], target, False, None, 0.0))
            elif sounding[1] == onset:
                off = max(off, sounding[0])
        self.offs[target] = (off, onset)

    # -- state ------------------------------------------------------------------
    def state(self) -> dict:
        """JSON-able: tempo, swing, running and tracks (snapshots restart the grid on load)."""
        state = {
            "bpm": float(self.bpm), "swing": float(self.swing), "running": self.running,
            "tracks": {name: self._lasting(name, t.state()) for name, t in sorted(self.tracks.items())},
        } | ({"key": " ".join(self.key)} if self.key else {}) | ({"swing_unit": 8} if self.swing_unit == 2 else {})
        return state | ({"seed": self.seed} if self.seed else {}) | ({"capo": self.capo} if self.capo else {})

    def _lasting(self, name: str, state: dict) -> dict:
        """A track's state as it lasts: a timed mute ('mute the hats for 8 bars') saved as the state it comes back
        to (a snapshot has no clock to flip it back by: saved muted, it stayed muted for good)."""
        flips = [change.muted for _, _, change in sorted(self.pending, key=lambda entry: entry[:2])
                 if isinstance(change, SetMute) and change.name == name]
        if not flips:
            return state
        return {**state, "muted": True} if flips[-1] else {k: v for k, v in state.items() if k != "muted"}

    def load_state(self, state: dict, at: int = 0) -> None:
        """Restore a state(); a running grid restarts at sample `at`."""
        self._quiet_until = -1
        self.bpm = Fraction(str(state.get("bpm", TEMPO.default)))
        self.swing = Fraction(str(state.get("swing", SWING.default)))
        self.swing_unit = 2 if state.get("swing_unit") == 8 else 1
        self.seed = int(state.get("seed", 0))
        self.tracks = {
            name: Track(t["target"], check_pattern(t["pattern"]) if t.get("pattern") else "",
                        [None if n is None else parse_notes([n])[0] for n in t.get("notes") or []],
                        bool(t.get("muted", False)), name, {k: t[k] for k in TrackStyle.DEFAULTS if k in t})
            for name, t in state.get("tracks", {}).items()
        }
        self.key = parse_key(str(state["key"]).split()) if state.get("key") else None
        self.capo = int(state.get("capo", 0))
        self.running = bool(state.get("running", False))
        self.next_step, self.anchor_step, self.anchor_time = 0, 0, Fraction(at)
        self.pending, self.offs, self.tempo_ramp, self.stop_step, self.later = [], {}, None, None, []
