"""A rhythm played earlier, asked back by what it was ('no, back to the swing pattern', 'go back to the old beat on the
hats', 'the previous rhythm again'): the pattern the track had before its last new one, found in the undo history (the
inverse of a /seq/add on a track that was playing is the pattern before it). Said as a new line, not an undo, so what
changed since stays; a track named in the line is that track, else the one track whose rhythm changed last. The word
before 'pattern' ('swing', 'old') is not checked against what was played: no history keeps what a rhythm was called."""
from __future__ import annotations

import re

from .lead_words import LEAD

_BACK = re.compile(rf"^{LEAD}(?:(?:go|going|switch|change|put\s+(?:it|them|the\s+(?P<part>\w+)))\s+)?back\s+to\s+"
                   rf"(?:the\s+|my\s+|our\s+|that\s+)?(?P<said>(?:[\w'-]+\s+){{0,2}}?)(?:pattern|rhythm|beat|groove|one)"
                   rf"(?:\s+(?:on|for)\s+(?:the\s+)?(?P<on>\w+))?[\s.!]*$|"
                   rf"^{LEAD}(?:the\s+)?(?P<said2>(?:old|previous|last|earlier|other|first|original)\s+(?:\w+\s+)?)"
                   rf"(?:pattern|rhythm|beat|groove)\s+(?:again|back)(?:\s+(?:on|for)\s+(?:the\s+)?(?P<on2>\w+))?[\s.!]*$",
                   re.I)


def earlier_pattern(line: str, undo_stack, tracks, part_named) -> tuple[str, str] | None:
    """(the line that plays the pattern asked back, how it was read), or None: the line asks for no earlier rhythm, or
    none is found for one track. `part_named(word)` is the module a word names."""
    match = _BACK.match(line.strip())
    if match is None:
        return None
    said = (match.group("said") or match.group("said2") or "").strip()
    on = match.group("part") or match.group("on") or match.group("on2")
    if not on and said and said.split()[-1].lower() in tracks:
        on, said = said.split()[-1], " ".join(said.split()[:-1])         # 'back to the old hats pattern'
    elif not on and said and part_named(said.split()[-1].lower()):
        on, said = said.split()[-1], " ".join(said.split()[:-1])         # 'back to the kick one': the kick's, or none
    if not said and not on and re.search(r"\bone[\s.!]*$", line, re.I):
        return None                                   # ('back to the one': beat one, maybe — not guessed)
    wanted = None
    if on:
        wanted = on.lower() if on.lower() in tracks else next(
            (name for name, t in tracks.items() if part_named(on.lower()) == t.target), None)
        if wanted is None:
            return None
    if any(word.lower() in ("first", "original") for word in said.split()):
        return None                                   # the first of several: the undo history says only the one before
    earlier: dict[str, str] = {}
    for step in reversed(undo_stack):
        earlier = {str(m.args[0]): str(m.args[2]) for m in step if m.address == "/seq/add" and str(m.args[0]) in tracks
                   and (wanted is None or str(m.args[0]) == wanted)}
        if earlier:
            break
    if len(earlier) != 1:
        return None                                   # none, or several tracks changed together: which is not guessed
    track, pattern = next(iter(earlier.items()))
    if pattern == tracks[track].pattern:
        return None
    return f"play {pattern} on {track}", f"back to the {track} pattern before the last: {pattern}"


__all__ = ["earlier_pattern"]
