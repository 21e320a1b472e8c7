"""Harmony as musicians say it in passing, read after the strict forms of parser_harmony:
a run of chords among a few colour words ('dark minor chords, Cm Ab Eb Bb, bar each', 'Ebmaj7
to Dm7 lofi loop'), roman numerals in a key ('I–IV–V–I in D major', 'ii-V-I in C, 7th chords',
'12 bar blues in A'), a chord named quality first ('minor 9 on D'), polyphony ('poly 4 on the
pad'), and changes to the chords just given ('capo 2', 'tritone sub it', Tidal's 'bass |+ n 12').
Anything with a word outside these lists is not read here."""
from __future__ import annotations

import re

from . import intents_harmony as ih
from .chords import Chord
from .errors import LanguageError
from .parser_harmony_words import NOTE, NUMBERS, column_of, words_of

#: Words that only colour a chord line ('dark', 'lofi loop'): left out, said back by the echo.
COLOUR = frozenset(
    "loop looping loops vamp vamping play playing strum comp chords chord progression changes dark sad happy moody "
    "dreamy lofi lo-fi jazzy pretty nice lush big sounds sound vibe vibes it a an the some just then to and for "
    "that this me gimme give with keep going repeat repeating cycle over pad thing please minor major from back "
    "simple classic cheesy emotional chill warm cadence turnaround lay down out but now again round go lets let's "
    "slow long".split())
_ROMAN_TOKEN = re.compile(r"(?:b|#)?(?:vii|vi|iv|v|iii|ii|i)(?:°|o|dim|\+|aug|maj7|7|64|6|ø)?", re.I)
_BLUES = ("I", "I", "I", "I", "IV", "IV", "I", "I", "V", "IV", "I", "V")
#: Progressions known by name, in numerals of the key said ('a plagal cadence in F').
NAMED_PROGRESSIONS = {
    "perfect cadence": ("V", "I"), "authentic cadence": ("V", "I"), "plagal cadence": ("IV", "I"),
    "imperfect cadence": ("I", "V"), "half cadence": ("I", "V"), "interrupted cadence": ("V", "vi"),
    "deceptive cadence": ("V", "vi"), "pop progression": ("I", "V", "vi", "IV"), "axis progression": ("I", "V", "vi", "IV"),
    "four chord progression": ("I", "V", "vi", "IV"), "doo-wop progression": ("I", "vi", "IV", "V"),
    "50s progression": ("I", "vi", "IV", "V"), "pachelbel": ("I", "V", "vi", "iii", "IV", "I", "IV", "V"),
    "andalusian cadence": ("i", "VII", "VI", "V"), "jazz turnaround": ("ii7", "V7", "Imaj7"), "turnaround": ("I", "vi", "ii", "V"),
}
_SEVENTHS = re.compile(r",? (?:with |as |in |using |all )?(?:7th chords|seventh chords|sevenths|7ths|7s)\b")
_INLINE_KEY = re.compile(rf"\s+in (?:the key of )?({NOTE})(m\b| major| minor| maj| min)?(?=$|[\s,])")


def loose_progression(text: str, line: str, steps: int):
    """A run of at least two chords (symbols, upper-case letters, or numerals with a key) among
    colour words only."""
    sevenths = bool(_SEVENTHS.search(text))
    text = _SEVENTHS.sub("", text)
    key = None
    inline = _INLINE_KEY.search(text)
    if inline:
        scale = "minor" if (inline.group(2) or "").strip() in ("m", "minor", "min") else "major"
        key, text = (inline.group(1), scale), text[:inline.start()] + text[inline.end():]
    target = re.search(r" on (?:the )?([\w-]+)(?=$|[\s,])", text)
    if target:
        text = text[:target.start()] + text[target.end():]
    named = re.search(r"\b(?:the )?(" + "|".join(NAMED_PROGRESSIONS) + r")\b", text)
    if named and key:
        chords = [f"deg:{r}" for r in NAMED_PROGRESSIONS[named.group(1)]]
        return ih.Progression(words_of(target.group(1) if target else None, line), tuple(chords), steps, 0, key)
    blues = re.search(r"\b(?:12|twelve)[- ]bar blues\b", text)
    if blues and key:
        chords = [f"deg:{r}{'7dom' if sevenths else ''}" for r in _BLUES]
        return ih.Progression(words_of(target.group(1) if target else None, line), tuple(chords), steps, 0, key)
    numbered = len(re.findall(r"(?<![\w.])[1-7](?![\w.])", text)) >= 3      # '6 4 1 5': the key's chords
    chords, others = _chord_run(text, line, True, key is not None or numbered)
    if len(chords) < 2 or any(w not in COLOUR for w in others):
        return None
    named = [c for c in chords if not c.startswith("deg:")]
    if named and len(named) != len(chords):
        return None

    if named and not (any(not re.fullmatch(NOTE, c) for c in named) or _upper_letters(line) >= 2):
        return None                                   # 'a c e g': notes, not chords
    if sevenths:
        chords = [c + "7" if c.startswith("deg:") and not c.endswith("7") else c for c in chords]
    return ih.Progression(words_of(target.group(1) if target else None, line), tuple(chords), steps,
                          column_of(chords[0].removeprefix("deg:"), line), key)


def _upper_letters(line: str) -> int:
    return len(re.findall(r"(?<![\w'])[A-G](?:#|b)?(?![\w'#])", line))


def _chord_run(text: str, line: str, numerals: bool, key_said: bool = False) -> tuple[list[str], list[str]]:
    """(the chords in order, the other words) of a line; numerals become 'deg:…' (case as typed)."""
    tokens = [t for t in re.split(r"[\s,|→]+|\s*[-–—]\s*(?=[\w#])|(?<=\w)[–—](?=\w)", text) if t]
    typed = iter(re.findall(r"(?<![\w#])(?:b|#)?[ivIV]+(?:°|o|dim|\+|aug|maj7|7|64|6|ø)?(?![\w])", line))
    chords, others, index = [], [], 0
    capital_a = len(re.findall(r"(?<![\w'])A(?![\w'#])", line))   # 'A D E': the chord A, not an article
    while index < len(tokens):
        token = tokens[index]
        digit = re.fullmatch(r"[1-7]", token) and key_said
        if numerals and (_ROMAN_TOKEN.fullmatch(token) or digit) and token not in ("a", "an"):
            chords.append("deg:" + (next(typed, token) if not token.isdigit() else token))
            index += 1
            continue
        for end in range(min(len(tokens), index + 3), index, -1):
            words = tokens[index:end]
            article = words[0] in ("a", "an", "the", "to", "and", "then") and not (words[0] == "a" and capital_a)
            if article or (len(words) > 1 and words[-1] in COLOUR - {"minor", "major"}):
                continue
            chord = Chord.parse(" ".join(words))
            if chord is not None:
                capital_a -= words[0] == "a"
                chords.append(chord.symbol)
                index = end
                break
        else:
            others.append(token)
            index += 1
    return chords, others


_QUALITY_FIRST = re.compile(r"(?:play |gimme |give me |hold |strum )?(?:an? |the )?(?P<quality>(?:major|minor|dominant|maj|min|m|half[- ]diminished|"
                            r"diminished|augmented|sus|suspended)?\s*(?:7th|9th|11th|13th|6th|seventh|ninth|sixth|7|9|11|13|6|2|4)?)"
                            rf"(?: chord)? (?:on|in|of|from) (?P<root>{NOTE})(?P<rest>.*)")
_HOLD = re.compile(r",? (?:and )?(?:hold(?: it| that)?|let it ring|sustain(?: it)?|(?:just )?sit on it|keep it)$|"
                   r" for (?:that|a|the) [\w\s-]+ (?:vibe|feel|sound)$")


def without_hold(text: str) -> str:
    """'play fmaj7 and hold', 'minor 7 on a, hold it': the hold is what a gate does anyway."""
    return _HOLD.sub("", text).strip()


def quality_first(text: str, line: str):
    """'minor 9 on D', 'a dominant 7 on g': a chord named quality first."""
    match = _QUALITY_FIRST.fullmatch(without_hold(text))
    if not match or not match.group("quality").strip():
        return None
    rest = match.group("rest").strip()
    target = re.fullmatch(r"on (?:the )?([\w-]+)", rest) if rest else None
    if rest and target is None:
        return None
    chord = Chord.parse(f"{match.group('root')} {match.group('quality').strip()}")
    if chord is None:
        return None
    return ih.PlayChord(words_of(target.group(1) if target else None, line), chord.symbol,
                        column_of(match.group("root"), line))


def poly(text: str, line: str):
    """'poly 4 on the pad', 'make the triangle polyphonic, four voices', 'pad -> 6 voice poly', 'make it mono'."""
    match = (re.fullmatch(r"poly(?:phony)? (?P<n>\d+|\w+)(?: voices)? (?:on|for) (?:the )?(?P<target>[\w-]+)", text)
             or re.fullmatch(r"(?:make )?(?:the )?(?P<target>[\w-]+) (?:->|to|=|gets?|plays?)? ?(?P<n>\d+|\w+)[- ]voices?(?: poly(?:phonic)?)?", text)
             or re.fullmatch(r"(?:make |set )?(?:the )?(?P<target>[\w-]+) (?:polyphonic|poly)(?:,? (?:with )?(?P<n>\d+|\w+) (?:voices|notes))?", text)
             or re.fullmatch(r"(?:make |set )?(?:the )?(?P<target>[\w-]+) (?P<mono>mono|monophonic)", text)
             or re.fullmatch(r"(?:(?:give|let) (?:it|(?:the )?(?P<target>[\w-]+)) |make (?:it|that) (?:an? [\w ]+?, )?|(?:it|that) (?:has|gets) |"
                             r"(?:use|set) )?(?P<n>\d+|\w+)[- ](?:voices?|notes at once)(?: poly(?:phonic|phony)?)?"
                             r"(?: (?:on|for) (?:the )?(?P<on>[\w-]+))?", text))
    if not match:
        return None
    if match.groupdict().get("mono"):
        return ih.Poly(words_of(match.group("target"), line), 1)
    said = match.groupdict().get("n")
    count = 8 if said is None else int(said) if said.isdigit() else NUMBERS.get(said)
    if count is None:
        return None
    if not 1 <= count <= 16:
        raise LanguageError(f"a voice plays 1 to 16 notes at once, not {count} (out of range)", column_of(str(said), line))
    target = match.group("target") or match.groupdict().get("on")      # none named: the voice in focus
    return ih.Poly(words_of(target, line), count, column_of(target or str(said), line))


def chord_changes(text: str, line: str):
    """'capo 2', 'tritone sub it', 'bass |+ n 12' (Tidal): the chords (or notes) just given, moved."""
    capo = re.fullmatch(r"(?:put (?:a |the )?)?capo (?:on )?(?:fret )?(\d+)", text)
    if capo:
        return ih.MoveNotes(None, int(capo.group(1)), None, column_of(capo.group(1), line), True)
    if re.fullmatch(r"tritone sub(?:stitute|stitution)?(?: it| that| the (?:v|five|dominant|g7|chord))?", text):
        return ih.MoveNotes(None, 6, None, 0, True)
    tidal = re.fullmatch(r"(?P<who>[\w-]+) \|([+-]) n (\d+)", text)
    if tidal:
        sign = 1 if tidal.group(2) == "+" else -1
        return ih.MoveNotes(words_of(tidal.group("who"), line), sign * int(tidal.group(3)), None,
                            column_of(tidal.group("who"), line))
    return None


__all__ = ["loose_progression", "quality_first", "poly", "chord_changes", "without_hold", "COLOUR"]
