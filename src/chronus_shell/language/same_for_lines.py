"""'same for the snare' after a line of several changes or one that takes its time ('hats quieter and pan them
a bit left', 'open the acid filter to 3k over 16 bars'): that line said again with the other part in the place of
the one it named — every change of it, timed as it was, never only its last clause nor the change at once."""
from __future__ import annotations

import re
from collections.abc import Callable

from .errors import LanguageError
from .timed_lines import is_timed


def whole_line_again(said: str, last_text: str, model, part_of: Callable[[str], str | None], line: str):
    """(how it was read, the line) for 'same for X' (the follow-up reading `said`) after a line that takes its time or
    made several changes: that line said again for X; the refusal for a timed one it cannot be said for (at once it
    would jump); None otherwise (the follow-up's own reading: the change said last)."""
    if not said.startswith("the same for") or not last_text or not (is_timed(last_text) or model.line_moves > 1):
        return None
    other = said.removeprefix("the same for ").split(" as '")[0]
    moved = model.last_param[1] if model.last_param else None
    again = said_again_for(last_text, other, part_of,
                           lambda m: moved is None or model.spec(m) is not None and model.spec(m).has_param(moved))
    if again is not None:
        return f"the same for {other}: '{again}'", again
    if is_timed(last_text):
        raise LanguageError(f"'{last_text}' takes its time: say it for {other} too, the time with it", 0, (), line)
    return None

def said_again_for(line: str, target: str, part_of: Callable[[str], str | None],
                   fits: Callable[[str], bool]) -> str | None:
    """`line` with `target` where it named its one part (a word or two: 'hats', 'acid filter'; the kit, 'drums'); None when it names
    none, or more than one part, or the target itself, or a target that has not the setting the line moved (`fits`:
    'same for the saw' after opening the acid filter over 16 bars would ramp the saw's pitch to 3 kHz)."""
    tokens = line.split()
    spans: list[tuple[int, int, str]] = []
    index = 0
    while index < len(tokens):
        one = _bare(tokens[index])
        two = f"{one}_{_bare(tokens[index + 1])}" if index + 1 < len(tokens) and one not in _ARTICLES else ""
        found = (2, part_of(two)) if two and part_of(two) else (1, part_of(one) or part_of(one.removesuffix("s")))
        if found[1]:
            spans.append((index, index + found[0], found[1]))
            index += found[0]
        else:
            index += 1
    if not spans:                                         # ('Drums tacet for eight bars.', then 'same for the bass': the
        spans = [(i, i + 1, "drums") for i, t in enumerate(tokens) if _bare(t) in _KIT][:1]    # kit said as one part)
    named = {module for _, _, module in spans}
    wanted = part_of(_bare(target).replace(" ", "_")) or part_of(_bare(target))
    if len(named) != 1 or wanted in named or wanted is None or not fits(wanted):
        return None
    said = re.sub(r"^(?:the|my|our)\s+", "", target.strip(), flags=re.I)
    for start, end, _ in reversed(spans):                 # (an article before the part stays: 'the hats' → 'the snare')
        tokens[start:end] = [said + re.sub(r"^.*?([,.;:!?]*)$", r"\1", tokens[end - 1])]
    return " ".join(tokens)


_ARTICLES = ("the", "my", "our", "a", "an")
#: The words for the whole kit: a line that named it names one part, the drums.
_KIT = ("drums", "kit", "percussion")


def _bare(word: str) -> str:
    return re.sub(r"^(?:the|my|our)\s+", "", word.lower().strip(" ,.;:!?'\""))


__all__ = ["said_again_for", "whole_line_again"]
