"""Harmony phrases that change what was given (parser_harmony reads the rest; harmony_moves moves
notes): voicings ('voice it wide', 'invert it', 'add the bass note an octave lower'), arpeggios
('arpeggiate am7 up in 16ths'), polyphony and capo."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from ..engine.scales import pitch_class
from . import intents_harmony as ih
from .chords import Chord, chord_error, key_name
from .errors import LanguageError
from .harmony_constituents import RATES, VOICES, Part, scan
from .harmony_tokens import CHORDISH, NOTE, NUMBERS, column_of, first_match, words_of

# -- voicings ---------------------------------------------------------------------------------
_IT = r"(?: (?:it|that|this|them|the chords?|the progression|the pad|those))?"
_REVOICE = [(re.compile(p), how) for p, how in (
    (rf"(?:voice|spread|open){_IT}(?: out)? (?:wide|wider|open|opener|out|up wide)|(?:use |make it |go )?(?:an? )?"
     rf"(?:open|wide|spread) voicings?|spread{_IT}(?: out)?|voice{_IT} (?:more )?openly|open up the voicing", "open"),
    (rf"(?:use |make it |go |play |try )?(?:an? )?drop[- ]?(?:2|two) (?:voicings?|voiced|voicing{_IT})|(?:voice{_IT} )?"
     rf"(?:as |in |with )?(?:an? )?drop[- ]?(?:2|two)(?: voicings?)?", "drop2"),
    (rf"(?:use |make it |go |play |try )?(?:an? )?drop[- ]?(?:3|three) (?:voicings?|voiced|voicing{_IT})|voice{_IT} "
     rf"(?:as |in |with )?(?:an? )?drop[- ]?(?:3|three)(?: voicings?)?", "drop3"),
    (rf"(?:voice{_IT} (?:close|closed|tight|tighter|closely)|(?:use |make it |go )?(?:a )?(?:close|closed|tight) voicings?|"
     rf"close the voicing|tighten the voicing|(?:make )?(?:the )?voicings? (?:tighter|closer|close|closed))", "close"),
    (r"(?:make )?(?:the )?voicings? (?:wider|more open|open|spread)", "open"),
    (rf"(?:drop|remove|take out|lose|leave out)(?: the)? root(?: note)?(?: of| from)?{_IT}|make (?:it|them|the chords?) rootless|"
     rf"(?:use |go |play |try )?(?:the )?rootless(?: voicings?)?|voice{_IT} rootless(?: voicings?)?", "rootless"),
    (rf"invert{_IT}(?: (?P<times>once|twice|again|one more time|\d+ times))?|(?:next|another) inversion|"
     rf"(?:play |use |make it |(?:put )?(?:it|that|this|the (?:same )?chord|same chord)(?: in)? )?(?:the )?"
     rf"(?P<nth>first|second|third|1st|2nd|3rd|root) (?:inversion|position)", "invert"),
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
        if nth == "root":
            return ih.Revoice("invert", 0)
        if nth:
            return ih.Revoice("invert", -{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}[nth])
        count = 2 if times == "twice" else int(times.split()[0]) if times and times[0].isdigit() else 1
        return ih.Revoice("invert", count)
    return None


# -- arpeggios -------------------------------------------------------------------------------
_ARP_DIRECTIONS = [(re.compile(rf" (?:going |in |played )?(?:{pattern}) "), name) for pattern, name in (
    (r"up[- ]?(?:and[- ]?|then[- ]?|&[- ]?)?down|updown|up and back(?: down)?|bounce|ping[- ]?pong", "updown"),
    (r"down[- ]?(?:and[- ]?|then[- ]?|&[- ]?)?up|downup", "downup"),
    (r"up|upwards|ascending|rising", "up"), (r"down|downwards|descending|falling", "down"))]
_ARPEGGIO_OF = re.compile(r"^(?:play |give me )?(?:an? |the )?(?!(?:an?|the|play|give)\b)(.+?) arpeggio(?=$| )")
_ARP = re.compile(r"(?:(?:the |an? )?(?P<pre>[\w-]+) )?(?P<art>an? |the )?(?:arpeggiate|arpeggio|arp|arpeggiator|arp it|arpeggiate it)(?P<rest>.*)")
_ARP_RATE = re.compile(r" (?:in |as |at |with )?(" + "|".join(map(re.escape, RATES)) + r"|32nds|triplets|thirty-?seconds) ")
_OCTAVED = re.compile(rf"{NOTE}-?\d")
_OF = re.compile(r"^\s*of\s+")
#: The notes a chord is spelled with after it ('d minor seventh: d f a c'): the chord says them already.
_SPELLED = re.compile(rf":\s*{NOTE}(?:[\s,]+{NOTE})*\s*$")
_ARP_SPAN = re.compile(r" (?:over|across|through|spanning|for)? ?(\d|one|two|three|four) octaves? ")


#: 'no arpeggio', 'stop the arp', 'block chords again': the chords held again.
_NO_ARP = re.compile(r"(?:no(?: more)?|without)(?: the)? (?:arp|arpeggio|arpeggiator)|"
                     r"(?:the )?(?:arp|arpeggio|arpeggiator) off|(?:un|de)-?arpeggiate(?: it| the chords)?|"
                     r"(?:back to |just |play )?(?:the )?(?:block|solid|full) chords(?: again)?(?: please)?")


def arpeggiate(text: str, line: str):
    if _NO_ARP.fullmatch(text):
        return ih.Arpeggiate(None, direction="off")
    if "arp" not in text:
        return None
    text = _ARPEGGIO_OF.sub(r"arpeggiate \1", text)                            # 'a c major arpeggio'
    match = _ARP.fullmatch(text)
    verb = match.group("pre") in ("play", "make", "do", "use", "add") if match else False
    if not match or (match.group("pre") and not verb and (match.group("art") or not match.group("rest").strip())):
        return None                                   # 'change the arp notes …': the arp track named, not an arpeggio
    rest = _SPELLED.sub(" ", _OF.sub(" ", match.group("rest")))               # 'an arpeggio of dm7: d f a c'
    rest = _BAR_EACH.sub(" ", " " + rest.replace(",", " ").strip() + " ")
    direction, steps, octaves, direction_said = "up", 1, 1, False
    for pattern, name in _ARP_DIRECTIONS:
        found = pattern.search(rest)
        if found:
            direction, rest, direction_said = name, rest[:found.start()] + " " + rest[found.end():], True
            break
    rate = _ARP_RATE.search(rest)
    if rate:
        if rate.group(1) not in RATES:
            raise LanguageError(f"arpeggios step in 16ths, 8ths, quarters or half notes on the 16-step grid, "
                                f"not {rate.group(1)}", column_of(rate.group(1), line))
        steps, rest = RATES[rate.group(1)], rest[:rate.start()] + " " + rest[rate.end():]
    span = _ARP_SPAN.search(rest)
    if span:
        octaves = int(span.group(1)) if span.group(1).isdigit() else NUMBERS[span.group(1)]
        if not 1 <= octaves <= 4:
            raise LanguageError("an arpeggio spans 1 to 4 octaves", column_of(span.group(1), line))
        rest = rest[:span.start()] + " " + rest[span.end():]
    parts = [p if p.kind != "note" or Chord.parse(p.text) is None else Part("chord", Chord.parse(p.text).symbol, p.text, p.start)
             for p in scan(rest.strip(), line)]                 # 'a C7': the chord (an arpeggio of one note is none)
    chords = tuple(p.value for p in parts if p.kind in ("chord", "letter"))
    voices = [p.value for p in parts if p.kind == "voice"]
    others = [p for p in parts if p.kind not in ("chord", "letter", "voice") and p.text not in _ARP_FILLER]
    pace = [_PACE[p.text] for p in others if p.text in _PACE]
    if pace and not rate:
        steps = pace[0]
    others = [p for p in others if p.text not in _PACE]
    notes = [p.text for p in parts if p.kind == "note" or p.kind == "chord" and _OCTAVED.fullmatch(p.text)]   # (d5: not a power chord)
    spelled = _spelled(parts)
    if spelled and len(voices) < 2 and all(p.text == "a" for p in others if p.kind == "word"):   # 'arp A C E A'
        if direction != "up":
            raise LanguageError(f"notes without octaves climb; for a falling or turning arpeggio give them, e.g. "
                                f"'arp {_falling(spelled[::-1])}'", column_of(spelled[0], line))
        return ih.PitchList(words_of(voices[0] if voices else None, line), tuple(spelled), column_of(spelled[0], line),
                            "arp", steps)
    if len(notes) > 1 and all(p.kind == "note" for p in others) and len(voices) < 2 and (rate or pace or ":" not in text):
        # 'arp a3 c4 e4 in 16ths' ('arpeggio: a3 c4 e4' is a label: a note a step, as any labelled line)
        return ih.PitchList(words_of(voices[0] if voices else None, line), tuple(notes[::-1] if direction == "down" else notes),
                            column_of(notes[0], line), "arp", steps)
    if len(others) == 1 and not voices and others[0].text.rstrip("0123456789") in VOICES and chords:
        voices, others = [others[0].text], []      # 'arp am 16ths sine': the voice said last, bare
    if len(others) == 1 and not chords and not voices and others[0].kind == "word" and not CHORDISH.fullmatch(others[0].text):
        voices = [others[0].text]                  # 'arp the bass': a voice by its name
    elif others:
        raise chord_error(others[0].text, column_of(others[0].text, line))
    if len(voices) > 1:
        return None
    said = next((p.text for p in parts if p.kind in ("chord", "letter")), "arp")
    told = tuple(name for name, found in (("direction", direction_said), ("steps", rate or pace), ("octaves", span)) if found)
    return ih.Arpeggiate(words_of(voices[0] if voices else None, line), chords, direction, steps, octaves,
                         column_of(said, line), told)


#: A chord's shape from its root: triads and sevenths (bare letters spelling one are its notes).
_SHAPES = frozenset(map(frozenset, ((0, 4, 7), (0, 3, 7), (0, 3, 6), (0, 4, 8), (0, 4, 7, 10), (0, 4, 7, 11),
                                    (0, 3, 7, 10), (0, 3, 6, 9), (0, 3, 6, 10), (0, 3, 7, 11))))


def _spelled(parts: list[Part]) -> list[str]:
    """'arp A C E A', 'arpeggiate g b d': bare letters that spell one chord (or climb back to the
    first) are that chord's notes one after another, not a chord each; [] otherwise."""
    letters = []
    for index, part in enumerate(parts):
        beside = [parts[i].kind for i in (index - 1, index + 1) if 0 <= i < len(parts)]
        if part.kind == "letter" or part.kind == "word" and part.text == "a" and "letter" in beside:
            letters.append(part.text)                  # ('a' beside letters is the note, not the article)
        elif part.kind in ("chord", "note"):
            return []
    try:
        classes = frozenset((pitch_class(n) - pitch_class(letters[0])) % 12 for n in letters) if letters else frozenset()
    except ValueError:
        return []
    spells = classes in _SHAPES or (letters[:1] == letters[-1:] and len(classes) >= 3)
    return letters if len(letters) >= 3 and spells else []


def _falling(letters: list[str]) -> str:
    """'a e c a' → 'a4 e4 c4 a3': each note below the one before."""
    octave, said = 4, []
    for index, letter in enumerate(letters):
        if index and pitch_class(letter) >= pitch_class(letters[index - 1]):
            octave -= 1
        said.append(f"{letter}{octave}")
    return " ".join(said)


#: Words an arpeggio line may hold besides its chords and voice; speeds as the sixteenths a note lasts.
_ARP_FILLER = frozenset("the a an of on that this those it them chord chords notes progression please pls".split())
#: A bar a chord, said: what an arpeggio of several chords plays anyway.
_BAR_EACH = re.compile(r",? (?:(?:one|a|1) (?:bar|measure) each|each (?:for )?(?:one|a) (?:bar|measure)|"
                       r"one (?:chord )?(?:a|per) (?:bar|measure)) ")
_PACE = {"slow": 4, "slowly": 4, "lazy": 4, "fast": 1, "quick": 1, "quickly": 1}


# -- polyphony and changes to the chords just given ----------------------------------------------
_POLY = tuple(re.compile(p) for p in (
    r"poly(?:phony)? (?P<n>\d+|\w+)(?: voices)? (?:on|for) (?:the )?(?P<target>[\w-]+)",
    r"(?:make )?(?:the )?(?P<target>[\w-]+) (?:->|to|=|gets?|plays?)? ?(?P<n>\d+|\w+)[- ]voices?(?: poly(?:phonic)?)?",
    r"(?:make |set )?(?:the )?(?P<target>[\w-]+) (?:polyphonic|poly)(?:,? (?:with )?(?P<n>\d+|\w+) (?:voices|notes))?",
    r"(?:make |set )?(?:the )?(?P<target>[\w-]+) (?P<mono>mono|monophonic)",
    r"(?:(?:give|let) (?:it|(?:the )?(?P<target>[\w-]+)) |make (?:it|that) (?:an? [\w ]+?, )?|(?:it|that) (?:has|gets) |"
    r"(?:use|set) )?(?P<n>\d+|\w+)[- ](?:voices?|notes at once)(?: poly(?:phonic|phony)?)?(?: (?:on|for) (?:the )?(?P<on>[\w-]+))?"))
#: Words one of the forms above holds.
_POLY_WORDS = frozenset("poly polyphony polyphonic mono monophonic voice voices at".split())


def poly(text: str, line: str):
    """'poly 4 on the pad', 'make the triangle polyphonic, four voices', 'pad -> 6 voice poly', 'make it mono'."""
    if not _POLY_WORDS & set(text.replace("-", " ").replace(",", " ").split()):
        return None
    match = first_match(_POLY, text)
    if not match:
        return None
    if match.groupdict().get("mono"):
        effect = CATALOGUE.get((match.group("target") or "").rstrip("0123456789"))
        if effect is not None and effect.spec.role != "source" and effect.spec.has_param("width"):
            from .parser_grammar import parse_plain         # 'delay mono': its stereo width, not a voice's polyphony
            return parse_plain(f"{match.group('target')} width 0")
        return ih.Poly(words_of(match.group("target"), line), 1)
    said = match.groupdict().get("n")
    count = 8 if said is None else int(said) if said.isdigit() else NUMBERS.get(said)
    if count is None:
        return None
    if not 1 <= count <= 16:
        raise LanguageError(f"a voice plays 1 to 16 notes at once, not {count} (out of range)", column_of(str(said), line))
    target = match.group("target") or match.groupdict().get("on")      # none named: the voice in focus
    return ih.Poly(words_of(target, line), count, column_of(target or str(said), line))


#: Frets said as words ('capo on the third fret', 'capo two').
FRETS = {w: i for i, ws in enumerate(("zero", "first one", "second two", "third three", "fourth four", "fifth five",
                                       "sixth six", "seventh seven", "eighth eight", "ninth nine", "tenth ten",
                                       "eleventh eleven", "twelfth twelve")) for w in ws.split()}
_CAPO = re.compile(r"(?:(?:put|move|set|stick) (?:a |the )?)?capo (?:(?:up |down )?(?:on|to|at) )?(?:the )?(?:fret )?"
                   rf"(\d+|{'|'.join(FRETS)})(?:st|nd|rd|th)?(?: fret)?(?: instead| now| then)?"
                   r"(?: (?:on|for) (?:the )?(?P<who>[\w-]+)(?: ?line| part)?)?")
#: 'take the capo off', 'no capo', 'lose the capo': the capo's place is the open strings (0).
_CAPO_OFF = re.compile(r"(?:(?:take|get|pull) (?:the |that )?capo off|(?:take|get|pull) off the capo|(?:remove|lose|drop|ditch) "
                       r"(?:the |that )?capo|no (?:more )?capo|capo off|without (?:a |the )?capo)(?: now| then| again)?")
#: 'capo 4, key of G shape, so really we're in B': the key the shapes sound (checked against one said).
_CAPO_KEY = re.compile(r"(?:with )?(?:a |the )?capo (?:on )?(?:fret )?(\d+),? (?:in )?(?:the )?key of ([a-g][#b]?)(?: shapes?)?"
                       r"(?:,? so (?:really |actually )?(?:we'?re|we are|it'?s|it is|that'?s) in ([a-g][#b]?))?")
_TRITONE_SUB = re.compile(r"(?:do |use |play )?(?:a |the )?tritone sub(?:stitute|stitution)?(?: it| that|(?: (?:on|for|of))? the "
                          r"(?:v7?|5|57|five|dominant|chord|(?P<named>[a-g](?:#|b)?(?:7|9|13)?))(?: chord)?)?")
_TIDAL_MOVE = re.compile(r"(?P<who>[\w-]+) \|([+-]) n (\d+)")


#: Who sings: a key too high or low for them moves ('too high for the choir'; 'for me' only 'to sing').
_SINGERS = (r"(?:the |my |our |his |her |their |these |those )?(?:choir|singers?|vocals?|vocalists?|sopranos?|altos?|tenors?|"
            r"basses|baritones?|congregation|kids|children|lead singer|voices?|my voice)")
_FOR_A_SINGER = re.compile(rf"(?:(?:it'?s|its|it is|that'?s|thats|this is|the (?:song|key|tune) is) )?(?:(?:a bit|a little|way|much|"
                           rf"slightly|still|just) )?too (?P<way>high|low) for (?:{_SINGERS}|(?:me|us|her|him|them) to sing)"
                           rf"(?: to (?:sing|reach))?")
_SINGERS_FIND = re.compile(rf"{_SINGERS} (?:finds?|found|says?|said|thinks?|feels?|complains?) (?:that )?(?:it'?s |it is |it |"
                           rf"this is |this )?(?:(?:a bit|a little|way|much|slightly|still) )?too (?P<way>high|low)")


def singers_range(text: str, line: str):
    """'it's too high for the choir', 'the sopranos find it too low': the key a singer cannot reach."""
    found = _FOR_A_SINGER.fullmatch(text) or _SINGERS_FIND.fullmatch(text)
    if found is None:
        return None
    return ih.SingersRange(-2 if found["way"] == "high" else 2, f"too {found['way']} for a singer", 0)


_SYMBOL = r"[a-g](?:#|b)?[\w#+/°ø-]*"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "last": -1, "final": -1}
#: The chord replaced: by name ('the F') or by its place ('the second one', 'the last chord').
#: A roman numeral said as a chord of the key ('the V should be V7', 'make the iv a iv7').
_NUMERAL = r"(?:b|#)?(?:vii|vi|iv|v|iii|ii|i)(?:°|o|dim|\+|aug|maj7|7|ø)?"
NUMERAL = re.compile(_NUMERAL, re.I)
_OLD = rf"(?:(?:the |that |this )?(?P<place>{'|'.join(ORDINALS)}) (?P<noun>one|chord)|(?:(?:the|that|this) |(?!a ))" \
    rf"(?P<old>{_SYMBOL}|{_NUMERAL})(?: chord)?)"           # ('the a': the chord A; 'a' alone the article)
#: The chord it becomes, said plainly ('a plain B7', 'just F').
_NEW = rf"(?:an? )?(?:(?:plain|simple|regular|normal|straight|ordinary|just) (?:an? )?)*(?P<new>{_SYMBOL}|{_NUMERAL})(?: chord)?"
#: After it: 'instead', 'please', ', not F seven' (what it was).
_AFTER = r"(?: (?:instead|actually|please|then|now))*(?:,? not (?:an? |the )?[\w# ]+)?"
#: 'the F should be Fmaj7', 'make the Gm a Gm6', 'change the F to an Fmaj7', 'Fmaj7 instead of the F', 'the second one
#: should be plain F, not F seven': one chord replaced.
_SWAPS = tuple(re.compile(p) for p in (
    rf"{_OLD} (?:should|must|could|needs to|has to|ought to|wants to|can)? ?(?:just |really |actually |simply )?"
    rf"(?:be|become|becomes|->|→|=) {_NEW}{_AFTER}",
    rf"(?:make|change|turn|swap|switch|replace) {_OLD.replace('(?!a )', '(?!an? )')} (?:into |to |for |with )?{_NEW}{_AFTER}",
    rf"(?:the )?(?P<place>{'|'.join(ORDINALS)}) (?P<noun>one|chord):? {_NEW}{_AFTER}",      # 'last chord: A major'
    rf"(?:play |use |try )?(?:an? )?(?P<new>{_SYMBOL})(?: chord)? instead of (?:the |that )?(?P<old>{_SYMBOL})(?: chord)?",
    rf"(?:(?:no|nah),? )?(?:play |use |try |make it )?(?:an? )?(?P<new>{_SYMBOL})(?: chord)? instead"))


#: A chord said in words after what it replaces ('… should be D minor', 'make the first chord B flat major seventh').
_SAID_CHORD = re.compile(r"\b(?P<pre>be|become|becomes|to|into|with|chord|one|an|a):? (?P<root>[a-g](?:#|b)?)(?: (?P<acc>sharp|flat))?"
                         r" (?P<q>major|minor)(?: (?P<sev>seventh|7th|7))?(?= instead|,|$)")


def _symbol(said: re.Match) -> str:
    accidental = {"sharp": "#", "flat": "b", None: ""}[said["acc"]]
    quality = ("m" if said["q"] == "minor" else "maj" if said["sev"] else "") + ("7" if said["sev"] else "")
    return f"{said['pre']} {said['root']}{accidental}{quality}"


def swapped_chord(text: str, line: str):
    """One chord of the last given replaced by another (mapper_chord_swaps.py): chord symbols, or roman numerals
    as typed (their case says the third) — both of one kind."""
    text = _SAID_CHORD.sub(_symbol, text)                  # 'the last chord should be A major': A
    for pattern in _SWAPS:
        found = pattern.fullmatch(text.strip(" .!"))
        if not found:
            continue
        old, new = found.groupdict().get("old"), found["new"]
        numerals = [_typed(t, line, last=t is new) for t in (old, new) if t and re.fullmatch(_NUMERAL, t)]
        if numerals and len(numerals) == len([t for t in (old, new) if t]):
            old, new = (numerals[0], numerals[1]) if old else (None, numerals[0])
        elif not (Chord.parse(new) and (old is None or Chord.parse(old))):
            continue
        place = found.groupdict().get("place")
        return ih.SwapChord(old, new, column_of(found["new"], line), ORDINALS[place] if place else None,
                            found.groupdict().get("noun") == "one")
    return None


def _typed(token: str, line: str, last: bool = False) -> str:
    """A numeral as the line typed it ('V7', 'iv'): its case is the chord's third (the new one said last: 'make the
    iv a IV')."""
    found = list(re.finditer(rf"(?<![\w#]){re.escape(token)}(?![\w#°ø+])", line, re.I))
    return found[-1 if last else 0].group(0) if found else token


def chord_changes(text: str, line: str):
    """'capo 2', 'tritone sub it', 'bass |+ n 12' (Tidal): the chords (or notes) just given, moved."""
    capo = _CAPO.fullmatch(text)
    frets = int(FRETS.get(capo.group(1), capo.group(1))) if capo else 0
    if capo and capo["who"]:                      # 'capo 2 on the bass line': that voice's notes
        return ih.MoveNotes(words_of(capo["who"], line), frets, None, column_of(capo["who"], line))
    if capo:
        return ih.Capo(frets, column_of(capo.group(1), line))
    if _CAPO_OFF.fullmatch(text):
        return ih.Capo(0, column_of("capo", line))
    keyed = _CAPO_KEY.fullmatch(text)
    if keyed and (keyed.group(3) or "shape" in text):   # ('capo 2 in the key of G': the shapes' key or the sounding one?)
        sounding = key_name(pitch_class(keyed.group(2)) + int(keyed.group(1)), "major")
        if keyed.group(3) and pitch_class(keyed.group(3)) != pitch_class(sounding):
            raise LanguageError(f"capo {keyed.group(1)} on {keyed.group(2).upper()} shapes sounds {sounding.upper()}, "
                                f"not {keyed.group(3).upper()}", column_of(keyed.group(3), line))
        return ih.SetKey(sounding, "major", column_of(keyed.group(2), line))
    sub = _TRITONE_SUB.fullmatch(text)
    if sub:                                       # ('on the G7': that chord, where it is one of the chords)
        return ih.MoveNotes(None, 6, None, 0, True, True, named=sub["named"])
    tidal = _TIDAL_MOVE.fullmatch(text)
    if tidal:
        sign = 1 if tidal.group(2) == "+" else -1
        return ih.MoveNotes(words_of(tidal.group("who"), line), sign * int(tidal.group(3)), None,
                            column_of(tidal.group("who"), line))
    return None


__all__ = ["revoice", "arpeggiate", "poly", "chord_changes", "singers_range", "swapped_chord", "FRETS", "NUMERAL", "ORDINALS"]
