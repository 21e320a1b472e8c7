"""Harmony phrases that change what was given (parser_harmony reads the rest): moving notes
('transpose the melody up 2 semitones', 'an octave lower'), voicings ('voice it wide', 'invert
it', 'add the bass note an octave lower') and arpeggios ('arpeggiate am7 up in 16ths')."""
from __future__ import annotations

import re

from . import intents_harmony as ih
from .chords import Chord, chord_error
from .errors import LanguageError
from .parser_harmony_words import CHORDISH, NUMBERS, PRONOUNS, bad_chord, chord_list, column_of, words_of

#: Words naming the notes a voice plays rather than the voice ('the melody', 'the chords').
_HARMONY_NOUNS = r"(?:melody|chords?|progression|arp|arpeggio|notes|line|tune|riff|hook|changes|bassline)"
_INTERVALS = {"semitone": 1, "semi": 1, "half step": 1, "half-step": 1, "step": 2, "whole step": 2, "tone": 2,
              "whole tone": 2, "octave": 12, "fifth": 7, "fourth": 5, "third": 4, "minor third": 3,
              "major third": 4, "second": 2, "sixth": 9, "seventh": 11}
_INTERVALS.update({"minor second": 1, "major second": 2, "perfect fourth": 5, "perfect fifth": 7, "tritone": 6,
                   "minor sixth": 8, "major sixth": 9, "minor seventh": 10, "major seventh": 11})
_AMOUNT = (r"(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|twelve)\s+(?P<unit>minor third|major third|"
           r"minor second|major second|perfect fourth|perfect fifth|tritone|minor sixth|major sixth|minor seventh|"
           r"major seventh|whole step|whole tone|half[- ]step|semitone|semi|octave|step|tone|fifth|fourth|third|second|"
           r"sixth|seventh)s?")
#: A verb that says the direction itself: 'drop it a whole step' is down, 'raise them a fifth' up.
_DIRECTED = {"drop": "down", "lower": "down", "sink": "down", "raise": "up", "lift": "up", "bump": "up", "push": "up"}
_UP = {"up": 1, "higher": 1, "above": 1, "down": -1, "lower": -1, "below": -1}


# -- moving notes -----------------------------------------------------------------------------
def semitones_of(count: str, unit: str) -> int:
    number = int(count) if count.isdigit() else NUMBERS[count]
    return int(number * _INTERVALS[unit.replace("-", " ")])


def move_notes(text: str, line: str):
    verbs = r"(?:transpose|move|shift|put|take|bring|play|pitch|drop|raise)"
    target = rf"(?:the )?(?P<who>(?:[\w-]+ )?{_HARMONY_NOUNS})"
    for pattern in (rf"{verbs} {target} (?P<dir>up|down) (?:by )?{_AMOUNT}",
                    rf"{verbs} {target} (?:by )?{_AMOUNT} (?P<dir>up|down|higher|lower)",
                    rf"(?:make )?{target} {_AMOUNT} (?P<dir>higher|lower|up|down)",
                    rf"{target} (?P<dir>up|down) {_AMOUNT}"):
        match = re.fullmatch(pattern, text)
        if match:
            semis = _UP[match.group("dir")] * semitones_of(match.group("count"), match.group("unit"))
            who = match.group("who")
            words = re.sub(rf"\s*{_HARMONY_NOUNS}$", "", who).strip()
            return ih.MoveNotes(words_of(words, line) if words else None, semis, None, column_of(who, line))
    key = re.fullmatch(rf"(?:(?:do |a |let'?s )?(?:key change|modulate|change (?:the )?key|(?:take|move|put|bring|shift) "
                       rf"the key|the key|key)) (?P<dir>up|down) (?:by )?{_AMOUNT}(?: (?:key change|modulation))?", text)
    if key:                                                # the key moves, and every note track with it
        semis = _UP[key.group("dir")] * semitones_of(key.group("count"), key.group("unit"))
        return ih.ChangeKey(None, None, "interval", column_of(key.group("dir"), line), semitones=semis)
    directed = re.fullmatch(rf"(?:now |then )?(?P<verb>{'|'.join(_DIRECTED)}) (?:it|them|that|everything|the notes) "
                            rf"(?:by )?{_AMOUNT}", text)
    if directed:                                           # the usual reading of 'down a fifth' when no notes are held
        semis = _UP[_DIRECTED[directed.group("verb")]] * semitones_of(directed.group("count"), directed.group("unit"))
        return ih.MoveNotes(None, semis, _plainly(semis))
    match = (re.fullmatch(rf"(?:(?:transpose|move|shift|take|play|now|then) (?:it |them |that |everything )?)?(?P<dir>up|down) {_AMOUNT}", text)
             or re.fullmatch(rf"(?:(?:transpose|move|shift|take|play) (?:it |them |that |everything )?)?{_AMOUNT} (?P<dir>up|down|higher|lower)", text))
    if match:                                              # 'an octave lower', 'down a half step': the last chord
        semis = _UP[match.group("dir")] * semitones_of(match.group("count"), match.group("unit"))
        return ih.MoveNotes(None, semis, line if re.search(r"\b(?:octave|semi|semitone)s?$", text) else _plainly(semis))
    return None


def _plainly(semis: int) -> str:
    """The usual reading of a move when no chord is held, in the words the grammar knows."""
    return f"{'up' if semis > 0 else 'down'} {abs(semis)} semitones"


# -- voicings ---------------------------------------------------------------------------------
_IT = r"(?: (?:it|that|this|them|the chords?|the progression|the pad|those))?"
_REVOICE = [(re.compile(p), how) for p, how in (
    (rf"(?:voice|spread|open){_IT}(?: out)? (?:wide|wider|open|opener|out|up wide)|(?:use |make it |go )?(?:an? )?"
     rf"(?:open|wide|spread|drop ?2) voicings?|spread{_IT}(?: out)?|voice{_IT} (?:more )?openly|open up the voicing", "open"),
    (rf"(?:voice{_IT} (?:close|closed|tight|tighter|closely)|(?:use |make it |go )?(?:a )?(?:close|closed|tight) voicings?|"
     rf"close the voicing|tighten the voicing|(?:make )?(?:the )?voicings? (?:tighter|closer|close|closed))", "close"),
    (r"(?:make )?(?:the )?voicings? (?:wider|more open|open|spread)", "open"),
    (rf"(?:drop|remove|take out|lose|leave out)(?: the)? root(?: note)?(?: of| from)?{_IT}|make (?:it|them|the chords?) rootless",
     "rootless"),
    (rf"invert{_IT}(?: (?P<times>once|twice|again|one more time|\d+ times))?|(?:next|another) inversion|"
     rf"(?:play |use |make it )?(?:the )?(?P<nth>first|second|third|1st|2nd|3rd) inversion|root position", "invert"),
    (r"(?:add|double|put)(?: in)? (?:the |a )?(?:bass(?: note)?|root(?: note)?)(?: (?:an |one )?octave)? "
     r"(?:lower|below|down|underneath|under(?:neath)?(?: it)?)|(?:add|give it) (?:a |the )?(?:bass note|root below|low root)"
     r"|double the root (?:an octave )?(?:lower|below|down)", "bass"),
)]


def revoice(text: str, line: str):
    for pattern, how in _REVOICE:
        match = pattern.fullmatch(text)
        if not match:
            continue
        if how != "invert":
            return ih.Revoice(how)
        times, nth = match.group("times"), match.group("nth")
        if text == "root position":
            return ih.Revoice("invert", 0)
        if nth:
            return ih.Revoice("invert", -{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}[nth])
        count = 2 if times == "twice" else int(times.split()[0]) if times and times[0].isdigit() else 1
        return ih.Revoice("invert", count)
    return None


# -- arpeggios -------------------------------------------------------------------------------
_ARP_DIRECTIONS = [(r"up[- ]?(?:and[- ]?|then[- ]?|&[- ]?)?down|updown|up and back(?: down)?|bounce|ping[- ]?pong", "updown"),
                   (r"down[- ]?(?:and[- ]?|then[- ]?|&[- ]?)?up|downup", "downup"),
                   (r"up|upwards|ascending|rising", "up"), (r"down|downwards|descending|falling", "down")]
_RATES = {"16ths": 1, "16th notes": 1, "sixteenths": 1, "sixteenth notes": 1, "8ths": 2, "8th notes": 2, "eighths": 2,
          "eighth notes": 2, "quarters": 4, "quarter notes": 4, "4ths": 4, "crotchets": 4, "quavers": 2,
          "semiquavers": 1, "half notes": 8, "halves": 8}


def arpeggiate(text: str, line: str):
    text = re.sub(r"^(?:play |give me )?(?:an? |the )?(.+?) arpeggio(?=$| )", r"arpeggiate \1", text)   # 'a c major arpeggio'
    match = re.fullmatch(r"(?:(?:the |an? )?(?P<pre>[\w-]+) )?(?:arpeggiate|arpeggio|arp|arpeggiator|arp it|arpeggiate it)(?P<rest>.*)", text)
    if not match or (match.group("pre") and match.group("pre") not in ("play", "make", "do", "use", "add")
                     and not match.group("rest").strip()):
        return None
    rest = " " + match.group("rest").replace(",", " ").strip() + " "
    direction, steps, octaves = "up", 1, 1
    for pattern, name in _ARP_DIRECTIONS:
        found = re.search(rf" (?:going |in |played )?(?:{pattern}) ", rest)
        if found:
            direction, rest = name, rest[:found.start()] + " " + rest[found.end():]
            break
    rate = re.search(r" (?:in |as |at |with )?(" + "|".join(map(re.escape, _RATES)) + r"|32nds|triplets|thirty-?seconds) ", rest)
    if rate:
        if rate.group(1) not in _RATES:
            raise LanguageError(f"arpeggios step in 16ths, 8ths, quarters or half notes on the 16-step grid, "
                                f"not {rate.group(1)}", column_of(rate.group(1), line))
        steps, rest = _RATES[rate.group(1)], rest[:rate.start()] + " " + rest[rate.end():]
    span = re.search(r" (?:over|across|through|spanning|for)? ?(\d|one|two|three|four) octaves? ", rest)
    if span:
        octaves = int(span.group(1)) if span.group(1).isdigit() else NUMBERS[span.group(1)]
        if not 1 <= octaves <= 4:
            raise LanguageError("an arpeggio spans 1 to 4 octaves", column_of(span.group(1), line))
        rest = rest[:span.start()] + " " + rest[span.end():]
    target = re.search(r" (?:on|for) (?:the )?([\w-]+) ", rest)
    if target:
        rest = rest[:target.start()] + " " + rest[target.end():]
    body = re.sub(r"^(?:the |a |an )", "", rest.strip())
    body = re.sub(r"\s*\bchords?$|^notes\s+", "", body).strip()
    chords = ()
    if CHORDISH.fullmatch(body) and Chord.parse(body) is None:
        raise chord_error(body, column_of(body, line))
    if body and body not in PRONOUNS and body not in ("progression", "the progression"):
        listed = chord_list(body)
        if listed is None:
            if target is None and re.fullmatch(r"[\w-]+(?: (?:chords?|part|notes))?", body):
                return ih.Arpeggiate(words_of(body.split()[0], line), (), direction, steps, octaves)
            raise bad_chord(body, line)
        chords = tuple(listed)
    return ih.Arpeggiate(words_of(target.group(1) if target else None, line), chords, direction, steps, octaves,
                         column_of(body or "arp", line))


__all__ = ["move_notes", "revoice", "arpeggiate", "semitones_of"]
