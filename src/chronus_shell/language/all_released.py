"""'release all gates', 'release everything', 'let go of all the notes': every voice let go at once. The grammar's
'release' lets go of one voice (the one in focus, or the one named); 'all' names no one module, so it was refused."""
from __future__ import annotations

import re

from .patch_model import PatchModel

_ALL = re.compile(r"^(?:release|let\s+go\s+of)\s+(?:all|everything|every\s+(?:gate|note|voice))"
                  r"(?:\s+(?:of\s+)?(?:the\s+)?(?:gates|notes|voices|keys|of\s+them))?(?:\s+now)?[\s.!]*$", re.I)


def all_released(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, a release of each voice) for a release of them all, else None."""
    if not _ALL.match(line.strip()):
        return None
    voices = [m for m in model.modules if (spec := model.spec(m)) is not None and spec.role == "source" and spec.has_param("freq")]
    if not voices:
        return None
    return f"every voice released ({', '.join(voices)})", ", ".join(f"release {voice}" for voice in voices)


__all__ = ["all_released"]
