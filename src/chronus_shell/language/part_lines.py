"""Lines about whole parts, read with the patch in mind for the second stage: 'kick in' after
dropping it brings it back; 'the acid line' is the bass voice, or a new one when there is none;
'snare reverb' puts a reverb on the snare when its chain has none.
"""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .part_naming import part_named
from .patch_model import PatchModel

_IN = re.compile(r"^(?:the\s+)?(\w+)\s+(?:back\s+)?in(?:\s+now)?$", re.I)
_ACID = re.compile(r"\b(?:an?\s+|the\s+)?acid\s+(?:bass\s*)?line\b", re.I)
_EFFECTS = {"reverb": "reverb", "verb": "reverb", "delay": "delay", "echo": "delay", "distortion": "distortion",
            "dist": "distortion", "drive": "distortion", "fuzz": "distortion", "filter": "filter"}
_PART_EFFECT = re.compile(r"^(?:the\s+)?(\w+)\s+(" + "|".join(_EFFECTS) + r")$", re.I)
#: The acid line a new one plays: the classic 303 figure of the starting patch.
ACID_LINE = "add a saw at 55 hz, add an acid filter, bass x.xX.x.xx.Xx.x.x"
#: 'guitar: hold an E minor chord', 'Piano, the introduction: hold a C6', 'horn: give me a Bb': a part's name
#: leading a line before a colon says whose the line is.
_PARAMS = frozenset(param.name for cls in CATALOGUE.values() for param in cls.spec.params)   # 'cutoff: 90' sets it
_ADDRESSED = re.compile(r"^(?:the\s+|my\s+)?([a-z][\w'-]*)(?:,[^:]{0,30})?:\s+(?P<rest>\S.*)$", re.I)
#: 'Piano, hold a C major seventh for me': a part called by its name, then what it is asked to play.
_CALLED = re.compile(r"^(?:the\s+|my\s+)?([a-z][\w'-]*),\s+(?P<rest>(?:hold|play|give|strum|comp|sustain)\b.*)$", re.I)


def part_readings(text: str, model: PatchModel) -> list[tuple[str, str]]:
    """(how it was read, the line said the grammar's way) for each form that fits."""
    found = []
    back = _IN.match(text.strip())
    track = back.group(1).lower() if back else ""
    if track in model.tracks and (model.tracks[track].muted or track in model.for_a_while):   # (a drop for 2 bars too)
        found.append((f"{back.group(1)} in: unmute", f"unmute {back.group(1)}"))
    if _ACID.search(text):
        bass = model.tracks.get("bass")
        if bass is not None:
            found.append(("the acid line: the bass", _ACID.sub(" the bass ", text).strip()))
        elif re.fullmatch(r"(?:add\s+|give\s+me\s+|make\s+)?(?:an?\s+)?acid\s+(?:bass\s*)?line(?:\s+over\s+(?:this|it|that))?",
                          text.strip(), re.I):
            found.append((f"a new acid line: {ACID_LINE}", ACID_LINE))
    effect = _PART_EFFECT.match(text.strip())
    if effect:
        part, kind = effect.group(1).lower(), _EFFECTS[effect.group(2).lower()]
        module_id = part if part in model.modules else model.tracks[part].target if part in model.tracks else None
        voice = model.voice_of(module_id) if module_id else []
        if module_id and not any(model.modules.get(m) == kind for m in voice):
            found.append((f"{part} {effect.group(2)}: a {kind} on it", f"add a {kind} to {module_id}"))
    return found


def addressed_readings(text: str, model: PatchModel) -> list[tuple[str, str]]:
    """'guitar: hold an E minor chord': the rest of the line on the part named before the colon, both ways the
    grammar says a part (before the command, or 'on' it after), the part by its id (the label is no word of the grammar)."""
    addressed = _ADDRESSED.match(text.strip()) or _CALLED.match(text.strip())
    module_id = addressed and addressed.group(1).lower() not in _PARAMS and part_named(addressed.group(1).lower(), model)
    rest = addressed.group("rest") if module_id else ""
    between = re.findall(r"[\w'-]+", text[addressed.end(1):].split(":")[0]) if module_id else []
    pronoun = re.search(r"\b(?:it|them)\b", rest, re.I)
    if not rest or "," in rest and not pronoun or any(part_named(w.lower(), model) for w in between if w.lower() != "the") \
            or re.match(r"[a-g][#b]?-?\d\b|[x.\d]", rest, re.I) or re.search(r"[xX.][xX.|-]{3,}", rest):
        return []      # ('guitar: reverb, 40%', 'kick, snare: louder': refused, never one part; notes or steps are
    #                    label_names_part's; 'tb303, cutoff: 90' a setting)
    rest, how = rest.rstrip(" .!"), f"'{addressed.group(1)}:' {module_id}'s line"
    if pronoun:                                        # 'the reese: lowpass on it, 300': it is the reese
        return [(how, re.sub(r"\b(?:it|them)\b", module_id, rest, count=1, flags=re.I))]
    return [(how, line) for line in (f"{module_id} {rest}", f"{rest} on {module_id}", f"{rest} {module_id}")]


__all__ = ["addressed_readings", "part_readings"]
