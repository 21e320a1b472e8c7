"""The harmony English → intents (issue 14), read before the grammar.

Chord symbols and bare note letters are ordinary words to the Lark grammar ('a' is even an
article there), so these forms are recognised here, whole lines only, each by one anchored
pattern: a line that is not one of them returns None and goes to the grammar unchanged. What a
token means is decided here (a note, a chord, a degree); octaves, keys and voicings need the
patch and are mapper_harmony's.
"""
from __future__ import annotations

import re

from . import intents as it
from . import intents_harmony as ih
from .chords import Chord, chord_error, root_text
from .errors import LanguageError

_NOTE = r"[a-g](?:#|b|♯|♭)?"
#: Scale words → the names of engine/scales.py.
SCALE_WORDS = {"major": "major", "maj": "major", "ionian": "major", "minor": "minor", "min": "minor",
               "natural minor": "minor", "aeolian": "minor", "dorian": "dorian", "phrygian": "phrygian",
               "lydian": "lydian", "mixolydian": "mixolydian", "locrian": "locrian",
               "harmonic minor": "harmonic_minor", "melodic minor": "melodic_minor",
               "major pentatonic": "major_pentatonic", "pentatonic major": "major_pentatonic",
               "pentatonic": "major_pentatonic", "minor pentatonic": "minor_pentatonic",
               "pentatonic minor": "minor_pentatonic", "blues": "blues", "chromatic": "chromatic"}
_SCALE = "(" + "|".join(sorted(map(re.escape, SCALE_WORDS), key=len, reverse=True)) + r")(?: scale| mode)?"
_KEY_NOTE = rf"({_NOTE})(m\b)?"
_TARGET = r"(?:\s+(?:on|for|to)\s+(?:the\s+)?(?P<target>[\w\s-]+?))?"
_PRONOUNS = {"it", "that", "this", "them", "those", "the chord", "the chords", "chord", "chords"}
#: Words naming the notes a voice plays rather than the voice ('the melody', 'the chords').
_HARMONY_NOUNS = r"(?:melody|chords?|progression|arp|arpeggio|notes|line|tune|riff|hook|changes|bassline)"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "twelve": 12, "half": 0.5, "half a": 0.5}
_INTERVALS = {"semitone": 1, "semi": 1, "half step": 1, "half-step": 1, "step": 2, "whole step": 2, "tone": 2,
              "whole tone": 2, "octave": 12, "fifth": 7, "fourth": 5, "third": 4, "minor third": 3,
              "major third": 4, "second": 2, "sixth": 9, "seventh": 11}
_AMOUNT = (r"(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|twelve)\s+(?P<unit>minor third|major third|"
           r"whole step|whole tone|half[- ]step|semitone|semi|octave|step|tone|fifth|fourth|third|second|sixth|"
           r"seventh)s?")
_UP = {"up": 1, "higher": 1, "above": 1, "down": -1, "lower": -1, "below": -1}
_SEP = re.compile(r"\s*(?:,|;|\bthen\b|\band then\b|\band\b)\s*", re.I)


def harmony_intent(line: str):
    """The intent of a harmony phrase, a Sequence when harmony is one part of several, else None."""
    text = _clean(line)
    intent = _single(text, line)
    if intent is not None or not _SEP.search(text):
        return intent
    parts = [p for p in _SEP.split(text) if p]
    found = [_quiet(p, line) for p in parts]
    if not any(found) or len(parts) < 2:
        return None
    from .parser import parse_plain                     # the other parts are read the usual way
    items = []
    for part, intent in zip(parts, found):
        items.append(intent if intent is not None else parse_plain(part))
    return it.Sequence(tuple(i for item in items for i in (item.items if isinstance(item, it.Sequence) else (item,))))


def _quiet(part: str, line: str):
    """A part of a line read as harmony, or None (its error is the grammar's to give)."""
    try:
        return _single(part, line)
    except LanguageError:
        return None


def _clean(line: str) -> str:
    text = re.sub(r"(?<=\w)[.!?]+$", "", line.strip()).strip().lower()
    text = re.sub(r"\b([a-g])[\s-]+(flat|sharp)\b", lambda m: m.group(1) + ("b" if m.group(2) == "flat" else "#"), text)
    text = text.replace("♯", "#").replace("♭", "b")
    return re.sub(r"\s+", " ", text)


def _single(text: str, line: str):
    for reader in (_key, _change_key, _move, _revoice, _arpeggiate, _random, _play, _progression, _tune, _notes):
        intent = reader(text, line)
        if intent is not None:
            return intent
    return None


def _words(text: str | None, line: str) -> it.Words | None:
    if not text or text.strip() in ("it", "that", "this"):
        return None
    column = max(line.lower().find(text.split()[0]), 0)
    return it.Words(tuple(it.Word(w, column) for w in text.split() if w not in ("the", "a", "an")) or
                    (it.Word(text, column),))


def _column(text: str, line: str) -> int:
    return max(line.lower().find(text.split()[0] if text.split() else text), 0)


# -- keys -------------------------------------------------------------------------------------
def key_of(note: str, minor_m: str | None, scale: str | None) -> tuple[str, str]:
    """('eb', 'major') from 'eb' and an optional scale word ('am' → a minor)."""
    pc = root_text(note)
    tonic = note.lower()
    if pc is None:
        raise LanguageError(f"{note!r} is not a key: a note a–g with # or b, e.g. 'in d minor'")
    return tonic, SCALE_WORDS[scale] if scale else "minor" if minor_m else "major"


def _key(text: str, line: str):
    if re.fullmatch(r"(?:no|clear the|remove the|forget the|drop the) key|key (?:none|off)|clear key", text):
        return ih.SetKey(None)
    match = (re.fullmatch(rf"(?:(?:set|change|switch|put) )?(?:the |our )?(?:song'?s? )?key(?: signature)?(?: is| to| of|:|=)?(?: the key of)? "
                          rf"{_KEY_NOTE}(?: {_SCALE})?", text)
             or re.fullmatch(rf"(?:(?:we'?re|we are|it'?s|let'?s (?:go|play|be|stay)|play|stay|everything|put it|go) )?in (?:the key of )?"
                             rf"{_KEY_NOTE} {_SCALE}", text)
             or re.fullmatch(rf"(?:(?:we'?re|we are|let'?s (?:go|play|be)|play|put it|go|it'?s) )?in the key of {_KEY_NOTE}(?: {_SCALE})?", text)
             or re.fullmatch(rf"(?:use |set |make it )?(?:an? |the )?{_KEY_NOTE} {_SCALE} key", text))
    if not match:
        return None
    tonic, scale = key_of(*match.groups())
    return ih.SetKey(tonic, scale, _column(match.group(1), line))


def _change_key(text: str, line: str):
    match = re.fullmatch(r"(?:transpose|modulate|move|shift|take)(?: it| everything| the song| the tune| the track| "
                         r"the music| the whole thing)?(?: in)? ?to (?:the |its )?(relative|parallel) (major|minor)(?: key)?", text)
    if match:
        return ih.ChangeKey(None, match.group(2), match.group(1))
    match = re.fullmatch(rf"(?:transpose|modulate|move|shift|take)(?: it| everything| the song| the tune| the track| "
                         rf"the music| the whole thing| the key)?(?: in)? ?to (?:the key of )?{_KEY_NOTE}(?: {_SCALE})?(?: key)?", text)
    if match:
        note, minor_m, scale = match.groups()
        return ih.ChangeKey(note, SCALE_WORDS[scale] if scale else "minor" if minor_m else None, None,
                            _column(note, line))
    return None


# -- moving notes -----------------------------------------------------------------------------
def semitones_of(count: str, unit: str) -> int:
    number = int(count) if count.isdigit() else _NUMBERS[count]
    return int(number * _INTERVALS[unit.replace("-", " ")])


def _move(text: str, line: str):
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
            return ih.MoveNotes(_words(words, line) if words else None, semis, None, _column(who, line))
    match = (re.fullmatch(rf"(?:(?:transpose|move|shift|take|play) (?:it |them |that |everything )?)?(?P<dir>up|down) {_AMOUNT}", text)
             or re.fullmatch(rf"(?:(?:transpose|move|shift|take|play) (?:it |them |that |everything )?)?{_AMOUNT} (?P<dir>up|down|higher|lower)", text))
    if match and match.group("unit") == "octave":            # 'an octave lower': the last chord or notes
        semis = _UP[match.group("dir")] * semitones_of(match.group("count"), "octave")
        return ih.MoveNotes(None, semis, line)
    return None


# -- voicings ---------------------------------------------------------------------------------
_IT = r"(?: (?:it|that|this|them|the chords?|the progression|the pad|those))?"
_REVOICE = [(re.compile(p), how) for p, how in (
    (rf"(?:voice|spread|open){_IT}(?: out)? (?:wide|wider|open|opener|out|up wide)|(?:use |make it |go )?(?:an? )?"
     rf"(?:open|wide|spread|drop ?2) voicings?|spread{_IT}(?: out)?|voice{_IT} (?:more )?openly|open up the voicing", "open"),
    (rf"(?:voice{_IT} (?:close|closed|tight|tighter|closely)|(?:use |make it |go )?(?:a )?(?:close|closed|tight) voicings?|"
     rf"close the voicing|tighten the voicing)", "close"),
    (rf"invert{_IT}(?: (?P<times>once|twice|again|one more time|\d+ times))?|(?:next|another) inversion|"
     rf"(?:play |use |make it )?(?:the )?(?P<nth>first|second|third|1st|2nd|3rd) inversion|root position", "invert"),
    (r"(?:add|double|put)(?: in)? (?:the |a )?(?:bass(?: note)?|root(?: note)?)(?: (?:an |one )?octave)? "
     r"(?:lower|below|down|underneath|under(?:neath)?(?: it)?)|(?:add|give it) (?:a |the )?(?:bass note|root below|low root)"
     r"|double the root (?:an octave )?(?:lower|below|down)", "bass"),
)]


def _revoice(text: str, line: str):
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


# -- chords -----------------------------------------------------------------------------------
def chord_list(text: str) -> list[str] | None:
    """'am7 f c g', 'a minor, f major | c - g' → ['am7', 'f', 'c', 'g'] (longest reading at each
    place); None if any part is not a chord."""
    tokens = [t for t in re.split(r"[\s,|]+|\s-\s", text) if t and t not in ("-", "then", "and", "to")]
    chords, index = [], 0
    while index < len(tokens):
        for end in range(min(len(tokens), index + 4), index, -1):
            chord = Chord.parse(" ".join(tokens[index:end]))
            if chord is not None:
                chords.append(chord.symbol)
                index = end
                break
        else:
            return None
    return chords or None


_ROMAN = re.compile(r"(?:b|#)?(?:vii|vi|v|iv|iii|ii|i)(?:°|o|dim|\+|aug|7|maj7|ø)?", re.I)


def degree_chords(listed: str, line: str) -> list[str] | None:
    """'i iv v i', '1 4 5 1', 'I-IV-V7' → ['deg:i', 'deg:iv', …] (the case as typed: mapper_harmony
    reads upper case as major, lower as minor, digits as the key's own chords); None otherwise."""
    tokens = [t for t in re.split(r"[\s,|]+|-(?=[ivIV\d])", listed) if t and t not in ("-", "then", "and", "to")]
    if not tokens or not all(_ROMAN.fullmatch(t) or re.fullmatch(r"[1-7]7?", t) for t in tokens):
        return None
    typed = iter(re.findall(r"(?<![\w#])(?:b|#)?[ivIV]+(?:°|o|dim|\+|aug|7|maj7|ø)?(?![\w])|(?<!\w)[1-7]7?(?!\w)", line))
    return [f"deg:{next(typed, t)}" for t in tokens]


def _has_quality(chords: list[str]) -> bool:
    return any(not re.fullmatch(_NOTE, c) for c in chords)


_DURATION = re.compile(r"(?:,\s*)?(?:(?:one |a )?(?:chord )?(?:every|each|per|a|for|lasting)\s+(?P<n1>\d+|one|two|three|four|eight|half(?: a)?)?\s*"
                       r"(?P<u1>bars?|beats?|steps?|measures?)(?: each)?|(?P<n2>\d+|one|two|three|four|eight|half(?: a)?)\s+(?P<u2>bars?|beats?|"
                       r"steps?|measures?)\s+(?:each|per chord|a chord|apiece)|(?P<n3>two|2|four|4) (?:chords )?(?:a|per) bar)$")


def _steps(text: str) -> tuple[str, float | None]:
    """The text without its trailing duration ('every 2 beats') and the steps a chord lasts."""
    match = _DURATION.search(text)
    if not match:
        return text, None
    if match.group("n3"):
        return text[:match.start()].strip(), 16 / int(_NUMBERS.get(match.group("n3"), match.group("n3")))
    count = match.group("n1") or match.group("n2") or "1"
    unit = (match.group("u1") or match.group("u2")).rstrip("s")
    number = float(count) if count.isdigit() else _NUMBERS[count.replace(" a", "")]
    return text[:match.start()].strip(), number * {"bar": 16, "measure": 16, "beat": 4, "step": 1}[unit]


def _chord_steps(steps: float | None, line: str) -> int:
    """The steps a chord lasts (a bar when not said), or one line when it is not whole steps."""
    if steps is None:
        return 16
    if steps != int(steps) or not 1 <= steps <= 256:
        raise LanguageError(f"a chord lasts a whole number of sixteenth steps (1–256), not {steps:g}", 0)
    return int(steps)


def _progression(text: str, line: str):
    body, steps = _steps(text)
    match = (re.fullmatch(r"(?:play |set |give (?:it|me) |use )?(?:the |some )?(?:chords|progression|changes|chord progression)"
                          r"(?: (?:are|is|of|to))?:? (?P<list>.+?)" + _TARGET, body)
             or re.fullmatch(r"(?:give |set )?(?:the )?(?P<target>[\w-]+(?: [\w-]+)?) (?:chords|progression)(?: (?:are|is|to))?:? (?P<list>.+)", body))
    strict = match is None
    if strict:
        match = (re.fullmatch(r"(?:the )?(?P<target>[\w-]+) (?:plays|playing|comps|strums)(?: the chords)? (?P<list>.+)", body)
                 or re.fullmatch(r"(?:play )?(?P<list>.+?) on (?:the )?(?P<target>[\w-]+)", body)
                 or re.fullmatch(r"(?:play )?(?P<list>.+)", body))
    if not match:
        return None
    chords = chord_list(match.group("list")) or (None if strict else degree_chords(match.group("list"), line))
    if chords is None or (strict and (len(chords) < 2 or not _has_quality(chords))):
        if not strict and chords is None:
            raise _bad_chord(match.group("list"), line)
        return None
    target = match.groupdict().get("target")
    return ih.Progression(_words(target, line), tuple(chords), _chord_steps(steps, line), _column(match.group("list"), line))


def _bad_chord(listed: str, line: str) -> LanguageError:
    for token in re.split(r"[\s,|]+", listed):
        if token and Chord.parse(token) is None and token not in ("-", "then", "and", "to"):
            return chord_error(token, _column(token, line))
    return chord_error(listed, _column(listed, line))


def _play(text: str, line: str):
    match = (re.fullmatch(r"(?:play|hold|strum|sound|give me|hit)(?: me)? (?P<chord>.+?) chord" + _TARGET, text)
             or re.fullmatch(r"(?:(?:play|hold|strum|hit) )?(?:the |a )?chord (?P<chord>.+?)" + _TARGET, text)
             or re.fullmatch(r"(?:play|hold|strum) (?P<chord>.+?)" + _TARGET, text))
    if not match:
        return None
    said = match.group("chord")
    forced = " chord" in f" {text}"
    if not forced and _OCTAVED.fullmatch(said):
        return None                                        # 'play c6': the note (the grammar's)
    for candidate in (said, re.sub(r"^(?:an?|the|some) ", "", said)):
        chord = Chord.parse(candidate)
        if chord is None:
            continue
        if not forced and root_text(candidate) is not None:           # 'play e': the note
            return ih.PlayPitch(_words(match.group("target"), line), candidate, False, _column(candidate, line))
        if not forced and not (_has_quality([chord.symbol]) or "/" in chord.symbol):
            return None
        return ih.PlayChord(_words(match.group("target"), line), chord.symbol, _column(candidate, line))
    if forced and not re.search(r"\b(?:major|minor|random|new|different|some|nice|big|sad|happy)\b", said):
        raise chord_error(re.sub(r"^(?:an?|the) ", "", said), _column(said, line))
    return None


def _tune(text: str, line: str):
    match = re.fullmatch(rf"(?:tune|retune|pitch|set|put|change|move|bring)(?: the)? (?P<target>[\w-]+(?: [\w-]+)?) "
                         rf"(?:to|at|down to|up to) (?P<note>{_NOTE}(?:-?\d)?)", text)
    if not match or match.group("target") in ("key", "tempo", "bpm", "cutoff", "resonance"):
        return None
    note = match.group("note")
    if _OCTAVED.fullmatch(note) and text.split()[0] not in ("tune", "retune", "pitch"):
        return None                                        # 'set the saw to a2': the grammar's
    return ih.PlayPitch(_words(match.group("target"), line), note, True, _column(note, line))


# -- arpeggios -------------------------------------------------------------------------------
_ARP_DIRECTIONS = [(r"up[- ]?(?:and[- ]?|then[- ]?|&[- ]?)?down|updown|up and back(?: down)?|bounce|ping[- ]?pong", "updown"),
                   (r"down[- ]?(?:and[- ]?|then[- ]?|&[- ]?)?up|downup", "downup"),
                   (r"up|upwards|ascending|rising", "up"), (r"down|downwards|descending|falling", "down")]
_RATES = {"16ths": 1, "16th notes": 1, "sixteenths": 1, "sixteenth notes": 1, "8ths": 2, "8th notes": 2, "eighths": 2,
          "eighth notes": 2, "quarters": 4, "quarter notes": 4, "4ths": 4, "crotchets": 4, "quavers": 2,
          "semiquavers": 1, "half notes": 8, "halves": 8}


def _arpeggiate(text: str, line: str):
    match = re.fullmatch(r"(?:(?:the |an? )?(?P<pre>[\w-]+) )?(?:arpeggiate|arpeggio|arp|arpeggiator|arp it|arpeggiate it)(?P<rest>.*)", text)
    if not match or (match.group("pre") and match.group("pre") not in ("play", "make", "do", "use", "add")
                     and not match.group("rest").strip()):
        return None
    rest = " " + match.group("rest").strip() + " "
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
                                f"not {rate.group(1)}", _column(rate.group(1), line))
        steps, rest = _RATES[rate.group(1)], rest[:rate.start()] + " " + rest[rate.end():]
    span = re.search(r" (?:over|across|through|spanning|for)? ?(\d|one|two|three|four) octaves? ", rest)
    if span:
        octaves = int(span.group(1)) if span.group(1).isdigit() else _NUMBERS[span.group(1)]
        if not 1 <= octaves <= 4:
            raise LanguageError("an arpeggio spans 1 to 4 octaves", _column(span.group(1), line))
        rest = rest[:span.start()] + " " + rest[span.end():]
    target = re.search(r" (?:on|for) (?:the )?([\w-]+) ", rest)
    if target:
        rest = rest[:target.start()] + " " + rest[target.end():]
    body = re.sub(r"^(?:the |a |an )", "", rest.strip())
    body = re.sub(r"\s*\bchords?$", "", body).strip()
    chords = ()
    if _CHORDISH.fullmatch(body) and Chord.parse(body) is None:
        raise chord_error(body, _column(body, line))
    if body and body not in _PRONOUNS and body not in ("progression", "the progression"):
        listed = chord_list(body)
        if listed is None:
            if target is None and re.fullmatch(r"[\w-]+(?: (?:chords?|part|notes))?", body):
                return ih.Arpeggiate(_words(body.split()[0], line), (), direction, steps, octaves)
            raise _bad_chord(body, line)
        chords = tuple(listed)
    return ih.Arpeggiate(_words(target.group(1) if target else None, line), chords, direction, steps, octaves,
                         _column(body or "arp", line))


# -- notes, degrees, random notes -------------------------------------------------------------
#: A token meant as a note or a chord ('h3', 'cm13#5'), refused with its own line, not read as a word.
_CHORDISH = re.compile(r"[a-z](?:#|b)?-?\d|[a-h](?:#|b)?(?:m|maj|min|dim|aug|sus|add|\d|/|\+)\S*")
#: Words of the harmony English: known words, never "corrected" as typos by the second stage.
HARMONY_WORDS = frozenset(
    "arpeggiate arpeggio arpeggiator arp chord chords progression changes invert inversion inversions voicing "
    "voicings voice wide open close closed spread key minor major dorian phrygian lydian mixolydian locrian "
    "aeolian ionian pentatonic blues chromatic harmonic melodic sharp flat degree degrees scale relative "
    "parallel transpose modulate melody random sixteenths eighths quarters semitones octave octaves root "
    "strum seventh ninth sixth diminished augmented suspended dominant sus dim aug maj min".split())
_TOKEN = re.compile(rf"{_NOTE}(?:-?\d)?|\.|-|_|rest|\d+")
_OCTAVED = re.compile(rf"{_NOTE}-?\d")


def _notes(text: str, line: str):
    match = (re.fullmatch(r"(?:(?:set|give|play) )?(?:the )?(?:(?P<target>[\w-]+(?: [\w-]+)?) )?(?:notes?|melody|plays|degrees|scale degrees)"
                          r"(?: (?:are|is|to|of))?:? (?P<list>[^:]+?)" + _TARGET.replace("target", "on"), text))
    if not match:
        return None
    target = match.group("target") or match.group("on")
    if target in ("play", "the", "set", "give"):
        target = match.group("on")
    tokens = match.group("list").replace(",", " ").split()
    if not tokens:
        return None
    if all(t.isdigit() or t in (".", "-", "_", "rest") for t in tokens):
        if not any(t.isdigit() for t in tokens):
            return None
        return ih.Degrees(_words(target, line), tuple("." if not t.isdigit() else t for t in tokens),
                          column=_column(match.group("list"), line))
    if all(_OCTAVED.fullmatch(t) or t in (".", "-", "_", "rest") for t in tokens):
        return None                                        # octaves written: the grammar's notes
    body, steps = _steps(match.group("list"))
    chords = chord_list(body)
    if chords and _has_quality(chords) and not any(_OCTAVED.fullmatch(t) for t in tokens):
        return ih.Progression(_words(target, line), tuple(chords), _chord_steps(steps, line), _column(body, line))
    read = []
    for token in tokens:
        if _TOKEN.fullmatch(token) and not token.isdigit():
            read.append("." if token in ("-", "_", "rest") else token)
        elif Chord.parse(token) is not None:
            read.append(Chord.parse(token).symbol + "!")           # '!': a chord, not a note
        elif _CHORDISH.fullmatch(token):                           # meant as a note or a chord
            raise (_not_a_note if token[-1].isdigit() else chord_error)(token, _column(token, line))
        else:
            return None                                            # other words: not a list of notes
    return ih.PitchList(_words(target, line), tuple(read), _column(match.group("list"), line))


def _not_a_note(token: str, column: int) -> LanguageError:
    guess = {"h": "b"}.get(token[:1])                      # German H is B
    hint = f" — did you mean {guess}{token[1:]}?" if guess else ""
    return LanguageError(f"{token!r} is not a note: a letter a–g, # or b, and an octave if you like "
                         f"(a, c#, eb3), a chord (am7) or '.' for a rest{hint}", column,
                         (guess + token[1:],) if guess else ())


def _random(text: str, line: str):
    match = re.fullmatch(r"(?:play |give me |make |generate |add )?(?:some |a few )?(?:random|randomi[sz]ed) (?:notes|melody|pitches)"
                         rf"(?: (?:in|from|of) (?:the )?(?:scale|key)| (?:in|from) (?:the key of )?{_KEY_NOTE}(?: {_SCALE})?)?"
                         + _TARGET, text)
    if not match:
        return None
    key = key_of(match.group(1), match.group(2), match.group(3)) if match.group(1) else None
    return ih.Degrees(_words(match.group("target"), line), (), True, text, key)


__all__ = ["harmony_intent", "chord_list", "semitones_of", "SCALE_WORDS", "key_of", "HARMONY_WORDS"]
