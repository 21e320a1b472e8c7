"""Rhythm intents → /seq/chance, /seq/humanize, /seq/shift, /seq/reverse, /seq/speed, and the
pattern edits of a roll or an extra hit (parser_rhythm_rules reads the phrases).

The engine's transforms are absolute (`/seq/shift kick 2` sets the rotation), the English is
relative where musicians are ("shift the kick one step later" twice is two steps), so the mapper
adds to what the model says the track plays now.
"""
from __future__ import annotations

import re

from ..engine.track_play import SHIFT_RANGE
from ..protocol.message import Message
from . import intents as it
from .errors import LanguageError
from .intents_rhythm import TrackFeel
from .mapper_messages import message
from .mapper_tracks import named_track, set_speed
from .sequencer_model import STYLE_DEFAULTS

#: Musicians' names of a drum part, as the track is named.
_TRACK_SLANG = {"hh": "hats", "hihat": "hats", "hihats": "hats", "hi-hat": "hats", "hi-hats": "hats", "hat": "hats",
                "bd": "kick", "sd": "snare", "snares": "snare", "kicks": "kick", "claps": "clap"}
_MODIFIER = "(*!?@"
_ALL_TRACKS = {"whole kit", "whole beat", "whole groove", "whole thing", "all drums", "all tracks", "all the drums",
               "all the tracks", "beat", "drums", "kit", "groove", "everything", "all", "drop"}
_DRUM_TRACKS = {"whole kit", "all drums", "all the drums", "drums", "kit",        # of those, the drum tracks only
                "beat", "whole beat"}                                           # ('half time the beat': the drums' feel)


def track_feel(ctx, intent: TrackFeel) -> list[Message]:
    messages = _feel(ctx, intent)
    return [Message(m.address, (*m.args, "now")) for m in messages] if intent.now else messages


def _feel(ctx, intent: TrackFeel) -> list[Message]:
    if intent.kind == "seed":
        return [message("/seq/seed", intent.value)]
    if intent.kind == "add_hits":
        return _add_hits(ctx, intent)
    if intent.kind == "drop_hits":
        return _drop_hits(ctx, intent)
    if intent.kind == "bring_in":
        return _bring_in(ctx, intent)
    everything = intent.target.text.replace("the ", "")
    if everything in ("it", "this", "that") and intent.kind == "speed" and _kit_in_focus(ctx):
        everything = "drums"                                       # 'half time it' on a kit: the beat, not one drum
    if everything in _ALL_TRACKS and everything not in ctx.model.tracks:   # "half time the whole kit"
        if not ctx.model.tracks:
            raise LanguageError("no track plays yet: give one a pattern first", intent.column)
        names = list(ctx.model.tracks)
        if everything in _DRUM_TRACKS:                                  # "the drums": the drum tracks, not the bass
            names = [n for n in names if (spec := ctx.model.spec(ctx.model.tracks[n].target)) and spec.role == "drum"]
            if not names:
                raise LanguageError(f"no drum track plays (the tracks: {', '.join(ctx.model.tracks)})", intent.column)
        if intent.kind == "thin":                                      # 'the beat is too busy': its busiest part
            names = _busiest(ctx, names)
        messages = []
        for name in names:
            try:
                messages += _feel_track(ctx, name, intent)
            except LanguageError:
                continue                                            # one that plays so already
        if not messages and intent.kind == "speed" and intent.value == ("set", 1.0):
            raise LanguageError("every track plays at its own speed already: 'undo' takes back the last change, "
                                "'tempo 120' sets the tempo", intent.column)
        if not messages:
            raise LanguageError(f"every track plays so already ({', '.join(ctx.model.tracks)})", intent.column)
        return messages
    return _feel_track(ctx, named_track(ctx, _tidy(intent.target)), intent)


def _kit_in_focus(ctx) -> bool:
    spec = ctx.model.spec(ctx.model.focus) if ctx.model.focus in ctx.model.modules else None
    return spec is not None and spec.role == "drum"


def _feel_track(ctx, track: str, intent: TrackFeel) -> list[Message]:
    style = ctx.model.tracks[track].style
    kind, value = intent.kind, intent.value
    if kind in ("chance", "humanize"):
        if style.get(kind, STYLE_DEFAULTS[kind]) == value:
            raise LanguageError(f"the {track} track already plays with {kind} {value:g}", intent.column)
        ctx.understood.append(_SAID[kind](track, value))
        return [message(f"/seq/{kind}", track, value)]
    if kind == "shift":
        return _shift(ctx, track, style, value, intent.column)
    if kind == "reverse":
        return _reverse(ctx, track, style, value, intent.column)
    if kind == "speed":
        return set_speed(ctx, track, style, value, intent.column)
    if kind == "fill":
        return _fill(ctx, track, value, intent.column)
    if kind == "thin":
        return _thin(ctx, track, intent.column)
    return _roll(ctx, track, value, intent.column)


def _shift(ctx, track: str, style: dict, steps: int, column: int) -> list[Message]:
    total = int(style.get("shift", 0)) + steps
    if not SHIFT_RANGE[0] <= total <= SHIFT_RANGE[1]:
        raise LanguageError(f"a track shifts by {SHIFT_RANGE[0]}…{SHIFT_RANGE[1]} steps, not {total}", column)
    later = "later" if steps > 0 else "earlier"
    ctx.understood.append(f"the {track} {abs(steps)} step{'s' * (abs(steps) != 1)} {later} "
                          f"(shifted {total:+d} in all)")
    return [message("/seq/shift", track, total)]


def _reverse(ctx, track: str, style: dict, reverse: bool, column: int) -> list[Message]:
    if style.get("reverse", False) == reverse:
        if not reverse:
            raise LanguageError(f"the {track} track plays forwards already", column)
        ctx.understood.append(f"the {track} track was reversed: it plays forwards again")
        return [message("/seq/reverse", track, 0)]
    return [message("/seq/reverse", track)] if reverse else [message("/seq/reverse", track, 0)]


def _roll(ctx, track: str, value: tuple, column: int) -> list[Message]:
    which, count = value
    current = ctx.model.tracks[track]
    hits = _top_level_hits(current.pattern)
    if not hits:
        raise LanguageError(f"the {track} pattern {current.pattern!r} has no single hit to roll: write the roll "
                            f"into it, e.g. '{track} ....x.......x*2...'", column)
    at = hits[-1] if which == "last" else hits[0]
    rolled = re.match(r"\*(\d+)", current.pattern[at + 1:])
    if rolled:                                        # 'roll on the last snare', 'again': that hit rolls faster
        count = max(count, 2 * int(rolled.group(1)))
        if count > 8:
            raise LanguageError(f"the {which} {track} hit rolls {rolled.group(1)} in its step already — 8 at most",
                                column)
        pattern = f"{current.pattern[:at + 1]}*{count}{current.pattern[at + 1 + rolled.end():]}"
    else:
        pattern = f"{current.pattern[:at + 1]}*{count}{current.pattern[at + 1:]}"
    ctx.understood.append(f"the {which} {track} hit rolls ({count} in its step)")
    return [message("/seq/add", track, current.target, pattern)]


def _fill(ctx, track: str, value: tuple, column: int) -> list[Message]:
    """'snare roll at the end of the bar, 32nds': the steps from `start` to `end` all hit."""
    start, end, per_step = value
    current = ctx.model.tracks[track]
    steps = _bar_of(ctx, track, current.pattern, column)
    hit = "x" if per_step == 1 else f"x*{per_step}"
    pattern = "".join(hit if start <= i < end else ch for i, ch in enumerate(steps))
    return [message("/seq/add", track, current.target, pattern)]


def _bar_of(ctx, track: str, pattern: str, column: int) -> str:
    """A plain pattern as one bar of 16 steps (a shorter one repeated), else the error."""
    steps = re.sub(r"[ |]", "", pattern)
    steps = steps * (16 // len(steps)) if steps and 16 % len(steps) == 0 else steps   # 'x...' is a bar of it
    if len(steps) != 16 or set(steps) - set("xX.-~"):
        raise LanguageError(f"the {track} pattern {pattern!r} is not one bar of steps: say the whole "
                            f"pattern, e.g. '{track} ....x.x.....x...'", column)
    return steps


def _add_hits(ctx, intent: TrackFeel) -> list[Message]:
    """'add a snare on the and of 2': the hits join the track's pattern (a new track if none)."""
    words = _tidy(intent.target)
    try:
        track = named_track(ctx, words)
    except LanguageError:
        track = None
    if track is None:
        pattern = "".join("x" if i in intent.value else "." for i in range(16))
        return ctx.map(it.PlayPattern(pattern, words, intent.column))
    current = ctx.model.tracks[track]
    steps = _bar_of(ctx, track, current.pattern, intent.column)
    pattern = "".join("x" if i in intent.value and ch not in "xX" else ch for i, ch in enumerate(steps))
    if pattern == steps:
        raise LanguageError(f"the {track} track plays there already", intent.column)
    return [message("/seq/add", track, current.target, pattern)]


def _bring_in(ctx, intent: TrackFeel) -> list[Message]:
    """'bring in just the kick on 1 and 3': the track in again if it was muted, playing those beats."""
    words = _tidy(intent.target)
    pattern = "".join("x" if i in intent.value else "." for i in range(16))
    try:
        track = named_track(ctx, words)
    except LanguageError:
        track = None
    back = [message("/seq/mute", track, 0)] if track and ctx.model.tracks[track].muted else []
    return back + ctx.map(it.PlayPattern(pattern, words, intent.column))


def _drop_hits(ctx, intent: TrackFeel) -> list[Message]:
    """'kill the snare on the 4': the hits on those steps leave the track's pattern (the rest plays on)."""
    track = named_track(ctx, _tidy(intent.target))
    current = ctx.model.tracks[track]
    steps = _bar_of(ctx, track, current.pattern, intent.column)
    pattern = "".join("." if i in intent.value and ch in "xX" else ch for i, ch in enumerate(steps))
    if pattern == steps:
        raise LanguageError(f"the {track} track has no hit there ({current.pattern})", intent.column)
    return [message("/seq/add", track, current.target, pattern)]


def _busiest(ctx, names: list[str]) -> list[str]:
    names = [n for n in names if not ctx.model.tracks[n].notes] or names     # (a drum, never a line of notes)
    hits = {n: sum(ch in "xX" for ch in ctx.model.tracks[n].pattern) / max(len(ctx.model.tracks[n].pattern), 1) for n in names}
    return [n for n in names if hits[n] == max(hits.values())]


def _thin(ctx, track: str, column: int) -> list[Message]:
    """'fewer hats': the hits on the finest grid the part plays leave it (16ths → 8ths → quarters), or
    every other hit when all sit on one grid (offbeats) — the part's groove kept, half as busy."""
    current = ctx.model.tracks[track]
    if current.notes:
        raise LanguageError(f"the {track} track plays notes: fewer of them would change the line — say the rhythm to "
                            f"keep, e.g. '{track} x...x...', or give it fewer notes", column)
    if not re.fullmatch(r"[xX.\-]+", current.pattern):
        raise LanguageError(f"the {track} track plays '{current.pattern}': say the hits to keep, e.g. '{track} x...x...'", column)
    hits = [i for i, ch in enumerate(current.pattern) if ch in "xX"]
    if len(hits) < 2:
        raise LanguageError(f"the {track} track plays one hit a bar ({current.pattern}): none to take away", column)
    grid = {i: i & -i if i else len(current.pattern) for i in hits}     # the finest note value a hit sits on
    dropped = [i for i in hits if grid[i] == min(grid.values())]
    if len(dropped) == len(hits):
        dropped = hits[1::2]
    pattern = "".join("." if i in dropped else ch for i, ch in enumerate(current.pattern))
    ctx.understood.append(f"fewer hits on the {track}: {current.pattern} → {pattern}")
    return [message("/seq/add", track, current.target, pattern)]


def _tidy(words: it.Words) -> it.Words:
    return it.Words(tuple(it.Word(_TRACK_SLANG.get(w.text.lower(), w.text), w.column) for w in words.items))


def _top_level_hits(pattern: str) -> list[int]:
    """Indexes of the x and X written at the top level with no modifier after them but a roll (`x*2`: the last
    hit rolled already is still the last hit)."""
    depth, found = 0, []
    for i, ch in enumerate(pattern):
        depth += ch in "[<(" and 1 or (-1 if ch in "]>)" else 0)
        after = pattern[i + 1:i + 2]
        if depth == 0 and ch in "xX" and (after not in tuple(_MODIFIER) or re.match(r"\*\d", pattern[i + 1:])):
            found.append(i)
    return found


_SAID = {"chance": lambda track, p: f"every {track} hit plays with probability {p:g} ({p * 100:g}% of the time)",
         "humanize": lambda track, a: f"the {track} humanized by {a:g} (up to {a * 20:g} ms late, accents "
                                      f"±{a / 4:g})" if a else f"the {track} played exactly on the grid again"}



#: The intents this family maps.
HANDLERS = {TrackFeel: track_feel}
