"""Musicians' ways to aim a modulator (for the second stage): 'point the lfo at the reverb mix
instead' (moved: off its old targets), 'lfo1 -> sine1 freq too' / 'also let the lfo push the
reverb mix' (one more target for the same LFO), 'wobble the reso with an lfo' (a wobble).

Each is said again the grammar's way ('disconnect lfo1 from filter1 cutoff, connect lfo1 to
reverb mix'); the translator takes it only when it works.
"""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .patch_model import PatchModel

_VERB = r"(?:put|point|move|send|aim|switch|connect|route|patch|let|make|have)"
_AIM = r"(?:on|at|to|onto|into|->|push(?:es)?|move(?:s)?|modulate(?:s)?|wobble(?:s)?|hit(?:s)?|drive(?:s)?)"
_INSTEAD = re.compile(rf"^(?:{_VERB}\s+)?(?:the\s+)?(?P<mod>\w+)\s+{_AIM}\s+(?:the\s+)?(?P<target>.+?)\s+instead$", re.I)
_TOO = re.compile(rf"^(?:also\s+)?(?:{_VERB}\s+)?(?:the\s+)?(?P<mod>\w+)\s+(?:also\s+)?{_AIM}\s+(?:the\s+)?"
                  rf"(?P<target>.+?)(?P<too>\s+(?:too|as well|also))?$", re.I)
_WITH_LFO = re.compile(r"^(?:(?:slow|fast|gentle)\s+)?(?:wobble|sweep|modulate|move)\s+(?:the\s+)?(?P<target>.+?)\s+with\s+"
                       r"(?:an?\s+)?(?:(?:slow|fast|gentle)\s+)?lfo$|"
                       r"^(?:(?:slow|fast)\s+)?(?:filter\s+)?(?:sweep|wobble)\s+on\s+(?:the\s+)?(?P<on>.+?)\s+with\s+"
                       r"(?:an?\s+)?(?:(?:slow|fast)\s+)?lfo$", re.I)


_STOP = re.compile(r"^(?:stop|kill|remove|lose|no more|get rid of|take out|turn off)\s+(?:the\s+|that\s+)?(?:wobble|wobbling|sweep|"
                   r"sweeping|movement|modulation|wah(?:[\s-]wah)?)(?:\s+(?:in|on|of)\s+(?:the\s+)?(?P<on>.+))?$", re.I)


_MENTIONS = re.compile(r"instead|\btoo\b|as well|\balso\b|->|\blfo|wobbl|sweep|movement|modulation|\bwah", re.I)


def aimed(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line the grammar's way) for a modulator aimed in a musician's words."""
    if not _MENTIONS.search(text):
        return None
    text = re.sub(r"\s*->\s*", " -> ", text.strip())
    stop = _STOP.match(text)
    if stop:
        lfos = [m for m, t in model.modules.items() if t == "lfo" and any(src == m for src, _ in model.mod_edges)]
        if len(lfos) != 1:
            return None
        edges = [dst for src, dst in model.mod_edges if src == lfos[0]]
        line = ", ".join(f"disconnect {lfos[0]} from {dst.replace('.', ' ')}" for dst in edges)
        return f"the wobble is {lfos[0]}: {line}", line
    wobble = _WITH_LFO.match(text)
    if wobble:
        target = wobble.group("target") or wobble.group("on")
        return f"wobble {target}", f"wobble the {target}"
    instead = _INSTEAD.match(text)
    if instead:
        modulator = _modulator(instead.group("mod"), model)
        if modulator is None:
            return None
        old = [dst for src, dst in model.mod_edges if src == modulator]
        off = "".join(f"disconnect {modulator} from {dst.replace('.', ' ')}, " for dst in old)
        line = f"{off}connect {modulator} to {instead.group('target')}"
        return f"{modulator} moved to {instead.group('target')}", line
    too = _TOO.match(text)
    if too and (too.group("too") or re.match(r"^also\b", text, re.I) or "->" in text):
        modulator = _modulator(too.group("mod"), model)
        if modulator is None:
            return None
        return f"{modulator} on {too.group('target')} too", f"connect {modulator} to {too.group('target')}"
    return None


def _modulator(word: str, model: PatchModel) -> str | None:
    """The one modulator a word names ('lfo', 'lfo1', 'wobble')."""
    word = word.lower()
    if word in model.modules and _is_modulator(model.modules[word]):
        return word
    kinds = [m for m, t in model.modules.items() if _is_modulator(t) and (t == word or word in ("wobble", "mod"))]
    return kinds[0] if len(kinds) == 1 else None


def _is_modulator(type_name: str) -> bool:
    return type_name in CATALOGUE and CATALOGUE[type_name].spec.role == "modulator"


__all__ = ["aimed"]
