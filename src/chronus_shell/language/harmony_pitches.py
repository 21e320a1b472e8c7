"""Pitches sounded, let go or set, read from a line's constituents (harmony_constituents) in any order:
notes at once ('play c e g together', 'hold a, c and e as a chord', 'c+e+g', 'chord: c4+e4+g4'), the
chord let go ('release the chord'), an oscillator tuned to a note ('tune the saw to e') and an interval
on a note ('a major sixth above c4')."""
from __future__ import annotations

import re

from . import intents as it
from . import intents_harmony as ih
from .harmony_constituents import VOICES, Part
from .chords import transpose_token
from .harmony_tokens import NOTE, column_of, words_of

#: Verbs that tune an oscillator; with the others a note with its octave is the grammar's value ('set the saw to a2').
_TUNE_VERBS = frozenset(("tune", "retune", "pitch", "change"))
_SET_VERBS = frozenset(("set", "put", "bring"))
#: The words these readings add to the harmony lexicon.
PITCH_VERBS = _TUNE_VERBS | {"stack", "strike"}
_SOUNDED = ("letter", "note")
#: A chord said in the singular, its notes listed; the words that make a list of chords instead.
_ONE_CHORD = frozenset(("chord", "triad"))
_SEVERAL = frozenset(("chords", "triads", "progression", "changes"))


def stacked(parts: list[Part], line: str):
    """Notes at once, each above the one before (written octaves kept): said 'together' (or 'at once',
    'as a chord'), or joined by '+'."""
    stacks = [p for p in parts if p.kind == "stack"]
    words = {p.text for p in parts if p.kind == "word"}
    notes = [p for p in parts if p.kind in _SOUNDED]
    if any(p.kind not in (*_SOUNDED, "stack", "together", "voice", "word") for p in parts):
        return None
    if stacks:
        if len(stacks) != 1 or notes:
            return None
        said = list(stacks[0].value)
    elif any(p.kind == "together" or p.text in ("stack", "stacked") for p in parts) and len(notes) >= 2:
        said = [p.text for p in notes]
    elif _ONE_CHORD & words and not _SEVERAL & words and len(notes) >= 2:
        said = [p.text for p in notes]                 # 'chord c e g', 'the square chord: c e g': one chord of them
    else:
        return None
    return ih.PlayChord(_voice(parts, line), "+".join(said), column_of(said[0], line), "stacked")


def released(parts: list[Part], line: str):
    """'release the chord', 'let go of the chords on the pad': the voice's gate closes."""
    said = [p for p in parts if p.kind == "release"]
    if len(said) != 1 or not any(p.text in ("chord", "chords") for p in parts) or \
            any(p.kind not in ("release", "voice", "word") for p in parts):
        return None
    return it.Gate(_voice(parts, line), False, None, column_of(said[0].text, line))


def tuned(parts: list[Part], line: str):
    """'tune the saw to e', 'retune it to g2', 'set the bass to e flat': the oscillator's pitch."""
    verb = parts[0].text.split()[0] if parts and parts[0].kind in ("word", "voice") else ""   # 'tune the saw' is one part
    notes = [p for p in parts if p.kind in _SOUNDED]
    if verb not in _TUNE_VERBS | _SET_VERBS or len(notes) != 1 or \
            any(p.kind not in (*_SOUNDED, "voice", "word") for p in parts):
        return None
    note = notes[0]
    if note.kind == "note" and verb not in _TUNE_VERBS:
        return None                                   # 'set the saw to a2': a value, the grammar's
    if not any(p.kind == "word" and p.text in ("to", "at") for p in parts) or verb == "change" and _voice(parts, line) is None:
        return None                                   # ('change the pitch to c': of which voice?)
    return ih.PlayPitch(_voice(parts, line), note.text, True, column_of(note.text, line))


#: Words a voice set on a note may hold besides the voice and the note ('put the sub sine on g1').
_ON_WORDS = frozenset("put set sit make have let the my a sub low high drone droning on osc oscillator wave".split())


def placed_on(parts: list[Part], line: str):
    """'sine on c2', 'put the triangle on g3', 'make the sine drone on f2': a voice said, 'on' and one
    note with its octave, last — the oscillator's pitch."""
    notes = [p for p in parts if p.kind in _SOUNDED]
    if len(notes) != 1 or notes[0].kind != "note" or parts[-1] is not notes[0] or len(parts) < 2 or \
            parts[-2].text != "on":
        return None
    voices = [p for p in parts if p.kind == "voice" or p.kind == "word" and p.text not in _ON_WORDS and
              p.text.rstrip("0123456789") in VOICES]         # ('sub', 'drone': nicknames, here words about the voice)
    if len(voices) != 1 or any(p.kind == "word" and p.text not in _ON_WORDS and p is not voices[0] for p in parts):
        return None
    return ih.PlayPitch(words_of(voices[0].value if voices[0].kind == "voice" else voices[0].text, line), notes[0].text,
                        True, column_of(notes[0].text, line))


_INTERVAL = re.compile(r"(?:play |sound |give me )?(?:the )?(?:interval of )?(?:an? )?(?P<size>(?:(?:minor|major|perfect|augmented|"
                       r"diminished) )?(?:second|third|fourth|fifth|sixth|seventh|octave|2nd|3rd|4th|5th|6th|7th)|tritone|octave) "
                       rf"(?P<way>above|below|over|under|up from|down from|from) (?P<note>{NOTE}-?\d)(?: on (?:the )?(?P<voice>[\w-]+))?")
#: Sizes of intervals by name; a bare second, sixth or seventh is the major one, a fourth or fifth the perfect one.
_SIZES = {"second": 2, "2nd": 2, "third": 4, "3rd": 4, "fourth": 5, "4th": 5, "fifth": 7, "5th": 7, "sixth": 9, "6th": 9,
          "seventh": 11, "7th": 11, "octave": 12, "tritone": 6}
_KINDS = {"minor": -1, "major": 0, "perfect": 0, "augmented": 1, "diminished": -1}


def interval(text: str, line: str):
    """'play the interval of a major sixth above c4', 'a fifth below e3 on the sine': both notes at once."""
    match = _INTERVAL.fullmatch(text)
    if not match:
        return None
    *kind, size = match.group("size").split()
    semis = _SIZES[size] + (_KINDS[kind[0]] if kind else 0)
    if kind and kind[0] == "diminished" and size in ("fourth", "4th", "fifth", "5th", "octave"):
        semis = _SIZES[size] - 1
    below = match.group("way") in ("below", "under", "down from")
    other = transpose_token(match.group("note"), -semis if below else semis)
    notes = (other, match.group("note")) if below else (match.group("note"), other)
    return ih.PlayChord(words_of(match.group("voice"), line) if match.group("voice") else None, "+".join(notes),
                        column_of(match.group("note"), line), "stacked")


_ADDED = re.compile(r"(?:add|stack|put|throw in|and|plus|now)\s+(?:on\s+)?(?:a|an|the)\s+(?P<size>(?:(?:minor|major|perfect)\s+)?"
                    r"(?:third|fourth|fifth|3rd|4th|5th)|octave)(?:\s+(?:to|on|over)\s+(?:it|that|the drone))?"
                    r"(?:\s+please)?")


def added_interval(text: str, line: str):
    """'drone on a', then 'add a fifth': the note held and the note that far above it, together ('a fifth
    above' is a voice of its own, the grammar's)."""
    match = _ADDED.fullmatch(text)
    if not match:
        return None
    *kind, size = match.group("size").split()
    return ih.AddInterval(_SIZES[size] + (_KINDS[kind[0]] if kind else 0), column_of(size, line))


_NEIGHBOUR = re.compile(rf"^(?:(?:perhaps|maybe|now|then|and|try|play|give me|how about|ok|okay)[,\s]+)*(?:the|an?)\s+"
                        rf"(?P<note>{NOTE})\s+(?:just\s+|right\s+)?(?P<way>above|below|under|over)\s+(?:it|that|this(?: one)?|"
                        rf"the last one)(?:,?\s+(?:a\s+(?:little|bit)\s+)?(?P<said>higher|lower|up|down))?"
                        rf"(?:\s+(?:on|for)\s+(?:the\s+)?(?P<voice>[\w-]+))?(?:\s+please)?$")


def neighbour(text: str, line: str):
    """'the e above it', 'perhaps the E above it, a little higher?', 'a g below that': the named note
    next above (or below) the one the voice last played."""
    match = _NEIGHBOUR.match(text)
    if not match:
        return None
    up = match.group("way") in ("above", "over")
    if match.group("said") and (match.group("said") in ("higher", "up")) != up:
        return None                                   # 'the e below it, higher': which?
    return ih.PlayPitch(words_of(match.group("voice"), line) if match.group("voice") else None, match.group("note"),
                        column=column_of(match.group("note"), line), beside=1 if up else -1)


def _voice(parts: list[Part], line: str):
    voices = [p.value for p in parts if p.kind == "voice"]
    return words_of(voices[0], line) if len(voices) == 1 else None


__all__ = ["added_interval", "stacked", "released", "tuned", "placed_on", "interval", "neighbour", "PITCH_VERBS"]
