"""More of an effect the patch does not have ('more reverb on the snare', 'a bit more delay', 'more
hall on the hats' with no reverb): the musician wants that effect, so the reading adds it there."""
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


__all__ = ["absent_effect"]
