"""The harmony English → intents (issue 14), read before the grammar.

Chord symbols and bare note letters are ordinary words to the Lark grammar ('a' is even an
article there), so these forms are recognised here, whole lines only, each by one anchored
pattern: a line that is not one of them returns None and goes to the grammar unchanged. What a
token means is decided here (a note, a chord, a degree); octaves, keys and voicings need the
patch and are mapper_harmony's.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..engine.catalogue import CATALOGUE
from . import intents as it
from . import intents_harmony as ih
from .chords import Chord, chord_error, root_text
from .errors import LanguageError
from .harmony_sentence_keys import read_key_sentence
from .harmony_sentences import read_sentence
from .harmony_sargam import needs_sa
from .harmony_text import cleaned
from .harmony_moves import read_move
from .named_parts import for_a_named_part
from .harmony_pitches import added_interval, interval, neighbour
from .chord_rhythms import chord_rhythm, with_rhythm
from .harmony_readings import kept_around, landed_move, moved_for_a_reason
from .parser_harmony_changes import arpeggiate, chord_changes, poly, revoice, singers_range, swapped_chord
from .parser_harmony_keys import KEYNOTE, QUARTER_TONE_MAQAMAT, SCALE, SCALE_WORDS, ask_chords, ask_key, change_key, key_of, read_key, read_mode
from .parser_harmony_runs import alberti, chromatic_walk, named_dyad, played_scale, scale_run_heard, turned_run, vamp
from .parser_harmony_named import alter_chord, chord_hits, inverted_chord, named_chord, pedal, retime
from .harmony_tokens import (CHORDISH, NOTE, NUMBERS, chord_list, column_of, first_match, has_quality, ninth_chords,
                             not_a_note, register_said, without_hold, words_of, written_notes)

_TARGET = r"(?:\s+(?:on|for|to)\s+(?:the\s+)?(?P<target>[\w\s-]+?))?"
_SEP = re.compile(r"\s*(?:,|;|\band then\b|\bthen\b)\s*", re.I)
_AND = re.compile(r" and (?:then )?")


def harmony_intent(line: str):
    """The intent of a harmony phrase, a Sequence when harmony is one part of several, else None."""
    if _LETTER_CHORD.fullmatch(line.strip()):
        line = f"{line.strip().rstrip('.!')} chord"    # 'A', 'Now, F': a chord letter alone (worth reading)
    if not _worth_reading(line) or _ASKED.match(line.strip()):
        return None                                    # ('Am I in tune?': a question, not A minor)
    if needs_sa(line.lower()):
        return ih.SargamOnKey(line.strip())             # Sa from the session key (mapper_key_changes.sargam_on_key)
    said, rhythm = chord_rhythm(line)                  # (from the line as typed: a pattern's last '.' is no full stop)
    sung = singers_range(" ".join(said.lower().replace("’", "'").rstrip(".!?").split()), line)
    if sung is not None:
        return sung                                    # ('for the choir' is no remark to leave out here)
    if letter := _LETTER_CHORD.fullmatch(said.strip()):
        said = f"{letter['upper'] or letter['lower']} chord"     # 'And now an F, if you would.': a chord, as charts say
    text = cleaned(said)
    memo: dict = {}
    try:
        intent = landed_move(text, line, _single) or _single(text, line)
    except LanguageError:
        several = moved_for_a_reason(text, line, _single) or _several(text, line, memo)
        if several is None:
            raise
        return with_rhythm(several, rhythm)
    intent = intent if intent is not None else moved_for_a_reason(text, line, _single) or _several(text, line, memo)
    return kept_around(intent, said, rhythm)


#: Words that make a line worth reading as harmony (with chord symbols, note letters b–g, numerals).
_SIGNALS = frozenset("notes note melody scale degrees degree chord chords progression changes arp arpeggio arpeggiate arpeggiator unarpeggiate key "
                     "minor major octave octaves semitone semitones semis semi st step steps fifth fourth third capo tritone poly "
                     "polyphonic mono monophonic voices pedal voicing voicings voice invert inversion rootless root "
                     "seventh sevenths 7th 7ths 9th ninth blues vamp loop relative parallel transpose modulate tune "
                     "pent mixo dorian phrygian lydian mixolydian locrian aeolian ionian pentatonic chromatic sixth "
                     "neapolitan tristan german italian french hendrix augmented diminished suspended sus strum barre "
                     "cadential 808 808s bassline walk triad cadence progression each tone tones tritone second "
                     "harmonic melodic drone droning halftone halftones quint quinte quart dominant subdominant mode "
                       "quarte quinte tierce sixte demi-ton mayor menor acorde acordes tonality tonalidad arpegio escala bemol sostenido re mi fa sol descending ascending "
                       "downwards upwards flats sharps sad happy vamp vamping alberti stay hang bassline nashville chart royal komuro "
                       "marunouchi backdoor canon turnaround meio sa komal tivra teevra raag rag raga thaat sargam dur moll majeur mineur "
                       "maggiore minore maior dièse diesis bémol tonalité tonalità accordi accords ré lá dó fá sus2 sus4 power "
                       "choir singer singers sing vocalist vocalists vocals soprano sopranos alto altos tenor tenors basses "
                       "baritone baritones congregation".split()) | {word for word in SCALE_WORDS if " " not in word and len(word) > 3} \
    | {"maqam", "makam", *QUARTER_TONE_MAQAMAT}   # ('hijazkar', 'makam Uşşak': refused by name)


def _worth_reading(line: str) -> bool:
    """Cheap first look, so the lines of the rest of the language pay little for harmony."""
    lowered = line.lower()
    if "|+" in line or "|-" in line or ":" in line or _NOTES_OR_DEGREES.search(lowered):
        return True
    return any(_signal(token.strip("-–'")) for token in _WORDS.findall(lowered))


_WORDS = re.compile(r"[\w#'+°ø/–-]+")
#: A chord letter alone, typed as a capital ('F', 'now a G') or after 'an' ('an e'): the major chord.
_QUALITY = r"(?:maj7|m7|m|min|7|dim|aug|sus2|sus4|6|9)"
_LETTER_CHORD = re.compile(rf"(?:(?i:and|now|then|ok|okay),?\s+)*(?:(?i:an?\s+)?(?P<upper>[A-G][#b]?{_QUALITY}?)|(?i:an)\s+(?P<lower>[aef][#b]?{_QUALITY}?))"
                           r"(?:,?\s+(?:if you would|if you please|please))?[.!]?")
_ASKED = re.compile(r"^(?:am\s+i|are\s+we|is\s+(?:it|this|that))\s+(?!(?:i|ii|iii|iv|v|vi|vii)\b)", re.I)
_NOTES_OR_DEGREES = re.compile(r'\ban a(?=$|[\s#b,.!?])|\bn\s+"|\b(?:up|down)\s+(?:a|one)\s+half\b|\b(?:12|twelve)[- ]bar\b|\bin [a-g](?:#|b)?[.!]?$|[a-g]\d?\+[a-g]|(?:^|\s)[1-8](?:[\s,-]+[1-8.]){2,}$|'
                               r'(?:^|\s)[a-g][#b]?\d\s.*\s[a-g][#b]?\d(?:\s|$)|\son\s[a-g][#b]?\d$|^(?:add|put|stick)\s(?:a\s|the\s)?[679]\b|'
                               r'^(?:go|move|walk|head) (?:on |up |down )?to the [1-7]$|\b(?:low|deep) (?:note )?[a-g](?:#|b)?(?: |$)|\bwith (?:an? |the )?(?:note )?[a-g][#b]?\d$')
_SIGNAL_SHAPES = re.compile(r"(?:1[0-2]|[1-9])[ab]|(?:b|#)?(?:vii|vi|iv|iii|ii)\S*|[iv]+7|[b#]?[1-7]m7?|"   # 6m: Nashville
                            r"[a-h](?:is|es|s)?-(?:dur|moll)")                                      # fis-moll: German


#: A part after the command that only says what it is like ('…, like capo 2', '…, as in the demo').
_ANALOGY = re.compile(r"(?:like|as in|as if|as on|the way)\b")


@lru_cache(maxsize=8192)
def _signal(token: str) -> bool:
    if token in _SIGNALS or _SIGNAL_SHAPES.fullmatch(token):
        return True
    return token not in ("a", "add", "dim") and token[:1] in "abcdefg" and bool(root_text(token) or Chord.parse(token))


def _several(text: str, line: str, memo: dict):
    """'in d minor, notes 1 3 5 8', 'add a saw and loop am f c g': the parts, harmony read here
    and the rest by the grammar — only commands that cannot be a remark ('its too high' is one)."""
    for split in (_and_split(text, memo), [p for p in _SEP.split(text) if p]):
        if len(split) < 2:
            continue                                 # one part: the whole line, read already
        split = split[:1] + [p for p in split[1:] if not _ANALOGY.match(p.strip())]   # 'up a tone, like capo 2'
        if len(split) == 1:
            return _quiet(split[0], line, memo)
        found = [_quiet(p, line, memo) for p in split]
        if not any(found):
            continue
        items = _lengths_joined([intent if intent is not None else _plain_part(part) for part, intent in zip(split, found)])
        if all(item is not None for item in items):
            return it.Sequence(tuple(i for item in items for i in (item.items if isinstance(item, it.Sequence) else (item,))))
    return None


def _lengths_joined(items: list) -> list:
    """'sine notes ab eb f db, a bar each', 'Am G F E, like la malagueña, two bars each': the length is the
    notes' or the chords' said before it (each that long), never a retiming of the track afterwards."""
    joined = []
    for item in items:
        if isinstance(item, ih.Retime) and joined and isinstance(joined[-1], ih.PitchList) and not joined[-1].steps:
            joined[-1] = replace(joined[-1], steps=item.steps)
        elif isinstance(item, ih.Retime) and item.steps and joined and isinstance(joined[-1], it.SetNotes):
            notes = joined[-1]                        # 'bass notes c2 g1, a bar each': those notes, never the chords retimed
            joined[-1] = ih.PitchList(notes.target, tuple(w.text for w in notes.notes), notes.column, None, item.steps)
        elif isinstance(item, ih.Retime) and item.steps and joined and isinstance(joined[-1], ih.Progression):
            joined[-1] = replace(joined[-1], steps=item.steps)
        else:
            joined.append(item)
    return joined


def _and_split(text: str, memo: dict) -> list[str]:
    """'throw a saw on and loop fm db ab eb': at the last 'and' whose right side is harmony."""
    for match in reversed(list(_AND.finditer(text))):
        if _quiet(text[match.end():], text, memo) is not None:
            return [text[:match.start()], text[match.end():]]
    return []


#: Commands a part of a harmony line may be besides harmony (never a comparative: a remark).
_PLAIN_PARTS = (it.AddModule, it.AddTo, it.Fixed, it.Tempo, it.Swing, it.Stop, it.SetParam, it.PlayPattern,
                it.MuteTrack, it.Mute)


_SLANG_ADD = re.compile(r"^(?:throw|stick|slap|chuck|get|put) (an? [\w-]+) (?:on|in|up|going)$")


def _plain_part(part: str):
    from .parser_grammar import parse_plain             # the other parts are read the usual way
    part = _SLANG_ADD.sub(r"add \1", part)
    try:
        intent = parse_plain(part)
    except LanguageError:
        return None
    items = intent.items if isinstance(intent, it.Sequence) else (intent,)
    return intent if all(isinstance(i, _PLAIN_PARTS) for i in items) else None


def _quiet(part: str, line: str, memo: dict):
    """A part of a line read as harmony, or None (its error is the grammar's to give); each part read
    once a line (`memo`: the splits try the same parts)."""
    if (part, line) not in memo:
        try:
            memo[part, line] = _single(part, line)
        except LanguageError:
            memo[part, line] = None
    return memo[part, line]


def _single(text: str, line: str):
    for reader in (played_scale, swapped_chord, ask_key, ask_chords, read_key, read_mode, read_key_sentence, change_key, read_move, revoice, turned_run, chromatic_walk, vamp,
                   alberti, named_dyad, arpeggiate, _random, interval, added_interval, neighbour, named_chord, inverted_chord, alter_chord, chord_hits,
                   retime, pedal, scale_run_heard, read_sentence, _play, _notes, chord_changes, poly, _one_note):
        intent = reader(text, line)
        if intent is not None:
            return intent
    return for_a_named_part(text, line, _single)   # '… on the bed': a part of the musician's naming


_ONE_NOTE = re.compile(r"play [a-g](?:#|b)?\d(?: on the [\w-]+)?")


def _one_note(text: str, line: str):
    """One note with its octave, as the tidying left 'a low A on the sine' or 'sine drone on A2': the grammar's."""
    if _ONE_NOTE.fullmatch(text):
        from .parser_grammar import parse_plain
        return parse_plain(text)
    return None


# -- chords -----------------------------------------------------------------------------------


_DURATION = re.compile(r"(?:,\s*)?(?:(?:one |a )?(?:chord )?(?:every|each|per|a(?!\s+(?:\d|one|two|three|four|eight)\b)|for|lasting)\s+(?P<n1>\d+|one|two|three|four|eight|half(?: a)?)?\s*"
                       r"(?P<u1>bars?|beats?|steps?|measures?)(?: each)?|(?P<n2>\d+|one|two|three|four|eight|half(?: a)?)\s+(?P<u2>bars?|beats?|"
                       r"steps?|measures?)\s+(?:each|per chord|a chord|apiece)|(?P<n3>two|2|four|4) (?:chords )?(?:a|per) bar|(?P<u3>bar|beat) each)$")


_AT = re.compile(r" at(?= (?:half|one|a|two|\d))")
_LEADING = re.compile(r"^(?:(?:one|a) )?chords? (?:a|per|every|each) (bar|beat|half bar)[:,]? ")


def _steps(text: str) -> tuple[str, float | None]:
    """The text without its duration ('every 2 beats' after, 'one chord a bar:' before) and the
    steps a chord lasts."""
    text = _AT.sub("", text)
    lead = _LEADING.match(text)
    if lead:
        return "chords " + text[lead.end():], {"bar": 16, "beat": 4, "half bar": 8}[lead.group(1)]
    match = _DURATION.search(text)
    if not match:
        return text, None
    if match.group("n3"):
        return text[:match.start()].strip(), 16 / int(NUMBERS.get(match.group("n3"), match.group("n3")))
    count = match.group("n1") or match.group("n2") or "1"
    unit = (match.group("u1") or match.group("u2") or match.group("u3")).rstrip("s")
    number = float(count) if count.isdigit() else NUMBERS[count.replace(" a", "")]
    return text[:match.start()].strip(), number * {"bar": 16, "measure": 16, "beat": 4, "step": 1}[unit]


def _chord_steps(steps: float | None, line: str) -> int:
    """The steps a chord lasts (a bar when not said), or one line when it is not whole steps."""
    if steps is None:
        return 16
    if steps != int(steps) or not 1 <= steps <= 256:
        raise LanguageError(f"a chord lasts a whole number of sixteenth steps (1–256), not {steps:g}", 0)
    return int(steps)


_OPEN = re.compile(r"\b(?:open|wide|spread)\b")
_SIZE_WORDS = re.compile(r"\b(?:big|barre|nice|fat|lush|wide|open|spread|full|soft|gentle|warm|sweet|pretty|lovely|"
                         r"beautiful|simple|sustained|long)\s+(?=\S)")
_CHORD_KIND = re.compile(r"\s+(?:barre|open|triad)(?= chord)")
#: A chord played: '(play) <chord> chord', 'the chord of <chord>', 'play <chord>', '<chord symbol> (on <voice>)'.
_PLAYED_CHORD = tuple(re.compile(p) for p in (
    r"(?:(?:play|hold|strum|sound|give me|hit)(?: me)? |(?=an? |the |[a-g]))(?P<chord>.+?) (?:chord|triad)" + _TARGET,
    r"(?:(?:play|hold|strum|hit) )?(?:the |a )?chord (?:of )?(?!progression)(?P<chord>.+?)" + _TARGET,
    r"(?:play|hold|strum|gimme|give me|sound) (?P<chord>.+?)" + _TARGET,
    r"(?P<chord>[a-g](?:#|b)?(?=\S)[^\s]*(?: over [a-g](?:#|b)?)?)(?: on (?:the )?(?P<target>[\w-]+))?"))
_GIVEN_CHORD = re.compile(r"(?:give |set )?(?:the )?(?!(?:add|new|create|insert|remove|delete|kill|load|save|record|"
                          r"mute|unmute|solo|drop|make)\b)(?P<target>[\w-]+) (?:an? )?(?P<chord>[a-g](?:#|b)?\S+)")
_CHORD_WORD = re.compile(r"\b(?:chord|triad)\b")
_NUMERAL = re.compile(r"(?:an? |the )?((?:b|#)?(?:vii|vi|iv|v|iii|ii|i)(?:°|dim|\+|aug|maj7|7|64|6|ø)?)")
_ARTICLE = re.compile(r"^(?:an?|the|some) ")
_THE_OR_A = re.compile(r"^(?:an?|the) ")
_STRUMMED = re.compile(r"(?:strum|gimme|give me) ")
_SOUNDED = re.compile(r"(?:play|hold|sound) ")
_PLAYED = re.compile(r"(?:play|hold|strum|sound) ")
_TRIAD_NAMED = re.compile(r"\s(?:major|minor|maj|min)$")
_DESCRIBED = re.compile(r"\b(?:major|minor|random|new|different|some|nice|big|sad|happy)\b")


def _play(text: str, line: str):
    text = without_hold(text)
    voicing = "open" if _OPEN.search(text) else None
    text = _CHORD_KIND.sub("", _SIZE_WORDS.sub("", text))
    match = first_match(_PLAYED_CHORD, text)
    if not match:
        match = _GIVEN_CHORD.fullmatch(text)
        if not match or Chord.parse(match.group("chord")) is None or not has_quality([Chord.parse(match.group("chord")).symbol]):
            return None                                    # 'give the pad an fmaj7', 'pad fmaj7'
    said = match.group("chord")
    forced = _CHORD_WORD.search(text) is not None
    numeral = _NUMERAL.fullmatch(said)
    if numeral and (forced or not numeral.group(1).lower() in ("i", "v", "vi")):
        typed = re.search(rf"(?<![\w#]){re.escape(numeral.group(1))}(?![\w])", line, re.I)
        return ih.PlayChord(words_of(match.group("target"), line), "deg:" + (typed.group(0) if typed else numeral.group(1)),
                            column_of(numeral.group(1), line))
    if forced and said in ("a", "an", "the", "some", "one", "any", "that", "this", "it", "that one"):
        raise LanguageError("which chord? e.g. 'play an A minor chord', 'play am7', 'play a C major 7 chord'",
                            column_of(said, line))
    if not forced and _OCTAVED.fullmatch(said):
        return None                                        # 'play c6': the note (the grammar's)
    for candidate in (said, _ARTICLE.sub("", said)):
        chord = Chord.parse(candidate)
        if chord is None:
            continue
        strummed = voicing or _STRUMMED.match(text)
        if not forced and not strummed and root_text(candidate) is not None:   # 'play e': the note
            if not _SOUNDED.match(text):
                return None                                            # a letter alone is no command
            return ih.PlayPitch(words_of(match.group("target"), line), candidate, False, column_of(candidate, line),
                                register_said(text))
        named = _TRIAD_NAMED.search(candidate) and _PLAYED.match(text)
        if not forced and not strummed and not (has_quality([chord.symbol]) or "/" in chord.symbol or named):
            return None
        return ih.PlayChord(words_of(match.group("target"), line), chord.symbol, column_of(candidate, line), voicing)
    if forced and not _DESCRIBED.search(said):
        raise chord_error(_THE_OR_A.sub("", said), column_of(said, line))
    return None


# -- notes, degrees, random notes -------------------------------------------------------------
#: Tracks whose numbers are steps or beats, never degrees ('kick 1 5 9 13').
_DRUM_WORDS = (r"(?:kick|kicks|bd|snare|snares|sd|hat|hats|hihat|hihats|hi-hats?|clap|claps|drums?|perc|rim|toms?|ride|crash|"
               r"cowbell|tempo|bpm|swing|seed|master|chance|speed|shift|step|steps|beats?|go|play|then|now|so|just|and|chords?)\b")
_TOKEN = re.compile(rf"{NOTE}(?:-?\d)?|\.|-|_|rest|\d+")
_OCTAVED = re.compile(rf"{NOTE}-?\d")
_LABELLED = re.compile(r"(?:walk |give |set |put (?:a |some )?(?:little |short )?(?P<melody>melody )?(?:on |for )?)?(?:the )?"
                       r"(?P<target>[\w-]+)(?: (?:notes|line|melody))?: (?:(?:scale )?degrees |notes |n )?(?P<list>.+)")
_CHORDS_SAID = re.compile(r"\b(?:chords?|progression)\b")
_THEN = re.compile(r",? then,?|,")
#: A list of notes or degrees: '(the) <voice> notes <list> (on <voice>)', '<voice> 1 5 6 4'.
_NOTE_LISTS = (
    re.compile(r"(?:(?:set|give|play) )?(?:the )?(?:(?P<target>[\w-]+(?: [\w-]+)?) )?(?:notes?|melody|plays|degrees|scale degrees)"
               r"(?: (?:are|is|to|of))?:? (?P<list>[^:]+?)" + _TARGET.replace("target", "on")),
    re.compile(rf"(?:(?:play|give) )?(?:the )?(?P<target>(?!{_DRUM_WORDS})[a-z][\w-]*) (?P<list>[1-8](?: (?:[1-8]|\.)){{2,}})(?P<on>)"))
#: Params by name ('decay 1 2 3' sets no degrees).
_PARAM_NAMES = frozenset(param.name for entry in CATALOGUE.values() for param in entry.spec.params)
_TIDAL_NOTES = re.compile(r"\bn\s+\"")
_MELODY = re.compile(r"\bmelody\b")


def _notes(text: str, line: str):
    colon = _LABELLED.fullmatch(text)
    if colon and colon.group("target") in _PARAM_NAMES:
        return None                                        # 'decay: 2', 'resonance: 3': a setting, not degrees
    if colon and not _CHORDS_SAID.search(colon.group("list")):
        listed = _THEN.sub(" ", colon.group("list"))
        named = "melody " if colon.group("melody") else ""
        found = _notes(f"{colon.group('target')} {named or 'notes '}{listed}".replace("melody ", "melody "), line)
        return found
    match = first_match(_NOTE_LISTS, text)
    if not match or match.group("target") in _PARAM_NAMES:
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
        base = 1 if _TIDAL_NOTES.search(line) else 0            # Tidal counts degrees from 0
        return ih.Degrees(words_of(target, line), tuple("." if not t.isdigit() else str(int(t) + base) for t in tokens),
                          column=column_of(match.group("list"), line))
    tidal = _TIDAL_NOTES.search(line) is not None         # Tidal: n "…" is one cycle (a bar)
    if all(_OCTAVED.fullmatch(t) or t in (".", "-", "_", "rest", "~") for t in tokens) and not tidal and \
            not ninth_chords(tokens, line):                                       # ('c9 f9': chords, no notes up there)
        return written_notes(target, tokens, line) if ":" in line else None   # the grammar's notes ('x: …': its own)
    body, steps = _steps(match.group("list"))
    chords = chord_list(body)
    if chords and has_quality(chords) and not any(_OCTAVED.fullmatch(t) and t[-1] not in "79" for t in tokens):   # (A7, G9)
        if tidal and steps is None and 16 % len(chords) == 0:
            steps = 16 // len(chords)
        return ih.Progression(words_of(target, line), tuple(chords), _chord_steps(steps, line), column_of(body, line))
    read = []
    for token in body.replace(",", " ").split():             # (the length said after them: `steps`)
        if _TOKEN.fullmatch(token) and not token.isdigit():
            read.append("." if token in ("-", "_", "rest") else token)
        elif "+" in token and all(_OCTAVED.fullmatch(p) for p in token.split("+")):
            read.append(token + "!")                               # 'a3+c4+e4': a chord as the sequencer writes it
        elif Chord.parse(token) is not None:
            read.append(Chord.parse(token).symbol + "!")           # '!': a chord, not a note
        elif CHORDISH.fullmatch(token):                           # meant as a note or a chord
            raise (not_a_note if token[-1].isdigit() else chord_error)(token, column_of(token, line))
        else:
            return None                                            # other words: not a list of notes
    name = "melody" if _MELODY.search(text) else None
    each = int(steps) if steps and steps == int(steps) else 0          # 'c2 g1 c2 g1, a bar each': each note that long
    return ih.PitchList(words_of(target, line), tuple(read), column_of(match.group("list"), line), name, each)


_RANDOM = re.compile(r"(?:play |give me |make |generate |add )?(?:some |a few )?(?:random|randomi[sz]ed) (?:notes|melody|pitches)"
                     rf"(?: (?:in|from|of) (?:the )?(?:scale|key)| (?:in|from) (?:the key of )?{KEYNOTE}(?: {SCALE})?)?" + _TARGET)


def _random(text: str, line: str):
    if "random" not in text:
        return None
    match = _RANDOM.fullmatch(text)
    if not match:
        return None
    key = key_of(match.group(1), match.group(2), match.group(3)) if match.group(1) else None
    return ih.Degrees(words_of(match.group("target"), line), (), True, text, key)


__all__ = ["harmony_intent", "SCALE_WORDS", "key_of"]
