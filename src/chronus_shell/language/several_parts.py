"""Several parts said together, read as one command for each: 'kick and hats up a bit' is 'kick up a bit, hats up a
bit'; 'the drums down', 'the filters' (a group or a plural type) each member; 'the guitar and the drums down' the
guitar once and each drum; an effect put on them all is one they share, an envelope one each. The words that name a
part now are worked out here too, once per patch shape.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from ..engine.catalogue import CATALOGUE
from .musician_words import GROUPS
from .patch_model import PatchModel
from .resolve import type_named
from .type_words import plural_of_type
from .vocabulary import module_words


def part_names(model: PatchModel) -> Mapping[str, str]:
    """Words naming a part now → the module id: ids, types present, aliases, track names (worked out
    once per patch shape and catalogue: the second stage asks for them many times a line)."""
    tracks = tuple((name, track.target) for name, track in model.tracks.items())
    return _names_of(tuple(model.modules.items()), tracks, tuple(map(id, CATALOGUE.values())))


@lru_cache(maxsize=64)
def _names_of(modules: tuple, tracks: tuple, _catalogue_key: tuple) -> Mapping[str, str]:
    names: dict[str, str] = {}
    count = Counter(type_name for _, type_name in modules)
    for module_id, type_name in modules:
        if module_id == "master":
            continue
        names[module_id] = module_id
        spec = CATALOGUE[type_name].spec if type_name in CATALOGUE else None
        if count[type_name] == 1 and spec is not None:
            for word in (type_name, *spec.aliases):
                names.setdefault(word, module_id)
                names.setdefault(word + "s", module_id)
    for name, target in tracks:
        names.setdefault(name, target)
    return MappingProxyType(names)


def own_names_kept(said: str, rewritten: str, model: PatchModel) -> str:
    """A scene's word rewritten only when it names nothing the musician named: a square or a track called 'skank' is that,
    never the offbeats ('put a soft echo on the skank' put a delay on another voice, on the offbeats)."""
    own = {m for m, kind in model.modules.items() if not re.fullmatch(rf"{re.escape(kind)}\d*", m)} | set(model.labels) \
        | {t for t, track in model.tracks.items() if t not in module_words() or   # (a track called 'skank' too; 'kick' is
           type_named((t,)) != model.modules.get(track.target)}          # the kit's, 'pulse' on a sine the musician's)
    words = set(re.findall(r"[\w-]+", said.lower()))
    return said if rewritten != said and any(w in own and w not in rewritten.lower() for w in words) else rewritten


def plural_here(word: str, before: str, model: PatchModel) -> bool:
    """`word` (after `before`) is the plural of a type the patch has two of or more: 'the filters', 'the acid filters'
    are each of them, never a typo for the one in focus."""
    single = plural_of_type(word)                         # (a word no plural of a type: no pair looked up either)
    return single is not None and any(len(model.of_type(kind)) >= 2 for kind in (single, plural_of_type(f"{before}_{word}")) if kind)


def names_part(words: str, model: PatchModel) -> bool:
    """Words naming one part, or several ('kick and snare', 'kick, bass')."""
    names = part_names(model)
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b|\bthe\b|\s)\s*", words.lower()) if p]
    return bool(parts) and all(p in names or p == "bass" for p in parts)


_EACH_ONE = re.compile(r"\b(?:each|every)\s+(voice|sound|synth|drum|oscillator|osc|effect)\b", re.I)


def several(text: str, model: PatchModel) -> list[str]:
    """'kick and hats up a bit' → 'kick up a bit, hats up a bit'; 'the drums down' → each drum."""
    text = _EACH_ONE.sub(lambda m: f"all {m.group(1)}s", text)     # 'an envelope on each voice': all voices
    lowered_text = text.lower()
    if not (" and " in lowered_text or "&" in text or "," in text or " + " in text
            or any(g in lowered_text for g in GROUPS) or any(map(plural_of_type, lowered_text.split()))):
        return []
    names = part_names(model)
    tokens = text.split()
    lowered = [t.lower().strip(",") for t in tokens]
    for index, word in enumerate(lowered):               # a group word ('the drums', 'the filters'): each member
        roles, plural = GROUPS.get(word), plural_of_type(word)
        two = plural_of_type(f"{lowered[index - 1]}_{word}") if plural and index else None
        plural = two or plural                            # 'the acid filters': each acid filter
        if roles or plural:
            members = [m for m in model.modules if m != "master" and (CATALOGUE[model.modules[m]].spec.role in roles
                                                                     if roles else model.modules[m] == plural)]
            if len(members) < 2:
                continue                                  # ('hats' with one hat: a part's name, read below)
            start = index - bool(two)
            while start and lowered[start - 1] in ("all", "both", "the", "my"):
                start -= 1                                # "all the drums", "my drums"
            after = index + 1
            while start >= 2 and lowered[start - 1] in ("and", "&", "+") and lowered[start - 2] in (*names, "bass"):
                members.insert(0, tokens[start - 2].strip(","))     # 'the guitar and the drums down': each of them
                start -= 2 + (start >= 3 and lowered[start - 3] == "the")
            before = tokens[:start]
            joined_at = max((i for i, w in enumerate(lowered[:start]) if w == "and"), default=None)
            if joined_at is not None and joined_at >= 2 and lowered[joined_at - 1] not in (*names, "bass"):
                clause = several(" ".join(tokens[joined_at + 1:]), model)   # 'turn the guitar up a bit and the drums
                return [f"{' '.join(tokens[:joined_at])}, {clause[0]}"] if clause else []   # down': the guitar once
            while after + 1 < len(lowered) and lowered[after] in ("and", "&", "+", "plus") and \
                    (lowered[after + 1] in (*names, "bass")
                     or lowered[after + 1] == "the" and after + 2 < len(lowered) and lowered[after + 2] in (*names, "bass")):
                at = after + 1 + (lowered[after + 1] == "the")      # 'the drums and the bass': the bass once more,
                members.append(tokens[at].strip(","))              # never said again with each drum
                after = at + 1
            return [_each(before, members, tokens[after:])]
    named = {*names, *model.labels}                      # ('guitar and bass down 2db': the musician's own names too)
    for start in range(len(lowered)):                    # "kick and hats", "kick, snare and hats"
        members, at = [], start
        while at < len(lowered):
            word = lowered[at]
            if word in ("the", "and", "&", "+", "plus") and members:
                at += 1
                continue
            if word == "the":
                at += 1
                continue
            if word in named and (not members or lowered[at - 1] in ("and", "&", "+", "plus", "the")
                                  or tokens[at - 1].endswith(",") or lowered[at - 1] in named):
                members.append(tokens[at].strip(","))
                at += 1
                continue
            break
        if len(members) >= 2:
            rest_before, rest_after = tokens[:start], tokens[at:]
            if rest_after and rest_after[0].lower() in ("all", "both"):
                rest_after = rest_after[1:]
            return [_each(rest_before, members, rest_after)]
    return []


_INTO = {"on", "to", "through", "thru", "into", "onto"}


def _each(before: list[str], members: list[str], after: list[str]) -> str:
    """The command once per part; an effect put on them all is one effect the others are sent into
    ('reverb on all the drums': one reverb, not one per drum) — an envelope is one each."""
    words = [w.lower().strip(",") for w in before + after]
    effect = next((type_named((w,)) for w in words if type_named((w,)) and CATALOGUE[type_named((w,))].spec.role == "processor"), None)
    if effect and effect != "adsr" and _INTO & set(words):     # (an envelope shared gates each with the other's notes)
        first = " ".join(before + [members[0]] + after)
        return ", ".join([first] + [f"send {m} into the {effect.replace('_', ' ')}" for m in members[1:]])
    return ", ".join(" ".join(before + [m] + after) for m in members)


__all__ = ["names_part", "own_names_kept", "part_names", "plural_here", "several"]
