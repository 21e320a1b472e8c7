"""The last line corrected on the next: 'lfo on the cutoff at 2 hz', then 'no, I meant 0.5 hz'; 'sweep the filter to 2k
over 8 bars', then 'no, over 4 bars'; 'cutoff up', then 'no, down'. The last line is said again with the part
corrected — a value of the same unit, a length of time, a direction — and it replaces the last line (undone first).
Anything else said after the 'no' is no correction of the last line, and is left to the other readings.
"""
from __future__ import annotations

import re

from .corrections import corrected
from .harmony_solfege import solfege
from .lead_words import TAKE_BACK

_CORRECTION = re.compile(rf"^(?:(?:{TAKE_BACK})[\s,.!—–-]+)+(?P<strong>i\s+meant?\s+|meant\s+|make\s+(?:it|that)\s+)?(?P<said>\S.*?)[\s.!]*$|"
                         rf"^i\s+meant?[\s,]+(?P<meant>\S.*?)[\s.!]*$", re.I)
#: 'Up a whole step instead, sorry': a correction said after what was meant.
INSTEAD = re.compile(r"^(?P<said>\S.*?)\s+instead(?:[\s,.!]+(?:sorry|please|my\s+bad|thanks))*[\s.!]*$", re.I)
_UNIT = r"(?:hz|khz|k|ms|s|sec|seconds?|db|bpm|%|cents?|semitones?)"
#: After the value meant: what it was ('…, not 40'), an apology ('I misspoke', 'forgive me').
_NOT_WHAT_IT_WAS = re.compile(r"(?:\s*,?\s*not\s+-?\d[\d.]*\s*\w*)?(?:[\s.,!]+(?:i\s+misspoke|forgive\s+me|my\s+mistake|my\s+bad|"
                              r"sorry|i\s+meant?|is\s+what\s+i\s+meant?|instead|(?:would\s+be|is|works|sounds)\s+better|please)[\s.!]*)*$", re.I)
#: A whole command said after a plain 'no' only when it goes back to a value ('no, back to 92 right away': the glide's
#: place); 'no no swing', 'no, just 20 cents' say no command of their own.
_BACK = re.compile(r"(?:(?:go|come|straight|right|just)\s+)?back\s+(?:to\s+)?-?\d", re.I)
#: A number that is a length of time ('8 bars', '4 beats'): a bare number corrects a value, not the time it takes.
_TIME_AFTER = re.compile(r"\d+(?:\.\d+)?\s*(?:bars?|beats?|measures?|cycles?)\b", re.I)
_VALUE = re.compile(rf"^(?P<number>-?\d+(?:\.\d+)?)\s*(?P<unit>{_UNIT})?$", re.I)
_SPAN = re.compile(r"^(?P<prep>over|for|in|across)\s+(?:the\s+next\s+)?\d+(?:\.\d+)?\s+(?P<unit>bars?|beats?|seconds?|secs?)$", re.I)
_WAYS = {"up": "down", "down": "up", "higher": "lower", "lower": "higher", "louder": "quieter", "quieter": "louder",
         "faster": "slower", "slower": "faster", "in": "out", "out": "in"}


def correction_of_last(line: str, last_text: str, part_named, sound_named=None) -> tuple[str, str, bool] | None:
    """(the last line as meant, how it was read, whether it is a whole command said instead) when `line` corrects
    the last line, else None. A whole command ('no, I meant tempo 98', 'no, back to 92 right away') takes the last
    change's place only where it sets what that change set (checked when it is said: read_again._said_again)."""
    if not last_text or last_text.lstrip().startswith("/"):
        return None
    not_that = _NOT_THAT.match(line.strip())
    if not_that and not re.search(rf"(?<![\w-]){re.escape(not_that['old'])}(?![\w-])", last_text, re.I):
        not_that = None                               # ('…, not the kick' with no kick in the last line: no correction)
    match = _CORRECTION.match(line.strip()) or INSTEAD.match(line.strip()) or not_that
    if match is None:
        return None
    said = _NOT_WHAT_IT_WAS.sub("", (match["said"] or match.groupdict().get("meant")).strip(" ,"))   # '44, not 40. I misspoke.'
    if not said:
        return None
    if _KEY_SAID.search(last_text):                   # ('tonalità la minore', 'no, mi minore': a minor, e minor)
        last_text, said = _lettered(last_text), _lettered(said)
    named = _NOT_THAT.match(said)
    if named and re.search(rf"(?<![\w-]){re.escape(named['old'])}(?![\w-])", last_text, re.I):
        said = named["said"]                          # 'no, the snare, not the kick': the snare where the kick was said
    new = _value_replaced(last_text, said) or _key_replaced(last_text, said) or _span_replaced(last_text, said) or \
        _way_turned(last_text, said) or \
        _note_value_replaced(last_text, said) or _interval_replaced(last_text, said) or \
        (_part_replaced(last_text, said, sound_named) if sound_named else None)
    if new is None:
        found = corrected(f"{last_text.rstrip(' .!')}, i mean {said}", part_named)
        new = found[0][0] if found and found[0][0].strip() != said else None     # (a whole clause: below)
    if new is None and (match.groupdict().get("strong") or match.groupdict().get("meant") or _BACK.match(said)) and \
            len(said.split()) > 1 and match.re is _CORRECTION:
        return said, f"meant instead: '{said}'", True
    if new is None or new.strip().lower() == last_text.strip().lower():
        return None
    return new, f"corrected: '{last_text}' → '{new}'", False


#: A tempo glide ('slow down to 70 over 8 bars', 'accelerando to 140 across 16 bars'), and its target said again with a
#: comparative or 'make it' ('a touch faster, 76', 'too slow, 76', 'make it 76'): the glide there, over the same bars.
_TEMPO_GLIDE = re.compile(r"\b(?:tempo|bpm|speed|faster|slower|slow\s+down|speed\s+up|accel\w*|rit\w*|rall\w*)\b.*?"
                          r"\b(?:over|across|in)\s+(?:the\s+next\s+)?\d+\s+(?:bars?|beats?|measures?)\b", re.I)
_RETARGET = re.compile(r"^(?:(?:(?:a\s+)?(?:touch|bit|little|lil|tad|hair)\s+)?(?:faster|slower|quicker)|too\s+(?:fast|slow)|"
                       r"(?:make|take)\s+(?:it|that)(?:\s+to)?)\s*[,:;—–-]?\s*(?:(?:like|maybe|say)\s+)?(?P<said>\d{2,3}(?:\.\d+)?)"
                       r"(?:\s*bpm)?(?:[\s,]+(?:maybe|instead|please|then))*[\s.!]*$", re.I)


def glide_retargeted(line: str, last_text: str) -> tuple[str, str] | None:
    """(how it was read, the glide said again) for a tempo glide's target said again just after it; else None ('faster,
    76' set the tempo at once, cutting the glide short)."""
    match = _RETARGET.match(line.strip())
    if match is None or not last_text or not _TEMPO_GLIDE.search(last_text):
        return None
    targets = [m for m in re.finditer(r"(?<![\w.])\d+(?:\.\d+)?", last_text) if not _TIME_AFTER.match(last_text, m.start())]
    old, new_target = float(targets[0].group(0)) if len(targets) == 1 else 0.0, float(match["said"])
    way = re.search(r"(too\s+)?(fast|quick|slow)", match.group(0), re.I)      # ('too slow, 76': faster)
    if not old or not old / 1.5 <= new_target <= old * 1.5 or \
            way and (new_target > old) != (way.group(2).lower() != "slow") ^ bool(way.group(1)):
        return None                                   # (far from the glide's target, or the other way from it: no retarget)
    new = _value_replaced(last_text, match["said"])
    return (f"corrected: '{last_text}' → '{new}'", new) if new and new.strip() != last_text.strip() else None


_KEY_SAID = re.compile(r"\b(?:key|tonalit\w*|major|minor|maggiore|minore|mayor|menor|majeur|mineur|dur|moll)\b", re.I)


def _lettered(text: str) -> str:
    """The text with its solfège notes as letters, if it has any (a key said 'la minore' is corrected as 'a minor')."""
    lettered = solfege(text.lower())
    return text if lettered == text.lower() else lettered


_INTERVAL = (r"(?:(?:a|an|one)\s+)?(?:(?:(?:minor|major|perfect|augmented|diminished)\s+)?(?:third|fourth|fifth|sixth|seventh|"
             r"octave|tritone)|(?:minor|major)\s+second)|(?:(?:a|one)\s+)?(?:half|whole)[\s-]*(?:step|tone)|\d+\s+semitones?")
#: A line that moves the whole music ('key change up a minor third', 'take everything up a half step'): corrected whole.
_EVERYTHING_MOVED = re.compile(r"\b(?:key|everything|every\s+track|all\s+(?:of\s+it|the\s+tracks)|the\s+whole\s+\w+|modulate)\b", re.I)
_SAID_INTERVAL = re.compile(rf"^(?P<way>up|down)?\s*(?P<interval>{_INTERVAL})$", re.I)


def _interval_replaced(last: str, said: str) -> str | None:
    """'key change up a minor third', then 'no, I meant up a major third': the interval (and its way) said in the last
    line's place — the whole line again, every track it moved, never the new interval on the part in focus alone."""
    meant = _SAID_INTERVAL.match(said.strip())
    found = list(re.finditer(rf"\b(?:(?P<way>up|down)\s+)?(?P<interval>{_INTERVAL})\b", last, re.I))
    if meant is None or len(found) != 1 or not _EVERYTHING_MOVED.search(last):
        return None                                   # (one part moved: interval_corrections.py's, from where it was)
    way = meant["way"] or found[0]["way"]
    return last[:found[0].start()] + (f"{way} " if way else "") + meant["interval"] + last[found[0].end():]


_TONIC = r"[a-g](?:#|b|\s+(?:flat|sharp))?(?:\s+(?:major|minor|dorian|phrygian|lydian|mixolydian|aeolian|locrian|blues))?"
_KEY_IN = re.compile(rf"\b(?:key(?:\s+of)?|in(?:\s+the\s+key\s+of)?)\s+(?P<key>{_TONIC})(?![\w#])", re.I)


def _key_replaced(last: str, said: str) -> str | None:
    """'key of A for the next tune', then 'no wait, D': the one key the last line set said again as the one meant —
    the rest of the line kept ('…for the next tune' is no value to correct)."""
    if not re.fullmatch(_TONIC, said.strip(), re.I):
        return None
    found = list(_KEY_IN.finditer(last))
    return last[:found[0].start("key")] + said.strip() + last[found[0].end("key"):] if len(found) == 1 else None


def _value_replaced(last: str, said: str) -> str | None:
    """'0.5 hz' for the last value in Hz ('at 2 hz'); a bare number for the last bare number or value."""
    value = _VALUE.match(said)
    if value is None:
        return None
    unit = (value.group("unit") or "").lower()
    pattern = rf"-?\d+(?:\.\d+)?\s*{re.escape(unit)}\b" if unit else rf"-?\d+(?:\.\d+)?(?:\s*{_UNIT}\b)?"
    every = list(re.finditer(rf"(?<![\w.]){pattern}", last, re.I))
    found = [m for m in every if not _TIME_AFTER.match(last, m.start())] or every   # ('over 8 bars': how long, never the
    #                                                 value meant — unless the time is the line's one number: 'for 2 bars')
    if len(found) != 1:
        return None                                   # none of that unit, or several: which one is not guessed
    number = re.match(r"-?\d+(?:\.\d+)?", found[0].group(0))
    end = found[0].end() if unit else found[0].start() + number.end()      # (a bare number keeps the unit said before)
    return last[:found[0].start()] + said + last[end:]


#: A note value ('eighths', '16th notes', 'quarter notes', 'triplets'): 'hats every eighth note', then 'no, sixteenths'.
_NOTE_VALUE = (r"(?:whole|half|quarter|eighth|sixteenth|thirty[\s-]?second|32nd|16th|8th|4th|triplet|dotted\s+\w+)s?"
               r"(?:\s+notes?)?")


def _note_value_replaced(last: str, said: str) -> str | None:
    """The one note value of the last line said again as the one meant; None when it has none, or several."""
    if not re.fullmatch(_NOTE_VALUE, said, re.I):
        return None
    found = list(re.finditer(rf"(?<![\w-]){_NOTE_VALUE}(?![\w-])", last, re.I))
    return last[:found[0].start()] + said + last[found[0].end():] if len(found) == 1 else None


_PART = re.compile(r"^(?:(?:on|to|for|of)\s+)?(?:the\s+|my\s+)?(?P<part>[\w-]+(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:the\s+|my\s+)?"
                   r"[\w-]+)*)$", re.I)
#: 'the snare, not the kick': the part meant, then the one the last line named.
_NOT_THAT = re.compile(r"^(?P<said>.+?)\s*,?\s+(?:and\s+)?not\s+(?:the\s+|my\s+)?(?P<old>[\w-]+)[\s.!]*$", re.I)


def _part_replaced(last: str, said: str, sound_named) -> str | None:
    """'the flute' for the one sound the last line named ('oboe louder', 'add a reverb to the oboe'); the last line
    said of the flute when it named none ('louder', with the oboe in focus). `sound_named(word)` is the sound (a voice
    or a drum) a word names, or None; several may be meant ('no, the hats and the snare'). Two sounds named in the
    last line: which one is not guessed."""
    match = _PART.match(said)
    parts = re.findall(r"[\w-]+", re.sub(r"\b(?:the|my|and)\b", " ", match.group("part"), flags=re.I)) if match else []
    sounds = [sound_named(part.lower()) for part in parts]
    if not sounds or None in sounds:
        return None                                   # ('the hats and the snare': each a sound, else no parts said)
    words = list(re.finditer(r"[\w-]+", last))
    named = [w for w in words if sound_named(w.group(0).lower()) is not None]
    if len({sound_named(w.group(0).lower()) for w in named}) > 1 or set(sounds) & {sound_named(w.group(0).lower()) for w in named}:
        return None
    if not named:
        return f"the {match.group('part')} {last}" if re.match(r"^[a-z]+er\b|^(?:a\s+(?:bit|little)\s+)?(?:more|less)\b",
                                                               last.strip(), re.I) else None
    return re.sub(rf"(?<![\w-]){re.escape(named[0].group(0))}(?![\w-])", match.group("part"), last)


def _span_replaced(last: str, said: str) -> str | None:
    """'over 4 bars' for the last line's 'over 8 bars'."""
    if _SPAN.match(said) is None:
        return None
    found = list(re.finditer(r"\b(?:over|for|in|across)\s+(?:the\s+next\s+)?\d+(?:\.\d+)?\s+(?:bars?|beats?|seconds?|secs?)\b",
                             last, re.I))
    return last[:found[0].start()] + said + last[found[0].end():] if len(found) == 1 else None


def _way_turned(last: str, said: str) -> str | None:
    """'down' for the last line's one 'up' (or 'lower' for 'higher')."""
    way = said.lower()
    if way not in _WAYS:
        return None
    found = [m for m in re.finditer(r"\b\w+\b", last) if m.group(0).lower() == _WAYS[way]]
    return last[:found[0].start()] + way + last[found[0].end():] if len(found) == 1 else None


__all__ = ["INSTEAD", "correction_of_last", "glide_retargeted"]
