"""A part asked for and refused ('add a drone': no such sound), then named ('make the drone softer'): the line is
refused too — the nickname would otherwise mean a voice that is there (the pad, the lowest one), and the musician
would hear something they did not ask for change. Said so, with how to add one; a line that adds a sound, or a
part by that name, ends it."""
from __future__ import annotations

import re

from .errors import LanguageError
from .nicknames import NICKNAMES, STAND_INS
from .patch_model import PatchModel

_ADD = re.compile(r"^\W*(?:(?:ok|okay|now|and|so|then|please|can\s+you|could\s+you|let'?s)\s+)*(?:add|bring\s+in|give\s+me|"
                  r"put\s+in|i\s+want|have)\s+(?:a|an|the|some|another|one|my|me\s+a)\s+(?P<what>.+)$", re.I)

#: Where the thing added goes, or what it is called: the words after it are not the thing added.
_WHERE = re.compile(r"\b(?:to|on|onto|at|for|in|into|under|over|called|named|with|before|after|behind|through|from|of)\b")


def unadded(line: str, before: tuple[str, ...]) -> tuple[str, ...]:
    """The nicknames a refused line asked to add ('add a low drone at 55 hz' → drone), else those remembered."""
    match = _ADD.match(line.strip())
    what = _WHERE.split(match["what"].lower(), maxsplit=1)[0] if match else ""     # ('a delay to the pad': the delay)
    said = tuple(w for w in re.findall(r"[\w-]+", what) if w in NICKNAMES or w in STAND_INS)
    return said or before


def not_added(words: tuple[str, ...], line: str, model: PatchModel) -> None:
    """LanguageError when the line names a part whose add was refused and none by that name is there now."""
    own = set(model.modules) | set(model.tracks) | set(model.labels)
    for word in words:
        if word not in own and re.search(rf"\b{re.escape(word)}s?\b", line, re.I) and not _ADD.match(line.strip()):
            raise LanguageError(f"there is no {word}: adding it was refused — add a sound for it first (e.g. 'add a sine "
                                f"called {word} at 55 hz'), or name the part you mean", 0, (), line)


__all__ = ["not_added", "unadded"]
