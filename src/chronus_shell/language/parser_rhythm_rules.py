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
from .literal_needs import LazyPattern, Screen
from ..engine.mini_notation import check_pattern
from ..engine.params import ParamError
from .rhythm_tokens import (AMOUNT, DIRECTION, FRACTION, HITS, NUM, OFTEN, OFTEN_WORDS, PCT, PER_BEAT,
                                  POSITION, ROLL_COUNT, ROTATE, SHIFT_VERB, SPREAD, STEPS, SUBDIVISION, TRACK, UNIT,
                                  UNIT_STEPS)
from .units import parse_number


def _p(text: str) -> LazyPattern:
    """A whole-line form, compiled the first time the screen lets a line through to it."""
    return LazyPattern(r"^(?:please\s+)?" + text + r"(?:\s+please)?$", re.I)


def _num(text: str | None) -> int:
    return int(parse_number(re.sub(r"\s+", "-", text.strip()))) if text else 0


#: Between a euclid's hits and steps ('euclid 5 over 16'), and before its rotation ('rotate 2').
_OVER = r"(?:,|\s+(?:over|in|of|across|into)\s+|/|\s)"
_ROT = r"(?:,?\s*(?:rotated?|shifted|offset)\s+(?:by\s+)?|,|\s)"


# -- the forms, each with what it builds ----------------------------------------------------------
EUCLID = [
    _p(rf"(?:play\s+|put\s+|give\s+(?:me\s+)?)?(?P<n>{NUM})\s+(?:{HITS}\s+)?{SPREAD}\s+(?P<m>{NUM}){STEPS}"
       rf"(?:\s+(?:on|for|in)\s+{TRACK})?{ROTATE}"),
    _p(rf"(?:play\s+|give\s+)?{TRACK}:?\s+(?:(?:plays?|playing|on|with|gets?|in)\s+)?(?:an?\s+)?(?P<n>{NUM})\s+"
       rf"(?:{HITS}\s+)?(?:{SPREAD}|against)\s+(?P<m>{NUM}){STEPS}(?:\s+(?:thing|feel|pattern|groove|rhythm|"
       rf"euclid(?:ean)?))?{ROTATE}"),
    _p(rf"(?:play\s+)?{TRACK}:?\s+(?P<n>{NUM})\s+{HITS}\s+(?:per|a|each|every|in\s+a|in\s+each)\s+(?P<per>bar|beat)"
       rf"{ROTATE}"),
]
CHANCE = [
    _p(rf"(?:play\s+|let\s+|have\s+|make\s+)?{TRACK}\s+(?:(?:should|to|will|can)\s+)?(?:only\s+)?(?:play|plays|playing|"
       rf"hits?|fires?|triggers?|comes?\s+in|drops?\s+in|sounds?)?\s*(?:only\s+)?(?:randomly\s+|at\s+random\s+)?"
       rf"(?:{PCT}|{FRACTION})\s+(?:of\s+)?the\s+time"),
    _p(rf"(?P<often>randomi[sz]e)\s+{TRACK}"),
    _p(rf"make\s+{TRACK}\s+(?P<often>random)"),
    _p(rf"(?:play\s+)?{TRACK}\s+(?:(?:only|just)\s+)?(?:play\s+|plays\s+|hit\s+|hits\s+)?(?P<often>{OFTEN_WORDS})"),
    _p(rf"(?:play\s+|give\s+)?{TRACK}\s+(?:only\s+)?(?:with\s+|at\s+)?(?:an?\s+)?(?:{PCT}|{FRACTION})\s+"
       rf"(?:chance|probability|likelihood|odds)(?:\s+(?:of|to)\s+play(?:ing)?)?"),
    _p(rf"(?:set\s+)?(?:the\s+)?(?:chance|probability|likelihood|prob)\s+(?:of\s+|on\s+|for\s+)?{TRACK}\s+(?:to\s+|at\s+)?"
       rf"(?:{PCT}|(?P<ratio>0?\.\d+|[01]))"),
    _p(rf"(?:set\s+)?(?:the\s+)?{TRACK}\s+(?:chance|probability|prob)\s+(?:to\s+|at\s+)?(?:{PCT}|(?P<ratio>0?\.\d+|[01]))"),
    _p(rf"(?:set\s+)?(?:the\s+)?(?:chance|probability|prob)\s+(?:to\s+|at\s+)?(?:{PCT}|(?P<ratio>0?\.\d+|[01]))\s+"
       rf"(?:on|for)\s+{TRACK}"),
    _p(rf"(?:make\s+)?{TRACK}\s+(?:{PCT}|(?P<ratio>\d+/\d+))\s+(?:random|chance|likely|probability)"),
    _p(rf"(?:make\s+)?random\s+{TRACK}\s+(?:at\s+)?{PCT}"),
    _p(rf"(?P<degrade>degrade|degradeby|undegradeby)\s*(?P<by>0?\.\d+|[01])?\s*\$?\s+{TRACK}"),
    _p(rf"(?:\w+\s+)?{TRACK}\s*:?\s+(?:each|every)\s+(?:stroke|hit|note|step)\s+(?:is\s+)?{PCT}\s+likely"),
    _p(rf"(?:ghost|thin\s+out|thin)\s+{TRACK},?\s+(?:like\s+|to\s+|so\s+)?(?:only\s+)?{PCT}\s+of\s+(?:the\s+)?"
       rf"(?:hits|notes|strokes|time)"),
]
HUMANIZE = [
    _p(rf"(?P<on>humani[sz]e|loosen(?:\s+up)?|unquanti[sz]e|add\s+(?:some\s+|a\s+bit\s+of\s+)?(?:human\s+feel|"
       rf"humani[sz](?:e|ation)|looseness|human\s+timing)\s+(?:to|on))\s+{TRACK}(?:\s+up)?{AMOUNT}"),
    _p(rf"(?:make\s+)?{TRACK}\s+(?:sound\s+|feel\s+)?(?:more\s+)?(?P<on>humani[sz]ed|human|loose|looser|sloppy|sloppier|"
       rf"less\s+robotic|less\s+quantized){AMOUNT}"),
    _p(rf"(?P<off>quanti[sz]e|unhumani[sz]e|de-?humani[sz]e|(?:no|stop)\s+humani[sz](?:e|ing)(?:\s+on)?)\s+{TRACK}"),
]
SHIFT = [
    _p(rf"{SHIFT_VERB}\s+{TRACK}\s+(?:by\s+)?(?P<n>{NUM}|an?|half\s+a)\s+{UNIT}\s*(?:to\s+the\s+)?{DIRECTION}?"),
    _p(rf"{SHIFT_VERB}\s+{TRACK}\s+{DIRECTION}\s+(?:by\s+)?(?P<n>{NUM}|an?|half\s+a)\s+{UNIT}"),
    _p(rf"{SHIFT_VERB}\s+{TRACK}\s+(?P<dir>later|earlier)"),     # "move the hats left" is a pan, not a shift
    _p(rf"{SHIFT_VERB}\s+{TRACK}\s+by\s+(?P<signed>[-+]?\d+)(?:\s+steps?)?"),
    _p(rf"{TRACK}\s+(?P<n>{NUM}|an?)\s+{UNIT}\s+(?P<dir>later|earlier|late|early)"),
    _p(rf"{TRACK},?\s+{SHIFT_VERB}\s+(?:it|them)\s+{DIRECTION}\s+(?:by\s+)?(?P<n>{NUM}|an?|half\s+a)\s+{UNIT}"),
    _p(rf"\(?\"?(?P<cycle>\d+/\d+|0?\.\d+|\d+)\"?\)?\s*(?P<arrow><~|~>)\s*\$?\s*{TRACK}"),
]
SEED = [_p(r"(?:(?:lock|fix|freeze)\s+(?:the\s+)?random(?:ness)?,?\s+)?(?:set\s+|change\s+|use\s+)?(?:the\s+|a\s+)?"
           r"(?:new\s+|different\s+|fresh\s+)?(?:random\s*)?(?:seed|randseed|reseed)"
           r"\s*(?:to\s+|[:=]\s*|of\s+|number\s+)?(?P<seed>\d+)")]
QUOTED = [_p(rf"(?:play\s+)?{TRACK}\s*:?\s*\"(?P<pattern>[^\"]+)\"(?:\s+on\s+{TRACK.replace('track>', 'track2>')})?"),
          _p(rf"{TRACK}\s*:\s*(?P<pattern>[xX.~\[<][^\"]*)"),
          # mini-notation typed bare: taken as written (a malformed one is refused naming the position)
          _p(rf"(?:play\s+|set\s+)?{TRACK}\s+(?:to\s+)?(?P<pattern>(?=[^\"]*[\[\]<>()*!?@~_])[xX.~\[<]"
             rf"[\sxX.~_\-\[\]<>()*!?@,|\d]*)"),
          _p(rf"play\s+(?P<pattern>(?=[^\"]*[\[\]<>()*!?@~_])[xX.~\[<][\sxX.~_\-\[\]<>()*!?@,|\d]*?)\s+on\s+{TRACK}"),
          # 'kick on 1 and the and of 2: x.....x.........', 'hats 8th notes x.x.x.x.': the pattern is what is played
          _p(rf"{TRACK}\s+[^:\"]*?:\s*(?P<pattern>[xX.~][xX.~\-]{{3,}})"),
          _p(rf"{TRACK}\s+(?:(?:straight\s+)?(?:8th|16th|quarter|eighth|sixteenth)(?:\s+notes?|s)?|pattern|groove|rhythm)"
             rf"\s*:?\s+(?P<pattern>[xX.~][xX.~\-]{{3,}})")]
REVERSE = [
    _p(rf"(?:reverse|flip|mirror|retrograde|rev)\s*\$?\s+{TRACK}(?:\s+(?:around|round|backwards?))?"),
    _p(rf"make\s+{TRACK}\s+(?:go|play|run)\s+(?:backwards?|in\s+reverse)"),
    _p(rf"(?:play\s+|turn\s+)?{TRACK}\s+(?:backwards?|in\s+reverse|reversed?|back\s+to\s+front|around|round)"),
    _p(rf"(?P<off>un-?reverse)\s+{TRACK}"),
    _p(rf"(?:play\s+)?{TRACK}\s+(?P<off>forwards?|the\s+right\s+way(?:\s+round)?|not\s+reversed)(?:\s+again)?"),
]
SPEED = [
    _p(rf"(?:play\s+|make\s+|put\s+|slow\s+|speed\s+|set\s+|bring\s+|take\s+|drop\s+)?{TRACK}\s+(?:(?:down\s+|up\s+)?"
       rf"(?:in|at|on|to)\s+)?(?P<how>double|half|quadruple|quarter)[- ]?(?:time|speed)(?:\s+feel)?"),
    _p(rf"(?:play\s+|put\s+)?(?P<how>double|half|quadruple)[- ]?(?:time|speed)(?:\s+feel)?\s+(?:(?:on|for)\s+)?{TRACK}"),
    _p(rf"(?:play\s+|make\s+)?{TRACK}\s+(?P<how>twice|half)\s+as\s+(?P<as>fast|slow|quick)"),
    _p(rf"(?:play\s+|make\s+|put\s+|turn\s+)?{TRACK}\s+(?:(?:in|as|into|with|to)\s+)?(?:a\s+)?(?P<how>triplets?)"
       rf"(?:\s+feel)?"),
    _p(rf"(?P<how>normal|regular|straight)\s+(?:time|speed)\s+(?:(?:on|for)\s+)?{TRACK}"),
    _p(rf"(?:play\s+)?{TRACK}\s+(?:in|as)\s+(?:triplet\s+(?P<tripunit>quavers|eighths|8ths|semiquavers|sixteenths|"
       rf"16ths|crotchets|quarters)|(?P<tripunit2>quaver|eighth|8th|semiquaver|sixteenth|16th|crotchet|quarter)(?:-note)?"
       rf"\s+triplets)"),
    _p(rf"(?P<how>double)\s+up\s+{TRACK}"),
    _p(rf"(?:make\s+|let\s+|have\s+)?{TRACK}\s+(?:go|play|run)\s+(?P<as>faster|quicker|slower)"),   # twice, or half
    _p(rf"(?P<how>diminution|augmentation)\s+(?:of\s+)?{TRACK}(?:\s+at\s+(?:half|double)\s+speed)?"),
    _p(rf"(?P<tidal>fast|slow|density|sparsity)\s+\"?(?P<factor>\d+(?:\.\d+)?|\d+/\d+)\"?\s*\$?\s+{TRACK}"),
    _p(rf"(?:play\s+|make\s+|put\s+)?(?:an?\s+)?(?P<how>triplets?)(?:\s+feel)?\s+(?:(?:on|for)\s+)?{TRACK}"),
    _p(rf"(?:play\s+)?{TRACK}\s+(?:at\s+|back\s+to\s+)?(?P<how>normal|regular|original|straight)"
       rf"(?:\s+(?:speed|time|again))?"),
    _p(rf"(?:play\s+|set\s+)?(?:the\s+)?{TRACK}\s+(?:speed\s+)?(?:at\s+|to\s+)?(?P<factor>\d+(?:\.\d+)?|\d+/\d+)\s*"
       rf"(?:x|times\s+(?:as\s+fast|faster|the\s+speed))(?:\s+speed)?"),
]
_ANY_POSITION = re.sub(r"\?P<\w+>", "?:", POSITION)
BEATS = rf"(?P<positions>{_ANY_POSITION}(?:\s*(?:,|and|&|\+)\s*{_ANY_POSITION})*)"
POSITIONS = [
    _p(rf"(?P<add>add\s+|also\s+)?(?:play\s+|put\s+)?(?:an?\s+)?(?:extra\s+)?{TRACK}(?:\s+hits?)?\s+(?P<mid>also\s+)?"
       rf"on\s+{BEATS}"
       rf"(?P<also>,?\s+(?:as\s+well|too|also))?"),
    _p(rf"(?:play\s+|put\s+)?{TRACK}\s+(?:only\s+)?on\s+{BEATS}(?:,?\s+(?:for\s+)?(?:the|a)?\s*(?:half|double)[- ]?time"
       rf"(?:\s+feel)?)?"),
]
RATE = r"(?:,?\s*(?:in\s+)?(?:straight\s+)?(?P<rate>16ths|sixteenths|semiquavers|32nds|thirty-?seconds|demisemiquavers|"\
       r"64ths|triplets))?"
FILL = [
    _p(rf"(?:add\s+|put\s+)?(?:an?\s+)?{TRACK}\s+(?:rolls?|fill)\s+(?:at|on)\s+the\s+(?:end|last\s+beat)"
       rf"(?:\s+of\s+the\s+(?:bar|pattern))?{RATE}"),
    _p(rf"(?:add\s+|put\s+)?(?:an?\s+)?(?:rolls?|fill)\s+(?:at|on)\s+the\s+(?:end|last\s+beat)(?:\s+of\s+the\s+"
       rf"(?:bar|pattern))?\s+(?:on|for)\s+{TRACK}{RATE}"),
    _p(rf"{TRACK}\s+(?P<whole>rolls?|fill),?\s+(?:straight\s+|all\s+)?(?P<rate>16ths|sixteenths|semiquavers|32nds|"
       rf"thirty-?seconds)"),
    _p(rf"(?P<stutter>stutter|ratchet|roll|double)\s+{TRACK}\s+on\s+(?:the\s+)?(?P<beat>[1-4]|one|two|three|four)"),
]
ROLL = [
    _p(rf"(?:add\s+|put\s+|play\s+)?(?:an?\s+)?(?:(?P<kind>double|triple|quadruple|quad|\d+[- ]stroke)\s+)?roll\s+"
       rf"(?:on|at|to)\s+(?:the\s+)?(?P<which>last|first|final)\s+{TRACK}(?:\s+(?:hit|note|step))?"),
    _p(rf"roll\s+(?:the\s+)?(?P<which>last|first|final)\s+{TRACK}(?:\s+(?:hit|note))?"),
    _p(rf"(?:add\s+|put\s+)?(?:an?\s+)?{TRACK}\s+roll\s+(?:on|at|to)\s+the\s+(?P<which>last|first|final)\s+"
       rf"(?:hit|note|step)"),
    _p(rf"(?:add\s+|put\s+|play\s+)?(?:an?\s+)?roll\s+(?:on|at)\s+the\s+(?P<which>last|first|final)\s+"
       rf"(?:hit|note|step)\s+of\s+{TRACK}"),
    _p(rf"(?:make\s+)?(?:the\s+)?(?P<which>last|first|final)\s+{TRACK}(?:\s+(?:hit|note))?\s+(?:into\s+)?(?:an?\s+)?roll"),
    _p(rf"(?:add\s+|put\s+)?(?:an?\s+)?{TRACK}\s+roll\s+(?:at|on)\s+the\s+(?P<which>end)(?:\s+of\s+the\s+(?:bar|pattern))?"),
]
#: Counts of hits that fit no form above: refused with the form, never read as a setting.
LOOSE_COUNT = re.compile(rf"^(?:play\s+)?{TRACK}\s+(?P<n>{NUM})\s+(?:hits?|pulses?|onsets?|strokes?)\b.*$", re.I)


_FULL_STOP = re.compile(r"(?<![xX.~\-])[.!]+$|!+$")
_THANKS = re.compile(r"\s+(?:lol|haha|pls|plz|please|thanks|ok)$", re.I)
_FEEL_AFTER = re.compile(r"(?<=\))\s+(?:thing|feel|vibe|groove|like\s+(?:in\s+)?(?:the|a|that|my)\s+[\w\s]+)$", re.I)
_FIFTY_FIFTY = re.compile(r"\b(?:50[\s/-]50|fifty[\s-]fifty)(?:\s+chance)?\b", re.I)
_PARTS = re.compile(r"\s*(?:,(?![^(]*\))|;|\bthen\b|\band then\b)\s*")


def rhythm_intent(line: str):
    """The intent of a rhythm phrase (several, split at , ; then), or None when it is not one."""
    text = _FULL_STOP.sub("", line.strip())                              # a full stop, not a pattern's last rests
    text = _THANKS.sub("", text)
    text = _FEEL_AFTER.sub("", text)
    text = _FIFTY_FIFTY.sub("50% chance", text)                         # 'hats 50/50'

    whole = _one(text, 0)
    if whole is not None:
        return whole
    parts = [p.strip() for p in _PARTS.split(text) if p.strip()]
    if not parts:
        return None
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
    amount = float(groups["pct"]) / 100 if groups.get("pct") else 0.25 if groups.get("little") else \
        0.8 if groups.get("lot") else 0.5
    return TrackFeel("humanize", _words(match, column), min(amount, 1.0), column)


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
        if direction == "back" and verb not in ("lay", "push", "sit", "delay", "pull"):     # drag back: either way
            raise LanguageError(f"'{verb} back' later or earlier? say 'one step later' or 'one step earlier'", column)
        earlier = direction in ("earlier", "early", "left", "ahead", "backward", "backwards") or \
            (direction == "back" and verb == "pull") or (not direction and verb == "pull")
        steps = -steps if earlier else steps
    if steps.denominator != 1:
        raise LanguageError("a track shifts by whole steps (16ths): half a step cannot be played — try "
                            "'shift the kick one step later'", column)
    return TrackFeel("shift", _words(match, column), int(steps), column)


def _reverse(match, column):
    return TrackFeel("reverse", _words(match, column), not match.groupdict().get("off"), column)


def _speed(match, column):
    groups = match.groupdict()
    how = (groups.get("how") or "").lower()
    if groups.get("factor"):
        factor = Fraction(groups["factor"])
        factor = 1 / factor if (groups.get("tidal") or "").lower() in ("slow", "sparsity") else factor
        return TrackFeel("speed", _words(match, column), ("set", float(factor)), column)
    unit = (groups.get("tripunit") or groups.get("tripunit2") or "").lower()
    if unit:                        # three in the time of two of that note, on a grid of 16ths
        return TrackFeel("speed", _words(match, column), ("set", PER_BEAT[unit.rstrip("s")] * 3 / 2 / 4), column)
    if how.startswith("triplet"):
        return TrackFeel("speed", _words(match, column), ("set", 1.5), column)
    if how in ("normal", "regular", "original", "straight"):
        return TrackFeel("speed", _words(match, column), ("set", 1.0), column)
    if how in ("diminution", "augmentation"):
        how = "double" if how == "diminution" else "half"
    if how == "twice" or not how:
        factor = 0.5 if (groups.get("as") or "").lower() in ("slow", "slower") else 2.0
    else:
        factor = {"double": 2.0, "half": 0.5, "quadruple": 4.0, "quarter": 0.25}[how]
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
    return TrackFeel("seed", None, int(match["seed"]), column)


def _quoted(match, column):
    try:
        check_pattern(match["pattern"])
    except ParamError as err:
        raise LanguageError(str(err), column + match.start("pattern")) from None
    words = _words(match, column) if not match.groupdict().get("track2") else \
        it.Words((it.Word(match["track2"], column + match.start("track2")),))
    return it.PlayPattern(match["pattern"].strip(), words, column)


def _positions(match, column):
    steps, last_sub = [], 0
    for found in re.finditer(POSITION, match["positions"], re.I):
        sub = SUBDIVISION[found["sub"].lower()] if found["sub"] else last_sub if found.start() else 0
        last_sub = sub
        steps.append((_num(found["beat"]) - 1) * 4 + sub)
    pattern = "".join("x" if i in steps else "." for i in range(16))
    if any(match.groupdict().get(g) for g in ("add", "mid", "also")):
        return TrackFeel("add_hits", _words(match, column), tuple(sorted(set(steps))), column)
    return it.PlayPattern(pattern, _words(match, column), column)


def _roll(match, column):
    kind = (match.groupdict().get("kind") or "").lower()
    count = ROLL_COUNT.get(kind) or (int(re.match(r"\d+", kind)[0]) if kind else 2)
    which = "first" if match["which"].lower() == "first" else "last"
    return TrackFeel("roll", _words(match, column), (which, count), column)


_FORMS = ((QUOTED, _quoted), (EUCLID, _euclid), (CHANCE, _chance), (HUMANIZE, _humanize), (SHIFT, _shift),
          (REVERSE, _reverse), (SPEED, _speed), (FILL, _fill), (ROLL, _roll), (POSITIONS, _positions), (SEED, _seed))
_SCREEN = Screen((form, build) for forms, build in _FORMS for form in forms)

__all__ = ["rhythm_intent"]
