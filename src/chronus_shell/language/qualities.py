"""A quality asked of a sound in a musician's sentence ("make the kick more boomy", "give the kick
more knock", "less of that squelchy sound", "slower wobble on the filter", "make it scream"),
said the grammar's way: more/less of the param that owns the quality, on the module that has it.

The quality words are rephrasings.QUALITIES; a modulation quality (wobble, sweep, movement)
on a sound means the LFO that moves it.
"""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .errors import LanguageError
from .intents import Word, Words
from .rephrasings import QUALITIES
from .patch_model import PatchModel
from .resolve import Resolver, type_named

#: Complaints that name a quality there is too much of ('boomy', 'harsh'): the quality they mean.
#: Nouns of a quality said with a param's own word or a sound's ('more click', 'less buzz').
QUALITY_NOUNS = {"click": "knock", "bottom": "boom", "buzz": "brightness", "sizzle": "brightness", "fizz": "brightness"}
COMPLAINTS = {"boomy": "boom", "muddy": "boom", "woolly": "boom", "flabby": "boom", "harsh": "brightness",
              "shrill": "brightness", "piercing": "brightness", "aggressive": "brightness", "buzzy": "brightness",
              "fizzy": "brightness", "brittle": "brightness", "squelchy": "squelch", "screechy": "squelch",
              "ringy": "ring", "clicky": "knock"}
_COMPLAINT = "|".join(COMPLAINTS)
#: Words that soften what follows, left out ('kinda boomy', 'a tad bright', "I'm afraid").
_HEDGES = re.compile(r"\b(?:kinda|kind\s+of|sorta|sort\s+of|rather|quite|somewhat|slightly|a\s+tad|pretty)\s+|"
                     r",?\s*(?:i'?m\s+afraid|i\s+think|i\s+feel|to\s+me|if\s+you\s+ask\s+me)\b", re.I)
_T = r"(?:it|this|that|them|(?:the\s+|that\s+)?(?P<t>[a-z0-9_]+(?:\s+[a-z0-9_]+)??))"
_FORMS = [re.compile(p, re.I) for p in (
    rf"^(?:make|get)\s+{_T}\s+(?:sound\s+)?(?:a\s+(?:bit|little|lot)\s+)?(?P<dir>more|less)\s+(?P<q>[\w-]+)$",
    rf"^(?:give|put)\s+{_T}\s+(?:a\s+(?:bit|little|lot)\s+)?(?P<dir>more|less)\s+(?P<q>[\w-]+)$",
    rf"^(?:make|let)\s+{_T}\s+(?P<q>[\w-]+)(?:\s+(?P<dir>more|less)|\s+(?P<cmp>longer|shorter|bigger|deeper|stronger))?$",
    r"^(?:put|add|give\s+it)\s+(?:some\s+|more\s+|a\s+(?:little|bit|touch)\s+(?:of\s+|more\s+)?)?(?P<q>[\w-]+)\s+"
    r"(?:on|to)\s+(?:the\s+)?(?P<t>\w+)$",
    r"^(?:make\s+)?(?:the\s+|that\s+)?(?P<q>wobble|sweep|wah|movement)\s+(?P<cmp>faster|slower|deeper|more|less|stronger|weaker)$",
    rf"^(?:it'?s|its|it is|{_T}\s+(?:is|are|sounds?))\s+(?:a\s+(?:bit|little|lot)\s+)?(?P<too>too)\s+(?P<q>[\w-]+)$",
    # a complaint needs no 'too': 'the kick is a bit boomy', 'the kick drum is muddy'
    rf"^(?:it'?s|its|it is|{_T}\s+(?:is|are|sounds?|feels?))\s+(?:(?:a\s+)?(?:bit|little|lot|tad|touch)\s+)?(?P<complaint>{_COMPLAINT})$",
    # the part first: 'kick more boom', 'the hats a bit less sizzle'
    r"^(?:the\s+)?(?P<t>\w+(?:\s+drum)?)\s+(?:(?:a\s+)?(?:bit|little|lot|tad|touch)\s+)?(?P<dir>more|less)\s+(?P<q>[\w-]+)$",
    # 'the kick should have more click', 'the snare needs less ring'
    r"^(?:the\s+)?(?P<t>\w+(?:\s+drum)?)\s+(?:should\s+have|needs|wants|could\s+use|could\s+have)\s+(?:a\s+(?:bit|little|lot)\s+)?"
    r"(?:of\s+)?(?P<dir>more|less)\s+(?P<q>[\w-]+)$",
    r"^(?P<dir>more|less)\s+of\s+(?:that|the|this)\s+(?P<q>[\w-]+)(?:\s+(?:sound|thing|stuff))?$",
    r"^(?:(?:a\s+)?(?:little|bit|touch|tad)\s+)+(?P<dir>more|less)\s+(?P<q>[\w-]+)(?:\s+(?:on|in|to)\s+(?:the\s+)?(?P<t>\w+))?$",
    r"^(?P<cmp>longer|shorter|bigger|smaller|faster|slower|deeper|stronger|weaker|more|less)\s+(?P<q>[\w-]+)\s+"
    r"(?:on|in|for)\s+(?:the\s+|that\s+)?(?P<t>\w+)$",
    r"^(?P<cmp>faster|slower|deeper|stronger|weaker|bigger|smaller|more|less)\s+(?P<q>[\w-]+)$",
    rf"^(?:make\s+)?{_T}\s+(?P<q>wobble|sweep|wah|wah-wah|movement)\s+(?P<cmp>faster|slower|deeper|more|less|stronger|weaker)$",
    # the verb first: 'increase the kick thump', 'boost the bass drum's boom', 'reduce the snare's ring'
    r"^(?P<cmp>increase|boost|decrease|reduce)\s+(?:the\s+|that\s+)?(?P<t>\w+(?:\s+drum)?)(?:'s)?\s+(?P<q>[\w-]+)$",
)]
#: Drums named with 'drum' ('the big drum is boomy'): the kit's word for them.
_DRUMS = {"kick": "kick", "bass": "kick", "big": "kick", "snare": "snare", "side": "snare"}
_DRUM_NAMES = re.compile(r"^(?:the\s+)?(kick|bass|big|snare|side)\s+drum\b", re.I)
#: Adjectives of a quality ("boomy" → boom, "squelchy" → squelch).
_ADJECTIVE = re.compile(r"(?:y|ier)$")
#: A comparative on a quality: the direction, and the param it moves instead of the quality's own.
_COMPARATIVE = {"longer": (1, None), "shorter": (-1, None), "bigger": (1, None), "smaller": (-1, None),
                "deeper": (1, None), "stronger": (1, None), "weaker": (-1, None), "more": (1, None),
                "less": (-1, None), "faster": (1, "rate"), "slower": (-1, "rate"), "increase": (1, None), "boost": (1, None),
                "decrease": (-1, None), "reduce": (-1, None)}
#: A param doing the same job on another kind of module (a hat's tone is its brightness).
_SAME_JOB = {"cutoff": ("tone",), "resonance": ("q",)}
#: The effect that brings a quality to a voice without it ('a little grit on the hats': a distortion).
_EFFECT_OF = {"drive": "distortion"}
_MODULATION = {"wobble", "sweep", "movement", "modulation", "wah", "wah-wah"}


def quality_request(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line the grammar's way) for a quality asked in a sentence."""
    if not _MENTIONS.search(text):
        return None                                       # no quality word: nothing to read here
    text = re.sub(r"\bwah[\s-]wah\b", "wah", text.strip(), flags=re.I)
    text = re.sub(r"^(?:(?:yo|hey|ok|okay|so|and|now|right|also)[,\s]+)+", "", text, flags=re.I)
    text = re.sub(r"\b(?:just|really|very|way)\s+", "", text, flags=re.I)
    text = _HEDGES.sub(" ", text).strip(" ,.")
    text = _DRUM_NAMES.sub(lambda m: _DRUMS[m.group(1).lower()], text)
    for form in _FORMS:
        match = form.match(text)
        if match is None:
            continue
        found = match.groupdict()
        word = _quality_word(found.get("q") or found.get("complaint") or "")
        if (found.get("q") or found.get("complaint") or "").lower() in _DISTORTION_NOISE and _distorted(model, found.get("t")):
            word = "grit"                                 # 'less buzz' with a distortion on it: the distortion's
        if word is None or (type_named((word,)) and word not in _MODULATION):
            continue                                      # "make it fuzzy": a distortion, the grammar's reading
        direction, param = 1, None
        if found.get("too") or found.get("complaint"):
            direction = -1
        elif found.get("dir"):
            direction = 1 if found["dir"].lower() == "more" else -1
        elif found.get("cmp"):
            direction, param = _COMPARATIVE[found["cmp"].lower()]
        line = _line(word, direction, param, found.get("t"), model)
        if line:
            return f"{found.get('q') or found.get('complaint')}: {line}", line
    return None


_MENTIONS = re.compile(r"\b(?:" + "|".join(sorted(set(QUALITIES) | _MODULATION | set(COMPLAINTS) | set(QUALITY_NOUNS), key=len, reverse=True)) + r")", re.I)


#: A noise a distortion makes, when the part goes through one ('less buzz': less drive, not a darker tone).
_DISTORTION_NOISE = frozenset({"buzz", "buzzy", "fizz", "fizzy"})


def _distorted(model: PatchModel, target: str | None) -> bool:
    """Whether the part named (else the one in focus) goes through a distortion that is driven."""
    try:
        part = Resolver(model).module(Words(tuple(Word(w, 0) for w in target.split()))) if target else model.focus
    except LanguageError:
        return False
    return any(model.modules.get(m) == "distortion" and model.value(m, "drive") > model.spec(m).param("drive").low
               for m in model.voice_of(part) or [part])          # (a distortion at its floor adds no buzz to take)


def _quality_word(word: str) -> str | None:
    word = COMPLAINTS.get(word.lower(), QUALITY_NOUNS.get(word.lower(), word.lower()))
    for candidate in (word, _ADJECTIVE.sub("", word), word[:-1]):
        if candidate in QUALITIES or candidate in _MODULATION:
            return candidate
    return None


def _line(word: str, direction: int, param: str | None, target: str | None, model: PatchModel) -> str | None:
    """'more resonance on the filter', 'lfo1 rate down', 'more kick decay'."""
    words = "more" if direction > 0 else "less"
    if word in _MODULATION:
        lfo = _lfo_on(target, model)
        if lfo is None and word == "wah" and "acid_filter" in model.modules.values():
            return f"{words} env amount"                   # a 303's wah is its envelope
        if lfo is None:
            return None
        return f"{lfo} {param or 'depth'} {'up' if direction > 0 else 'down'}"
    quality = QUALITIES[word].split()
    name = param or quality[-1]
    if target is None or target.lower() in ("it", "this", "that", "them"):
        if model.focus not in model.modules:
            return None
        target = model.focus                              # "make it scream": the sound in focus, its voice
    quality = list(quality)
    owner = _owner(target, quality, model)
    name = param or quality[-1]
    if owner is None and direction > 0 and quality[-1] in _EFFECT_OF and _module(target, model):
        return f"add a {_EFFECT_OF[quality[-1]]} to {_module(target, model)}"     # "grit on the hats"
    return f"{words} {name} on {owner}" if owner else None


def _owner(target: str, quality: list[str], model: PatchModel) -> str | None:
    """The module of `target`'s voice the quality lives on ('space' on the snare: its reverb)."""
    module_id = _module(target, model)
    if module_id is None:
        return None
    if len(quality) == 1:
        for name in (quality[0], *_SAME_JOB.get(quality[0], ())):
            for member in [module_id] + model.voice_of(module_id):
                spec = CATALOGUE[model.modules[member]].spec if model.modules.get(member) in CATALOGUE else None
                if spec is not None and spec.has_param(name):
                    quality[0] = name
                    return member
        return None
    kind = quality[0]
    if model.modules.get(module_id) == kind:
        return module_id
    return next((m for m in model.voice_of(module_id) if model.modules.get(m) == kind), None)


def _module(target: str, model: PatchModel) -> str | None:
    """The one module `target` names: an id, a track, a type or alias, a kind ('filter' for the
    acid filter), 'wobble' for the only LFO."""
    word = target.lower().split()[-1]
    track = model.tracks.get(word)
    if track is not None:
        return track.target
    if word in _MODULATION:
        word = "lfo"
    found = [m for m, t in model.modules.items() if word in (m, t) or word.rstrip("s") == t
             or (t in CATALOGUE and word in CATALOGUE[t].spec.aliases)]
    if not found:
        found = [m for m, t in model.modules.items() if t.endswith("_" + word.rstrip("s"))]
    return found[0] if len(found) == 1 else None


def _lfo_on(target: str | None, model: PatchModel) -> str | None:
    """The LFO that moves `target` (or the only LFO)."""
    lfos = [m for m, t in model.modules.items() if t == "lfo"]
    if target is not None and target.lower() not in ("it", "this", "that", "them"):
        module_id = _module(target, model)
        if module_id is not None and model.modules.get(module_id) == "lfo":
            return module_id
        moving = sorted({src for src, dst in model.mod_edges if module_id and dst.split(".")[0] == module_id})
        return moving[0] if len(moving) == 1 else None
    return lfos[0] if len(lfos) == 1 else None


__all__ = ["quality_request"]
