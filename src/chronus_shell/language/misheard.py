"""Words a speech-to-text tool writes for a musician's dictated line: 'the base' (the bass), 'high hats',
'cut off to 800' (the cutoff), 'sign wave', 'over for bars' (four), 'up to semitones' (two), 'beats per minute',
a spoken 'period', a phone's autocorrect ('add some revert', 'more residence') — and a tracker's way of writing: a row is a step, 'A-1' the note a1, 'tempo 0x8C' hex, a key
pressed said in brackets ('play (F5)') — said as meant, for a line refused as written (never a line that works: a
name said on purpose stays as it is).
"""
from __future__ import annotations

import re

_UNITS = r"(?:bars?|beats?|steps?|counts?|semitones?|octaves?|notes?)\b"
_HEARD = tuple((re.compile(p, re.I), r) for p, r in (
    (r"\bbase\b(?![_\d-])", "bass"),
    (r"\bhigh[\s-]+hat(s?)\b", r"hi-hat\1"),
    (r"\bcut\s+off\b(?=\s+(?:to|down|up|from|by|at\s+\d|-?\d))|(?<=\bthe\s)cut\s+off\b", "cutoff"),
    (r"\bsign\s+(wave|waves|osc|oscillator)\b", r"sine \1"),
    (rf"\b(over|for|in|every|by|up|down)\s+for\s+(?={_UNITS})", r"\1 four "),
    (rf"\b(over|for|in|every|by|up|down)\s+(?:to|too)\s+(?={_UNITS})", r"\1 two "),
    (r"\bbeats\s+per\s+minute\b", "bpm"),
    (r"[\s,]+(?:period|full\s+stop)\s*$", "."),
    (r"\b(\d+|every|each|one|a)\s+rows?\b", lambda m: f"{m.group(1)} {'step' if m.group(1).lower() in ('every', 'each', 'one', 'a', '1') else 'steps'}"),
    (r"\b0x([0-9a-f]{1,3})\b", lambda m: str(int(m.group(1), 16))),
    (r"\s*\((?:f\d{1,2}|ctrl[\w+-]*|cmd[\w+-]*|space(?:bar)?|enter|esc)\)", ""),
    # a phone's autocorrect: 'add some revert', 'more residence', 'hats chants 50', 'snare to the lest', 'a little nit'
    (r"\b(some|more|less|the|a|add|no|of)\s+revert\b", r"\1 reverb"), (r"\b(some|more|less|the|no)\s+residence\b", r"\1 resonance"),
    (r"\bchants\s+(?=\d)", "chance "), (r"\b(to\s+the|hard|far)\s+lest\b", r"\1 left"), (r"\b(a\s+(?:little|tiny)|a)\s+nit\b", r"\1 bit"),
    (r"\b(on\s+the|the|a)\s+sign\b(?!\s+(?:of|up|in|off))", r"\1 sine"),
))


#: A tracker's notes ('C-4', 'A-1', 'F#3'), read so only where one is written past octave 1 ('c-1' alone is the octave
#: below 0, refused as such).
_TRACKER_NOTE = re.compile(r"\b([a-g])([-#])(\d)\b", re.I)
_TRACKER_LINE = re.compile(r"\b[a-g]-[2-9]\b", re.I)


def misheard(line: str) -> list[tuple[str, str]]:
    """[(the line as meant, how it was read)] when a dictation slip or a tracker's notation is in it, else []."""
    said = line
    for pattern, meant in _HEARD:
        said = pattern.sub(meant, said)
    if _TRACKER_LINE.search(said):
        said = _TRACKER_NOTE.sub(lambda m: m.group(1).lower() + m.group(2).replace("-", "") + m.group(3), said)
    return [(said, f"heard as '{said}'")] if said != line else []


__all__ = ["misheard"]
