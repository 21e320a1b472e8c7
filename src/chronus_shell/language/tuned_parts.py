"""A part tuned by a note and its frequency said together ('requinto to E, 329', 'guitar to G, 392 hz', 'tune the viola
down to D, 146 hz', 'lead to A5 880hz', 'guzheng note is A, 440', 'kick tune down, deeper, like 45 hz', 'kick more
sub, 40 hz'): the number in Hz is the pitch meant, the note a musician's check on it. Read only when the two agree (the
Hz within a quarter tone of that note in some octave) and a way said agrees with where the part is ('down to D, 146'
from above 146); else the line stays refused — a number that is no such note is not guessed at, nor an A near 440
said as the band's tuning ('to A 442', 'A = 440')."""
from __future__ import annotations

import math
import re

from .units import note_to_hz

_NOTE = r"(?P<note>[a-g](?:#|b|\s+(?:flat|sharp))?)(?P<octave>-?\d)?"
_TUNED = re.compile(
    rf"^(?:tune\s+)?(?:the\s+|my\s+)?(?P<part>[a-z][\w'-]*(?:\s+(?!(?:to|is|note|tuned?|up|down|at|on|higher|lower|deeper|pitch(?:ed)?|a|more|slightly|much)\b)[a-z][\w'-]*)?)(?:'s\s+(?:voice|pitch|note))?[\s,]+"
    rf"(?:(?:tuned?|pitch(?:ed)?)\s*,?\s*)?(?:(?P<way>up|down|higher|lower|deeper)[\s,]+)?(?:(?:a\s+(?:little|bit|touch)\s+|slightly\s+|much\s+)?(?:more\s+)?(?P<way2>higher|lower|deeper|sub|subbier)[\s,]+)?"
    rf"(?:(?:to|is|at|note\s+is|on)\s+)?(?:{_NOTE}(?:\s*=\s*|\s*,\s*(?:(?:low|high)\s*,\s*)?(?:around\s+|about\s+|like\s+|so\s+|at\s+)?|\s+))?"
    rf"(?:around\s+|about\s+|like\s+)?(?P<hz>\d+(?:\.\d+)?)\s*(?:hz|hertz)?(?P<tail>(?:\s*,.*)?)[\s.!]*$", re.I)
_UP = ("up", "higher")
#: Words that make a tail after the Hz a command of its own, never a remark to leave out.
_COMMANDS = frozenset("and then mute unmute solo fade add remove delete louder quieter softer up down start stop play pan "
                      "tempo bpm swing reverb delay filter cutoff volume gain".split())


def tuned_part(line: str, model, part_named) -> tuple[str, str] | None:
    """(how it was read, '<part> freq N hz') for a part tuned by a note and its Hz, else None."""
    match = _TUNED.match(line.strip())
    if match is None or not (match["note"] or re.search(r"\d\s*(?:hz|hertz)\b", line, re.I)):
        return None                                   # ('tumbi down 20': a step of something, never a pitch)
    if re.search(r"\b(?:up|down|higher|lower|deeper)\s+(?:by\s+)?\d", line, re.I):
        return None                                   # ('kick down 20 hz': a step, not a pitch)
    tail = re.findall(r"[a-z']+", (match["tail"] or "").lower())
    if re.search(r"\d", match["tail"] or "") or any(w in _COMMANDS or part_named(w) for w in tail):
        return None                                   # ('guitar to G, 392, mute the kick': a second command, not a remark)
    part = match["part"].lower()
    module = part_named(part) or (part_named(part.split()[0]) if part.split()[-1] in ("voice", "sound", "part") else None)
    if module is None or module not in model.modules or not model.spec(module).has_param("freq"):
        return None
    hz = float(match["hz"])
    if match["note"] and not _agrees(match["note"], match["octave"], hz):
        return None
    if match["note"] and match["note"].lower() == "a" and not match["octave"] and 400 <= hz <= 470 and \
            (hz != 440 or "=" in line):
        return None                                   # 'tune the organ to A 442', 'A = 440': the band's tuning, no pitch
    now = float(model.value(module, "freq"))
    way = match["way"] or match["way2"]               # ('kick more sub, 40 hz', 'a little deeper, 45 hertz': down)
    if way and (hz - now) * (1 if way.lower() in _UP else -1) <= 0:
        return None                                   # 'down to D, 146' with the part below 146: which is meant?
    said = f"{part} freq {match['hz']} hz"
    return f"read as '{said}'" + (f" ({match['note']}{match['octave'] or ''} is {match['hz']} Hz)" if match["note"] else ""), said


def _agrees(note: str, octave: str | None, hz: float) -> bool:
    """The Hz within a quarter tone of the note (in the octave said, else in any)."""
    letter = re.sub(r"\s+flat$", "b", re.sub(r"\s+sharp$", "#", note.lower()))
    octaves = [int(octave)] if octave else range(0, 9)
    for number in octaves:
        try:
            reference = note_to_hz(f"{letter}{number}")
        except ValueError:
            return False
        if abs(1200 * math.log2(hz / reference)) <= 50:
            return True
    return False


__all__ = ["tuned_part"]
