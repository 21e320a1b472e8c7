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
from .notes import is_note, note_to_hz
from .params import ParamError

STEPS_PER_BAR = 16
BPM_RANGE = (20, 300)
SWING_RANGE = (0.0, 0.6)
GATE_FRACTION = Fraction(1, 2)
PATTERN_CHARS = set("xX.-")

NoteEvent = tuple[int, str, bool, float | None, float]


def _round(value: Fraction) -> int:
    """Round half up, exactly."""
    return int((value + Fraction(1, 2)) // 1)


def parse_pattern(text: str) -> str:
    """Strip spaces and bars; raise ParamError naming the notation on anything else."""
    steps = "".join(ch for ch in str(text) if ch not in " |")
    bad = sorted(set(steps) - PATTERN_CHARS)
    if not steps or bad:
        found = f" (found {''.join(bad)!r})" if bad else ""
        raise ParamError(f"a pattern is one character a step: X accent, x hit, . rest, - tie{found}")
    if len(steps) > 256:
        raise ParamError("a pattern has at most 256 steps")
    return steps


def parse_notes(args) -> list[float | None]:
    """Note names or Hz; '-' holds the previous note (None)."""
    notes: list[float | None] = []
    for arg in args:
        text = str(arg).strip().lower()
        if text == "-":
            notes.append(None)
        elif is_note(text):
            notes.append(note_to_hz(text))
        else:
            try:
                hz = float(text)
            except ValueError:
                raise ParamError(f"{arg!r} is not a note: use a name like a2, c#3, eb4, a number in Hz, or -") from None
            if not 20 <= hz <= 20000:
                raise ParamError(f"note {hz:g} Hz is out of range 20–20000")
            notes.append(hz)
    if not notes:
        raise ParamError("/seq/notes needs a track and at least one note")
    return notes


class Track:
    """A pattern aimed at a module (its voice plays the notes) with optional per-step pitches."""

    def __init__(self, target: str, pattern: str, notes: list[float | None] | None = None,
                 muted: bool = False):
        self.target = target
        self.pattern = pattern
        self.notes = notes or []
        self.muted = muted             # /seq/mute: kept, silent ("stop the hats", "drop the kick")

    def pitch(self, step: int) -> float | None:
        """The pitch of a step: notes cycle over the steps; '-' holds the note before it."""
        if not self.notes:
            return None
        index = step % len(self.notes)
        for back in range(len(self.notes)):
            note = self.notes[(index - back) % len(self.notes)]
            if note is not None:
                return note
        return None

    def length_in_steps(self, step: int) -> int:
        """1 + the ties that follow a hit (cyclic, bounded by the pattern length)."""
        length = 1
        while length < len(self.pattern) and self.pattern[(step + length) % len(self.pattern)] == "-":
            length += 1
        return length

    def state(self) -> dict:
        state = {"target": self.target, "pattern": self.pattern, "notes": list(self.notes)}
        return {**state, "muted": True} if self.muted else state


class Sequencer:
    def __init__(self, sample_rate: int):
        self.sample_rate = sample_rate
        self.tracks: dict[str, Track] = {}
        self.bpm = Fraction(120)
        self.swing = Fraction(0)
        self.running = False
        self.next_step = 0
        self.anchor_step = 0
        self.anchor_time = Fraction(0)
        self.pending: list[tuple[int, int, tuple]] = []  # (effective step, serial, change)
        self.offs: dict[str, tuple[int, int]] = {}  # target → (off sample, onset) of its sounding note
        self._serial = 0
        self._onset_memo: tuple | None = None

    # -- time -------------------------------------------------------------------
    @property
    def samples_per_step(self) -> Fraction:
        return Fraction(self.sample_rate * 60) / (self.bpm * 4)

    def step_time(self, step: int) -> Fraction:
        """Exact (unrounded, unswung) sample of a step on the current grid."""
        return self.anchor_time + (step - self.anchor_step) * self.samples_per_step

    def onset(self, step: int) -> int:
        """The sample a step plays at. Asked every block for the next step: the last answer is kept
        while the step and the grid objects are the same ones (they are replaced, never mutated)."""
        memo = self._onset_memo
        if (memo is not None and memo[0] == step and memo[1] == self.anchor_step and memo[2] is self.anchor_time
                and memo[3] is self.bpm and memo[4] is self.swing):
            return memo[5]
        swing = self.swing * self.samples_per_step if step % 2 else 0
        value = _round(self.step_time(step) + swing)
        self._onset_memo = (step, self.anchor_step, self.anchor_time, self.bpm, self.swing, value)
        return value

    # -- messages ---------------------------------------------------------------
    def check(self, msg: Message) -> None:
        verb = msg.address.split("/")[-1]
        args = msg.args
        if msg.address in ("/seq/add", "/seq/update/pattern"):
            if len(args) < 3:
                raise ParamError("/seq/add needs a track, a target module and a pattern")
            parse_pattern(args[2])
            self._check_now(args[3:])
        elif verb == "notes":
            if len(args) < 2:
                raise ParamError("/seq/notes needs a track and at least one note")
            parse_notes(args[1:])
        elif verb == "remove":
            if len(args) != 1:
                raise ParamError("/seq/remove needs a track name")
        elif verb == "mute":
            if len(args) != 2 or str(args[1]) not in ("0", "1", "0.0", "1.0"):
                raise ParamError("/seq/mute needs a track name and 1 (mute) or 0 (unmute)")
        elif verb == "bpm":
            self._number(args, "tempo", *BPM_RANGE, "bpm")
            self._check_now(args[1:])
        elif verb == "swing":
            self._number(args, "swing", *SWING_RANGE, "of a step")
        elif verb not in ("clear", "start", "stop", "continue"):
            raise ParamError(f"the sequencer has no address {msg.address!r}")

    @staticmethod
    def _number(args, name, low, high, unit) -> float:
        try:
            value = float(args[0])
        except (IndexError, ValueError, TypeError):
            raise ParamError(f"{name} needs a number in {low:g}–{high:g} {unit}") from None
        if not low <= value <= high:
            raise ParamError(f"{name} {value:g} is out of range {low:g}–{high:g} {unit}")
        return value

    @staticmethod
    def _check_now(rest) -> None:
        if rest and str(rest[0]).lower() != "now":
            raise ParamError(f"expected 'now' or nothing after the value, got {rest[0]!r}")

    def handle(self, msg: Message, at: int) -> None:
        """Apply a validated /seq/* message that the engine reached at sample `at`."""
        verb = msg.address.split("/")[-1]
        args = msg.args
        now = bool(args) and str(args[-1]).lower() == "now"
        if msg.address in ("/seq/add", "/seq/update/pattern"):
            self._change(("track", str(args[0]), str(args[1]), parse_pattern(args[2])), now)
        elif verb == "notes":
            self._change(("notes", str(args[0]), parse_notes(args[1:])), True)
        elif verb == "remove":
            self._change(("track", str(args[0]), None, None), True)
        elif verb == "mute":
            self._change(("mute", str(args[0]), float(args[1]) != 0), True)
        elif verb == "bpm":
            self._change(("bpm", Fraction(str(float(args[0])))), now)
        elif verb == "swing":
            self.swing = Fraction(str(float(args[0])))
        elif verb == "clear":
            self.tracks.clear()
            self.pending = [p for p in self.pending if p[2][0] == "bpm"]  # a queued tempo stays queued
            heapq.heapify(self.pending)
            self._release(at)
        elif verb == "start" and not self.running:
            self.running, self.next_step = True, 0
            self.anchor_step, self.anchor_time = 0, Fraction(at)
            self._apply_pending(until=None)
        elif verb == "continue" and not self.running:       # on from the step it stopped before
            self.running = True
            self.anchor_step, self.anchor_time = self.next_step, Fraction(at)
            self._apply_pending(until=None)
        elif verb == "stop":
            self.running = False
            self._apply_pending(until=None)
            self._release(at)

    def _change(self, change: tuple, now: bool) -> None:
        """Queue a change for the next bar (or the next step with `now`); at once when stopped."""
        if not self.running:
            self._apply(change)
            return
        step = self.next_step if now else -(-self.next_step // STEPS_PER_BAR) * STEPS_PER_BAR
        heapq.heappush(self.pending, (step, self._serial, change))
        self._serial += 1

    def _apply(self, change: tuple) -> None:
        kind = change[0]
        if kind == "bpm":
            if self.running:
                self.anchor_time, self.anchor_step = self.step_time(self.next_step), self.next_step
            self.bpm = change[1]
        elif kind == "mute":
            if change[1] in self.tracks:
                self.tracks[change[1]].muted = change[2]
        elif kind == "notes":
            if change[1] in self.tracks:
                self.tracks[change[1]].notes = change[2]
            else:
                self.tracks[change[1]] = Track("", "", change[2])
        elif change[2] is None:
            self.tracks.pop(change[1], None)
        else:  # the notes are the track's at the time the change lands (a /seq/notes may follow the add)
            old = self.tracks.get(change[1])
            self.tracks[change[1]] = Track(change[2], change[3], old.notes if old else None,
                                           old.muted if old else False)

    def _apply_pending(self, until: int | None) -> None:
        while self.pending and (until is None or self.pending[0][0] <= until):
            self._apply(heapq.heappop(self.pending)[2])

    def _release(self, at: int) -> None:
        """Every sounding note ends at `at`."""
        self.offs = {target: (at, at) for target in self.offs}

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
        if not self.running and not self.offs:
            return []
        end = start + n
        events: list[NoteEvent] = []
        while self.running:
            self._apply_pending(until=self.next_step)
            onset = self.onset(self.next_step)
            if onset >= end:
                break
            # a swing or tempo change can move the next step before `start`: it plays at once
            self._fire(self.next_step, max(onset, start), events)
            self.next_step += 1
        for target, (sample, _) in sorted(self.offs.items()):
            if sample < end:
                events.append((sample, target, False, None, 0.0))
                del self.offs[target]
        events.sort(key=lambda e: (e[0], e[2], e[1]))  # a total order: window cuts never show
        return events

    def _fire(self, step: int, onset: int, events: list[NoteEvent]) -> None:
        swing = self.swing * self.samples_per_step if step % 2 else 0
        for track in sorted(self.tracks.values(), key=lambda t: t.target):
            if not track.pattern or not track.target or track.muted:
                continue
            index = step % len(track.pattern)
            char = track.pattern[index]
            if char not in "xX":
                continue
            span = track.length_in_steps(index) - 1 + GATE_FRACTION
            off = _round(self.step_time(step) + swing + span * self.samples_per_step)
            events.append((onset, track.target, True, track.pitch(index), 1.0 if char == "X" else 0.0))
            self._gate(track.target, onset, max(off, onset + 1), events)

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
        return {
            "bpm": float(self.bpm), "swing": float(self.swing), "running": self.running,
            "tracks": {name: t.state() for name, t in sorted(self.tracks.items())},
        }

    def load_state(self, state: dict, at: int = 0) -> None:
        """Restore a state(); a running grid restarts at sample `at`."""
        self.bpm = Fraction(str(state.get("bpm", 120)))
        self.swing = Fraction(str(state.get("swing", 0)))
        self.tracks = {
            name: Track(t["target"], parse_pattern(t["pattern"]) if t.get("pattern") else "", t.get("notes"),
                        bool(t.get("muted", False)))
            for name, t in state.get("tracks", {}).items()
        }
        self.running = bool(state.get("running", False))
        self.next_step, self.anchor_step, self.anchor_time = 0, 0, Fraction(at)
        self.pending, self.offs = [], {}
