"""Mutes said with time words: 'drop the drums for a bar' (every drum track), 'mute everything for 2 bars', 'bring the
hats back in on the next bar' after a mute (an unmute, no fade), and a voice with no envelope muted for a while
('mute the kora for 2 bars'): its level falls silent with its track and comes back when the track does."""
from __future__ import annotations

import re

from ..protocol.message import Message
from .errors import LanguageError
from .mapper_tracks import drones
from .sequence_messages import mutes


_DRUMS = re.compile(r"^mute\s+(?:all\s+)?(?:the\s+)?(?:drums|percussion|drum\s+tracks|kit|whole\s+kit)$", re.I)
_ALL_TRACKS = re.compile(r"^mute\s+(?:everything|it\s+all|all(?:\s+(?:the\s+)?tracks)?|every\s+track|the\s+whole\s+"
                         r"(?:thing|track|beat)|the\s+music)$", re.I)


_BACK_IN = re.compile(r"\b(?:bring|put|get|let)\s+(?P<what>.+?)\s+(?:back\s+)?in\b", re.I)


def back_in(translator, text: str) -> list[Message] | None:
    """A part brought 'back in' whose track is muted: unmuted (a part faded out is faded back in)."""
    back = _BACK_IN.search(text)
    if back is None:
        return None
    state = translator._state()
    try:
        messages = translator.translate(f"unmute {back['what']}")
    except LanguageError:
        return None
    if not messages or not all(m.address == "/seq/mute" for m in messages):
        translator._restore(state)
        return None
    return messages


def drum_mutes(model, command: str) -> list[Message]:
    """'drop the drums for a bar': every unmuted track that plays a drum ('drop everything': every one, and each voice
    with no envelope it plays silenced with it — every such voice for 'everything')."""
    every = bool(_ALL_TRACKS.match(command))
    if not (every or _DRUMS.match(command)):
        return []
    tracks = [name for name, track in model.tracks.items() if not track.muted and (every or (
        model.spec(track.target) is not None and model.spec(track.target).role == "drum"))]
    if not tracks:
        raise LanguageError(f"no {'' if every else 'drum '}track is playing to mute", 0)
    voices = (set(drones(model)) if every else {model.tracks[name].target for name in tracks} & set(drones(model)))
    silenced = sorted(v for v in voices if model.value(v, "gain") != model.spec(v).param("gain").low)
    model.track_drones = tuple(dict.fromkeys(model.track_drones + tuple(silenced)))   # ('everything': the drones too)
    return [Message("/seq/mute", (name, 1)) for name in tracks] + \
        [Message(f"/mod/{v}/gain", (float(model.spec(v).param("gain").low),)) for v in silenced]


_MUTING = re.compile(r"^(?:mute|silence|drop|cut|kill|dub\s+out)\b", re.I)
#: The words that time a mute: it lasts that long, then comes back by itself.
MUTE_WORDS = ("for", "during")


def drone_returns(model, messages: list[Message], levels: dict[str, float], timed) -> tuple[list[Message], list[Message]]:
    """(the messages left to time, the levels of the voices with no envelope silenced with their track for a while,
    or muted with no track at all). Such a voice sounds with no track ('mute the kora' silences it too): muted for 2 bars, its level is 0 now and back
    when the track is — on the beat line after the track's way back (an /at counts lines: never before it, within a
    beat after); from a bar line ('… on the next bar'), on the bar line the track comes back on."""
    muting = any(mutes(m) for m in messages)
    alone = not muting and bool(_MUTING.match(timed.command))         # 'mute the saw' with no track: its level
    silenced = [m for m in messages if m.address.startswith("/mod/") and m.parts[2] == "gain" and m.parts[1] in levels
                and (m.parts[1] in model.track_drones or alone and m.args[0] == model.spec(m.parts[1]).param("gain").low)]
    muting = muting or alone and len(silenced) == len(messages)
    if timed.beats is None or timed.prep not in MUTE_WORDS or not muting or not silenced:
        return messages, []
    if timed.start is not None and (timed.start[1] != "bar" or timed.beats % 4):
        raise LanguageError("a voice with no envelope comes back on a bar line: time its mute in whole bars from a "
                            "bar line ('… for 2 bars at the next bar'), or say it without 'at'", 0)
    returns = []
    for m in silenced:
        voice = m.parts[1]
        model.values[voice] = {**model.values.get(voice, {}), "gain": levels[voice]}    # the level it lasts at
        model.track_drones = tuple(v for v in model.track_drones if v != voice)
        if timed.start is not None:
            when = (timed.start[0] + int(timed.beats // 4), "bar")
        else:
            when = (int(-(-timed.beats // 1)) + 1, "beat")
        returns += [m, Message("/at", (*when, m.address, float(levels[voice])))]
    return [m for m in messages if m not in silenced], returns
