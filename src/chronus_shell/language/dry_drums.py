"""A drum made drier with no effect on it to dry: 'make the hihat more dry', 'the caixa more dry, less long', 'the snare
drier' — a dry drum is a short one (no ring), so its decay shorter; with a reverb or a delay on it the grammar's
reading (less of that effect) stands, and any other sound is left to the refusal (a dry synth is not a guess to make)."""
from __future__ import annotations

import re

from .patch_model import PatchModel

_DRY = re.compile(r"^(?:make\s+)?(?:the\s+|my\s+)?(?P<part>[\w-]+)\s+(?:(?:a\s+)?(?:bit|little|touch|lot)\s+|much\s+)?"
                  r"(?:more\s+dry|drier|dryer)(?P<rest>(?:\s*,\s*(?:and\s+)?(?:less\s+long|shorter|tighter))?)[\s.!]*$", re.I)


def dry_drum(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, '<part> shorter') for a drum said drier with no wet effect in its voice, else None."""
    match = _DRY.match(line.strip())
    module = part_named(match["part"].lower()) if match else None
    module = model.tracks[module].target if module in model.tracks else module
    spec = model.spec(module) if module in model.modules else None
    if spec is None or spec.role != "drum" or any(model.spec(m) is not None and model.spec(m).has_param("mix")
                                                  for m in model.voice_of(module)):
        return None
    return f"drier {module}: no effect on it to dry, so shorter (less ring)", f"{match['part']} shorter"


__all__ = ["dry_drum"]
