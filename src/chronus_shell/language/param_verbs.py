"""A param said as a verb ('damp the reverb more', 'detune the saw a bit', 'tighten the hats', 'dry
the pad a little') and a few sentence shapes around a part ('put a sine in', 'bass plays x..x',
'snare through reverb, mix 30%'), said the grammar's way for the second stage.
"""
from __future__ import annotations

import re

#: A verb → (the param it moves, the way it moves it: "up" or "down").
PARAM_VERBS = {
    "damp": ("damp", "up"), "dampen": ("damp", "up"), "detune": ("detune", "up"), "resonate": ("resonance", "up"),
    "tighten": ("decay", "down"), "shorten": ("decay", "down"), "lengthen": ("decay", "up"), "choke": ("decay", "down"),
    "dry": ("mix", "down"), "wet": ("mix", "up"), "drench": ("mix", "up"), "soak": ("mix", "up"),
    "saturate": ("drive", "up"), "overdrive": ("drive", "up"), "widen": ("stereo_width", "up"), "narrow": ("stereo_width", "down"),
    "punch": ("punch", "up"), "accelerate": ("rate", "up"),
}
_AMOUNT = r"(?:\s+(?:up|down|more|a\s+bit(?:\s+more)?|a\s+little(?:\s+more)?|a\s+touch|a\s+lot|slightly|some|way\s+more|much\s+more))?"
_VERB = re.compile(r"^(" + "|".join(PARAM_VERBS) + r")\s+(?:up\s+|out\s+)?(?:the\s+|that\s+|this\s+)?(\w+)(?:\s+up|\s+out)?"
                   + r"(" + _AMOUNT + r")((?:\s*,\s*.+)?)$", re.I)
_LESS = re.compile(r"\s+less$|\s+(?:a\s+bit|a\s+little)\s+less$", re.I)

SHAPES: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), r) for p, r in (
    (r"^(?:put|drop|throw|stick|pop)\s+(an?\s+.+?)\s+in$", r"add \1"),                       # 'put a sine wave in'
    (r"^(\w+)\s+(?:plays?|playing|goes|hits)\s+(?=[xX.~\[|])", r"\1 "),                        # 'bass plays x..x'
    (r"^(?:the\s+)?(\w+)\s+(?:through|into|thru)\s+(?:an?\s+|the\s+|some\s+)?(reverb|delay|echo|distortion|filter)"
     r",?\s+(mix|feedback|time|room|drive|cutoff|damp)\s+(.+)$", r"add a \2 to \1, \2 \3 \4"),
    (r"^(white|pink|brown)\s+noise\s+(?:source|generator|osc(?:illator)?)$", r"add \1 noise"),
    (r"^(?:place|position|sit|move)\s+(?:the\s+)?(\w+)\s+(?=(?:(?:slightly|a\s+bit|a\s+little|hard|far|all\s+the\s+way)\s+)?"
     r"(?:left|right|centre|center|in\s+the\s+middle)$)", r"pan the \1 "),
)]


def verb_readings(text: str) -> list[tuple[str, str]]:
    """(how it was read, the line said the grammar's way) for each form that fits."""
    found = []
    match = _VERB.match(text.strip())
    if match:
        verb, part, amount, rest = match.groups()
        param, way = PARAM_VERBS[verb.lower()]
        if _LESS.search(amount or "") or (amount or "").strip().lower() == "down":
            way = "down" if way == "up" else "up"
        line = f"the {part} {param} {way}{rest}"
        found.append((f"{verb}: {param} {way}", line))
    for pattern, replacement in SHAPES:
        if pattern.search(text):
            new = pattern.sub(replacement, text)
            if new != text:
                found.append((f"read as '{new}'", new))
    return found


__all__ = ["verb_readings", "PARAM_VERBS"]
