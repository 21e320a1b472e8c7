"""A harmony sentence read from its constituents (harmony_constituents.scan) and its verb, in any
order: 'give me a Cmaj7 on the organ', 'dark drone on the pad, d minor chord', 'gimme that sus4 to
7 on G, 2 beats each', 'csus4 drifting into c over 8 bars', 'arp that cmaj7 on the sine slow'.

What the sentence does follows from what it holds: one chord is played (a gate), two or more are a
progression (a chord track), A word outside the small lexicon
below means the line is not only harmony: nothing is read (None) and the grammar has its turn, so
an unknown word never becomes a guess.
"""
from __future__ import annotations

import re

from . import intents as it
from . import intents_harmony as ih
from .chords import Chord, chord_error, moved_chord
from .errors import LanguageError
from .harmony_constituents import Part, scan, upper_letters, words_outside
from .harmony_lexicon import JOINS, NOTE_NOUNS, PLAY_VERBS, known
from .harmony_pitches import placed_on, released, stacked, tuned
from .harmony_sentence_keys import NAMING as _NAMING, about_the_key, key_of_parts
from .harmony_tokens import CHORDISH, column_of, ninth_chords, register_said, words_of
from .nicknames import NICKNAMES

#: Verbs that start the transport when said after the chords ('… then play'): a second command, not read here.
_TRANSPORT = frozenset(("play", "start", "go"))
_VOICED_OPEN = frozenset(("wide", "open", "spread"))
#: Words that say a line lists chords.
_LISTING = frozenset(("chords", "progression", "changes"))


def read_sentence(text: str, line: str):
    """The intent of a line made of harmony constituents and known words, else None."""
    if not text.startswith(("tune ", "retune ")) and _refused(words_outside(text), text, line):
        return None                                   # a word no constituent and no lexicon holds (after 'tune': any name)
    parts = _described(scan(text, line))
    placed = placed_on(parts, line)                   # 'sine on c2': the voice's words are its name
    if placed is not None:
        return placed
    words = [p.text for p in parts if p.kind == "word"]
    if {"chord", "chords"} & set(words):              # 'power chord, A5': a symbol that looks like a note
        parts = [Part("chord", Chord.parse(p.text).symbol, p.text, p.start) if p.kind == "note" and Chord.parse(p.text)
                 else p for p in parts]
    if ninth_chords([p.text for p in parts if p.kind == "note"], line):    # 'stabs play c9 f9, two bars each'
        parts = [Part("chord", Chord.parse(p.text).symbol, p.text, p.start) if p.kind == "note" else p for p in parts]
    if _refused(words, text, line):
        return None
    colon = text.find(":")                            # '808: a, then f, then c': a list after a label is notes
    labelled = colon >= 0 and not any(p.kind == "key" and p.start < colon for p in parts)   # ('in A: A D E' chords)
    sounded = stacked(_note_a(parts), line) or tuned(parts, line) or released(parts, line)
    if sounded is not None or any(p.kind in ("stack", "together", "release") for p in parts):
        return sounded                                # (those parts mean nothing to the readings below)
    if words.count("note") == 1 and not any(p.kind in ("note", "rest") for p in parts) and _letter_then_note(parts):
        pitch = _one_pitch(parts, words, line)                                # 'gimme a G note': one, by its letter
        if pitch is not None:
            return pitch
    if any(p.kind == "note" or (p.kind == "rest" and p.text != "-") for p in parts) or NOTE_NOUNS & set(words):
        return _note_run(parts, words, labelled, line)
    run = _note_run(parts, words, labelled, line) if labelled else None
    if run is not None:
        return run
    parts = [p for p in parts if p.kind != "rest"]   # 'Am - F - C': a dash between chords
    if about_the_key(parts, words):
        return None if _PLAYED & set(words) and "scale" in words else key_of_parts(parts, line)   # ('e phrygian, play the scale')
    first = next((i for i, p in enumerate(parts) if p.kind in _NAMING), len(parts))
    if any(p.kind == "word" and p.text in _TRANSPORT for p in parts[first:]):
        return None
    kinds = {p.kind for p in parts}
    pitch = _one_pitch(parts, words, line)
    if pitch is not None:
        return pitch
    if kinds & {"note", "number"} or not kinds & _NAMING:
        return None                                   # notes with octaves, values: other readers'
    chords = _chords(parts, line)
    if chords is None:
        return None
    target = _target(parts, line)
    column = column_of(next(p.text for p in parts if p.kind in _NAMING), line)
    each = _one(parts, "each")
    span = _one(parts, "span")
    rate = _one(parts, "rate")
    if rate is not None:
        return None                                   # a note value for chords: not said how
    if len(chords) == 1 and not _one_chord_line(parts, words):
        if _LISTING & set(words):
            return None                               # 'a minor chord progression': which chords?
        if each is not None or span is not None or not _surely_a_chord(parts, words):
            return None                               # 'hold c for 2 bars': a timed chord, not read here
        voicing = "open" if _VOICED_OPEN & set(words) else None
        key = _one(parts, "key")                      # 'play the IV chord in g': its degrees counted in g
        said = (key[0], key[1] or "major") if isinstance(key, tuple) and chords[0].startswith("deg:") else None
        return ih.PlayChord(target, chords[0], column, voicing, key=said)
    steps = _steps(each, span, len(chords))
    if steps is None:
        return None
    key = _one(parts, "key")
    said = (key[0], key[1] or "major") if key else None
    progression = ih.Progression(target, tuple(chords), steps, column, said)
    if said and (not any(c.startswith("deg:") for c in chords) or re.search(r"\bkey\b", line, re.I)):
        # 'key of a minor, chords am dm e am', 'key of D. 1 4 5 4': the key set too ('1 4 5 in D': read in it only)
        return it.Sequence((ih.SetKey(*said, column_of(key[0], line)), progression))
    return progression


#: Verbs that play a scale named beside its key ('phrygian on E, play the scale': the key, then the run).
_PLAYED = frozenset("play run give gimme".split())
_BARE_LETTER = re.compile(r"[a-g][#b]?")
#: Verbs that sound one note when a letter follows ('give me an A', 'blow me a Bb': a note to sing or tune to).
_SOUNDS_A_NOTE = frozenset("drone hold sustain play sound give gimme blow hum".split())


def _letter_then_note(parts: list[Part]) -> bool:
    """'a G note' (one note, sounded), not 'the note A' (a part's notes, said by what it plays)."""
    kinds = [p.kind if p.kind != "word" else p.text for p in parts]
    return any(k in ("letter", "chord", "root") and after == "note" for k, after in zip(kinds, kinds[1:]))


def _one_pitch(parts: list[Part], words: list[str], line: str):
    """'drone on a', 'hold an e for me': one note letter and a verb that sounds it (a gate)."""
    parts = [Part("letter", p.text, p.text, p.start) if p.kind == "chord" and _BARE_LETTER.fullmatch(p.text) or
             p.text == "a" and i and parts[i - 1].text == "an" else p
             for i, p in enumerate(parts)]            # ('give me an a': the letter, however it was typed)
    letters = [p for p in parts if p.kind in ("letter", "root")]
    if len(letters) != 1 or any(p.kind not in ("letter", "root", "voice", "word") for p in parts):
        return None
    if not _SOUNDS_A_NOTE & set(words) or {"chord", "chords", "triad"} & set(words) or \
            _strummed(parts):
        return None
    note = letters[0]
    return ih.PlayPitch(_target(parts, line), note.value if note.kind == "root" else note.text, False,
                        column_of(note.text.split()[-1], line), register_said(" ".join(words)))


def _note_a(parts: list[Part]) -> list[Part]:
    """'e e g a', 'a a c d': an 'a' beside notes is the note a, not the article."""
    parts = list(parts)
    for i in reversed(range(len(parts))):             # its neighbours, past joins ('a, then f, then c')
        before = next((p for p in reversed(parts[:i]) if not (p.kind == "word" and p.text in JOINS)), None)
        after = next((p for p in parts[i + 1:] if not (p.kind == "word" and p.text in JOINS)), None)
        if parts[i].kind == "word" and parts[i].text == "a" and any(p is not None and p.kind in _NOTES for p in (before, after)):
            parts[i] = Part("letter", "a", "a", parts[i].start)
    return parts


_NOTES = ("note", "letter", "rest")


def _refused(words: list[str], text: str, line: str) -> bool:
    """Whether a word is outside the lexicon; in a line that lists chords ('chords am f xyz') that
    word is a chord not known, said in one line — unless it names the part they are for ('… on the bed')."""
    unknown = [w for w in words if not known(w)]
    named = [w for w in unknown if re.search(rf"\b(?:on|for|to)\s+(?:the\s+|my\s+)?{re.escape(w)}\b", text)]
    if unknown and unknown[0] not in named and (text.split()[0] in _LISTING or (_LISTING & set(text.split()) and CHORDISH.fullmatch(unknown[0]))):
        raise chord_error(unknown[0], column_of(unknown[0], line))
    return bool(unknown)


def _note_run(parts: list[Part], words: list[str], labelled: bool, line: str):
    """'melody on the sine: e5 d5 c5 b4 c5 . a4 .', 'bass notes in d minor: d2 . f2', 'pad notes e b
    f#': a run of notes and rests for a voice, the key or scale said beside it only describing them
    (written octaves say the pitches); letters alone are notes only when called notes, a melody, a riff,
    or listed after a label ('808: a, then f')."""
    notes = ("note", "letter", "rest")
    parts = _note_a(parts)
    run = [p for p in parts if p.kind in notes]
    first, last = parts.index(run[0]) if run else 0, parts.index(run[-1]) if run else 0
    inside = [p for p in parts[first:last + 1] if p not in run]
    if len([p for p in run if p.kind != "rest" and p.text != "a"]) < 2 or \
            any(p.kind != "word" or p.text not in JOINS for p in inside):
        return None
    if any(p.kind not in ("note", "letter", "rest", "voice", "key", "scale", "tonic", "word", "rate")
           and not (p.kind == "quality" and p.text in ("major", "minor")) for p in parts):
        return None                                   # chords, lengths, numbers: not a run of notes
    steps = _one(parts, "rate") or 0                  # 'in quarter notes': each note that long
    if steps is _Twice:
        return None
    octaves = any(p.kind == "note" for p in run)
    if not octaves and not NOTE_NOUNS & set(words) and not (labelled and all(p.kind != "chord" for p in parts)):
        return None                                   # 'a c e g' alone: the notes' or the chords' reader
    target = _target(parts, line)
    column = column_of(run[0].text, line)
    if octaves and all(p.kind != "letter" for p in run) and not steps:
        return it.SetNotes(target, tuple(it.Word(p.value if p.kind == "rest" else p.text, column_of(p.text, line)) for p in run),
                           column)
    name = "melody" if "melody" in words else None
    return ih.PitchList(target, tuple(p.text if p.kind != "rest" else "." for p in run), column, name, steps)


def _described(parts: list[Part]) -> list[Part]:
    """'dark minor chords, Cm Ab Eb Bb': a quality said of the chords named (no root to build on) is a description."""
    if any(p.kind == "root" for p in parts):
        return parts
    return [Part("word", p.text, p.text, p.start) if p.kind == "quality" and nxt.kind == "word" and nxt.text in _CHORD_NOUNS
            else p for p, nxt in zip(parts, parts[1:] + [Part("end", None, "", 0)])]


_CHORD_NOUNS = frozenset(("chord", "chords", "triad", "triads"))
#: The constituents that name chords.


def _one(parts: list[Part], kind: str):
    found = [p.value for p in parts if p.kind == kind]
    return found[0] if len(found) == 1 else None if not found else _Twice


class _Twice:
    """A constituent said twice (two lengths, two keys): the line is not read here."""


def _chords(parts: list[Part], line: str) -> list[str] | None:
    """The chords named in order: symbols, letters (as chords only when typed in capitals, called
    chords or under a capo), degrees (digits only with a key or three of them), or bare qualities on a
    root said; under a capo, the chords its shapes sound."""
    if any(_one(parts, k) is _Twice for k in ("each", "span", "rate", "key", "root", "voice", "named", "capo")):
        return None
    capo = _one(parts, "capo")
    chords = _named_chords(parts, line, capo is not None or _strummed(parts))
    if not capo or chords is None:
        return chords
    if any(c.startswith("deg:") for c in chords):
        return None                                   # numerals are the key's, whatever the fret
    return [moved_chord(c, capo) for c in chords]     # 'capo 2, play G': the G shape sounds A


def _named_chords(parts: list[Part], line: str, shapes: bool) -> list[str] | None:
    """The chords as named; `shapes`: letters are chord shapes (a capo or a strum is said)."""
    root = _one(parts, "root")
    key = _one(parts, "key")
    named = _one(parts, "named")
    sevenths = _one(parts, "sevenths") is not None
    if named is not None:
        if any(p.kind in ("chord", "letter", "degree", "quality") for p in parts):
            return None                               # nothing else named (its key: said, else the session's, else asked)
        seventh = "7dom" if len(named) == 12 else "7th"      # the blues' dominant sevenths, else the key's
        return [f"deg:{r}{seventh if sevenths and not r.endswith('7') else ''}" for r in named]
    named = [p for p in parts if p.kind in ("chord", "letter", "quality", "degree")]
    if root is not None:
        if any(p.kind in ("chord", "letter") for p in named) or key is not None:
            return None
        chords = [Chord.parse(f"{root} {quality}".strip()) for quality in _qualities(parts)]
        return [c.symbol for c in chords] if chords and all(chords) else None
    if any(p.kind == "quality" for p in named):
        return None                                   # 'minor 9' with no root said
    degrees = [p for p in named if p.kind == "degree"]
    if degrees:
        if len(degrees) != len(named):
            return None                               # numerals and chord names mixed
        digits = [p for p in degrees if p.text.isdigit()]
        if digits and key is None and len(digits) < 3:
            return None
        sevenths = sevenths or [p.text for p in degrees] == ["2", "5", "1"]     # 'a 2-5-1': the jazz cadence, in sevenths
        return [p.value + ("7th" if sevenths and not p.value.endswith("7") else "") for p in degrees]
    letters = [p for p in named if p.kind == "letter"]
    chord_word = any(p.kind == "word" and p.text in ("chord", "chords", "triad", "progression", "changes") for p in parts)
    if letters and len(letters) == len(named) and upper_letters(line) < 2 and not chord_word and not shapes:
        said = " ".join(p.text for p in _note_a(parts) if p.kind == "letter")
        if len(said.split()) < 2:
            return None                               # 'play e': the note (another reader's)
        raise LanguageError(f"'{said}' could be notes one after another ('notes {said}') or one chord "
                            f"('play {said} together'): say which", column_of(letters[0].text, line))
    return [p.value for p in named]


def _qualities(parts: list[Part]) -> list[str]:
    """The qualities said before a root, those side by side joined ('minor 9'); a degree digit here is
    a quality ('sus4 to 7 on G'), the 1 a plain triad."""
    runs: list[list[str]] = []
    joined = False
    for part in parts:
        if part.kind in ("quality", "degree"):
            said = "" if part.text == "1" else part.value if part.kind == "quality" else part.text   # '6/9': 69
            if joined:
                runs[-1].append(said)
            else:
                runs.append([said])
            joined = True
        else:
            joined = False
    return [" ".join(w for w in run if w) for run in runs]


#: Words that say a letter is a chord shape: a guitarist strums chords ('strum a g', 'a barre f').
_SHAPE_WORDS = frozenset(("strum", "strums", "strumming", "strummed", "barre"))


def _strummed(parts: list[Part]) -> bool:
    return any(p.kind == "word" and p.text in _SHAPE_WORDS for p in parts)


#: Verbs that, said first, sound a chord named like a key ('sustain an e minor', 'play c minor').
_SOUNDING = frozenset("play hold strum sound hit sustain ring gimme".split())


def _one_chord_line(parts: list[Part], words: list[str]) -> bool:
    """'chords am9 on the stab': the chords now one chord, held bar after bar (a symbol, the word 'chords', no
    'progression' asking which)."""
    return "chords" in words and not {"progression", "changes"} & set(words) and \
        [p.kind for p in parts if p.kind in _NAMING] == ["chord"]


def _surely_a_chord(parts: list[Part], words: list[str]) -> bool:
    """One chord: a symbol with a quality, or one called a chord; a major or minor triad said in words
    ('c minor') also names a key, so it is a chord only when called one or played first thing
    ('play c minor'), not in 'make the bass play c minor' (a key or a chord: the shell asks)."""
    chord = next(p for p in parts if p.kind in ("chord", "letter", "degree", "quality"))
    called = bool({"chord", "triad"} & set(words)) or chord.text.endswith((" chord", " triad")) or _strummed(parts) or \
        any(p.kind == "capo" for p in parts)          # a chord shape under a capo
    if chord.kind == "letter" or called:
        return called
    symbol = Chord.parse(chord.text)
    plain = chord.kind == "chord" and symbol is not None and symbol.intervals in ((0, 4, 7), (0, 3, 7)) and \
        "/" not in symbol.symbol                      # 'c over e': a slash chord names no key
    if not plain:
        return True
    worded = " " in chord.text or chord.text.endswith(("major", "minor", "maj", "min"))
    first = parts[0].kind == "word" and parts[0].text in _SOUNDING
    return first if worded else bool(PLAY_VERBS & set(words))


def _target(parts: list[Part], line: str):
    """The voice named; of two, the one named by its sound ('melody … on the sine': the sine, the
    melody only describing the notes); two sounds named is a question, never the focus."""
    voices = list(dict.fromkeys(p.value for p in parts if p.kind == "voice"))
    if len(voices) > 1:
        voices = [v for v in voices if v.rstrip("0123456789") not in NICKNAMES] or voices
    if len(voices) > 1:
        raise LanguageError(f"on which voice: {' or '.join(voices)}?", column_of(voices[1], line))
    return words_of(voices[0], line) if voices else None


def _steps(each, span, count: int) -> int | None:
    """The sixteenths each chord lasts: as said, or the whole run's length shared, or a bar."""
    if each is _Twice or span is _Twice:
        return None
    if each is not None:
        steps = each
    elif span is not None:
        steps = span * 4 / count
    else:
        steps = 16
    if steps != int(steps) or not 1 <= steps <= 256:
        raise LanguageError(f"a chord lasts a whole number of sixteenth steps (1–256), not {steps:g}", 0)
    return int(steps)


__all__ = ["read_sentence"]
