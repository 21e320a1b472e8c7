"""A line with time words (time_phrases.split) → timed messages: its plain command is translated as
usual, then every param set becomes a `/ramp`, a tempo a tempo ramp, a mute a timed mute, and a
start wraps each command in `/at` (a stop at the next bar is `/seq/stop bar`).

What cannot be timed is refused with one line rather than done at once: a phrase that does the
wrong thing is worse than a refusal.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..engine.params import format_number
from ..protocol.message import Message
from .errors import LanguageError
from .undo_steps import UndoStep, at_cancel
from ..engine.timed_actions import TIMED_HEADS
from .asides import without_asides, without_purpose, without_simile
from .loose_times import fade_said_plainly, loosely_timed
from .politeness import polite
from .remarks import without_remarks
from .param_words import COMPARATIVES
from .time_phrases import Timed, done_plainly, moves, said_tempo, split
from .timed_fades import fade, probe
from .sequence_messages import mutes
from .timed_mutes import MUTE_WORDS, back_in, drone_returns, drum_mutes
from .sweeps import SWEEP_WHERE
from .timed_then import THEN, after, lasts_beats, segments as _segments

SWEEP_WITHOUT_TARGET = re.compile(r"^(sweep|ramp|glide|slide|automate)\b", re.I)
#: A line without one of these words has no time words (the cheap test before the phrases' regexes).
TRIGGERS = re.compile(r"\b(?:bars?|barlines?|takts?|beats?|measures?|steps?|sixteenths?|seconds?|secs?|minutes?|mins?|over\s+\d+|"
                      r"across\s+\d+|downbeat|one|phrase|slowly|"
                      r"gradually|little|bit|smoothly|gently|fade\w*|sweep|ramp|glide|slide|automate|ease|drift|creep|"
                      r"nudge|swell|walk|accel\w*|stringendo|rit\w*|rall\w*|allargando|cresc\w*|decresc\w*|diminuendo|"
                      r"dim|speed|slow|decelerate|broaden|for\s+(?:\d+|two|three|four|eight|sixteen))\b|\d\s*s\b", re.I)
#: 'for a sec': a moment, said like 'for a bit' (the grammar drops it), never one second.
_IDIOM = re.compile(r"\bfor\s+a\s+sec\b", re.I)
#: Verbs of a sudden change: 'drop the pad in 2 bars' happens then, it does not take 2 bars.
_SUDDEN = re.compile(r"^(?:drop|cut|kill|mute|unmute|silence|switch|jump|snap|stop|start|hit|slam|bring in)\b", re.I)
RAMP_WORDS = ("over", "during", "across", "within", "slowly", "for", "in")


def is_timed(text: str) -> bool:
    """Whether a line has time words (in any of its commands), as said or said loosely ('melody stop 2 bar'); most
    lines fail the first test."""
    return bool(TRIGGERS.search(_IDIOM.sub("", text))) and any(
        _has_time(segment) for said in dict.fromkeys((text, loosely_timed(text))) for segment in _segments(said))


def _has_time(text: str) -> bool:
    try:
        return split(text) is not None
    except ValueError:
        return True


def translate_timed(translator, text: str) -> list[Message] | None:
    """The messages of a timed line, or None for a line without time words (translated as usual).
    Several commands on a line ("add a noise, fade it in over 8 bars") are timed each on its own:
    a segment of time words alone ("…, over 8 bars", "at the next bar, …") joins its command.
    A line refused as said is tried again without its politeness ('could you …, please?'), then with
    its time said plainly (loose_times.py), then without what it is for ('…, for the build up')."""
    text = fade_said_plainly(said_tempo(text))        # 'speed up to a quick march, 110, over 4 bars'
    if not TRIGGERS.search(text) or not TRIGGERS.search(_IDIOM.sub("", text)):
        return None                                   # 'mute the bass for a sec': a moment, no length
    try:
        messages = _translate_segments(translator, text)
    except LanguageError as err:
        messages, refused = None, err
    else:
        if messages is not None:
            return messages
        refused = None
    kinder = polite(text.rstrip("?.! "))
    loose = loosely_timed(kinder)
    aside = without_purpose(loose, translator.model) or without_asides(loose, translator.model) or without_simile(loose)
    for said in dict.fromkeys((kinder, loose) + ((aside[1],) if aside else ())):   # politeness out, time said plainly, purpose out
        if said == text or not TRIGGERS.search(said):
            continue
        try:
            messages = _translate_segments(translator, said)
        except LanguageError:
            messages = None
        if messages is not None:
            translator.mapper.understood.insert(0, f"read as '{said}'")
            return messages
    if refused is not None:
        kept = without_remarks(translator, text)      # '…over 8 bars, like the tape is dying'
        if kept is None:
            raise refused
        return kept
    return None


def _translate_segments(translator, text: str) -> list[Message] | None:
    segments = _segments(text)
    if not any(_has_time(segment) for segment in segments):
        return None
    before, depth = translator._state(), len(translator.undo_stack)
    if len(segments) == 1:
        messages = _translate_one(translator, segments[0])
    else:
        messages, understood, waited = [], [], 0.0
        try:
            for segment in segments:
                segment = _ramped_back(translator.model, before[0], messages, segment)
                waited = max(waited, _faded_out(messages)) if _BARE_STOP.match(segment) else waited
                timed = _translate_one(translator, segment) if _has_time(segment) else None
                said = timed if timed is not None else translator.translate(segment)
                messages += after(said, waited, _at)            # '… over 4 bars, then …': when that ends
                waited = waited + lasts_beats(said) if THEN.search(text) else 0.0
                understood += translator.understood
        except LanguageError:
            translator._restore(before)
            raise
        translator.mapper.understood[:] = understood
    steps = translator.undo_stack[depth:]
    if messages is not None and steps:          # one line, one undo step; a redo sends the timed messages
        inverse = [m for step in reversed(steps) for m in step]
        cancels = [at_cancel(m) for m in messages if m.address == "/at"]   # what may not have played yet
        translator.undo_stack[depth:] = [UndoStep(cancels + inverse, messages)]
    return messages


#: 'and stop', 'and end it' after a fade to nothing: the stop waits for the fade ('fade out in 8 bars, and stop' —
#: stopped at once, the fade would be heard by nobody).
_BARE_STOP = re.compile(r"^(?:and\s+)?(?:stop|end|finish)(?:\s+(?:it|there|everything|the\s+(?:song|track|tune|music)))?[\s.!]*$", re.I)


def _faded_out(said: list[Message]) -> float:
    """The beats the line's longest fade to nothing lasts (0 when it has none)."""
    return max((float(m.args[1]) for m in said if m.address.startswith("/ramp/") and m.address.endswith("/gain")
                and len(m.args) > 1 and float(m.args[0]) <= (-60 if m.address == "/ramp/master/gain" else 0)),
               default=0.0)


#: '… then back up over 8', 'then back down in 4 bars': the params ramped before, back to where they were.
_BACK_AGAIN = re.compile(r"^(?:and\s+)?(?:(?:bring|take|sweep|open|close|ramp|go|come)\s+(?:it\s+|them\s+)?)?back"
                         r"(?:\s+(?:up|down|again|in(?=\s+(?:over|across|in)\b)))*\s+(?P<length>(?:over|in|across)\s+.+)$", re.I)


def _ramped_back(model, snapshot, said: list[Message], segment: str) -> str:
    """A segment that takes what the line ramped back to where it was before the line, said as a command."""
    back = _BACK_AGAIN.match(segment)
    ramps = [m for m in said if m.address.startswith("/ramp/") and m.address.count("/") == 3]
    if back is None or len(ramps) != 1:
        return segment
    _, _, module_id, param = ramps[0].address.split("/")
    was = snapshot.value(module_id, param) if module_id in snapshot.modules else None
    return segment if was is None else f"{module_id} {param} to {was:g} {back['length']}"


def _translate_one(translator, text: str) -> list[Message] | None:
    try:
        timed = split(text, translator.model.bpm)
    except ValueError as err:
        raise LanguageError(str(err), 0, (), text) from None
    if timed is None:
        return None
    bare = _BARE_IT.match(timed.command)
    if bare:
        raise LanguageError(f"'{timed.command}' could be the tempo ({bare.group(1)} bpm) or the focused param: say "
                            f"'tempo to {bare.group(1)}' or name the param", 0, (), text)
    before = translator._state()
    if timed.start_in and timed.beats is None and not _SUDDEN.match(timed.command) and not _a_step(timed.command, text):
        count, unit = timed.start
        over = replace(timed, beats=count * (4.0 if unit == "bar" else 1.0), prep="in", start=None)
        try:
            messages = _timed(translator, over, text)
            translator.mapper.understood.append(f"in {count} {unit}{'s' * (count != 1)}: getting there over that time")
            return messages
        except LanguageError:                      # 'mute the kick in 2 bars': what cannot move starts then
            translator._restore(before)
    try:
        messages = _timed(translator, timed, text)
    except LanguageError as err:
        translator._restore(before)
        err.line = err.line or text
        raise
    if _gently(timed, messages):
        translator.mapper.understood.append(f"'{_adverb(timed)}': at once ({done_plainly(messages[0].address)} "
                                            "cannot move over a time)")   # ('change the chord to G major, gently')
    elif not all(_inner(m) == "/seq/mute" for m in messages):   # a part brought back by an unmute: no fade said
        translator.mapper.understood.extend(timed.said)
    return messages


_A_CHANGE = re.compile(r"\b(?:change|switch|next|now|then|move)\b", re.I)


def _gently(timed: Timed, messages: list[Message]) -> bool:
    """A held chord changed with only a manner said ('now change the chord to G major, gently'): played at once — a
    chord cannot move over a time, and no time was said."""
    return timed.prep == "slowly" and bool(messages) and all(m.address.startswith("/gate/") and m.args[:1] == (1,)
                                                             for m in messages) and _A_CHANGE.search(timed.command) is not None


def _adverb(timed: Timed) -> str:
    """The manner word that gave a line its default length ('gently: over 4 bars …' said by split)."""
    return next((said.split(":")[0] for said in timed.said if ": over " in said), "slowly")


def _inner(message: Message) -> str:
    return str(message.args[2]) if message.address == "/at" and len(message.args) > 2 else message.address


def _timed(translator, timed: Timed, text: str) -> list[Message]:
    model = translator.model
    muted, soloed = {name: track.muted for name, track in model.tracks.items()}, (model.soloed, model.muted_before_solo)
    begins = _moved_from(model, probe(translator, timed.begin)) if timed.begin else {}
    returns: list[Message] = []
    unmuted = back_in(translator, text) if timed.level in ("in", "up") else None
    if unmuted:                                     # 'bring the hats back in on the next bar' after a mute
        messages, timed = unmuted, replace(timed, level=None, beats=None, said=())
    elif timed.level in ("out", "in", "up", "in from nothing"):
        sounding: set[str] = set()
        messages = fade(translator, timed, sounding)
        begins = {m.address: model.spec(m.parts[1]).param(m.parts[2]).low for m in messages
                  if m.address in sounding} if timed.level != "out" else {}
    elif timed.level == "from silence":             # "fade the noise in to 0.4": from its floor
        messages = translator.translate(timed.command)
        begins = {m.address: model.spec(m.parts[1]).param(m.parts[2]).low for m in messages if m.parts[0] == "mod"}
    elif SWEEP_WITHOUT_TARGET.match(timed.command):
        raise LanguageError(SWEEP_WHERE, 0, (), text)
    else:
        broken = timed.beats is not None and timed.start is None and _BREAK.match(timed.command)  # 'stop for 2 bars'
        drums = drum_mutes(model, "mute everything" if broken else timed.command)   # known to the model (undo)
        levels = {m: model.value(m, "gain") for m in model.modules if model.spec(m) and model.spec(m).has_param("gain")}
        messages = translator.observe(drums) if drums else translator.translate(timed.command)
        messages, returns = drone_returns(model, messages, levels, timed)
        translator.mapper.understood.extend(f"{m.args[2].split('/')[2]} back to {m.args[3]:g} after {_length(timed.beats)}"
                                            for m in returns if m.address == "/at")
    if not messages and not returns:
        raise LanguageError(f"'{timed.command}' changes nothing to time", 0, (), text)
    if timed.beats is not None and not _gently(timed, messages):
        moving = moves(text) or timed.level is not None
        messages = [timed_msg for m in messages for timed_msg in _over(model, m, timed, begins, moving)]
        out = [str(m.args[0]) for m in messages if mutes(m) and len(m.args) > 2]
        if out:                                 # (back before 'list tracks' shows it: said — trial)
            translator.mapper.understood.append(f"{', '.join(out)} out for {_length(timed.beats)}, then back by itself")
        for m in messages:                      # a timed mute comes back by itself: the model says so
            if m.address == "/seq/mute" and len(m.args) > 2 and str(m.args[0]) in muted:
                model.tracks[str(m.args[0])].muted = muted[str(m.args[0])]
                model.for_a_while = tuple(dict.fromkeys(model.for_a_while + (str(m.args[0]),) * (float(m.args[1]) != 0)))
        model.soloed, model.muted_before_solo = soloed        # (a solo for 4 bars leaves no group behind it)
    if timed.start is not None:
        messages = [_at(m, *timed.start) for m in messages]
    return messages + [m if m.address == "/at" or timed.start is None else _at(m, *timed.start) for m in returns]


def _a_step(command: str, text: str) -> bool:
    """'hats quieter in 4 bars': a comparative alone is a step then, not a ramp (no word of motion)."""
    return bool(set(command.lower().split()) & set(COMPARATIVES)) and not moves(text) and \
        not re.search(r"\b(?:slow(?:ly)?|gradual(?:ly)?|go(?:es)?|get(?:s|ting)?|faster|slower|quicker|tempo)\b|"
                      r"\b(\w+er) and \1\b|\bto\s+\d", text, re.I)   # ('louder and louder', a tempo, 'to 2000': a ramp)


_BARE_IT = re.compile(r"^(?:take|bring|push|pull|drift|ease|move|get|go)\s+(?:it|things|this)\s+(?:up\s+|down\s+)?"
                      r"to\s+(\d+(?:\.\d+)?)$", re.I)
_BREAK = re.compile(r"^(?:stop|break)(?:\s+(?:it|that|this|everything|the\s+music|the\s+beat))?$", re.I)   # a break


def _moved_from(model, begins: dict[str, float]) -> dict[str, float]:
    """The starts said ('from 500') that are not where the param or the tempo is already."""
    def now(address: str):
        parts = address.split("/")[1:]
        if address == "/seq/bpm":
            return model.bpm
        return model.value(parts[1], parts[2]) if parts[0] == "mod" and model.spec(parts[1]) is not None else None
    return {address: value for address, value in begins.items() if not _same(now(address), value)}


def _same(a, b) -> bool:
    """500 and 500.0 are one value; a choice ('highpass') is compared as said."""
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return a is not None and str(a) == str(b)


def _over(model, msg: Message, timed: Timed, begins: dict, moving: bool) -> list[Message]:
    """A message timed over the line's duration; a ramp from a given start is that set, then the ramp
    (both at one sample: the engine starts the ramp from the value set)."""
    beats, prep = timed.beats, timed.prep
    length = _length(beats)
    if msg.parts[:1] == ["mod"]:                  # (a raw '/' has no parts: refused below, never an IndexError)
        if prep == "for" and not moving:
            raise LanguageError(f"'for {length}' on a param: a value does not come back by itself — say "
                                f"'over {length}' to move it there gradually", 0)
        spec = model.spec(msg.parts[1]).param(msg.parts[2])
        if spec.is_enum:
            raise LanguageError(f"{spec.name} is a choice ({spec.range_text()}): it cannot move over {length}", 0)
        args = (msg.args[0], _whole(beats)) + ((timed.curve,) if timed.curve else ())
        ramp = Message(f"/ramp/{msg.parts[1]}/{msg.parts[2]}", args)
        if msg.address in begins:
            return [Message(msg.address, (float(begins[msg.address]),)), ramp]
        return [ramp]
    if msg.address == "/seq/bpm" and prep in RAMP_WORDS:
        ramp = Message("/seq/bpm", (msg.args[0], "ramp", _whole(beats)))
        if msg.address in begins:              # 'from 180': there at once, the glide from it
            return [Message("/seq/bpm", (float(begins[msg.address]), "now")), ramp]
        return [ramp]
    if msg.address == "/seq/mute" and prep in MUTE_WORDS:
        return [Message("/seq/mute", (*msg.args[:2], _whole(beats / 4.0)))]
    if msg.address == "/seq/mute":
        raise LanguageError(f"a mute lasts 'for {length}' (it comes back by itself then)", 0)
    raise LanguageError(f"'{prep} {length}' times a param, the tempo or a mute; {done_plainly(msg.address)} happens at once "
                        "(say it without the time)", 0)


def _at(msg: Message, count: int, unit: str) -> Message:
    if msg.address == "/session/load" and (count, unit) == (1, "bar") and "now" not in msg.args:
        return msg                                # a load waits for the next bar by itself
    if (msg.parts or [""])[0] not in TIMED_HEADS:
        raise LanguageError("adding, removing or connecting modules happens at once: time what plays "
                            "(params, tempo, patterns, mutes, stop)", 0)
    if msg.address == "/seq/stop" and not msg.args and (count, unit) == (1, "bar"):
        return Message("/seq/stop", ("bar",))
    return Message("/at", (count, unit, msg.address, *msg.args))


def _whole(value: float) -> float | int:
    return int(value) if value == int(value) else value


def _length(beats: float) -> str:
    if beats % 4 == 0:
        bars = int(beats // 4)
        return f"{bars} bar{'s' * (bars != 1)}"
    return f"{format_number(beats)} beat{'s' * (beats != 1)}"
