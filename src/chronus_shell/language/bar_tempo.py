"""A tempo said in bars a minute, as ballroom teachers and dancers count it ('Viennese waltz, 60 MPM', 'slow foxtrot
at 28 bars a minute'): beats a minute are the bars times the beats in a bar — three for a waltz (said, or the
patterns twelve steps long), two for a samba, a polka or a march, else four. The line is said with its tempo in bpm, and the reading
says how."""
from __future__ import annotations

import re

from ..engine.tempo_curve import STEPS_PER_BEAT
from .patch_model import PatchModel

_PER_MINUTE = re.compile(r"\b(?P<n>\d+(?:\.\d+)?)\s*(?:mpm|m\.p\.m\.?|bars?\s+(?:a|per|each)\s+minute|"
                         r"measures?\s+(?:a|per|each)\s+minute)\b", re.I)
_TWO = re.compile(r"\b(?:samba|polka|march|paso\s*doble|two[- ]step|2/4)\b", re.I)    # danced in two
_THREE = re.compile(r"\b(?:waltz|valse|vals|viennese|3/4|three[- ]four)\b", re.I)
#: A meter said with it ('Paso doble: 60 MPM, 2/4'): its beats are quarters or halves, so many a bar.
_METER = re.compile(r"\b([2-9])/(?:4|2)\b")


def in_beats(line: str, model: PatchModel) -> tuple[list[str], str]:
    """([how it was read], the line with its bars a minute said as beats a minute), or ([], the line)."""
    said = _PER_MINUTE.search(line)
    if said is None:
        return [], line
    meter = _METER.search(line)
    beats = int(meter.group(1)) if meter else 3 if _THREE.search(line) or _bars_of_three(model) else \
        2 if _TWO.search(line) else 4
    bpm = float(said.group("n")) * beats
    line = line[:said.start()] + f"{bpm:g} bpm" + line[said.end():]
    line = _METER.sub("", line).replace(", ,", ",") if meter else line      # (the meter said: in the tempo now)
    return [f"{said.group(0)} × {beats} beats a bar = {bpm:g} bpm"], line


def _bars_of_three(model: PatchModel) -> bool:
    """Every pattern three beats long (12 steps, or 6 of eighths): the music is in three."""
    lengths = {len(track.pattern) for track in model.tracks.values() if track.pattern}
    return bool(lengths) and all(n % (3 * STEPS_PER_BEAT) == 0 and n % (4 * STEPS_PER_BEAT) for n in lengths)


__all__ = ["in_beats"]
