"""Where a sound sits and how long it is held, said after the request: 'hold a Cmaj7 and leave it for a long time',
'hold an A minor chord on the triangle, the whole time', 'a drone: a sine at 55 hz under everything', 'bass a bit
softer under the calls', 'hold a G7 on the saw, a long one for the end of the song'. A held note or chord sounds until
it is let go and a level is where a part sits anyway: the words change nothing, so the request is read without them.
Never 'under' a part of the patch ('a sine an octave under the saw', 'under the bass': a pitch or a place said against
that part), a bare 'below' or 'under' ('play c below', 'detune it a little below': a direction), an interval before
it, nor how long after a change over time ('fade it out for a long time': how long the fade takes)."""
from __future__ import annotations

import re

_LET_IT = (r"(?:and\s+)?(?:just\s+)?(?:let|leave)\s+it(?:\s+(?:hang|sit|ring|drone|be|on|there))*"
           r"(?:\s+(?:forever|for\s+ever|for\s+(?:a\s+)?(?:long\s+)?(?:time|while)|(?:the\s+)?whole\s+time))?")
_LONG = r"(?:for\s+)?(?:the\s+)?whole\s+time|forever|for\s+(?:a\s+)?(?:long\s+)?(?:time|while)|a\s+long\s+one(?:\s+for\s+[\w\s']+)?"
_UNDER = r"(?:held\s+)?(?:(?:under|beneath|below)\s+(?P<under>it|everything|them|all|(?:the|my)\s+[\w']+)|underneath)"
_ASIDE = re.compile(rf"(?:\s*,\s*|\s+)(?:{_LET_IT}|{_LONG}|{_UNDER})[\s.!]*$", re.I)
#: A change over time: how long it is held is how long it takes ('fade it out for a long time': a long fade).
_TIMED = re.compile(r"\b(?:fade|fades|fading|swell|swells|ramp|sweep|build|crescendo|diminuendo|decrescendo|slowly|"
                    r"gradually)\b", re.I)
#: An interval or a step said just before 'under' makes it a pitch ('an octave under it'), never an aside.
_PITCH_BEFORE = re.compile(r"\b(?:octave|fifth|fourth|third|second|sixth|seventh|semitones?|tones?|steps?|cents?|notes?)$", re.I)


def without_hold_aside(line: str, part_named) -> tuple[str, str] | None:
    """(how it was read, the line without where the sound sits or how long it is held), else None."""
    text = line.strip()
    match = _ASIDE.search(text)
    if match is None:
        return None
    rest = text[:match.start()].rstrip(" ,")
    under = (match["under"] or "").split()
    if not rest or _PITCH_BEFORE.search(rest) or _TIMED.search(rest) and not match["under"] or \
            under and under[0].lower() in ("the", "my") \
            and part_named(under[-1].lower().removesuffix("'s")) is not None:
        return None                                   # ('a sine an octave under the saw': a pitch said against it)
    return f"'{text[match.start():].strip(' ,.!')}' left out: where it sits, as long as it is held", rest


__all__ = ["without_hold_aside"]
