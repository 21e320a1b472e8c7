"""A change taken back by saying the way back ('back down' after an octave up, 'nah, back down where it
was', 'go back down' after a key change up or the tune moved up) — the last step undone, only when the last command
went the other way — or taken again the same way ('down another' after down a tone); and a reversed part played
forwards again by a follow-up that names no part ('unreverse', 'flip it back', 'both forwards again': the parts that
play reversed now).
"""
from __future__ import annotations

import re

from . import intents as it
from .intents_harmony import ChangeKey, MoveNotes
from .param_words import COMPARATIVES
from .parser import parse
from .lead_words import LEAD
from .patch_model import PatchModel

_LEAD = "^" + LEAD
_BACK_WAY = re.compile(_LEAD + r"(?:go\s+|(?:bring|take|put|move|set)\s+(?:it|that|them)\s+)?back\s+(?P<way>down|up)"
                       r"(?:\s+(?:again|where\s+it\s+was|to\s+where\s+it\s+was|(?:to\s+)?how\s+it\s+was|the\s+same|"
                       r"to\s+the\s+original))?(?:\s+please)?$", re.I)
_ANOTHER = re.compile(_LEAD + r"(?:(?P<way>up|down)\s+(?:another|one\s+more)(?:\s+(?:one|step|tone|semitone|notch))?|"
                      r"another\s+(?:one\s+|step\s+|notch\s+)?(?P<way2>up|down))(?:\s+please)?$", re.I)
_FORWARDS = re.compile(_LEAD + r"(?:un-?reverse(?:\s+(?P<p1>it|that|them|both))?|(?:play\s+)?(?:(?P<p2>it|that|them|both|they)\s+)?"
                       r"(?:forwards?|the\s+right\s+way(?:\s+round)?|not\s+reversed)(?:\s+again)?|"
                       r"(?:flip|turn|spin|reverse)\s+(?P<p3>it|that|them|both)\s+(?:back|(?:back\s+)?(?:a)?round)(?:\s+again)?)"
                       r"(?:\s*,?\s*(?:both|all|all\s+of\s+them|the\s+lot|everything))?$",     # 'forwards again, both'
                       re.I)


def reversal(text: str, model: PatchModel, last) -> list[tuple[str, object]]:
    """The reading of a line that goes back the way the last change came, or turns reversed parts forwards."""
    text = text.strip(" .!")
    back = _BACK_WAY.match(text)
    if back:
        way = 1 if back.group("way").lower() == "up" else -1
        went = _way(last)
        return [(f"back {back.group('way').lower()}: the last change undone", it.Undo(1))] if went == -way else []
    another = _ANOTHER.match(text)
    if another:                                       # 'down a tone', 'down another': the same step again that way
        way = 1 if (another.group("way") or another.group("way2")).lower() == "up" else -1
        return [(f"{'up' if way > 0 else 'down'} another: again", last)] if _way(last) == way else []
    forwards = _FORWARDS.match(text)
    if not forwards:
        return []
    reversed_ = [name for name, track in model.tracks.items() if track.style.get("reverse")]
    pronoun = next((p.lower() for p in forwards.group("p1", "p2", "p3") if p), None)
    if pronoun in ("it", "that") and len(reversed_) > 1:
        reversed_ = [name for name in reversed_ if name == model.last_track]
    if not reversed_:
        return []
    intents = tuple(parse(f"{name} forwards") for name in reversed_)
    return [(f"forwards: {' and '.join(reversed_)}, reversed till now", intents[0] if len(intents) == 1 else it.Sequence(intents))]


def _way(last) -> int | None:
    """The way the last command moved something: 1 up, -1 down, None when it moved nothing one way."""
    if isinstance(last, (it.ChangeParam, it.Transpose, it.OpenClose)):
        return last.direction
    if isinstance(last, (ChangeKey, MoveNotes)) and last.semitones:      # ('the tune up a fourth', 'back down')
        return 1 if last.semitones > 0 else -1
    if isinstance(last, it.Comparative):
        return COMPARATIVES.get(re.sub(r"[\s-]+", "-", last.word), (None,))[0]
    return None


__all__ = ["reversal"]
