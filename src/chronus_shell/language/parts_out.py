"""Several parts taken out at once, with what is left said after: 'hats and kick out, bass alone', 'kick and hats off,
just the bass', 'dholak and taali both out, only harmonium and voice', 'drums out for 2 bars, bass alone, then back
in', 'the snare drops out, kick keeps goin' — the parts named are muted (for the time said); what is left plays on, so
saying it changes nothing. Read only when each part named out is a part here, none of them is one said to be left, and
every word of what is left names a part ('only the saw up high' says more than which part)."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .lead_words import LEAD
from .patch_model import PatchModel

#: The kit said as one ('drums out'): each drum of the patch.
_KIT = ("drums", "drum", "kit", "percussion")
_OUT = re.compile(rf"^{LEAD}(?P<parts>(?:the\s+)?[\w-]+(?:(?:\s*,\s*|\s+and\s+|\s+)(?:the\s+)?[\w-]+)*?)"
                  r"\s+(?:both\s+|all\s+)?(?:out|off|drop\s+out|(?P<drops>(?:drops|falls|cuts)\s+out))"
                  r"(?P<time>\s+for\s+(?:a|one|two|three|four|\d+)\s+bars?)?"
                  r"(?:\s*,\s*(?:(?:just|only)\s+(?:the\s+)?(?P<kept1>[\w\s-]+?)|(?:the\s+)?(?P<kept2>[\w\s-]+?)\s+"
                  r"(?:alone|only|on\s+(?:its|their)\s+own|by\s+(?:itself|themselves)|keeps?\s+(?:going|goin'?|playing)|"
                  r"plays\s+on|carries\s+on))(?:\s*,\s*then\s+back\s+in)?)?[\s.!]*$", re.I)
_JOINS = re.compile(r"\s*,\s*|\s+and\s+|\s+", re.I)


def parts_out(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, 'mute X and Y …') for several parts taken out with what is left said, else None."""
    match = _OUT.match(line.strip())
    if match is None or not (match["kept1"] or match["kept2"] or match["drops"]):
        return None                                   # ('the snare drops out': said of one part, it is out)
    named = [w for w in _JOINS.split(match["parts"]) if w and w.lower() not in ("the", "both", "all")]
    kept = [w for w in _JOINS.split(match["kept1"] or match["kept2"] or "") if w and w.lower() not in ("the", "and")]
    drums = [m for m, kind in model.modules.items() if kind in CATALOGUE and CATALOGUE[kind].spec.role == "drum"]
    out = [m for w in named for m in (drums or [None] if w.lower() in _KIT else [part_named(w.lower())])]
    if not named or None in out or any(part_named(w.lower()) in out for w in kept) or \
            any(part_named(w.lower()) is None and w.lower() not in _KIT for w in kept):
        return None                                   # (a part both out and left, or more said of it: not read)
    time = match["time"] or ""
    said = f"'{', '.join(kept)}' left playing: the others out" if kept else f"{' and '.join(named)} out"
    return said, f"mute {' and '.join(named)}{time}"


__all__ = ["parts_out"]
