"""'the bass back up' right after the bass went down an octave: the move taken back — read before the grammar, which
reads 'the bass back up' as the bass's level up (a silent wrong: louder, still an octave down). Only when the last line
moved that part's pitch the other way; any other 'X back up' is the grammar's as before."""
from __future__ import annotations

import re

from .lead_words import LEAD
from .patch_model import PatchModel
from .scene_words import scene_words
from .part_naming import part_named

_PART_BACK = re.compile(rf"^{LEAD}(?:(?:put|bring|take|move|get)\s+)?(?:the\s+|my\s+)?"
                        r"(?P<part>[a-z][\w-]*)\s+back\s+(?P<way>up|down)(?:\s+again)?[.!]?$", re.I)
_PITCH = ("freq", "detune")
_BACK = re.compile(r"\bback\s+(?:up|down)\b", re.I)


def part_back(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, 'undo') for a part said back the other way after its pitch moved; None otherwise."""
    if model.last_param is None or model.last_param[1] not in _PITCH or model.step_from is None or \
            not _BACK.search(line):
        return None
    part, match = None, None
    for said in (line.strip(), scene_words(line.strip())):      # ('log drum back up': a scene's word for the part)
        match = _PART_BACK.match(said)
        part = part_named(match.group("part").lower(), model) if match else None
        if part is not None:
            break
    word = match.group("part").lower() if match else ""
    module_id, param = model.last_param
    if part is None or module_id not in (part, *model.voice_of(part)):
        return None
    went = float(model.value(module_id, param)) - model.step_from
    way = 1 if match.group("way").lower() == "up" else -1
    if went * way >= 0:
        return None                                       # ('the bass back up' after it went up: not a way back)
    return f"{word} back {match.group('way').lower()}: the last change undone", "undo"


__all__ = ["part_back"]
