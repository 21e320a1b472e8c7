"""The next chord said short while a voice holds one: 'change to B flat', 'switch it to C', 'now to G minor', 'then B
flat', 'A7, the dominant', 'now the dominant, A major' — the held voice plays that chord now, as the chord said alone
('Bb') does. Only while a chord is held (a gate of several notes) and that voice is in focus, and only a chord said
plainly: a part named ('change the triangle to an E'), anything after the chord but a harmonic function ('the
dominant'), a letter alone ('now a') or gone to ('go to b': a section) is left to the others.
A function said with a chord only names it: the chord said is the one played."""
from __future__ import annotations

import re

from .chords import Chord
from .harmony_solfege import solfege
from .lead_words import leading
from .patch_model import PatchModel

_LEAD = leading("next", "right")
#: What is changed: the chord, or the voice holding it said as 'it' / 'that'.
_VERB = r"(?P<verb>(?:change|switch)\s+(?:(?P<it>it|that|this)\s+|the\s+chord\s+|the\s+harmony\s+)?)?(?P<to>to\s+)?"
_CHORD = (r"(?P<root>[a-g])(?:\s*(?P<acc>flat|sharp|b|#|♭|♯)(?![a-z]))?"
          r"(?P<quality>(?:\s*(?:major|minor|maj|min|m|dim|aug|sus[24]|add9|[0-9]{1,2}|seventh|7th)(?![a-z]))*)(?:\s+chord)?")
_FUNCTION = (r"(?:the\s+)?(?:tonic|dominant|subdominant|supertonic|mediant|submediant|leading\s+tone|relative\s+(?:minor|major)|"
             r"(?:one|two|four|five|six)\s+chord|[iv]{1,3})")
#: A manner said after it ('now to A minor, slowly'): the chord at once, said so — a held chord cannot move over a time.
_MANNER = r"(?:\s*,?\s*(?P<manner>slowly|gently|softly|smoothly|gradually))?"
_CHANGE = re.compile(rf"^{_LEAD}{_VERB}(?P<named>{_FUNCTION}\s*,\s*(?:the\s+)?)?{_CHORD}(?P<function>\s*,\s*{_FUNCTION})?"
                     rf"{_MANNER}[\s.!]*$", re.I)


def held_chord_change(line: str, model: PatchModel) -> tuple[str, str] | None:
    """(what was understood, the chord alone) for the next chord said short while a voice holds one, else None."""
    held = model.last_chord
    if not held or held[0] != "gate" or held[1] not in model.modules:
        return None
    line = solfege(line)                              # ('ahora mi mayor': E major)
    match = _CHANGE.match(line.strip())
    if match is None or model.focus not in (None, held[1]):
        return None                                   # ('switch it to C' with another sound in focus: not the chord)
    if not (match["verb"] or match["to"] or match["acc"] or match["quality"].strip() or match["named"] or match["function"]):
        return None                                   # ('now a', 'and d', 'next b': a letter alone is no chord said)
    acc = (match["acc"] or "").lower()
    accidental = "b" if acc in ("flat", "b", "♭") else "#" if acc in ("sharp", "#", "♯") else ""
    chord = f"{match['root'].upper()}{accidental}{match['quality'].rstrip()}"
    symbol = Chord.parse(chord.strip())
    said = f"the next chord on {held[1]}: {chord.strip()}" + \
        (f"; '{match['manner'].lower()}': at once (a held chord cannot move over a time)" if match["manner"] else "")
    if symbol is None or match.start("root") == len(line) - len(line.lstrip()):
        return said, chord.strip()                    # ('a minor' alone: the key or the chord)
    return said, symbol.symbol.capitalize()           # ('G minor' alone names a key)


__all__ = ["held_chord_change"]
