"""A part said to be out of tune ('the drone is flat', 'the organ's a bit sharp, bring it down', 'the bells are flat,
up 10 cents'): its tuning moved the way back — read before the grammar and the second stage, which left the clause
out and moved the part's level (louder, still flat: a silent wrong). A way said against the complaint ('it's flat,
bring it down') or a rest the line cannot be sure of stays refused."""
from __future__ import annotations

import re

from .patch_model import PatchModel
from .part_naming import part_named

_OUT = re.compile(r"\b(?:flat|sharp)\b", re.I)
_SAID = re.compile(r"^(?:(?:it'?s|it\s+is|that'?s|this\s+is)|(?:the\s+|my\s+)?(?P<part>[a-z][\w-]*?)(?:'s|\s+is|\s+are|\s+sounds?|"
                   r"'re|\s+seems?|\s+feels?))\s+(?:a\s+(?:bit|little|touch|tad|wee\s+bit)\s+|slightly\s+|way\s+|too\s+|really\s+|"
                   r"very\s+|quite\s+)?(?P<way>flat|sharp)(?:\s*[,.;:!-]+\s*(?P<rest>.*?))?[\s.!]*$", re.I)
_REST = re.compile(r"^(?:(?:so|please|can\s+you|could\s+you)\s+)?(?:(?:bring|take|push|pull|move|tune|nudge|put|get)\s+"
                   r"(?:it|them|him|her|that)\s+)?(?P<dir>up|down)(?:\s+(?:a\s+(?:bit|little|touch|tad|wee\s+bit)|slightly|"
                   r"(?:by\s+)?(?P<cents>\d+)\s*cents?))?(?:\s+please)?$", re.I)


def out_of_tune(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, 'tune <part> up|down [N cents]') for a part said to be flat or sharp; None for any other line."""
    if not _OUT.search(line):
        return None
    match = _SAID.match(line.strip())
    if match is None:
        return None
    word = match.group("part")
    part = part_named(word.lower(), model) if word else "it"
    module = model.focus if part == "it" else part
    spec = model.spec(module) if module in model.modules else None
    if spec is None or not spec.has_param("detune"):
        return None                                       # (a drum's or a sampler's tuning is no cents: said otherwise)
    way = "up" if match.group("way").lower() == "flat" else "down"
    rest = _REST.match(match.group("rest") or "") if match.group("rest") else None
    if match.group("rest") and (rest is None or rest.group("dir").lower() != way):
        return None                                       # ('it's flat, bring it down': which? refused as before)
    cents = f" {rest.group('cents')} cents" if rest and rest.group("cents") else ""
    return f"{match.group('way').lower()}: {part} tuned {way}", f"tune {part} {way}{cents}"


__all__ = ["out_of_tune"]
