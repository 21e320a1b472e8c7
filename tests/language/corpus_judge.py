"""How the musician corpus judges a case's messages against the ones expected (corpus_score.py's docstring says the
rules in words): an argument matched by value, relation, note or chord; the messages a phrase may send besides the ones
expected (wiring, replies, bookkeeping, a new module's settings, the drones a stop or a mute silences and a start gives
back, a held chord's track muted…)."""
from __future__ import annotations

import math
import re

from chronus_shell.engine.catalogue import CATALOGUE
from chronus_shell.engine.scales import pitch_class
from chronus_shell.language.units import is_note, note_name, note_to_hz
from chronus_shell.protocol.message import Message
from chronus_shell.session.snapshot import said_forms

#: Wiring: how a sound is placed, not what it plays.
WIRING = ("/patch/connect", "/patch/disconnect", "/patch/begin", "/patch/commit")
#: The shell answering (a value, help, a list): no change to the music.
REPLIES = ("/shell/show", "/shell/help", "/shell/list")
#: Bookkeeping the sequencer keeps for the language (a capo's fret), and room for a chord's notes (a voice made to
#: play as many at once): no sound of their own; the notes are checked.
BOOKKEEPING = ("/seq/capo", "/patch/poly")
#: A last argument the protocol takes by default (docs/protocol.md): said or not, the same message.
DEFAULT_LAST = {"/seq/reverse": 1}
#: Messages whose last argument the protocol makes optional ('[path]': the shell names the take).
OPTIONAL_LAST = ("/record/start",)
#: Messages whose first argument is a session's name.
SESSION_NAMED = ("/session/load", "/session/save")


def _same_arg(expected, actual, before) -> bool:
    if expected == "*":
        return True
    if expected in (">", "<"):
        if not isinstance(actual, (int, float)) or not isinstance(before, (int, float)):
            return False
        return actual > before if expected == ">" else actual < before
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if not isinstance(actual, (int, float)):
            return False
        return abs(actual - expected) <= 0.01 * max(abs(expected), 1e-9) or actual == expected
    if isinstance(expected, str) and isinstance(actual, str):
        if "+" in expected or "+" in actual:
            return _chord_classes(expected) == _chord_classes(actual)
        if is_note(expected) and is_note(actual):
            return _same_note(expected, actual)
        squash = str.maketrans("", "", " |")
        if "-" in actual and re.fullmatch(r"[xX. |]+", expected) and re.fullmatch(r"[xX.\- |]+", actual):
            actual = actual.replace("-", ".")                 # a held step is no new hit: the same hits
        if actual.lower().endswith(".wav") and not expected.lower().endswith(".wav"):
            actual = actual[:-4]                          # a take named 'jam1' is written as jam1.wav
        return expected.lower().translate(squash) == actual.lower().translate(squash)
    return False


def _same_note(expected: str, actual: str) -> bool:
    """bb1 is a#1 (the same key); a note without an octave by its name."""
    try:
        return abs(note_to_hz(expected) - note_to_hz(actual)) < 0.01
    except ValueError:
        return note_name(expected) == note_name(actual)


def _chord_classes(token: str) -> frozenset | None:
    """'a3+c4+e4' → {9, 0, 4}; None when a part is not a note."""
    parts = token.lower().split("+")
    if not all(is_note(p) for p in parts):
        return None
    return frozenset(pitch_class(note_name(p).rstrip("-0123456789")) for p in parts)


def _hz_classes(values) -> frozenset | None:
    if not all(isinstance(v, (int, float)) and v > 0 for v in values):
        return None
    return frozenset((round(12 * math.log2(v / 440.0)) + 9) % 12 for v in values)   # C = 0


def _matches(expected: list, message: Message, before) -> bool:
    address, *args = expected
    if address == message.address == "/seq/notes":       # '-' holds a step's chord: not a new note
        args, message = [a for a in args if a != "-"], Message(address, tuple(a for a in message.args if a != "-"))
    if address != message.address:
        return False
    actual = list(message.args)
    if address == "/at" and args[1:] == [("bar"), "/seq/stop"] and actual[1:] == ["beat", "/seq/stop"] and \
            isinstance(args[0], (int, float)) and float(actual[0]) == 4 * float(args[0]):
        return True                                       # a stop when a fade of N bars has ended: 4N beats on
    if address == "/at" and len(args) > 5 and len(actual) > 5 and str(args[2]).startswith("/gate/"):   # a timed chord
        return _matches(args[2:], Message(str(actual[2]), tuple(actual[3:])), before) and \
            all(_same_arg(e, a, before) for e, a in zip(args[:2], actual[:2]))
    if address.startswith("/gate/") and len(args) > 2 and len(actual) > 2:
        return _same_arg(args[0], actual[0], before) and _hz_classes(args[1:]) == _hz_classes(actual[1:])
    if actual and actual[-1] == "now" and len(actual) == len(args) + 1:
        actual = actual[:-1]                              # "/seq/add … now": the same track
    if address == "/seq/swing" and len(actual) == len(args) + 1 == 2 and actual[-1] in (8, 16):
        actual = actual[:-1]                              # the note value swung: the one the tracks play
    if (address.startswith("/ramp/") and len(actual) + 1 == len(args) == 3 or address in OPTIONAL_LAST) and \
            len(actual) + 1 == len(args) and args[-1] == "*":
        args = args[:-1]                                  # a ramp's curve, a take's path are optional (docs/protocol.md):
        #                                                   'any' is none too
    if address in DEFAULT_LAST and len(actual) + 1 == len(args) and args[-1] == DEFAULT_LAST[address]:
        actual = actual + [args[-1]]                      # '/seq/reverse snare' is '/seq/reverse snare 1'
    if address in SESSION_NAMED and len(actual) >= 1 and len(args) >= 1 and isinstance(args[0], str):
        forms, meant = said_forms(str(actual[0])), said_forms(args[0])[1]
        if meant not in (forms if address == "/session/load" else forms[1:2]):
            return False                                  # found another way by the session layer (a save: as said)
        args, actual = args[1:], actual[1:]
    if address == "/seq/notes" and len(actual) != len(args) and len(actual) > 1 and len(args) > 1:
        args, actual = _repeated(args, actual)        # a list said once or written out again: the sequencer cycles it
    if len(actual) != len(args):
        return False
    return all(_same_arg(e, a, before) for e, a in zip(args, actual))


def _repeated(args: list, actual: list) -> tuple[list, list]:
    """A track's notes and the same list gone round whole (the first argument, the track, said once): the longer's
    notes as often as they fit from the shorter's, so each is compared step for step; else both as they were."""
    short, long = (args, actual) if len(args) < len(actual) else (actual, args)
    notes = len(short) - 1
    if notes <= 0 or (len(long) - 1) % notes:
        return args, actual
    grown = short[:1] + short[1:] * ((len(long) - 1) // notes)
    return (grown, actual) if short is args else (args, grown)


def judge(expected: list[list], produced: list[Message], befores: dict, is_undo: bool,
          voices: dict[str, str] | None = None, rhythms: dict[str, str] | None = None) -> bool:
    """Every expected message matched once; everything else only wiring, a new module's setting, the
    pitch of a voice whose notes were expected to move (`voices`: track → the voice it plays), or a track's
    rhythm written again as it was, repeated (`rhythms`: track → pattern; notes are per step, so new notes
    a hit each of a rhythm may need it longer)."""
    left = list(range(len(produced)))
    moved = {(voices or {}).get(str(m[1])) for m in expected if m[0] == "/seq/notes" and len(m) > 1}
    if any(m[0] == "/seq/notes" and len(m) > 1 and m[1] == "*" for m in expected):     # any track: the ones given notes
        moved |= {(voices or {}).get(str(p.args[0])) for p in produced if p.address == "/seq/notes" and p.args}
    for wanted in expected:
        if wanted[0] == "/shell/undo":
            if not is_undo:
                return False
            left = []
            continue
        before = befores.get((wanted[0], wanted[1]) if len(wanted) > 1 else wanted[0], befores.get(wanted[0]))
        hit = next((i for i in left if _matches(wanted, produced[i], before)), None)
        if hit is None:
            return False
        left.remove(hit)
    created = {m.args[0] for m in produced if m.address == "/patch/create"}
    stopped = any(m.address == "/seq/stop" or m.address == "/at" and len(m.args) > 2 and str(m.args[2]) == "/seq/stop"
                  for m in produced)
    started = any(m.address in ("/seq/start", "/seq/continue") for m in produced)
    mutes = [_inner(m) for m in produced if _inner(m).address == "/seq/mute"]      # now or timed ('/at 2 bar …')
    muted = {(voices or {}).get(str(m.args[0])) for m in mutes if len(m.args) > 1 and str(m.args[1]) not in ("0", "0.0")}
    unmuted = {(voices or {}).get(str(m.args[0])) for m in mutes if len(m.args) > 1 and str(m.args[1]) in ("0", "0.0")}
    muted_for_a_while = {(voices or {}).get(str(m.args[0])) for m in produced if m.address == "/seq/mute" and len(m.args) > 2} - {None}
    faded = {float(m.args[1]) for m in produced if m.address == "/ramp/master/gain" and len(m.args) > 1
             and float(m.args[0]) <= -60}
    for i in left:
        message = produced[i]
        if message.address in WIRING or message.address in REPLIES or message.address in BOOKKEEPING:
            continue
        if _stop_after(message, faded):
            continue                               # a stop once the music has faded to nothing: nothing more is heard
        if stopped and _silenced(message):
            continue                               # a stop silences the drones the transport does not (docs/commands.md)
        if started and message.address == "/at/cancel" and _silenced(Message(str(message.args[0]), tuple(message.args[1:]))):
            continue                               # a start takes back the silencing a stop at the bar still had queued
        if started and message.address.startswith("/mod/") and message.parts[2] == "gain" and \
                (message.parts[1] in set((voices or {}).values()) or _a_source(message.parts[1])):
            continue                               # and a start gives the drones a stop silenced their level back
        if _silenced(message) and _inner(message).parts[1] in muted:
            continue                               # so does a mute the drone its track plays (docs/commands.md)
        if message.address.startswith("/mod/") and message.parts[1] in unmuted and message.parts[2] == "gain":
            continue                               # and an unmute gives that drone its level back
        if _back_with(message) in muted_for_a_while:
            continue                               # ... and, muted for a while, its level comes back with the track
        if message.address == "/seq/mute" and message.args[1:] == (1,) and \
                f"/gate/{(voices or {}).get(str(message.args[0]))}" in {m.address for m in produced if m.args[:1] == (1,)}:
            continue                               # a chord held on a part: its track muted, or its next note ends it
        if _fade_in_start(message, produced):
            continue                               # a fade-in starts from silence: the ramp expected goes up from there
        if message.address.startswith("/mod/") and message.parts[1] in created:
            continue
        if message.address.startswith("/mod/") and message.parts[1] in moved and message.parts[2] == "freq":
            continue                               # a transposed voice's oscillator moves with its notes
        if _same_rhythm(message, voices or {}, rhythms or {}):
            continue
        if _notes_on_the_new_hits(message, produced, rhythms or {}):
            continue                               # a new rhythm's hits each given the note of its span
        return False
    return True


def _notes_on_the_new_hits(message: Message, produced: list[Message], rhythms: dict[str, str]) -> bool:
    """'/seq/notes valse . . . . C . . . C . C .' beside the '/seq/add valse saw1 ....x...x.x.' expected, the track
    playing notes a hit each before: a note on each new hit, a rest elsewhere (left as they were, the rests under
    the moved hits would silence them)."""
    if message.address != "/seq/notes" or len(message.args) < 2 or str(message.args[0]) not in rhythms:
        return False
    track, notes = str(message.args[0]), [str(arg) for arg in message.args[1:]]
    added = [str(m.args[2]) for m in produced if m.address == "/seq/add" and len(m.args) > 2 and str(m.args[0]) == track]
    return bool(added) and len(added[-1]) == len(notes) and "-" not in notes and \
        all((note != ".") == (hit in "xX") for note, hit in zip(notes, added[-1]))


def _fade_in_start(message: Message, produced: list[Message]) -> bool:
    """'/mod/triangle1/gain 0' (the master at −60 dB or under) just before a '/ramp/triangle1/gain' up: where it fades in from."""
    if not (message.address.startswith("/mod/") and message.address.endswith("/gain") and message.args):
        return False
    silent = float(message.args[0]) <= (-60 if message.parts[1] == "master" else 0)
    ramp = "/ramp/" + message.address.removeprefix("/mod/")
    return silent and any(m.address == ramp and m.args and float(m.args[0]) > float(message.args[0])
                          for m in produced[produced.index(message) + 1:])


def _a_source(module_id: str) -> bool:
    """An oscillator of the catalogue ('triangle1'): a drone when nothing gates it."""
    kind = CATALOGUE.get(module_id.rstrip("0123456789"))
    return kind is not None and kind.spec.role == "source"


def _inner(message: Message) -> Message:
    """The message an '/at' carries ('/at 2 bar /mod/triangle1/gain 0' → '/mod/triangle1/gain 0'), else the message."""
    args = message.args
    return Message(str(args[2]), tuple(args[3:])) if message.address == "/at" and len(args) > 2 else message


def _stop_after(message: Message, faded: set[float]) -> bool:
    """'/at 32 beat /seq/stop' when the master fades out over those 32 beats ('end it, fade out 8 bars')."""
    args = list(message.args)
    return message.address == "/at" and len(args) == 3 and args[1] == "beat" and str(args[2]) == "/seq/stop" \
        and float(args[0]) in faded


def _same_rhythm(message: Message, voices: dict, rhythms: dict) -> bool:
    if message.address != "/seq/add" or len(message.args) < 3 or str(message.args[0]) not in rhythms:
        return False
    track, target, pattern = (str(a) for a in message.args[:3])
    return voices.get(track) == target and _cycle(pattern) == _cycle(rhythms[track])


def _cycle(pattern: str) -> str:
    return next(pattern[:n] for n in range(1, len(pattern) + 1)
                if len(pattern) % n == 0 and pattern[:n] * (len(pattern) // n) == pattern)


def _back_with(message: Message) -> str | None:
    """The voice whose level a timed line sets again later ('/at 9 beat /mod/sine1/gain 0.5'), else None."""
    inner = str(message.args[2]) if message.address == "/at" and len(message.args) == 4 else ""
    return inner.split("/")[2] if inner.startswith("/mod/") and inner.endswith("/gain") else None


def _silenced(message: Message) -> bool:
    """A level set to nothing, now or at a time ('/at 1 bar /mod/sine1/gain 0')."""
    address, args = message.address, list(message.args)
    if address == "/at" and len(args) > 3:
        address, args = str(args[2]), args[3:]
    return address.startswith("/mod/") and address.endswith("/gain") and args == [0.0]


__all__ = ["judge"]
