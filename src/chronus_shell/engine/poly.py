"""Polyphonic voices: a voice plays up to N notes (1–16) at once.

Each note is a row of the VoiceBank: the voice's per-note chain (its oscillator, acid_filter with
its per-note envelope, adsr — the modules fused into a bank chain) is copied N times over, and the
copies are rendered by the same kernel call as every other voice, summed into the voice's output
before its shared effects (anything after the chain: delay, reverb, distortion — one each).
A voice keeps 2N rows: N notes sounding (held or ringing out their release) and room for N stolen
notes fading out (poly_kernels.FADE_MS) while the new ones start at their exact samples. Rows
nobody plays are skipped by the kernel. A mono voice (N = 1) has no copies and plays as before.

Allocation: a new note takes a free row (never played, or its release finished); when N notes
sound, the oldest is stolen first (released notes before held ones) and fades out in its row.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..protocol.message import Message
from .modules.base import Banked
from .modules.envelopes import ADSR
from .modules.oscillators import Oscillator, Sine
from .note_steps import MAX_CHORD as MAX_NOTES
from .params import ParamError
from .voice_layout import IDLE



def rows_for(notes: int) -> int:
    """Bank rows of a voice playing `notes` at once: the notes and as many fading out."""
    return 2 * notes if notes > 1 else 1


@dataclass
class NoteRows:
    """Who plays in which row of one voice: held (gate open), the pitch, when it started."""

    held: list[bool] = field(default_factory=list)
    pitch: list[float | None] = field(default_factory=list)
    age: list[int] = field(default_factory=list)
    serial: int = 0

    def fit(self, count: int) -> None:
        """Rows added when the voice grew (row 0, the mono voice's own, keeps what it played)."""
        grow = count - len(self.held)
        if grow > 0:
            self.held += [False] * grow
            self.pitch += [None] * grow
            self.age += [-1] * grow
        del self.held[count:], self.pitch[count:], self.age[count:]


class Polyphony:
    """The engine's polyphony: note counts, note copies of the per-note modules, allocation."""

    def __init__(self):
        self.counts: dict[str, int] = {}        # module id → notes its voice plays (only n > 1)
        self.copies: dict[str, list] = {}       # per-note module id → its copies (rows 1…2N−1)
        self.rows: dict[str, NoteRows] = {}     # voice (its first module id) → its allocation
        self.fading_out = False                 # notes a voice lost room for are fading: plan again
        self.joining: dict[str, list] = {}      # envelope id → its copies in rows holding a note when it joined

    def count(self, voice: tuple[str, ...]) -> int:
        return max((self.counts.get(m, 1) for m in voice), default=1)

    def set_count(self, voice: tuple[str, ...], notes: int) -> None:
        for member in voice:
            if notes > 1:
                self.counts[member] = notes
            else:
                self.counts.pop(member, None)

    def forget(self, module_id: str) -> None:
        self.counts.pop(module_id, None)
        self.copies.pop(module_id, None)
        self.rows.pop(module_id, None)

    def reset(self, ids) -> None:
        """A voice that went NaN/Inf: its notes start afresh (new copies at the next plan)."""
        for module_id in ids:
            self.copies.pop(module_id, None)
            self.rows.pop(module_id, None)

    def state(self) -> dict[str, int]:
        """What a session saves: {module id: notes} of every polyphonic module."""
        return dict(sorted(self.counts.items()))

    def sync(self, modules: dict, voice_of) -> None:
        """Every voice module of a polyphonic voice gets its 2N − 1 copies (copies added when a voice
        grows start silent; the mono voice's own row keeps sounding); no one else keeps any. Notes a
        voice no longer has rows for (fewer notes, mono again) fade out first: `fading_out` says the
        plan must be built again once they have (the engine asks after every segment)."""
        wanted = {m: rows_for(self.count(voice_of(m))) - 1 for m, module in modules.items()
                  if isinstance(module, Banked) and self.count(voice_of(m)) > 1}
        fading = {voice_of(m) for m, have in self.copies.items()
                  if m in modules and _fade_out(modules[m], have[wanted.get(m, 0):], m in wanted)}
        self.fading_out = bool(fading)
        for module_id in [m for m in self.copies if voice_of(m) not in fading]:
            del self.copies[module_id][wanted.get(module_id, 0):]
            if module_id not in wanted:
                del self.copies[module_id]
                for member in voice_of(module_id):        # mono again: a stolen row-0 note stays silent
                    if isinstance(modules[module_id], Oscillator) and modules[module_id].gate[1] == 0.0 and \
                            isinstance(modules.get(member), ADSR):
                        modules[member].state[:] = 0.0
        for module_id, extra in wanted.items():
            primary = modules[module_id]
            have = self.copies.get(module_id)
            if have is None:
                have = self.copies[module_id] = []
                if isinstance(primary, Oscillator):
                    primary.gate[:] = (1.0, 1.0)     # what the mono voice plays goes on as note row 0
            notes = self.rows.get(voice_of(module_id)[0]) if isinstance(primary, ADSR) else None
            while len(have) < extra:
                have.append(_copy_of(primary))
                if notes is not None and len(have) < len(notes.held) and notes.held[len(have)]:
                    self.joining.setdefault(module_id, []).append(have[-1])   # an envelope joining a held chord

    def settle(self, fused: frozenset, modules: dict) -> None:
        """The envelope copies made for a held chord take the state the voice's own envelope reached
        while it rendered alone (its new edge fading in), once the voice renders in note rows: they
        go on from there rather than attacking again from silence (a drop, a click)."""
        for module_id in [m for m in self.joining if m in fused]:
            for copy in self.joining.pop(module_id):
                copy.state[:] = modules[module_id].state

    def fit_chord(self, voice: tuple[str, ...], modules: dict, on: bool, freq) -> bool:
        """A chord on a mono voice makes it play as many notes (True: it grew); a polyphonic voice
        keeps its count (the chord steals)."""
        if on and isinstance(freq, tuple) and len(freq) > 1 and self.count(voice) == 1 and any(
                isinstance(modules[m], Oscillator) for m in voice):
            self.set_count(voice, min(len(freq), MAX_NOTES))
            return True
        return False

    def play(self, voice: tuple[str, ...], modules: dict, fused: frozenset, on: bool, freq, accent: float) -> set:
        """A note event on a polyphonic voice: its per-note modules (fused into the bank, with copies)
        play it in note rows; returns their ids (the others — shared effects — hear the voice's gate)."""
        per_note = [m for m in voice if m in fused and m in self.copies]
        if not any(isinstance(modules[m], Oscillator) for m in per_note):
            return set()
        rows = [tuple(modules[m] for m in per_note)]
        rows += [tuple(self.copies[m][k] for m in per_note) for k in range(len(self.copies[per_note[0]]))]
        freqs = freq if isinstance(freq, tuple) else (() if freq is None and not on else (freq,))
        self._play(voice[0], rows, self.count(voice), on, freqs, accent)
        return set(per_note)

    def _play(self, key: str, rows: list[tuple], capacity: int, on: bool, freqs: tuple, accent: float) -> None:
        """Open notes (`on`) in rows of the voice `key`, or release them (all, or those of `freqs`).
        A release with accent 1.0 (the transport stopped) also fades out rows with no envelope,
        which a note-off alone leaves sounding until the next note steals them."""
        notes = self.rows.setdefault(key, NoteRows())
        notes.fit(len(rows))
        if not on:
            for k, row in enumerate(rows):
                if notes.held[k] and (not freqs or notes.pitch[k] in freqs):
                    notes.held[k] = False
                    for module in row:
                        module.note_off()
                if accent == 1.0 and _adsr_of(row) is None:
                    _gate_of(row)[1] = 0.0
            return
        for freq in freqs:
            if freq is None and max(notes.age) >= 0:      # a gate without a pitch: the last note again
                freq = notes.pitch[notes.age.index(max(notes.age))]
            sounding = [k for k, row in enumerate(rows) if _sounding(row)]
            if len(sounding) >= capacity:      # steal the oldest (a released note before a held one)
                victim = min(sounding, key=lambda k: (notes.held[k], notes.age[k], k))
                _gate_of(rows[victim])[1] = 0.0
                notes.held[victim] = False
            free = [k for k, row in enumerate(rows) if not _sounding(row) and not _fading(row)]
            if free:
                k = free[0]
                adsr = _adsr_of(rows[k])
                if adsr is not None:          # the adsr attacks from silence: the gate need not fade in
                    adsr.state[:] = 0.0       # (a stolen note's envelope was left where it was)
                    _gate_of(rows[k])[0] = 1.0
            else:                             # every row busy: the quietest fading note is retriggered
                k = min((k for k in range(len(rows)) if _fading(rows[k])), key=lambda k: (_loudness(rows[k]), k))
            _gate_of(rows[k])[1] = 1.0
            for module in rows[k]:
                module.note_on(freq, accent)
            notes.held[k], notes.pitch[k], notes.age[k] = True, freq, notes.serial
            notes.serial += 1


def _fade_out(primary, extra: list, stays_poly: bool) -> bool:
    """Close the gates of note rows about to go (and, going mono, a stolen row 0 still fading);
    True while any of them is still heard."""
    if not isinstance(primary, Oscillator):
        return False
    gates = [copy.gate for copy in extra] + ([] if stays_poly or primary.gate[1] else [primary.gate])
    for gate in gates:
        gate[1] = 0.0
    return any(gate[0] > 0.0 for gate in gates)


def _copy_of(module: Banked) -> Banked:
    """A fresh module of the same type with the same settings (silent until a note plays in it)."""
    copy = type(module)(module.sample_rate)
    copy.targets = dict(module.targets)
    copy.current = {name: float(value) for name, value in module.targets.items() if not isinstance(value, str)}
    return copy


def _gate_of(row: tuple):
    return next(m.gate for m in row if isinstance(m, Oscillator))


def _adsr_of(row: tuple):
    return next((m for m in row if isinstance(m, ADSR)), None)


def _sounding(row: tuple) -> bool:
    """Held, or ringing out its release (not stolen)."""
    adsr = _adsr_of(row)
    return _gate_of(row)[1] == 1.0 and not (adsr is not None and adsr.state[0] == IDLE and adsr.state[1] == 0.0)


def _loudness(row: tuple) -> float:
    adsr = _adsr_of(row)
    return _gate_of(row)[0] * (adsr.state[1] if adsr is not None else 1.0)


def _fading(row: tuple) -> bool:
    gate = _gate_of(row)
    return gate[1] == 0.0 and gate[0] > 0.0


def gate_args(msg: Message) -> tuple[bool, float | tuple | None, float]:
    """(open, pitch: Hz, a chord's tuple of Hz or None, accent 0–1: a MIDI velocity). After the
    gate come pitches (Hz); a last number of at most 1 after a pitch is the accent."""
    args = msg.args
    if not args or str(args[0]) not in ("0", "1", "0.0", "1.0"):
        raise ParamError(f"{msg.address} needs 1 (open) or 0 (close) [, note Hz…] [, accent 0–1]")
    rest, accent = list(args[1:]), 0.0
    if len(rest) > 1 and _number(rest[-1]) is not None and _number(rest[-1]) <= 1.0:
        accent = min(max(_number(rest.pop()), 0.0), 1.0)
    spec = Sine.spec.param("freq")
    pitches = tuple(spec.coerce(arg) for arg in rest)
    freq = pitches[0] if len(pitches) == 1 else pitches or None
    return float(args[0]) == 1.0, freq, accent


def _number(arg) -> float | None:
    try:
        return float(arg)
    except (TypeError, ValueError):
        return None


