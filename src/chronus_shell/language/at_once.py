"""A change said to happen at once in other words than 'now': 'tempo 126 now, straight away', 'right away',
'immediately', 'instantly' — and a bare tempo said so ('jump straight to 128 NOW', 'now instantly 160') when the
tempo is what was set last (or nothing was): the tempo, now. A line refused as typed only."""
from __future__ import annotations

import re

from .patch_model import PatchModel

_AT_ONCE = re.compile(r"\b(?:straight\s+away|right\s+away|immediately|instantly|at\s+once|right\s+now|this\s+instant)\b", re.I)
_TEMPO_NOW = re.compile(r"^(?:now\s+)?(?:(?:jump|go|skip|snap|cut|switch)\s+)?(?:straight\s+)?(?:to\s+)?(?P<bpm>\d{2,3})(?:\s*bpm)?"
                        r"(?:[\s,!.]+now)?[\s!.]*$|^now[\s,!.]+(?P<later>\d{2,3})(?:\s*bpm)?[\s!.]*$", re.I)


def at_once(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a line said to happen at once, else None."""
    text = _AT_ONCE.sub("now", line.strip())
    text = re.sub(r"\bnow(?:[\s,!.]+now\b)+", "now", text, flags=re.I)
    bare = _TEMPO_NOW.match(text)
    said_now = re.search(r"\bnow\b", text, re.I) and (text != line.strip() or re.search(r"\bstraight\b|\bjump\b", text, re.I))
    if bare and said_now and model.last_param in (None, ("seq", "bpm")):
        bpm = bare["bpm"] or bare["later"]
        if 20 <= int(bpm) <= 300:
            return f"{line.strip()}: the tempo {bpm}, at once", f"tempo {bpm} now"
    if text == line.strip() or bare:
        return None
    return f"at once: '{text}'", text


__all__ = ["at_once"]
