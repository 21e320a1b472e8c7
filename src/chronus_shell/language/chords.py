"""Chord symbols and chord words → pitches, voicings, and note names without an octave.

Pure music theory for the harmony English (parser_harmony reads the phrases, mapper_harmony
sends the messages): `Chord.parse('am7')`, `Chord.parse('E flat major')`, `c/e`; a close voicing
around a register; open voicing, inversions, a bass note below; a pitch class placed in the
octave nearest a reference. Pitches are MIDI numbers (c4 = 60, a4 = 69); the scale table is
engine/scales.py.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from difflib import get_close_matches
from functools import lru_cache

from ..engine.notes import is_note, note_name, note_to_hz
from ..engine.scales import pitch_class
from .errors import LanguageError

#: Chord qualities: the canonical suffix → semitones above the root.
QUALITIES: dict[str, tuple[int, ...]] = {
    "": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11), "m7": (0, 3, 7, 10),
    "9": (0, 4, 7, 10, 14), "maj9": (0, 4, 7, 11, 14), "m9": (0, 3, 7, 10, 14), "add9": (0, 4, 7, 14),
    "madd9": (0, 3, 7, 14), "sus2": (0, 2, 7), "sus4": (0, 5, 7), "7sus4": (0, 5, 7, 10), "dim": (0, 3, 6),
    "dim7": (0, 3, 6, 9), "m7b5": (0, 3, 6, 10), "aug": (0, 4, 8), "6": (0, 4, 7, 9), "m6": (0, 3, 7, 9),
    "mmaj7": (0, 3, 7, 11), "5": (0, 7), "11": (0, 4, 7, 10, 14, 17), "m11": (0, 3, 7, 10, 14, 17),
    "13": (0, 4, 7, 10, 14, 21), "m13": (0, 3, 7, 10, 14, 21), "maj13": (0, 4, 7, 11, 14, 21),
    "7b9": (0, 4, 7, 10, 13), "7#9": (0, 4, 7, 10, 15), "7b5": (0, 4, 6, 10), "7#5": (0, 4, 8, 10),
    "maj7#11": (0, 4, 7, 11, 18), "add11": (0, 4, 7, 17), "69": (0, 4, 7, 9, 14), "m69": (0, 3, 7, 9, 14),
    "7sus2": (0, 2, 7, 10), "9sus4": (0, 5, 7, 10, 14), "m7b9": (0, 3, 7, 10, 13), "7#11": (0, 4, 7, 10, 18),
    "7b13": (0, 4, 7, 10, 20), "maj9#11": (0, 4, 7, 11, 14, 18), "m7b5b9": (0, 3, 6, 10, 13),
}
#: Other spellings of the suffixes (after the words are shortened by _WORDS).
_ALIASES = {"maj": "", "major": "", "min": "m", "mi": "m", "-": "m", "dom7": "7", "dom": "7", "ma7": "maj7",
            "min7": "m7", "mi7": "m7", "-7": "m7", "maj9": "maj9", "min9": "m9", "-9": "m9", "sus": "sus4",
            "°": "dim", "o7": "dim7", "°7": "dim7", "ø": "m7b5", "ø7": "m7b5", "min7b5": "m7b5",
            "halfdim": "m7b5", "halfdim7": "m7b5", "+": "aug", "min6": "m6", "minmaj7": "mmaj7", "power": "5",
            "δ": "maj7", "δ7": "maj7", "majadd9": "add9", "madd9": "madd9", "aug7": "7#5", "+7": "7#5",
            "min11": "m11", "min13": "m13", "dom9": "9", "dom11": "11", "dom13": "13", "maj11": "11",
            "6/9": "69", "6add9": "69", "m6/9": "m69", "lydian": "maj7#11", "maj7(#11)": "maj7#11"}
#: Chord words shortened to symbol pieces ("minor seventh" → "m7", "suspended fourth" → "sus4").
_WORDS = [(re.compile(p), r) for p, r in (
    (r"\bhalf[- ]diminished\b", "halfdim"), (r"\bdiminished\b", "dim"), (r"\baugmented\b", "aug"),
    (r"\bsuspended\b", "sus"), (r"\bdominant\b", "dom"), (r"\bmajor\b", "maj"), (r"\bminor\b", "m"),
    (r"\bmin\b", "m"), (r"\b(seventh|seven|7th)\b", "7"), (r"\b(ninth|nine|9th)\b", "9"),
    (r"\b(sixth|six|6th)\b", "6"), (r"\b(eleventh|eleven|11th)\b", "11"), (r"\b(thirteenth|thirteen|13th)\b", "13"), (r"\b(fourth|four|4th)\b", "4"), (r"\b(second|two|2nd)\b", "2"),
    (r"\bpower chord\b", "5"), (r"\badded\b", "add"), (r"\b(?:chord|triad)\b", ""), (r"\s+", ""),
)]
_ROOT = re.compile(r"^([a-g])(#|♯|♭|b(?!5)|\s*-?\s*sharp|\s*-?\s*flat)?", re.I)
_SLASH = re.compile(r"\s*(?:/|\s+over\s+|\s+with\s+)(?:an?\s+)?([a-g](?:#|b|♯|♭|\s*-?\s*sharp|\s*-?\s*flat)?)"
                    r"(?:\s+in\s+the\s+bass)?$", re.I)
_SHARP_NAMES = ("c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b")
FLAT_NAMES = ("c", "db", "d", "eb", "e", "f", "gb", "g", "ab", "a", "bb", "b")
#: Roots whose chords are spelled with flats (F major: f a c; G minor: g bb d).
_FLAT_MAJOR = {5, 10, 3, 8, 1, 6}
_FLAT_MINOR = {2, 7, 0, 5, 10, 3, 8}
_MINOR_SCALES = ("minor", "dorian", "phrygian", "locrian", "harmonic_minor", "melodic_minor", "minor_pentatonic", "blues")


@lru_cache(maxsize=4096)
def root_text(text: str) -> tuple[int, bool] | None:
    """'e flat' → (3, True): a pitch class written without an octave, and whether it was a flat."""
    clean = re.sub(r"\s*-?\s*", "", text.strip().lower()).replace("♯", "#").replace("♭", "b")
    clean = clean.replace("sharp", "#").replace("flat", "b")
    if not re.fullmatch(r"[a-g](#|b)?", clean):
        return None
    return pitch_class(clean), clean.endswith("b") and len(clean) == 2


@dataclass(frozen=True)
class Chord:
    """A chord symbol read: root pitch class, the quality's intervals and an optional bass."""

    symbol: str                    # canonical: 'am7', 'ebmaj7', 'c/e'
    root: int
    intervals: tuple[int, ...]
    bass: int | None = None
    flats: bool = False

    @staticmethod
    @lru_cache(maxsize=4096)
    def parse(text: str) -> "Chord | None":
        """A chord symbol or chord words ('am7', 'C major 7', 'a minor seventh', 'c/e'), else None."""
        raw = text.strip().rstrip(".")
        bass = None
        slash = _SLASH.search(raw)
        if slash and slash.start() > 0:
            bass = root_text(slash.group(1))
            if bass is None:
                return None
            raw = raw[:slash.start()]
        root = _ROOT.match(raw)
        if not root:
            return None
        found = root_text(root.group(0))
        if found is None:
            return None
        suffix = _suffix(raw[root.end():])
        if suffix is None:
            return None
        pc, flat = found
        minor = QUALITIES[suffix][1:2] == (3,)
        flats = flat or (pc in (_FLAT_MINOR if minor else _FLAT_MAJOR) and not _sharp(root.group(0)))
        names = FLAT_NAMES if flats else _SHARP_NAMES
        symbol = names[pc] + suffix + (f"/{names[bass[0]]}" if bass else "")
        return Chord(symbol, pc, QUALITIES[suffix], bass[0] if bass else None, flats)

    def pitches(self, register: float) -> list[int]:
        """Close voicing in root position, the root in the register's octave (c to b: a chord
        for a voice at a3 has its root in octave 3); a slash chord over a chord tone is that
        inversion, over another note that note right below."""
        root = 12 * (math.floor(register + 0.5) // 12) + self.root
        notes = [root + step for step in self.intervals]
        if self.bass is None or self.bass == self.root:
            return notes
        if self.bass not in {n % 12 for n in notes}:
            return [nearest_below(self.bass, root)] + notes
        bass = nearest(self.bass, register)               # an inversion: the rest stacked above the bass
        return [bass] + sorted(bass + (n - bass) % 12 for n in notes if n % 12 != self.bass)

    def spell(self, pitches) -> str:
        """'a3+c4+e4': a chord token as /seq/notes takes it, each tone spelled by its degree
        (C7: c e g bb; E: e g# b)."""
        root_name = (FLAT_NAMES if self.flats else _SHARP_NAMES)[self.root]
        names = {}
        for step in self.intervals:
            names[(self.root + step) % 12] = _degree_name(root_name, step)
        if self.bass is not None:
            names.setdefault(self.bass, (FLAT_NAMES if self.flats else _SHARP_NAMES)[self.bass])
        return "+".join(spelled(p, names.get(p % 12)) for p in pitches)


#: Letters above the root for each interval (a third is two letters up, a seventh six).
_DEGREE_LETTERS = {0: 0, 1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 4, 7: 4, 8: 4, 9: 5, 10: 6, 11: 6, 13: 1, 14: 1, 15: 1,
                   17: 3, 18: 3, 20: 5, 21: 5}
LETTERS = "cdefgab"
NATURAL = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}


def _degree_name(root_name: str, step: int) -> str | None:
    """The name of the tone `step` semitones above a root spelled `root_name` (one accidental
    at most, else None: the plain name is used)."""
    letter = LETTERS[(LETTERS.index(root_name[0]) + _DEGREE_LETTERS[step]) % 7]
    offset = ((NATURAL[root_name[0]] + {"#": 1, "b": -1}.get(root_name[1:], 0) + step) - NATURAL[letter]) % 12
    accidental = {0: "", 1: "#", 11: "b"}.get(offset)
    return None if accidental is None else letter + accidental


def spelled(pitch: int, pitch_name: str | None = None) -> str:
    """A pitch as a note name with octave, spelled `pitch_name` ('bb', 'cb', 'e#') when given."""
    if not pitch_name:
        return name(pitch)
    natural = pitch - {"#": 1, "b": -1}.get(pitch_name[1:], 0)
    return f"{pitch_name}{natural // 12 - 1}"


def key_flats(tonic: str, scale: str) -> bool:
    """Whether a key is written with flats (F major, D minor, anything on a flat tonic); a mode as the major
    scale it is a mode of (D dorian has C major's notes: none; G mixolydian C's, E phrygian C's)."""
    pc = pitch_class(tonic)
    if scale in _MODE_OF_MAJOR:
        return tonic.endswith("b") and len(tonic) == 2 or (pc - _MODE_OF_MAJOR[scale]) % 12 in _FLAT_MAJOR and "#" not in tonic
    minor = scale in _MINOR_SCALES
    return tonic.endswith("b") and len(tonic) == 2 or pc in (_FLAT_MINOR if minor else _FLAT_MAJOR) and "#" not in tonic


#: The modes of the major scale: how far above the major scale's tonic each starts.
_MODE_OF_MAJOR = {"dorian": 2, "phrygian": 4, "lydian": 5, "mixolydian": 7, "locrian": 11}


def key_name(pc: int, scale: str) -> str:
    """The usual spelling of a key's tonic: Eb major and Bb minor, but F# major and C# minor."""
    flat_keys = _FLAT_MINOR if scale in _MINOR_SCALES else _FLAT_MAJOR
    return FLAT_NAMES[pc % 12] if pc % 12 in flat_keys else _SHARP_NAMES[pc % 12]


def scale_names(tonic: str, steps: tuple[int, ...], flats: bool | None = None) -> dict[int, str]:
    """Pitch class → its name in the scale (a seven-note scale uses each letter once; another with flats
    when `flats` says so — C blues has Eb and Gb — else when its tonic is flat)."""
    flats = len(tonic) == 2 and tonic.endswith("b") if flats is None else flats
    root = pitch_class(tonic)
    if len(steps) == 7:
        names = {}
        for index, step in enumerate(steps):
            letter = LETTERS[(LETTERS.index(tonic[0]) + index) % 7]
            offset = (root + step - NATURAL[letter]) % 12
            accidental = {0: "", 1: "#", 11: "b"}.get(offset)
            names[(root + step) % 12] = letter + accidental if accidental is not None else name(root + step)[:-1]
        return names
    return {(root + s) % 12: (FLAT_NAMES if flats else _SHARP_NAMES)[(root + s) % 12] for s in steps}


def _sharp(text: str) -> bool:
    return "#" in text or "sharp" in text.lower() or "♯" in text


#: Tensions written in brackets after a chord ('Dm7(b5)', 'G7(b9)', 'Am7(9)', 'C6(9)'): semitones above the root.
_TENSIONS = {"b5": 6, "#5": 8, "+5": 8, "b9": 13, "9": 14, "#9": 15, "11": 17, "#11": 18, "b13": 20, "13": 21}
_BRACKETED = re.compile(r"^(?P<base>[^() ]*)\((?P<tensions>(?:add ?)?[#b+]?\d+(?:[,/ ][#b+]?\d+)*)\)$")


def _suffix(text: str) -> str | None:
    """The canonical quality of what follows the root ('min 7' → 'm7'), or None."""
    if text[:1] == "M" and text[1:2] in ("7", "9", "a", ""):          # CM7 is C major 7, Cm7 is C minor 7
        text = "maj" + text[1:].lstrip("aAjJ")
    text = text.strip().lower()
    if text.startswith("7m"):                                         # Brazilian C7M: C major 7
        text = "maj7" + text[2:]
    bracketed = _BRACKETED.fullmatch(re.sub(r"\s*([(),/])\s*", r"\1", text) if "(" in text else "")
    if bracketed:
        return _with_tensions(bracketed.group("base"), bracketed.group("tensions"))
    for pattern, replacement in _WORDS:
        text = pattern.sub(replacement, text)
    if text in QUALITIES:
        return text
    if text in _ALIASES:
        return _ALIASES[text]
    if text.startswith("maj") and text[3:] in ("7", "9"):
        return "maj" + text[3:]
    if text.startswith("m") and text[1:] in ("maj7",):
        return "mmaj7"
    return None


def _with_tensions(base: str, tensions: str) -> str | None:
    """The quality of a chord with its bracketed tensions: 'm7' + 'b5' → 'm7b5', '7' + '9' → '9',
    'maj7' + '9' → 'maj9', '' + 'add9' → 'add9' (None: no quality has those tones)."""
    quality = _suffix(base) if base else ""
    if quality is None:
        return None
    tones = set(QUALITIES[quality])
    for tension in re.split(r"[,/ ]", tensions.removeprefix("add")):
        step = _TENSIONS.get(tension.replace("+", "#"))
        if step is None:
            return None
        if step in (6, 8):                                            # an altered fifth replaces the fifth
            tones.discard(7)
        tones.add(step)
    return next((q for q, steps in QUALITIES.items() if set(steps) == tones), None)


def chord_error(text: str, column: int = 0) -> LanguageError:
    """One line for a chord symbol not known, with the nearest known symbol."""
    if text[:1].lower() == "h" and Chord.parse("b" + text[1:]) is not None:      # German H is B
        return LanguageError(f"{text!r} is not a chord: the note names are a–g (H is b) — did you mean "
                             f"b{text[1:]}?", column, ("b" + text[1:],))
    root = _ROOT.match(text.strip())
    if not root:
        return LanguageError(f"{text!r} is not a chord: a root a–g (with # or b) and a quality, e.g. "
                             f"am7, cmaj7, f#m, bb7, csus4, c/e", column)
    rest = text.strip()[root.end():].lower()
    close = get_close_matches(rest, [q for q in QUALITIES if q], n=1, cutoff=0.4)
    guess = root.group(0).lower() + close[0] if close else None
    known = "m, 7, maj7, m7, 9, maj9, m9, add9, 6, m6, sus2, sus4, dim, dim7, m7b5, aug, 5"
    hint = f" — did you mean {guess}?" if guess else ""
    return LanguageError(f"I don't know the chord {text!r}: chords are a root and one of {known}, "
                         f"or a slash chord like c/e{hint}", column, (guess,) if guess else ())


def nearest(pc: int, register: float) -> int:
    """The pitch of class `pc` nearest `register` (a tritone away: the one below)."""
    below = math.floor(register) - (math.floor(register) - pc) % 12
    return below if register - below <= 6 else below + 12


def nearest_below(pc: int, pitch: int) -> int:
    """The pitch of class `pc` below `pitch` (an octave below when it is `pc` itself)."""
    return pitch - ((pitch - pc) % 12 or 12)


@lru_cache(maxsize=1024)
def midi(note: str) -> int:
    """'a4' → 69 (kept per spelling: an arpeggio asks for the same few notes hundreds of times)."""
    return round(69 + 12 * math.log2(note_to_hz(note) / 440.0))


def name(pitch: int, flats: bool = False) -> str:
    """69 → 'a4' (flats: 70 → 'bb4')."""
    return f"{(FLAT_NAMES if flats else _SHARP_NAMES)[pitch % 12]}{pitch // 12 - 1}"


def named_pitches(token, flats: bool = False) -> str:
    """A step's notes with each pitch in Hz on the equal-tempered grid said by its name ('220.0+261.625565' → 'a3+c4': a
    session loaded sends Hz, and a chord moved must read them as notes), with flats when the line reads in a flat key;
    any other token as it is."""
    parts = str(token).split("+")
    named = []
    for part in parts:
        try:
            value = float(part)
        except ValueError:
            return str(token)
        pitch = 69 + 12 * math.log2(value / 440.0) if value > 0 else None
        if pitch is None or abs(pitch - round(pitch)) > 0.005:
            return str(token)                         # (off the grid: a tuning of its own, kept in Hz)
        named.append(name(round(pitch), flats))
    return "+".join(named)



def hz(pitch: float) -> float:
    return float(round(440.0 * 2 ** ((pitch - 69) / 12), 6))


def register_of(hz_value: float) -> float:
    """A frequency as a (fractional) MIDI pitch: the register notes are placed around."""
    return 69 + 12 * math.log2(hz_value / 440.0)


def token_pitches(token: str) -> list[int] | None:
    """'a3+c4+e4' → [57, 60, 64]; a rest or a hold ('.', '-') → None."""
    pitches = _token_pitches(str(token))
    return list(pitches) if pitches is not None else None


@lru_cache(maxsize=4096)
def _token_pitches(token: str) -> tuple[int, ...] | None:
    """(read once a token: the mapper asks every step of every track whether it holds a note)"""
    parts = token.split("+")
    if not all(is_note(p) for p in parts):
        return None
    return tuple(midi(p) for p in parts)


def respell(pitches, like: str) -> str:
    """Pitches as a token, each pitch class spelled as in the token `like` (new ones with sharps,
    or flats when `like` has flats)."""
    names = {midi(p) % 12: note_name(p).rstrip("-0123456789") for p in str(like).split("+") if is_note(p)}
    flats = any(n.endswith("b") and len(n) == 2 for n in names.values())
    return "+".join(spelled(p, names.get(p % 12) or name(p, flats)[:-len(str(p // 12 - 1))])
                    for p in sorted(pitches))


def spell_chord(pitches, like: str, flat_key: bool | None = None) -> str:
    """Pitches as a token: a chord a quality names is spelled by its degrees, the root as in the
    token `like` when it has it (else as its key writes it, `flat_key`, or flats for flat keys);
    anything else like `like`."""
    found = analyse(pitches) if len(pitches) > 1 else None
    if not found:
        return respell(pitches, like)
    root, intervals = found
    typed = {midi(p) % 12: note_name(p).rstrip("-0123456789") for p in str(like).split("+") if is_note(p)}
    minor = intervals[1:2] == (3,)
    flats = typed[root].endswith("b") if root in typed else flat_key if flat_key is not None else \
        root in (_FLAT_MINOR if minor else _FLAT_MAJOR)
    return Chord("", root, intervals, None, flats).spell(sorted(pitches))


def moved_chord(symbol: str, semitones: int) -> str:
    """A chord symbol moved by semitones, its quality kept ('g' + 2 → 'a', 'em/b' + 3 → 'gm/d')."""
    chord = Chord.parse(symbol)
    head = symbol.split("/")[0]
    suffix = head[len((FLAT_NAMES if chord.flats else _SHARP_NAMES)[chord.root]):]
    root = (chord.root + semitones) % 12
    names = _MINOR_ROOTS if chord.intervals[1:2] == (3,) else _MAJOR_ROOTS
    bass = f"/{names[(chord.bass + semitones) % 12]}" if chord.bass is not None else ""
    return Chord.parse(names[root] + suffix + bass).symbol


#: How guitarists name the roots of chords (Ab and F#, Ebm and G#m).
_MAJOR_ROOTS = ("c", "db", "d", "eb", "e", "f", "f#", "g", "ab", "a", "bb", "b")
_MINOR_ROOTS = ("c", "c#", "d", "eb", "e", "f", "f#", "g", "g#", "a", "bb", "b")


def transpose_token(token: str, semitones: int, flats: bool | None = None) -> str:
    """A note or chord token moved; rests and holds stay (an octave keeps the spelling). `flats`: the
    key moved to is written with flats (True) or sharps (False): F# in B major, Bb in F."""
    pitches = token_pitches(token)
    if pitches is None:
        return str(token)
    if semitones % 12 == 0:
        return respell([p + semitones for p in pitches], token)
    moved = [p + semitones for p in pitches]
    if len(moved) > 1 and analyse(moved):                 # a chord: spelled by its degrees (f → bb d f)
        return spell_chord(moved, "", flats)
    flats = bool(re.search(r"[a-g]b", str(token).lower())) if flats is None else flats
    return "+".join(name(p, flats) for p in moved)


def analyse(pitches) -> tuple[int, tuple[int, ...]] | None:
    """(root pitch class, intervals) of a pitch set a known quality spells, the bass tried first."""
    classes = {p % 12 for p in pitches}
    for candidate in [p % 12 for p in sorted(pitches)]:
        shape = tuple(sorted((c - candidate) % 12 for c in classes))
        for intervals in QUALITIES.values():
            if tuple(sorted({i % 12 for i in intervals})) == shape:
                return candidate, intervals
    return None


__all__ = ["FLAT_NAMES", "LETTERS", "NATURAL", "Chord", "QUALITIES", "chord_error", "nearest", "nearest_below", "midi", "name", "hz", "root_text",
           "register_of", "token_pitches", "respell", "spell_chord", "spelled", "transpose_token", "analyse", "key_flats", "scale_names"]
