"""Which voice and track a harmony phrase means, and how high it plays: shared by mapper_harmony
and mapper_voicing.

A phrase names a voice, a nickname ('the pad', 'the organ'), a track, or nothing (the focus's
synth); the octaves come from the voice's register; a note track replaces the voice's own.
"""
from __future__ import annotations

from dataclasses import replace

from ..engine.mini_notation import MAX_STEPS
from ..protocol.message import Message
from . import intents as it
from .chords import hz, name, register_of, token_pitches
from .errors import LanguageError
from .mapper_messages import message, playable
from .mapper_sequencer import track_and_target
from .mapper_tracks import existing_track, voice_head
from .musician_words import nickname

#: Where notes go when a voice has neither notes nor a frequency: a3.
DEFAULT_REGISTER = 57.0


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


def _nicknamed(ctx, words: it.Words | None) -> it.Words | None:
    """'the pad', 'the organ' (harmony_constituents reads instruments a pad stands for as 'pad'): the
    voice the nickname means in this patch, said in the echo; any other words as they are."""
    if words is None or len(words.items) != 1:
        return words
    word = words.items[0]
    if word.text in ctx.model.modules or word.text in ctx.model.tracks:
        return words
    found = nickname(word.text, ctx.model)
    if found is None:
        return words
    ctx.understood.append(f"{word.text} → {found}")
    return it.Words((it.Word(found, word.column),))


def voiced(handler):
    """A harmony handler whose intent's voice may be a nickname ('on the organ'): resolved first."""
    def handle(ctx, intent):
        target = getattr(intent, "target", None)
        return handler(ctx, replace(intent, target=_nicknamed(ctx, target)) if target is not None else intent)
    return handle


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


def send_track(ctx, words, column, pattern: str, notes: list[str], kind: str | None = None) -> list[Message]:
    """A note track for the voice: its own track replaced, else a new one — named `kind`
    ('chords', 'arp', 'melody') when that name is free."""
    if len(pattern) > MAX_STEPS:
        raise LanguageError(f"that is {len(pattern)} steps: a track holds at most {MAX_STEPS}", column)
    for token in notes:
        for pitch in token_pitches(token) or ():
            playable(hz(pitch), name(pitch), column)
    existing = existing_track(ctx, words, column)
    if existing:
        return [message("/seq/add", existing, ctx.model.tracks[existing].target, pattern),
                message("/seq/notes", existing, *notes)]
    track, target, created = track_and_target(ctx, words, column)
    if kind and kind not in ctx.model.tracks:
        track = kind
    return created + [message("/seq/add", track, target, pattern), message("/seq/notes", track, *notes)]


def rhythm_kept(ctx, words, column: int) -> str | None:
    """The voice's track when new notes keep its rhythm (not when it holds chords with ties:
    a melody then gets a note a step)."""
    existing = existing_track(ctx, words, column)
    return existing if existing and "-" not in ctx.model.tracks[existing].pattern else None
