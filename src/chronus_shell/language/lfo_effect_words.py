"""An effect made of an LFO asked for with its pace ('tremolo at 2 hz', 'fast tremolo on the accordion', 'a slow
vibrato on the sine', 'warble tone, frequency modulated at 5 Hz', 'pulsing, on and off twice a second'), said the
language's way for the second stage: 'add tremolo to <part>', then its rate or a step of it. A warble is a vibrato,
a pulsing or throbbing tone a tremolo ('pulse' alone stays the square wave); an auto-pan is an LFO on the part's pan
('pan the hats back and forth')."""
from __future__ import annotations

import re

from .patch_model import PatchModel
from .part_naming import part_named

#: Words for the effects param_words.LFO_EFFECTS makes: the effect each means.
_EFFECT_WORDS = {"vibrato": "vibrato", "warble": "vibrato", "warbling": "vibrato", "warbly": "vibrato",
                 "tremolo": "tremolo", "pulsing": "tremolo", "pulsed": "tremolo", "throb": "tremolo", "throbbing": "tremolo",
                 "tremulant": "tremolo"}                  # (an organ's stop)
#: A word for the pace or depth said before the effect → the step after it.
_STEP = {"fast": "faster", "quick": "faster", "rapid": "faster", "slow": "slower", "lazy": "slower",
         "deep": "deeper", "wide": "deeper", "subtle": "shallower", "gentle": "shallower", "light": "shallower"}
_COUNT = {"once": 1, "twice": 2, "three times": 3, "four times": 4, "five times": 5}
_FORM = re.compile(
    r"^(?:(?:add|put|give\s+(?:it|me))\s+)?(?:an?\s+|some\s+)?(?:(?:little|bit\s+of)\s+)?(?:(?P<step>" + "|".join(_STEP) + r")\s+)?"
    r"(?P<fx>" + "|".join(_EFFECT_WORDS) + r")(?:\s+(?:tone|sound|effect))?"
    r"(?:\s+(?:on|to)\s+(?:it|that|this|(?:the\s+|my\s+)?(?P<part>[\w-]+)))?"
    r"(?:\s*[,:]?\s*(?:frequency|pitch|amplitude|level|volume)[\s-]+modulated)?(?:\s*[,:]?\s*on\s+and\s+off)?"
    r"(?:\s*[,:]?\s*(?:(?:at|of|rate)\s+)?(?P<hz>\d+(?:\.\d+)?)\s*(?:hz|times?\s+(?:a|per)\s+second)|"
    r"\s*[,:]?\s*(?P<times>once|twice|three\s+times|four\s+times|five\s+times)\s+(?:a|per)\s+second|"
    r"\s*[,:]\s*(?P<pace>medium|moderate|fast|quick|slow)(?:\s+(?:speed|rate|pace))?)?[.!]?$", re.I)


#: The part first, then a little of the effect ('sine a bit of vibrato', 'the pad some tremolo'): one added to it.
_PART_FIRST = re.compile(r"^(?:the\s+|my\s+)?(?P<part>[a-z][\w-]*)\s+(?:a\s+(?:bit|little|touch)\s+(?:of\s+)?|some\s+)"
                         r"(?P<fx>" + "|".join(_EFFECT_WORDS) + r")(?:\s+please)?$", re.I)


#: An auto-pan ('auto-pan the hiss, slowly', 'pan the hats back and forth'): an LFO on the part's pan.
_AUTO_PAN = re.compile(r"^(?:(?:auto[\s-]?pan|autopan)(?:\s+(?:it|(?:the\s+|my\s+)?(?P<part>[a-z][\w-]*)))?|"
                       r"pan\s+(?:it|(?:the\s+|my\s+)?(?P<part2>[a-z][\w-]*))\s+(?:back\s+and\s+forth|left\s+and\s+right|side\s+to\s+side))"
                       r"(?:\s*,?\s*(?P<pace>slow(?:ly)?|fast|quick(?:ly)?))?[.!]?$", re.I)


def lfo_effect_line(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, 'add <effect>[ to <part>][, rate N hz | , <step>]'); None for any other line (an effect named
    alone, 'add vibrato', is the grammar's already: only a pace or a synonym makes a line here) — and None for a pace
    alone said of a voice an LFO moves already ('tremolo on the strings, quick': that LFO faster, or a new one? asked
    by the refusal, never a second guessed)."""
    auto = _AUTO_PAN.match(text.strip())
    if auto:
        part = auto.group("part") or auto.group("part2")
        pace = (auto.group("pace") or "").lower()
        line = f"lfo on {'the ' + part + ' ' if part else 'the '}pan" + \
            (", slower" if pace.startswith("slow") else ", faster" if pace else "")
        return f"auto-pan: {line}", line
    first = _PART_FIRST.match(text.strip())
    if first and first.group("part").lower() not in ("add", "put", "give", "get", "with", "and"):
        line = f"add {_EFFECT_WORDS[first.group('fx').lower()]} to {first.group('part')}"
        return f"{first.group('fx').lower()}: {line}", line
    match = _FORM.match(text.strip())
    if match is None:
        return None
    effect = _EFFECT_WORDS[match.group("fx").lower()]
    step = match.group("step") or match.group("pace")
    if match.group("fx").lower() == effect and not (step or match.group("hz") or match.group("times")):
        return None
    part = match.group("part")
    line = f"add {effect}" + (f" to {'' if part[-1].isdigit() else 'the '}{part}" if part else "")
    if step and not (match.group("hz") or match.group("times")) and _modulated(part, model):
        return None
    rate = match.group("hz") or (_COUNT[re.sub(r"\s+", " ", match.group("times").lower())] if match.group("times") else None)
    if rate is not None:
        line += f", rate {rate} hz"
    elif step and step.lower() in _STEP:               # ('medium speed': the effect's own pace)
        line += f", {_STEP[step.lower()]}"
    return f"{match.group('fx').lower()}: {line}", line


def _modulated(part: str | None, model: PatchModel) -> bool:
    """An LFO already moves a param of the part's voice (the focus's, with no part said)."""
    module = part_named(part.lower(), model) if part else model.focus
    voice = set(model.voice_of(module)) | {module} if module in model.modules else set()
    return any(dst.split(".")[0] in voice for _, dst in model.mod_edges)


__all__ = ["lfo_effect_line"]
