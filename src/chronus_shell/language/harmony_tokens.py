"""Pieces shared by the harmony phrase readers (parser_harmony, parser_harmony_changes): note
and chord tokens, targets as Words, columns."""
from __future__ import annotations

import re

from . import intents as it
from .chords import Chord
from .errors import LanguageError
from .rephrasings import NICKNAME_KINDS, NICKNAMES

NOTE = r"[a-g](?:#|b|♯|♭)?"
PRONOUNS = {"it", "that", "this", "them", "those", "the chord", "the chords", "chord", "chords"}
#: Words of the harmony English: known words, never "corrected" as typos by the second stage.
HARMONY_WORDS = frozenset(
    "arpeggiate arpeggio arpeggiator arp chord chords progression changes invert inversion inversions voicing "
    "voicings voice wide open close closed spread key minor major dorian phrygian lydian mixolydian locrian "
    "aeolian ionian pentatonic blues chromatic harmonic melodic sharp flat degree degrees scale relative "
    "parallel transpose modulate melody random sixteenths eighths quarters semitones octave octaves root "
    "strum seventh ninth sixth diminished augmented suspended dominant sus dim aug maj min".split())
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "twelve": 12, "sixteen": 16, "half": 0.5, "half a": 0.5}
#: A token meant as a note or a chord ('h3', 'cm13#5'), refused with its own line, not read as a word.
CHORDISH = re.compile(r"[a-z](?:#|b)?-?\d|[a-h](?:#|b)?(?:m|maj|min|dim|aug|sus|add|\d|/|\+)\S*")


def words_of(text: str | None, line: str) -> it.Words | None:
    if not text or text.strip() in ("it", "that", "this"):
        return None
    column = max(line.lower().find(text.split()[0]), 0)
    return it.Words(tuple(it.Word(VOICE_WORDS.get(w, w), column) for w in text.split() if w not in ("the", "a", "an")) or
                    (it.Word(text, column),))


def written_notes(target: str | None, tokens: list[str], line: str) -> it.SetNotes | None:
    """'wob: a1 ~ c2 ~': notes with octaves after a part's name and a colon, '~', '-', '_' and '.' rests — the part's
    notes, whatever the name (the grammar's notes form knows no colon)."""
    if not target:
        return None
    start, words = 0, []
    for token in tokens:
        start = line.find(token, start)
        words.append(it.Word("." if token in ("~", "-", "_", "rest") else token, max(start, 0)))
        start += len(token)
    return it.SetNotes(words_of(target, line), tuple(words), words[0].column if words else 0)


#: Nicknames that stand for a name the language knows ('the 808': the bass); the others are resolved in the patch.
VOICE_WORDS = {word: meaning for word, meaning in NICKNAMES.items() if meaning not in NICKNAME_KINDS}


_LOW = re.compile(r"\b(?:low|deep|pedals?)\b", re.I)
_DRONE = re.compile(r"\b(?:drones?|droning|underneath|beneath)\b", re.I)


def register_said(text: str) -> str:
    """Where a held note is said to sit: 'low' ('a low G', the second octave, as an organ's pedals),
    'drone' ('a drone on D': at or below the voice's register, never above) or ''."""
    return "low" if _LOW.search(text) else "drone" if _DRONE.search(text) else ""


def column_of(text: str, line: str) -> int:
    return max(line.lower().find(text.split()[0] if text.split() else text), 0)


_CHORD_SEPARATORS = re.compile(r"[\s,|]+|\s-\s")


#: A token that is a chord of its own, not a tension written apart ('e7 b9': the flat nine).
_ANOTHER_CHORD = re.compile(r"[a-g](?!\d)\S*|[ace-g]\d\S*")


def two_chords(words: list[str]) -> bool:
    """Words read as one chord that hold a second chord of their own ('em a7': E minor, then A7 — never
    'e ma7'); a bass note after 'over' or 'on' is the slash chord's ('ab over c')."""
    return any(_ANOTHER_CHORD.fullmatch(w) and Chord.parse(w) is not None and words[i] not in ("over", "on", "/")
               for i, w in enumerate(words[1:]))


def chord_list(text: str) -> list[str] | None:
    """'am7 f c g', 'a minor, f major | c - g' → ['am7', 'f', 'c', 'g'] (longest reading at each
    place); None if any part is not a chord."""
    tokens = [t for t in _CHORD_SEPARATORS.split(text) if t and t not in ("-", "then", "and", "to")]
    chords, index = [], 0
    while index < len(tokens):
        for end in range(min(len(tokens), index + 4), index, -1):
            if two_chords(tokens[index:end]):
                continue                    # 'em a7' is E minor then A7, never 'e ma7' (E major 7)
            chord = Chord.parse(" ".join(tokens[index:end]))
            if chord is not None:
                chords.append(chord.symbol)
                index = end
                break
        else:
            return None
    return chords or None


_HOLD = re.compile(r",? (?:and )?(?:hold(?: it| that)?|let it ring|sustain(?: it)?|(?:just )?sit on it|keep it)$|"
                   r" for (?:that|a|the) [\w\s-]+ (?:vibe|feel|sound)$")


def without_hold(text: str) -> str:
    """'play fmaj7 and hold', 'minor 7 on a, hold it': the hold is what a gate does anyway."""
    return _HOLD.sub("", text).strip()


_LETTER = re.compile(NOTE)


def has_quality(chords: list[str]) -> bool:
    return any(not _LETTER.fullmatch(c) for c in chords)


def first_match(forms, text: str) -> re.Match | None:
    """The first of the compiled `forms` the whole text matches."""
    for form in forms:
        match = form.fullmatch(text)
        if match:
            return match
    return None


def ninth_chords(tokens, line: str) -> bool:
    """'stabs play c9 f9': every note said is in octave 9, where nobody plays a line — ninth chords, unless rests
    between them make it a line of notes ('saw notes c9 . f9 .')."""
    octaved = [t for t in tokens if re.fullmatch(r"[a-g](?:#|b)?9", t, re.I)]
    return bool(octaved) and len(octaved) == len([t for t in tokens if re.fullmatch(r"[a-g](?:#|b)?-?\d", t, re.I)]) \
        and not re.search(r"(?:^|\s)(?:\.|-|~|_|rest)(?=\s|$)", line, re.I)


def not_a_note(token: str, column: int) -> LanguageError:
    guess = {"h": "b"}.get(token[:1])                      # German H is B
    hint = f" — did you mean {guess}{token[1:]}?" if guess else ""
    return LanguageError(f"{token!r} is not a note: a letter a–g, # or b, and an octave if you like "
                         f"(a, c#, eb3), a chord (am7) or '.' for a rest{hint}", column,
                         (guess + token[1:],) if guess else ())


__all__ = ["ninth_chords", "not_a_note", "written_notes", "first_match", "without_hold", "NOTE", "PRONOUNS", "NUMBERS", "CHORDISH", "words_of", "column_of", "chord_list", "has_quality", "two_chords"]
