"""A part said to come in at a bar: 'the snare comes in at bar 9', 'brass hits at bar 17', 'bass enters on bar 5' —
a part whose track is muted is brought in there (an /at of its unmute, as 'at bar 9 bring in the snare'); a part
that plays already, or has nothing to play, is refused with the line that does it. A bar's pattern said to play
'every 4 bars' is that bar then three of rests ('play x............... on the kick every 4 bars': it said 'x' was
an unknown word)."""
from __future__ import annotations

import re

from .errors import LanguageError
from .patch_model import PatchModel

_ENTRY = re.compile(r"^(?:and\s+|then\s+)?(?:the\s+|my\s+)?(?P<part>[\w-]+)\s+(?:comes?\s+(?:back\s+)?in|enters?|hits?|starts?|kicks?\s+in|"
                    r"drops?\s+in|joins(?:\s+in)?|comes?\s+back|is\s+back)\s+(?:at|on|from|in)\s+(?:the\s+)?bar\s+(?P<bar>\d+)[\s.!]*$", re.I)


_EVERY = re.compile(r"^(?P<head>.*?)(?P<bar>(?<![\w.])[xX.\-]{16})(?P<tail>(?:\s+on\s+(?:the\s+)?[\w-]+)?)\s*,?\s+(?:once\s+)?every\s+"
                    r"(?P<n>[2-8]|two|three|four|eight)(?:\s+bars|\s+measures)[\s.!]*$", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "eight": 8}


def bar_every(line: str) -> tuple[str, str] | None:
    """(what was understood, the line with the bar then its rests) for a bar's pattern played once every N bars."""
    match = _EVERY.match(line.strip())
    if not match or "x" not in match["bar"].lower():
        return None
    bars = int(_COUNTS.get(match["n"].lower(), match["n"]))
    steps = match["bar"] + "." * 16 * (bars - 1)
    return f"once every {bars} bars: the bar, then {bars - 1} of rests", f"{match['head']}{steps}{match['tail']}"


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


__all__ = ["bar_entry", "bar_every"]
