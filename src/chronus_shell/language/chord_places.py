"""Where a chord said goes: with no part said, the one part that plays chords; said on a playing track by its name,
that track's hits — unless said to be held, then held, its track muted (its next note would end the chord); on a drone
`stop` silenced, its level back."""
from __future__ import annotations

import re

from ..protocol.message import Message
from . import intents as it
from . import intents_harmony as ih
from .errors import LanguageError
from .mapper_messages import message
from .mapper_tracks import existing_track, voice_head
from .sequence_messages import chord_tracks

#: A chord said to be held ('hold a Dm9 on the pads'): held, the part's track muted under it.
_HOLD = re.compile(r"(?<!with\s)\b(?:hold|holds|held|holding|sustain|sustained|ring|rings|ringing|long)\b(?!\s+(?:on|up)\b)",
                   re.I)   # ('hold on, …'; 'let it ring', 'a long Bbm7': held too)


def part_said(ctx, intent) -> it.Words | None:
    """The part a chord is said on: the one named, or chord_part's when none is (or only_named finds none)."""
    target = only_named(ctx, intent.target)
    return target if target is not None else chord_part(ctx, intent.column)


def only_named(ctx, words: it.Words | None) -> it.Words | None:
    """The words naming a part — but not 'the stabs' when nothing has that name (a chart's word for short chords: the
    chords go where they would go unnamed, never refused)."""
    if words is None or words.texts != ("stabs",):
        return words
    try:
        named = existing_track(ctx, words, words.column) is not None or voice_head(ctx, words, words.column) is not None
    except LanguageError:
        named = False
    return words if named else None


def chord_part(ctx, column: int) -> it.Words | None:
    """A chord said held with no part ('hold a G chord for the prayer'), or the next chord after one held there: on the one
    part that plays chords when the focus is on another that plays a line of its own (the flute named last), said so;
    None: the focus's voice."""
    tracks = [n for n in chord_tracks(ctx.model) | set(ctx.model.arpeggios) if n in ctx.model.tracks]   # (an arpeggio too)
    voices = {ctx.model.tracks[name].target for name in tracks} & set(ctx.model.modules)
    focus = ctx.model.voice_of(ctx.model.focus) if ctx.model.focus in ctx.model.modules else []
    if len(voices) != 1 or not focus or focus[0] in voices or not any(t.target == focus[0] for t in ctx.model.tracks.values()):
        return None                                   # (a sound with no track of its own, just added: chords tried on it)
    chordal = next(iter(voices))
    held_there = bool(ctx.model.last_chord) and ctx.model.last_chord[0] == "gate" and ctx.model.last_chord[1] == chordal
    if not (held_there or _HOLD.search(ctx.line)):
        return None                                   # ('play am': where the focus is — the chords' track would cut it)
    ctx.understood.append(f"on {chordal}, the part that plays the chords")
    track = next(n for n in tracks if ctx.model.tracks[n].target == chordal)
    return it.Words((it.Word(chordal if held_there else track, column),))   # (held: its track muted if it plays hits)


def on_its_hits(ctx, intent: ih.PlayChord, token: str, said: str, why: str) -> list[Message] | None:
    """The chord on every hit of the playing track named ('C on the bass'), said so; None when it is held."""
    playing = _track_playing(ctx, intent)
    if playing is None or _HOLD.search(ctx.line):
        return None
    ctx.understood.append(f"{said} on every hit of the {playing} track ({why} at its next note)")
    return [message("/seq/notes", playing, token)]


def held(ctx, intent: ih.PlayChord, head: str, gate: Message) -> list[Message]:
    """The chord's gate, with the named track it would stop muted and a silenced drone's level back."""
    return [*_track_held_off(ctx, _track_playing(ctx, intent)), gate, *_heard_again(ctx, head)]


def _track_playing(ctx, intent: ih.PlayChord) -> str | None:
    """The track a chord said 'on the bass' goes to: one named, playing hits (a held gate would stop at its next note);
    or, said on a voice by another name ('Bbm7 on the organ'), its one track when that plays chords and is not muted."""
    if intent.target is None:
        return None
    if any(w.text in ctx.model.tracks for w in intent.target.items):
        playing = existing_track(ctx, intent.target, intent.column)
    else:
        playing = _chords_of_voice(ctx, intent)
    rhythm = ctx.model.tracks[playing].pattern if playing else ""
    return playing if ctx.model.running and "x" in rhythm.lower() and "-" not in rhythm else None


def _chords_of_voice(ctx, intent: ih.PlayChord) -> str | None:
    """The one unmuted chord track of the voice named (a voice with two tracks, or one of single notes: None)."""
    try:
        track = existing_track(ctx, intent.target, intent.column)
    except LanguageError:
        return None                                   # (the name is not a voice: the gate's reading says so)
    if track is None or track not in chord_tracks(ctx.model) or ctx.model.tracks[track].muted:
        return None
    target = ctx.model.tracks[track].target
    return track if sum(t.target == target for t in ctx.model.tracks.values()) == 1 else None


def _track_held_off(ctx, playing: str | None) -> list[Message]:
    """A chord held on a part whose track plays: the track muted, or its next note would end the chord, said so."""
    if playing is None or ctx.model.tracks[playing].muted:
        return []
    ctx.understood.append(f"the {playing} track muted while the chord holds ('unmute {playing}' plays it again)")
    return [message("/seq/mute", playing, 1)]


def _heard_again(ctx, head: str) -> list[Message]:
    """A chord held on a drone 'stop' silenced ('stop the song and just hold a C chord'): its level back, said so —
    else the chord is held and nothing is heard."""
    if head not in ctx.model.stopped_drones or ctx.model.value(head, "gain") != 0:
        return []
    ctx.model.stopped_drones = tuple(d for d in ctx.model.stopped_drones if d != head)
    ctx.understood.append(f"{head} back to be heard ('stop' had silenced it)")
    return [message(f"/mod/{head}/gain", ctx.model.unmuted_value(head, ctx.model.spec(head).param("gain")))]


__all__ = ["chord_part", "held", "on_its_hits", "only_named", "part_said"]
