"""Things put back as they were, said short: a track's rhythm back on the grid it left ('back to 16ths', 'back to
normal on the hats' after 'triplet hats': the track off its speed — the one named, the one the last line changed, else
the only one — at its own speed again), and a value said again ('no, 72 again', '800 again': back to that value, as
'back to 72'). With nothing to put back the line is left to the others."""
from __future__ import annotations

import re

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


_VALUE_AGAIN = re.compile(r"^(?:(?:no+|nah|ok|okay|sorry|actually)[\s,.!]+)*(?:make\s+it\s+|back\s+to\s+)?"
                          r"(?P<value>-?\d+(?:\.\d+)?\s*(?:bpm|hz|khz|k|db|%|ms|s)?)\s+again[\s.!]*$", re.I)


def value_again(line: str) -> tuple[str, str] | None:
    """(what was understood, 'back to <value>') for a value said with 'again' ('no, 72 again'), else None."""
    match = _VALUE_AGAIN.match(line.strip())
    if match is None:
        return None
    return f"{match['value']} again: back to it", f"back to {match['value']}"


__all__ = ["grid_back", "value_again"]
