"""Keys in the harmony English: 'in d minor', 'key of e flat', 'we're 4A', 'Phrygian mode on E',
'no key' (→ /seq/key), and changing key ('transpose to the relative major', 'put it in E',
'switch to d minor'). Scale names are engine/scales.py's."""
from __future__ import annotations

import re

from . import intents_harmony as ih
from .chords import root_text
from .errors import LanguageError
from .harmony_sargam import RAAG_SCALES
from .harmony_tokens import NOTE, column_of, first_match, words_of
from .lead_words import LEAD

#: Scale words → the names of engine/scales.py.
SCALE_WORDS = {"major": "major", "maj": "major", "ionian": "major", "minor": "minor", "min": "minor",
               "natural minor": "minor", "aeolian": "minor", "dorian": "dorian", "phrygian": "phrygian",
               "lydian": "lydian", "mixolydian": "mixolydian", "locrian": "locrian",
               "harmonic minor": "harmonic_minor", "melodic minor": "melodic_minor",
               "major pentatonic": "major_pentatonic", "pentatonic major": "major_pentatonic",
               "pentatonic": "major_pentatonic", "minor pentatonic": "minor_pentatonic",
               "pentatonic minor": "minor_pentatonic", "blues": "blues", "chromatic": "chromatic",
               "minor pent": "minor_pentatonic", "major pent": "major_pentatonic", "pent": "major_pentatonic",
               "mixo": "mixolydian", "dor": "dorian", "phryg": "phrygian", "lyd": "lydian", "harm minor": "harmonic_minor",
               "mel minor": "melodic_minor", "jazz minor": "melodic_minor",
               "phrygian dominant": "phrygian_dominant", "spanish phrygian": "phrygian_dominant",
               "freygish": "phrygian_dominant", "double harmonic": "double_harmonic", "byzantine": "double_harmonic",
               "hungarian minor": "hungarian_minor", "gypsy minor": "hungarian_minor",
               "ukrainian dorian": "ukrainian_dorian", "romanian minor": "ukrainian_dorian",
               "whole tone": "whole_tone", "whole-tone": "whole_tone",
               }
#: Maqamat that fit twelve equal semitones, as scales (the quarter-tone ones: QUARTER_TONE_MAQAMAT).
MAQAMAT = {"hijaz": "phrygian_dominant", "hijazkar": "double_harmonic", "hijaz kar": "double_harmonic",
           "nahawand": "harmonic_minor", "kurd": "phrygian", "nikriz": "ukrainian_dorian", "ajam": "major",
           "nawa athar": "hungarian_minor",
           # Turkish makam names of the same scales ('Hicazkar'a geç', 'Kürdi makamı', 'Nihavent')
           "hicaz": "phrygian_dominant", "hicazkar": "double_harmonic", "kürdi": "phrygian", "kurdi": "phrygian",
           "nihavent": "harmonic_minor", "nihavend": "harmonic_minor", "buselik": "aeolian"}
SCALE_WORDS.update(MAQAMAT)
#: Persian dastgahs as a santur tuned with fixed-pitch instruments plays them in twelve semitones (Shur's koron second
#: a half step, Chahargah's augmented seconds kept).
DASTGAHS = {"mahur": "major", "shur": "phrygian", "chahargah": "double_harmonic", "homayoun": "phrygian_dominant",
            "homayun": "phrygian_dominant", "esfahan": "harmonic_minor", "isfahan": "harmonic_minor"}
SCALE_WORDS.update(DASTGAHS)
SCALE_WORDS.update(RAAG_SCALES)             # a thaat said as a key's scale: 'key of d, bhairavi'
#: Maqamat whose scale needs quarter tones: named, then refused (twelve semitones cannot play them).
QUARTER_TONE_MAQAMAT = ("bayati", "rast", "saba", "sikah", "huzam", "iraq", "bayat", "segah", "uşşak", "ussak", "hüzzam")
#: Camelot keys (DJ software): 8B is C major, 8A A minor, one step is a fifth.
CAMELOT = {f"{n}b": k for n, k in zip(range(1, 13), ("b", "f#", "db", "ab", "eb", "bb", "f", "c", "g", "d", "a", "e"))}
CAMELOT.update({f"{n}a": k for n, k in zip(range(1, 13), ("ab", "eb", "bb", "f", "c", "g", "d", "a", "e", "b", "f#", "db"))})
SCALE = "(" + "|".join(sorted(map(re.escape, SCALE_WORDS), key=len, reverse=True)) + r")(?: scale| mode)?"
KEYNOTE = rf"({NOTE})(m\b)?"


def key_of(note: str, minor_m: str | None, scale: str | None) -> tuple[str, str]:
    """('eb', 'major') from 'eb' and an optional scale word ('am' → a minor)."""
    pc = root_text(note)
    tonic = note.lower()
    if pc is None:
        raise LanguageError(f"{note!r} is not a key: a note a–g with # or b, e.g. 'in d minor'")
    return tonic, SCALE_WORDS[scale] if scale else "minor" if minor_m else "major"


_ASK = re.compile(r"(?:what|which)(?:'s| is)?(?: the)?(?: current)? key(?: are we in| is (?:this|it|the song|that)(?: even)? in"
                  r"| is it| do we have)?|key|current key")


_ASK_CHORDS = re.compile(r"(?:what|which)(?: chords?| notes?| progression)(?: is| are| does| do)(?: the| my)?(?: (?P<target>[\w-]+))?"
                         r" (?:playing|play|on)(?: now| right now| at the moment)?|what are the (?:chords|changes)|which chords")


def ask_chords(text: str, line: str):
    """'what chord are the stabs playing?', 'what are the chords': the chords (or notes) said back by name."""
    match = _ASK_CHORDS.fullmatch(" ".join(line.lower().replace("?", " ").split()))    # (as typed: 'do' is no solfège C)
    if match is None:
        return None
    return ih.ShowChords(words_of(match.group("target"), line), column_of(match.group("target") or text, line))


def ask_key(text: str, line: str):
    """'what key are we in', 'which key is this in', 'key?': the key set, as a /shell/show reply."""
    if _ASK.fullmatch(text) and not line.strip().lower() == "key":
        return ih.ShowKey()
    return None


#: A part named before its key ('the bass in g minor'): the key is the session's all the same.
_PART = r"(?:(?:the )?(?:bass|bassline|pad|chords|melody|lead|song|tune|track|beat|riff|organ|keys) )?"
_SECOND_THOUGHT = re.compile(rf"(?P<first>.+?),? (?:no,? |actually,? |i mean,? |or rather )?{SCALE}(?: actually| instead| rather)?")
_KIND_OF_MINOR = {"harmonic": "harmonic_minor", "melodic": "melodic_minor", "natural": "minor", "jazz": "melodic_minor"}
_KIND_SAID = re.compile(rf"(?P<first>.+ minor),? (?P<kind>{'|'.join(_KIND_OF_MINOR)})(?: minor)?")


#: Key signatures: how many flats or sharps → (major, relative minor).
_SIGNATURES = {"flat": ("c f bb eb ab db gb cb".split(), "a d g c f bb eb ab".split()),
               "sharp": ("c g d a e b f# c#".split(), "a e b f# c# g# d# a#".split())}
_HOW_MANY = {w: n for n, w in enumerate("no one two three four five six seven".split())}
_SIGNATURE = re.compile(r"(?:(?:a |the )?key(?: signature)? (?:of |with )?)?(?P<n>no|one|two|three|four|five|six|seven|[0-7]) "
                        r"(?P<acc>flat|sharp)s?(?: in the key| key signature| signature)?(?:,? (?:but |and |in )?(?P<scale>minor|major)"
                        r"(?: key)?)?")


def _signature(text: str, line: str):
    """'three flats, but minor', 'key signature with two sharps': the major key (or its relative minor)."""
    match = _SIGNATURE.fullmatch(text)
    if match is None:
        return None
    count = int(match.group("n")) if match.group("n").isdigit() else _HOW_MANY[match.group("n")]
    minor = match.group("scale") == "minor"
    tonic = _SIGNATURES[match.group("acc")][minor][count]
    return ih.SetKey(tonic, "minor" if minor else "major", column_of(match.group("n"), line))


_QUARTER_TONES = "|".join(QUARTER_TONE_MAQAMAT)
_QUARTER_TONE_SAID = re.compile(rf"\b(?:maqam|makam)\s+({_QUARTER_TONES})\b|"
                                rf"\b({_QUARTER_TONES})\s+(?:maqam|makam|scale|mode|on|from)\b|"
                                rf"^(?:(?:switch|go|change)\s+to\s+)?({_QUARTER_TONES})$")   # ('makam Uşşak', 'Segah' alone)


def read_key(text: str, line: str):
    """'in d minor', 'dorian on d', 'e, phrygian', 'g minor, harmonic', 'key of f minor, dorian actually',
    'three flats, but minor', 'maqam hijaz on d'; a quarter-tone maqam is refused by name."""
    quarter = _QUARTER_TONE_SAID.search(text)
    if quarter:
        name = quarter.group(1) or quarter.group(2) or quarter.group(3)
        raise LanguageError(f"maqam {name} needs quarter tones, which twelve equal semitones cannot play — the "
                            f"maqamat I can play: {', '.join(m for m in MAQAMAT if ' ' not in m)} (e.g. 'maqam hijaz on d'); "
                            f"a voice can be detuned by cents ('detune the sine -50 cents')", column_of(name, line))
    found = _read_key(text, line) or _signature(text, line)
    if isinstance(found, ih.SetKey) and found.tonic and _MOVED_KEY.match(text):
        return ih.ChangeKey(found.tonic, found.scale, None, found.column, or_set=True)   # with notes playing, they move
    if found is not None or "," not in text and " actually" not in text:
        return found
    kind = _KIND_SAID.fullmatch(text)
    if kind:
        said = kind.group("first")
        first = _read_key(said if said.startswith(("in ", "key ")) else f"in {said}", line)   # a kind of minor: a key
        if isinstance(first, ih.SetKey) and first.tonic:
            return ih.SetKey(first.tonic, _KIND_OF_MINOR[kind.group("kind")], first.column)
    again = _SECOND_THOUGHT.fullmatch(text)
    if again:
        first = _read_key(again.group("first").strip(" ,"), line)
        if isinstance(first, ih.SetKey) and first.tonic:       # the scale said last is the one meant
            return ih.SetKey(first.tonic, SCALE_WORDS[again.group(2)], first.column)
    return None


#: 'change the key to f': with a key set and notes playing, the music moves to it (with none set, it is set).
_MOVED_KEY = re.compile(r"(?:change|switch|shift|move) (?:the |our )?(?:song'?s? )?key (?:to )?")
_PART_BEFORE_IN = re.compile(rf"^{_PART}(?=in )")
_NO_KEY = re.compile(r"(?:no|clear the|remove the|forget the|drop the) key|key (?:none|off)|clear key")
#: Keys said tonic first (groups: the tonic, an 'm', the scale word).
_KEY_FORMS = tuple(re.compile(p) for p in (
    rf"(?:(?:set|change|switch|put|shift|move) )?(?:the |our )?(?:(?:song|session|tune|track)'?s? )?key(?: signature)?(?: is| to| of|:|=)?(?: the key of)? "
    rf"{KEYNOTE}(?: {SCALE})?",
    rf"(?:(?:we'?re|we are|it'?s|let'?s (?:go|play|be|stay)|play|stay|everything|put it|go) )?in (?:the key of )?{KEYNOTE} {SCALE}",
    rf"(?:(?:we'?re|we are|let'?s (?:go|play|be)|play|put it|go|it'?s) )?in the key of {KEYNOTE}(?: {SCALE})?",
    rf"(?:we'?re|we are|put us|the song is|the tune is|this (?:song |tune )?is) in {KEYNOTE}(?: {SCALE})?",   # 'put us in A'
    rf"(?:the |this |our |a |my )?(?:song|tune|track|riddim|beat|groove|piece|jam|loop|vamp)(?: is)? in (?:the key of )?"
    rf"{KEYNOTE} {SCALE}",                                                       # 'riddim inna A minor'
    rf"(?:(?:we'?re|we are|it'?s|play|stay|go|put it) )?in ({NOTE})(m)()",
    rf"(?:use |set |make it )?(?:an? |the )?{KEYNOTE} {SCALE} key",
    rf"(?:set ?key|key ?sig)\s+{KEYNOTE}(?: {SCALE})?",
    rf"(?:(?:we'?re|we are|it'?s|let'?s (?:go|play|be|stay)|play|stay|go) )?(?:in )?{KEYNOTE} {SCALE}"))
#: Keys said scale first (groups: the scale word, the tonic, an 'm').
_SCALE_FIRST = tuple(re.compile(p) for p in (
    rf"(?:(?:go|use|play|let'?s go|switch to) )?(?:(?:maqam|makam|dastgah|dastgahe) )?{SCALE}(?: mode| scale| maqam| dastgah)?,? (?:on |in |from )?{KEYNOTE}()",
    rf"scale:? {SCALE},? (?:root|tonic|on) {KEYNOTE}()"))
_PLAYED = re.compile(r"(?:play|hold|strum|sound) ")
_KEYISH = re.compile(r"\b(?:in|key|to)\b")
_KEYISH_OR_SCALE = re.compile(r"\b(?:in|key|to|scale|mode)\b")
_CAMELOT_SAID = re.compile(r"(?:(?:we'?re|we are|it'?s|key|in|set key(?: to)?) )*(?:in )?(1[0-2]|[1-9])([ab])")
_NO_SCALE = re.compile(r"(?:unset|clear|remove|drop|forget) (?:the )?(?:scale|key)|no (?:scale|key)")
_TRIAD_WORDS = ("major", "minor", "maj", "min")


def interval_said(tonic: str, scale: str | None, line: str) -> bool:
    """'a whole tone' with a lower-case 'a' and no scale, mode or key said: the interval ('I mean to A. a whole tone')."""
    return (scale == "whole_tone" and tonic == "a" and re.search(r"(?<![\w'])a whole[- ]tone\b", line) is not None
            and not re.search(r"\b(?:scale|mode|key)\b", line, re.I))


def _read_key(text: str, line: str):
    text = _PART_BEFORE_IN.sub("", text)
    if _NO_KEY.fullmatch(text):
        return ih.SetKey(None)
    match = first_match(_KEY_FORMS, text)
    if match and _PLAYED.match(text) and match.group(3) in _TRIAD_WORDS and not _KEYISH.search(text):
        return None                                        # 'play c major': the chord
    if match and interval_said(match.group(1), SCALE_WORDS.get(match.group(3) or ""), line):
        return None                                        # 'a whole tone': a step up or down, not the key of A
    if match and match.group(3) in _TRIAD_WORDS and not _KEYISH_OR_SCALE.search(text):
        tonic, scale = key_of(*match.groups())              # 'now g major': the mapper knows what came before
        return ih.KeyOrChord(tonic, scale, tonic + ("m" if scale == "minor" else ""), column_of(match.group(1), line))
    if not match:
        match = first_match(_SCALE_FIRST, text)
        if match and match.group(1) == "blues" and "scale" not in text:
            return None                                    # 'blues in A': a twelve-bar blues, not the blues scale
        if match:
            return ih.SetKey(match.group(2), SCALE_WORDS[match.group(1)], column_of(match.group(2), line))
        camelot = _CAMELOT_SAID.fullmatch(text)
        if camelot:
            tonic = CAMELOT[camelot.group(1) + camelot.group(2)]
            return ih.SetKey(tonic, "minor" if camelot.group(2) == "a" else "major", 0)
        if _NO_SCALE.fullmatch(text):
            return ih.SetKey(None)
        return None
    tonic, scale = key_of(*match.groups())
    return ih.SetKey(tonic, scale, column_of(match.group(1), line))


#: Ways to change key to a named one: (pattern, whether 'switch to d minor' only sets a key when none was set).
_TO_KEY = tuple((re.compile(pattern), or_set) for pattern, or_set in (
    (rf"(?:transpose|modulate|move|shift|take)(?: it| it all| all| everything| the song| the tune| the track| the music| the whole thing"
     rf"| the key)?(?: in)? ?to (?:the key of )?{KEYNOTE}(?: {SCALE})?(?: key)?(?: going (?:up|down))?", False),
    (rf"(?:switch|change|go|move|modulate)(?: over)? to (?:the key of )?{KEYNOTE} {SCALE}(?: key)?", True),
    (rf"(?:(?:put|play|take|move|have|do|i'?d like|i would like|i want|can we have|could we have) )?(?:it|this|that|everything|"
     rf"the song|the tune|the music|the piece|the track|the whole thing|the chords|the progression|the changes|"
     rf"the bass ?line|the bass|the riff|the melody|"
     rf"the loop|the vamp|the (?:[1-7][ -]?){{2,4}}|the (?:(?:vii|vi|iv|v|iii|ii|i)[ -]?){{2,4}})"
     rf" (?:in|into|in the key of) {KEYNOTE}(?: {SCALE})?(?: instead)?", False),
    (rf"(?:go |move |bring it |take it |put it |now )?back(?: up| down)? (?:in)?to (?:the key of )?{KEYNOTE}(?: {SCALE})?"
     rf"(?: key)?", False),                                  # 'back down to Ab'
    (rf"(?:(?:play|do) )?(?:(?:it|that|this|the [\w-]+) )?(?:(?:the )?same(?: thing| again| line| chords| song| tune| riff| vamp|"
     rf" progression| notes)?|again|once more|[\w-]+ again)(?:,? (?:but|only|just))? (?:now )?in {KEYNOTE}(?: {SCALE})?(?: now)?",
     False),                                                 # 'vamp again but in F', 'same thing in G': moved there
    (rf"(?:the )?[\w-]+ in {KEYNOTE}(?: {SCALE})?,? (?:now,? )?(?:the )?same (?:line|notes|riff|pattern|thing|tune)", False),
))
#: What names the lines of notes themselves ('transpose all to C#', 'put the bassline in F minor').
_LINE_NAMED = re.compile(r"^\w+ (?:it all|all|everything|the bass ?line|the bass|the riff|the melody)\b")
_RELATIVE = re.compile(r"(?:(?:transpose|modulate|move|shift|take|go|switch)(?: it| everything| the song| the tune| the track| "
                       r"the music| the whole thing)?(?: over)?(?: in)? ?to )?(?:the |its )?(relative|parallel) (major|minor)(?: key)?")
#: 'a minor version', 'same in major': the parallel key, every note track moved.
_VERSION = re.compile(r"(?:(?:play|do|give me|let's do|lets do|now|try) )?(?:an? |the )?(major|minor) version(?: of (?:it|that|this|"
                      r"the (?:song|tune|progression|chords|piece)))?|(?:same|same thing|again|do it|play it|now) in (major|minor)")
#: 'modulate to the dominant', 'go to the subdominant': the key a fifth up or a fourth up, its scale kept.
_FIFTH_AWAY = re.compile(r"(?:(?:transpose|modulate|move|shift|take|go|switch)(?: it| everything| the song| the tune| the music|"
                         r" the key)? to |now )?(?:the )?(dominant|subdominant)(?: key)?")
#: 'change the mode to mixolydian': the tonic kept, the scale changed.
_MODE_TO = re.compile(rf"(?:(?:change|set|switch|make|turn)(?: the)? (?:mode|scale) (?:to|into)|(?:switch|change|go|move|modulate)"
                      rf"(?: over)? to) (?:the )?(?P<scale>{SCALE})(?: mode| scale)?")   # ('switch to dorian', 'go to hijazkar')


#: 'bass in G now, same line': the line of notes is what says the key it is in now.
_SAME_LINE = re.compile(r"\bsame (?:line|notes|riff|pattern)\b")
#: A mode said alone ('actually lydian', 'dorian instead', 'make it mixolydian'): the key set's tonic in that mode.
_MODES = {word: scale for word, scale in SCALE_WORDS.items()
          if scale in ("dorian", "phrygian", "lydian", "mixolydian", "locrian") or word in ("ionian", "aeolian")
          or word in MAQAMAT or word in DASTGAHS}           # ('hijazkar instead', 'Hicaz')
_MODE_ALONE = re.compile(r"(?:(?:no|nah|actually|sorry|i mean|make it|let'?s do|lets do|try|now|in|more),? )*(?:the )?(?P<mode>"
                         + "|".join(_MODES) + r")(?: mode| scale)?(?: (?:actually|instead|rather|please|then|now))*")


def read_mode(text: str, line: str):
    """'actually lydian', 'dorian instead': the key set, its tonic kept, in that mode (nothing moves)."""
    found = _MODE_ALONE.fullmatch(text)
    return ih.SetMode(_MODES[found["mode"]], column_of(found["mode"], line)) if found else None


#: A key change said as moving the music ('transpose to the relative minor'): its notes are recast in the new key even
#: when the key has the same notes (else, 'modulate to the relative major', the key alone changes).
_TRANSPOSING = re.compile(r"(?:transpose|move|shift|take)\b")
#: Second thoughts before a key change ('no, back to C', 'hmm actually put it in E'): the change is the command.
_SECOND_THOUGHTS = re.compile(rf"^{LEAD}")


def change_key(text: str, line: str):
    """'transpose to the relative major', 'transpose to g minor', 'switch to d minor', 'put it in E'."""
    text = _SECOND_THOUGHTS.sub("", text)
    transposed = bool(_TRANSPOSING.match(text))
    match = _RELATIVE.fullmatch(text)
    if match:
        return ih.ChangeKey(None, match.group(2), match.group(1), transposed=transposed)
    match = _VERSION.fullmatch(text)
    if match:
        scale = match.group(1) or match.group(2)
        return ih.ChangeKey(None, scale, "parallel", column_of(scale, line))
    match = _FIFTH_AWAY.fullmatch(text)
    if match:
        return ih.ChangeKey(None, None, "interval", column_of(match.group(1), line),
                            semitones=7 if match.group(1) == "dominant" else 5)
    match = _MODE_TO.fullmatch(text)
    if match and match.group("scale") in SCALE_WORDS:
        return ih.ChangeKey(None, SCALE_WORDS[match.group("scale")], "parallel", column_of(match.group("scale"), line))
    for pattern, or_set in _TO_KEY:
        match = pattern.fullmatch(text)
        if match:
            note, minor_m, scale = match.groups()
            way = re.search(r" going (up|down)$", text)                  # 'up to F' (harmony_text): up, not the nearer
            return ih.ChangeKey(note, SCALE_WORDS[scale] if scale else "minor" if minor_m else None, None,
                                column_of(note, line), or_set, lines=bool(_LINE_NAMED.search(text) or _SAME_LINE.search(text)),
                                way=(1 if way.group(1) == "up" else -1) if way else 0, transposed=transposed)
    return None


__all__ = ["interval_said", "SCALE_WORDS", "SCALE", "KEYNOTE", "CAMELOT", "key_of", "ask_key", "ask_chords", "read_key", "change_key", "read_mode"]
