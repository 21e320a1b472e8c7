"""A timed line with a remark after it ('mute the kumbengo for 2 bars, I will sing alone', 'stop the bouzouki line for 4
bars, I take a solo', 'mute the melody 4 bars, let the bass pans carry it', 'fade out over 8 bars, end of the Panorama
set', 'slow down to 70 over 8 bars, the end is coming'): the remark says why or where in the set, never what to do —
the line is read without it. A timed line is never read again by the second stage (a reading could change when it
happens), so this is its one: only a remark that commands nothing (a person doing something, the end of a set or what
is coming, someone else carrying the music) is left out, and only after a time ('for 2 bars', 'over 8 bars'). A time
said with no 'for' after a mute is the mute's ('mute X 4 bars')."""
from __future__ import annotations

import re

from .lead_words import commands_in

_TIME = r"(?:(?:for|over|during|in)\s+)?(?:\d+|one|two|three|four|eight|sixteen)\s+(?:bars?|beats?|seconds?)"
_REMARK = (r"(?:i|we|they|he|she)\b(?!\s*(?:'d|would|want|need|wanna)\b)[\w\s']{0,40}|let\s+(?:the\s+|it\s+|them\s+)?[\w\s]{0,30}"
           r"\b(?:carry|breathe|ring|play|sing|take)\b[\w\s']{0,20}|(?:at\s+)?(?:the\s+)?end\s+of\s+the\s+[\w\s']{1,30}|"
           r"(?:the\s+|a\s+)?(?:end|drop|chorus|climax|trance|break|outro|finale|peak)\s+(?:is|'s)\s+(?:coming|near|close|here)")
_TIMED_REMARK = re.compile(rf"^(?P<line>.*?\b{_TIME})\s*,\s*(?:{_REMARK})[.!]*$", re.I)
_BARE_TIME = re.compile(r"^(?P<verb>mute|stop|drop|silence|kill)\s+(?P<what>.+?)\s+(?P<n>\d+|one|two|three|four|eight)\s+"
                        r"(?P<unit>bars?|beats?)$", re.I)


def timed_remark(line: str) -> tuple[str, str] | None:
    """(how it was read, the line without its remark) for a timed line with a remark after it, else None."""
    match = _TIMED_REMARK.match(line.strip())
    if match is None or commands_in(line.strip()[match.end("line"):]):
        return None                                   # ('…, we mute the kick': a second command, never left out)
    said = match["line"].strip()
    bare = None if re.search(r"\b(?:for|over|during|in)\s+\S+\s+\S+$", said, re.I) else _BARE_TIME.match(said)
    if bare:                                          # 'mute the melody 4 bars': for 4 bars
        said = f"{bare['verb']} {bare['what']} for {bare['n']} {bare['unit']}"
    return f"'{line.strip()[match.end('line'):].strip(' ,.!')}' left out (a remark)", said


__all__ = ["timed_remark"]
