"""A new module described the way musicians talk ('put a big reverb on the pad', 'add a triangle
lead at 440', 'add a quiet pink noise for brush swish', 'add a reverb but only a little'): the
type, with the words around it that only say its role left out and an adjective said as its
comparative after it ('…, bigger'). None when a word there is neither."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .param_words import COMPARATIVES, LEVEL
from .patch_model import PatchModel
from .nicknames import NICKNAMES
from .resolve import GENERIC_NOUNS, type_named
from .units import is_note
from .word_order import comparative_of

#: Nouns saying what a new sound is for, not what it is ('a saw bass', 'a white noise riser').
ROLE_NOUNS = frozenset({"lead", "leads", "bass", "bassline", "sub", "pad", "pads", "drone", "riser", "stab", "stabs",
                        "keys", "line", "part", "layer", "texture", "wave", "vco", "vcf", "vca", "tone", "source",
                        "instrument", "one", "thing", "drum", "hit"})
#: Words that say nothing of the sound ('a new reverb', 'a nice delay').
_NOTHING = frozenset({"new", "nice", "extra", "fresh", "good", "cool", "little", "lil", "simple", "basic", "plain"})
_VERB = re.compile(r"^(?P<verb>add|put|create|insert|give\s+me|i\s+(?:want|need)|bring\s+in|throw\s+in|drop\s+in)\s+"
                   r"(?:an?|some|another|one)\s+(?P<words>.+)$", re.I)
#: A new sound said with its role and no verb ('deep sub bass sine at 40 hz'): the line without the role.
_UNSAID_VERB = re.compile(r"^(?P<verb>)??(?:an?\s+)?(?P<words>.+)$", re.I)
#: Words of a register, said by the pitch after them when there is one ('a deep sub at 40 hz', 'a low drone on a1').
_REGISTER_WORDS = frozenset({"deep", "low", "high", "big", "fat", "huge"})
_PITCH_SAID = re.compile(r"^(?:at|on|to)\s+(?:[\d.]+\s*k?(?:hz|hertz)?|[a-g][#b]?-?\d)\b", re.I)
_BOUNDARY = re.compile(r"\s*,\s*|\s+(?=(?:on|to|at|with|into|onto|through|thru|before|after|playing|for|but|in)\b)", re.I)
_HOW_LONG = re.compile(r"\b(?:bars?|beats?|steps?|measures?|seconds?|secs?|minutes?|while|now)\b", re.I)
_GROUPS = frozenset({"drums", "kit", "everything", "all", "master", "mix", "synths", "sounds"})
_ARTICLES = frozenset({"a", "an", "the", "some", "my", "that", "this", "more", "extra"})
#: '…, long decay': a setting said as an adjective before its param ('decay longer').
_ADJECTIVE_CLAUSE = re.compile(r",\s*([a-z]+)\s+([a-z_]+)$", re.I)
_AT_THE_END = re.compile(r"at\s+the\s+(?:very\s+)?end(?:\s+of\s+(?:the\s+)?(?:signal\s+)?chain)?[\s.!]*", re.I)
_BUT = re.compile(r"^but\s+(?:only\s+)?(?:a\s+(?:little|bit|touch|tad)|subtle|subtly|slightly|not\s+too\s+much|gently)$", re.I)


def described_module(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line said the grammar's way) for a new module said with its role or
    an adjective; None when the type is not among the words, or a word is neither."""
    match = _VERB.match(text.strip()) or _UNSAID_VERB.match(text.strip())
    if match is None:
        return None
    parts = _BOUNDARY.split(match.group("words"), maxsplit=1)
    head = parts[0].lower().split()
    rest = match.group("words")[len(parts[0]):].strip()
    found = _type_in(head)
    if found is None:
        return None
    start, end = found
    trailing, described = head[end:], head[:start]
    if match.group("verb") is None and not any(w in ROLE_NOUNS for w in described):
        return None                                    # no verb: only a role said before the type ('sub bass sine at 40 hz')
    if _PITCH_SAID.search(rest):
        described = [w for w in described if w not in _REGISTER_WORDS]   # 'a deep sub at 40 hz': the 40 Hz says how deep
    if any(w not in ROLE_NOUNS and w not in GENERIC_NOUNS for w in trailing) or \
            trailing and CATALOGUE[type_named(tuple(head[start:end]))].spec.role not in ("source", "drum"):
        return None                                    # 'an acid bassline' is a bass voice, not an acid filter
    comparatives, unowned = [], []
    for word in described:
        if word in _NOTHING or word in ROLE_NOUNS:
            continue
        comparative = _of_an_effect(head[start:end], comparative_of(word))
        kind = type_named(tuple(head[start:end]))
        if comparative is not None and not _owns(head[start:end], comparative) and match.group("verb") and \
                CATALOGUE[kind].spec.has_param("mix"):         # 'a long dark delay': no tone on a delay to darken
            unowned.append(f"'{word}' left out: a {kind} has nothing to make {comparative}")
            continue
        if comparative is None or not _owns(head[start:end], comparative):
            return None                                # 'a slow adsr' is no slower tempo: refused as said
        comparatives.append(comparative)
    if not comparatives and not trailing and not described and not _BUT.match(rest) and not rest.lower().startswith("for "):
        return None                                   # nothing here to read otherwise: the grammar's refusal stands
    rest = _rest(rest, model)
    if rest is None:
        return None
    verb = (match.group("verb") or "").lower()
    verb = verb if verb in ("add", "put", "create", "insert", "") else "add"
    line = f"{verb + ' a ' if verb else ''}{' '.join(head[start:end])}{('' if rest.startswith(',') else ' ') + rest if rest else ''}" + "".join(f", {c}" for c in comparatives)
    return "; ".join([f"read as '{line}'", *unowned]), line


def _of_an_effect(type_words: list[str], comparative: str | None) -> str | None:
    """A level said of a new effect is how much of it is heard ('a soft echo': drier, never the voice quieter)."""
    spec = CATALOGUE[type_named(tuple(type_words))].spec
    if comparative in COMPARATIVES and COMPARATIVES[comparative][1] == LEVEL and spec.role == "processor" \
            and spec.has_param("mix"):
        return "wetter" if COMPARATIVES[comparative][0] > 0 else "drier"
    return comparative


def _owns(type_words: list[str], comparative: str) -> bool:
    """Whether the new module has a param the comparative moves ('a big reverb': its room)."""
    spec = CATALOGUE[type_named(tuple(type_words))].spec
    return any(spec.has_param(name) for name in COMPARATIVES[comparative][1] if not name.startswith("@"))


def _type_in(words: list[str]) -> tuple[int, int] | None:
    """Where the type is said among `words` (with a choice before it: 'pink noise'), or None."""
    for index, word in enumerate(words):
        if type_named((word,)) is not None:
            start = index - 1 if index and type_named((words[index - 1], word)) is not None and \
                type_named((words[index - 1],)) is None else index
            return start, index + 1
    return None


def _rest(rest: str, model: PatchModel) -> str | None:
    """What follows the module: a place or a setting kept; 'but only a little' and a purpose that
    names nothing there ('for a reedy stop') left out; a note after 'on' is its pitch ('on A1')."""
    if not rest:
        return ""
    if _BUT.match(rest) or _AT_THE_END.fullmatch(rest):
        return ""                                      # ('… at the end': where a new effect goes)
    purpose = re.match(r"^for\s+([^,]+)(,.*)?$", rest, re.I)
    if purpose and _HOW_LONG.search(purpose.group(1)):
        return rest                                    # 'for 4 bars': how long, never left out
    if purpose and not re.match(r"an?\s", purpose.group(1), re.I):
        named = set(model.modules) | set(model.tracks) | _GROUPS | NICKNAMES.keys()
        if any(w in named or type_named((w,)) for w in purpose.group(1).lower().split()
               if w not in _ARTICLES and w != "drum"):      # 'for the hats', 'for the pad' say where: kept
            return "to" + rest[3:]                     # 'a delay for the sine': on the sine
    if purpose:                                        # 'a kick for an 808', 'for a reedy stop': what it is for
        rest = (purpose.group(2) or "").strip()
    rest = _ADJECTIVE_CLAUSE.sub(lambda m: f", {m.group(2)} {comparative_of(m.group(1)) or m.group(1)}", rest)
    if rest.startswith(","):
        return rest
    on_note = re.match(r"^on\s+(\S+)$", rest, re.I)
    if on_note and is_note(on_note.group(1).lower()):
        return f"at {on_note.group(1)}"
    return rest


__all__ = ["described_module", "ROLE_NOUNS"]
