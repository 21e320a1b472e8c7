"""Changing chords and notes already given: voicings ('voice it wide', 'invert it', 'add the
bass note an octave lower'), arpeggios (a chord or a chord track expanded into a note track),
moving a track's notes ('transpose the melody up 2 semitones': chords move as chords) and
changing key ('transpose to the relative major': mapper_key_changes.py). The chord changed is the
last one given (a gate or a chord track: PatchModel.last_chord)."""
from __future__ import annotations

import re

from ..protocol.message import Message
from . import intents as it
from . import intents_harmony as ih
from ..engine.scales import pitch_class
from .chords import (QUALITIES, analyse, hz, key_flats, key_name, name, nearest_below, register_of, spell_chord, token_pitches,
                     transpose_token)
from .errors import LanguageError
from .harmony_moves import STEP_ASKED
from .mapper_harmony import open_voicing
from .mapper_harmony_voice import voiced
from .mapper_arpeggios import token_at
from .mapper_key_changes import change_key, check_tokens, key_in_use, key_steps, seventh_in, tuned_apart
from .mapper_messages import message, playable
from .mapper_song_moves import under_capo
from .mapper_tracks import existing_track
from .parser_grammar import parse_plain

NO_CHORD = "no chord to change yet: give one first, e.g. 'play an A minor chord' or 'chords am f c g'"


# -- voicings -----------------------------------------------------------------------------
def revoice(ctx, intent: ih.Revoice) -> list[Message]:
    change = {"open": open_voicing, "close": _close, "bass": _add_bass, "rootless": _rootless,
              "drop2": lambda p: _dropped(p, 2), "drop3": lambda p: _dropped(p, 3),
              "invert": lambda p: _invert(p, intent.times)}[intent.how]
    said = {"open": "open voicing", "close": "close voicing", "bass": "bass note an octave lower",
            "rootless": "without the root", "drop2": "drop 2 voicing", "drop3": "drop 3 voicing",
            "invert": "root position" if intent.times == 0 else f"inverted {intent.times}×" if intent.times > 0 else
            f"{('first', 'second', 'third')[min(-intent.times, 3) - 1]} inversion"}[intent.how]
    return rechord(ctx, change, said, intent.column)


def rechord(ctx, change, said: str, column: int) -> list[Message]:
    """The last chord (a gate or a chord track) with `change` applied to each chord."""
    last = ctx.model.last_chord
    if last is None or (last[0] == "track" and last[1] not in ctx.model.tracks) or \
            (last[0] == "gate" and last[1] not in ctx.model.modules):
        raise LanguageError(NO_CHORD, column)
    if last[0] == "gate":
        pitches = sorted(change([round(register_of(f)) for f in last[2]]))
        ctx.understood.append(f"{said}: {' '.join(name(p) for p in pitches)} on {last[1]}")
        return [message(f"/gate/{last[1]}", 1, *(playable(hz(p), name(p), column) for p in pitches))]
    tokens = [spell_chord(change(p), t) if p and len(p) > 1 else t
              for t, p in ((t, token_pitches(t)) for t in ctx.model.tracks[last[1]].notes)]
    check_tokens(tokens, column)
    notes = list(ctx.model.tracks[last[1]].notes)        # a track doubling it (two pads on one progression): the same
    doubles = [n for n, t in ctx.model.tracks.items() if n != last[1] and list(t.notes) == notes]
    ctx.understood.append(f"{said}: {' | '.join(t for t in tokens if '+' in t)} on the {last[1]} track"
                          + "".join(f" and the {n} track, which doubles it" for n in doubles))
    return [message("/seq/notes", name, *tokens) for name in (last[1], *doubles)]


def alter_chord(ctx, intent: ih.AlterChord) -> list[Message]:
    key = key_steps(ctx, intent.column) if intent.change == "7th" else None

    changed = []

    def change(pitches):
        found = analyse(pitches)
        if found is None or (intent.root is not None and found[0] != intent.root):
            return pitches
        changed.append(found[0])
        if key is not None:
            return _altered(sorted(pitches), found[0], seventh_in(key, found))
        return _altered(sorted(pitches), found[0], intent.change)
    said = {"7": "a 7th added", "7th": "the key's 7ths added", "maj7": "a major 7th added", "9": "a 9th added", "add9": "a 9th added",
            "6": "a 6th added"}.get(
        intent.change, f"made {intent.change}")
    out = rechord(ctx, change, said, intent.column)
    if intent.root is not None and not changed:        # 'add a 7th to the C' with no C playing: nothing to say done
        said = name(intent.root + 60)[:-1].upper()
        shape = f"{name(intent.root - ctx.model.capo + 60)[:-1].upper()} shape ({said} under the capo)" if ctx.model.capo else said
        raise LanguageError(f"no {shape} chord to change: name one that plays", intent.column)
    return out


def retime(ctx, intent: ih.Retime) -> list[Message]:
    last = ctx.model.last_chord
    if last is None or last[0] != "track" or last[1] not in ctx.model.tracks:
        raise LanguageError("no chord track to change: give one first, e.g. 'chords am f c g'", intent.column)
    if not 1 <= intent.steps <= 256:
        raise LanguageError("a chord lasts a whole number of sixteenth steps (1–256)", intent.column)
    held = ctx.model.tracks[last[1]]
    tokens = [token_at(held.notes, step) for step, char in enumerate(held.pattern) if char in "xX"]
    tokens = [t for t in tokens if t]
    pattern = ("x" + "-" * (intent.steps - 1)) * len(tokens)
    if len(pattern) > 256:
        raise LanguageError(f"that is {len(pattern)} steps: a track holds at most 256", intent.column)
    ctx.understood.append(f"the {last[1]} chords, {intent.steps} steps each")
    return [message("/seq/add", last[1], held.target, pattern),
            message("/seq/notes", last[1], *[n for t in tokens for n in [t] + ["-"] * (intent.steps - 1)])]


# -- moving notes -------------------------------------------------------------------------
def move_notes(ctx, intent: ih.MoveNotes) -> list[Message]:
    if intent.target is not None and intent.target.texts in (("everything",), ("all",)) or \
            (intent.tune or intent.band and not _notes_just_given(ctx)) and _the_tune(ctx):
        return _every_track_moved(ctx, intent)                 # ('transpose up a whole step' with chords and a melody)
    last = ctx.model.last_chord
    if intent.dominants and last is None:
        raise LanguageError(NO_CHORD, intent.column)     # 'tritone sub on the G7' before any chord
    if intent.fallback is not None and last is None and ctx.model.key and not _track_with_notes(ctx, None, intent.column):
        return ctx.map(ih.ChangeKey(None, None, "interval", intent.column, semitones=intent.semitones))
    if intent.fallback is not None and not _harmony_in_focus(ctx, last):
        if _drum_in_focus(ctx, intent.column):           # the notes playing move, never the drum's tuning
            return _every_track_moved(ctx, intent)
        return ctx.map(parse_plain(intent.fallback))
    if intent.target is None and last is not None and last[0] == "gate" and (
            intent.fallback is not None or intent.chord or not _track_with_notes(ctx, None, intent.column)):
        return rechord(ctx, lambda p: [x + intent.semitones for x in p], _interval(intent.semitones),
                        intent.column)
    chord_track = last[1] if intent.chord and last and last[0] == "track" and last[1] in ctx.model.tracks else None
    track = chord_track or _named_notes(ctx, intent) or _track_with_notes(ctx, intent.target, intent.column)
    if track is None:
        raise LanguageError("no notes to move: give the voice notes or chords first "
                            "(e.g. 'notes a c e g' or 'chords am f c g')", intent.column)
    notes = ctx.model.tracks[track].notes
    _step_allowed(intent, notes)
    moved = _dominants(notes, intent.named) if intent.dominants and chord_track else None
    if intent.dominants and chord_track and moved is None and sum("+" in str(t) for t in notes) > 1:
        raise LanguageError("none of the chords reads as a dominant to substitute (a rootless voicing hides its root): "
                            "'undo' the voicing, substitute, then voice it again", intent.column)
    flats = _spelling(ctx, intent.semitones) if moved is None and _chords_in(notes) else None
    tokens = [transpose_token(t, intent.semitones, flats) if moved is None or i in moved else t
              for i, t in enumerate(notes)]
    check_tokens(tokens, intent.column)
    ctx.understood.append(f"the {track} notes {_interval(intent.semitones)}: {' '.join(t for t in tokens if t != '-')}")
    keyed = _key_moved(ctx, intent.semitones) if moved is None and _chords_in(notes) else []
    return [message("/seq/notes", track, *tokens)] + keyed


def _chords_in(notes) -> bool:
    return any("+" in str(token) for token in notes)


def _key_moved(ctx, semitones: int) -> list[Message]:
    """The key set moves with the chords ('take it down a tone' for the choir, then 'chords 1 4 1 5': in
    the new key) when it is the key they were in; no key set, nothing to move."""
    if ctx.model.key is None or semitones % 12 == 0:
        return []
    tonic, scale = ctx.model.key
    if key_in_use(ctx) != ctx.model.key:               # set after the notes, elsewhere ('back in G' over A): it stays
        ctx.understood.append(f"the key set stays {tonic} {scale.replace('_', ' ')}")
        return []
    moved = key_name(pitch_class(tonic) + semitones, scale)
    ctx.understood.append(f"the key with them: {tonic} → {moved} {scale.replace('_', ' ')}")
    return [message("/seq/key", moved, scale)]


def _spelling(ctx, semitones: int) -> bool | None:
    """Whether the key the notes move to is written with flats (None: no key to read)."""
    try:
        tonic, scale = key_in_use(ctx)
    except LanguageError:
        return None
    return key_flats(key_name(pitch_class(tonic) + semitones, scale), scale)


def _named_notes(ctx, intent: ih.MoveNotes) -> str | None:
    """The track the notes named are ('the chords': the one track of chords, else one called so; 'the
    melody': a track called so); chords named where none plays are refused, never another voice's notes."""
    if intent.noun is None or intent.target is not None:
        return None
    if intent.noun in ctx.model.tracks:
        return intent.noun
    if intent.chord:
        chords = [name for name, track in ctx.model.tracks.items() if any("+" in str(n) for n in track.notes)]
        if len(chords) == 1:
            return chords[0]
        raise LanguageError(f"which chords: {' or '.join(chords)}?" if chords else
                            "no chords to move: give them first, e.g. 'chords am f c g'", intent.column)
    return None


def _step_allowed(intent: ih.MoveNotes, notes) -> None:
    """A step moves chords by a whole step (a band's 'take it up a step'); for a line of single notes it is
    asked: a whole step, a half step or a step of the scale?"""
    if intent.step and not any("+" in str(token) for token in notes):
        raise LanguageError(STEP_ASKED, intent.column)


def _the_tune(ctx) -> bool:
    """Several note tracks, and the voice in focus plays one of them (a drone in focus: that voice alone moves)."""
    pitched = [t for t in ctx.model.tracks.values() if any(token_pitches(n) for n in t.notes)]
    focus = ctx.model.focus
    voice = [focus] + ctx.model.voice_of(focus) if focus in ctx.model.modules else []
    return len(pitched) > 1 and any(t.target in voice for t in pitched)


def _drum_in_focus(ctx, column: int) -> bool:
    """'transpose up a whole step' with a drum in focus: the note tracks move (all of them), never the drum — its
    tuning is its sound, not a key; with no note track, refused ('tune the kick up 2 semitones' retunes it)."""
    spec = ctx.model.spec(ctx.model.focus) if ctx.model.focus in ctx.model.modules else None
    if spec is None or spec.role != "drum":
        return False
    if not any(any(token_pitches(n) for n in t.notes) for t in ctx.model.tracks.values()):
        raise LanguageError(f"nothing pitched to transpose: {ctx.model.focus} is a drum (add a voice and give it notes "
                            f"or chords, or 'tune the {spec.type} up 2 semitones' to retune the drum)", column)
    return True


def _notes_just_given(ctx) -> bool:
    """The line before gave the voice in focus notes or moved them ('triangle notes c2 d2', 'take the triangle down
    a half step'): a band's 'take it up' then means those, not the tune (after a swing, a mute, a mix move: the tune)."""
    track = ctx.model.tracks.get(ctx.model.just_noted)
    return track is not None and track.target in (ctx.model.voice_of(ctx.model.focus) or [ctx.model.focus])


def _dominants(notes, named: str | None = None) -> set[int] | None:
    """Where a chord track's dominant chords stand (a major third and a minor seventh over the root; else
    a major triad a fifth above the first or the last chord, the tonic): a tritone sub replaces those, not
    the ii and the I. None when there is none (every chord moves, as for a chord given alone). A chord named
    ('on the G7') is that one only: LanguageError when no chord of the track has its root."""
    chords = [(i, analyse(token_pitches(t))) for i, t in enumerate(notes) if "+" in str(t)]
    if named:
        root = pitch_class(re.match(r"[a-g][#b]?", named)[0])
        found = {i for i, shape in chords if shape and shape[0] == root}
        if not found:
            playing = " ".join(dict.fromkeys(_symbol(shape) for _, shape in chords if shape))
            raise LanguageError(f"no {named.capitalize()} in the chords ({playing}): say the chord to substitute, "
                                f"or 'tritone sub on the 5'", 0)
        return found
    found = {i for i, shape in chords if shape and {4, 10} <= {x % 12 for x in shape[1]}}
    tonics = {shape[0] for _, shape in (chords[:1] + chords[-1:]) if shape}
    if not found:                                     # (a major 7th is a tonic's colour, never a dominant's)
        found = {i for i, shape in chords if shape and {4, 7} <= set(shape[1]) and 3 not in shape[1]
                 and 11 not in {x % 12 for x in shape[1]} and any((shape[0] - t) % 12 == 7 for t in tonics)}
    return found or None


def _symbol(shape: tuple[int, tuple[int, ...]]) -> str:
    """(root, intervals) as a chord symbol: (5, (0, 4, 7, 11)) → 'Fmaj7'."""
    suffix = next((k for k, v in QUALITIES.items() if v == shape[1]), "")
    root = name(shape[0], shape[0] in (1, 3, 8, 10)).rstrip("0123456789-")
    return root[0].upper() + root[1:] + suffix


def _every_track_moved(ctx, intent: ih.MoveNotes) -> list[Message]:
    """'tune everything down half a step': every track with notes (none: refused, an oscillator
    alone is not guessed)."""
    _step_allowed(intent, [t for track in ctx.model.tracks.values() for t in track.notes])
    messages, flats = [], _spelling(ctx, intent.semitones)
    for called, track in ctx.model.tracks.items():
        if any(token_pitches(n) for n in track.notes):
            tokens = [transpose_token(t, intent.semitones, flats) for t in track.notes]
            check_tokens(tokens, intent.column)
            messages.append(message("/seq/notes", called, *tokens))
    if not messages:
        raise LanguageError("no notes to move: give the voices notes or chords first, or name the voice "
                            "('transpose the saw down a semitone')", intent.column)
    ctx.understood.append(f"every note track {_interval(intent.semitones)}")
    moved = messages + _key_moved(ctx, intent.semitones)
    tuned_apart(ctx)
    return moved


def _harmony_in_focus(ctx, last) -> bool:
    if last is None or ctx.model.focus not in ctx.model.modules:
        return False
    voice = set(ctx.model.voice_of(ctx.model.focus)) | {ctx.model.focus}
    target = last[1] if last[0] == "gate" else ctx.model.tracks.get(last[1], None)
    return (target.target if hasattr(target, "target") else target) in voice


def _track_with_notes(ctx, words: it.Words | None, column: int) -> str | None:
    if words is None:
        last = ctx.model.last_track
        if last in ctx.model.tracks and any(token_pitches(n) for n in ctx.model.tracks[last].notes):
            return last
    track = existing_track(ctx, words, column)
    return track if track and any(token_pitches(n) for n in ctx.model.tracks[track].notes) else None


def _interval(semitones: int) -> str:
    size = {12: "an octave", 24: "two octaves", 7: "a fifth", 5: "a fourth", 1: "a semitone", 2: "a whole step"}.get(abs(semitones),
                                                                             f"{abs(semitones)} semitones")
    return f"{'up' if semitones > 0 else 'down'} {size}"


def _close(pitches) -> list[int]:
    low = min(pitches)
    return sorted({low + (p - low) % 12 for p in pitches})


def _dropped(pitches, nth: int) -> list[int]:
    """A jazz drop voicing: the chord closed under its top note, then the `nth` note from the top down an
    octave (drop 2 of c e g b: g c e b). A chord of `nth` notes or fewer stays closed."""
    top = max(pitches)
    closed = sorted({top - (top - p) % 12 for p in pitches})
    if len(closed) > nth:
        closed[-nth] -= 12
    return sorted(closed)


def _invert(pitches, times: int) -> list[int]:
    """'invert it': the lowest note up an octave (`times` times) — or, when it doubles a note above (a bass under
    the chord), the next chord tone in its place, so the bass changes; times ≤ 0 names an inversion
    ('second inversion': -2, 'root position': 0), built from root position and kept in the
    chord's register (the lowest note moves by at most a tritone)."""
    ordered = sorted(pitches)
    if times > 0:
        for _ in range(times):
            low, rest = ordered[0], ordered[1:]
            above = {(p - low) % 12 for p in rest} - {0}
            if low % 12 in {p % 12 for p in rest} and above and rest[0] - low >= 12:   # a bass under the chord (c1
                ordered = sorted(rest + [low + min(above)])     # under c3 e3 g3): the next chord tone takes the bass
            else:
                up = low + 12
                while up in rest:                               # (c3 e3 g3 c4: c5 on top, never two c4)
                    up += 12
                ordered = sorted(rest + [up])
        return ordered
    found = analyse(ordered)
    sixth = found and found[1] in (QUALITIES["6"], QUALITIES["m6"]) and analyse(ordered[1:] + [ordered[0] + 12])
    if sixth and sixth[1] in (QUALITIES["m7"], QUALITIES["m7b5"]):
        found = sixth                                   # an Am7 inverted (c e g a) is no C6: A is its root
    root = found[0] if found else ordered[0] % 12
    low = nearest_below(root, ordered[0] + 1)
    named = sorted({low + (p - low) % 12 for p in ordered})
    for _ in range(-times):
        named = sorted(named[1:] + [named[0] + 12])
    shift = 12 * round((ordered[0] - named[0]) / 12)
    return [p + shift for p in named]


def _altered(pitches: list[int], root: int, change: str) -> list[int]:
    """A chord with a tone added above its root ('7': the minor seventh) or its third moved."""
    base = next(p for p in pitches if p % 12 == root)
    third = next((p for p in pitches if (p - root) % 12 in (3, 4)), None)
    if change in ("minor", "major", "sus4", "sus2"):
        if third is None:
            return pitches
        step = {"minor": 3, "major": 4, "sus4": 5, "sus2": 2}[change]
        return sorted(p if p != third else p - (p - root) % 12 + step for p in pitches)
    added = {"7": (10,), "maj7": (11,), "9": (10, 14), "add9": (14,), "6": (9,)}[change]
    new = [base + step for step in added if (base + step) % 12 not in {p % 12 for p in pitches}]
    return sorted(pitches + new)


def _rootless(pitches) -> list[int]:
    found = analyse(pitches)
    kept = [p for p in pitches if found is None or p % 12 != found[0]]
    return kept if len(kept) >= 2 else list(pitches)


def _add_bass(pitches) -> list[int]:
    ordered = sorted(pitches)
    found = analyse(ordered)
    root = found[0] if found else ordered[0] % 12
    roots = [p for p in ordered if p % 12 == root]
    bass = (roots[0] if roots else nearest_below(root, ordered[0])) - 12
    return [bass] + ordered if bass < ordered[0] else ordered


__all__ = ["HANDLERS", "NO_CHORD", "rechord"]


#: The intents this family maps.
HANDLERS = {ih.Revoice: revoice, ih.AlterChord: under_capo(alter_chord), ih.Retime: retime,
            ih.MoveNotes: voiced(move_notes), ih.ChangeKey: change_key}
