"""Harmony said again, read by what came before: a bare chord name ('now g major': the chord after a
chord, the key over a playing line), a key said just after a scale was played ('now in A minor': that
scale again, in A minor) and a line of notes turned round ('descending now', 'arp going down
instead')."""
from __future__ import annotations

from ..protocol.message import Message
from . import intents as it
from . import intents_harmony as ih
from ..engine.scales import SCALES, pitch_class
from .chords import analyse, name, nearest, token_pitches
from .errors import LanguageError
from .mapper_harmony import degrees, play_chord, voice_and_track
from .mapper_key_changes import set_key
from .mapper_messages import message
from .mapper_key_changes import key_of_chords


def key_or_chord(ctx, intent: ih.KeyOrChord) -> list[Message]:
    """The chord after a chord played on a voice (no key set); the key when a key was set or a line
    plays (no chord given); on a voice that plays nothing, the chord. After both a key and a chord, a
    question."""
    last, said = ctx.model.last_chord, f"{intent.tonic} {intent.scale}"
    if last is not None and last[0] == "gate" and ctx.model.key is None and last[1] in ctx.model.modules:
        voice = it.Words((it.Word(last[1], intent.column),))
        return play_chord(ctx, ih.PlayChord(voice, intent.chord, intent.column))
    if last is None:
        try:
            voice = voice_and_track(ctx, None, intent.column)
        except LanguageError:
            voice = None                                  # no voice to play it: the key
        if ctx.model.key is None and voice is not None and voice[1] is None:
            return play_chord(ctx, ih.PlayChord(None, intent.chord, intent.column))
        return set_key(ctx, ih.SetKey(intent.tonic, intent.scale, intent.column))
    raise LanguageError(f"'{said}' could be the key ('in {said}') or the chord ('play {said} chord'): say which",
                        intent.column)


def key_or_run(ctx, intent: ih.SetKey) -> list[Message]:
    """A key; with no key set (or the key a run was said again in) and just after a scale run ('play the c major scale', then 'now in a minor'),
    the key and the run again in it, near the same octave, the same way (up, down, up and down), in the
    same note value."""
    track = ctx.model.last_track
    scale_only = intent.tonic and ctx.model.key in (None, ctx.model.run_key)   # else a key said is a new key
    notes = ctx.model.tracks[track].notes if scale_only and track in ctx.model.tracks else ()
    where = [i for i, n in enumerate(notes) if n not in ("-", ".")]
    pitches = [token_pitches(notes[i]) for i in where]
    if len(pitches) < 6 or any(p is None or len(p) != 1 for p in pitches):
        return set_key(ctx, intent)
    line = [p[0] for p in pitches]
    run, octaves = _run_shape(line)
    gaps = {b - a for a, b in zip(where, where[1:])}
    if run is None or len(gaps) > 1:
        return set_key(ctx, intent)                       # not a seven-note or chromatic scale run: the key
    voice = it.Words((it.Word(ctx.model.tracks[track].target, intent.column),))
    start = name(nearest(pitch_class(intent.tonic), min(line)))             # near where the run was
    again = degrees(ctx, ih.Degrees(voice, (), key=(intent.tonic, intent.scale), column=intent.column, run=run,
                                    start=start, octaves=octaves, steps=gaps.pop() if gaps != {1} else 0))
    ctx.model.note_run_key((intent.tonic, intent.scale))
    return set_key(ctx, intent) + again              # the key set too: 'run down the scale' next is in it


def _run_shape(line: list[int]) -> tuple[str | None, int]:
    """('up' / 'down' / 'up and down', octaves) of a scale run (steps of 1–3 semitones spanning whole
    octaves, seven or twelve notes an octave), else (None, 0)."""
    peak = line.index(max(line))
    if 0 < peak < len(line) - 1 and line[peak:] == line[:peak + 1][::-1][:len(line) - peak]:
        shape, part = "up and down", line[:peak + 1]
    else:
        shape, part = ("up" if line[-1] > line[0] else "down"), line
    steps = [b - a for a, b in zip(part, part[1:])]
    span = abs(part[-1] - part[0])
    octaves = span // 12
    if not (all(0 < s <= 3 for s in steps) or all(-3 <= s < 0 for s in steps)) or span % 12 or not span or \
            len(steps) not in (7 * octaves, 12 * octaves):
        return None, 0
    return shape, octaves


def turn_run(ctx, intent: ih.TurnRun) -> list[Message]:
    """The last track of single notes with its pitches in the other order, its rhythm kept; nothing
    sent when it already goes that way (said back)."""
    track = ctx.model.last_track
    notes = list(ctx.model.tracks[track].notes) if track in ctx.model.tracks else []
    where = [i for i, n in enumerate(notes) if token_pitches(n)]
    if not where or any(len(token_pitches(notes[i])) > 1 for i in where):
        raise LanguageError(f"nothing to play {'downwards' if intent.direction == 'down' else 'upwards'}: give a line of "
                            f"notes first (e.g. 'play the c major scale', 'arpeggiate am7')", intent.column)
    first, final = token_pitches(notes[where[0]])[0], token_pitches(notes[where[-1]])[0]
    if (final < first) == (intent.direction == "down") or first == final:
        ctx.understood.append(f"the {track} notes go {intent.direction} already")
        return []
    for i, j in zip(where, reversed(where)):
        notes[i] = ctx.model.tracks[track].notes[j]
    ctx.understood.append(f"the {track} notes the other way: {' '.join(n for n in notes if n != '-')}")
    return [message("/seq/notes", track, *notes)]


def vamp(ctx, intent: ih.Vamp) -> list[Message]:
    """The chord on the degree said (of the key set, else the key the chords fit), alone on the chord track."""
    last = ctx.model.last_chord
    if last is None or last[0] != "track" or last[1] not in ctx.model.tracks:
        raise LanguageError("no chord track to vamp on: give one first, e.g. 'chords am f c g'", intent.column)
    tonic, scale = ctx.model.key or key_of_chords(ctx, intent.column)
    root = (pitch_class(tonic) + SCALES[scale][(intent.degree - 1) % len(SCALES[scale])]) % 12
    held = ctx.model.tracks[last[1]]
    chord = next((t for t in held.notes if "+" in str(t) and (analyse(token_pitches(t)) or (None,))[0] == root), None)
    if chord is None:
        raise LanguageError(f"the {last[1]} track has no chord on degree {intent.degree} of {tonic} "
                            f"{scale.replace('_', ' ')}", intent.column)
    ctx.understood.append(f"the {last[1]} track holds {chord.replace('+', ' ')} (degree {intent.degree} of {tonic} {scale})")
    return [message("/seq/notes", last[1], chord, *["-"] * 15)]


#: The intents this family maps.
HANDLERS = {ih.KeyOrChord: key_or_chord, ih.TurnRun: turn_run, ih.SetKey: key_or_run, ih.Vamp: vamp}

__all__ = ["HANDLERS"]
