"""Questions about the state, answered from the model and never changing it: 'is it playing?', 'Thank you. Is it
playing now?', 'are the drums going' (what is playing), 'where did my piano go?', 'where is the bass' (the part, or
why it is not there: never added, taken out, or taken back by an undo — and the way back), 'why can't I hear
anything?' (the master down, every track muted, the patterns stopped, no sound yet: the one that is so)."""
from __future__ import annotations

import re

from .errors import LanguageError
from .patch_model import PatchModel

_OPENING = r"^(?:(?:thank\s+you|thanks|ok|okay|so|and|hello|hi|hm+|um+|oh|sorry)[\s,.!]*)*"
_PLAYING = re.compile(rf"{_OPENING}(?:is|are|was)\s+(?:it|this|that|anything|something|everything|we|music|(?:the|my)\s+[\w-]+"
                      rf"(?:\s+(?:and|&)\s+(?:the\s+)?[\w-]+)?)\s+(?:still\s+|really\s+|actually\s+)?(?:playing|running|going|"
                      rf"on|sounding|moving|looping)(?:\s+(?:now|yet|at\s+all|right\s+now|anymore|any\s+more))?[\s?!.]*$", re.I)
_WHERE = re.compile(rf"{_OPENING}where(?:'s|\s+is|\s+are|\s+did|\s+has|\s+have|\s+was)?\s+(?:my\s+|the\s+|our\s+)?(?P<part>[\w-]+)"
                    rf"(?:\s+(?:go|gone|went|got\s+to|be))?(?:\s+now)?[\s?!.]*$", re.I)


_UNHEARD = re.compile(rf"{_OPENING}(?:why\s+)?(?:can'?t|cannot|can\s+not|don'?t|do\s+not)\s+(?:i|we|you)\s+hear\s+(?:anything|a\s+thing|"
                      rf"it|the\s+music)|{_OPENING}why\s+is\s+(?:it|everything|the\s+music)\s+(?:so\s+)?(?:quiet|silent)", re.I)
#: A master this far down is heard as nothing (a fade out's floor, a trial's -60 dB).
_INAUDIBLE_DB = -40.0


def _unheard(model: PatchModel) -> str | None:
    """Why nothing is heard, from the model: no sound, the master down, the patterns stopped, every track muted."""
    if not [m for m in model.modules if m != "master"]:
        return "nothing is in the patch yet — add a sound first ('add a saw', 'kick on every beat')"
    master = float(model.value("master", "gain"))
    if master <= _INAUDIBLE_DB:
        return f"the master is at {master:g} dB — 'master volume 0 db' brings it back"
    if model.tracks and all(t.muted for t in model.tracks.values()):
        return f"every track is muted — 'unmute the {next(iter(model.tracks))}', or 'bring everything back'"
    if model.tracks and not model.running:
        return "the patterns are stopped — 'start' runs them"
    return None


def state_question(line: str, model: PatchModel, part_named, redo: bool) -> tuple[str, str] | None:
    """(what was understood, the question in the grammar's words) for a question about what plays or where a part
    is; LanguageError for a part that is not there (why, and the way back); else None. `redo`: an undo can be redone."""
    text = line.strip()
    why = _unheard(model) if _UNHEARD.match(text) else None
    if why is not None:
        raise LanguageError(f"nothing heard: {why}", 0)
    if _PLAYING.match(text):
        return f"{text.rstrip(' ?!.')}: what is playing", "what is playing"
    where = _WHERE.match(text)
    if where is None:
        return None
    said = where["part"].lower()
    module = part_named(said)
    if module is not None:
        return f"where is {said}: {module}", f"what is {module}"
    parts = ", ".join(m for m in model.modules if m != "master") or "none yet"
    back = "'redo' brings back what the last undo took away" if redo else \
        f"add it again (e.g. 'add a triangle called {said}')"
    raise LanguageError(f"there is no {said} now (the parts here: {parts}) — {back}", where.start("part"))


__all__ = ["state_question"]
