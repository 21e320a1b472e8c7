"""The notes of a sequencer track, one token a step: a note (`a2`, `c#3`, Hz), a chord (pitches
joined by `+`: `a3+c4+e4`), `-` (hold the note before) or `.` (a rest: the step does not play).
Octaves are always explicit here; notes without one are the language's business."""
from __future__ import annotations

from .notes import is_note, note_to_hz
from .params import ParamError

REST = "."
HOLD = None
MAX_CHORD = 16          # a voice plays at most this many notes at once (engine/poly.py)

Step = float | tuple | str | None


def parse_pitch(text: str, token: str) -> float:
    """One pitch of a step: a note name or Hz (20–20000)."""
    if is_note(text):
        return note_to_hz(text)
    try:
        hz = float(text)
    except ValueError:
        raise ParamError(f"{token!r} is not a note: use a name like a2, c#3, eb4, a number in Hz, a chord "
                         "like a3+c4+e4, - (hold) or . (rest)") from None
    if not 20 <= hz <= 20000:
        raise ParamError(f"note {hz:g} Hz is out of range 20–20000")
    return hz


def parse_step(arg) -> Step:
    """A step token → Hz, a tuple of Hz (a chord), HOLD or REST."""
    if isinstance(arg, (list, tuple)):          # a chord as a session saves it
        arg = "+".join(str(p) for p in arg)
    text = str(arg).strip().lower()
    if text == "-":
        return HOLD
    if text == REST:
        return REST
    if "+" not in text:
        return parse_pitch(text, str(arg))
    pitches = tuple(parse_pitch(part, str(arg)) for part in text.split("+"))
    if len(pitches) > MAX_CHORD:
        raise ParamError(f"a chord has at most {MAX_CHORD} notes, {str(arg)[:40]!r} has {len(pitches)}")
    return pitches


def parse_notes(args) -> list[Step]:
    """Every step of a /seq/notes (after the track name)."""
    notes = [parse_step(arg) for arg in args]
    if not notes:
        raise ParamError("/seq/notes needs a track and at least one note")
    return notes


def chord_size(args) -> int:
    """The most notes any step plays at once (1 without chords); the args are already checked."""
    return max((len(step) for step in map(parse_step, args) if isinstance(step, tuple)), default=1)


def saved(step: Step):
    """A step as a session saves it: Hz, a list of Hz, '.' or '-' (JSON has no other way to say hold)."""
    return list(step) if isinstance(step, tuple) else "-" if step is HOLD else step
