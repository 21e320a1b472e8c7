"""Rhythm phrases → intents, read before the grammar: euclid counts, chance, humanize, shift,
reverse, speed, beat positions ("the and of 2") and rolls.

These phrases mix numbers and words in ways the grammar would misread as settings ("kick 3 hits
over 8" is not a kick tuned to 3 Hz), so a line that is one of them is read here; every pattern is
anchored to the whole line (or one part of a line split at ',' ';' 'then') and names a track, so
nothing else is taken. A part that looks like a count of hits but fits no form is refused with the
form that works, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

from . import intents as it
from .errors import LanguageError
from .intents_rhythm import TrackFeel
from .literal_needs import Screen
from .swing_words import swing_intent
from ..engine.mini_notation import check_pattern
from ..engine.params import ParamError
from .parser_rhythm_forms import (BRINGS, CHANCE, DROPS, EUCLID, EVERY, FILL, HUMANIZE, LAST, LOOSE_COUNT, NAMED, POSITIONS,
                                  QUOTED, REVERSE, ROLL, SEED, SHIFT, SPEED, SPOTS, THIN, THIRTY_SECONDS)
from .rhythm_tokens import (ENDS_IN_STEPS, NUM, OFTEN, ORDINAL_BEATS, PER_BEAT, POSITION, RHYTHM_NAMES, ROLL_COUNT, SUBDIVISION,
                            UNIT_STEPS)
from .units import parse_number


def _num(text: str | None) -> int:
    if text and text.lower() in ORDINAL_BEATS:
        return ORDINAL_BEATS[text.lower()]
    return int(parse_number(re.sub(r"\s+", "-", text.strip()))) if text else 0


#: Between a euclid's hits and steps ('euclid 5 over 16').
_OVER = r"(?:,|\s+(?:over|in|of|across|into)\s+|/|\s)"
_FULL_STOP = re.compile(r"(?<![xX.~\-])(?<![xX.~\-]\s)[.!]+$|!+$")       # ('x . x .': spaced steps end in one)
_THANKS = re.compile(r"\s+(?:lol|haha|pls|plz|please|thanks|ok)$", re.I)
_FEEL_AFTER = re.compile(r"(?<=\))\s+(?:thing|feel|vibe|groove|like\s+(?:in\s+)?(?:the|a|that|my)\s+[\w\s]+)$", re.I)
_LIKENESS = re.compile(r",?\s+(?:like|as\s+in)\s+(?:in\s+)?(?:an?\s+|the\s+)?(?!(?:kick|snare|hats?|hi-?hats?|bass|clap|"
                       r"chords|melody|lead)\b)[\w'-]+(?:\s+[\w'-]+)?$", re.I)   # ('like the kick': the kick's pattern?)
_FIFTY_FIFTY = re.compile(r"\b(?:50[\s/-]50|fifty[\s-]fifty)(?:\s+chance)?\b", re.I)
_PARTS = re.compile(r"\s*(?:,(?![^(]*\))|;|\bthen\b|\band then\b)\s*")


def rhythm_intent(line: str):
    """The intent of a rhythm phrase (several, split at , ; then), or None when it is not one."""
    text = line.strip() if ENDS_IN_STEPS.search(line.strip()) else _FULL_STOP.sub("", line.strip())   # a full stop,
    # not a pattern's last rests ('snare ....x.......x*2...': the rests after a roll are steps too)
    text = _THANKS.sub("", text)
    text = _FEEL_AFTER.sub("", text)
    text = _FIFTY_FIFTY.sub("50% chance", text)                         # 'hats 50/50'

    swing = swing_intent(text)                             # 'swing it', 'straight again', 'swing the 16ths 20%'
    if swing is not None:
        return swing
    both = _BOTH.fullmatch(text)
    if both:                                               # 'kick and snare together on every beat': each of them
        first, second = _one(f"{both['a']} {both['rest']}", 0), _one(f"{both['b']} {both['rest']}", both.start("b"))
        if first is not None and second is not None:
            return it.Sequence((first, second))
    whole = _one(text, 0)
    if whole is None and _LIKENESS.search(text):
        whole = _one(_LIKENESS.sub("", text), 0)        # 'snare only on the 3 like drill': the style it is in
    if whole is not None:
        return whole
    parts = [p.strip() for p in _PARTS.split(text) if p.strip()]
    if not parts or parts == [text]:
        return None                                        # one part: the whole line, read already
    intents = []
    for part in parts:
        intent = _one(part, line.find(part.split()[0]) if part.split() else 0)
        if intent is None and _CHATTER.fullmatch(part) and len(parts) > 1:
            continue                                       # "…, kinda random", "…, lazy"
        if intent is None:
            return None
        intents.append(intent)
    if not intents:
        return None
    return intents[0] if len(intents) == 1 else it.Sequence(tuple(intents))


#: Two parts given one rhythm ('kick and snare together on every beat', 'kick and hats both on 1 and 3').
_BOTH = re.compile(r"(?:the\s+)?(?P<a>kick|snare|hats?|clap|rim|toms?)\s+(?:and|&)\s+(?:the\s+)?(?P<b>kick|snare|hats?|clap|rim|toms?)"
                   r"\s+(?:together\s+|both\s+)?(?P<rest>(?:on|every|at)\s+.+)", re.I)
#: A part of a line that only colours the one before it ("hats sometimes, kinda random").
_CHATTER = re.compile(r"(?:(?:kinda|kind\s+of|sorta|like|a\s+bit|very|real|nice|and)\s+)*(?:random|lazy|loose|"
                      r"sloppy|tight|chill|vibey|groovy|lol|haha)", re.I)


def _one(text: str, column: int):
    text, now = (text[:-4].rstrip(), True) if text.lower().endswith(" now") else (text, False)
    for form, build in _SCREEN.possible(text):           # most forms: ruled out by a substring test
        match = form.match(text)
        intent = build(match, column) if match else None
        if intent is not None:
            if now:
                intent = replace(intent, now=True)
            return intent
    euclid = _euclid_sentence(text, column)
    if euclid is not None:
        return replace(euclid, now=True) if now else euclid
    loose = LOOSE_COUNT.match(text)
    if loose:
        steps = 16 if _num(loose["n"]) <= 16 else _num(loose["n"])
        raise LanguageError(f"{loose['n']} hits over how many steps? e.g. '{loose['track']} {loose['n']} hits over {steps}' "
                            f"(a euclidean rhythm) or '{loose['track']} x(3,8)'", column)
    return None


def _words(match, column: int) -> it.Words | None:
    track = match.groupdict().get("track")
    if not track:
        return None
    start = column + match.start("track")
    return it.Words(tuple(it.Word(w, start + i) for i, w in enumerate(track.lower().split())))


def _euclid(match, column):
    per = {"bar": 16, "beat": 4}.get((match.groupdict().get("per") or "").lower())
    hits, steps, rotation = _num(match["n"]), per or _num(match["m"]), _num(match.groupdict().get("rot"))
    if (match.groupdict().get("track") or "").lower() in ("tempo", "bpm", "swing"):
        return None                                           # "tempo 140 over 16": not a rhythm
    _check_euclid(hits, steps, column)
    pattern = f"x({hits},{steps},{rotation})" if rotation else f"x({hits},{steps})"
    return it.PlayPattern(pattern, _words(match, column), column)


def _check_euclid(hits: int, steps: int, column: int) -> None:
    if not 1 <= steps <= 64 or not 0 < hits <= steps:
        raise LanguageError(f"{hits} hits over {steps} steps: a euclidean rhythm spreads 1 to 64 steps' worth "
                            f"of hits over 1–64 steps", column)


#: 'euclid the hats 5 over 8', 'euclid 5,16 on hats, rotated 2': counts, rotation, the track the words left.
_EUCLID_WORD = re.compile(r"\beuclid(?:ean)?\b(?:\s+(?:rhythm|pattern))?", re.I)
_COUNTS = re.compile(rf"\(?\s*(?P<n>{NUM})\s*{_OVER}\s*(?P<m>{NUM})(?:\s*,\s*(?P<rot>-?\d+))?\s*\)?", re.I)
_ROTATION = re.compile(rf",?\s*(?:rotated?|shifted|offset)\s+(?:by\s+)?(?P<rot>-?{NUM})(?:\s+steps?)?", re.I)
_EUCLID_FILLER = {"play", "put", "give", "me", "an", "a", "the", "on", "for", "to", "in", "$", "steps", "hits", "with"}


def _euclid_sentence(text: str, column: int):
    rest = _EUCLID_WORD.sub(" ", text)
    counts = _COUNTS.search(rest) if rest != text else None
    if counts is None:
        return None
    rest = rest[:counts.start()] + " " + rest[counts.end():]
    rotation = _ROTATION.search(rest)
    rot = (rotation and rotation["rot"]) or counts["rot"]
    track = [w for w in re.split(r"[\s,:]+", _ROTATION.sub(" ", rest).lower()) if w and w not in _EUCLID_FILLER]
    if not 1 <= len(track) <= 2:
        return None
    hits, steps, rotate = _num(counts["n"]), _num(counts["m"]), _num(rot)
    _check_euclid(hits, steps, column)
    pattern = f"x({hits},{steps},{rotate})" if rotate else f"x({hits},{steps})"
    start = column + max(text.lower().find(track[0]), 0)
    return it.PlayPattern(pattern, it.Words(tuple(it.Word(w, start) for w in track)), column)


def _chance(match, column):
    groups = match.groupdict()
    if groups.get("pct"):
        value = float(groups["pct"]) / 100
    elif groups.get("ratio"):
        value = float(Fraction(groups["ratio"]))
    elif groups.get("degrade"):                    # Tidal: degradeBy is the chance to drop
        by = float(groups.get("by") or 0.5)
        value = by if groups["degrade"].lower() == "undegradeby" else 1 - by
    elif groups.get("often"):
        value = OFTEN[re.sub(r"\s+", " ", groups["often"].lower())]
    else:
        value = _fraction(groups["frac"])
    if not 0 <= value <= 1:
        raise LanguageError(f"a track plays 0–100% of the time, not {value * 100:g}%", column)
    return TrackFeel("chance", _words(match, column), round(value, 4), column)


def _fraction(text: str) -> float:
    words = re.sub(r"\s+", " ", text.lower())
    counted = re.match(r"(\w+) (?:in|out of) (\d+)", words)
    if counted:
        return _num(counted[1]) / int(counted[2])
    return {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "a third": 1 / 3, "one third": 1 / 3,
            "two thirds": 2 / 3, "three quarters": 0.75}[words]


def _humanize(match, column):
    groups = match.groupdict()
    if groups.get("off"):
        return TrackFeel("humanize", _words(match, column), 0.0, column)
    amount = float(groups["pct"]) / 100 if groups.get("pct") else float(groups["ratio"]) if groups.get("ratio") else \
        0.25 if groups.get("little") else 0.8 if groups.get("lot") else 0.5
    return TrackFeel("humanize", _words(match, column), min(amount, 1.0), column)


#: Verbs of an editor's timeline, where 'back' is to the left: earlier ('nudge the hats back a 16th').
_ON_A_TIMELINE = ("nudge", "move", "shift", "slide", "offset")


def _shift(match, column):
    groups = match.groupdict()
    if groups.get("signed"):
        steps = Fraction(int(groups["signed"]))
    elif groups.get("cycle"):                     # Tidal: (1/16) <~ hats, a cycle being a bar of 16 steps
        steps = Fraction(groups["cycle"]) * 16 * (-1 if groups["arrow"] == "<~" else 1)
    else:
        count = groups.get("n")
        amount = Fraction(1) if not count or count.lower() in ("a", "an") else \
            Fraction(1, 2) if count.lower().startswith("half") else Fraction(_num(count))
        unit = (groups.get("unit") or "step").lower().rstrip("s")
        steps = amount * UNIT_STEPS.get(unit, 1)
        direction = (groups.get("dir") or "").lower()
        verb = (groups.get("verb") or "").lower()
        if direction == "back" and verb not in ("lay", "push", "sit", "delay", "pull") + _ON_A_TIMELINE:   # drag back: either way
            raise LanguageError(f"'{verb} back' later or earlier? say 'one step later' or 'one step earlier'", column)
        earlier = direction in ("earlier", "early", "left", "ahead", "backward", "backwards") or \
            (direction == "back" and verb in ("pull",) + _ON_A_TIMELINE) or (not direction and verb == "pull")
        steps = -steps if earlier else steps
    if steps.denominator != 1:
        raise LanguageError("a track shifts by whole steps (16ths): half a step cannot be played — try "
                            "'shift the kick one step later'", column)
    return TrackFeel("shift", _words(match, column), int(steps), column)


def _reverse(match, column):
    return TrackFeel("reverse", _words(match, column), not match.groupdict().get("off"), column)


def _speed(match, column):
    groups = match.groupdict()
    how = (groups.get("how") or groups.get("full") or "").lower()
    if groups.get("factor"):
        factor = Fraction(groups["factor"])
        factor = 1 / factor if (groups.get("tidal") or "").lower() in ("slow", "sparsity", "divide") else factor
        return TrackFeel("speed", _words(match, column), ("set", float(factor)), column)
    unit = (groups.get("tripunit") or groups.get("tripunit2") or "").lower()
    unit = {"1/8": "eighth", "1/16": "sixteenth", "1/4": "quarter"}.get(unit, unit)
    if unit:                        # three in the time of two of that note, in the bar: '[xxx]@4' is three a beat
        span = 2 * 4 // PER_BEAT[unit.rstrip("s")]
        return it.PlayPattern(f"[xxx]@{span}" * (16 // span), _words(match, column), column)
    if how.startswith("triplet"):
        return TrackFeel("speed", _words(match, column), ("set", 1.5), column)
    if how in ("normal", "regular", "original", "straight", "full"):       # no track said: every track
        every = it.Words((it.Word("everything", column),))
        return TrackFeel("speed", _words(match, column) or every, ("set", 1.0), column)
    if how in ("diminution", "augmentation"):
        how = "double" if how == "diminution" else "half"
    if how == "twice" or not how:
        factor = 0.5 if (groups.get("as") or "").lower() in ("slow", "slower") else 2.0
    else:
        factor = {"double": 2.0, "half": 0.5, "quadruple": 4.0, "quarter": 0.25}[how]
    if groups.get("at"):                    # 'at half speed', 'in double time': that speed, not a change of it
        return TrackFeel("speed", _words(match, column), ("set", factor), column)
    return TrackFeel("speed", _words(match, column), ("times", factor), column)


def _fill(match, column):
    groups = match.groupdict()
    rate = (groups.get("rate") or "16ths").lower()
    per_step = 2 if rate.startswith(("32", "thirty", "demi")) else 4 if rate.startswith("64") else 1
    if groups.get("stutter"):
        step = (_num(groups["beat"]) - 1) * 4
        return TrackFeel("fill", _words(match, column), (step, step + 1, 2), column)
    start = 0 if groups.get("whole") else 12
    return TrackFeel("fill", _words(match, column), (start, 16, per_step), column)


def _seed(match, column):
    said = match["seed"]
    if not said.lstrip("+").isdigit():
        raise LanguageError(f"seed {said} is out of range: a seed is a whole number from 0 up, e.g. 'seed 42'",
                            match.start("seed") + column)
    return TrackFeel("seed", None, int(said), column)


def _quoted(match, column):
    try:
        check_pattern(match["pattern"])
    except ParamError as err:
        raise LanguageError(str(err), column + match.start("pattern")) from None
    words = _words(match, column) if not match.groupdict().get("track2") else \
        it.Words((it.Word(match["track2"], column + match.start("track2")),))
    return it.PlayPattern(match["pattern"].strip(), words, column)


def _steps_said(match) -> list[int]:
    """The 16th steps of the beat positions said ('1 and the and of 2 and 3')."""
    steps, last_sub, carried = [], 0, None
    for found in re.finditer(POSITION, match["positions"], re.I):
        carried = bool(found["sub"]) if carried is None else carried    # 'the and of 2 and 4': both ands;
        sub = SUBDIVISION[found["sub"].lower()] if found["sub"] else last_sub if found.start() and carried else 0
        last_sub = sub                                                  # '1 and the and of 2 and 3': beat 3
        steps.append((_num(found["beat"]) - 1) * 4 + sub)
    return steps


def _thin(match, column):
    return TrackFeel("thin", _words(match, column), None, column)


def _brings(match, column):
    return TrackFeel("bring_in", _words(match, column), tuple(sorted(set(_steps_said(match)))), column)


def _drops(match, column):
    return TrackFeel("drop_hits", _words(match, column), tuple(sorted(set(_steps_said(match)))), column)


def _positions(match, column):
    steps = _steps_said(match)
    pattern = "".join("x" if i in steps else "." for i in range(16))
    if any(match.groupdict().get(g) for g in ("add", "mid", "also")):
        return TrackFeel("add_hits", _words(match, column), tuple(sorted(set(steps))), column)
    return it.PlayPattern(pattern, _words(match, column), column, beats="said")


def _roll(match, column):
    kind = (match.groupdict().get("kind") or "").lower()
    count = ROLL_COUNT.get(kind) or (int(re.match(r"\d+", kind)[0]) if kind else 2)
    which = "first" if match["which"].lower() == "first" else "last"
    return TrackFeel("roll", _words(match, column), (which, count), column)


def _every(match, column):
    said = match.groupdict().get("every") or "1"
    every = int(re.match(r"\d+", said)[0]) if said[0].isdigit() else _num(said)
    steps = every * UNIT_STEPS[re.sub(r"\s+", " ", re.sub(r"[- ]notes?$", "", match["unit"].lower())).rstrip("s")]
    if not 1 <= steps <= 64:
        raise LanguageError(f"a hit every {steps} steps: the sequencer counts 1 to 64 steps between hits", column)
    length = 16 if 16 % steps == 0 else steps             # a count that does not fit a bar runs across the bar line
    return it.PlayPattern("".join("x" if i % steps == 0 else "." for i in range(length)), _words(match, column), column,
                          beats="every")


def _spot(match, column):
    """Once or twice a bar or a beat, the bar's first beat, every 'and': one bar of 16ths."""
    groups = match.groupdict()
    if groups.get("and"):
        steps = "..x." * 4
    elif groups.get("beats"):
        steps = "x..." * 4
    elif groups.get("one"):
        steps = "x" + "." * 15
    else:
        count = {"once": 1, "twice": 2}.get(groups["count"].lower().split()[0], 4 if "four" in groups["count"] else 2)
        every = (4 if groups["per"].lower() == "beat" else 16) // count
        steps = "".join("x" if i % every == 0 else "." for i in range(16))
    return it.PlayPattern(steps, _words(match, column), column, beats="every")


def _thirty_seconds(match, column):
    return it.PlayPattern("[xx]" * 16, _words(match, column), column)


def _last(match, column):
    step = 16 - UNIT_STEPS[match["last"].lower()]
    if any(match.groupdict().get(g) for g in ("add", "mid", "also")):
        return TrackFeel("add_hits", _words(match, column), (step,), column)
    return it.PlayPattern("".join("x" if i == step else "." for i in range(16)), _words(match, column), column)


def _named(match, column):
    return it.PlayPattern(RHYTHM_NAMES[re.sub(r"\s+", " ", match["name"].lower())], _words(match, column), column,
                          beats="every")


_FORMS = ((QUOTED, _quoted), (EUCLID, _euclid), (CHANCE, _chance), (HUMANIZE, _humanize), (SHIFT, _shift),
          (REVERSE, _reverse), (SPEED, _speed), (FILL, _fill), (ROLL, _roll), (DROPS, _drops), (THIN, _thin), (BRINGS, _brings), (POSITIONS, _positions), (SEED, _seed),
          (EVERY, _every), (THIRTY_SECONDS, _thirty_seconds), (LAST, _last), (NAMED, _named), (SPOTS, _spot))
_SCREEN = Screen((form, build) for forms, build in _FORMS for form in forms)

__all__ = ["rhythm_intent"]
