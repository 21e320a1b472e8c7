"""The constituents of a harmony line, found wherever they stand in the sentence (issue 13).

A musician says the same things in any order and among any verbs: a chord symbol or chord words,
note letters, degrees (roman numerals, or digits with a key), a key ('in Bb', 'f lydian'), how long
each chord lasts ('2 beats each', 'a bar each'), how long the whole run lasts ('over 8 bars'), a
note value ('in 16ths'), the voice ('on the organ', 'the bass …') and the root a bare quality is
built on ('sus4 to 7 on G'). `scan` finds these constituents; harmony_sentences.py combines them
with the verb. Every other word is returned as a 'word' part, so the reader can refuse a line with
a word it does not know instead of guessing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..engine.catalogue import CATALOGUE
from .chords import Chord
from .parser_harmony_keys import SCALE_WORDS, key_of
from .harmony_tokens import NOTE, NUMBERS, VOICE_WORDS, two_chords
from .literal_needs import Screen
from .nicknames import NICKNAMES


@dataclass(frozen=True)
class Part:
    kind: str        # chord | letter | note | stack | degree | quality | key | each | span | rate | voice | root | capo |
                     # together | release | number | word
    value: object    # chord symbol, note, 'deg:…', (tonic, scale), steps, beats, voice word …
    text: str        # as it stands in the (lower-case) line
    start: int       # where, in the line scanned


_N = r"(?P<n>\d+|one|two|three|four|eight|twelve|half(?: a)?|a|an)"
_UNIT = r"(?P<unit>bars?|beats?|steps?|measures?)"
_UNIT_STEPS = {"bar": 16, "measure": 16, "beat": 4, "step": 1}
#: Frets said in words ('capo on the third fret').
_FRETS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "first": 1, "second": 2, "third": 3,
          "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
#: Mode words that make a key without 'in' or 'key' ('f lydian'); 'c major' alone may be a chord.
_MODES = "|".join(sorted((re.escape(w) for w in SCALE_WORDS if w not in ("major", "minor", "maj", "min")), key=len, reverse=True))
_ALL_SCALES = "|".join(sorted(map(re.escape, SCALE_WORDS), key=len, reverse=True))
#: Voices by what musicians call them: the catalogue's sources and the nicknames (nicknames.NICKNAMES, the one table).
VOICES = frozenset(name for name, entry in CATALOGUE.items() if entry.spec.role == "source") | frozenset(NICKNAMES) | \
    {"bass", "lead", "stabs"}
_VOICE = r"(?P<voice>(?:" + "|".join(sorted(map(re.escape, VOICES), key=len, reverse=True)) + r")\d*)"

#: The twelve-bar blues, in numerals of the key said.
BLUES = ("I", "I", "I", "I", "IV", "IV", "I", "I", "V", "IV", "I", "V")
#: ... with the quick change: the IV in the second bar.
QUICK_CHANGE = ("I", "IV", "I", "I", "IV", "IV", "I", "I", "V", "IV", "I", "V")
#: Progressions known by name, in numerals of the key said ('a plagal cadence in F').
NAMED_PROGRESSIONS = {
    "perfect cadence": ("V", "I"), "authentic cadence": ("V", "I"), "plagal cadence": ("IV", "I"),
    "imperfect cadence": ("I", "V"), "half cadence": ("I", "V"), "interrupted cadence": ("V", "vi"),
    "deceptive cadence": ("V", "vi"), "pop progression": ("I", "V", "vi", "IV"), "axis progression": ("I", "V", "vi", "IV"),
    "four chord progression": ("I", "V", "vi", "IV"), "doo-wop progression": ("I", "vi", "IV", "V"),
    "50s progression": ("I", "vi", "IV", "V"), "pachelbel": ("I", "V", "vi", "iii", "IV", "I", "IV", "V"),
    "andalusian cadence": ("i", "VII", "VI", "V"), "jazz turnaround": ("Imaj7", "vi7", "ii7", "V7"), "turnaround": ("I", "vi", "ii", "V"),
    # J-pop's (王道進行, 丸の内進行, 小室進行) and other progressions musicians call by a name
    "royal road progression": ("IV", "V", "iii", "vi"), "royal road": ("IV", "V", "iii", "vi"),
    "just the two of us progression": ("IVmaj7", "III7", "vi7", "v7", "I7"),
    "two of us progression": ("IVmaj7", "III7", "vi7", "v7", "I7"),
    "marunouchi progression": ("IVmaj7", "III7", "vi7", "v7", "I7"), "komuro progression": ("vi", "IV", "V", "I"),
    "canon progression": ("I", "V", "vi", "iii", "IV", "I", "IV", "V"), "ice cream changes": ("I", "vi", "IV", "V"),
    "heart and soul progression": ("I", "vi", "IV", "V"), "backdoor progression": ("iv7", "bVII7", "Imaj7"),
    "minor ii-v-i": ("iiø", "V7", "i"), "minor 2-5-1": ("iiø", "V7", "i"),
}
#: Note values, as the sixteenths a note lasts ('in 16ths', 'crotchets').
RATES = {"16ths": 1, "16th notes": 1, "sixteenths": 1, "sixteenth notes": 1, "8ths": 2, "8th notes": 2, "eighths": 2,
          "eighth notes": 2, "quarters": 4, "quarter notes": 4, "4ths": 4, "crotchets": 4, "quavers": 2,
          "semiquavers": 1, "half notes": 8, "halves": 8, "minims": 8, "whole notes": 16, "semibreves": 16,
          "16th": 1, "16th note": 1, "sixteenth": 1, "8th": 2, "8th note": 2, "eighth": 2, "quarter": 4, "1/16": 1,
          "1/8": 2, "1/4": 4}       # a note value said once ('arpeggio Cmaj7, up, 16th')
#: A remark at the end of a line ('for that rnb vibe', 'for the last chorus', ', flamenco style'): said back, not read.
ASIDE = re.compile(r",?\s*(?:for (?:that|this|some|a|an|more|extra) (?!(?:\w+ )?(?:bars?|beats?|steps?|measures?|minutes?|"
                   r"seconds?|while)$)(?:[\w-]+ ){0,3}[\w-]+|for the (?:last|next|first|final|big) (?:[\w-]+ )?[\w-]+|"
                   r"(?<=,) ?[\w-]+(?: [\w-]+)? (?:style|feel|vibe|vibes))$")
#: Multi-word constituents, each found anywhere (a word boundary either side), first match wins.
_PHRASES: tuple[tuple[str, re.Pattern], ...] = tuple((kind, re.compile(pattern)) for kind, pattern in (
    ("named", r"(?:the |a )?(?P<named>(?:12|twelve)[- ]bar blues(?: with (?:a |the )?quick[- ](?:change|four))?|"
              r"(?:12|twelve)[- ]bar(?: with (?:a |the )?quick[- ](?:change|four))?(?= in [a-g]\b)|"
              + "|".join(map(re.escape, NAMED_PROGRESSIONS)) + ")"),
    ("sevenths", r"(?:with |as |in |using |all )?(?:dominant )?(?:7th chords|seventh chords|sevenths|7ths|7s|sevens)"),
    ("span", rf"(?:over|across|during) (?:the next )?{_N} {_UNIT}"),
    ("each", r"(?P<per>two|2|four|4) (?:chords )?(?:in a|a|per|each) bar"),
    ("each", rf"{_N} {_UNIT} (?:each|per chord|a chord|apiece)"),
    ("each", rf"(?:each|every chord) (?:for|lasting|holds?(?: for)?) {_N} {_UNIT}"),
    ("each", rf"(?:one|one chord|a chord) (?:for|in|on|per|a|each|every|to) (?:each |every |a |the |one )?{_UNIT}"),   # 'one to a bar'
    ("each", rf"(?:(?:one |a )?chords? )?(?:every|each|per|a) (?:{_N} )?{_UNIT}(?P<half> and a half)?(?: each)?"),
    ("each", rf"{_UNIT} each"),
    ("rate", r"(?:in |as |at )?(?P<rate>" + "|".join(sorted(map(re.escape, RATES), key=len, reverse=True)) + ")"),
    ("key", rf"(?:in|key(?: of| is|:)?|(?:the )?key of)(?: the key of)? (?P<tonic>{NOTE})(?P<m>m\b)?(?: (?P<scale>{_ALL_SCALES}))?"
            rf"(?: (?:scale|mode))?(?=$|[\s,:])"),
    ("key", rf"(?P<tonic>{NOTE}) (?P<scale>{_MODES})(?: (?:scale|mode))?"),
    ("key", rf"(?P<scale>{_MODES})(?: (?:scale|mode))? (?:on|in|from) (?P<tonic>{NOTE})(?=$|[\s,])"),
    ("tonic", rf"(?:root(?: note)?|tonic|key ?note)(?: is| =|:)? (?P<tonic>{NOTE})(?=$|[\s,])"),
    ("scale", rf"(?:scale|mode)(?: is| =|:| to)? (?P<scale>{_ALL_SCALES})(?=$|[\s,])"),
    ("scale", rf"(?P<scale>{_ALL_SCALES}) (?:scale|mode)"),
    ("scale", rf"^(?P<scale>{_MODES})(?=,)"),                                   # 'harmonic minor, key e' 
    ("capo", r"(?:with |put )?(?:a |the )?capo (?:on |at )?(?:the )?(?:fret )?(?P<fret>\d{1,2}|" + "|".join(_FRETS) + r")"
             r"(?:st|nd|rd|th)?(?: fret)?"),
    ("root", rf"(?:on|of|from) (?P<root>{NOTE})(?=$|[\s,])"),
    ("voice", rf"(?:on|for|to|through|as) (?:the |my |that |this |a )?{_VOICE}"),
    ("voice", rf"^(?:make|have|let|give|set|switch|change) (?:the |my )?{_VOICE}(?=[\s:,])"),
    ("voice", r"^(?:re)?tune (?:the |my )?(?P<voice>(?!it\b|that\b|this\b)[\w-]+)(?= (?:to|down to|up to|at) )"),   # any name
    ("together", r"together|at once|as a chord|simultaneously|stacked"),
    ("release", r"release|let go(?: of)?|stop holding|let (?:it|them) ring out|"
                r"(?:stop|kill|end|cut|silence)(?= (?:that|the|this) chord(?!s))"),     # one chord held: a track is 'the chords'
    ("voice", rf"^(?:the |my )?{_VOICE}(?=:| (?:plays?|playing|comps?|comping|strums?|strumming|holds?|loops?|vamps?|notes?|"
              r"line|riff|melody|part|chords?|progression|changes)\b)"),
    ("voice", rf"^(?:the |my )?(?!chords\b){_VOICE}(?= {NOTE}-?\d(?=$|[\s,]))"),     # 'bass a1 . c2 .' ('chords c5 g5': power chords)
))
_PHRASE_SCREEN = Screen((pattern, kind) for kind, pattern in _PHRASES)
#: A rest in a run of notes ('e5 d5 . a4', Tidal's '~').
RESTS = frozenset((".", "~", "_", "-", "rest"))
_TOKENS = re.compile(r"[^\s,|→;:?!]+")
_SPLIT_DASH = re.compile(r"(?<=\S)-(?=[\w#])|\s*[–—]\s*(?=[\w#])|(?<=\w)[–—](?=\w)")   # 'ii-V-I', 'I – IV'; ' - ' a rest
_ROMAN = re.compile(r"(?:b|#)?(?:vii|vi|iv|v|iii|ii|i)(?:°|o|dim|\+|aug|maj7|7|64|6|ø)?(?:/(?:b|#)?(?:vii|vi|iv|v|iii|ii|i))?", re.I)
_TYPED_ROMAN = re.compile(r"(?<![\w#])(?:b|#)?[ivIV]+(?:°|o|dim|\+|aug|maj7|7|64|6|ø)?(?:/(?:b|#)?[ivIV]+)?(?![\w])")   # ('V/V')
#: A quality said without its root ('sus4', 'minor 9', '7'): a chord once a root is said ('… on G').
_QUALITY = re.compile(r"(?:maj|min|m|dom|sus|add|dim|aug|major|minor|dominant)?\d{0,2}(?:sus[24]|add\d+|b5|#5|#11|b9)?")
_ARTICLES = frozenset(("a", "an", "the", "to", "and", "then", "that", "this", "into"))


def scan(text: str, line: str) -> list[Part]:
    """The constituents of `text` (the cleaned, lower-case line) in order; `line` as typed tells
    upper-case numerals (major) from lower-case (minor) and the chord 'A' from the article."""
    found: list[Part] = []
    blank = text
    for pattern, kind in _PHRASE_SCREEN.possible(text):       # (a phrase whose words the line lacks is skipped)
        for match in pattern.finditer(blank):
            if not _bounded(blank, match):
                continue
            value = _value(kind, match)
            if value is None:
                continue
            found.append(Part(kind, value, match.group(0), match.start()))
            blank = blank[:match.start()] + " " * (match.end() - match.start()) + blank[match.end():]
    found += _words(blank, line)
    return _settled(sorted(found, key=lambda p: p.start), line)


def _settled(parts: list[Part], line: str) -> list[Part]:
    """Readings that depend on the neighbours: 'i' is a numeral only beside numerals ('ii-V-I'),
    else the pronoun; a note that is also a chord ('C7', 'Ab9') is the chord in a run of chords,
    typed in capitals with a chord's number ('a G7', but 'c6' the note), or a 7 or 9 said alone
    ('play g7': a note in octave 7 or 9 is rarely meant)."""
    run = any(p.kind == "chord" for p in parts)
    alone = sum(p.kind == "note" for p in parts) == 1               # 'play g7': the chord, not a note at 3 kHz
    melodic = any(p.kind == "word" and p.text in _MELODIC for p in parts)   # 'a melody: D5 F5 E5': notes, not power chords
    settled = []
    for index, part in enumerate(parts):
        if part.kind == "degree" and part.text == "i":
            others = [p for p in parts if p.kind != "rest"]            # 'i - VI - iv': past the dashes
            at = others.index(part)
            if not any(p.kind == "degree" and p.text != "i" for p in _degree_run(others, at)):   # ('ii V I I': all four)
                part = Part("word", "i", "i", part.start)
        elif part.kind == "note" and not melodic and (run or _capital_chord(part.text, line) or alone and part.text[-1] in "79") \
                and Chord.parse(part.text) is not None:
            part = Part("chord", Chord.parse(part.text).symbol, part.text, part.start)
        elif part.kind == "word" and part.text == "a" and _among_letters(parts, index):
            part = Part("letter", "a", "a", part.start)
        elif part.kind == "letter" and part.text == "a" and [p.text for p in parts[index + 1:index + 2]] == ["chords"] \
                and any(p.kind in ("chord", "letter") for p in parts[index + 2:]):
            part = Part("word", "a", "a", part.start)     # 'plays a (major) chords: D G A': the article
        settled.append(part)
    return settled


def _among_letters(parts: list[Part], at: int) -> bool:
    """'chords a d e a', 'chords dm gm a dm': an 'a' in a run of chords is the chord A, never the article (after a
    chord, with a chord or the end after it; or first after 'chords', a chord after it)."""
    before = parts[at - 1] if at else None
    after = parts[at + 1] if at + 1 < len(parts) else None
    chordal = ("chord", "letter")
    if before is not None and before.kind == "word" and before.text in ("and", "then") and at > 1:
        return after is None and parts[at - 2].kind in chordal      # ('chords a, d, e and a'; '… and a dm': the article)
    if before is not None and before.kind in chordal:
        return after is None or after.kind in chordal
    return before is not None and before.kind == "word" and before.text in ("chords", "chord") and \
        after is not None and after.kind in chordal


def _degree_run(parts: list[Part], at: int) -> list[Part]:
    """The numerals next to parts[at] and on through any 'i' beside them ('ii V I I', 'I I IV V')."""
    run = []
    for direction in (-1, 1):
        index = at + direction
        while 0 <= index < len(parts) and parts[index].kind == "degree":
            run.append(parts[index])
            if parts[index].text != "i":
                break
            index += direction
    return run


#: Words the phrases above are made of (read off their patterns: 'bars?' gives bars and bar), besides notes
#: and numbers.
PHRASE_WORDS = frozenset(form for _, pattern in _PHRASES for w in re.findall(r"[a-z0-9#]+(?:-[a-z]+)?", pattern.pattern)
                         for form in (w, w[:-1] if w.endswith("s") else w)) | \
    RESTS | frozenset("the a an that this my → -> – — | + = chord chords".split())


def words_outside(text: str) -> list[str]:
    """The words of a line that no constituent holds."""
    return [w.strip(_PUNCTUATION) for w in text.split() if not constituent_word(w)]


_PUNCTUATION = ",.:;!?'\"()"
#: Tokens that are constituents by their shape: notes with an octave, ranges, ordinals, stacked notes.
_SHAPED = re.compile(rf"{NOTE}-?\d|\d+[-–—]\S+|\S+[-–—]\S+|\d+(?:st|nd|rd|th)|{NOTE}(?:-?\d)?(?:\+{NOTE}(?:-?\d)?)+")
_DEGREE_DIGIT = re.compile(r"[1-7]")
_STACKED_NOTE = re.compile(rf"{NOTE}(?:-?\d)?")
_OCTAVED = re.compile(rf"{NOTE}-?\d")
_LETTER = re.compile(NOTE)
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
_SIX_NINE = {"6/9": "69", "69": "69", "6add9": "69", "m6/9": "m69", "m69": "m69"}
_CAPITAL_A = re.compile(r"(?<![\w'])A(?![\w'#])")
_UPPER_LETTER = re.compile(r"(?<![\w'])[A-G](?:#|b)?(?![\w'#])")


@lru_cache(maxsize=8192)
def constituent_word(token: str) -> bool:
    """Whether a token can be part of a constituent (a quick look before `scan`, which costs more)."""
    token = token.strip(_PUNCTUATION)
    return (not token or token in PHRASE_WORDS or token.rstrip("0123456789") in VOICES or token.isdigit() or bool(_ROMAN.fullmatch(token))
            or Chord.parse(token) is not None or bool(_SHAPED.fullmatch(token))
            or bool(_QUALITY.fullmatch(token)) or token in _SIX_NINE)


def _bounded(text: str, match: re.Match) -> bool:
    before = text[match.start() - 1:match.start()]
    after = text[match.end():match.end() + 1]
    return match.end() > match.start() and before in ("", " ", ",") and after in ("", " ", ",", ":", ".", "!", "?")


def _count(said: str | None) -> float:
    if not said:
        return 1.0
    return float(said) if said.isdigit() else float(NUMBERS[said])


def _value(kind: str, match: re.Match):
    groups = match.groupdict()
    if kind == "each":
        if groups.get("per"):
            return 16 / int(NUMBERS.get(groups["per"], groups["per"]))
        half = 0.5 if groups.get("half") else 0.0
        return (_count(groups.get("n")) + half) * _UNIT_STEPS[groups["unit"].rstrip("s")]
    if kind == "span":
        return _count(groups.get("n")) * _UNIT_STEPS[groups["unit"].rstrip("s")] / 4
    if kind == "rate":
        return RATES[groups["rate"]]
    if kind == "key":
        rest = match.string[match.end():].lstrip()
        if groups["tonic"] == "a" and (not (groups.get("m") or groups.get("scale")) and rest[:1] not in ("", ",", ":")
                                       or rest.startswith("key")):
            return None                                   # 'in a bar', 'in a minor key': the article
        tonic, scale = key_of(groups["tonic"], groups.get("m"), groups.get("scale"))
        return tonic, scale if groups.get("m") or groups.get("scale") else None
    if kind == "named":
        named = groups["named"]
        return (QUICK_CHANGE if "quick" in named else BLUES) if named.startswith(("12", "twelve")) else NAMED_PROGRESSIONS[named]
    if kind in ("sevenths", "together", "release"):
        return True
    if kind == "tonic":
        return groups["tonic"]
    if kind == "scale":
        return SCALE_WORDS[groups["scale"]]
    if kind == "root":
        return groups["root"]
    if kind == "capo":                                # a guitarist's capo: the chord shapes sound that many semitones up
        fret = groups["fret"]
        return int(fret) if fret.isdigit() else _FRETS[fret]
    if kind == "voice":
        return VOICE_WORDS.get(groups["voice"], groups["voice"])
    return None


def _words(blank: str, line: str) -> list[Part]:
    """The single tokens: chords (up to three words: 'f sharp minor'), note letters, notes with an
    octave, degrees, bare qualities, numbers and other words."""
    tokens = [(m.group(0), m.start()) for piece in _pieces(blank) for m in [piece]]
    typed = iter(_TYPED_ROMAN.findall(line))
    capital_a = len(_CAPITAL_A.findall(line))        # 'A D E': the chord A, not an article
    listing = any(t in ("chords", "progression", "changes") for t, _ in tokens)   # 'chords a minor, f major
    parts, index = [], 0
    while index < len(tokens):
        token, start = tokens[index]
        if _ROMAN.fullmatch(token) and token not in ("a", "an"):
            parts.append(Part("degree", "deg:" + next(typed, token), token, start))
            index += 1
            continue
        if _DEGREE_DIGIT.fullmatch(token):
            parts.append(Part("degree", "deg:" + token, token, start))
            index += 1
            continue
        if "+" in token and all(_STACKED_NOTE.fullmatch(n) for n in token.split("+")):
            parts.append(Part("stack", tuple(token.split("+")), token, start))   # 'c+e+g', 'a3+c4+e4': at once
            index += 1
            continue
        if token in RESTS:
            parts.append(Part("rest", ".", token, start))
            index += 1
            continue
        if _OCTAVED.fullmatch(token):                 # 'c6': the note, unless called a chord
            parts.append(Part("note", token, token, start))
            index += 1
            continue
        chord = None
        for end in range(min(len(tokens), index + 3), index, -1):
            words = [t for t, _ in tokens[index:end]]
            if any(w in RESTS for w in words):
                continue                                  # 'f - c': a rest between, not 'f-' (f minor)
            following = tokens[end][0] if end < len(tokens) else ""       # 'a minor chord' is A minor,
            named = words[0] == "a" and (capital_a or (len(words) > 1 and following not in ("chords", "triads") and (
                listing or following in ("chord", "triad"))) or                # 'a minor chords, Am Dm' describes them
                len(words) == 1 and _comma_item(blank, start, len(token)))    # 'chords d, bm, g, a': an item of the list
            if words[0] in _ARTICLES and not named or two_chords(words):
                continue                                  # ('em a7': two chords)
            chord = Chord.parse(" ".join(words))
            if chord is not None:
                break
        if chord is not None:
            capital_a -= words[0] == "a"
            kind = "letter" if _LETTER.fullmatch(" ".join(words)) else "chord"
            parts.append(Part(kind, chord.symbol, " ".join(words), start))
            index = end
            continue
        if token in SCALE_WORDS and token not in ("major", "minor", "maj", "min", "blues"):
            parts.append(Part("scale", SCALE_WORDS[token], token, start))
        elif token in ("9", "11", "13"):
            parts.append(Part("quality", token, token, start))
        elif token in _SIX_NINE:                      # 'the 6/9 on Ab'
            parts.append(Part("quality", _SIX_NINE[token], token, start))
        elif _DECIMAL.fullmatch(token):
            parts.append(Part("number", token, token, start))
        elif _QUALITY.fullmatch(token) and Chord.parse("c" + token) is not None and token not in _ARTICLES:
            parts.append(Part("quality", token, token, start))
        else:
            parts.append(Part("word", token.strip(".'\"-"), token, start))
        index += 1
    return parts


def _comma_item(text: str, start: int, length: int) -> bool:
    """Whether a token stands alone between commas, or after the last one ('…, g, a')."""
    before, after = text[:start].rstrip(), text[start + length:].lstrip()
    return before.endswith(",") and after[:1] in ("", ",")


def _pieces(blank: str):
    """Tokens of what the phrases left, a dash between chords or numerals splitting them ('ii-V-I')."""
    spaced = _SPLIT_DASH.sub(lambda m: " " * len(m.group(0)), blank)
    return _TOKENS.finditer(spaced)


#: Words that call what follows notes one after another ('the sine plays a melody: D5 F5 E5').
_MELODIC = frozenset("melody melodies tune riff lead line notes note".split())


def _capital_chord(token: str, line: str) -> bool:
    typed = re.search(rf"(?<![\w#]){re.escape(token)}(?!\w)", line, re.I)
    return typed is not None and typed.group(0)[0].isupper() and token[-1] in "5679"


def upper_letters(line: str) -> int:
    """How many chord letters are typed in upper case ('A D E' are chords; 'a c e' notes)."""
    return len(_UPPER_LETTER.findall(line))


__all__ = ["ASIDE", "Part", "scan", "words_outside", "upper_letters", "VOICES", "RATES", "NAMED_PROGRESSIONS"]
