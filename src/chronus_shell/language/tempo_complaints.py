"""A tempo complained of, then the tempo wanted: 'too fast, back to 140', 'nah too quick for the seniors class, drop it
to 120', 'too fast, the dancers will fall. 150', 'too slow, take it to 130' — 'too fast' says the value is the tempo
(never a setting in focus), when the value goes the way the complaint asks (down from too fast, up from too slow) and
no further than a correction goes (two thirds as fast, half as fast again); else the line is left to the refusal."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .part_naming import part_named
from .lead_words import LEAD
from .patch_model import PatchModel

_COMPLAINT = re.compile(
    rf"^{LEAD}(?:way\s+|a\s+(?:bit|little|touch)\s+|much\s+|still\s+)?too\s+"
    r"(?P<way>fast|quick|rushed|hurried|slow|draggy|sluggish)(?:\s+for\s+(?P<who>[^,.!;\d]+))?[,.!;:]+\s*"
    r"(?:[^,.!;\d]+[,.!;]+\s*)?"                        # a remark between ('the dancers will fall.')
    r"(?:(?:go|come|get|drop\s+it|take\s+it|bring\s+it|put\s+it|set\s+it|make\s+it|slow\s+(?:it\s+)?down|"
    r"speed\s+(?:it\s+)?up)\s+)?(?:back\s+)?(?:down\s+|up\s+)?(?:to\s+)?(?:like\s+|about\s+|say\s+)?"
    r"(?P<bpm>\d{2,3}(?:\.\d+)?)(?:\s*bpm)?(?:\s+please)?[.!]*$", re.I)
#: Things with a pace of their own: 'too fast for the lfo' is about it.
_PACED = frozenset("delay echo lfo wobble vibrato tremolo filter sweep arp arpeggio roll trill".split())
_SLOWER = ("fast", "quick", "rushed", "hurried")
#: How far a complaint moves the tempo at most: a correction, never a half or a double (a number that far is something
#: else — bars a minute, a setting).
_FAR = 1.5


def tempo_complaint(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, 'tempo N') for a tempo complained of then said, else None."""
    match = _COMPLAINT.match(line.strip())
    if match is None or model.focus in model.modules and any(model.spec(model.focus).has_param(p) for p in ("rate", "time")):
        return None                                   # (an LFO or a delay in focus: 'too fast' may be its pace)
    if match["who"] and any(w in CATALOGUE or w in _PACED or part_named(w, model) for w in re.findall(r"[\w-]+", match["who"].lower())):
        return None                                   # ('too fast for the delay, 100': the delay's pace, not the tempo)
    bpm, now = float(match["bpm"]), float(model.bpm)
    if (bpm < now) != (match["way"].lower() in _SLOWER) or bpm == now or not now / _FAR <= bpm <= now * _FAR:
        return None                   # ('too fast, 150' at 120: not the way asked; 'too fast. 40': 40 bars a minute)
    return f"too {match['way'].lower()}: the tempo, {match['bpm']}", f"tempo {match['bpm']}"


__all__ = ["tempo_complaint"]
