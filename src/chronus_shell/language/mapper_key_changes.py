"""Keys: setting and showing the key, changing it ('transpose to the relative major', 'up a minor
third' with no key set: the key of the chords), and the key a chord track is in (its sevenths: 'same
with 7th chords')."""
from __future__ import annotations

import math

from ..engine.scales import PITCH_CLASSES, SCALES, pitch_class
from ..protocol.message import Message
from . import intents_harmony as ih
from .chords import FLAT_NAMES, analyse, hz, key_flats, key_name, name, token_pitches
from .errors import LanguageError
from .mapper_messages import message, playable


def set_key(ctx, intent: ih.SetKey) -> list[Message]:
    if intent.tonic is None:
        if ctx.model.key is None:
            raise LanguageError("there is no key set", intent.column)
        return [message("/seq/key", "none")]
    checked_key(intent.tonic, intent.scale, intent.column)
    heard = _heard_key(ctx)
    if heard and _notes_of(*heard) != _notes_of(intent.tonic, intent.scale):     # (a relative key holds the same notes)
        moves = f"change the mode to {intent.scale.replace('_', ' ')}" if pitch_class(heard[0]) == pitch_class(intent.tonic) \
            else f"transpose to {intent.tonic}"
        ctx.understood.append(f"the key is {intent.tonic} {intent.scale.replace('_', ' ')} for what comes next; the notes "
                              f"playing stay in {heard[0]} {heard[1].replace('_', ' ')} ('{moves}' moves them)")
    return [message("/seq/key", intent.tonic, intent.scale)]


def show_key(ctx, intent: ih.ShowKey) -> list[Message]:
    key = ctx.model.key or _heard_key(ctx)
    said = f"{key[0]} {key[1].replace('_', ' ')}" if key else "none set"
    if ctx.model.key and key_in_use(ctx) != key:
        heard = key_in_use(ctx)
        said += f" (set; the notes playing are in {heard[0]} {heard[1].replace('_', ' ')})"
    return [message("/shell/show", "key", said if ctx.model.key or not key else f"none set (the notes are in {said})")]


def _notes_of(tonic: str, scale: str) -> frozenset[int]:
    return frozenset((pitch_class(tonic) + step) % 12 for step in SCALES[scale])


def _heard_key(ctx) -> tuple[str, str] | None:
    """The key the notes playing are in when none is set (what a key change reads them in)."""
    try:
        return key_of_chords(ctx, 0, lines=True)
    except LanguageError:
        return None


def sargam_on_key(ctx, intent: ih.SargamOnKey) -> list[Message]:
    """'play sa re ga ma pa' in the key of C: Sa is C (the line read again with it said)."""
    if ctx.model.key is None:
        raise LanguageError("sargam is on a Sa: say which note it is, e.g. 'Sa is C#, sa re ga ma pa' (or set a key: "
                            "'key of C')", intent.column)
    from .parser_harmony import harmony_intent
    tonic = ctx.model.key[0]
    ctx.understood.append(f"Sa is {tonic.upper()}, the key's tonic")
    return ctx.map(harmony_intent(f"{intent.line.rstrip('.!')}, sa is {tonic}"))


def checked_key(tonic: str, scale: str, column: int) -> None:
    try:
        pitch_class(tonic)
    except ValueError:
        raise LanguageError(f"{tonic!r} is not a key note: a–g with # or b", column) from None
    if scale not in SCALES:
        raise LanguageError(f"unknown scale {scale!r} — one of {', '.join(SCALES)}", column)



def change_key(ctx, intent: ih.ChangeKey) -> list[Message]:
    pitched = any(any(token_pitches(n) for n in track.notes) for track in ctx.model.tracks.values())
    if ctx.model.key is None and intent.tonic is not None and (intent.or_set or (intent.scale and not pitched)):
        return ctx.map(ih.SetKey(intent.tonic, intent.scale or "major", intent.column))   # nothing to move: the key named
    tonic, scale = key_in_use(ctx, intent.column, intent.lines or intent.relation == "interval")
    new_tonic, new_scale = _new_key(tonic, scale, intent)
    heard = _heard_key(ctx)
    if pitch_class(new_tonic) == pitch_class(tonic) and new_scale == scale and heard and \
            _notes_of(*heard) != _notes_of(tonic, scale):      # the key set after notes in another: moved from theirs
        tonic, scale = heard
    checked_key(new_tonic, new_scale, intent.column)
    if pitch_class(new_tonic) == pitch_class(tonic) and new_scale == scale:
        raise LanguageError(f"the music is in {tonic} {scale.replace('_', ' ')} already — nothing moved", intent.column)
    same_notes = _notes_of(new_tonic, new_scale) == _notes_of(tonic, scale)
    if ctx.model.key and same_notes and not intent.transposed:   # 'modulate to the relative major': the notes are its own
        ctx.understood.append(f"{tonic} {scale.replace('_', ' ')} → {new_tonic} {new_scale.replace('_', ' ')}: "
                              "the same notes, none moved")
        return [message("/seq/key", new_tonic, new_scale)]
    shift = (pitch_class(new_tonic) - pitch_class(tonic)) % 12
    shift = shift - 12 if shift > 6 else shift
    if intent.way and shift * intent.way < 0:
        shift += 12 * intent.way                       # 'up to F' from G: up a minor seventh, as said
    old, new = SCALES[scale], SCALES[new_scale]
    flats = key_flats(new_tonic, new_scale)

    def moved(pitch: int) -> int:
        degree = (pitch - pitch_class(tonic)) % 12
        if len(old) == len(new) and degree in old:
            return pitch + shift + new[old.index(degree)] - degree
        return pitch + shift

    messages = [message("/seq/key", new_tonic, new_scale)] if ctx.model.key else []   # inferred: notes only
    for track_name, track in ctx.model.tracks.items():
        if any(token_pitches(n) for n in track.notes):
            tokens = [t if token_pitches(t) is None else
                      "+".join(name(moved(p), flats) for p in token_pitches(t)) for t in track.notes]
            check_tokens(tokens, intent.column)
            if [token_pitches(t) for t in tokens] != [token_pitches(n) for n in track.notes]:
                messages.append(message("/seq/notes", track_name, *tokens))    # (a track no note of which moves: left)
    ctx.understood.append(f"{tonic} {scale.replace('_', ' ')} → {new_tonic} {new_scale.replace('_', ' ')}"
                          f"{', every note track moved' if any(m.address == '/seq/notes' for m in messages) else ''}")
    if len(messages) > 1:
        tuned_apart(ctx)
    return messages


def tuned_apart(ctx) -> None:
    """Voices tuned to a note that play no note track (a pedal on a sine, a kick tuned to C2) stay where they
    are when the music moves: said, with the line that moves one (nothing sent: a drone left alone is often meant)."""
    tracked = {t.target for t in ctx.model.tracks.values() if any(token_pitches(n) for n in t.notes)}
    apart = []
    for module_id in ctx.model.modules:
        spec = ctx.model.spec(module_id)
        if spec is None or spec.role not in ("source", "drum") or not spec.has_param("freq") or module_id in tracked:
            continue
        value = float(ctx.model.value(module_id, "freq"))
        pitch = 69 + 12 * math.log2(value / 440.0) if value > 0 else 0.5
        if value != spec.param("freq").default and abs(pitch - round(pitch)) < 0.01:
            apart.append(f"{module_id} ({name(round(pitch))})")
    if apart:
        ctx.understood.append(f"{', '.join(apart)} stay{'s' if len(apart) == 1 else ''} as tuned: no note track — "
                              f"'transpose {apart[0].split()[0]} up a semitone' moves one")


def key_of_chords(ctx, column: int, lines: bool = False) -> tuple[str, str]:
    """No key set: the key of the last chord track (else, `lines`, the last line of notes), the major or
    minor scale that holds most of its notes, a tie going to a key on the first chord's root, then the
    last's ('G D Em C': g major; a 2-5-1 Bbm7 Eb7 Abmaj7: ab major; a bass line a c e g a: a minor)."""
    chords = _shapes(ctx, lines)
    if not chords:
        raise LanguageError("transpose from which key? set it first, e.g. 'in d minor'", column)
    tonic, scale = max(((pc, scale) for scale in ("major", "minor") for pc in range(12)), key=lambda k: _fit(chords, k))
    return key_name(tonic, scale), scale


def on_the_tonic(ctx, scale: str, column: int) -> tuple[str, str]:
    """A scale named by its kind alone, on the tonic of the key set (a pentatonic one minor in a minor key)."""
    said = scale.replace("_", " ")
    if ctx.model.key is None:
        raise LanguageError(f"a {said} scale on which note? e.g. 'play the C {said} scale' or 'the A {said} scale'", column)
    tonic, mode = ctx.model.key
    if scale == "pentatonic":
        scale = "minor_pentatonic" if 3 in SCALES[mode][1:3] else "major_pentatonic"
    return tonic, scale


def key_in_use(ctx, column: int = 0, lines: bool = False) -> tuple[str, str]:
    """The key a change moves from: the one set — unless the notes playing sit in its scale on another
    tonic better (it was set after them: 'back in G please' over chords in A, then 'transpose to g' moves
    them from A); no key set, the key of the chords."""
    if ctx.model.key is None:
        return key_of_chords(ctx, column, lines)
    tonic, scale = ctx.model.key
    chords = _shapes(ctx, True)
    if not chords or len(SCALES[scale]) != 7 or pitch_class(tonic) in (chords[0][0], chords[-1][0]):
        return ctx.model.key                       # (a key on the first or the last chord is theirs: C Bb F C in C)
    said = (pitch_class(tonic), scale)
    best = max(((pc, scale) for pc in range(12)), key=lambda k: (_fit(chords, k)[0], k == said))
    return ctx.model.key if _fit(chords, best)[0] <= _fit(chords, said)[0] else (key_name(best[0], scale), scale)


def _shapes(ctx, lines: bool) -> list[tuple[int, tuple[int, ...]]]:
    """(root, intervals) of each chord of the last chord track (else, `lines`, the last line of notes;
    a single note is a root alone)."""
    last = ctx.model.last_chord
    pitched = [t for t in ctx.model.tracks.values() if any(token_pitches(n) for n in t.notes)]
    track = ctx.model.tracks.get(last[1] if last and last[0] == "track" else ctx.model.last_track)
    if not (last and last[0] == "track"):
        track = track if lines and track in pitched else pitched[0] if lines and len(pitched) == 1 else None
    return [found for found in ((token_pitches(t)[0] % 12, (0,)) if len(token_pitches(t)) == 1 else analyse(token_pitches(t))
                                for t in (track.notes if track else ()) if token_pitches(t)) if found]


def _fit(chords, key: tuple[int, str]) -> tuple[int, int, int]:
    """How well a key holds the chords: their notes in its scale, then a key on the first chord's root, then on
    the last's, then a minor key's raised 7th (its leading tone) heard."""
    tonic, scale = key
    held = sum((root + i - tonic) % 12 in SCALES[scale] for root, shape in chords for i in shape)
    on = [root == tonic and (len(shape) == 1 or (shape[1:2] == (3,)) == (scale == "minor"))   # a note: any key on it
          for root, shape in (chords[0], chords[-1])]
    leading = scale == "minor" and sum((root + i - tonic) % 12 == 11 for root, shape in chords for i in shape)
    return held, on[0], on[1], leading     # (Abmaj7 G7: C minor, its dominant's B, before E-flat major)


def _new_key(tonic: str, scale: str, intent: ih.ChangeKey) -> tuple[str, str]:
    if intent.relation is None:
        return intent.tonic, intent.scale or scale
    if intent.relation == "interval":
        return key_name(pitch_class(tonic) + intent.semitones, scale), scale
    minor = scale in ("minor", "dorian", "phrygian", "locrian", "harmonic_minor", "melodic_minor")
    if intent.relation == "parallel":
        return tonic, intent.scale
    if (intent.scale == "major") != minor:
        other = "minor" if intent.scale == "major" else "major"
        raise LanguageError(f"{tonic} {scale.replace('_', ' ')} has a relative {other}, not a relative "
                            f"{intent.scale}", intent.column)
    root = (pitch_class(tonic) + (3 if minor else 9)) % 12     # spelled as the tonic is: c minor's Eb (not D#),
    said = {"#": PITCH_CLASSES[root], "b": FLAT_NAMES[root]}.get(tonic[1:2])   # d# minor's F#, eb minor's Gb
    return said or key_name(root, intent.scale), intent.scale


def key_steps(ctx, column: int) -> tuple[int, tuple[int, ...]]:
    """The key's tonic pitch class and scale steps: the one set, else the key of the chords."""
    tonic, scale = ctx.model.key or key_of_chords(ctx, column)
    return pitch_class(tonic), SCALES[scale]


def seventh_in(key: tuple[int, tuple[int, ...]], chord: tuple[int, tuple[int, ...]]) -> str:
    """The seventh a chord takes in a key: the scale's, a third above its fifth (F in C: maj7, G: 7);
    a chord off the scale, or a triad the scale does not hold, the minor seventh (A in C: A7)."""
    tonic, steps = key
    root, intervals = chord
    degree = (root - tonic) % 12
    triad = {(root + i) % 12 for i in intervals[:3]}
    if degree in steps and triad <= {(tonic + s) % 12 for s in steps}:
        seventh = (steps[(steps.index(degree) + 6) % 7] - degree) % 12 if len(steps) == 7 else 10
        return "maj7" if seventh == 11 else "7"
    return "7"


def check_tokens(tokens, column: int) -> None:
    for token in tokens:
        for pitch in token_pitches(token) or ():
            playable(hz(pitch), name(pitch), column)


__all__ = ["change_key", "check_tokens", "checked_key", "key_in_use", "key_of_chords", "on_the_tonic", "tuned_apart", "key_steps", "seventh_in", "sargam_on_key", "set_key", "show_key"]
