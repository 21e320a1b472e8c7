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
from .mapper_note_tracks import BASS_BELOW, MAX_STEPS
from .patch_model import PatchModel

_ROOTS = r"(?:the\s+)?(?:chord\s+)?(?:roots?(?:\s+notes?)?|root\s+of\s+(?:each|every|the)\s+chords?|bass\s+notes\s+of\s+the\s+chords)"
_CHORDS = r"(?:the\s+)?(?:chords?|changes|progression|harmony)"
_PART = r"(?:the\s+|my\s+)?(?P<part>[\w-]+)"
_LEAD = r"^(?:(?:and|now|ok|okay|then)[\s,]+)?(?:(?:make|have|let|get)\s+)?"
_TAIL = r"(?:\s+(?:too|as\s+well|please|pls|now))*[\s.!]*$"
_FORMS = [re.compile(_LEAD + _PART + rf"(?:\s*[:,]\s*|\s+(?:to\s+)?(?:plays?|playing|take|takes|on|just\s+plays?)\s+)(?:just\s+|only\s+)?{_ROOTS}" + _TAIL, re.I),
          re.compile(_LEAD + _PART + rf"\s+(?:to\s+)?(?:follows?|following|tracks?|locks?\s+to|goes\s+with|sticks?\s+to)\s+(?:{_ROOTS}|{_CHORDS})" + _TAIL, re.I),
          re.compile(rf"^(?:(?:play|put|give\s+me)\s+)?{_ROOTS}\s+(?:on|for|in)\s+" + _PART + _TAIL, re.I)]
#: Where the roots sit with no line to go by: around E2, the bass register (b1 … a2).
_REGISTER = 40


def bass_roots(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a part told to play the chords' roots; None for any
    other line; LanguageError when there are no chords to follow, or the part is a drum, a melody or an arpeggio."""
    match = next((m for form in _FORMS if (m := form.match(line.strip()))), None)
    if match is None:
        return None
    said = match["part"].lower()
    module = model.focus if said in ("it", "this", "that") else part_named(said)
    if module is None:
        return None
    chords = model.chord_track
    if chords is None:
        raise LanguageError(f"the {said} follows the chords: there are none playing yet — say them first, e.g. "
                            f"'chords am f c g on the pad', then '{said} plays the roots'", match.start("part"))
    voice = model.voice_of(module) or [module]
    own = next((name for name, t in model.tracks.items() if t.target in voice), None)
    _a_bass_line(model, said, voice, own, chords, match.start("part"))
    pitched = [p for n in (model.tracks[own].notes if own else ()) for p in (token_pitches(n) or ())]
    roots = _roots_each_step(chords, sum(pitched) / len(pitched) if pitched else _REGISTER)
    if own is not None:                                      # its rhythm kept: each hit takes the chord's root then
        track = model.tracks[own]
        tokens = list(track.notes) or ["x"]
        length = math.lcm(len(track.pattern), len(tokens), len(roots))
        if length > MAX_STEPS:
            raise LanguageError(f"the {said}'s rhythm and the chords line up only after {length} steps: a track holds "
                                f"at most {MAX_STEPS}", match.start("part"))
        notes = [str(tokens[step % len(tokens)]) if str(tokens[step % len(tokens)]) in (".", "-") else
                 roots[step % len(roots)] for step in range(length)]
    else:                                                    # each root held as long as its chord
        notes = [roots[step] for step, hit in enumerate(chords.pattern) if hit in "xX"]
    changes = [n for i, n in enumerate(notes) if n not in (".", "-") and n != next(
        (m for m in reversed(notes[:i]) if m not in (".", "-")), None)]
    return f"{said} plays the chords' roots: {' '.join(changes)}", f"{said} notes {' '.join(notes)}"


def _a_bass_line(model: PatchModel, said: str, voice, own: str | None, chords, column: int) -> None:
    """The roots go to a voice with a pitch that plays no chords, no tune and no arpeggio (its line is replaced)."""
    spec = model.spec(voice[0]) if voice[0] in model.modules else None
    if spec is None or spec.role != "source" or not spec.has_param("freq"):
        raise LanguageError(f"the {said} plays no notes: the roots go to a voice, e.g. 'add a saw called bass', then "
                            f"'bass follows the chords'", column)
    if chords.target in voice:
        raise LanguageError(f"the {said} plays the chords itself: give the roots to another voice, e.g. 'add a saw "
                            f"called bass', then 'bass plays the roots'", column)
    notes = model.tracks[own].notes if own else ()
    high = [p for n in notes for p in (token_pitches(n) or ()) if p >= BASS_BELOW]
    if own in model.arpeggios or len(high) >= 2:
        raise LanguageError(f"the {said} plays a line of its own ({' '.join(str(n) for n in notes[:4] if n not in '.-')} "
                            f"…): its roots would replace it — say '{said} notes …' for a new one", column)


def _roots_each_step(track, register: float) -> list[str]:
    """The root (near `register`) of the chord sounding at each step of the chord track, each chord from the bar line
    its span starts in (chords struck on the offbeats change at the bar, not at their first hit)."""
    steps = len(track.pattern)
    tokens = [str(track.notes[step % len(track.notes)]) if track.notes else "-" for step in range(steps)]
    starts = [i for i, token in enumerate(tokens) if token not in ("-", ".") and token_pitches(token)]
    if not starts:
        return ["-"] * steps
    grid = math.gcd(steps, *(b - a for a, b in zip(starts, starts[1:])))
    late = starts[0] % grid if grid > 1 and all(s % grid == starts[0] % grid for s in starts) else 0
    roots = []
    for step in range(steps):
        chord = tokens[max((s for s in starts if s - late <= step), default=starts[-1])]
        pitches = token_pitches(chord)
        found = analyse(pitches)
        roots.append(name(nearest(found[0] if found else min(pitches) % 12, register)))
    return roots


__all__ = ["bass_roots"]
