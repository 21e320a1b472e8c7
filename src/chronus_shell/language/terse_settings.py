"""An effect put on a part with its settings typed after it with no commas, a terminal's way ('distortion on bass drive
10', 'lfo on cutoff rate 0.5Hz depth 0.3'): read with a comma before each setting of that effect, as the grammar takes
it ('distortion on bass, drive 10'). Only names the effect itself has count as its settings; the part is left to the
grammar to find (or refuse)."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE

#: The effect's word → its type (the words a terse line uses for one).
_TYPES = {"lfo": "lfo", "distortion": "distortion", "dist": "distortion", "reverb": "reverb", "verb": "reverb",
          "delay": "delay", "echo": "delay", "filter": "filter", "envelope": "adsr", "adsr": "adsr"}
_HEAD = re.compile(rf"^(?P<head>(?:add\s+(?:an?\s+)?)?(?P<type>{'|'.join(_TYPES)})\s+(?:on|to)\s+(?:the\s+)?[\w.-]+)\s+"
                   r"(?P<rest>[a-z_]+\s+-?\d.*)$", re.I)
_SETTING = re.compile(r"([a-z_]+)\s+(-?\d[\d.]*\s*(?:hz|khz|k|ms|s|%|db)?)(?=\s|$)", re.I)


def terse_settings(line: str) -> tuple[str, str] | None:
    """(how it was read, the line with its commas) for an effect on a part and its settings after it, else None."""
    match = _HEAD.match(line.strip().rstrip("."))
    if match is None:
        return None
    params = {p.name for p in CATALOGUE[_TYPES[match["type"].lower()]].spec.params}
    settings, rest = [], match["rest"].strip()
    while rest:
        setting = _SETTING.match(rest)
        if setting is None or setting.group(1).lower() not in params:
            return None
        settings.append(f"{setting.group(1)} {setting.group(2).strip()}")
        rest = rest[setting.end():].strip(" ,")
    said = ", ".join([match["head"], *settings])
    return f"read as '{said}'", said


__all__ = ["terse_settings"]
