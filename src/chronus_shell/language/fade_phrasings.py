"""A fade said the way musicians say it, read as the grammar's 'fade <parts> in/out over <time>' ('guitarra fade away in
4 bars', 'viola enters slowly from silence, 2 bars', 'the ison should swell in from nothing over four bars', 'fade the
whole band out over 4 bars at the end', 'everything fades to silence over two bars', 'bring the band in from nothing
over 4 bars'): which way it goes is said by the verb or by where it goes from or to; the whole band, 'us', 'all' are
everything; a part that enters or comes in fades in from silence to its level; when in the song it happens ('at the end', 'for the processional', 'before i start') is where the musician
is, not when the shell does it — left out, as a section's name is. A remark after a comma is left out only when it
commands nothing ('we goin home', 'drums keep going')."""
from __future__ import annotations

import re

from .lead_words import LEAD, commands_in

_IN = r"in|up"
_OUT = r"out|away|down|off"
_TIME = (r"(?:(?:over|in|during|across|within)\s+(?:the\s+(?:next|last)\s+)?)?(?P<n>\d+|one|two|three|four|six|eight|twelve|"
         r"sixteen)\s+(?P<unit>bars?|beats?|seconds?|secs?)")
_SLOWLY = r"(?:\s+(?:slowly|gently|slow|gradually|softly|smoothly))?"
_FROM = r"(?:\s+(?P<from>from|to|into)\s+(?:nothing|silence|zero|0|pianissimo|pp|niente))?"
_VERBS = (r"(?P<verb>fades?|fading|swells?|swelling|enters?|entering|comes?\s+in|coming\s+in|goes\s+away|dies\s+away|"
          r"diminuendo|crescendo)")
_FADE = re.compile(
    rf"^{LEAD}(?:at\s+the\s+(?:end|amen|finish|close)[,\s]+)?(?:"
    rf"(?:fade|swell)\s+(?P<way2>{_IN}|{_OUT})\s+(?P<who2>.+?)|"     # first: 'fade out everything 4 bar' names no 'out'
    rf"(?P<bring>fade|swell|bring|take)\s+(?P<who>.+?)(?:\s+(?P<way>{_IN}|{_OUT}))?|"
    rf"(?:(?P<who3>.+?)[,\s]+)?(?:should\s+|will\s+|must\s+|can\s+|to\s+)?{_VERBS}(?:\s+(?P<way3>{_IN}|{_OUT}))?)"
    rf"{_SLOWLY}{_FROM}{_SLOWLY}(?:\s+(?:before|when|as)\s+[\w']+(?:\s+[\w']+){{0,3}}?)?[\s,]+{_TIME}(?P<tail>.*)$", re.I)
#: What may follow the time and be left out: where in the song, or a remark that commands nothing.
_TAIL = re.compile(r"^(?:\s*(?:at\s+the\s+(?:end|close)|for\s+the\s+[\w\s]+|before\s+[\w\s']+|when\s+[\w\s']+|"
                   r",\s*(?:we|i|they|it|that|this)\b[\w\s']*|,\s*(?:the\s+)?\w+\s+(?:keeps?|stays?)\s+(?:going|playing|on)))?"
                   r"[\s.!]*$", re.I)
_EVERYTHING = re.compile(r"^(?:the\s+whole\s+(?:band|thing|mix|song)|the\s+band|us|all|everyone|everybody|everything|"
                         r"all\s+of\s+(?:us|it))$", re.I)
_ARTICLE = re.compile(r"^(?:the|my|our)\s+", re.I)
_GOES_OUT = re.compile(rf"^(?:{_OUT})$|^(?:goes|dies)\s+away$|^diminuendo$", re.I)


def faded(line: str) -> tuple[str, str] | None:
    """(how it was read, 'fade in <parts> over <time>') for a fade said otherwise, else None."""
    match = _FADE.match(line.strip())
    tail = match["tail"] if match else ""
    late_from = re.match(r"^\s+from\s+(?:nothing|silence|zero)", tail, re.I)    # '… over 4 bars from silence'
    if match is None or not _TAIL.match(tail[late_from.end():] if late_from else tail) or commands_in(tail):
        return None                                   # ('…, we mute the kick': a second command, never left out)
    who = (match["who"] or match["who2"] or match["who3"] or "").strip(" ,")
    verb = (match["verb"] or match["bring"] or "").lower()
    way = (match["way"] or match["way2"] or match["way3"] or "").lower()
    if not who or re.search(r"\b(?:fade|swell|over|bars?|in|out)\b", who, re.I) and not _EVERYTHING.match(who):
        return None                                   # (the words before are no parts: left to the grammar's refusal)
    if verb.startswith("swell") and not (match["from"] or late_from):
        return None                                   # ('the pad should swell in over 6 seconds' may be its attack)
    if match["from"] and match["from"].lower() != "from" and way in ("in", "up"):
        return None                                   # ('bring it back up to 0 over 1 bar': 0 dB, never silence)
    if match["from"] or late_from:
        out = bool(match["from"]) and match["from"].lower() != "from"     # 'to silence': out; 'from nothing': in
    elif way or verb in ("diminuendo", "crescendo") or verb.startswith(("goes", "dies")):
        out = bool(_GOES_OUT.match(way or verb))
    elif verb.startswith(("enter", "come")):             # 'the pad enter slowly, 4 bars': in from silence, to its level
        out = False
    else:
        return None                                   # 'X fades over 4 bars': which way is not said
    who = "everything" if _EVERYTHING.match(who) else _ARTICLE.sub("the ", who)
    way = "out" if out else "up" if way == "up" and not (match["from"] or late_from) else "in"   # 'up': no drop first
    said = f"fade {way} {who} over {match['n']} {match['unit']}"
    return f"read as '{said}'", said


__all__ = ["faded"]
