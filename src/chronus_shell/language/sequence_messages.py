"""What several commands on one line send (Translator._sequence): a param set twice goes once, at
its last value; parts soloed together send only the net change of each mute; a complaint followed by
the change it asks for is its reason, not a second change; bare params said together go to the one module
that has them all."""
from __future__ import annotations

import re
from dataclasses import replace

from ..engine.catalogue import CATALOGUE
from ..engine.mini_notation import compile_pattern
from ..engine.params import ParamError
from ..protocol.message import Message
from .errors import LanguageError
from .intents import (AddModule, AddTo, BareValue, ChangeParam, Comparative, Drop, Modulate, PlayPattern, Scale, SetParam, Tempo,
                      Transpose, Word, Words)
from .units import canonical_unit
from .param_words import COMPARATIVES, LEVEL
from .patch_model import PatchModel
from .resolve import type_named
from .undo_steps import at_cancel


def last_settings(messages: list[Message]) -> list[Message]:
    """A param set twice on one line ('too clean, make it dirtier') is sent once, at its last value; so is a
    track's rhythm ('kick on every beat and the offbeats': the rhythm of both, once)."""
    settable = [_setting(m) for m in messages if _setting(m) is not None]
    if len(settable) == len(set(settable)):
        return messages
    kept, seen = [], set()
    for message in reversed(messages):
        key = _setting(message)
        if key is not None and key in seen:
            continue
        seen.add(key)
        kept.append(message)
    return kept[::-1]


def _setting(message: Message):
    """What a message sets that a later one on the line replaces whole (None: it adds to what is there)."""
    if message.address.startswith("/mod/") or message.address in ("/seq/bpm", "/seq/swing", "/seq/key"):
        return message.address
    if message.address in ("/seq/stop", "/seq/start") and not message.args:
        return message.address                        # 'Stop. Stop! Stop the music': one stop
    return ("/seq/add", message.args[0]) if message.address == "/seq/add" and message.args else None


def cues_taken_back(model: PatchModel, messages: list[Message]) -> list[Message]:
    """'at the next bar, mute the organ', then 'bring the organ back' before that bar: the cue is taken back first
    (/at/cancel: nothing if it has played), so the mute waiting never lands after the line that undid it."""
    taken = {what_it_sets(Message(str(m.args[0]), tuple(m.args[1:]))) for m in messages if m.address == "/at/cancel" and m.args}
    now = {what_it_sets(m) for m in messages if m.address not in ("/at", "/at/cancel")} - {None}
    cancels = [at_cancel(Message("/at", (0, "bar", cue.address, *cue.args))) for cue in model.cued
               if what_it_sets(cue) in now - taken]                  # (an undo takes its own cue back already)
    cued = [cue for cue in model.cued if what_it_sets(cue) not in now | taken] + \
        [Message(str(m.args[2]), tuple(m.args[3:])) for m in messages if m.address == "/at" and len(m.args) > 2]
    model.cued = tuple(cued[-_CUES_KEPT:])
    return cancels + messages


_CUES_KEPT = 32


def what_it_sets(message: Message) -> tuple | None:
    """The one setting a message sets, whatever its value: a param (set or ramped), a track's mute, notes or rhythm,
    a voice's gate, the tempo; None for what adds or joins (a module, an edge)."""
    if message.address.startswith(("/mod/", "/ramp/")):
        return ("param", *message.parts[1:3])
    if message.address in ("/seq/bpm", "/seq/swing"):
        return (message.address,)
    if message.address.startswith("/gate/"):
        return (message.address,)
    if message.address.startswith("/seq/") and message.args:
        return (message.address, message.args[0])
    return None


def _addresses(messages: list[Message]) -> list[str]:
    """Each message's address, a cue's own command's for an /at."""
    return [str(m.args[2]) if m.address == "/at" and len(m.args) > 2 else m.address for m in messages]


def changes_no_param(messages: list[Message]) -> bool:
    """The line changed the music (not a reply) but set no param, tempo or swing."""
    addresses = _addresses(messages)
    return any(not a.startswith("/shell/") for a in addresses) and not any(
        a.startswith(("/mod/", "/ramp/")) or a in ("/seq/bpm", "/seq/swing") for a in addresses)


def touches_a_module(messages: list[Message]) -> bool:
    return any(a.startswith(("/mod/", "/ramp/", "/gate/", "/patch/create", "/seq/add", "/seq/notes")) for a in _addresses(messages))


def chord_tracks(model: PatchModel) -> set[str]:
    """The tracks that play chords (a step of several notes)."""
    return {name for name, track in model.tracks.items() if any("+" in str(note) for note in track.notes)}


def single_notes_over(messages: list[Message], tracks: set[str]) -> bool:
    """Whether a line writes notes with no chord in them on one of `tracks` (a chord track's chords thrown away)."""
    return any(m.address == "/seq/notes" and m.args and m.args[0] in tracks and not any("+" in str(a) for a in m.args[1:])
               for m in messages)


def mutes(message: Message) -> bool:
    """A /seq/mute that mutes (now or for a while: '/seq/mute kick 1 2'), not one that unmutes."""
    return message.address == "/seq/mute" and len(message.args) > 1 and float(message.args[1]) != 0


def net_mutes(messages: list[Message], muted_before: dict[str, bool]) -> list[Message]:
    """Parts soloed together ('solo the kick and the bass'): a track muted by the first solo and
    heard again by the next gets no message, only the net change is sent."""
    last = {m.args[0]: m for m in messages if m.address == "/seq/mute" and len(m.args) == 2}
    if len(last) == sum(m.address == "/seq/mute" for m in messages):
        return messages
    return [m for m in messages if m.address != "/seq/mute" or len(m.args) != 2 or
            (last[m.args[0]] is m and bool(m.args[1]) != muted_before.get(m.args[0]))]



def reasons_left_out(items: tuple) -> tuple:
    """'it's too high, down a whole step', 'too fast, tempo 100': the complaint is the reason for the change
    said after it, not a second change (the chords moved twice). 'melody slower, half speed', 'the taksimi half
    speed, very slow', 'slower, half speed': a pace said with no part next to a part's pace (or to a factor) the same way
    says it again (the tempo was halved too)."""
    kept, named = [], None
    for i, item in enumerate(items):
        if isinstance(item, Comparative) and (item.complaint and any(_says_its_change(later) or _the_same_change(item, later)
                                                                      for later in items[i + 1:])
                                              or any(_pitch_step_after(item, later) for later in items[i + 1:])):
            named = item.ref if _named(item) else named      # ('the sine is too low, make it higher': 'it' is the sine)
            continue
        if _pace(item) and not _named(item) and any(_pace(other) == _pace(item) and (_named(other) or _more_exact(other, item))
                                                    for other in items if other is not item):
            continue
        if i and _its_length(items[i - 1], item):
            continue                                  # 'x..x..x..x.., 12 steps': the pattern's length said again
        if kept and isinstance(item, BareValue) and _takes_a_value(kept[-1]):
            kept[-1] = replace(kept[-1], value=item.value)     # 'delay on the melody, 1 beat': the delay's time
            continue
        pronoun = getattr(item, "ref", None) is not None and item.ref.texts in (("it",), ("that",), ("this",))
        kept.append(replace(item, ref=named) if named is not None and pronoun else item)
    return tuple(kept)


def _takes_a_value(item) -> bool:
    """An effect put on a part with no value of its own ('delay on the melody', 'put delay on melody'): a bare value
    said next is its setting (so one already there is set, never a second one added for it)."""
    kind = type_named(item.type_name.texts) if isinstance(item, AddTo) else None
    return isinstance(item, Modulate) and item.value is None and not item.new or \
        kind is not None and CATALOGUE[kind].spec.role == "processor" and item.move and item.value is None and \
        item.param is None           # ('put the pad into the delay, 0.5': a part routed — the value is the delay's own)


def _its_length(before, item) -> bool:
    """A count of steps said right after a pattern (a bare value, not a time of anything): its length, checked."""
    if not (isinstance(before, PlayPattern) and isinstance(item, BareValue) and item.value.unit
            and canonical_unit(item.value.unit)[0] == "steps" and item.value.number is not None):
        return False
    try:
        steps = compile_pattern(before.pattern).steps
    except ParamError:
        return False
    if steps != item.value.number:
        raise LanguageError(f"that pattern has {steps} steps, not {item.value.text}: one x or dot a step",
                            item.value.column)
    return True


def _pitch_step_after(comparative: Comparative, item) -> bool:
    """'bass more low, drop it an octave', 'higher, up a fifth': the steps of 'it' say how far the pitch word
    went (one move, never two)."""
    direction, names = COMPARATIVES.get(re.sub(r"[\s-]+", "-", comparative.word), (0, ()))
    if names != ("pitch",) or comparative.complaint:
        return False
    target = item.target if isinstance(item, Drop) else getattr(item, "ref", None)
    if target is not None and target.texts not in (("it",), ("that",), ("this",)):
        return False
    steps = getattr(getattr(item, "amount", None), "unit", None) or ""
    moved = -1 if isinstance(item, Drop) else getattr(item, "direction", 0)
    return isinstance(item, (Drop, Transpose, ChangeParam)) and moved == direction and \
        any(w in steps for w in ("step", "semitone", "octave", "tone", "fifth", "fourth", "third"))


def _more_exact(other, item) -> bool:
    """'slower, half speed': the factor says how much the comparative only hinted."""
    return isinstance(other, Scale) and isinstance(item, Comparative)


_ADVERBS = frozenset("very much way a bit lot even really so too".split())


def _pace(item) -> int:
    """+1 / -1 for a change of pace faster / slower ('half speed', 'slower'), else 0."""
    if isinstance(item, Scale) and item.feel:
        return 1 if item.factor > 1 else -1 if item.factor < 1 else 0
    if isinstance(item, Comparative) and not item.complaint:
        direction, names = COMPARATIVES.get(re.sub(r"[\s-]+", "-", item.word), (0, ()))
        return direction if "@tempo" in names else 0
    return 0


def _named(item) -> bool:
    """The change names a part (not 'it', not only an adverb parsed as its target: 'very slow')."""
    return item.ref is not None and not set(item.ref.texts) <= _ADVERBS | {"it", "that", "this"}


def _the_same_change(complaint: Comparative, item) -> bool:
    """'too fast, slow it down', 'too bright, make it darker', 'too loud, turn it down': the change the complaint asks for."""
    pronoun = (("it",), ("that",), ("this",))
    if complaint.ref is not None and complaint.ref.texts not in pronoun and \
            not (getattr(item, "ref", None) is not None and item.ref.texts in pronoun):
        return False                              # ('the triangle sounds too loud, turn it down': 'it' is the part named)
    direction, names = COMPARATIVES[re.sub(r"[\s-]+", "-", complaint.word)]
    if isinstance(item, Comparative) and not item.complaint:
        return COMPARATIVES.get(re.sub(r"[\s-]+", "-", item.word)) == (direction, names)
    return isinstance(item, ChangeParam) and item.amount is None and item.direction == direction and names == LEVEL \
        and (item.ref is None or item.ref.texts in pronoun)


def _says_its_change(item) -> bool:
    """A change that says what it moves: a param or part named, a value set, or a move in steps (a transposition)."""
    if isinstance(item, (SetParam, Scale, Transpose, Tempo)):
        return True
    if isinstance(item, Comparative) and item.complaint:
        return False                              # 'kick and snare too quiet': each its own complaint
    if isinstance(item, (ChangeParam, Comparative)) and item.ref is not None and item.ref.texts not in (("it",), ("that",), ("this",)):
        return True
    unit = getattr(getattr(item, "amount", None), "unit", None) or ""
    return isinstance(item, ChangeParam) and any(w in unit for w in ("step", "semitone", "octave", "tone"))


def _owns_all(item, names: set[str]) -> bool:
    """A module added earlier on the line that has every one of the params ('add an lfo, rate …, depth …')."""
    if not isinstance(item, (AddTo, AddModule)):
        return False
    kind = type_named(item.type_name.texts)
    return kind in CATALOGUE and all(CATALOGUE[kind].spec.has_param(n) for n in names)


def one_owner(items: tuple, model: PatchModel) -> tuple:
    """'decay 80ms, sustain 0': bare params said together go to the one module that has them all
    (the envelope, not the acid filter that has a decay too); as said when none or several have them."""
    bare = [i for i, item in enumerate(items) if isinstance(item, SetParam) and model.spec(item.ref.texts[0]) is None]
    names = {"_".join(items[i].ref.texts) for i in bare}
    if len(names) < 2 or any(_owns_all(item, names) for item in items[:bare[0]]):
        return items                  # ('add an lfo to the saw, rate 0.5 hz, depth 0.3': the new one's, said to it)
    owners = [m for m in model.modules if all(model.spec(m).has_param(n) for n in names)]
    if len(owners) != 1:
        return items
    owner = Word(owners[0], items[bare[0]].ref.column)
    return tuple(replace(item, ref=Words((owner, *item.ref.items))) if i in bare else item for i, item in enumerate(items))


__all__ = ["mutes", "reasons_left_out", "last_settings", "changes_no_param", "chord_tracks", "single_notes_over", "cues_taken_back", "net_mutes", "one_owner",
           "touches_a_module", "what_it_sets"]
