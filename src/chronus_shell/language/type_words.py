"""Words that name a module type and its choices: 'a highpass filter', 'pink noise', 'the low pass'
(split spellings joined), 'a sawtooth oscillator' (a generic noun after a type left out)."""
from __future__ import annotations

from functools import lru_cache

from ..engine.catalogue import CATALOGUE
from .intents import Word, Words

#: Spellings of enum choices that are not the choice itself ("add a hpf", "a bitcrusher").
CHOICE_SYNONYMS = {"lpf": "lowpass", "hpf": "highpass", "bpf": "bandpass", "lp": "lowpass",
                   "hp": "highpass", "bp": "bandpass", "hipass": "highpass",
                   "bitcrusher": "bitcrush", "crusher": "bitcrush", "crush": "bitcrush",
                   "fold": "foldback", "clip": "hard", "sawtooth": "saw", "tri": "triangle",
                   "pulse": "square", "sin": "sine", "sample-and-hold": "random", "s&h": "random"}

def type_named(texts: tuple[str, ...]) -> str | None:
    """The module type a phrase names: type, alias, join, plural, or "<choice> <type>" ("pink noise")."""
    found = type_and_presets(texts)
    return found[0] if found else None


def normalize_words(texts: tuple[str, ...]) -> tuple[str, ...]:
    """'low pass' / 'high-pass' → 'lowpass' / 'highpass': split spellings of one word joined."""
    out: list[str] = []
    for text in texts:
        flat = text.replace("-", "")
        if text != flat and (flat in CHOICE_SYNONYMS or _is_choice(flat) or _plain_type(flat)):
            text = flat
        if out and (out[-1] + text in CHOICE_SYNONYMS or _is_choice(out[-1] + text)):
            out[-1] = out[-1] + text
            continue
        out.append(text)
    return tuple(out)


def joined(words: Words) -> Words:
    """normalize_words on a phrase's words ('the low pass' → 'lowpass', at the column of 'low')."""
    texts = normalize_words(words.texts)
    if len(texts) == len(words.items):
        return words
    items, at = [], 0
    for text in texts:
        start, said = at, ""
        while said != text.replace("-", "") and at < len(words.items):
            said += words.items[at].text.replace("-", "")
            at += 1
        items.append(Word(text, words.items[start].column))
    return Words(tuple(items))


#: Nouns that only say "a module" after a type ("a sawtooth oscillator", "a reverb effect").
GENERIC_NOUNS = ("oscillator", "osc", "oscillators", "waveform", "generator", "module", "effect",
                 "fx", "unit", "pedal", "plugin", "sound", "synth", "voice")


def type_and_presets(texts: tuple[str, ...]) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """(type, ((enum param, choice), ...)) for "add a highpass filter", "pink noise", "square lfo".

    The type's own alias may name a choice too ("highpass" → filter, mode highpass). Cached per
    catalogue content: registering a module type changes the key."""
    return _type_and_presets(tuple(texts), tuple(map(id, CATALOGUE.values())))


def plural_of_type(word: str) -> str | None:
    """The type a plural names ('filters', 'saws', 'delays'), else None ('bass', 'hats' as a name are no plurals
    here: only a word whose singular names the same type)."""
    typed = type_and_presets((word,)) if len(word) > 3 and word.endswith("s") else None
    single = type_and_presets((word[:-1],)) if typed else None
    return typed[0] if single and single[0] == typed[0] and not single[1] else None


@lru_cache(maxsize=1024)
def _type_and_presets(texts: tuple[str, ...], _catalogue_key) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    texts = normalize_words(texts)
    if len(texts) > 1 and texts[-1] in GENERIC_NOUNS and _plain_type(texts) is None:
        texts = texts[:-1]
    if len(texts) > 1 and _plain_type(texts) is None:      # "a 303 filter": the 303 is one
        head = _plain_type(texts[:-1])
        if head is not None and texts[-1].rstrip("s") in head.split("_"):
            texts = texts[:-1]
    for start in range(len(texts)):
        type_name = _plain_type(texts[start:])
        if type_name is None:
            continue
        presets = dict(filter(None, [_choice_of(type_name, "".join(texts[start:]))]))
        for word in texts[:start]:
            choice = _choice_of(type_name, word)
            if choice is None:
                break                                  # an adjective the type does not know
            presets[choice[0]] = choice[1]
        else:
            return type_name, tuple(presets.items())
    return None


def _choice_of(type_name: str, word: str) -> tuple[str, str] | None:
    word = CHOICE_SYNONYMS.get(word, word)
    for param in CATALOGUE[type_name].spec.params:
        if param.is_enum and word in param.choices:
            return param.name, word
    return None


def _is_choice(word: str) -> bool:
    return any(word in p.choices for cls in CATALOGUE.values() for p in cls.spec.params if p.is_enum)


def _plain_type(texts) -> str | None:
    if isinstance(texts, str):
        texts = (texts,)
    if not texts:
        return None
    joined = " ".join(texts)
    candidates = (joined, joined.replace(" ", "_"), joined.replace(" ", ""), joined.rstrip("s"))
    for candidate in candidates:
        if candidate in CATALOGUE:
            return candidate
    for cls in CATALOGUE.values():
        aliases = cls.spec.aliases
        if any(candidate in aliases for candidate in candidates):
            return cls.spec.type
    return None


__all__ = ["CHOICE_SYNONYMS", "GENERIC_NOUNS", "joined", "normalize_words", "plural_of_type", "type_and_presets", "type_named"]
