"""A band of an EQ asked for ('cut 3 db at 250 hz', 'boost 2 db around 4k on the snare', 'scoop the mids', 'eq the
kick'): the patch has no EQ, so the refusal says what there is instead — a filter takes away everything past its
cutoff (a highpass the lows, a lowpass the highs), a filter's resonance peaks at its cutoff — with the line to type,
at the frequency said. Only the refusal's words change: nothing is done that was not asked."""
from __future__ import annotations

import re

_DB = re.compile(r"(?P<sign>[+-])?\s*(?P<db>\d+(?:\.\d+)?)\s*(?:db|decibels?)\b", re.I)
_HZ = re.compile(r"\b(?P<f>\d+(?:\.\d+)?)\s*(?P<unit>khz|k|hz)\b", re.I)
_CUT = re.compile(r"\b(?:cut|dip|notch|scoop|reduce|lower|take\s+out|pull\s+out|pull\s+down|attenuate|tame|roll\s+off|less)\b", re.I)
_BOOST = re.compile(r"\b(?:boost|bump|raise|lift|add|push|more|emphasi[sz]e)\b", re.I)
#: EQ words said with no numbers ('scoop the mids', 'eq the kick', 'a low shelf').
_EQ_WORDS = re.compile(r"\b(?:eq|equali[sz]e|equali[sz]er|parametric|shelf|shelving|mids|midrange|low[\s-]mids|"
                       r"high[\s-]mids|presence)\b", re.I)
_PART = re.compile(r"\b(?:on|to|of|for)\s+(?:the\s+|my\s+)?(?P<part>[a-z][\w-]*)\s*[.!]*$", re.I)
#: Where the lows end and the highs begin, for what a cut at a frequency most likely means (Hz).
_LOW_HIGH = 1000.0


def eq_refusal(line: str) -> str | None:
    """The refusal for an EQ band asked for, else None (the refusal stays the parser's)."""
    db, hz = _DB.search(line), _HZ.search(line)
    banded = db and hz and (db["sign"] or _CUT.search(line) or _BOOST.search(line))
    if not banded and not _EQ_WORDS.search(line):
        return None
    part = _PART.search(line)
    on = f" to the {part['part']}" if part else ""
    if not hz:
        return f"there is no EQ here: a filter takes away past its cutoff — 'add a highpass at 200 hz{on}' (less low " \
               f"end), 'add a lowpass at 4k{on}' (less top), 'brighter' / 'darker' on a sound with a filter"
    freq = f"{hz['f']} hz" if hz["unit"].lower() == "hz" else f"{hz['f']}k"
    value = float(hz["f"]) * (1 if hz["unit"].lower() == "hz" else 1000)
    cut = (db and db["sign"] == "-") or (_CUT.search(line) and not (db and db["sign"] == "+"))
    if cut or not _BOOST.search(line):
        kind, away = ("highpass", "below") if value < _LOW_HIGH else ("lowpass", "above")
        return f"there is no EQ band to dip one frequency: a filter takes away everything {away} its cutoff — " \
               f"'add a {kind} at {freq}{on}'"
    return f"there is no EQ band to boost one frequency: a filter's resonance peaks at its cutoff (and takes away past " \
           f"it) — 'add a filter at {freq}{on}, resonance 2'"


__all__ = ["eq_refusal"]
