"""Things put back as they were, said short: a track's rhythm back on the grid it left ('back to 16ths', 'back to
normal on the hats' after 'triplet hats': the track off its speed — the one named, the one the last line changed, else
the only one — at its own speed again), and a value said again ('no, 72 again', '800 again': back to that value, as
'back to 72'), a sound back in tune or a track back in phase ('back in tune': the one detuned at 0 cents; 'back in
phase': the one shifted track unshifted). With nothing to put back the line is left to the others."""
from __future__ import annotations

import re

from .lead_words import LEAD
from .patch_model import PatchModel

_BACK_TO_GRID = re.compile(
    r"^(?:(?:ok|okay|no|nah|and|now)[\s,]+)*(?:go\s+|put\s+(?:it|them)\s+|take\s+(?:it|them)\s+)?back\s+to\s+(?:the\s+)?"
    r"(?:normal\s+|straight\s+|plain\s+|regular\s+)?(?:16ths|sixteenths|16th\s+notes|8ths|eighths|8th\s+notes|straight|normal|"
    r"regular|(?:normal\s+)?speed|the\s+grid)(?:\s+(?:on|for)\s+(?:the\s+|my\s+)?(?P<part>[\w-]+))?[\s.!]*$", re.I)


def grid_back(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a track put back at its own speed, else None."""
    match = _BACK_TO_GRID.match(line.strip())
    if match is None:
        return None
    said = (match["part"] or "").lower()
    off = [n for n, t in model.tracks.items() if t.style.get("speed", 1.0) != 1.0]
    name = said if said in off else None if said else model.last_track if model.last_track in off else \
        off[0] if len(off) == 1 else None           # (the one the last line changed, else the only one off its speed)
    track = model.tracks.get(name) if name else None
    if track is None:
        return None
    return f"back on the grid: the {name} at its own speed again (it played ×{track.style['speed']:g})", \
        f"{name} normal speed"


_VALUE_AGAIN = re.compile(rf"^{LEAD}(?:make\s+it\s+|back\s+to\s+)?"
                          r"(?P<value>-?\d+(?:\.\d+)?\s*(?:bpm|hz|khz|k|db|%|ms|s)?)\s+again[\s.!]*$", re.I)


def value_again(line: str) -> tuple[str, str] | None:
    """(what was understood, 'back to <value>') for a value said with 'again' ('no, 72 again'), else None."""
    match = _VALUE_AGAIN.match(line.strip())
    if match is None:
        return None
    return f"{match['value']} again: back to it", f"back to {match['value']}"


_BACK_IN = re.compile(r"^(?:(?:ok|okay|no|nah|and|now)[\s,]+)*(?:(?:go|get|put\s+(?:it|them)|bring\s+(?:it|them))\s+)?back\s+"
                      r"(?:to\s+)?(?:being\s+)?in\s+(?P<what>tune|phase|sync|time)(?:\s+(?:again|please))*[\s.!]*$", re.I)


def back_in(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, the line) for 'back in tune' (the one detuned sound at 0 cents) or 'back in phase' (the
    one track shifted at no shift), else None — several detuned or shifted: left to the refusal (which one?)."""
    match = _BACK_IN.match(line.strip())
    if match is None:
        return None
    if match["what"].lower() == "tune":
        off = [m for m in model.modules if model.spec(m) is not None and model.spec(m).has_param("detune")
               and float(model.value(m, "detune")) != 0]
        return (f"back in tune: {off[0]} detune 0 (it was {float(model.value(off[0], 'detune')):g} cents)",
                f"{off[0]} detune 0") if len(off) == 1 else None
    shifted = [n for n, t in model.tracks.items() if t.style.get("shift", 0)]
    return (f"back in phase: the {shifted[0]} not shifted (it was {model.tracks[shifted[0]].style['shift']:g} steps)",
            f"/seq/shift {shifted[0]} 0") if len(shifted) == 1 else None


__all__ = ["back_in", "grid_back", "value_again"]
