"""A pattern typed inside a sentence: 'hats on x.x.xx.x.x.x.xx. proper skippy', 'tamborzão on the kick:
x..x..x...x..x..', '808 pattern x..x..x...x.x... on the bass', 'the caixa: ....x..x....x..x'.

One pattern (it must compile), one part that plays it (a track, a drum, a voice), and nothing else but
words that only describe it ('proper skippy', 'with the roll', a rhythm's name nobody knows): read as
'<part> <pattern>'. A word that asks for something else (a param, a command, a number) leaves the line
to the grammar.
"""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from ..engine.mini_notation import compile_pattern
from ..engine.params import ParamError
from .grooves import kit_track
from .nicknames import NICKNAMES
from .type_words import type_named
from .vocabulary import is_known_word

_PATTERN = re.compile(r"(?<!\S)(?=[^\s]*[xX])[xX.~\-_\[\]<>()*!?@,\d|]{4,}(?!\S)")
#: Words around a pattern that say nothing more than that it is one.
_AROUND = set("on the a an my this pattern rhythm beat groove riff loop line part with play plays playing give me gimme "
              "please pls here is goes like new its it's proper real".split())
_DRUMS = {name for name, entry in CATALOGUE.items() if entry.spec.role == "drum"}


def pattern_sentence(translator, line: str):
    """The messages of a line that is one pattern, the part it is for and words about it; else None."""
    text = line.strip().rstrip("!")
    patterns = _PATTERN.findall(text)
    if len(patterns) != 1 or text.startswith("/"):
        return None
    steps = patterns[0].rstrip(",")
    try:
        compile_pattern(steps)
    except (ParamError, ValueError):
        return None
    words = re.findall(r"[\w'#-]+", text.replace(patterns[0], " ").lower())
    model = translator.model
    parts = {_part(model, w) for w in words} - {None}
    if len(parts) != 1:
        return None                                     # ('kick x..x on the snare': which?)
    part = parts.pop()
    if text == f"{part} {steps}":
        return None                                     # the plain form refused already: no reading of it
    others = [w for w in words if _part(model, w) is None]
    if any(re.fullmatch(r"[xX.~*\d-]+", w) for w in others):
        return None                                     # steps outside the pattern: which are meant?
    if any(w not in _AROUND and (is_known_word(w, tuple(model.modules) + tuple(model.tracks)) or w[0].isdigit())
           for w in others):
        return None
    messages = translator.translate(f"{part} {steps}")
    if others:
        translator.mapper.understood.insert(0, f"{', '.join(repr(w) for w in others if w not in _AROUND) or 'words'} "
                                               f"about the pattern left out")
    return messages


def _part(model, word: str) -> str | None:
    """The track a word names: a track, a drum kind (its track, or a new one), the bass."""
    word = word if word in model.tracks else NICKNAMES.get(word, word)
    if word in model.tracks:
        return word
    kind = type_named((word,))
    if kind in _DRUMS:
        return kit_track(model, kind)
    if word in model.modules:
        return next((name for name, t in model.tracks.items() if t.target == word), word)
    return None


__all__ = ["pattern_sentence"]
