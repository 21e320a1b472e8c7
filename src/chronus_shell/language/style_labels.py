"""A part's steps led by the name of the rhythm they are ('keherwa: bayan x . . . x . x .', 'dadra 6 matra, bayan x . .
x . .', 'rupak, 7 matra, starts on khali: bayan . . . x . x .'): the name is a style's — words the language does not
know, nor slips of its words — and says what the steps are, never what to change; the rest is read as if typed alone.
The rest must name its part (a label of unknown words may be the part the musician means: 'congas: x.x.' is no part
here, so never the focus's steps)."""
from __future__ import annotations

import re

from .patch_model import PatchModel
from .style_tempo import a_style

_LABELLED = re.compile(r"^(?P<label>[^\W\d][\w\s,'-]{0,60}?)\s*[:,]\s*(?P<rest>(?:the\s+|my\s+)?(?P<part>[\w-]+)\s+[xX.~\[].*)$", re.I)
#: Words a rhythm's name is said with ('7 matra', 'starts on khali'): its length and where it starts.
_AROUND_A_NAME = frozenset("starts start starting on with of in matra matras steps step beats beat taal tal theka cycle".split())


def style_label(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(how it was read, the steps without their rhythm's name) for a line so led, else None."""
    match = _LABELLED.match(line.strip())
    if match is None or part_named(match["part"].lower()) is None:
        return None
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'-]*", match["label"])]
    styles = [w for w in words if w not in _AROUND_A_NAME]
    if not styles or not all(a_style(w, model, False) for w in styles):
        return None
    said = re.search(r"\b(\d+)\s+(?:matras?|steps?|beats?)\b", match["label"], re.I)
    steps = re.sub(r"\s+", "", match["rest"][match.end("part") - match.start("rest"):])
    if said and re.fullmatch(r"[xX.~]+", steps) and len(steps) != int(said.group(1)):
        return None                               # ('dadra 6 matra, bayan x . . x': the length said is not the steps')
    return f"'{match['label'].strip()}': the rhythm's name, left out", match["rest"]


__all__ = ["style_label"]
