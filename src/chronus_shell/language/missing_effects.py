"""More of an effect the patch does not have ('more reverb on the snare', 'a bit more delay', 'more
hall on the hats' with no reverb): the musician wants that effect, so the reading adds it there. A part
said to be distorted ('kick distorted a bit', 'bass distorted, a little') goes through a distortion: one
added, or the one it has driven harder."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .patch_model import PatchModel
from .resolve import type_named

_MORE = re.compile(r"^(?:(?:a\s+)?(?:bit|little|touch|tad)\s+)?(?:more|some)\s+(?P<effect>[a-z_]+)"
                   r"(?:\s+(?:on|to|for)\s+(?:the\s+)?(?P<part>[a-z0-9_]+))?(?:\s+please)?$", re.I)


def absent_effect(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, 'add a <effect> [to <part>]') when the effect named is of no module there."""
    match = _MORE.match(text.strip())
    kind = type_named((match.group("effect").lower(),)) if match else None
    if kind is None or CATALOGUE[kind].spec.role != "processor" or kind in model.modules.values():
        return None
    part = match.group("part")
    line = f"add a {kind.replace('_', ' ')}" + (f" to the {part}" if part else "")
    return f"no {kind.replace('_', ' ')} yet: {line}", line


_DISTORTED = re.compile(r"^(?:make\s+)?(?:the\s+|my\s+)?(?P<part>[\w-]+)\s+(?:(?:a\s+(?:bit|little|touch|tad)|slightly|more|heavily|"
                        r"very|really|super|properly)\s+)?(?:distorted|overdriven|saturated|fuzzed(?:\s+out)?|crushed|bitcrushed)"
                        r"(?:[,\s]+(?:a\s+(?:bit|little|touch|tad)(?:\s+bit)?|slightly|please))*$", re.I)


def distorted_part(text: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(how it was read, the line) for a part said to be distorted: 'add a distortion to <part>', or with a
    distortion in its voice already, that one dirtier; `part_named(word)` is the module a word names, or None."""
    match = _DISTORTED.match(text.strip(" .!"))
    part = part_named(match.group("part").lower()) if match else None
    if part is None:
        return None
    has = [m for m in model.voice_of(part) if model.modules.get(m) == "distortion"]
    line = f"{has[0]} dirtier" if has else f"add a distortion to the {match.group('part')}"
    return f"distorted: {line}", line


__all__ = ["absent_effect", "distorted_part"]
