"""Levels: mute, unmute, solo and unsolo, and 'open/close the filter'.

Muting sets a module's level to its minimum and unmuting restores what the patch model
remembers; an on/off param named instead ('turn off the limiter') is switched, not muted.
"""
from __future__ import annotations

import re

from ..engine.params import ParamSpec
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .mapper_changes import change_message, near_param, ramp_turned_back
from .mapper_messages import message
from .mapper_tracks import mute_by_track, unmute_all
from .param_words import LEVEL_OF_MODULE
from .patch_model import MASTER
from .resolve import EVERYTHING, type_named
from .type_words import plural_of_type
from .target_words import track_name
from .vocabulary import is_known_word


def what_it_took(ctx, intent, messages: list[Message]) -> None:
    """A mute, a drop or a removal of 'it' ('turn it off', 'lose it', 'get rid of it') says which part it took."""
    target = getattr(intent, "target", None)
    if not isinstance(target, it.Words) or target.texts not in (("it",), ("that",), ("this",)):
        return
    said = [f"the {m.args[0]} track" if m.address in ("/seq/mute", "/seq/remove") else m.parts[1] if m.parts[0] == "mod"
            else str(m.args[0]) for m in messages if m.address in ("/seq/mute", "/seq/remove", "/patch/remove")
            or m.address.startswith("/mod/")]
    back = getattr(intent, "verb", "") == "unmute"
    done = "removed" if any(m.address in ("/seq/remove", "/patch/remove") for m in messages) else "back" if back else "off"
    line = f"{target.text} → {', '.join(dict.fromkeys(said))}: {done}"
    if said and line not in ctx.understood:                  # a drop done as a removal: said once
        ctx.understood.append(line)


def muted_yet_raised(ctx, messages: list[Message]) -> None:
    """'fiddle louder' while the fiddle's track is muted: raised, and still unheard — the echo says so."""
    for m in messages:
        if m.address.startswith("/mod/") and m.address.endswith("/gain") and len(m.parts) == 3:
            voice = ctx.model.voice_of(m.parts[1]) or [m.parts[1]]
            tracks = [n for n, t in ctx.model.tracks.items() if t.target in voice]
            before = ctx.model.value(m.parts[1], "gain") if m.parts[1] in ctx.model.modules else None
            if tracks and all(ctx.model.tracks[n].muted for n in tracks) and before is not None and m.args and \
                    float(m.args[0]) > float(before):
                ctx.understood.append(f"{m.parts[1]} is up, but its track is muted: 'unmute the {tracks[0]}' to hear it")


def mute(ctx, intent: it.Mute) -> list[Message]:
    master = ctx.model.spec(MASTER).param("gain") if ctx.model.spec(MASTER) is not None else None
    if intent.verb == "unmute" and (intent.target is None or intent.target.texts in EVERYTHING) and master is not None \
            and ctx.model.value(MASTER, "gain") == master.low and (MASTER, "gain") in ctx.model.premute:
        kept = [n for n, t in ctx.model.tracks.items() if t.muted]
        ctx.understood.append("the whole mix back (muted as a whole)" + (f"; muted before it, still muted: {', '.join(kept)}"
                                                                         if kept else ""))
        return _unmute(ctx, MASTER, intent.column)      # (after 'mute everything': what was off before stays off)
    switch = _switch_param(ctx, intent.target, intent.verb)
    if switch is not None:                            # "turn off the limiter"
        return switch
    by_track = mute_by_track(ctx, intent)            # a part that plays a track: its track
    if by_track is not None:
        return by_track
    if intent.verb == "kill":
        intent = it.Mute("mute", intent.target, intent.column)
    if intent.verb in ("mute", "unmute"):
        everything = intent.target is None or intent.target.texts in EVERYTHING
        if intent.verb == "unmute" and everything:
            return unmute_all(ctx, intent.column)
        module_id = MASTER if everything else _level_module(ctx, intent.target)
        column = intent.target.column if intent.target is not None else intent.column
        return (_mute if intent.verb == "mute" else _unmute)(ctx, module_id, column)
    if intent.verb == "unsolo":                       # (a part muted before the solo stays muted)
        return unmute_all(ctx, intent.column, ctx.model.muted_before_solo if ctx.model.soloed else ())
    return _solo(ctx, intent.target, intent.column)


def _switch_param(ctx, words: it.Words | None, verb: str) -> list[Message] | None:
    """An on/off param named by 'turn off X' / 'X on' is set, not muted."""
    if words is None or verb not in ("mute", "unmute"):
        return None
    try:
        module_id, spec = ctx.resolve.param(words, hints=False)
    except LanguageError:
        return None
    if not (spec.is_enum and {"on", "off"} <= set(spec.choices)):
        return None
    return [message(f"/mod/{module_id}/{spec.name}", "on" if verb == "unmute" else "off")]


def _level_module(ctx, words: it.Words) -> str:
    name = track_name(words, ctx.model.tracks)
    track = ctx.model.tracks.get(name)
    if track is not None and track.target in ctx.model.modules and not type_named(words.texts):
        return track.target
    return ctx.resolve.module(words)


def _level(ctx, module_id: str, column: int) -> ParamSpec:
    spec = ctx.model.spec(module_id)
    for name in LEVEL_OF_MODULE:
        if spec.has_param(name):
            return spec.param(name)
    raise LanguageError(f"{module_id} has no level to mute — remove it with 'remove {module_id}'",
                        column)


def _mute(ctx, module_id: str, column: int) -> list[Message]:
    param = _level(ctx, module_id, column)
    if ctx.model.value(module_id, param.name) == param.low:
        raise LanguageError(f"{module_id} is already muted", column)
    return [message(f"/mod/{module_id}/{param.name}", param.low)]


def _unmute(ctx, module_id: str, column: int) -> list[Message]:
    """Back to the level before a mute — or before a fade out, stopped or still going part way down."""
    param = _level(ctx, module_id, column)
    now = ctx.model.value(module_id, param.name)
    if now != param.low and not now < ctx.model.premute.get((module_id, param.name), now):
        raise LanguageError(f"{module_id} is not muted", column)
    return [message(f"/mod/{module_id}/{param.name}", ctx.model.unmuted_value(module_id, param))]


def _muted_by_level(ctx, module_id: str) -> bool:
    spec = ctx.model.spec(module_id)
    return spec.role in ("source", "drum") and spec.has_param("gain") and \
        ctx.model.value(module_id, "gain") == spec.param("gain").low


def _solo(ctx, target: it.Words | None, column: int) -> list[Message]:
    """Mute every other source and drum; what is soloed together ('solo the kick and the bass')
    stays heard (a module muted by an earlier solo of the group comes back)."""
    keep = _level_module(ctx, target) if target else ctx.resolve.focus(column)
    if not ctx.model.soloed:                          # the first solo: what was muted already stays so after
        ctx.model.muted_before_solo = tuple(n for n, t in ctx.model.tracks.items() if t.muted) + \
            tuple(m for m in ctx.model.modules if _muted_by_level(ctx, m))
    soloed = tuple(dict.fromkeys([m for m in ctx.model.soloed if m in ctx.model.modules] + [keep]))
    heard = set(soloed).union(*(ctx.model.voice_of(m) for m in soloed))
    messages = []
    tracks = {t.target: n for n, t in ctx.model.tracks.items()}
    for module_id in ctx.model.modules:
        spec = ctx.model.spec(module_id)
        if spec.role not in ("source", "drum") or not spec.has_param("gain"):
            continue
        if module_id in tracks:                       # a part that plays a track: its track
            muted = ctx.model.tracks[tracks[module_id]].muted
            if (module_id in heard) == muted:
                messages.append(message("/seq/mute", tracks[module_id], 0 if muted else 1))
            if module_id not in heard or ctx.model.value(module_id, "gain") != spec.param("gain").low:
                continue
        gain = spec.param("gain")
        muted = ctx.model.value(module_id, "gain") == gain.low
        if module_id in heard and muted and (module_id, "gain") in ctx.model.premute:
            messages.append(message(f"/mod/{module_id}/gain", ctx.model.unmuted_value(module_id, gain)))
        elif module_id not in heard and not muted:
            messages.append(message(f"/mod/{module_id}/gain", gain.low))
    if not messages:
        raise LanguageError(f"nothing else is playing to mute around {keep}", column)
    ctx.model.soloed = soloed
    return messages


def module_or_none(ctx, words: it.Words) -> str | None:
    try:
        return ctx.resolve.module(words, hints=False)
    except LanguageError:
        return None


def open_close(ctx, intent: it.OpenClose) -> list[Message]:
    """'open the filter' raises its cutoff (a highpass's lowers it); 'open night-drive' loads a session."""
    words = intent.target
    session_like = len(words.items) == 1 and not is_known_word(words.text, ctx.model.modules) and not plural_of_type(words.text)
    if intent.direction > 0 and (intent.at_bar or session_like):
        return ctx.map(it.LoadSession(words.items[0], intent.now))
    try:
        module_id, spec = ctx.resolve.param(words, hints=False)
    except LanguageError:
        names = ("cutoff", "tone")
        if ctx.model.modules.get(module_or_none(ctx, words)) == "hat":
            names = ("decay",)                        # "open hats": a longer ring
        module_id, spec = near_param(ctx, words, names, words.column,
                                     "opener" if intent.direction > 0 else "closer")
    highpass = spec.name == "cutoff" and ctx.model.spec(module_id).has_param("mode") and \
        ctx.model.value(module_id, "mode") == "highpass"
    direction = -intent.direction if highpass else intent.direction   # (a highpass opens down: more of the lows through)
    turned = ramp_turned_back(ctx, module_id, spec, direction, intent.amount, intent.intensity, said_back=True)
    return [turned or change_message(ctx, module_id, spec, direction, intent.amount, intent.intensity, words.column)]


#: The intents this family maps.
HANDLERS = {it.Mute: mute, it.OpenClose: open_close}


def more_of_it(ctx, spec, voice: list[str] | None = None) -> list[Message] | None:
    """'add some reverb to the chords' where the chords' voice (else the one in focus) goes through a reverb already:
    more of it (its mix up a step, said back) — when an amount is said ('some', 'a bit of'), never 'another reverb'."""
    if spec.role != "processor" or not _SOME_SAID.search(ctx.line):
        return None
    voice = voice if voice is not None else ctx.resolve.focused_voice() or []
    present = next((m for m in voice if ctx.model.modules.get(m) == spec.type), None)
    if present is None or not spec.has_param("mix"):
        return None
    ctx.understood.append(f"{present} is on {voice[0]} already: more of it")
    return [change_message(ctx, present, spec.param("mix"), 1, None, None, 0)]


#: An amount of an effect asked for ('add some reverb to the chords'): more of the one the part goes through, if any.
_SOME_SAID = re.compile(r"\b(?:some|more|bit|little|touch|tad|dash|splash|hint)\b(?!\s+(?:other|another|second|new)\b)", re.I)
