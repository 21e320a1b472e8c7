"""Time in English, read off a line before the grammar sees it (pure text).

A line may carry a *duration* ("over 8 bars", "for a bar", "during 16 beats", "slowly" = the default
4 bars) and a *start* ("at the next bar", "in 2 bars", "on the next beat", "after 4 bars"); what is
left is an ordinary command ("open the filter to 3k"), translated as usual and then timed
(timed_lines.py). A change is read as its constituents — what moves, where from ("from 200", or a
bare "128 -> 140"), where to — with any motion word around them left out ("cutoff ramps up to",
"automate the cutoff", "tempo automation:"): "sweep the cutoff from 200 to 2k" → the cutoff to 2k
starting from 200; "fade out the bass" → the bass's level to its floor; "speed up to 140" → the tempo. `split` returns None for a line without
time words, so every other line goes on untouched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .rhythm_tokens import stop_stripped

DEFAULT_BARS = 4                # "slowly close the filter": a ramp this long, said in the echo
BEATS = {"bar": 4.0, "measure": 4.0, "takt": 4.0, "beat": 1.0, "step": 0.25, "sixteenth": 0.25}   # (Takt: German)
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "sixteen": 16, "thirty-two": 32, "half a": 0.5,
                "a couple of": 2, "a couple": 2, "a few": 3, "another": 1, "the next": 1}
_NUM = r"(?P<num>\d+(?:\.\d+)?|half an?|a couple(?: of)?|a few|" + "|".join(
    sorted((w for w in NUMBER_WORDS if " " not in w and w not in ("another",)), key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>bars?|measures?|takts?|beats?|steps?|sixteenths?|seconds?|secs?|minutes?|mins?|s)\b"
_ABOUT = r"(?:(?:like|about|around|roughly|maybe|say|approx(?:imately)?|just|some)\s+)?"   # "over like 8 bars"
_SPAN = rf"{_ABOUT}(?:the\s+)?(?:next\s+|following\s+|last\s+|coming\s+|course\s+of\s+(?:the\s+next\s+)?)?(?:{_NUM}\s*)?{_UNIT}"
DURATION = re.compile(rf"(?:^|\s|,)(?P<prep>over|during|across|within|for)\s+{_SPAN}(?=\s*[,.]?\s*$|\s*,)", re.I)
#: The same length inside the line ("open the filter over 2 bars to 6k"), or a bare count at its end
#: ("over 16": bars, as DJs count them), read when the length is not at the end.
INNER_DURATION = re.compile(rf"(?:^|\s|,)(?P<prep>over|during|across|within)\s+{_SPAN}(?=[\s,.]|$)", re.I)
BARE_COUNT = re.compile(rf"(?:^|\s|,)(?P<prep>over|across|during)\s+{_ABOUT}(?P<num>\d+)\s*$", re.I)
LEAD_DURATION = re.compile(rf"^(?P<prep>over|during|across|for)\s+{_SPAN}\s*,?\s*", re.I)
ADVERB = re.compile(r"(?:^|\s)(?P<adv>slowly|gradually|little by little|bit by bit|smoothly|gently)(?=\s|$|,)", re.I)
_LINE = r"(?P<line>bar\s*line|bar|measure|beat|downbeat|one)"
START_FORMS = (
    rf"(?:at|on)\s+the\s+(?:start|top|beginning|downbeat|first\s+beat|one)\s+of\s+the\s+next\s+{_LINE}",
    rf"(?:at|on|from|in)\s+(?:the\s+)?(?:next|following)\s+{_LINE}",
    r"at\s+the\s+end\s+of\s+(?:the|this)\s+(?P<end>bar|measure|phrase)",
    r"(?:after|at\s+the\s+end\s+of)\s+(?:this|the)\s+(?:bar|measure)|at\s+the\s+(?:next\s+)?bar\s*line",
    r"at\s+the\s+end\s+of\s+the\s+next\s+(?P<end2>bar|measure)",
    rf"next\s+(?:(?<=for\sthe\snext\s)(?!one\b)|(?<!for\sthe\snext\s)(?!one(?:'s|\s+is)\b)){_LINE}",   # ('… for the next
    #                                                 one', 'next one's in G': the next song, said before it — now)
    r"(?:at|on)\s+the\s+(?:bar|bar\s*line|downbeat)",
    rf"(?:in|after)\s+{_NUM}\s*(?P<unit>bars?|measures?|takts?|beats?)(?:'?\s*time)?",
    rf"{_NUM}\s*(?P<unit>bars?|measures?|takts?|beats?)\s+from\s+now",
    r"(?:at|on|from)\s+(?:the\s+(?:start|top|beginning|downbeat)\s+of\s+)?(?:bar|measure)\s+(?P<barno>\d+)",   # a hit point
    # ('by bar 5' is a deadline, not a start: asked, never read as one)
)
_START_RE = [re.compile(rf"(?:^|\s|,)(?:{form})(?=\s*[,.]?\s*$|\s*,)", re.I) for form in START_FORMS]
_LEAD_START_RE = [re.compile(rf"^(?:{form})\s*,?\s*", re.I) for form in START_FORMS]
MOTION = re.compile(r"\b(fade|fades|fading|sweep|ramp|glide|slide|open|close|speed|slow|accelerate|decelerate|"
                    r"rise|raise|lower|bring|automate|swell|build)\b", re.I)


@dataclass(frozen=True)
class Timed:
    command: str                  # the plain command left ("open the filter to 3k")
    beats: float | None = None    # a duration: ramp (or a timed mute) over this many beats
    prep: str = ""                # over | for | in | … (the duration's word), "slowly" for the default
    start: tuple[int, str] | None = None   # (count, "bar"|"beat"): on the count-th line from now
    said: tuple[str, ...] = ()    # echo lines: what was inferred (a default length)
    level: str | None = None      # fade: "out" | "in" | "up" | "in from nothing" | "from silence"; the command names what fades
    curve: str | None = None      # "exponentially" / "linearly" said
    begin: str | None = None      # "sweep X from A to B": the command setting A ("set X to A")
    start_in: bool = False        # "in N bars" said after the command: over N bars when what it does can move


def number(text: str | None) -> float:
    text = (text or "one").lower().strip()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    if text.startswith("half a"):
        return 0.5
    if text.startswith("a couple"):
        return 2.0
    return float(text)


def span_beats(num: str, unit: str, bpm: float) -> float:
    unit = unit.lower().rstrip("s") or "s"
    if unit in ("second", "sec", "s", ""):
        return number(num) * bpm / 60.0
    if unit in ("minute", "min"):
        return number(num) * bpm
    return number(num) * BEATS[unit]


def _start(match: re.Match) -> tuple[int, str]:
    groups = match.groupdict()
    if groups.get("barno"):                        # 'at bar 9': this bar is bar 1, so 8 bar lines from now
        if int(groups["barno"]) < 2:
            raise ValueError("bar 1 is the bar playing now: say 'now' or 'at the next bar'")
        return int(groups["barno"]) - 1, "bar"
    if groups.get("end2"):
        return 2, "bar"
    if groups.get("num"):
        count = number(groups["num"])
        unit = "beat" if groups["unit"].lower().startswith("beat") else "bar"
        if count != int(count) or count < 1:
            raise ValueError(f"{groups['num']} {groups['unit']}: a start counts whole bars or beats")
        return int(count), unit
    line = (groups.get("line") or "bar").lower()
    return 1, "beat" if line == "beat" else "bar"


@lru_cache(maxsize=16)         # (perf) a line asks again for the same text: its segments, then each one's length
def split(text: str, bpm: float = 120.0) -> Timed | None:
    """The line's time words and the command left, or None when it has none."""
    line = strip_label(_FILLER.sub("", stop_stripped(text)))
    line = _TAIL.sub("", _LEAD.sub("", line)).replace("!", "")
    curve = None
    match = _CURVE.search(line)
    if match:
        curve = "exp" if next(g for g in match.groups() if g).lower().startswith(("exp", "log")) else "lin"
        line = (line[:match.start()] + " " + line[match.end():]).strip(" ,")
    line = _TEMPO_WORDS.sub(lambda m: TEMPO_WORDS[m.group(1).lower().rstrip(".")], line)
    line = _SIDE_TO_SIDE.sub(lambda m: f"from {_SIDE[m.group(1).lower()]} to {_SIDE[m.group(2).lower()]}", line)
    line = _ON_VALUE.sub("to ", _SHOULD_GO.sub("", line))          # 'the sine should go on 880 hertz over a bar'
    line = _INNER_START.sub(r"\g<what> \g<change> \g<start>", line)            # 'the cutoff in 4 bars from 500 to 3000'
    if _ARROW.search(line):
        line = _ARROW_SPAN.sub(r" over \g<span>", line)                        # 'cutoff -> 3k 8 bars' 
    start, start_in, bar_number = None, False, None
    if _STOP_ON_ONE.match(line):                   # "stop on the one" (but "kick on the one" is a rhythm)
        line, start = "stop", (1, "bar")
    for pattern in (*_LEAD_START_RE, *_START_RE):
        match = pattern.search(line)
        if match:
            start = _start(match)
            said_in = match.group(0).strip(" ,").lower()
            start_in = pattern in _START_RE and said_in.startswith("in ") and not said_in.endswith("time") and \
                bool(match.groupdict().get("num"))
            bar_number = match.groupdict().get("barno")
            line = (line[:match.start()] + " " + line[match.end():]).strip(" ,")
            break
    beats, prep, said = None, "", ()
    if bar_number:
        said = (f"bar {bar_number}: {start[0]} bar line{'s' * (start[0] > 1)} from now (this bar counted as bar 1)",)
    match = LEAD_DURATION.search(line) or DURATION.search(line) or INNER_DURATION.search(line)
    if match:
        prep = match.group("prep").lower()
        beats = span_beats(match.group("num"), match.group("unit"), bpm)
        line = (line[:match.start()] + " " + line[match.end():]).strip(" ,")
    elif BARE_COUNT.search(line) and not _EUCLID_LIKE.search(line):
        match = BARE_COUNT.search(line)
        prep, beats = match.group("prep").lower(), number(match.group("num")) * 4.0
        said += (f"'{match.group(0).strip(' ,')}': {match.group('num')} bars",)
        line = line[:match.start()].strip(" ,")
    out = _OUT_SPAN.match(line) if match is None else None
    if out and out.group("what2") and not out.group("num"):
        out = None                                 # 'drop the beat': the drums, no length
    if out:                                        # "hats out 4 bars", "snare sits out a bar"
        prep, beats, line = "for", span_beats(out.group("num"), out.group("unit"), bpm), \
            f"mute {out.group('what') or out.group('what2')}"
    bare = _FOR_BARE.search(line) if match is None else None
    if bare and (_MUTE_WORDS.match(line[:bare.start()]) or line.lower().startswith("mute ")):
        prep, beats = "for", number(bare.group("num")) * 4.0      # "lay out the hats for 4": bars
        line = line[:bare.start()].strip(" ,")
    adverb = ADVERB.search(line)
    if adverb:
        line = (line[:adverb.start()] + " " + line[adverb.end():]).strip(" ,")
        if beats is None and start_in:            # 'slowly to 140 in 8 bars': a glide that takes them, not a wait
            beats, prep, start = start[0] * (4.0 if start[1] == "bar" else 1.0), "in", None
        if beats is None:
            beats, prep = DEFAULT_BARS * 4.0, "slowly"
            said += (f"{adverb.group('adv').lower()}: over {DEFAULT_BARS} bars (say 'over 8 bars' for another length)",)
    line = re.sub(r"\s+", " ", line).strip()
    line = _SWELL_IN.sub(r"fade \g<what> in", _SWELL.sub(r"\1", line))
    line = _SWELL_OPEN.sub(lambda m: f"{'open' if m.group('way').lower() == 'open' else 'close'} {m.group('what')}", line)
    line = _DYNAMICS.sub(lambda m: f"{m.group('what') or ''} {DYNAMICS[m.group(1).lower()]}".strip(), line)
    fade = _fade(line, said_length=beats is not None and prep != "slowly")
    if fade is None and beats is None and start is None:
        return None
    if fade is not None and beats is None and start_in:             # 'fade out the bass in 8 bars': over them
        beats, prep, start = start[0] * (4.0 if start[1] == "bar" else 1.0), "in", None
    if fade is not None and beats is None:
        beats, prep = DEFAULT_BARS * 4.0, "slowly"
        said += (f"fade: over {DEFAULT_BARS} bars (say 'over 8 bars' for another length)",)
    if fade is not None:
        return Timed(fade[1], beats, prep, start, said, level=fade[0], start_in=start_in, curve=curve)
    command, begin = _sweep(line)
    command = _OWNER_AFTER.sub(r"set the \g<who> \g<what> to \g<value>", command)
    if (beats is not None and prep in ("for", "during")) or start is not None:
        command = _MUTE_WORDS.sub(lambda m: "mute " + (m.group("what") or m.group("what2") or m.group("what3")), command)
    return Timed(command, beats, prep, start, said, begin=begin, start_in=start_in, curve=curve)


#: 'the echo fades away over 4 bars': a fade only with its length said ('make the sound fade in slowly' is an attack).
_SUBJECT_FIRST_OUT = re.compile(r"^(?:(?:make|let|have)\s+)?(?P<what>(?!fade\b).+?)\s+fades?\s+(?:out|down|away)$", re.I)
_SUBJECT_FIRST_IN = re.compile(r"^(?:(?:make|let|have)\s+)?(?P<what>(?!fade\b).+?)\s+fades?\s+(?P<way>in|up)$", re.I)
_FADE = (
    (re.compile(r"^fad(?:e|ing)\s+(?:out|down|away)(?:\s+(?P<what>.+))?$", re.I), "out"),
    (_SUBJECT_FIRST_OUT, "out"),
    (_SUBJECT_FIRST_IN, "in"),
    (re.compile(r"^fad(?:e|ing)\s+(?P<what>.+?)\s+(?:out|down|away)$", re.I), "out"),
    (re.compile(r"^fad(?:e|ing)\s+(?P<way>in|up)(?:\s+(?P<what>.+))?$", re.I), "in"),
    (re.compile(r"^fad(?:e|ing)\s+(?P<what>.+?)\s+(?P<way>in|up)$", re.I), "in"),
    (re.compile(r"^fad(?:e|ing)\s+(?P<what>.+?)\s+(?:in|up)\s+from\s+(?:nothing|silence|zero|0)$", re.I), "in from nothing"),
    (re.compile(r"^fad(?:e|ing)\s+to\s+(?:silence|black|nothing)$", re.I), "out"),
    (re.compile(r"^fad(?:e|ing)\s+(?P<what>.+?)\s+(?:in|up)\s+to\s+(?P<to>\S.*)$", re.I), "from silence"),
    (re.compile(r"^fad(?:e|ing)\s+in\s+(?P<what>.+?)\s+to\s+(?P<to>\S.*)$", re.I), "from silence"),
    (re.compile(r"^fad(?:e|ing)\s+(?P<what>.+?)\s+(?:to|down to|up to)\s+(?P<to>\S.*)$", re.I), "to"),
)
_WHOLE = re.compile(r"\b(?:whole|entire)\s+", re.I)


def _fade(line: str, said_length: bool) -> tuple[str, str, str | None] | None:
    """("out"|"in"|"up"|"to", a command naming the levels that fade, the level for "to") or None ('up': no drop)."""
    for pattern, kind in _FADE:
        if not said_length and pattern in (_SUBJECT_FIRST_OUT, _SUBJECT_FIRST_IN):
            continue
        match = pattern.match(line)
        if match:
            what = _WHOLE.sub("", (match.groupdict().get("what") or "").strip())
            if what.lower() in ("", "everything", "it all", "all", "the mix", "the music", "the track", "out") or \
                    what.lower().startswith("for "):      # 'fade out … for the amen': a remark, the whole mix
                what = "the master"
            level = match.group("to") if kind in ("to", "from silence") else "50%"
            kind = "up" if kind == "in" and (match.groupdict().get("way") or "").lower() == "up" else kind
            parts = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", what) if p]   # "the kick and the snare"
            return kind, " and ".join(f"set the volume of {part} to {level}" for part in parts), None
    return None


_SWEEP_WAY = re.compile(r"^(?:(?:do\s+)?an?\s+)?(?:filter\s+sweep\s+(up|down)|sweep\s+(?:up\s+|down\s+)?(?:the\s+)?"
                        r"(?:filter|cutoff)\s+(up|down))$|^sweep\s+(up|down)\s+(?:the\s+)?(?:filter|cutoff)$", re.I)
_TEMPO = re.compile(r"^(?:accelerate|decelerate|ramp up|ramp down|ramp|speed up|slow down|go|get faster|get slower|"
                    r"bring|take|push|pull|drift|ease|creep|nudge|broaden)\s+(?:(?:the\s+)?(?:tempo|bpm)\s+)?(?:up\s+|down\s+)?to\s+"
                    r"(?P<b>\d+(?:\.\d+)?)\s*(?:bpm)?$", re.I)


def _sweep(line: str) -> tuple[str, str | None]:
    """(the command, the start value or None): 'sweep the cutoff from 200 to 2k' → ('set the cutoff to 2k', '200')."""
    match = _SWEEP_WAY.match(line)
    if match:                     # "filter sweep up", "sweep the filter down": a big move that way
        way = next(group for group in match.groups() if group).lower()
        return f"{'open' if way == 'up' else 'close'} the filter a lot", None
    line = re.sub(r"^(sweep|ramp|glide|slide|automate)\s+from\s+", r"\1 the cutoff from ", line, flags=re.I)   # a sweep is the filter's
    match = _TEMPO.match(line)
    if match:
        return f"set the tempo to {match.group('b')}", None
    return _ranged(line)


#: Words that only say a change moves, wherever they stand ('cutoff ramps up to', 'automate the
#: cutoff', 'tempo automation:'): the length says so already, so they are left out of the command.
MOTION_ONLY = frozenset(
    "sweep sweeps ramp ramps ramping glide glides slide slides move moves moving automate automation control line "
    "bring take push pull drift drifts ease creep creeps crawl crawls nudge walk swell swells swelling rise rises "
    "climb climbs fall falls sink sinks go goes let open opens close closes set dive dives dip dips".split())
#: A tempo change said with a word or two about it, its number and its length in parts of their own ('speed up to a
#: quick march, 110, over 4 bars', 'slow down at the end, over 2 bars to 100'): the change to that number over them.
_TEMPO_SAID = re.compile(r"^(?P<verb>speed up|slow down|accelerate|decelerate|get faster|get slower|faster|slower)(?:\s+and\s+(?:faster|slower))?(?:\s+at\s+the\s+end)?"
                         r"(?:\s+(?:to|into)\s+(?:a|an|the)\s+[a-z][a-z\s-]*?)?(?P<rest>(?:\s*,\s*[^,]+){1,2})$", re.I)
_TEMPO_SPAN = r"(?:over|in|across)\s+\S+(?:\s+\S+)?\s+(?:bars?|beats?|measures?)"
_TEMPO_PART = re.compile(rf"^(?:(?P<span>{_TEMPO_SPAN})\s*)?(?:(?:up\s+|down\s+)?to\s+)?(?P<bpm>\d{{2,3}})(?:\s*bpm)?"
                         rf"(?:\s+(?P<after>{_TEMPO_SPAN}))?$|^(?P<alone>{_TEMPO_SPAN})$", re.I)


#: A tempo glide said with the tempo named around its verb ('build the tempo up to 120 over 8 bars', 'go from this
#: tempo up to 132 over eight bars', 'build up to 140 bpm'): said the way the timed reading takes it.
_TEMPO_GLIDE = re.compile(r"^(?:(?:can|could|shall)\s+(?:we|you)\s+)?(?:(?P<build>build)|take|bring|push|go|move|ramp)"
                          r"(?P<named>\s+the\s+tempo|\s+from\s+(?:this|the)\s+tempo|\s+from\s+here)?\s+(?P<way>up|down)?\s*to\s+"
                          r"(?P<bpm>\d{2,3})(?P<unit>\s*bpm)?(?P<rest>\s+(?:over|across|in)\s+.+)$", re.I)
#: The tempo said, then how it gets there ('recovery: 90 bpm, take it down gradually over 8 bars'): a glide to it.
_TEMPO_THEN_HOW = re.compile(r"^(?:[a-z][a-z ]*:\s*)?(?:tempo\s+)?(?P<bpm>\d{2,3})\s*bpm\s*,\s*(?:take|bring|get|go|ease|slow|"
                             r"move|drop)\s+(?:it\s+|us\s+)?(?:down|up|there)?\s*(?:gradually|slowly|gently|smoothly)?\s+"
                             r"(?P<rest>(?:over|across|in)\s+\S+\s+(?:bars?|beats?))$", re.I)


def said_tempo(text: str) -> str:
    """'speed up to a quick march, 110, over 4 bars' → 'speed up to 110 over 4 bars', 'build the tempo up to 120 over 8
    bars' → 'tempo up to 120 over 8 bars'; any other line as it is."""
    glide = _TEMPO_GLIDE.match(text.strip().rstrip(".!?"))
    if glide and (glide["build"] or glide["named"] or glide["unit"]):
        return f"tempo {glide['way'] or ''} to {glide['bpm']}{glide['rest']}".replace("  ", " ")
    if then_how := _TEMPO_THEN_HOW.match(text.strip().rstrip(".!?")):
        return f"tempo to {then_how['bpm']} {then_how['rest']}"
    found = _TEMPO_SAID.match(text.strip().rstrip(".!"))
    if found is None:
        return text
    parts = [_TEMPO_PART.match(p.strip()) for p in found["rest"].split(",") if p.strip()]
    if not all(parts) or sum(bool(p["bpm"]) for p in parts) != 1:
        return text
    span = " ".join(p["span"] or p["alone"] or p["after"] or "" for p in parts).strip()
    bpm = next(p["bpm"] for p in parts if p["bpm"])
    verb = {"faster": "speed up", "slower": "slow down"}.get(found["verb"].lower(), found["verb"])
    return f"{verb} to {bpm}{' ' + span if span else ''}"


_TEMPO_SUBJECT = re.compile(r"^(?:the\s+)?(?:tempo|bpm|speed up|slow down|speed|pace)$", re.I)
_VALUE = r"-?\d+(?:\.\d+)?\s*(?:k|khz|hz|ms|s|%|db|bpm|cents)?"
#: A change as its constituents: what moves, where from (said or a bare value), which way, where to.
_RANGE = re.compile(rf"^(?P<what>.*?)[\s:]*(?:\bfrom\s+(?P<a>.+?)\s+|(?<![\w.])(?P<bare>{_VALUE})\s+)?"
                    r"(?:\b(?:up|down|back)\s+)*(?:to|->|→)\s+(?P<b>\S.*)$", re.I)


def _ranged(line: str) -> tuple[str, str | None]:
    """'the resonance creeps up to 0.8', 'tempo: 128 -> 140', 'control cutoff from 500 to 3000': the thing moving (motion
    words left out), its start and its target, whatever the verb; a line whose words are all the grammar's as it is."""
    match = _RANGE.match(line)
    if not match:
        return line, None
    words = match.group("what").split()
    kept = [w for w in words if w.lower() not in MOTION_ONLY]
    start = match.group("a") or match.group("bare")
    if len(kept) == len(words) and start is None and not _TEMPO_SUBJECT.match(match.group("what").strip()):
        return line, None
    what = " ".join(w for w in kept if w.lower() not in ("up", "down", "back"))
    if what.lower() in ("", "it", "this", "things", "that") and {w.lower() for w in words} & {"open", "opens", "close", "closes"}:
        return line, None                 # ('open it back up to 3000 over four bars': the grammar's 'open', never the tempo)
    if what.lower() in ("", "it", "this", "things", "that"):   # the tempo or the focused param (_BARE_IT asks), from
        return f"take it to {match.group('b')}", (f"take it to {start}" if start else None)   # where it was said to start
    if _TEMPO_SUBJECT.match(what):
        what = "the tempo"
    return f"set {what} to {match.group('b')}", (f"set {what} to {start}" if start else None)


TEMPO_WORDS = {"accelerando": "speed up", "accel": "speed up", "stringendo": "speed up", "ritardando": "slow down",
               "ritard": "slow down", "rit": "slow down", "rallentando": "slow down", "rall": "slow down",
               "allargando": "slow down", "poco rit": "slow down a bit", "poco accel": "speed up a bit"}
_TEMPO_WORDS = re.compile(r"^(?:(?:and|now|then)\s+)?(?:(?:a|an|some)\s+)?(poco rit|poco accel|accelerando|accel|stringendo|ritardando|ritard|rit|rallentando|rall|"
                          r"allargando)\.?(?=[\s:]|$)(?:\s*:\s*broaden)?", re.I)
DYNAMICS = {"crescendo": "louder", "cresc": "louder", "decrescendo": "quieter", "diminuendo": "quieter",
            "dim": "quieter", "decresc": "quieter"}
_DYNAMICS = re.compile(r"^(?:(?:and|now|then)\s+)?(?:(?:a|an|some)\s+)?(crescendo|cresc|decrescendo|diminuendo|dim|decresc)\.?(?:\s+(?:on\s+|in\s+|for\s+)?(?P<what>.+))?$",
                       re.I)                      # no 'what': the voice in focus
_SWELL = re.compile(r"\bswell\s+(up|down)\b", re.I)
_SWELL_OPEN = re.compile(r"^(?:swell|ease|bring)\s+(?P<what>(?:the\s+)?\w+)\s+(?P<way>open|closed|shut)$", re.I)
_SWELL_IN = re.compile(r"^(?:swell|bring|ease|float)\s+(?P<what>.+?)\s+in$", re.I)     # "swell the pad in": a fade in
_STOP_ON_ONE = re.compile(r"^(?:stop|hush|end it|cut it|stop it|stop everything)\s+(?:on|at)\s+the\s+one$", re.I)
_CURVE = re.compile(r"(?:^|[\s,]+)(?:and\s+|,\s*)?(?:(exponential(?:ly)?|logarithmic(?:ally)?|linear(?:ly)?)(?:\s+curve)?(?=[\s,]|$)|"
                    r"(exp|log|lin)(?:\s+curve)?\s*$)|^(exp|log|lin)(?=\s)", re.I)   # the words anywhere, the short forms at an end
#: A change said as what its subject should do ('the cutoff should go … to 3000', 'the tempo on 90':
#: German 'auf') — the words left out, the change kept.
_SHOULD_GO = re.compile(r"\b(?:should|shall|must|will|has\s+to|have\s+to)\s+(?:go|move|get|come)\b\s*", re.I)
_ON_VALUE = re.compile(r"\bon\s+(?=\d[\d.]*\s*(?:hz|hertz|khz|k|bpm|%|percent|db)?\s*(?:,|$|(?:over|in|during|across|within)\s))",
                       re.I)
_INNER_START = re.compile(r"^(?P<what>.+?)\s+(?P<start>in\s+\S+\s+(?:bars?|beats?|measures?|takts?))\s+(?P<change>(?:from|to|on)\s.+)$",
                          re.I)
#: 'pan from left to right over 2 bars': a sweep across the whole field, edge to edge.
_SIDE_TO_SIDE = re.compile(r"\bfrom\s+(?:the\s+)?(?:hard\s+|far\s+)?(left|right|cent(?:er|re))\s+to\s+(?:the\s+)?"
                           r"(?:hard\s+|far\s+)?(left|right|cent(?:er|re))\b", re.I)
_SIDE = {"left": -1, "right": 1, "center": 0, "centre": 0}
_ARROW = re.compile(r"->|→")
_ARROW_SPAN = re.compile(r"(?<!over)(?<!in)(?<!during)(?<!across)(?<!within)(?<!for)\s+(?P<span>\d+(?:\.\d+)?\s*"
                         r"(?:bars?|beats?|measures?))\s*$", re.I)     # a length with no word before it
_FILLER = re.compile(r"\s+(?:before|for|into|going into|leading into|until|ahead of|at|in|during)\s+the\s+(?:drop|build|buildup|"
                     r"build-up|breakdown|break|chorus|verse|outro|intro|bridge|end)\s*$", re.I)
_LABEL = re.compile(r"^(?:breakdown|build|buildup|build-up|drop|intro|outro|bridge|chorus|verse|transition|[a-z]+ing)\s*:\s*",
                    re.I)
#: Words after the time words that say nothing more: 'pls', 'like a ritard', 'real slow like', 'kinda muffled',
#: 'then stays' (a ramp stays where it ends).
_TAIL = re.compile(r"(?:[\s,]+(?:pls|please|plz|thx|thanks|lol|ok|okay))+$|[\s,]+(?:then|and)\s+(?:stays?|holds?|sits?|rests?)(?:\s+there)?$|(?:(?<=bars)|(?<=bar)|(?<=beats)|(?<=measures))"
                   r"(?:[\s,]+(?:like\s+an?\s+\w+|kinda\s+\w+|sort\s+of\s+\w+|real\s+slow(?:\s+like)?|"
                   r"(?:let|so|while|because|cause|cos|to\s+let)\s+(?:the|it|them|us|me|you|we)\b[\w\s']*))$|"
                   r"\s+(?:real|really|nice\s+and)\s+slow(?:\s+like)?(?=\s+(?:over|across|during))", re.I)
_LEAD = re.compile(r"^(?:hold up|hold on|wait|ok(?:ay)?|alright|right|yo|hey|so|now)\s*[,!]\s*|^(?:please|pls|plz|kindly)\b[\s,]*", re.I)
_OWNER_AFTER = re.compile(r"^set\s+(?:the\s+)?(?P<what>[a-z_]+)\s+to\s+(?P<value>.+?)\s+on\s+(?:the\s+)?(?P<who>[a-z_]+\d*)$",
                          re.I)                   # "detune to 15 cents over 8 bars on the saw"
_FOR_BARE = re.compile(r"\s+for\s+(?P<num>\d+|two|three|four|eight|sixteen)$", re.I)
_MUTE_WORDS = re.compile(r"^(?:no|without|lose|lay\s+out|kill|cut|drop|take\s+out|pull\s+out|tacet|silence)\s+"
                         r"(?P<what>(?!.*\sto\s).+?)(?:\s+out)?$|^(?:lay|drop|take|pull)\s+(?P<what2>.+?)\s+out$|"
                         r"^(?!mute\b)(?P<what3>(?:the\s+)?\w+)\s+(?:out|drops?(?:\s+out)?|sits?\s+out|lays?\s+out|tacet)$", re.I)
#: '3 over 8', 'euclid 5 over 16': hits over steps, not a length in bars (a change says 'to' its value).
_EUCLID_LIKE = re.compile(r"euclid|\bhits?\b|\bpulses?\b|^(?!.*\bto\b).*\b\d+\s+over\s+\d+\s*$", re.I)
_OUT_SPAN = re.compile(rf"^(?:(?P<what>(?:the\s+)?\w+)\s+(?:out|drops?(?:\s+out)?|sits?\s+out|lays?\s+out|tacet)|"
                       rf"(?:mute|drop|kill|cut)\s+(?P<what2>(?:the\s+)?\w+))\s+{_SPAN}$", re.I)   # 'mute kick 1 bar'


#: The words this module reads (the REPL highlights them as known: vocabulary.py).
TIME_WORDS = frozenset(
    "over during across within for bar bars measure measures beat beats step steps sixteenth sixteenths second "
    "seconds next following last coming course slowly gradually little bit smoothly gently fade fades fading out "
    "in up down away silence sweep ramp glide slide automate ease drift creep nudge walk swell exponential "
    "exponentially linear linearly logarithmic end top beginning downbeat line after from now accelerate "
    "decelerate broaden hush lay tacet kill percussion drums kit crescendo cresc decrescendo diminuendo "
    "couple few".split()) | frozenset(TEMPO_WORDS) | frozenset(NUMBER_WORDS)


def strip_label(text: str) -> str:
    """'breakdown: kill the kick for 8 bars' → 'kill the kick for 8 bars' (a section name, not a command)."""
    return _LABEL.sub("", _LEAD.sub("", text))


#: What a message does, said in words for a refusal (never its address: protocol talk).
_DONE = {"/patch/create": "adding a module", "/patch/remove": "removing a module", "/patch/connect": "connecting modules", "/patch/disconnect":
         "disconnecting modules", "/seq/remove": "removing a track", "/record/start": "recording", "/record/stop": "stopping a recording",
         "/session/save": "saving", "/session/load": "loading a session", "/gate": "a held chord", "/seq/notes": "changing notes"}


def done_plainly(address: str) -> str:
    """'/patch/create' → 'adding a module', for a line that says what cannot be timed."""
    return _DONE.get(address, _DONE.get(address.rsplit("/", 1)[0], "that"))


def moves(text: str) -> bool:
    """A verb of motion (fade, sweep, open, slow down…): 'for 8 bars' then means a ramp."""
    return bool(MOTION.search(text))
