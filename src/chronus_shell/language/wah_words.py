"""A wah said of a part ('add a wah to the clav', 'put an auto-wah on the keys', 'the guitar with a wah'): a
filter whose cutoff an LFO sweeps, never the part's pitch (a wobble of the oscillator is a siren, not a wah).
With a filter in the part's chain already, that filter is swept; else a band-pass is added first (800 Hz, the
middle of a wah pedal's travel) and swept."""
from __future__ import annotations

import re

from .part_naming import part_named
from .patch_model import PatchModel

_WAH = r"(?:an?\s+)?(?:(?:slow|fast|quick)\s+)?(?:auto[\s-]?)?wah(?:[\s-]?wah)?(?:\s+(?:pedal|effect|filter))?"
_RATE = r"(?:\s+at\s+(?P<hz>\d+(?:\.\d+)?)\s*hz)?"
_SAID = re.compile(rf"^(?:(?:add|put|give|stick|throw|slap)\s+(?:me\s+)?{_WAH}(?:\s+(?:to|on|onto)\s+(?P<a>.+?))?|"
                   rf"(?P<b>.+?)\s+(?:with|through)\s+{_WAH}|{_WAH}\s+on\s+(?P<c>.+?)){_RATE}[\s.!]*$", re.I)
_SPEEDS = {"slow": 0.5, "fast": 4.0, "quick": 4.0}
_FILTERS = ("filter", "acid_filter")


def wah_reading(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line said the grammar's way) for a wah on one part, else None."""
    match = _SAID.match(text.strip())
    if match is None:
        return None
    said = re.sub(r"^(?:the|my|our)\s+", "", (match["a"] or match["b"] or match["c"] or "").strip(), flags=re.I)
    part = part_named(said.lower(), model) if said else (model.voice_of(model.focus) or [None])[0]   # 'add a wah': the
    if not part or model.spec(part) is None or model.spec(part).role != "source":                    # voice in focus
        return None
    speed = re.search(r"\b(slow|fast|quick)\s+(?:auto[\s-]?)?wah", text, re.I)
    hz = match["hz"] or (_SPEEDS[speed.group(1).lower()] if speed else None)
    rate = f" at {float(hz):g} hz" if hz else ""
    if any(model.modules.get(m) in _FILTERS for m in model.voice_of(part)):
        return f"a wah: {part}'s filter swept", f"wobble {part}{rate}"
    return f"a wah: a band-pass on {part}, swept", f"add a bandpass filter to {part} at 800 hz and wobble {part}{rate}"


__all__ = ["wah_reading"]
