"""A part told to play the chords' roots: 'the bass plays the roots', 'bass follows the chords', 'have the bass
play the root of each chord', 'root notes on the bass'. The roots come from the chord track as it plays now (each
chord's root, not its lowest note: an inversion keeps its root), low in the bass register; a part that plays
already keeps its rhythm and each hit takes the root of the chord sounding then, else each root is held as long as
its chord. Said with no chord track, or of a part that is not there, it is refused with the line that gives one.
"""
from __future__ import annotations

import math
import re

from .chords import analyse, name, nearest, token_pitches
from .errors import LanguageError
from .mapper_note_tracks import MAX_STEPS
from .patch_model import PatchModel

_ROOTS = r"(?:the\s+)?(?:chord\s+)?(?:roots?(?:\s+notes?)?|root\s+of\s+(?:each|every|the)\s+chords?|bass\s+notes\s+of\s+the\s+chords)"
_CHORDS = r"(?:the\s+)?(?:chords?|changes|progression|harmony)"
_PART = r"(?:the\s+|my\s+)?(?P<part>[\w-]+)"
_LEAD = r"^(?:(?:and|now|ok|okay|then)[\s,]+)?(?:(?:make|have|let|get)\s+)?"
_TAIL = r"(?:\s+(?:too|as\s+well|please|pls|now))*[\s.!]*$"
_FORMS = [re.compile(_LEAD + _PART + rf"(?:\s*[:,]\s*|\s+(?:to\s+)?(?:plays?|playing|take|takes|on|just\s+plays?)\s+)(?:just\s+|only\s+)?{_ROOTS}" + _TAIL, re.I),
          re.compile(_LEAD + _PART + rf"\s+(?:to\s+)?(?:follows?|following|tracks?|locks?\s+to|goes\s+with|sticks?\s+to)\s+{_CHORDS}" + _TAIL, re.I),
          re.compile(rf"^(?:(?:play|put|give\s+me)\s+)?{_ROOTS}\s+(?:on|for|in)\s+" + _PART + _TAIL, re.I)]
#: Where the roots sit: around E2, the bass register (b1 … a2).
_REGISTER = 40


def bass_roots(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a part told to play the chords' roots; None for any
    other line; LanguageError when there are no chords to follow."""
    match = next((m for form in _FORMS if (m := form.match(line.strip()))), None)
    if match is None:
        return None
    said = match["part"].lower()
    module = model.focus if said in ("it", "this", "that") else part_named(said)
    if module is None:
        return None
    chords = _chord_track(model)
    if chords is None:
        raise LanguageError(f"the {said} follows the chords: there are none playing yet — say them first, e.g. "
                            f"'chords am f c g on the pad', then '{said} plays the roots'", match.start("part"))
    voice = model.voice_of(module)
    if chords.target in voice:
        raise LanguageError(f"the {said} plays the chords itself: give the roots to another voice, e.g. 'add a saw "
                            f"called bass', then 'bass plays the roots'", match.start("part"))
    own = next((t for t in model.tracks.values() if t.target in voice), None)
    roots = _roots_each_step(chords)
    if own is not None:                                      # its own rhythm: each hit takes the chord's root then
        length = math.lcm(len(own.pattern), len(roots))
        if length > MAX_STEPS:
            raise LanguageError(f"the {said}'s rhythm and the chords line up only after {length} steps: a track holds "
                                f"at most {MAX_STEPS}", match.start("part"))
        notes = [roots[step % len(roots)] for step in range(length)]
    else:                                                    # each root held as long as its chord
        notes = [roots[step] for step, hit in enumerate(chords.pattern) if hit in "xX"]
    changes = [n for i, n in enumerate(notes) if i == 0 or n != notes[i - 1]]
    return f"{said} plays the chords' roots: {' '.join(changes)}", f"{said} notes {' '.join(notes)}"


def _chord_track(model: PatchModel):
    """The track that plays the chords now, else None."""
    last = model.last_chord
    return model.tracks.get(last[1]) if last and last[0] == "track" else None


def _roots_each_step(track) -> list[str]:
    """The root (as a low note) of the chord sounding at each step of the chord track."""
    roots, current = [], None
    for step in range(len(track.pattern)):
        token = str(track.notes[step % len(track.notes)]) if track.notes else "-"
        pitches = token_pitches(token) if token not in ("-", ".") else None
        if pitches:
            found = analyse(pitches)
            current = name(nearest(found[0] if found else min(pitches) % 12, _REGISTER))
        roots.append(current)
    return [root or current or "-" for root in roots]     # (before the first chord: the last one, as the loop plays)


__all__ = ["bass_roots"]
