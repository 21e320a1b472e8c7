"""Harmony a musician names rather than spells: chords with a name ('the Tristan chord', 'a
German sixth in C minor'), a chord in an inversion or rootless ('second-inversion C major',
'rootless Dm9'), a pedal point, a scale run ('play the d minor scale up'), and a chord changed
in place ('add a 7th on the D', 'make it minor')."""
from __future__ import annotations

import re
from functools import lru_cache

from . import intents_harmony as ih
from .chords import Chord, root_text
from .harmony_tokens import NOTE, NUMBERS, column_of, first_match, words_of

#: Chords known by name: pitch classes, lowest first, above C (Tristan: f b d# g#) or, with
#: `in_key`, above the tonic of the key said or set (a German sixth in C minor: ab c eb f#).
NAMED = {"tristan": ((5, 11, 3, 8), False), "hendrix": ((4, 8, 11, 2, 7), False),
         "so what": ((4, 9, 2, 7, 11), False), "mystic": ((0, 6, 10, 4, 9, 2), False),
         "scriabin": ((0, 6, 10, 4, 9, 2), False), "petrushka": ((0, 4, 7, 6, 10, 1), False),
         "german sixth": ((8, 0, 3, 6), True), "german augmented sixth": ((8, 0, 3, 6), True),
         "italian sixth": ((8, 0, 6), True), "italian augmented sixth": ((8, 0, 6), True),
         "french sixth": ((8, 0, 2, 6), True), "french augmented sixth": ((8, 0, 2, 6), True),
         "neapolitan": ((1, 5, 8), True), "neapolitan sixth": ((5, 8, 1), True)}
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_TARGET = r"(?: on (?:the )?(?P<target>[\w-]+))?"


def _longest_first(words) -> str:
    """An alternation of the words, each as written, the longer first (a regex takes the first that fits)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_NAMED_CHORD = re.compile(rf"(?:play |give me |hold )?(?:an? |the )?(?P<name>{_longest_first(NAMED)})(?: chord)?"
                          rf"(?: in (?P<tonic>{NOTE})(?P<minor> minor|m)?(?: major)?)?{_TARGET}")


def named_chord(text: str, line: str):
    """'the Tristan chord', 'German augmented sixth in C minor' (a key-relative chord without a
    key said is on the session key, else refused by the mapper)."""
    match = _NAMED_CHORD.fullmatch(text)
    if not match:
        return None
    tones, in_key = NAMED[match.group("name")]
    key = (match.group("tonic"), "minor" if match.group("minor") else "major") if match.group("tonic") else None
    return ih.PlayChord(words_of(match.group("target"), line), match.group("name"), column_of(match.group("name"), line),
                        None, tones, in_key, key)


_INVERTED = tuple(re.compile(p) for p in (
    rf"(?:play |give me |hold )?(?:an? |the )?(?P<nth>first|second|third|1st|2nd|3rd)[- ]inversion (?:of )?(?:an? |the )?"
    rf"(?P<chord>[^,]+?)(?: chord)?{_TARGET}"
    rf"(?:,.*)?",
    rf"(?:play |give me |hold )?(?:an? |the )?(?P<chord>[^,]+?)(?: chord| triad)?,? (?:in )?(?P<nth>first|second|third|1st|2nd|3rd)"
    rf" inversion{_TARGET}",
    rf"(?:play |give me |hold )?(?:an? |the )?(?P<chord>[^,]+?)(?: chord| triad)?,? (?:in )?(?P<nth>root) position{_TARGET}",
    rf"(?:play |give me |hold )?(?:an? |the )?(?P<nth>rootless) (?P<chord>[^,\s]+(?: [^,\s-]+)?)(?: chord)?{_TARGET}(?:\s*[-,:].*)?"))


def inverted_chord(text: str, line: str):
    """'second-inversion C major', 'C major in first inversion', 'Abmaj7 first inversion', 'a C triad in root
    position', 'rootless Dm9 - f a c e'."""
    match = first_match(_INVERTED, text) if "inversion" in text or "rootless" in text or "position" in text else None
    if not match:
        return None
    chord = Chord.parse(match.group("chord"))
    if chord is None:
        return None
    nth = match.group("nth")
    voicing = "rootless" if nth == "rootless" else None if nth == "root" else f"inv{_NTH[nth]}"
    return ih.PlayChord(words_of(match.group("target"), line), chord.symbol, column_of(match.group("chord"), line), voicing)


_CHORD_HITS = re.compile(r"(?:make |have |let )?(?:the )?(?P<target>[\w-]+) (?:hit|hits|play|plays|strike|strikes|stab|stabs) "
                         r"(?:an? |the )?(?P<chord>[^,]+?) chords?(?: (?:on )?(?:every|each|all the|on every) [\w\s]+)?")
_EACH_HIT = re.compile(r"\b(?:hits?|stabs?|strikes?|every|each|all the)\b")


def chord_hits(text: str, line: str):
    """'make the bass hit a Cm chord every step it plays': the voice's track keeps its rhythm, each
    hit a chord."""
    match = _CHORD_HITS.fullmatch(text) if "chord" in text else None
    chord = Chord.parse(match.group("chord")) if match else None
    if chord is None or match.group("target") in ("it", "me", "us"):
        return None
    if not _EACH_HIT.search(text):     # 'the pad plays an am7 chord': now
        return ih.PlayChord(words_of(match.group("target"), line), chord.symbol, column_of(match.group("chord"), line))
    return ih.PitchList(words_of(match.group("target"), line), (chord.symbol + "!",), column_of(match.group("chord"), line))


_RETIME = re.compile(r"(?:make |have |let |play |hold )?(?:each|every|the|all the) chords? (?:last |go |play |ring )?(?:for )?(?P<n>\d+|one|two|"
                     r"three|four|eight|half(?: a)?|an?) (?P<unit>bars?|beats?|steps?)(?: each| long)?|(?P<n2>\d+|one|two|three|four|"
                     r"eight|half(?: a)?|an?) (?P<unit2>bars?|beats?) (?:each|per chord|a chord)")


def retime(text: str, line: str):
    """'make each chord last 2 bars', 'two beats each', 'a bar per chord': the last chord track's
    chords again, each held that long."""
    match = _RETIME.fullmatch(text)
    if not match:
        return None
    count = match.group("n") or match.group("n2")
    number = float(count) if count.isdigit() else {"a": 1, "an": 1, "half": 0.5, "half a": 0.5}.get(count) or NUMBERS[count]
    steps = number * {"bar": 16, "beat": 4, "step": 1}[(match.group("unit") or match.group("unit2")).rstrip("s")]
    return ih.Retime(int(steps) if steps == int(steps) else 0, column_of(count, line))


_PEDAL = re.compile(rf"(?:play |give me |put )?(?:an? |the )?pedal(?: point| tone| note)?(?: on| of)? (?P<note>{NOTE}(?:-?\d)?)"
                    rf"(?: (?:on|for|in) (?:the )?(?P<target>[\w-]+))?")


def pedal(text: str, line: str):
    """'pedal point on A', 'a pedal on e for the bass': the voice's track holds one note."""
    match = _PEDAL.fullmatch(text) if "pedal" in text else None
    if not match:
        return None
    return ih.PitchList(words_of(match.group("target"), line), (match.group("note"),), column_of(match.group("note"), line),
                        under=True)


@lru_cache(maxsize=4)
def _scale_run_form(scales: tuple[str, ...]) -> re.Pattern:
    kinds = _longest_first(scales)
    return re.compile(rf"(?:play |run |give me )?(?:(?P<pre>up|down|up and down) )?(?:an? |the )?(?:(?P<tonic>{NOTE}) "
                      rf"(?P<scale>{kinds}) |(?P<kind>{kinds}) )?scale(?: (?:of|in|on|from) (?P<tonic2>{NOTE})"
                      rf"(?: (?P<scale2>{kinds}))?)?(?: (?P<dir>up|down|up and down|ascending|descending))?{_TARGET}")


def scale_run(text: str, line: str, scales: dict):
    """'play the d minor scale', 'run down the scale', 'the a blues scale up and down on the saw':
    the scale's degrees a step each, one octave."""
    match = _scale_run_form(tuple(scales)).fullmatch(text)
    if not match or (match.group("tonic") is None and not re.match(r"(?:play|run) ", text)):
        return None
    direction = match.group("dir") or match.group("pre") or "up"
    key = (match.group("tonic"), scales[match.group("scale")]) if match.group("tonic") else None
    if match.group("tonic2"):                           # 'the pentatonic scale of g major', 'a blues scale on c'
        said = [match.group("scale2"), match.group("kind")]
        if said[1] and said[0] == "major":
            said = said[1:]                             # 'the pentatonic scale of g major': its major pentatonic
        kind = " ".join(w for w in said if w) or "major"
        if kind not in scales:
            return None
        key = (match.group("tonic2"), scales[kind])
    elif match.group("kind") and re.match(r"(?:play|run|give me) (?:an? |the )", text):
        kind = match.group("kind")                      # 'play a pentatonic scale': on the key's tonic (mapper_harmony)
        key = (None, "pentatonic" if kind == "pentatonic" else scales[kind])
    elif match.group("kind"):
        return None
    return ih.Degrees(words_of(match.group("target"), line), (), False, "", key, 0, direction.replace("ascending", "up")
                      .replace("descending", "down"))


_ADDS = {"7th": "7", "seventh": "7", "7": "7", "major 7th": "maj7", "major seventh": "maj7", "maj7": "maj7",
         "9th": "9", "ninth": "9", "9": "9", "6th": "6", "sixth": "6", "6": "6"}
_ADD_TONE = re.compile(rf"(?:add|put|stick) (?:a |the )?(?P<add>{_longest_first(_ADDS)})(?: (?:on|to|onto) (?:the )?"
                       rf"(?P<root>{NOTE})(?: chord)?| (?:on|to|onto) (?:all |every |each )?(?:of )?(?:the |those )?(?:chords?|them|it|both(?: of them)?))?")
_CHANGE_CHORD = re.compile(rf"(?:make|turn|change) (?:it|that|the chords?|them(?: all)?|those|all the chords|every chord|"
                           rf"the (?P<root>{NOTE})(?: chord)?) (?:into |to )?(?:an? |all )?"
                           rf"(?P<to>minor|major|sad|happy|sus4|sus2|suspended|{_longest_first(_ADDS)})(?: chord)?")


#: 'same with 7th chords', 'now as sevenths', 'make them seventh chords', 'add the 7ths': every chord the key's seventh.
_AS_SEVENTHS = re.compile(r"(?:(?:(?:the )?same|again|now|(?:do|play) (?:it|that|them) again)(?: but| again)?,? |"
                          r"(?:make|turn) (?:them|those|the chords|them all|it all) (?:into |in )?|(?:add|put in) (?:the |all the )?)?"
                          r"(?:with |as |in |into |using )?(?:all )?(?:(?:the )?(?:7th|seventh) chords|7ths|sevenths|7s)"
                          r"(?: (?:instead|this time|now))?")


def alter_chord(text: str, line: str):
    """'add a 7th on the D', 'make it a 7th chord', 'make it minor', 'add a 9th': the last chord(s);
    'same with 7th chords': each with the seventh its key gives it."""
    adds = _ADDS
    if _AS_SEVENTHS.fullmatch(text):
        return ih.AlterChord(None, "7th", column_of(re.search(r"7|seven", line, re.I).group(0), line))
    match = _ADD_TONE.fullmatch(text)
    if match:
        root = root_text(match.group("root")) if match.group("root") else None
        change = adds[match.group("add")]
        return ih.AlterChord(root[0] if root else None, "add9" if change == "9" else change,     # 'add a 9th': the 9th alone
                             column_of(match.group("add"), line))
    match = _CHANGE_CHORD.fullmatch(text)
    if match:
        root = root_text(match.group("root")) if match.group("root") else None
        change = adds.get(match.group("to"), {"suspended": "sus4", "sad": "minor", "happy": "major"}.get(match.group("to"),
                                                                                                       match.group("to")))
        return ih.AlterChord(root[0] if root else None, change, column_of(match.group("to"), line))
    return None


__all__ = ["named_chord", "inverted_chord", "chord_hits", "retime", "pedal", "scale_run", "alter_chord", "NAMED"]
