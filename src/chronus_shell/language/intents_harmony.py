"""Intents of the harmony English (issue 14): chords, notes without octave, keys and degrees,
voicings, arpeggios and moving a track's notes. parser_harmony builds them, mapper_harmony
turns them into messages. Targets are Words (resolved against the patch) or None (the focus,
or the last chord)."""
from __future__ import annotations

from dataclasses import dataclass

from .intents import Words


@dataclass(frozen=True)
class PitchList:
    """'notes a c e g', 'bass notes a c . e', 'notes am7 a c': notes and chords a step each,
    octaves chosen near the voice's register where none is written ('.' a rest)."""

    target: Words | None
    tokens: tuple[str, ...]
    column: int = 0
    name: str | None = None        # 'melody a c e': a new track is called melody
    steps: int = 0                 # 'in quarter notes': each note a hit lasting this many steps (0: a step each)
    under: bool = False            # 'pedal point on d': a note held under the chords, never in their place


@dataclass(frozen=True)
class PlayChord:
    """'play an A minor chord [on the pad]': a gate with several pitches."""

    target: Words | None
    chord: str
    column: int = 0
    voicing: str | None = None     # "open" ('a big open G'), "inv1"–"inv3", "rootless"
    tones: tuple[int, ...] = ()    # a chord known by name: its pitch classes, lowest first
    in_key: bool = False           # … counted from the key's tonic (a German sixth), else from C
    key: tuple[str, str] | None = None
    shaped: bool = False           # named as a shape under a capo said in the line (moved already)


@dataclass(frozen=True)
class PlayPitch:
    """'play e', 'tune the saw to e flat' (tune: the oscillator's freq, not a gate)."""

    target: Words | None
    pitch: str
    tune: bool = False
    column: int = 0
    register: str = ""              # 'low': the second octave; 'drone': at or below the voice (register_said)
    beside: int = 0                # 1 above, -1 below the note the voice last played ('the e above it')


@dataclass(frozen=True)
class Progression:
    """'chords am7 f c g [every 2 beats]', 'pad plays am f c g': a held chord a bar (or `steps`)."""

    target: Words | None
    chords: tuple[str, ...]
    steps: int = 16
    column: int = 0
    key: tuple[str, str] | None = None      # 'ii-V-I in C': numerals read in this key, for this line
    rhythm: str | None = None               # 'on the offbeats', 'rhythm x.x.': each chord's hits in its span
    instead: bool = False                   # 'Am F C G instead': the chords of the track replaced, its rhythm kept
    shaped: bool = False                    # named as shapes under a capo said in the line (moved already)


@dataclass(frozen=True)
class Poly:
    """'poly 4 on the pad', 'make the triangle polyphonic': how many notes a voice plays at once."""

    target: Words | None
    notes: int
    column: int = 0


@dataclass(frozen=True)
class SetKey:
    """'in d minor', 'key of e flat', 'no key'; tonic None clears the key."""

    tonic: str | None
    scale: str = "major"
    column: int = 0


@dataclass(frozen=True)
class KeyOrChord:
    """'now g major', 'B-flat major': a key or a chord by what came before (mapper_harmony_again)."""

    tonic: str
    scale: str
    chord: str                     # the chord symbol it would be ('g', 'bbm')
    column: int = 0


@dataclass(frozen=True)
class TurnRun:
    """'descending now', 'arp going down instead': the last line of notes played the other way."""

    direction: str                 # "up" | "down"
    column: int = 0


@dataclass(frozen=True)
class Vamp:
    """'just vamp on the 1 chord': the last chord track holding only the chord on that degree."""

    degree: int                    # 1–7
    column: int = 0


@dataclass(frozen=True)
class Degrees:
    """'notes 1 3 5 8' (scale degrees of the key, '.' a rest); `random` draws `count` seeded ones."""

    target: Words | None
    degrees: tuple[str, ...] = ()
    random: bool = False
    seed_text: str = ""
    key: tuple[str, str] | None = None      # 'random notes in e minor': this key for this line
    column: int = 0
    run: str | None = None                  # 'play the d minor scale': "up" | "down" | "up and down"
    start: str | None = None                # '… from middle C': the run's tonic at this pitch (c4)
    octaves: int = 1                        # '… two octaves', 'from C4 to C6'
    steps: int = 0                          # '… in eighth notes': each note that many sixteenths (0: a step each)
    a_or_article: bool = False              # 'play a major scale': on A, or an article? (asked with a key on another tonic)


@dataclass(frozen=True)
class Revoice:
    """'voice it wide', 'close voicing', 'invert it [twice]', 'add the bass note an octave lower'."""

    how: str                       # "open" | "close" | "invert" | "bass" | "rootless" | "drop2" | "drop3"
    times: int = 1
    column: int = 0


@dataclass(frozen=True)
class Arpeggiate:
    """'arpeggiate am7 up in 16ths', 'arp c major over two octaves down', 'arp up-down' (the last chord)."""

    target: Words | None
    chords: tuple[str, ...] = ()
    direction: str = "up"          # up | down | updown | downup | off (held as chords again)
    steps: int = 1                 # sixteenths per note
    octaves: int = 1
    column: int = 0
    said: tuple[str, ...] = ()     # which of direction, steps, octaves the line said ('arp over two octaves': octaves)


@dataclass(frozen=True)
class SargamOnKey:
    """'play sa re ga ma pa' with no Sa said: Sa is the session key's tonic (asked when no key is set)."""

    line: str
    column: int = 0


@dataclass(frozen=True)
class AddInterval:
    """'add a fifth' to the one note a voice holds: both notes, gated together."""

    semitones: int
    column: int = 0


@dataclass(frozen=True)
class Capo:
    """'capo 2', 'capo on the 4th fret instead', 'take the capo off' (0): a capo is a place, not a step —
    the note tracks sound `frets` above the shapes as first given (one already on: moved by the difference)."""

    frets: int
    column: int = 0
    placed: bool = False           # 'capo 2, play G C D': the chords given as shapes, the fret only kept


@dataclass(frozen=True)
class SetMode:
    """'actually lydian', 'dorian instead': the key set keeps its tonic, in this mode."""

    scale: str
    column: int = 0


@dataclass(frozen=True)
class SwapChord:
    """'the F should be Fmaj7', 'make the Gm a Gm6', 'C6 instead' (`old` None): one chord of the last
    given (a track's every chord of that name, or the chord held) replaced, on the same root note."""

    old: str | None
    new: str
    column: int = 0
    place: int | None = None       # 'the second one should be F': the chord at that place (1-based; -1 the last)
    one: bool = False              # … said 'one' (a chord or a note of the line just given?), not 'chord'


@dataclass(frozen=True)
class Landing:
    """'up a fourth, to Eb', 'take it up a whole step, the horns want F#': a move and the key it should land in
    (checked: a move that lands elsewhere is asked, never done)."""

    move: object
    tonic: str
    mode: str | None = None
    column: int = 0


@dataclass(frozen=True)
class SingersRange:
    """'it's too high for the choir', 'the sopranos find it too low': the song a whole step down (up) —
    a key a singer cannot reach moves, never an octave."""

    semitones: int
    said: str
    column: int = 0


@dataclass(frozen=True)
class MoveNotes:
    """'transpose the melody up 2 semitones', 'the chords an octave lower': a track's notes (or the
    last chord) re-sent moved; `fallback` is the line read the usual way when nothing holds notes."""

    target: Words | None
    semitones: int
    fallback: str | None = None
    column: int = 0
    chord: bool = False            # 'capo 2', 'tritone sub it': the last chord given, gate or track
    dominants: bool = False        # 'tritone sub (on the 5)': in a chord track, only its dominant chords
    tune: bool = False             # 'transpose up a whole step', nothing named: with several note tracks, all of them
    band: bool = False             # 'take it up a half step': the tune too, unless the line before gave a voice notes
    step: bool = False             # 'take it down a step': a whole step where chords move, else asked
    noun: str | None = None        # 'transpose the chords …', 'the melody up 2': the notes named (a track of that name)
    named: str | None = None       # 'tritone sub on the G7': the dominant named (only that one moves)


@dataclass(frozen=True)
class ChangeKey:
    """'transpose to the relative major', 'transpose to g minor': the key and every note track move."""

    tonic: str | None              # None: `relation` says ("relative" | "parallel")
    scale: str | None
    relation: str | None = None
    column: int = 0
    or_set: bool = False           # 'switch to d minor' with no key to move from: the key is set
    semitones: int = 0             # relation "interval": 'key change up a half step'
    lines: bool = False            # 'put the bassline in F minor': with no key set, a line of notes says the key
    way: int = 0                   # 'up to F' (1), 'down to B' (-1): the music moves that way; 0: the nearer
    transposed: bool = False       # 'transpose to …' (not 'modulate', 'switch'): notes recast in a key of the same notes too


@dataclass(frozen=True)
class AlterChord:
    """'add a 7th on the D', 'make it minor': the last chord(s) given (those on `root`) changed."""

    root: int | None               # a pitch class, or None: every chord
    change: str                    # "7" | "maj7" | "9" | "add9" | "6" | "minor" | "major" | "sus4" | "sus2" |
    #                                "7th" (the seventh of the key: Fmaj7, G7, Em7 in C)
    column: int = 0


@dataclass(frozen=True)
class ShowKey:
    """'what key are we in': the key set, said back (/shell/show key d minor)."""


@dataclass(frozen=True)
class ShowChords:
    """'what chords are the stabs playing?': a track's chords said back by name (/shell/show 'the chords track
    plays' 'Am F C G'), the chord tracks' when no part is named."""

    target: Words | None = None
    column: int = 0


@dataclass(frozen=True)
class Retime:
    """'make each chord last 2 bars', 'two beats each': the last chord track's chords held that long."""

    steps: int                     # 0: not a whole number of steps (refused)
    column: int = 0
