"""One note held on a voice ('play e', 'tune the saw to e', 'a drone on D', 'a low G', 'the E above it'):
its octave from the voice's register, from the second octave when said low, at or below the voice for
a drone, or next to the note the voice last played."""
from __future__ import annotations

from ..protocol.message import Message
from . import intents_harmony as ih
from .chords import hz, nearest, register_of, root_text, spelled, token_pitches
from .errors import LanguageError
from .mapper_harmony import pitched_head, placed_note, voice_and_track, voice_register
from .mapper_harmony_voice import voiced
from .mapper_messages import message, playable


#: Where a note said 'low' sits: C2 to B2, an organ's pedal notes.
LOW_REGISTER = 41.5


def play_pitch(ctx, intent: ih.PlayPitch) -> list[Message]:
    if intent.tune:
        module_id = ctx.resolve.module(intent.target) if intent.target else ctx.resolve.focus(intent.column)
        spec = ctx.model.spec(module_id)
        if intent.target is None and (spec is None or spec.role != "source"):
            module_id = pitched_head(ctx, None, intent.column)      # 'tune it to e': the voice's oscillator
            spec = ctx.model.spec(module_id)
        drum = intent.target is not None and spec is not None and spec.role == "drum"   # 'kick tuned to e': its body
        if spec is None or spec.role != "source" and not drum or not spec.has_param("freq"):
            raise LanguageError(f"{module_id} has no pitch to tune: name an oscillator ('tune the saw to e')",
                                intent.column)
        param = spec.param("freq").name
        current = float(ctx.model.value(module_id, param))
        note = placed_note(intent.pitch, register_of(current), intent.column)
        tuned = playable(hz(token_pitches(note)[0]), note, intent.column)
        placed = "" if intent.pitch[-1:].isdigit() else f", the octave nearest {current:g} Hz"   # an octave said: as said
        ctx.understood.append(f"{module_id} tuned to {note}: {current:g} → {tuned:g} Hz{placed}")
        return [message(f"/mod/{module_id}/{param}", tuned)]
    head, track = voice_and_track(ctx, intent.target, intent.column)
    if intent.beside:
        return _beside_last(ctx, intent, head)
    reference, source = voice_register(ctx, head, track, melody=True)
    if intent.register == "low":
        reference, source = LOW_REGISTER, "low: the second octave"
    note = placed_note(intent.pitch, reference - 5.5 * (intent.register == "drone"), intent.column)
    ctx.understood.append(f"{intent.pitch} → {note} ({'at or below' if intent.register == 'drone' else 'near'} {source})")
    return [message(f"/gate/{head}", 1, playable(hz(token_pitches(note)[0]), note, intent.column))]


def _beside_last(ctx, intent: ih.PlayPitch, head: str) -> list[Message]:
    """'the e above it': the named note's nearest octave above (below) the note `head` last played."""
    last = ctx.model.last_pitch
    way = "above" if intent.beside > 0 else "below"
    if last is None or last[0] != head:
        raise LanguageError(f"{way} what? {head} holds no single note — play one first (e.g. 'play c4 on the {head}'), "
                            f"or say the octave ('play {intent.pitch}4')", intent.column)
    before = register_of(last[1])
    pitch = nearest(root_text(intent.pitch)[0], before)
    while (pitch - before) * intent.beside <= 0.5:
        pitch += 12 * intent.beside
    while (pitch - 12 * intent.beside - before) * intent.beside > 0.5:
        pitch -= 12 * intent.beside
    note = spelled(pitch, intent.pitch)
    ctx.understood.append(f"{intent.pitch} {way} {last[1]:g} Hz → {note}")
    return [message(f"/gate/{head}", 1, playable(hz(token_pitches(note)[0]), note, intent.column))]


def add_interval(ctx, intent: ih.AddInterval) -> list[Message]:
    """'add a fifth': the note the voice in focus last held, and the note that far above it."""
    held, focus = ctx.model.last_pitch, ctx.model.focus
    voice = set(ctx.model.voice_of(focus)) | {focus} if focus in ctx.model.modules else set()
    if held is None or held[0] not in voice:
        raise LanguageError("add it to what? hold a note first ('drone on a'), then 'add a fifth' — or 'add a fifth "
                            "above' for a voice of its own", intent.column)
    top = held[1] * 2 ** (intent.semitones / 12)
    ctx.understood.append(f"{held[1]:g} Hz and {top:g} Hz, {intent.semitones} semitones above, together")
    return [message(f"/gate/{held[0]}", 1, round(held[1], 6), round(top, 6))]


#: The intents this family maps.
HANDLERS = {ih.PlayPitch: voiced(play_pitch), ih.AddInterval: add_interval}
