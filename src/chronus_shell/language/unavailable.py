"""What the shell cannot do, said with what it can do nearby: a refused line that asks for sidechain
ducking, a render to a file, strumming, a drum the kit has no sound of, or a whole backing written for
you gets one helpful line, not a lookalike word ('duck' is no euclid rhythm, 'ride' is not 'wide'); the
words said as something else are not caught ('let it ride', 'mute the backing').
Read only for a line every other reading refused (refusal_wording.with_nearest)."""
from __future__ import annotations

import re

#: (what the line asks for, the line that answers it). First match wins.
NOT_HERE = (
    (r"\b(?:duck(?:s|ed|ing)?|side[- ]?chain(?:s|ed|ing)?|sidechain)\b",
     "no sidechain ducking yet — nearby: the part quieter ('bass -3 db'), or an LFO on its level "
     "('lfo on the bass gain at 2 hz')"),
    (r"\b(?:render(?:s|ed|ing)?|export|mix\s?down)\b|\bbounce\s+(?:it\s+|the\s+\w+\s+)?(?:down|out|to)\b",
     "render a script to a file outside the shell: `chronus render SCRIPT -o out.wav`; in the shell, "
     "'record to take1.wav' writes what plays (then 'stop recording')"),
    (r"\bstrum(?:s|med|ming)?\b",
     "no strumming: a chord's notes start together — nearby: an arpeggio ('arpeggiate the chords')"),
    (r"\b(?:an?|the|some|my)\s+(?:ride|splash|china|crash)\b|\b(?:ride|splash|china|crash)\s+(?:cymbals?|bell|on)\b|"
     r"\b(?:cymbals?|toms?|floor\s+tom|rim\s?shots?|cowbell|"
     r"congas?|bongos?|tambourine|timbales?)\b",
     "the kit here is kick, snare and hat (the hat plays cymbal parts) — e.g. 'hats on every beat', "
     "'hats decay 300' for an open sound"),
    (r"\b(?:write|make|give|add|create|play|generate|need|want|build)\b.*\b(?:backing|accompaniment)\b|"   # asked for,
     r"\b(?:arrange(?:ment)?|compose|a\s+(?:whole|full|complete)\s+(?:song|track|beat))\b",              # not 'the backing' that plays
     "I don't write whole parts: build it a line at a time, e.g. 'kick on every beat', 'add a saw', "
     "'play Am F C G on the saw'"),
)
_NOT_HERE = tuple((re.compile(pattern, re.I), said) for pattern, said in NOT_HERE)


def not_here(line: str) -> str | None:
    """The one line for something the shell cannot do that `line` asks for, or None."""
    return next((said for pattern, said in _NOT_HERE if pattern.search(line)), None)


__all__ = ["not_here", "NOT_HERE"]
