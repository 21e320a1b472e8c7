"""A band leader's turns, read before anything else: an interjection before the command ('hold up, stop', 'whoa, back
to how she was': the song as 'her'), how the set ends ('end it: fade out over 4 bars and stop', 'everybody out over 8 bars then stop',
'everything stops at bar 9, big ending'), 'same again', and pausing 'the music'. Each only takes words off or says the
command plainly: lines that are timed never reach the second stage's readings (a reading could change when it happens),
so these are said here."""
from __future__ import annotations

import re

BAND_TURNS = tuple((re.compile(pattern, re.I), replacement) for pattern, replacement in (
    (r"^(?:hold\s+(?:up|on)|wait|whoa+|woah+|hang\s+on)[,!.]+\s+(?=(?:stop|back|fade|pause|no|undo|tempo|again)\b)", ""),
    (r"^same\s+(?:thing\s+)?again[.!]*$", "again"),
    (r"(?<=\S)\s+but\s+only\s+(?=\d{1,3}\s*(?:%|percent)\s+chance\b)", ", "),                     # 'hats 16ths but only 60% chance'
    (r"^pause\s+(?:the\s+)?(?:music|song|tune|playback|band|everything)(?:[\s,]+please)?[.!]*$", "pause"),
    (r"^(?:to\s+)?end\s+(?:it|the\s+(?:song|tune|set|track))\s*[:,]\s*(?=(?:fade\b.*\b)?stop[\s.!]*$)", ""),   # ('end it, fade
    #                                                                  out 8 bars': a stop beside the fade, read as ever)
    (r"^(?:everybody|everyone|everything|the\s+(?:whole\s+)?band)\s+out\s+(?=over\s+\d+\s+(?:bars?|beats?)"
     r"(?:[\s,]+(?:and\s+|then\s+|and\s+then\s+)?stop)?[\s.!]*$)", "fade everything out "),   # ('… out in 2 bars': a cut then)
    (r"\bshe(?=\s+(?:was|is)\b)|(?<=\s)her(?=\s+(?:up|down|back|in|out)\b)", "it"),     # the song as 'her': 'speed her up'
    (r"^(?:everything|everybody|everyone|the\s+(?:whole\s+)?band)\s+stops?\s+(at\s+(?:the\s+end\s+of\s+)?bar\s+\d+)"
     r"(?:\s*,?\s*(?:(?:a|the|for\s+a|for\s+the)\s+)?(?:big|huge|grand|hard|clean)?\s*(?:ending|finish|finale|end|stop))?[\s.!]*$",
     r"stop \1"),
))

__all__ = ["BAND_TURNS"]
