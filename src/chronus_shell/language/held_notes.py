"""Notes held together, said as a drone: 'hold a drone on the lead: E and B', 'the lead drone E and B', 'change the
drone to D and A' (a part holding one note or two now), 'hold E and B on the lead'. Letters joined by 'and' there are the notes
of the drone, sounding at once — read as chords (E major, then B major, a bar each) or as a melody (e4 then b3 on
the lead's track), the drone became a progression or a tune. Read as 'hold e+b on <part>'.
"""
from __future__ import annotations

import re

from .part_naming import part_named
from .patch_model import PatchModel

_NOTE = r"[a-g](?:#|b|\s*sharp|\s*flat)?[0-8]?"
_NOTES = rf"(?P<notes>(?!an?\s+(?!and\b)){_NOTE}(?:(?:\s*(?:,|\+|&|\band\b)\s*|\s+){_NOTE})+)"  # ('hold c4 e4 g4 on the pad':
#                                                                                  together; 'hold a G7': an article)
_PART = r"(?:the\s+|my\s+|our\s+)?(?P<part>[\w-]+)"
_AS_IF = r"(?:\s*,\s*(?:like|as)\s+[^,]+)?"           # ('…, like the bordun strings': a remark)
_FORMS = [re.compile(rf"^{form}{_AS_IF}[\s.!]*$", re.I) for form in (
    rf"(?:hold|sustain|keep|play|put|give\s+me)?\s*(?:a\s+|the\s+)?drone\s+(?:on|for|in)\s+{_PART}\s*[:,-]?\s*(?:on\s+)?{_NOTES}",
    rf"{_PART}\s+drones?\s*[:,-]?\s*(?:on\s+)?{_NOTES}",
    rf"(?:hold|sustain)\s+{_NOTES}\s+(?:on|in|with)\s+{_PART}",
    rf"(?:hold|sustain)\s+(?:an?\s+)?(?:[a-z]+\s+)?chord\s+(?:on|in)\s+{_PART}\s*:\s*{_NOTES}",   # ('a diminished chord on …: B, D')
)]
#: A part that holds notes now, changed to others: 'change the drone to D and A'.
_CHANGE = re.compile(rf"^(?:now\s+)?(?:change|switch|move|retune|set)\s+{_PART}\s+to\s+{_NOTES}[\s.!]*$", re.I)


def held_notes(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, 'hold e+b on <part>') for notes said as a drone on a part of the patch, else None."""
    said = line.strip()
    match = next(filter(None, (form.match(said) for form in _FORMS)), None)
    holding = model.last_chord[1] if model.last_chord and model.last_chord[0] == "gate" and \
        len(model.last_chord[2]) <= 2 else None       # (a part holding a chord changed 'to D and A': its chords)
    if match is None:
        match = _CHANGE.match(said)
        if match is None or part_named(match["part"].lower(), model) != holding or holding is None:
            return None                               # ('change the chords to D and A': a progression)
    part = part_named(match["part"].lower(), model)
    if part is None:
        return None
    notes = [re.sub(r"\s*sharp", "#", re.sub(r"\s*flat", "b", n.strip().lower()))
             for n in re.split(r"\s*(?:,|\+|&|\band\b)\s*|\s+(?!sharp|flat)", match["notes"])]
    said = match["part"].lower() if match["part"].lower() in model.tracks else part   # (a track so called: its hits)
    how = f"{' and '.join(notes)} " + (f"held together on {part} (a drone)" if said == part else "together")
    return how, f"hold {'+'.join(notes)} on {said}"


__all__ = ["held_notes"]
