"""A tempo glide said the way musicians say it, read as the grammar's 'slow down / speed up / tempo to N over <time>'
('at the end we go from 110 down to 60 during 8 bars', 'the tempo should slow to 36 over the last 4 bars', 'poco
accelerando to 76 over four bars', 'then pick it up to 110 over 8 bars when we cut the body loose', 'tempo more slow,
60, during 8 bars'). The line must say it is the tempo (a tempo word, or slowing down or speeding up) — 'bring it back up
to 150 over 4 bars' may be the part in focus and stays asked; where in the song it happens and why ('at the end', 'so
she drifts off', 'when we …', 'for the dirge') are left out, as a section's name is."""
from __future__ import annotations

import re

from .lead_words import LEAD, commands_in

_SLOWER = r"slow(?:s|ing)?(?:\s+(?:it|things|us|the\s+tempo))?(?:\s+(?:way\s+)?down)?|ritardando|rit\.?|rall(?:entando)?\.?|more\s+slow|slower"
_FASTER = (r"speed(?:s|ing)?(?:\s+(?:it|things|us|the\s+tempo))?\s+up|accelerando|accel\.?|pick(?:s|ing)?\s+(?:it|things|the\s+tempo)"
           r"(?:\s+back)?\s+up|more\s+fast|faster")
_TEMPO = r"tempo|bpm|pace"
_GLIDE = re.compile(
    rf"^{LEAD}(?:at\s+the\s+(?:end|close)[,\s]+)?(?:then[,\s]+)?(?:(?:we|it|the\s+band)\s+(?:go(?:es)?|goes)\s+)?"
    rf"(?:(?:poco|un\s+poco|a\s+little|molto|gradually|slowly)\s+)?(?:the\s+)?(?P<words>(?:(?:(?:{_TEMPO})\s+)?(?:{_SLOWER}|{_FASTER})|(?:{_TEMPO}))"
    rf"(?:\s+(?:should|must|will|can)\s+(?:slow|go|come|drop|rise|get))?(?:\s+(?:down|up|back|still))*)?"
    rf"(?:[\s,]*from\s+\d+(?:\s*bpm)?)?(?:\s+(?:down|up))?"
    rf"(?:[\s,]*to\s+|\s*,\s*|\s+)(?P<bpm>\d{{2,3}})(?:\s*bpm)?,?"
    rf"\s+(?:over|during|in|across|within)\s+(?:the\s+(?:next|last)\s+)?(?P<n>\d+|one|two|three|four|six|eight|sixteen)"
    rf"\s+(?P<unit>bars?|beats?)(?P<tail>.*)$", re.I)
#: What may follow and be left out: why, or where in the song.
_TAIL = re.compile(r"^(?:[\s,]*(?:so\s+|when\s+|as\s+|while\s+|for\s+the\s+|at\s+the\s+(?:end|close)|half\s+speed\s+outro|"
                   r"before\s+)[\w\s']*)?[\s.!]*$", re.I)


def tempo_glide(line: str) -> tuple[str, str] | None:
    """(how it was read, 'slow down to 60 over 8 bars') for a tempo glide said otherwise, else None."""
    match = _GLIDE.match(line.strip())
    if match is None or not match["words"] and not re.search(rf"\b(?:{_TEMPO})\b|\bgo\s+from\b", line, re.I) \
            or not _TAIL.match(match["tail"]) or commands_in(match["tail"]):
        return None                                   # ('… so fade the strings': a second command, never left out)
    words = (match["words"] or "").lower()
    verb = "slow down" if re.search(_SLOWER, words) else "speed up" if re.search(_FASTER, words) else "tempo"
    said = f"{verb} to {match['bpm']} over {match['n']} {match['unit']}"
    return f"read as '{said}'", said


__all__ = ["tempo_glide"]
