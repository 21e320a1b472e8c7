"""Intents: what a command means, before it is resolved against the patch.

The parser builds these from the grammar (one dataclass per command family); the mapper turns
them into messages. Words keep their column so errors can point at them.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    column: int


@dataclass(frozen=True, slots=True)
class Words:
    """A run of plain words naming a module, a param or both ("saw1 detune", "the filter")."""

    items: tuple[Word, ...]

    @property
    def column(self) -> int:
        return self.items[0].column

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(w.text.lower() for w in self.items)

    @property
    def text(self) -> str:
        return " ".join(self.texts)


@dataclass(frozen=True, slots=True)
class Value:
    """A typed value: a number with an optional unit, a note name or a bare word."""

    kind: str                      # "number" | "note" | "word" | "unit" (a unit alone: "up an octave")
    text: str
    column: int
    number: Fraction | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Sequence:
    """Several commands on one line ("cutoff 800, resonance 70%"): applied in order, undone as one."""

    items: tuple


@dataclass(frozen=True)
class AddModule:
    type_name: Words
    value: Value | None = None
    name: Word | None = None
    param: Words | None = None     # "add reverb with 50% mix": the param the value sets


@dataclass(frozen=True)
class AddTo:
    """"add an lfo to the cutoff" (a modulation), "add a reverb to the saw" (into that voice),
    "add a distortion after the square" (right after it)."""

    type_name: Words
    target: Words
    value: Value | None = None
    right_after: bool = False      # "after the saw": straight after that module, not at the voice's end
    before: bool = False           # "before the filter": straight before it
    move: bool = False             # put/move/run through: a module that exists moves there
    param: Words | None = None     # "with drive 8": the param the value sets
    through: bool = False          # "run the saw through the filter": one another part goes through is shared


@dataclass(frozen=True)
class RemoveModule:
    target: Words
    fresh: bool = False          # 'start over': the tempo, the swing and the key back as a new shell has them too


@dataclass(frozen=True)
class SetParam:
    ref: Words
    value: Value
    now: bool = False              # only the tempo takes it: "tempo 128 now"
    moved: int = 0                 # said with up (1) or down (-1): "bring the bass down to 70"
    bare: bool = False             # no set/to/at before the value: "bass -3db" (a signed level is a step)


@dataclass(frozen=True)
class SetWords:
    """Only words, e.g. "mode highpass": the last word is the value (or it is a typo)."""

    words: Words


@dataclass(frozen=True)
class ChangeParam:
    """A relative change: direction +1/-1, by an amount or by a default step.

    `ref` None means the focus ("up an octave"); `intensity` is None (one step), "little" (half of one:
    "a bit less" after a step), "big" (three steps: "way up", "a lot more") or "edge" (to the end of
    the range: "all the way up").
    """

    ref: Words | None
    direction: int
    amount: Value | None = None
    intensity: str | None = None
    column: int = 0


@dataclass(frozen=True)
class Comparative:
    """"brighter", "make the kick louder", "an octave higher": a direction on an implied param."""

    word: str
    ref: Words | None
    amount: Value | None = None
    intensity: str | None = None
    column: int = 0
    complaint: bool = False        # said as 'too high' / 'not loud enough': a reason when a change follows


@dataclass(frozen=True)
class Scale:
    """"double the tempo", "halve the cutoff", "half time": multiply a param."""

    ref: Words | None
    factor: float
    column: int = 0
    feel: bool = False          # said as 'half time' / 'double time': on a kit alone, the drums' speed


@dataclass(frozen=True)
class Extreme:
    """"max resonance", "no swing", "max out the drive": a param to the top or bottom of its range."""

    ref: Words
    top: bool
    column: int = 0


@dataclass(frozen=True)
class Drop:
    """"drop the cutoff [by/to …]" lowers a param; "drop the kick" removes a module."""

    target: Words
    amount: Value | None = None
    to: Value | None = None
    intensity: str | None = None


@dataclass(frozen=True)
class Mute:
    """mute/unmute/solo/unsolo; `target` None: mute → everything, solo → the focus."""

    verb: str                      # "mute" | "unmute" | "solo" | "unsolo"
    target: Words | None
    column: int = 0


@dataclass(frozen=True)
class OpenClose:
    """"open the filter" / "close it down": the cutoff up or down ("open night-drive" loads)."""

    target: Words
    direction: int
    amount: Value | None = None
    intensity: str | None = None
    at_bar: bool = False
    now: bool = False


@dataclass(frozen=True)
class Swap:
    """"swap the saw for a square": a new module in the old one's place, edges and values kept."""

    old: Words | None
    new: Words
    column: int = 0


@dataclass(frozen=True)
class Transpose:
    """'transpose up 2 semitones' (pitch), 'detune the saw by 7 cents' (param "detune")."""

    ref: Words | None
    direction: int
    amount: Value | None
    to: Value | None = None
    column: int = 0
    param: str = "pitch"


@dataclass(frozen=True)
class Wobble:
    """"wobble the filter at 4 hz": an LFO on the target (reused if one is already there)."""

    target: Words
    value: Value | None = None


@dataclass(frozen=True)
class BareValue:
    """A value alone: "120bpm" (a tempo); anything else needs a param."""

    value: Value
    now: bool = False


@dataclass(frozen=True)
class Show:
    """"what is the cutoff", "show the resonance": the current value, as a /shell/show reply."""

    what: Words | None
    column: int = 0
    verb: str = "what"


@dataclass(frozen=True)
class Connect:
    source: Words
    dest: Words
    series: bool = False           # "route/send the delay into the reverb": instead of to master


@dataclass(frozen=True)
class Disconnect:
    source: Words
    dest: Words | None = None


@dataclass(frozen=True)
class Modulate:
    """Modulator → param edge; `new` forces a fresh modulator ("add an lfo on ...")."""

    modulator: Words
    target: Words
    value: Value | None = None
    new: bool = False


@dataclass(frozen=True)
class Gate:
    target: Words | None
    on: bool
    note: Value | None = None
    column: int = 0
    cue: bool = False              # 'hit it': a band's count-in too — asked while parts wait for 'start'


@dataclass(frozen=True)
class PlayPattern:
    pattern: str
    target: Words | None
    column: int
    now: bool = False
    beats: str = ""              # said in beats, a 4/4 bar's steps fitted to the bar the parts play: 'said' one by one
    # ('on 2 and 3': a beat past the bar is refused), 'every' as a beat's pattern ('on every beat': each beat of the bar)


@dataclass(frozen=True)
class SetNotes:
    target: Words | None
    notes: tuple[Word, ...]        # one a step; "." a rest (the step does not sound)
    column: int


@dataclass(frozen=True)
class Tempo:
    value: Value
    now: bool = False
    way: int = 0                   # said faster (1) or slower (-1): "slow it down to 90"


@dataclass(frozen=True)
class Swing:
    value: Value
    unit: int | None = None      # the note value said ('swing the 8ths'), else the one the tracks play


@dataclass(frozen=True)
class Stop:
    """`stop` (the sequencer) or `stop the hats` (one track)."""

    target: Words | None = None


@dataclass(frozen=True)
class MuteTrack:
    """'start the hats', 'bring the kick back in' (muted False); 'drop the kick' (True)."""

    target: Words
    muted: bool


@dataclass(frozen=True)
class Clear:
    """`clear` (the screen), `clear the sequencer`, `clear the kick`, `reset the cutoff`."""

    what: Words | None = None
    verb: str = "clear"


@dataclass(frozen=True)
class SaveSession:
    name: Word
    overwrite: bool = False


@dataclass(frozen=True)
class LoadSession:
    name: Word
    now: bool = False


@dataclass(frozen=True)
class Record:
    path: str | None = None


@dataclass(frozen=True)
class Fixed:
    """A command that always means the same message: start, begin, status, quit, ..."""

    address: str
    args: tuple = ()


@dataclass(frozen=True)
class ShellVerb:
    """A REPL-only verb with an optional free-text argument: help, list, verbose."""

    verb: str
    arg: Words | None = None
    column: int = 0


@dataclass(frozen=True)
class Undo:
    times: int | None = 1       # None: every step ("undo everything")


@dataclass(frozen=True)
class Redo:
    times: int | None = 1


@dataclass(frozen=True)
class Duplicate:
    """"duplicate the saw": a new module of the same type with the same values, beside it."""

    target: Words


@dataclass(frozen=True)
class Wait:
    """Let time pass (scripts only)."""

    value: Value


@dataclass(frozen=True)
class DeleteSession:
    name: Word
