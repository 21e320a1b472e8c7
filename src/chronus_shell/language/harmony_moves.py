"""Moving notes by an interval, read from its constituents in any order (issue 13): 'transpose the
melody up 2 semitones', 'the bass line a fifth higher', 'drop it a whole step', 'up a 5th', 'key
change up a tone', 'move the song up a whole step', 'melody +12'.

The words of the line are placed one by one: a verb, what moves (a voice, the notes of a voice,
a pronoun, the key or the song), the direction and the interval. A word that has no place makes
the line not a move (None: the other readers and the grammar have their turn), so an unknown word
never becomes a guess. A bare 'step' is refused: a whole step, a half step or a step of the scale?
"""
from __future__ import annotations

import re

from . import intents_harmony as ih
from .errors import LanguageError
from .harmony_constituents import VOICES
from .harmony_tokens import VOICE_WORDS, column_of, words_of

_INTERVALS = {"semitone": 1, "semi": 1, "half step": 1, "half-step": 1, "halfstep": 1, "whole step": 2, "whole-step": 2,
              "tone": 2, "whole tone": 2, "octave": 12, "fifth": 7, "fourth": 5, "third": 4, "minor third": 3,
              "major third": 4, "second": 2, "sixth": 9, "seventh": 11, "minor second": 1, "major second": 2,
              "perfect fourth": 5, "perfect fifth": 7, "tritone": 6, "minor sixth": 8, "major sixth": 9,
              "minor seventh": 10, "major seventh": 11, "2nd": 2, "3rd": 4, "4th": 5, "5th": 7, "6th": 9, "7th": 11,
              "8ve": 12, "st": 1, "halftone": 1, "half tone": 1, "half-tone": 1, "quint": 7, "quinte": 7,
              "quart": 5}                                           # (German speakers' halftones and quints)
#: Said when a step moves a melody: whole, half or a step of the scale is not said (chords move by a whole step).
STEP_ASKED = ("a step up or down: a whole step (2 semitones), a half step (1) or a step of the scale? "
              "say 'up a whole step', 'up a semitone' or 'up 2 semitones'")
#: A step alone: how far is meant is not said.
_VAGUE = frozenset(("step", "steps"))
_COUNTS = {"a": 1, "an": 1, "one": 1, "another": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "twelve": 12}
_DIRECTIONS = {"up": 1, "higher": 1, "above": 1, "down": -1, "lower": -1, "below": -1, "deeper": -1}
#: Verbs that say the direction themselves ('drop it a whole step', 'raise them a fifth').
_DIRECTED = {"drop": -1, "lower": -1, "sink": -1, "raise": 1, "lift": 1, "bump": 1, "push": 1}
_VERBS = frozenset("transpose tune move shift put take bring walk play pitch make now then do let's lets could can would will should might".split())
_PRONOUNS = frozenset("it them that this those everything all drone".split())   # (the drone: what is held)
#: Words naming the notes a voice plays rather than the voice.
_NOTE_NOUNS = frozenset("melody chords chord progression arp arpeggio notes line tune riff hook changes bassline sequence scale run "
                        "pattern part".split())
#: Notes named as chords: the chord track's ('transpose the chords down a half step').
_CHORDS_NAMED = frozenset("chords chord progression changes".split())
#: What moves the key, and every note track with it.
_SONG = frozenset("song key music modulate modulation".split())
_FILLER = frozenset("the my our a an by on for of whole thing change played sounded be instead about go goes "
                    "still more further".split())      # 'lower still, one more tone': a move again
#: An interval said without a count is one of it ('bass go octave down', 'melody semitone up').
_ONE_OF = frozenset("octave semitone halftone".split())      # (not tone: "tone it down")
#: 'down to a lower octave', 'to a higher octave': an octave that way.
#: 'une quarte more high', 'a semitone more low': a learner's comparative.
_MORE_WAY = re.compile(r"\bmore (high|low|grave|deep)\b")
_AN_OCTAVE = re.compile(r"\b(?:to\s+)?(?:a|an|one)\s+(lower|higher|deeper)\s+octave\b")
_MOVING = _DIRECTIONS.keys() | _DIRECTED.keys() | {"+", "-"}


def read_move(text: str, line: str):
    """The intent of a line that moves notes by an interval, else None."""
    words = _MORE_WAY.sub(lambda m: "higher" if m.group(1) == "high" else "lower",
                          _AN_OCTAVE.sub(r"an octave \1", text)).replace(",", " ").replace(":", " ").split()   # 'key change: up
    if not words or not _MOVING & ({w[:1] for w in words} | set(words)):
        return None
    said = _placed(words)
    if said is None:
        return None
    direction, semis, voice, noun, pronoun, song, told = said
    if voice and song == "key" and not noun:
        song, noun = None, "notes"                    # 'bass key up 2': the bass's notes, not the song's key
    steps = semis[1] if semis and semis[0] == "vague" else None          # how many steps were said
    if steps and song:
        semis = (2 * steps, False)                    # 'modulate up a step': a key moves by a whole step
    if semis is None or direction is None or sum(bool(x) for x in (voice or noun, pronoun, song)) > 1:
        return None
    if steps:
        if voice and not noun or words[0] == "make" or pronoun in ("everything", "all"):
            raise LanguageError(STEP_ASKED, column_of("step", line))
        who = f"{voice} {noun}" if voice else noun or pronoun
        return ih.MoveNotes(words_of(voice, line) if voice else None, direction * 2 * steps, None,
                            column_of(who or "step", line), step=True)   # chords move by whole steps (the mapper)
    size, bare = semis
    if bare and not (noun or song or pronoun in ("everything", "all") or voice and words[0] == "transpose"):
        return None                                   # a bare number: semitones only for notes or the key ('melody up 12')
    moved = direction * size
    if song:
        return ih.ChangeKey(None, None, "interval", column_of(told or song, line), semitones=moved)
    if noun and not (noun == "notes" and not voice and words[0] in _DIRECTED):
        who = f"{voice} {noun}" if voice else noun
        return ih.MoveNotes(words_of(voice, line) if voice else None, moved, None, column_of(who, line),
                            chord=noun in _CHORDS_NAMED and not voice, noun=None if voice else noun)
    if voice:
        return _voice_moved(voice, moved, line)
    if pronoun in ("everything", "all"):               # 'tune everything down half a step': every note track
        return ih.MoveNotes(words_of(pronoun, line), moved, None, column_of(pronoun, line))
    if words[0] == "make":
        return None                                   # 'make it an octave lower': the grammar's, said back with what moved
    if words[0] == "drone":                           # 'drone an octave lower': the drone (a sound called so, or the
        return _voice_moved("drone", moved, line)     # one droning), never the verb with the sound in focus moved
    unit_last = words[-1].rstrip("s") in ("octave", "semi", "semitone")
    return ih.MoveNotes(None, moved, line if unit_last and told else _plainly(moved),
                        tune=words[0] == "transpose" and not pronoun, band=words[0] == "take" and pronoun in ("it", "this"))


def _voice_moved(voice: str, moved: int, line: str):
    """A voice moves as a whole, its pitch and its notes (the grammar's transpose); a voice the
    grammar cannot name ('the 808', resolved in the patch) moves its notes."""
    from .parser_grammar import parse_plain
    try:
        return parse_plain(f"transpose the {VOICE_WORDS.get(voice, voice)} {'up' if moved > 0 else 'down'} {abs(moved)} semitones")
    except LanguageError:
        return ih.MoveNotes(words_of(voice, line), moved, None, column_of(voice, line))


def _plainly(semis: int) -> str:
    """The usual reading of a move when no chord is held, in the words the grammar knows."""
    return f"{'up' if semis > 0 else 'down'} {abs(semis)} semitones"


def _placed(words: list[str]):
    """(direction, (semitones, whether a bare number) | 'vague', voice, noun, pronoun, song, the
    direction word) from the words, or None when a word has no place or a part is said twice."""
    direction = semis = voice = noun = pronoun = song = told = None
    index = 0
    while index < len(words):
        word = words[index]
        leading = all(w in _VERBS for w in words[:index])
        amount = None if word in VOICES else _amount(words, index)      # 'the 808': a voice, not a count
        if amount is not None:
            if semis is not None:
                return None
            semis, index, sign = amount
            direction = _agreed(direction, sign) if sign else direction
            if direction is None and sign:
                return None
            continue
        if word in _DIRECTED and leading:
            direction = _DIRECTED[word]
        elif word in _DIRECTIONS:
            direction, told = _agreed(direction, _DIRECTIONS[word]), word
            if direction is None:
                return None
        elif word in _VERBS and leading:
            pass
        elif word in _PRONOUNS and index + 1 < len(words) and words[index + 1] in _NOTE_NOUNS:
            pass                                           # 'that progression', 'this melody': a determiner
        elif word in _PRONOUNS and not (voice or noun):
            pronoun = word
        elif word in _NOTE_NOUNS and not noun:
            noun = word
        elif word in _SONG:
            song = song or word
        elif not voice and (word in VOICES or word.rstrip("0123456789") in VOICES or
                            index + 1 < len(words) and words[index + 1] in _NOTE_NOUNS and word not in _FILLER):
            voice = word                                   # a voice, or any name said before its notes ('the arp2 notes')
        elif word not in _FILLER:
            return None
        index += 1
    return direction, semis, voice, noun, pronoun, song, told


def _agreed(direction: int | None, said: int) -> int | None:
    return said if direction in (None, said) else None


def _amount(words: list[str], index: int):
    """((semitones, bare), next index, sign) for an interval at `index` ('a fifth', '2 semis', 'by an
    octave', '+3'), 'vague' for a step alone, else None."""
    if words[index] == "by" and index + 1 < len(words):
        found = _amount(words, index + 1)
        return found
    word = words[index]
    sign = 0
    if word == "half" and words[index + 1:index + 3] in (["a", "step"], ["a", "tone"]):
        return (1, False), index + 3, 0                  # 'down half a step': a semitone
    if word in ("a", "one") and words[index + 1:index + 2] == ["half"] and words[index + 2:index + 3] in ([], ["for"]):
        return (1, False), index + 2, 0                  # 'up a half (for the last chorus)': a half step, as charts say
    if word[:1] in "+-" and word[1:].isdigit():                     # '+3', '-2 st': the direction in the sign
        word, sign = word[1:], 1 if word[0] == "+" else -1
    count = int(word) if word.isdigit() else _COUNTS.get(word)
    if count is None:
        single = word[:-1] if word.endswith("s") else word
        return ((_INTERVALS[word], False), index + 1, 0) if word in _ONE_OF and single == word else None
    if words[index + 1:index + 2] in (["more"], ["further"]):
        index += 1                                       # 'one more tone': a tone (again)
    for size in (2, 1):
        unit = " ".join(words[index + 1:index + 1 + size])
        if len(unit.split()) != size:
            continue
        if unit in _VAGUE:
            return ("vague", count), index + 1 + size, sign
        single = unit[:-1] if unit.endswith("s") and unit[:-1] in _INTERVALS else unit
        if single in _INTERVALS:
            return (count * _INTERVALS[single], False), index + 1 + size, sign
    if word.isdigit():
        return (count, True), index + 1, sign             # a number alone: semitones of notes or the key
    return None


__all__ = ["STEP_ASKED", "read_move"]
