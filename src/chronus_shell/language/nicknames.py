"""Nicknames of voices and parts: what a musician calls a part by the instrument it stands in for
('the pad', 'the organ', 'the lead', 'the sub', 'the guitar', the 808, a darbuka's doum and tek),
resolved against the patch as it is now. One table, read by the second stage, word order and harmony.
"""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .param_words import COMPARATIVES
from .patch_model import PatchModel
from .units import is_note, note_to_hz

#: Nicknames of voices: which source they mean in the patch as it is.
NICKNAMES = {"pad": "pad", "pads": "pad", "drone": "pad", "chords": "pad", "keys": "pad", "organ": "pad", "piano": "pad",
             "rhodes": "pad", "wurli": "pad", "ep": "pad", "strings": "pad",
             "lead": "high", "melody": "high", "beep": "high", "bleep": "high", "sub": "low", "flute": "high",
             "guitar": "driven", "guitars": "driven", "gtr": "driven",
             "808": "bass", "808s": "bass", "bassline": "bass", "tri": "triangle"}
#: Instruments by the role they play in a band, as musicians name the voice that stands in for them: the keyboards
#: that comp are the pad, the winds and strings that sing a line the highest voice, the low ones the lowest.
NICKNAMES.update({word: "pad" for word in ("harpsichord", "cembalo", "continuo", "clavinet", "clav", "harmonium",
                                           "accordion")})
#: Instruments that sing a line: the highest voice when there are two or more — never the one voice the bass line is
#: on ('trumpet notes c5 d5' with only the bass there would overwrite the bass line). ('recorder' is not here: a take.)
SINGERS = ("clarinet", "oboe", "sax", "saxophone", "trumpet", "piccolo", "chanter", "violin", "fiddle")
NICKNAMES.update({word: "high" for word in SINGERS})
NICKNAMES.update({word: "low" for word in ("tuba", "cello", "bassoon", "contrabass", "guitarron", "guitarrón")})
#: The kinds of source a nickname may mean (resolved by `nickname`); the other meanings are names as the language knows them.
NICKNAME_KINDS = ("pad", "high", "low", "driven")
#: Parts musicians name by an instrument the kit stands in for: the first of these the patch has (a
#: track, or the one module of that type) — the 808 is the bass line, else the kick; a shaker the hats;
#: a darbuka's doum (its low stroke) the kick, its tek (the high rim stroke) the snare; a clap the snare; the
#: world's drums by their register (below).
STAND_INS = {"808": ("bass", "kick"), "808s": ("bass", "kick"), "shaker": ("hats", "hat"), "shakers": ("hats", "hat"),
             "doum": ("kick",), "dum": ("kick",), "tek": ("snare",), "clap": ("snare",), "claps": ("snare",),
             # a dhol's bass head (dagga) and treble head (tilli), a davul or tapan, a stomp: the low drum and the
             # high one; a samba tamborim, a chocalho, a riq's jingles: the hats
             "dagga": ("kick",), "tilli": ("snare",), "tapan": ("kick",), "davul": ("kick",), "stomp": ("kick",),
             "stomps": ("kick",), "tamborim": ("hats", "hat"), "chocalho": ("hats", "hat"), "riq": ("hats", "hat"),
             "iron": ("hats", "hat"),       # soca's brake drum: the ticking part
             "hiss": ("noise",),            # a tape composer's hiss: the noise voice
             "cymbal": ("hats", "hat"), "cymbals": ("hats", "hat"),   # the kit's one cymbal (a ride or a crash is asked for)
             # a taiko ensemble's big drum (odaiko, nagado), its small tight one (shime), its hand cymbals
             # (chappa) and bell (kane); a tabla's low drum (bayan) and high one (dayan)
             "odaiko": ("kick",), "o-daiko": ("kick",), "nagado": ("kick",), "shime": ("snare",),
             "shime-daiko": ("snare",), "chappa": ("hats", "hat"), "kane": ("hats", "hat"), "bayan": ("kick",),
             "baya": ("kick",), "dayan": ("snare",)}


def nickname(word: str, model: PatchModel) -> str | None:
    """The source a nickname means now: 'pad' (the keys, the organ) → the voice playing chords, else
    the one with a reverb, else the oldest that plays no bass (never a noise; not a distorted one if there is
    another: an old driven bass is no pad), 'lead' → the highest, 'sub' → the lowest, 'guitar' → the one voice through a
    distortion; None if no single one."""
    labelled = next((model.labels[w] for w in _number_forms(word.lower()) if model.labels.get(w) in model.modules), None)
    if word.lower() != "bass" and labelled:           # ('bass' is the bass part's word, resolve.py) 'the triangle is the
        return labelled                               # keys': the triangle; 'a saw for the pads', then 'the pad': it
    if word.lower() in STAND_INS:
        return next(filter(None, (_part(name, model) for name in STAND_INS[word.lower()])), None)
    held = model.last_chord[1] if model.last_chord and model.last_chord[0] == "gate" else (model.last_pitch or (None,))[0]
    if word.lower() in ("drone", "drones") and held in model.modules and _named_otherwise(held, "pad", model):
        return held                                   # the voice holding its notes drones, whatever it is called
    kind = NICKNAMES.get(word.lower())
    if kind not in NICKNAME_KINDS:
        return None
    sources = [m for m, t in model.modules.items() if t in CATALOGUE and CATALOGUE[t].spec.role == "source"
               and not _named_otherwise(m, kind, model)]
    if not sources:
        return None
    if kind == "driven":
        driven = [s for s in sources if any(model.modules[m] == "distortion" for m in model.voice_of(s))]
        return driven[0] if len(driven) == 1 else None
    if kind == "pad":
        rest = [s for s in sources if model.modules[s] != "noise" and s not in _bass_voices(model)]   # (never a hiss)
        held = model.last_chord[1] if model.last_chord and model.last_chord[0] == "gate" else None   # (a chord held)
        chordal = [s for s in rest if s == held or any(t.target == s and any("+" in str(n) for n in t.notes)
                                                       for t in model.tracks.values())]
        wet = [s for s in rest if any(model.modules[m] == "reverb" for m in model.voice_of(s))]
        clean = [s for s in rest if not any(model.modules[m] == "distortion" for m in model.voice_of(s))]
        return (chordal or wet or clean or rest or [None])[0]
    pitched = sorted((float(model.value(s, "freq")), s) for s in sources if CATALOGUE[model.modules[s]].spec.has_param("freq"))
    if len(pitched) < 2 and kind != "low":
        bass = model.tracks.get("bass")
        if pitched and word.lower() in SINGERS and bass is not None and bass.target == pitched[0][1]:
            return None
        return pitched[0][1] if pitched else None
    return (pitched[-1] if kind == "high" else pitched[0])[1]


def _bass_voices(model: PatchModel) -> set[str]:
    """The voices a bass line plays on: the 'bass' track's, and any track's whose notes all lie below C3."""
    return {t.target for name, t in model.tracks.items() if name == "bass" or _low_line(t.notes)}


def _low_line(notes) -> bool:
    pitched = [n for step in notes for n in str(step).split("+") if is_note(n)]
    return bool(pitched) and all(note_to_hz(n) < 130.0 for n in pitched)


def _named_otherwise(source: str, kind: str, model: PatchModel) -> bool:
    """A voice the musician named for another part ('call the saw lead', 'the sine is my theremin'): no nickname of
    another kind is it ('fade out the pad' with only that lead faded the lead: trial)."""
    labels = [label for label, module in model.labels.items() if module == source]
    return bool(labels) and not any(NICKNAMES.get(label) == kind for label in labels)


#: Words before a nickname that make it a kind of sound, not a part named ('add a pad', 'add claps', 'more like an organ',
#: 'a crash cymbal').
_NOT_NAMING = ("a", "an", "another", "more", "less", "like", "some", "add", "create", "new", "ride", "crash", "splash", "china")


#: Words that are also the language's own ('chord the triangle: a3 c#4 e4', 'a C chord', 'chord: d f a'): a part only
#: after 'the' ('swell the chord in'), as the nickname they stand for.
_VERBS_TOO = {"chord": "chords"}


def _number_forms(word: str) -> tuple[str, ...]:
    """'pad' and 'pads': a part named in the plural is the same part said in the singular, and the other way."""
    return (word, word[:-1]) if word.endswith("s") and len(word) > 3 else (word, word + "s")


def named_here(word: str, before: str, model: PatchModel) -> str | None:
    """The part a line's word names by its nickname ('organ', "the odaiko's"), with its possessive; None when
    it is a name of the patch itself, follows an article (a kind of sound), or names no single part."""
    owner = word[:-2] if word.endswith("'s") else word
    if owner in model.modules or owner in model.tracks or before in _NOT_NAMING or \
            owner in _VERBS_TOO and before not in ("the", "that", "this"):
        return None
    named = nickname(_VERBS_TOO.get(owner, owner), model)
    return named + word[len(owner):] if named else None


def nicknamed_line(line: str, model: PatchModel) -> tuple[str, str] | None:
    """The line with every part named by its nickname said by its name ('odaiko deeper, it is a big drum' →
    'kick deeper, …'), and how it was read; None when it names none."""
    words, said, parts = line.split(" "), [], {}
    for index, word in enumerate(words):
        core = word.strip(",;:.!?").lower()
        named = named_here(core, words[index - 1].lower() if index else "", model) if core else None
        if named:
            start = word.lower().index(core)
            words[index] = word[:start] + named + word[start + len(core):]
            said.append(f"{core} → {named}")
            parts.setdefault(named.removesuffix("'s"), set()).add(core.removesuffix("'s"))
    if not said or any(len(words_) > 1 for words_ in parts.values()):
        return None                                   # ('organ left and piano right': one_part_twice asks)
    return " ".join(words), ", ".join(said)


def one_part_twice(said: list[str], model: PatchModel, line: str) -> str | None:
    """'organ left and piano right' with one pad: two nicknames read as one module (the second stage's
    'word → module' notes), each setting the same thing its own way, with another sound they may have
    meant, would set it twice, the last winning in silence — the refusal that says so."""
    named: dict[str, set[str]] = {}
    for how in said:
        word, _, module = how.partition(" → ")
        if module in model.modules and nickname(word, model):
            named.setdefault(module, set()).add(word)
    module, words = next(((m, sorted(w)) for m, w in named.items() if len(w) > 1), (None, ()))
    segments = [seg.split() for seg in re.split(r",|\band\b|\bthen\b", line.lower())]
    sources = [m for m, t in model.modules.items() if t in CATALOGUE and CATALOGUE[t].spec.role == "source"]
    kinds = [_kind_of([w for w in next((seg for seg in segments if word in seg), []) if w not in (word, "the", "my")])
             for word in words]
    if not module or len(sources) < 2 or None in kinds or kinds[0] != kinds[1]:
        return None                                   # 'keys warmer, pad louder': both the pad, as said
    return (f"'{words[0]}' and '{words[1]}' would both be {module} (one sound plays both here): "
            "name the parts by their sound or track")


def _kind_of(words: list[str]) -> str | None:
    """What a clause of one word or two sets, for telling two clauses apart: a side, or a comparative's params."""
    if words and words[-1] in ("left", "right", "centre", "center", "middle"):
        return "pan"
    said = [COMPARATIVES[w][1] for w in words if w in COMPARATIVES]
    return str(said[0]) if len(said) == 1 and len(words) <= 2 else None


def _part(name: str, model: PatchModel) -> str | None:
    """What a track or a type name means now: the track (its name), or the one module of that type."""
    if name in model.tracks:
        return name
    of_type = [m for m, t in model.modules.items() if t == name]
    return of_type[0] if len(of_type) == 1 else None


__all__ = ["nickname", "named_here", "nicknamed_line", "one_part_twice", "NICKNAMES", "NICKNAME_KINDS", "STAND_INS"]
