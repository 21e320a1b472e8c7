"""Harmony intents → messages: chords as gates and held chord tracks, notes without octave,
keys and degrees (issue 14). Voicings, arpeggios and moving notes are mapper_voicing's.

Octaves come from the voice's register: the first note of its track, else its oscillator's
frequency. `/seq/notes` pitches are per step (the sequencer reads step n's note at n modulo
the list), so a held chord fills its tied steps with '-'. What was chosen is said back in
`understood`.
"""
from __future__ import annotations

import math
import random
import re
import zlib
from dataclasses import replace

from ..engine.scales import SCALES, pitch_class
from ..protocol.message import Message
from . import intents as it
from . import intents_harmony as ih
from .chords import (Chord, chord_error, hz, key_flats, key_name, name, nearest, register_of, root_text, scale_names,
                     spelled, token_pitches)
from .errors import LanguageError
from .mapper_key_changes import on_the_tonic, sargam_on_key, show_key
from .chord_names import chart
from .chord_places import held, on_its_hits, part_said
from .mapper_messages import message, playable
from .mapper_note_tracks import note_track, send_track, set_notes
from .mapper_song_moves import under_capo
from .mapper_tracks import existing_track, voice_head
from .mapper_harmony_voice import voiced
from .sequence_messages import chord_tracks

_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii")
#: Where notes go when a voice has neither notes nor a frequency: a3.
DEFAULT_REGISTER = 57.0


# -- where and how high ------------------------------------------------------------------
def pitched_head(ctx, words: it.Words | None, column: int) -> str:
    """The voice a harmony phrase plays: its oscillator, or one clear line for a drum."""
    head = voice_head(ctx, words, column)
    spec = ctx.model.spec(head)
    if words is None and (spec is None or spec.role != "source"):      # a drum in focus: the one synth there is
        synths = [v[0] for v in ctx.model.voices() if ctx.model.spec(v[0]).role == "source"
                  and ctx.model.spec(v[0]).has_param("freq")]
        if len(synths) == 1:
            head, spec = synths[0], ctx.model.spec(synths[0])
        elif synths:
            raise LanguageError(f"{head} plays no pitches — which voice: {', '.join(synths)}? "
                                f"(e.g. 'on the {synths[0]}')", column)
    if spec is None or not spec.has_param("freq") or spec.role != "source":
        raise LanguageError(f"{head} plays no pitches: notes and chords need an oscillator voice "
                            f"(e.g. 'add a saw', or name one: 'on the saw')", column)
    return head


def voice_register(ctx, head: str, track: str | None, melody: bool = False) -> tuple[float, str]:
    """(MIDI pitch the octaves are chosen around, where it comes from, for the echo): for a
    melody the first note of the voice's melody, else (and for chords, degrees, arpeggios,
    which must not drift as they are replaced) the oscillator's frequency."""
    notes = ctx.model.tracks[track].notes if melody and track in ctx.model.tracks else ()
    for token in notes:
        pitches = token_pitches(token)
        if pitches and len(pitches) == 1:
            return float(pitches[0]), f"the {track} notes"
    freq = float(ctx.model.value(head, "freq"))
    return (register_of(freq), f"{head} at {freq:g} Hz") if freq > 0 else (DEFAULT_REGISTER, "a3")


def voice_and_track(ctx, words: it.Words | None, column: int) -> tuple[str, str | None]:
    if words is None:                      # the focus's voice (a synth when a drum is in focus)
        head = pitched_head(ctx, None, column)
        return head, existing_track(ctx, head_words(None, head, column), column)
    track = existing_track(ctx, words, column)
    if track is not None and track in ctx.model.tracks and words is not None:
        target = ctx.model.tracks[track].target
        if target in ctx.model.modules and ctx.model.voice_of(target):
            return pitched_head(ctx, it.Words((it.Word(target, column),)), column), track
    return pitched_head(ctx, words, column), track


def head_words(words: it.Words | None, head: str, column: int) -> it.Words:
    """The words a phrase named, else the voice it plays (never the drum that has the focus)."""
    return words if words is not None else it.Words((it.Word(head, column),))


# -- notes without octave -----------------------------------------------------------------
def pitch_list(ctx, intent: ih.PitchList) -> list[Message]:
    head, track = voice_and_track(ctx, intent.target, intent.column)
    if intent.under and track in chord_tracks(ctx.model):
        raise LanguageError(f"a pedal point holds a note under the chords {head} plays: give it a voice of its own, "
                            f"e.g. 'add a sine called pedal', then 'pedal point on {intent.tokens[0]} for the pedal'",
                            intent.column)
    start, _ = voice_register(ctx, head, track)
    reference, source = voice_register(ctx, head, track, melody=True)
    tokens, said, first = [], [], None
    for token in intent.tokens:
        if token == ".":
            tokens.append(".")
        elif token.endswith("!") and "+" in token:
            tokens.append(token[:-1])                      # a chord written out with its octaves
        elif token.endswith("!"):
            chord = Chord.parse(token[:-1])
            tokens.append(chord.spell(chord.pitches(start)))
        else:
            tokens.append(placed_note(token, reference, intent.column, first))
            placed = token_pitches(tokens[-1])
            if not placed:                                 # (a voice tuned off the scale's end: octave 9 and up)
                raise LanguageError(f"'{token}' near {source} lands off the notes I know ({tokens[-1]}): say the octave, "
                                    f"e.g. '{token.lower()}4'", intent.column)
            reference = placed[0]
            first = reference if first is None else first
        said.append(tokens[-1])
    ctx.understood.append(f"{' '.join(intent.tokens).replace('!', '')} → {' '.join(said)} (near {source})")
    if intent.steps:
        return _note_values(ctx, head_words(intent.target, head, intent.column), intent, tokens)
    return note_track(ctx, head_words(intent.target, head, intent.column), intent.column, tokens, intent.name)


def _note_values(ctx, words, intent: ih.PitchList, tokens: list[str]) -> list[Message]:
    """Notes each lasting `steps` sixteenths ('in quarter notes'): a hit every `steps`, each note held
    to the next. A line longer than a bar is padded to whole bars (it starts again on a bar line); a
    track plays the notes of its pattern's steps only, so the pattern spans them all."""
    hold = intent.steps - 1
    notes = [n for token in tokens for n in [token] + [token if token == "." else "-"] * hold]
    pattern = "".join(("." if token == "." else "x") + "." * hold for token in tokens)
    if len(pattern) <= 16 and "." not in tokens and 16 % intent.steps == 0:
        pattern = ("x" + "." * hold) * (16 // intent.steps)           # a bar's rhythm: the notes cycle in it
    elif len(pattern) > 16 and len(pattern) % 16:
        pad = 16 - len(pattern) % 16
        pattern, notes = pattern + "." * pad, notes + ["-"] * pad     # the last note rings to the bar line
    return send_track(ctx, words, intent.column, pattern, notes, intent.name)


#: The lowest note a line without octaves goes to (E1, a bass guitar's lowest string: '808: a, then f, then c' keeps c2).
_LOWEST = 28


def placed_note(token: str, reference: float, column: int, first: int | None = None) -> str:
    """A note name: as written when it has an octave, else the octave nearest `reference`
    (the note before) — kept within an octave of the line's `first` note ('sol fa mi re do' steps down to do), so a
    line does not wander off the voice's register, and never below a bass guitar's low E."""
    if token[-1].isdigit():
        return token
    found = root_text(token)
    if found is None:
        raise LanguageError(f"{token!r} is not a note", column)
    pitch = nearest(found[0], reference)
    if first is not None:
        pitch += 12 if pitch < max(first - 12, _LOWEST) else -12 if pitch > first + 12 else 0
    return spelled(pitch, token)


# -- chords -------------------------------------------------------------------------------
def play_chord(ctx, intent: ih.PlayChord) -> list[Message]:
    intent = replace(intent, target=part_said(ctx, intent))
    head, track = voice_and_track(ctx, intent.target, intent.column)
    reference, source = voice_register(ctx, head, track)
    if intent.tones:
        return _named_chord(ctx, intent, head, reference)
    if intent.voicing == "stacked":
        return _stacked_notes(ctx, intent, head, reference)
    chord = (degree_chord(ctx, intent.chord[4:], intent.column, intent.key) if intent.chord.startswith("deg:")
             else parsed_chord(ctx, intent.chord, intent.column))
    pitches = chord.pitches(reference)
    if intent.voicing == "open":
        pitches = open_voicing(pitches)
    elif intent.voicing == "rootless" and len(pitches) > 3:
        pitches = [p for p in pitches if p % 12 != chord.root]
    elif intent.voicing and intent.voicing.startswith("inv"):
        for _ in range(int(intent.voicing[3:])):
            pitches = sorted(pitches[1:] + [pitches[0] + 12])
        pitches = [p - 12 for p in pitches] if pitches[0] - reference > 6 else pitches
    token = chord.spell(pitches)
    notes = [playable(hz(p), name(p), intent.column) for p in token_pitches(token)]
    hits = on_its_hits(ctx, intent, token, f"{chord.symbol} → {token.replace('+', ' ')}", "a held chord would stop")
    if hits is not None:                              # 'Dm9 on the bass': its track's hits (not held chords)
        return hits
    ctx.understood.append(f"{chord.symbol} → {token.replace('+', ' ')} on {head}, close voicing near {source}")
    return held(ctx, intent, head, message(f"/gate/{head}", 1, *notes))


def _stacked_notes(ctx, intent: ih.PlayChord, head: str, reference: float) -> list[Message]:
    """Notes at once: written octaves kept, the others each above the note before."""
    pitches: list[int] = []
    for note in intent.chord.split("+"):
        if note[-1].isdigit():
            pitches.append(token_pitches(note)[0])
            continue
        pc = root_text(note)[0]
        low = pitches[-1] + 1 if pitches else 12 * (math.floor(reference + 0.5) // 12)
        pitches.append(low + (pc - low) % 12)
    names = [spelled(p, n if not n[-1].isdigit() else None) for p, n in zip(pitches, intent.chord.split("+"))]
    ctx.understood.append(f"{intent.chord.replace('+', ' ')} together → {' '.join(names)} on {head}")
    hits = on_its_hits(ctx, intent, "+".join(names), f"{' '.join(names)} together", "held, they would stop")
    return hits if hits is not None else \
        held(ctx, intent, head, message(f"/gate/{head}", 1, *(playable(hz(p), n, intent.column) for p, n in zip(pitches, names))))


def _named_chord(ctx, intent: ih.PlayChord, head: str, reference: float) -> list[Message]:
    """A chord known by name: its tones stacked upwards from the first, in the register's octave."""
    offset = 0
    if intent.in_key:
        offset = pitch_class(_key_or_ask(ctx, intent.key, intent.column, f"a {intent.chord}")[0])
    pitches = [12 * (math.floor(reference + 0.5) // 12) + (intent.tones[0] + offset) % 12]
    for tone in intent.tones[1:]:
        pitches.append(pitches[-1] + ((tone + offset - pitches[-1]) % 12 or 12))
    flats = intent.in_key                                 # b6, b3, b2 of the key; the #4 a sharp
    names = [name(p, flats and (p - offset) % 12 != 6) for p in pitches]
    ctx.understood.append(f"the {intent.chord} chord → {' '.join(names)} on {head}")
    return [message(f"/gate/{head}", 1, *(playable(hz(p), name(p), intent.column) for p in pitches))]


def parsed_chord(ctx, symbol: str, column: int) -> Chord:
    chord = Chord.parse(symbol)
    if chord is None:
        raise chord_error(symbol, column)
    return chord


def degree_chord(ctx, typed: str, column: int, key=None) -> Chord:
    """The chord on a degree of the key: stacked thirds of the scale ('5', 'ii7'); a roman
    numeral's case sets the third (V major, v minor; an upper-case one's fifth perfect), ° diminished, + augmented. An upper-case
    numeral's 7 is the dominant seventh, as lead sheets write it (V7, the blues' I7 IV7, III7);
    'maj7' the major seventh, '7th' the key's own seventh ('ii–V–I with sevenths': Dm7 G7 Cmaj7). A
    numeral off the scale (bVII, #iv) takes its chord from its case, its root spelled from the degree."""
    if "/" in typed and re.fullmatch(r"[^/]+/(?:b|#)?[ivIV]+", typed):   # 'V/V', 'vii°/ii': the chord of the other's key
        of, on = typed.split("/")
        goal = degree_chord(ctx, on, column, key)
        said = degree_chord(ctx, of, column, (re.sub(r"-?\d+$", "", name(goal.root, goal.flats)),
                                               "major" if on.lstrip("b#")[:1].isupper() else "minor"))
        return Chord(typed, said.root, said.intervals, None, said.flats)
    tonic, scale = _key_or_ask(ctx, key, column, "chords by degree")
    steps = SCALES[scale]
    if len(steps) != 7:
        raise LanguageError(f"chords by degree need a seven-note scale, not {scale.replace('_', ' ')}", column)
    match = re.fullmatch(r"(b|#)?([ivIV]+|[1-7])(.*)", typed)
    shift = {"b": -1, "#": 1}.get(match.group(1) or "", 0)
    numeral, suffix = match.group(2), match.group(3).lower()
    suffix = re.sub(r"(64|6)$", "", suffix) if not numeral.isdigit() else suffix
    number = int(numeral) if numeral.isdigit() else _ROMANS.index(numeral.lower()) + 1
    if shift:                                        # bIII, bVII: from the major scale, in any key
        steps = SCALES["major"]
    tones = [steps[(number - 1 + k) % 7] + 12 * ((number - 1 + k) // 7) for k in (0, 2, 4, 6)]
    intervals = [t - tones[0] for t in tones[:4 if "7" in suffix else 3]]
    if not numeral.isdigit():
        if shift:                                    # a chord of its own: its case says the third
            intervals[2] = 7
        if suffix == "7" and len(intervals) == 4:     # and a 7 the minor seventh (lead sheets': V7, iv7, I7)
            intervals[3] = 10
        intervals[1] = 4 if numeral.isupper() else 3
        if numeral.isupper():                        # a major chord's fifth is perfect ('II7' in a minor key: D F# A C)
            intervals[2] = 7
        if suffix in ("°", "o", "dim", "ø"):
            intervals[1:3] = [3, 6]
        elif suffix in ("+", "aug"):
            intervals[1:3] = [4, 8]
        if suffix in ("maj7", "ø"):                          # the seventh said, whatever the scale has
            intervals[3:] = [11 if suffix == "maj7" else 10]
        elif suffix == "7dom":
            intervals[1:] = [4, 7, 10]
    root = (pitch_class(tonic) + tones[0] + shift) % 12
    names = scale_names(tonic, steps) if not shift else scale_names(key_name(pitch_class(tonic), "major"), steps)
    degree = names.get((root - shift) % 12, "")
    if shift and (len(degree) == 1 or degree[1:] == ("b" if shift > 0 else "#")):   # bVII in C: b → bb
        names[root] = degree[0] + ("#" if shift > 0 else "b") if len(degree) == 1 else degree[0]
    chord = Chord.parse(names.get(root, name(root, key_flats(tonic, scale))[:-2]))
    return Chord(typed, root, tuple(intervals), None, chord.flats if chord else key_flats(tonic, scale))


def poly(ctx, intent: ih.Poly) -> list[Message]:
    head = pitched_head(ctx, intent.target, intent.column)
    ctx.understood.append(f"{head} plays up to {intent.notes} note{'s' if intent.notes > 1 else ''} at once")
    return [message("/patch/poly", head, intent.notes)]


# -- degrees (keys: mapper_key_changes.py) ------------------------------------------------
def _key_or_ask(ctx, key, column: int, what: str) -> tuple[str, str]:
    if key is not None and key[0] is None:              # 'play a pentatonic scale': a kind of scale, on the key's tonic
        return on_the_tonic(ctx, key[1], column)
    key = key or ctx.model.key
    if key is None:
        raise LanguageError(f"{what} need a key: say it first, e.g. 'in d minor' or 'key of e flat'", column)
    return key


def degrees(ctx, intent: ih.Degrees) -> list[Message]:
    if intent.a_or_article and ctx.model.key and pitch_class(ctx.model.key[0]) != pitch_class("a"):
        said = intent.key[1].replace("_", " ")
        raise LanguageError(f"the A {said} scale, or a {said} scale in the key ({ctx.model.key[0].upper()})? say 'the A {said} "
                            f"scale' or 'the {ctx.model.key[0].upper()} {said} scale'", intent.column)
    if intent.run and intent.target is None and intent.key is None and (played := ctx.model.scale_run) is not None:
        intent = replace(intent, target=it.Words((it.Word(played, intent.column),)))   # 'play the scale descending': it
        #                                                               again ('the a minor pentatonic scale': a new one)
    tonic, scale = _key_or_ask(ctx, intent.key, intent.column,
                               "random notes in the scale" if intent.random else "scale degrees")
    steps = SCALES[scale]
    head, track = voice_and_track(ctx, intent.target, intent.column)
    reference, source = voice_register(ctx, head, track)
    root = token_pitches(intent.start)[0] if intent.start else nearest(pitch_class(tonic), reference)
    picked = intent.degrees
    if intent.run:
        octave = len(steps) >= 7 or intent.octaves > 1   # do … do; a pentatonic (or blues) scale: its own notes
        up = tuple(str(n) for n in range(1, len(steps) * intent.octaves + (2 if octave else 1)))
        picked = {"up": up, "down": up[::-1], "up and down": up + up[-2:0:-1]}[intent.run]
    if intent.random:
        rng = random.Random(zlib.crc32(intent.seed_text.encode("utf-8")))
        count = len(ctx.model.tracks[track].pattern) if track in ctx.model.tracks else 0
        count = count if 8 <= count <= 32 else 8                 # the track's steps, else a bar of 8ths' worth
        picked = tuple(str(rng.randint(1, len(steps) + 1)) for _ in range(count))
    names = scale_names(tonic, steps, key_flats(tonic, scale) or scale == "blues" and "#" not in tonic)   # (its flat 5th)
    tokens = []
    for degree in picked:
        if degree == ".":
            tokens.append(".")
            continue
        number = int(degree)
        if not 1 <= number <= 3 * len(steps) + 1:
            raise LanguageError(f"degree {number} is out of range: 1–{3 * len(steps) + 1} in {tonic} "
                                f"{scale.replace('_', ' ')}", intent.column)
        pitch = root + 12 * ((number - 1) // len(steps)) + steps[(number - 1) % len(steps)]
        tokens.append(spelled(pitch, names.get(pitch % 12)) if names.get(pitch % 12) else name(pitch, key_flats(tonic, scale)))
    ctx.understood.append(f"{'random ' if intent.random else ''}degrees {' '.join(picked)} in {tonic} "
                          f"{scale.replace('_', ' ')} → {' '.join(tokens)} (near {source})")
    if intent.steps > 1:                                  # 'the c major scale in eighth notes'
        return _scale_noted(ctx, intent, _note_values(ctx, head_words(intent.target, head, intent.column),
                                                      ih.PitchList(None, (), intent.column, None, intent.steps), tokens))
    return _scale_noted(ctx, intent, note_track(ctx, head_words(intent.target, head, intent.column), intent.column, tokens))


def _scale_noted(ctx, intent: ih.Degrees, messages: list[Message]) -> list[Message]:
    """A scale played: its track is what 'the scale' names from now on."""
    written = next((str(m.args[0]) for m in messages if m.address == "/seq/notes" and m.args), None)
    if intent.run and written is not None:
        ctx.model.note_scale_run(written)
    return messages


def open_voicing(pitches) -> list[int]:
    """Every other note of the close voicing up an octave (c e g → c g e')."""
    ordered = sorted(pitches)
    return sorted(p + 12 if i % 2 == 1 and len(ordered) > 2 else p for i, p in enumerate(ordered))


def show_chords(ctx, intent: ih.ShowChords) -> list[Message]:
    """The named part's track, else every chord track (every note track when none plays chords), by name."""
    if intent.target is not None:
        track = existing_track(ctx, intent.target, intent.column)
        if track is None:
            raise LanguageError(f"no track plays {' '.join(intent.target.texts)}'s notes ('list tracks' shows them all)",
                                intent.column)
        tracks = [track]
    else:
        tracks = sorted(chord_tracks(ctx.model)) or [n for n, t in ctx.model.tracks.items() if t.notes]
    if not tracks:
        raise LanguageError("no track plays chords or notes yet — e.g. 'chords am f c g'", intent.column)
    return [message("/shell/show", f"the {track} track ({ctx.model.tracks[track].target}) plays",
                    chart(ctx.model.tracks[track].notes) or "no notes") for track in tracks]


#: The intents this family maps.
HANDLERS = {ih.PitchList: voiced(pitch_list), ih.PlayChord: voiced(under_capo(play_chord)),
            ih.Poly: voiced(poly), ih.ShowKey: show_key, ih.ShowChords: show_chords, ih.SargamOnKey: sargam_on_key,
            ih.Degrees: voiced(degrees), it.SetNotes: voiced(set_notes)}
