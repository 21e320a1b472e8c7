"""The sequencer's addresses, one entry a verb: its argument shape (the protocol's table and
docs/protocol.md read it from here), its check, what it does to the patch as it will be (tracks a
later message may name) and what it does when the engine reaches its sample.

Adding a `/seq/*` address is one `Verb` below (plus its test). Tempo and swing are ParamSpecs
declared here once: the sequencer, the session schema and the language read the same ones.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from ..protocol.message import Address, Message
from .mini_notation import check_pattern
from .note_steps import chord_size, parse_notes
from .params import ParamError, number
from .patch_shape import PatchShape
from .scales import parse_key
from .sequencer_changes import (
    TEMPO_CHANGES, GlideTempo, RemoveTrack, SetMute, SetNotes, SetStyle, SetTempo, SetTrack,
)
from .track_play import check_style, style_change

STEPS_PER_BAR = 16
TEMPO = number("tempo", "bpm", 120, 20, 300, "sequencer tempo")   # the session schema and the language read these
SWING = number("swing", "ratio", 0, 0, 0.6, "delay of every second 16th (or 8th), fraction of its length")
SWING_UNITS = {16: 1, 8: 2}
CAPO_FRETS = 11               # `/seq/capo`: the highest fret a capo is said on (12 is the octave: no capo)   # `/seq/swing amount 8|16`: the note value swung → its length in steps

Args = tuple


def _no_effect(shape: PatchShape, args: Args) -> None:
    return None


@dataclass(frozen=True)
class Verb:
    """`check(args)` raises ParamError (one line); `shape(shape, args)` records the effect on the
    patch as it will be (a line to tell the musician, or None); `apply(sequencer, args, at)` acts."""

    address: Address
    check: Callable[[Args], None]
    apply: Callable[[object, Args, int], None]           # (the Sequencer, args, sample)
    shape: Callable[[PatchShape, Args], str | None] = _no_effect


# -- checks -------------------------------------------------------------------------
def _number(args, name: str, low: float, high: float, unit: str) -> float:
    try:
        value = float(args[0])
    except (IndexError, ValueError, TypeError):
        raise ParamError(f"{name} needs a number in {low:g}–{high:g} {unit}") from None
    if not low <= value <= high:
        raise ParamError(f"{name} {value:g} is out of range {low:g}–{high:g} {unit}")
    return value


def _now_or_nothing(rest) -> None:
    if rest and str(rest[0]).lower() != "now":
        raise ParamError(f"expected 'now' or nothing after the value, got {rest[0]!r}")


def _now(args: Args) -> bool:
    return bool(args) and str(args[-1]).lower() == "now"


def _is_ramp(args: Args) -> bool:
    return len(args) > 1 and str(args[1]).lower() == "ramp"


def _check_add(args):
    if len(args) < 3:
        raise ParamError("/seq/add needs a track, a target module and a pattern")
    check_pattern(args[2])
    _now_or_nothing(args[3:])


def _check_notes(args):
    if len(args) < 2:
        raise ParamError("/seq/notes needs a track and at least one note")
    parse_notes(args[1:])


def _check_remove(args):
    if len(args) != 1:
        raise ParamError("/seq/remove needs a track name")


def _check_mute(args):
    if len(args) not in (2, 3) or str(args[1]) not in ("0", "1", "0.0", "1.0"):
        raise ParamError("/seq/mute needs a track name and 1 (mute) or 0 (unmute) [, bars until it flips back]")
    if len(args) == 3:
        _number(args[2:], "a timed mute", 1 / STEPS_PER_BAR, 1024, "bars")


def _check_bpm(args):
    _number(args, TEMPO.name, TEMPO.low, TEMPO.high, TEMPO.unit)
    if _is_ramp(args):
        if len(args) != 3:
            raise ParamError("a tempo ramp is /seq/bpm target ramp beats")
        _number(args[2:], "a tempo ramp", 0.25, 4096, "beats")
    else:
        _now_or_nothing(args[1:])


def _check_stop(args):
    if args and (len(args) > 1 or str(args[0]).lower() != "bar"):
        raise ParamError("/seq/stop takes nothing (stop now) or bar (stop at the next bar line)")


def _check_swing(args):
    _number(args, SWING.name, SWING.low, SWING.high, "of a step")
    if len(args) > 1 and _swing_unit(args[1]) is None:
        raise ParamError(f"swing swings 16ths or 8ths: say 16 or 8, not {str(args[1])[:20]!r}")


def _swing_unit(word) -> int | None:
    try:
        value = float(word)
    except (TypeError, ValueError):
        return None
    return SWING_UNITS.get(int(value)) if value.is_integer() else None


def _takes_nothing(args):
    return None


# -- the patch as it will be ---------------------------------------------------------------
def _known_track(shape: PatchShape, name: str, purpose: str, hint: str = "") -> None:
    if name not in shape.tracks:
        known = f"tracks: {', '.join(sorted(shape.tracks))}" if shape.tracks else "no tracks yet"
        raise ParamError(f"no track {name[:40]!r} to {purpose} ({known}){hint}")


def _shape_add(shape, args):
    shape.require(str(args[1]))
    shape.tracks.add(str(args[0]))
    shape.targets[str(args[0])] = str(args[1])


def _shape_notes(shape, args):
    name = str(args[0])
    _known_track(shape, name, "give notes to", f" — add it first: /seq/add {name[:40]} <module> <pattern>")
    return shape.grow(shape.targets.get(name, ""), chord_size(args[1:]))


def _shape_remove(shape, args):
    shape.tracks.discard(str(args[0]))


def _shape_clear(shape, args):
    shape.tracks.clear()


def _shape_styled(verb: str):
    def styled(shape, args):
        if args:
            _known_track(shape, str(args[0]), verb)
    return styled


# -- what each does at its sample ----------------------------------------------------------------
def _add(seq, args, at):
    seq.change(SetTrack(str(args[0]), str(args[1]), str(args[2])), _now(args))


def _notes(seq, args, at):
    seq.change(SetNotes(str(args[0]), parse_notes(args[1:])), True)


def _remove(seq, args, at):
    seq.change(RemoveTrack(str(args[0])), True)


def _mute(seq, args, at):
    seq.change(SetMute(str(args[0]), float(args[1]) != 0), True)
    if len(args) > 2:                 # it flips back that many bars after it lands
        step = seq.next_step if seq.running else 0
        seq.queue(SetMute(str(args[0]), float(args[1]) == 0), step + round(float(args[2]) * STEPS_PER_BAR))


def _bpm(seq, args, at):
    if len(args) == 3 and _is_ramp(args):
        seq.change(GlideTempo(Fraction(str(float(args[0]))), max(1, round(float(args[2]) * 4))), True)
    else:
        seq.change(SetTempo(Fraction(str(float(args[0])))), _now(args))


def _swing(seq, args, at):
    seq.swing = Fraction(str(float(args[0])))
    if len(args) > 1:                             # without it the note value swung stays as it was
        seq.swing_unit = _swing_unit(args[1])


def _key(seq, args, at):
    seq.key = parse_key(args)


def _seed(seq, args, at):
    seq.seed = int(float(args[0]))


def _check_capo(args) -> int:
    frets = _number(args, "capo", 0, CAPO_FRETS, "frets")
    if frets != int(frets):
        raise ParamError(f"capo {frets:g} is not a fret: a whole number 0–{CAPO_FRETS}")
    return int(frets)


def _capo(seq, args, at):
    seq.capo = _check_capo(args)


def _styled(verb: str):
    def styled(seq, args, at):
        seq.change(SetStyle(str(args[0]), *style_change(verb, args)), _now(args))
    return styled


def _clear(seq, args, at):
    targets = [track.target for track in seq.tracks.values()]
    seq.tracks.clear()
    seq.later = []
    seq.pending = [p for p in seq.pending if isinstance(p[2], TEMPO_CHANGES)]  # a queued tempo stays queued
    heapq.heapify(seq.pending)
    seq.release(at, targets)


def _start(seq, args, at):
    if not seq.running:
        seq.running, seq.next_step, seq.tempo_ramp, seq.stop_step = True, 0, None, None
        seq.anchor_step, seq.anchor_time = 0, Fraction(at)
        seq.apply_pending(until=None)


def _continue(seq, args, at):
    if not seq.running:                                      # on from the step it stopped before
        seq.running = True
        seq.anchor_step, seq.anchor_time = seq.next_step, Fraction(at)
        seq.apply_pending(until=None)


def _stop(seq, args, at):
    if args:                                                 # at the next bar line
        if seq.running:
            seq.stop_step = -(-seq.next_step // STEPS_PER_BAR) * STEPS_PER_BAR
        return
    seq.stop_now(at)


def _style(verb: str, usage: str, kinds: str, optional: str, doc: str) -> Verb:
    return Verb(Address(f"/seq/{verb}", usage, kinds, optional, doc=doc), lambda args: check_style(verb, args),
                _styled(verb), _shape_styled(verb))


VERBS: dict[str, Verb] = {verb.address.path: verb for verb in (
    Verb(Address("/seq/add", "track target pattern [now]", "sss", "s", doc="add or replace a track (next bar, or now)",
                 aliases=("/seq/update/pattern",)), _check_add, _add, _shape_add),
    Verb(Address("/seq/notes", "track notes…", "sa", rest="a",
                 doc="per-step pitches: a2, c#3, Hz, a chord a3+c4+e4, - hold, . rest (octave always explicit); a hit on "
                     "step s plays the note at s (the notes cycling), so a note per hit is written on its step: "
                     "'x...x...' with 'a3 - - - c4 - - -' (with 'a3 c4', steps 0 and 4 both play a3)"),
         _check_notes, _notes, _shape_notes),
    Verb(Address("/seq/remove", "track", "s", doc="remove a track"), _check_remove, _remove, _shape_remove),
    Verb(Address("/seq/mute", "track 1|0 [bars]", "sn", "n", doc="mute (1) or unmute (0) a track; it keeps its "
                 "pattern; with bars it flips back that many bars later"), _check_mute, _mute),
    Verb(Address("/seq/clear", "", doc="remove every track"), _takes_nothing, _clear, _shape_clear),
    Verb(Address("/seq/start", "", doc="start the sequencer"), _takes_nothing, _start),
    Verb(Address("/seq/stop", "[bar]", optional="s", doc="stop the sequencer now, or at the next bar line"),
         _check_stop, _stop),
    Verb(Address("/seq/continue", "", doc="start the sequencer from the step it stopped before (MIDI Continue)"),
         _takes_nothing, _continue),
    Verb(Address("/seq/bpm", "bpm [now] | bpm ramp beats", "n", "sn", doc=f"tempo, {TEMPO.range_text()} (next bar, "
                 "or now); with ramp it glides there over the beats from the next step"), _check_bpm, _bpm),
    Verb(Address("/seq/swing", "amount [16|8]", "n", "n", doc=f"swing, {SWING.range_text()} of the note's length: "
                 "every second 16th late, or with 8 every second 8th (a shuffle; the 16ths between in proportion); "
                 "without 16|8 the note value stays as it was (16 at first)"), _check_swing, _swing),
    # patterns (issue 15 part 2): transforms of a track, kept apart from its pattern as written
    _style("shift", "track steps [now]", "sn", "s", "the pattern's rotation in whole steps (positive = later; "
           "0 = as written)"),
    _style("reverse", "track [1|0] [now]", "s", "as", "play the pattern backwards (1, the default) or forwards (0)"),
    _style("speed", "track factor [now]", "sn", "s", "play the track at factor × (2 double time, 0.5 half time, "
           "1.5 triplets), 0.125–8"),
    _style("chance", "track p [now]", "sn", "s", "every hit of the track plays with probability p (0–1)"),
    _style("humanize", "track amount [now]", "sn", "s", "seeded timing (up to 20 ms late) and accent variation, 0–1"),
    Verb(Address("/seq/seed", "n", "n", doc="the seed every chance and humanize draws from (saved in the session)"),
         lambda args: check_style("seed", args), _seed),
    Verb(Address("/seq/key", "tonic scale|none", "s", rest="s", doc="the session key (d minor, eb major; scales of "
                 "engine/scales.py); none clears it"), parse_key, _key),
    Verb(Address("/seq/capo", "frets", "n", doc=f"the capo the note tracks sound under, 0 (none)–{CAPO_FRETS}: "
                 "bookkeeping the language reads ('capo off' moves the notes back down by it); saved in the session; "
                 "it moves no note by itself"), _check_capo, _capo),
)}
ADDRESSES = tuple(verb.address for verb in VERBS.values())


def verb_of(msg: Message) -> Verb:
    """The Verb of a /seq/* message, or ParamError naming the address."""
    verb = VERBS.get(msg.address)
    if verb is None:
        raise ParamError(f"the sequencer has no address {msg.address!r}")
    return verb


def check(msg: Message, shape: PatchShape | None = None) -> str | None:
    """Check a /seq/* message; with `shape`, record its effect there (what validation does)."""
    verb = verb_of(msg)
    verb.check(msg.args)
    return verb.shape(shape, msg.args) if shape is not None else None


def handle(sequencer, msg: Message, at: int) -> None:
    """Apply a checked /seq/* message that the engine reached at sample `at`."""
    verb_of(msg).apply(sequencer, msg.args, at)


__all__ = ["VERBS", "ADDRESSES", "STEPS_PER_BAR", "TEMPO", "SWING", "Verb", "check", "handle", "verb_of"]
