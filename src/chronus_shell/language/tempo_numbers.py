"""A bare number after 'faster' or 'slower' ('faster 140', 'slower 100', 'speed up 140', 'tempo up 140', asked nicely
and set apart: 'Would you slow it down a hair? 100.'): read as a
step it made 268 bpm out of 128 without a word. A number that a tempo can be, on the side the word moves, is the tempo
to go to; a step is a step only where the tempo it lands on is one a musician plays at (half to one and a half times
now); where both fit, a comparative asks and 'up'/'down' (said as steps) stay a step; where neither does, refused
with both ways. 'by' said keeps it a step, 'to' a tempo: neither line comes here.
"""
from __future__ import annotations

import re

from ..engine.params import format_number
from .errors import LanguageError
from .patch_model import PatchModel

_BPM_SAID = r"(?=\s*\d{2,3}(?:\.\d+)?\s*bpm)"          # ('up 140 bpm': the tempo by its unit)
_FASTER = rf"faster|quicker|schneller|speed\s+(?:it\s+)?up|(?:tempo|bpm|speed)\s+up|up\s+the\s+tempo|up{_BPM_SAID}"
_SLOWER = rf"slower|langsamer|slow\s+(?:it\s+)?down|(?:tempo|bpm|speed)\s+down|down{_BPM_SAID}"
_LITTLE = r"(?:a\s+)?(?:bit|little|lil|tad|touch|hair|notch|smidge)"      # ('slow it down a hair')
_LINE = re.compile(rf"^(?:(?:ok|okay|now|and|then|yeah|no|nah)[,!]?\s+)*(?:(?:could|would|can|will)\s+you\s+(?:please\s+)?)?"
                   rf"(?:(?:make|play|take)\s+(?:it|the\s+tempo|the\s+beat)\s+)?(?:(?:the\s+)?(?:tempo|bpm|beat)\s+)?(?:{_LITTLE}\s+)?"
                   rf"(?P<word>{_FASTER}|{_SLOWER})(?:\s+{_LITTLE})?(?:\s*[,:?.!]\s*(?:(?:say|like|maybe)\s+)?)?\s*"
                   rf"(?:(?P<sign>[+-])\s*)?(?P<number>\d{{1,3}}(?:\.\d+)?)(?:\s*bpm)?"
                   rf"(?:[\s!.]+(?:please|pls|now))*[\s!.]*$",
                   re.I)
#: 'up'/'down' said: a step by the contract (docs/commands.md: only +N, 'by', 'up'/'down' are relative).
_STEP_SAID = re.compile(r"\b(?:up|down)\b", re.I)
_LOWEST, _HIGHEST = 40, 300


def a_tempo_step(now: float, stepped: float) -> bool:
    """Whether a step from `now` lands on a tempo a musician plays at after it (half to one and a half times now)."""
    return now / 2 <= stepped <= now * 1.5


def tempo_number(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a tempo word with a bare number that is the tempo to
    go to; None for a step (left to the grammar) or any other line; LanguageError when the line asks or cannot be."""
    match = _LINE.match(line.strip())
    if not match or model.focus in model.modules and any(model.spec(model.focus).has_param(p) for p in ("rate", "time")):
        return None                                   # (an LFO or a delay in focus: 'faster' is its pace, the grammar's)
    number, now = float(match["number"]), model.bpm
    faster = re.match(r"slow|langsam|(?:tempo|bpm|speed)\s+down|down", match["word"], re.I) is None
    if match["sign"] and (match["sign"] == "-") == faster:
        raise LanguageError(f"'{match['word'].lower()}' and '{match['sign']}{format_number(number)}' say opposite ways: say "
                            f"'tempo up by {format_number(number)}' or 'tempo down by {format_number(number)}'", 0, (), line)
    if match["sign"]:                                 # 'faster, +10': signed, a step that far (its sign says so)
        way = "up" if faster else "down"
        return f"{match['word'].lower()}, {match['sign']}{format_number(number)}: the tempo {way} by {format_number(number)}", \
            f"tempo {way} by {format_number(number)}"
    if len(match["number"]) < 2:
        return None                                   # (a one-digit bare number: the grammar's, as before)
    stepped = now + number if faster else now - number
    step_fits = a_tempo_step(now, stepped) or number < _LOWEST
    target_fits = _LOWEST <= number <= _HIGHEST and (number > now if faster else number < now)
    said, word = format_number(number), match["word"].lower()
    if target_fits and (not step_fits or stepped == number):
        return f"{word} {said}: the tempo {said} (from {format_number(now)})", f"tempo {said}"
    if step_fits and (not target_fits or _STEP_SAID.search(match["word"])):
        return None
    by, to = f"tempo {'up' if faster else 'down'} by {said}", f"tempo {said}"
    if target_fits:
        raise LanguageError(f"that could mean '{by}' — or — '{to}': say which", match.start("number"))
    side = "faster" if faster else "slower"
    raise LanguageError(f"'{word} {said}': {said} bpm is not {side} than now ({format_number(now)} bpm) and a step of "
                        f"{said} makes {format_number(stepped)} bpm — say '{to}', or '{by}'", match.start("number"))


__all__ = ["a_tempo_step", "tempo_number"]
