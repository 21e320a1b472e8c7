"""Scales as a pianist asks for them: where the run starts and how far it goes ('a C major scale in
sixteenth notes, one octave up from middle C', 'a chromatic scale from C4 to C5', 'the g minor scale
over two octaves'), and a line played the other way ('descending now', 'arp going down instead').
The scale itself is parser_harmony_named.scale_run's; the clauses around it are read here."""
from __future__ import annotations

import re
from dataclasses import replace

from . import intents_harmony as ih
from .chords import name, root_text, token_pitches
from .errors import LanguageError
from .harmony_constituents import RATES
from .harmony_tokens import NOTE, column_of, words_of
from .parser_harmony_keys import SCALE_WORDS
from .parser_harmony_named import scale_run

_COUNT = {"one": 1, "an": 1, "a": 1, "1": 1, "two": 2, "2": 2, "three": 3, "3": 3}
#: Clauses of a run, taken out before the scale is read (each at most once).
_START = re.compile(rf",?\s*(?:(?:starting|beginning) )?(?:from|on|at) (?P<start>middle c|{NOTE}-?\d)(?= |,|$)")
_END = re.compile(rf"\s+(?:up |down )?to (?P<end>{NOTE}-?\d)(?= |,|$)")
_SPAN = re.compile(r",?\s*(?:over |across |for )?(?P<n>one|two|three|an|a|1|2|3) octaves?(?: (?P<dir>up|down))?(?= |,|$)")
_RATE = re.compile(r",?\s*(?:in |as )?(?P<rate>" + "|".join(sorted(map(re.escape, RATES), key=len, reverse=True)) +
                   r")(?= |,|$)")
_NOTES_OF = re.compile(r"^(?:play |run )?the notes of (?=(?:the |an? )?\S+ (?:\S+ )?scale)|,? one (?:note )?at a time|,? one by one")
_WAY = re.compile(r",?\s*(?P<dir>ascending|descending|going up|going down)(?= |,|$)")


def scale_run_said(text: str, line: str, scales: dict):
    """A scale run with its start, its span and its direction said around it, else None."""
    if "scale" not in text:
        return None
    start = end = way = None
    octaves = 1
    rate = _RATE.search(text)
    rest = _NOTES_OF.sub(lambda m: "" if m.group(0).startswith((",", " one")) else "play ", text)
    rest = _RATE.sub("", rest, count=1)
    for pattern in (_START, _END, _SPAN, _WAY):
        match = pattern.search(rest)
        if match is None:
            continue
        rest = (rest[:match.start()] + rest[match.end():]).strip(" ,")
        said = match.groupdict()
        start = said.get("start", start)
        end = said.get("end", end)
        octaves = _COUNT[said["n"]] if said.get("n") else octaves
        way = said.get("dir") or way
    if rest == text:
        return None                                    # nothing around the scale: scale_run's alone
    start = "c4" if start == "middle c" else start
    if start and not rest.startswith(("play ", "run ")):
        rest = "play " + rest
    run = scale_run(rest, line, scales)
    if run is not None and run.key and run.key[0] is None and start:
        run = None                                     # 'a chromatic scale from C4': on the note it starts from
    if run is None and start:                          # 'a chromatic scale from C4': on the note it starts from
        run = scale_run(f"{rest} from {start.rstrip('0123456789-')}", line, scales)
    if run is None or (start and run.key and root_text(run.key[0])[0] != token_pitches(start)[0] % 12):
        return None                                    # 'the d dorian scale from c4': not its tonic
    direction = {"descending": "down", "going down": "down", "ascending": "up", "going up": "up"}.get(way or "", way)
    if end is not None:
        octaves, low = _octaves_between(start, end, line)
        direction = "down" if low == end else direction
        start = low
    elif direction == "down" and start:                # 'one octave down from c5': the run's tonic an octave below
        start = _moved(start, -12 * octaves)
    return replace(run, start=start, octaves=octaves, run=direction or run.run, steps=RATES[rate.group("rate")] if rate else 0)


def scale_run_heard(text: str, line: str):
    """A scale run, its clauses around it read first ('the g minor scale over two octaves')."""
    return scale_run_said(text, line, SCALE_WORDS) or scale_run(text, line, SCALE_WORDS)


#: 'play a pentatonic scale', 'play a minor pentatonic scale': a run asked for (before the key readers take 'a
#: minor pentatonic' for a key to set). A lower-case 'a' before a kind of scale with no major or minor in it is an
#: article — the run is on the key's tonic (asked with none); before 'minor …' or 'major …', or typed 'A', the note.
_KINDS_ALONE = r"(?:pentatonic|blues|chromatic|whole tone|dorian|phrygian|lydian|mixolydian|locrian) scale\b"
_PLAY_SCALE = re.compile(r"(?:play|run|give me) (?=(?:an? |the )?(?:\S+ ){0,3}scale\b)")
_ARTICLE = re.compile(rf"(?:play|run|give me) a (?={_KINDS_ALONE})")
_NOTE_A_TYPED = re.compile(rf"\bA {_KINDS_ALONE}")


def played_scale(text: str, line: str):
    """A scale run asked for with 'play', read before the key readers ('a minor' is no key to set here)."""
    if not _PLAY_SCALE.match(text):
        return None
    if not (re.match(r"(?:play|run|give me) a ", text) and (not _ARTICLE.match(text) or _NOTE_A_TYPED.search(line))):
        return scale_run_heard(text, line)
    run = scale_run_heard(re.sub(r"^(play|run|give me) a ", r"\1 the a ", text), line)   # 'play a minor pentatonic scale'
    return replace(run, a_or_article=not _NOTE_A_TYPED.search(line) and not re.search(r"\bA\b", line)) if run else None


def _moved(note: str, semitones: int) -> str:
    return name(token_pitches(note)[0] + semitones)


def _octaves_between(start: str | None, end: str, line: str) -> tuple[int, str]:
    """The octaves from `start` to `end` and the lower of the two (where the run's tonic is)."""
    if start is None:
        raise LanguageError(f"a run to {end} from where? e.g. 'from c4 to {end}'", column_of(end, line))
    span = token_pitches(end)[0] - token_pitches(start)[0]
    if span == 0 or span % 12 or abs(span) > 36:
        raise LanguageError(f"a scale runs a whole number of octaves (1–3): {start} to {end} is not one",
                            column_of(end, line))
    return abs(span) // 12, start if span > 0 else end


_WALK = re.compile(rf"(?:walk|run|climb|slide|go)(?: the (?P<bass>bass(?: ?line)?|line|melody|notes))?(?: (?P<dir>up|down))? "
                   rf"(?:chromatic(?:ally)?|in half steps|by half steps|by semitones)(?: (?P<dir2>up|down))? (?:from )?"
                   rf"(?P<a>{NOTE}(?:-?\d)?) (?:up |down )?to (?P<b>{NOTE}(?:-?\d)?)(?: (?:on|for) (?:the )?(?P<target>[\w-]+))?")


def chromatic_walk(text: str, line: str):
    """'walk the bass up chromatic from Ab to C on the sine': every semitone from one note to the other, a
    step each (the bass from octave 2 when no octave is written; other lines near the voice)."""
    match = _WALK.fullmatch(text) if "chromatic" in text or "half steps" in text or "semitones" in text else None
    if match is None:
        return None
    way = match.group("dir") or match.group("dir2")
    a, b = match.group("a"), match.group("b")
    if a[-1].isdigit() != b[-1].isdigit():
        b = b if b[-1].isdigit() else None
        a = a if a[-1].isdigit() else None
        if a is None or b is None:
            raise LanguageError("say both notes with their octave or neither (e.g. 'from ab2 to c3')",
                                column_of(match.group("a"), line))
    low = token_pitches(a)[0] if a[-1].isdigit() else root_text(a)[0] + (36 if match.group("bass") else 60)
    if a[-1].isdigit():
        high = token_pitches(b)[0]
    else:
        gap = (root_text(b)[0] - root_text(a)[0]) % 12 or 12
        high = low + (gap if way != "down" else gap - 12)
    if way == "up" and high < low or way == "down" and high > low or abs(high - low) > 24:
        raise LanguageError(f"a chromatic walk from {a} {way or ''} to {b} — say the octaves if it is that far "
                            f"(at most two octaves)", column_of(match.group("a"), line))
    pitches = list(range(low, high + 1)) if high >= low else list(range(low, high - 1, -1))
    said = {pitches[0]: match.group("a"), pitches[-1]: match.group("b")}

    def spelled(pitch: int) -> str:                   # sharps going up, flats coming down, the two ends as said
        flats = pitch in said and said[pitch][1:2] == "b" if pitch in said else pitches[-1] < pitches[0]
        return name(pitch, flats) if a[-1].isdigit() or match.group("bass") else name(pitch, flats).rstrip("0123456789")
    tokens = tuple(spelled(p) for p in pitches)
    if text.startswith("walk"):                       # a walk steps in quarter notes, to the end of its last bar
        tokens += (".",) * (-len(tokens) % 4)
        return ih.PitchList(words_of(match.group("target"), line), tokens, column_of(match.group("a"), line), None, 4)
    return ih.PitchList(words_of(match.group("target"), line), tokens, column_of(match.group("a"), line))


_DEGREE_WORDS = {"1": 1, "one": 1, "i": 1, "tonic": 1, "2": 2, "two": 2, "ii": 2, "3": 3, "iii": 3, "4": 4, "four": 4, "iv": 4,
                 "5": 5, "five": 5, "v": 5, "dominant": 5, "6": 6, "six": 6, "vi": 6, "7": 7, "vii": 7}
_VAMP = re.compile(r"(?:just |only )?(?:vamp|vamping|stay|sit|hang|camp|loop)(?: out)? on (?:the )?(?P<which>"
                   + "|".join(_DEGREE_WORDS) + r")(?: chord)?(?: only| for a while| for now)?")


def vamp(text: str, line: str):
    """'just vamp on the 1 chord', 'stay on the IV': the chord track keeps only that chord."""
    match = _VAMP.fullmatch(text)
    return ih.Vamp(_DEGREE_WORDS[match.group("which")], column_of(match.group("which"), line)) if match else None


_ALBERTI = re.compile(rf"(?:play |give me |add )?(?:an? |the )?alberti(?: bass)?(?: pattern| figure)?(?: in (?P<tonic>{NOTE})"
                      rf"(?P<minor> minor|m| major)?)?(?: (?:for|in|with|on) the left hand)?(?:[:,]? (?P<notes>(?:{NOTE}(?:-?\d)?[ ,]+)"
                      rf"{{2,7}}{NOTE}(?:-?\d)?))?(?:,? (?:in |as )?(?P<rate>{'|'.join(map(re.escape, RATES))}))?"
                      rf"(?: (?:on|for) (?:the )?(?P<target>[\w-]+))?")


def alberti(text: str, line: str):
    """'an Alberti bass in C for the left hand: C G E G in eighth notes': the notes low (from octave 3), each
    above the first, in 8ths unless said; no notes said: root, fifth, third, fifth of the key's triad."""
    match = _ALBERTI.fullmatch(text) if "alberti" in text else None
    if match is None:
        return None
    said = match.group("notes").replace(",", " ").split() if match.group("notes") else None
    if said is None:
        if match.group("tonic") is None:
            raise LanguageError("an Alberti bass in which key? e.g. 'alberti bass in c'", column_of("alberti", line))
        third = 3 if (match.group("minor") or "").strip() in ("minor", "m") else 4
        root = root_text(match.group("tonic"))[0]
        said = [f"{root}:{offset}" for offset in (0, 7, third, 7)]
    pitches = []
    for token in said:
        if ":" in token:
            pc, offset = map(int, token.split(":"))
            pitches.append(48 + pc + offset)
        elif token[-1].isdigit():
            pitches.append(token_pitches(token)[0])
        else:
            low = pitches[0] if pitches else 48
            pitches.append(low + (root_text(token)[0] - low) % 12)
    steps = RATES[match.group("rate")] if match.group("rate") else 2
    return ih.PitchList(words_of(match.group("target"), line), tuple(name(p) for p in pitches), column_of("alberti", line),
                        None, steps)


#: Intervals said by name before the notes that make them ('the tritone, c and f#'): semitones, an octave apart allowed.
_DYADS = {"tritone": 6, "fifth": 7, "perfect fifth": 7, "fourth": 5, "perfect fourth": 5, "major third": 4, "minor third": 3,
          "octave": 0, "octaves": 0}
_DYAD = re.compile(rf"(?:play |hit |sound |stack )?(?:the |a |an )?(?P<name>{'|'.join(sorted(_DYADS, key=len, reverse=True))})"
                   rf"(?: on {NOTE})?[,:]? (?P<notes>{NOTE}(?:-?\d)?(?:(?:,? and |,? )(?:{NOTE}(?:-?\d)?))+)(?:,? for [\w ]+)?"
                   rf"(?: (?:on|for) (?:the )?(?P<target>[\w-]+))?")


def named_dyad(text: str, line: str):
    """'play the tritone, c and f#', 'octaves on d, d2 d3 d4': the notes at once, when they make the interval named
    (else None: the line is not read as that interval)."""
    match = _DYAD.fullmatch(text) if any(w in text for w in ("tritone", "fifth", "fourth", "third", "octave")) else None
    if match is None:
        return None
    notes = re.split(r",? and |,? ", match.group("notes"))
    classes = [root_text(n.rstrip("0123456789-"))[0] for n in notes]
    if any((b - a) % 12 != _DYADS[match.group("name")] for a, b in zip(classes, classes[1:])):
        return None
    return ih.PlayChord(words_of(match.group("target"), line), "+".join(notes), column_of(notes[0], line), "stacked")


#: 'descending now', 'the arp going down instead', 'play it ascending': the last line of notes turned.
_TURN = re.compile(r"(?:now |and |then |ok |okay )?(?:(?:play |have |make |do )?(?:it|them|that|the (?:scale|arp|arpeggio|run|line|"
                   r"notes)|arp|arpeggio|scale|run)(?: going| played| run)? (?P<way>up|down|upwards|downwards|descending|"
                   r"ascending)|(?:going )?(?P<said>descending|ascending|downwards|upwards))(?: now| instead| this time| please)*")


def turned_run(text: str, line: str):
    """'descending now': the last line of notes the other way (mapper_harmony_again.turn_run)."""
    match = _TURN.fullmatch(text)
    if match is None:
        return None
    way = match.group("way") or match.group("said")
    return ih.TurnRun("down" if way.startswith(("down", "desc")) else "up", column_of(way, line))


__all__ = ["played_scale", "scale_run_heard", "scale_run_said", "turned_run", "chromatic_walk", "vamp", "alberti", "named_dyad"]
