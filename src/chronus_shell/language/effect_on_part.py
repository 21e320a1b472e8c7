"""An effect or a modulator named by the part it works on, then what to do with it: 'the wobble on the
filter faster, 4 hz', 'the lfo on the filter: slower and deeper', 'echo on the sine off', 'filter on the
chords darker' — the one module of that kind in the part's chain (or moving a setting of it), said as
that module. Not taken when the part has none or several of that kind (the line is refused as before).
"""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .patch_model import PatchModel
from .type_words import type_named

#: What musicians call what an LFO does to a part: the LFO on it.
MODULATION_WORDS = ("vibrato", "tremolo", "modulation", "mod", "wub", "warble", "lfo", "wobble", "sweep")
_ON = re.compile(r"^(?P<det>(?:the|that|this)\s+)?(?P<kind>[a-z][\w-]*)\s+on\s+(?:the\s+|my\s+|that\s+)?"
                 r"(?P<part>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)(?P<rest>(?:[\s,:;.!?-].*)?)$", re.I)


def effect_on_part(line: str, model: PatchModel, part_named) -> list[tuple[str, str]]:
    """The ways to say a line that begins with an effect said with its part, and says more after it, by the
    effect alone: [('the lfo: slower and deeper', 'the lfo on the filter → lfo1'), ('lfo1: slower …', …)];
    `part_named(word)` is the module a word names (or None)."""
    match = _ON.match(line.strip())
    if not match:
        return []
    word = match["kind"].lower()
    kind = "lfo" if word in MODULATION_WORDS else type_named((word,))
    if kind not in CATALOGUE or CATALOGUE[kind].spec.role not in ("processor", "modulator"):
        return []
    part, rest = _part(match["part"], match["rest"], part_named)
    voice = model.voice_of(part) if part else []
    said = re.match(r"[\s,:;.!?-]*([a-z]\w*)", rest, re.I)       # ('reverb on the snare': an effect added; 'lfo on
    if not voice or not said or model.spec(part).has_param(said.group(1).lower()):   # the filter 6 hz' one added at
        return []                                                                   # 6 hz; 'lfo on the reverb mix')
    sounding = CATALOGUE[model.modules[part]].spec.role in ("source", "drum")
    found = [m for m in model.of_type(kind) if m in voice or any(      # a modulator on the part named, or on its voice
        src == m and (dst.split(".")[0] == part or sounding and dst.split(".")[0] in voice) for src, dst in model.mod_edges)]
    if len(found) != 1:
        return []
    plain = type_named((word,)) == kind and len(model.of_type(kind)) == 1      # ('the wobble, kill it'; 'lfo1 faster, 4 hz')
    said = f"the {word} on the {match['part'].split()[0]} → {found[0]}"
    return [(f"the {word}{rest}", said)] * plain + [(found[0] + rest, said)]


#: Nouns after a part's name that belong to it ('the whistle part', 'the bass line').
_NOUNS = ("part", "line", "track", "sound", "one", "voice")


def _part(words: str, rest: str, part_named) -> tuple[str | None, str]:
    """The module the words after 'on' name (its noun with it), and the rest of the line after them."""
    first, _, second = words.partition(" ")
    named = part_named(first.lower().removesuffix("'s"))
    return named, (f" {second}{rest}" if second and second.lower() not in _NOUNS else rest)


__all__ = ["effect_on_part", "MODULATION_WORDS"]
