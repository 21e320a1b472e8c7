"""A track as a part of the music: mute it and bring it back, play it double or half time.

"stop the hats", "drop the kick", "take out the bass" silence a part and keep it
(`/seq/mute track 1`); "start the hats", "bring the kick back" unmute it. Only remove/delete
removes a track. The track a phrase names (existing_track, named_track) and the voice it
belongs to (voice_head) are found here for every family that plays or changes tracks.
"""
from __future__ import annotations

from collections import Counter

from ..engine.track_play import SPEED_RANGE
from ..protocol.message import Message
from . import intents as it
from .chords import token_pitches
from .errors import LanguageError
from .mapper_messages import message
from .param_words import LEVEL_OF_MODULE
from .patch_model import MASTER
from .resolve import EVERYTHING, type_named
from .target_words import PRONOUN_REFS, TRACK_WORDS, track_words


def named_track(ctx, words: it.Words) -> str:
    """The track a phrase names (by name, or the track playing that voice), or the error
    listing the tracks."""
    try:
        track = existing_track(ctx, words, words.column)
    except LanguageError:
        track = None
    if track is None:
        playing = ", ".join(ctx.model.tracks) or "none"
        raise LanguageError(f"nothing plays {words.text!r} (tracks: {playing})", words.column,
                            tuple(ctx.model.tracks))
    return track


def set_track_muted(ctx, words: it.Words, muted: bool) -> list[Message]:
    track = named_track(ctx, words)
    if ctx.model.tracks[track].muted == muted:
        state = "muted already" if muted else "playing already (it is not muted)"
        raise LanguageError(f"the {track} track is {state}", words.column)
    return [message("/seq/mute", track, 1 if muted else 0), *drone_levels(ctx, [track], muted)]


#: The oscillators that sound until muted when nothing gates them (a sampler plays when triggered).
_DRONING = ("sine", "saw", "square", "triangle", "noise")


def drones(model, own: bool = False) -> list[str]:
    """The oscillators that reach master through no envelope: they sound whether the transport
    runs or not, and a track's note off leaves them sounding its last note — `own`, through none of their own
    either (an envelope after a filter two voices share opens for either one's notes)."""
    voices = model.voices()
    shared = Counter(m for voice in voices for m in set(voice) if model.modules[m] == "adsr")
    return [voice[0] for voice in voices if model.modules[voice[0]] in _DRONING and
            not any(model.modules[m] == "adsr" and (not own or shared[m] == 1) for m in voice)]


def unheard_rhythm(messages, model) -> str | None:
    """A rhythm given a voice with no envelope and no notes to change ('sub plays on the offbeats' on a bare
    sine), or rests in its notes ('bass notes g1 . . bb1'): it drones on through the rests, so they are not
    heard — said, with the way to hear them. A rhythm written while the transport is stopped: said too."""
    touched = {str(m.args[0]) for m in messages if m.address in ("/seq/add", "/seq/notes") and m.args} & set(model.tracks)
    bare = [model.tracks[t].target for t in sorted(touched) if model.tracks[t].target in drones(model) and
            ("." in model.tracks[t].notes or "." in model.tracks[t].pattern
             and not any(token_pitches(n) for n in model.tracks[t].notes))]
    if not bare and touched and not model.running and not any(m.address == "/seq/start" for m in messages) and \
            any(m.address == "/seq/add" for m in messages):
        return "the transport is stopped: 'start' plays it"     # (trials: patterns typed for an hour, never heard)
    if not bare:
        return None
    return (f"{bare[0]} has no envelope: it sounds through the rests, so they are not heard — "
            f"'add an envelope to {bare[0]}' makes each hit heard")


def drone_levels(ctx, tracks: list[str], muted: bool) -> list[Message]:
    """A track muted whose voice is a drone: the voice falls silent too (its note would ring on,
    the chord held after 'stop the organ'), said; unmuted, its level comes back."""
    voices = {ctx.model.tracks[t].target for t in tracks} & set(drones(ctx.model, own=True))
    if muted:                       # ... unless another track still plays it
        voices -= {t.target for n, t in ctx.model.tracks.items() if n not in tracks and not t.muted}
    messages, silenced = [], ctx.model.track_drones
    for voice in sorted(voices):
        level = ctx.model.spec(voice).param("gain")
        now = ctx.model.value(voice, "gain")
        if muted and now != level.low:
            messages.append(message(f"/mod/{voice}/gain", level.low))
            silenced += (voice,)
        elif not muted and now == level.low and voice in silenced:   # (a voice silenced by hand stays so)
            messages.append(message(f"/mod/{voice}/gain", ctx.model.unmuted_value(voice, level)))
    ctx.model.track_drones = tuple(v for v in silenced if muted or v not in voices)
    if messages:
        ctx.understood.append(f"{'silenced' if muted else 'brought back'} "
                              f"{', '.join(m.parts[1] for m in messages)} with the track: no envelope of its own, so "
                              f"{'its notes would ring on' if muted else 'it sounds again'}")
    return messages


def plays_a_track(ctx, words: it.Words | None) -> bool:
    if words is None:
        return False
    try:
        return existing_track(ctx, words, words.column) is not None
    except LanguageError:
        return False


def mute_by_track(ctx, intent: it.Mute) -> list[Message] | None:
    """mute/unmute/solo/kill of parts that play tracks, as /seq/mute (None: not about tracks).

    'mute the kick' mutes its track; 'kill the delay' (an effect) removes it; 'mute
    everything' mutes every track; 'solo the bass' mutes the other tracks; 'unmute',
    'bring it all back' and 'unsolo' unmute the muted tracks."""
    target, verb = intent.target, intent.verb
    everything = target is None or target.texts in EVERYTHING
    if verb == "kill" and not everything and (not plays_a_track(ctx, target) or _an_effect(ctx, target, any_level=True)):
        module_id = ctx.resolve.module(target)
        if ctx.model.spec(module_id).role in ("processor", "modulator"):
            return ctx.map(it.RemoveModule(target))
        return None
    if not ctx.model.tracks:
        return None
    if verb == "kill" and target is not None and any(w in TRACK_WORDS for w in target.texts):
        return ctx.map(it.RemoveModule(target))        # "kill the snare track"
    if verb in ("unsolo",) or (verb == "unmute" and everything):
        kept = ctx.model.muted_before_solo if verb == "unsolo" else ()     # muted before the solo: still muted
        muted = [n for n, t in ctx.model.tracks.items() if (t.muted or n in ctx.model.for_a_while) and n not in kept]
        if not muted:
            return None
        messages = [message("/seq/mute", name, 0) for name in muted] + _unmuted_levels(ctx)
        ctx.model.soloed, ctx.model.muted_before_solo, ctx.model.for_a_while = (), (), ()
        return messages
    if verb in ("mute", "kill") and everything:
        if not _all_parts_play_tracks(ctx):
            return None                               # a voice without a track: the master
        playing = [n for n, t in ctx.model.tracks.items() if not t.muted]
        return [message("/seq/mute", name, 1) for name in playing] + drone_levels(ctx, playing, True) or None
    if target is not None and target.texts in PRONOUN_REFS and verb == "unmute":
        last = ctx.model.tracks.get(ctx.model.last_track)
        if last is not None and last.muted:           # "bring it back" after "mute the hats"
            return [message("/seq/mute", ctx.model.last_track, 0), *drone_levels(ctx, [ctx.model.last_track], False)]
    if target is None or not plays_a_track(ctx, target) or verb in ("mute", "unmute") and _an_effect(ctx, target, any_level=True):
        return None
    track = named_track(ctx, target)
    if verb in ("mute", "kill"):
        return set_track_muted(ctx, target, True)
    if verb == "unmute" and track in ctx.model.for_a_while and not ctx.model.tracks[track].muted:
        return [message("/seq/mute", track, 0), *drone_levels(ctx, [track], False)]     # out for a while: back now
    if verb == "unmute":
        return set_track_muted(ctx, target, False) if ctx.model.tracks[track].muted else None
    return None


def _all_parts_play_tracks(ctx) -> bool:
    targets = {t.target for t in ctx.model.tracks.values()}
    return all(m in targets for m in ctx.model.modules
               if ctx.model.spec(m).role in ("source", "drum"))


def _unmuted_levels(ctx) -> list[Message]:
    try:
        return unmute_all(ctx, 0)
    except LanguageError:
        return []


def mute_track(ctx, intent: it.MuteTrack) -> list[Message]:
    return set_track_muted(ctx, intent.target, intent.muted)


def scale_track(ctx, words: it.Words, factor: float) -> list[Message]:
    """'double the hats': the rhythm twice as fast; 'half time kick': twice as slow (/seq/speed,
    the pattern stays as written)."""
    track = named_track(ctx, words)
    return set_speed(ctx, track, ctx.model.tracks[track].style, ("times", factor), words.column)


def unmute_all(ctx, column: int, kept: tuple[str, ...] = ()) -> list[Message]:
    """Every part muted back at its level, but those `kept` (muted before a solo, for 'unsolo')."""
    messages = []
    for module_id in ctx.model.modules:
        spec = ctx.model.spec(module_id)
        if module_id in kept:
            continue
        param = next((spec.param(n) for n in LEVEL_OF_MODULE if spec.has_param(n)), None)
        if param is not None and ctx.model.value(module_id, param.name) == param.low and (
                module_id == MASTER or (module_id, param.name) in ctx.model.premute):
            messages.append(message(f"/mod/{module_id}/{param.name}",
                                 ctx.model.unmuted_value(module_id, param)))
    if not messages:
        raise LanguageError("nothing is muted", column)
    ctx.model.soloed, ctx.model.muted_before_solo = (), ()
    return messages


def set_speed(ctx, track: str, style: dict, value: tuple, column: int) -> list[Message]:
    how, factor = value
    speed = factor if how == "set" else float(style.get("speed", 1.0)) * factor
    low, high = float(SPEED_RANGE[0]), float(SPEED_RANGE[1])
    if not low <= speed <= high:
        raise LanguageError(f"the {track} track would play at {speed:g}× — a track plays at {low:g}–{high:g}× "
                            f"(say 'normal time {track}' to start again)", column)
    if speed == float(style.get("speed", 1.0)):
        raise LanguageError(f"the {track} track plays at {speed:g}× already", column)
    ctx.understood.append(f"the {track} track at {speed:g}× its written speed")
    return [message("/seq/speed", track, speed)]


def voice_head(ctx, words: it.Words | None, column: int) -> str:
    module_id = ctx.resolve.module(words) if words else ctx.resolve.focus(column)
    voice = ctx.model.voice_of(module_id)
    if not voice and words is None and ctx.model.spec(module_id).role == "modulator":
        voice = ctx.resolve.focused_voice()          # an lfo in focus: the voice it plays in
    return voice[0] if voice else module_id


def only_drums(ctx) -> bool:
    """Every track plays a drum (a kit alone: its feel is the drums', not the tempo)."""
    kinds = [ctx.model.spec(t.target).role for t in ctx.model.tracks.values() if t.target in ctx.model.modules]
    return bool(kinds) and all(kind == "drum" for kind in kinds)


def _an_effect(ctx, words: it.Words, any_level: bool = False) -> bool:
    """'reverb off', 'bypass the delay': an effect or a modulator in a voice that plays a track is
    switched off by its own level (mix, depth), never by muting the part it colours; `any_level`: one with
    no level too ('mute the filter' is asked how, 'kill the filter' removes it — never the chords muted)."""
    if "_".join(track_words(words).texts) in ctx.model.tracks or words.texts in PRONOUN_REFS:
        return False
    try:
        module_id = ctx.resolve.module(words, hints=False)
    except LanguageError:
        return False
    spec = ctx.model.spec(module_id)
    return spec.role in ("processor", "modulator") and (any_level or any(spec.has_param(p) for p in LEVEL_OF_MODULE[1:]))


def existing_track(ctx, words: it.Words | None, column: int) -> str | None:
    """The track a phrase names: by name, else the track playing that module's voice."""
    if words is not None:
        words = track_words(words)
        if "_".join(words.texts) in ctx.model.tracks:   # (a track called 'pulse' is that track, never a square's)
            return "_".join(words.texts)
        name = type_named(words.texts) or "_".join(words.texts)
        if name in ctx.model.tracks:
            return name
        if name in _NOTE_NOUNS and name not in ctx.model.modules:    # (a voice named 'arp' is that voice)
            return _notes_called(ctx, name)
        if type_named(words.texts) and not ctx.model.of_type(name):
            return None
    voice = ctx.model.voice_of(voice_head(ctx, words, column))
    members = set(voice) | {voice_head(ctx, words, column)}
    return next((n for n, t in ctx.model.tracks.items() if t.target in members), None)


#: What musicians call the notes a track plays, when no track has that name ('the melody backwards').
_NOTE_NOUNS = frozenset("melody tune riff hook motif lick theme chords progression changes arp arpeggio scale".split())


def _notes_called(ctx, noun: str) -> str | None:
    """The track a note noun means: the last track given notes if it holds that kind (chords for
    'chords', single notes otherwise), else the one track that does (None when none or several)."""
    if noun == "scale":
        return ctx.model.scale_run
    chordal = noun in ("chords", "progression", "changes")

    def fits(name: str) -> bool:
        pitched = [token_pitches(t) for t in ctx.model.tracks[name].notes]
        return any(pitched) and any(len(p) > 1 for p in pitched if p) == chordal
    if ctx.model.last_track in ctx.model.tracks and fits(ctx.model.last_track):
        return ctx.model.last_track
    found = [name for name in ctx.model.tracks if fits(name)]
    return found[0] if len(found) == 1 else None


#: The intents this family maps.
HANDLERS = {it.MuteTrack: mute_track}
