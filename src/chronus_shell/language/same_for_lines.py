"""'same for the snare' after a line of several changes or one that takes its time ('hats quieter and pan them
a bit left', 'open the acid filter to 3k over 16 bars'): that line said again with the other part in the place of
the one it named — every change of it, timed as it was, never only its last clause nor the change at once."""
from __future__ import annotations

import re
from collections.abc import Callable

def said_again_for(line: str, target: str, part_of: Callable[[str], str | None],
                   fits: Callable[[str], bool]) -> str | None:
    """`line` with `target` where it named its one part (a word or two: 'hats', 'acid filter'); None when it names
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
    named = {module for _, _, module in spans}
    wanted = part_of(_bare(target).replace(" ", "_")) or part_of(_bare(target))
    if len(named) != 1 or wanted in named or wanted is None or not fits(wanted):
        return None
    said = re.sub(r"^(?:the|my|our)\s+", "", target.strip(), flags=re.I)
    for start, end, _ in reversed(spans):                 # (an article before the part stays: 'the hats' → 'the snare')
        tokens[start:end] = [said + re.sub(r"^.*?([,.;:!?]*)$", r"\1", tokens[end - 1])]
    return " ".join(tokens)


_ARTICLES = ("the", "my", "our", "a", "an")


def _bare(word: str) -> str:
    return re.sub(r"^(?:the|my|our)\s+", "", word.lower().strip(" ,.;:!?'\""))


__all__ = ["said_again_for"]
