"""A part said to come in at a bar: 'the snare comes in at bar 9', 'brass hits at bar 17', 'bass enters on bar 5' —
a part whose track is muted is brought in there (an /at of its unmute, as 'at bar 9 bring in the snare'); a part
that plays already, or has nothing to play, is refused with the line that does it."""
from __future__ import annotations

import re

from .errors import LanguageError
from .patch_model import PatchModel

_ENTRY = re.compile(r"^(?:and\s+|then\s+)?(?:the\s+|my\s+)?(?P<part>[\w-]+)\s+(?:comes?\s+(?:back\s+)?in|enters?|hits?|starts?|kicks?\s+in|"
                    r"drops?\s+in|joins(?:\s+in)?|comes?\s+back|is\s+back)\s+(?:at|on|from|in)\s+(?:the\s+)?bar\s+(?P<bar>\d+)[\s.!]*$", re.I)


def bar_entry(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a muted part brought in at a bar; LanguageError for a
    part that plays already or has no track; None for any other line."""
    match = _ENTRY.match(line.strip())
    if not match:
        return None
    said, bar = match["part"].lower(), match["bar"]
    module = part_named(said)
    if module is None:
        return None
    tracks = [name for name, track in model.tracks.items() if track.target in model.voice_of(module) or track.target == module]
    muted = [name for name in tracks if model.tracks[name].muted]
    if muted:
        return f"{said} at bar {bar}: brought in there", f"at bar {bar} bring in the {muted[0]}"
    if tracks:
        raise LanguageError(f"the {said} plays already: to have it come in at bar {bar}, 'mute the {said}' now, then "
                            f"'at bar {bar} bring in the {said}'", match.start("bar"))
    raise LanguageError(f"what does the {said} play at bar {bar}? say it, e.g. 'at bar {bar} play a d minor chord on the "
                        f"{said}' or 'at bar {bar} play x... on the {said}'", match.start("bar"))


__all__ = ["bar_entry"]
