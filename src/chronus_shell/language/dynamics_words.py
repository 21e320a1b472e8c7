"""A score's words for loudness and place, said as levels the grammar knows: dynamic markings
("strings at pianissimo", "crescendo to forte over 4 bars", "diminuendo to nothing", "mf"),
"half as loud", "tacet" after a part, and a pan knob read as a clock face ("10 o'clock").

A marking is an absolute level: on a voice's 0–1 level it is dBFS (ff full scale, mf −6 dB: a
voice's default), on the master its offset from unity (mf 0 dB). A line naming no part means the
voice in focus (the grammar's "gain"); "everything", "tutti", "the band" mean the master.
"""
from __future__ import annotations

import math
import re

from .patch_model import MASTER, PatchModel
from .rephrasings import NICKNAMES

#: Each marking's level on a voice, dBFS (the master's is 6 dB more: mf is its unity).
MARKINGS = {"ppp": -24.0, "pianississimo": -24.0, "pp": -18.0, "pianissimo": -18.0, "piano": -12.0, "p": -12.0,
            "mp": -9.0, "mezzo piano": -9.0, "mezzo-piano": -9.0, "mf": -6.0, "mezzo forte": -6.0,
            "mezzo-forte": -6.0, "forte": -3.0, "f": -3.0, "ff": 0.0, "fortissimo": 0.0, "fff": 0.0,
            "fortississimo": 0.0}
MASTER_OFFSET = 6.0
#: Markings that are also other words ('piano' a sound, 'p' and 'f' notes): read only after a crescendo's 'to'.
_AMBIGUOUS = {"piano", "p", "f"}
_WORDS = "|".join(re.escape(w) for w in sorted(MARKINGS, key=len, reverse=True))
_WHOLE = r"(?:everything|tutti|the\s+band|the\s+orchestra|the\s+whole\s+(?:thing|band|mix)|all|the\s+mix|master)"
_SWELL = r"(?:crescendo|cresc|decrescendo|diminuendo|dim|decresc)\.?"
_NOTHING = r"(?:nothing|niente|silence|zero)"
_FORMS = (
    # 'crescendo to forte over 4 bars', 'dim. to pp', 'diminuendo to nothing', 'cresc the strings to ff'
    re.compile(rf"^{_SWELL}(?:\s+(?:up|down))?(?:\s+(?:on\s+|in\s+)?(?P<what>(?!to\b|from\b).+?))?(?:\s+from\s+(?P<m0>{_WORDS}))?\s+(?:al|to)\s+"
               rf"(?:(?P<m>{_WORDS})|(?P<none>{_NOTHING}))(?P<rest>(?:\s+(?:over|in|across|during|within)\s.+)?)$", re.I),
    # 'strings at pianissimo please', 'the hats to mf', 'bring the pad down to p'
    re.compile(rf"^(?:(?:bring|take|put|set|play|make)\s+)?(?P<what>.+?)\s+(?:down\s+|up\s+|back\s+)?(?:at|to|in)\s+"
               rf"(?P<m>{_WORDS})(?:\s+(?:dynamics?|level|please|pls))*(?P<rest>)$", re.I),
    # 'pianissimo', 'mezzo forte on the strings', 'fortissimo everything'
    re.compile(rf"^(?:(?:play|make)\s+(?:it|this|that)\s+)?(?P<m>{_WORDS})(?:\s+(?:on|for)\s+)?\s*(?P<what>.*?)(?P<rest>)"
               rf"(?:\s+(?:please|pls|now))?$", re.I),
    # 'the strings pianissimo', 'play it mf'
    re.compile(rf"^(?:play\s+)?(?P<what>.+?)\s+(?P<m>{_WORDS})(?P<rest>)(?:\s+(?:please|pls|now))?$", re.I),
)
#: 'the hats half as loud', 'kick twice as loud': the level halved or doubled (−6 / +6 dB).
_HALF_DB = -20 * math.log10(0.5)        # 6.02: half the level exactly
_AS_LOUD = re.compile(r"^(?:make\s+)?(?P<what>.+?)\s+(?P<how>half|twice|double)\s+as\s+(?:loud|strong)(?P<rest>.*)$", re.I)
#: 'the bass is tacet', 'kick tacet for 8 bars', 'drums tacet'.
_TACET = re.compile(r"^(?P<what>(?!tacet\b).+?)(?:\s+part)?(?:\s+(?:is|are|goes|go))?\s+tacet(?P<rest>(?:\s+(?:for|till|until)\s.+)?)$", re.I)
#: 'pan the snare to 10 o'clock', 'hats at 2 o'clock': a pan knob's face, 7 hard left, 12 centre, 5 hard right.
_CLOCK = re.compile(r"^(?:pan\s+)?(?P<what>.+?)\s+(?:to|at)\s+(?P<h>1[0-2]|[1-9])(?::00)?\s*o'?\s*clock(?P<rest>.*)$", re.I)


_SPAN = r"(?P<rest>\s+(?:over|in|across|during)\s+.+)"
#: A swell or a build over a time is a crescendo ('make it swell gradually, like the swell pedal, over four
#: bars', 'build into the bridge over 4 bars'); a volume pedal swelled in is a fade in of the voice in focus.
_SWELLS = (
    (re.compile(rf"^(?:(?:can|could|would)\s+you\s+)?(?:make\s+|let\s+)?(?:(?P<what>it|the\s+\w+|everything)\s+)?swell"
                rf"(?:\s+up)?(?:\s+(?:gradually|slowly|gently))?(?:,?\s+like\s+[^,]+?,?)?{_SPAN}$", re.I), "crescendo"),
    (re.compile(rf"^(?:build|build\s+up|building)(?:\s+(?:it|everything|up))?(?:\s+(?:into|to|towards|before)\s+(?:the\s+)?"
                rf"(?:\w+\s+)?(?:bridge|chorus|drop|verse|outro|hook|end))?{_SPAN}$", re.I), "crescendo"),
)


def with_dynamics(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line the grammar's way) when the line says a level by a marking,
    'half as loud', 'tacet' or a clock-face pan; None otherwise."""
    text = text.strip().rstrip(".!?")
    for form, word in _SWELLS:
        swell = form.match(text)
        if swell:
            what = swell.groupdict().get("what") or ""
            on = "" if what.lower() in ("", "it") else f" on {what}" if what.lower() != "everything" else " on master"
            return f"{text.split()[0].lower()}: a crescendo", f"{word}{on}{swell.group('rest')}"
    clock = _CLOCK.match(text)
    if clock:
        hours = int(clock.group("h")) % 12
        position = (hours if hours <= 5 else hours - 12) / 5.0      # 10 → −2 h → −0.4
        pan = max(-1.0, min(1.0, position))
        return (f"{clock.group('h')} o'clock: pan {pan:+.1f}",
                f"pan {clock.group('what')} to {pan:g}{clock.group('rest')}")
    tacet = _TACET.match(text)
    if tacet:
        return "tacet: muted", f"mute {tacet.group('what')}{tacet.group('rest')}"
    loud = _AS_LOUD.match(text)
    if loud:
        way = "down" if loud.group("how").lower() == "half" else "up"
        return (f"{loud.group('how')} as loud: {'−' if way == 'down' else '+'}6 dB",
                f"{loud.group('what')} {way} {_HALF_DB:.4f} db{loud.group('rest')}")
    for form in _FORMS:
        match = form.match(text)
        if match is None:
            continue
        found = match.groupdict()
        marking = (found.get("m") or "").lower()
        what = (found.get("what") or "").strip()
        if marking in _AMBIGUOUS and form is not _FORMS[0]:
            continue                                      # 'key to f' is a note, 'the piano' a sound
        target = _target(what, model)
        if target is None:
            return None
        rest = found.get("rest") or ""
        level = MARKINGS.get(marking, 0.0) + (MASTER_OFFSET if target == MASTER else 0.0)
        said = f"{marking or found['none']}: " + ("faded out" if found.get("none") else f"{level:g} dB")
        if form is not _FORMS[0]:
            return said, f"{target} to {level:g} db"
        if found.get("m0"):                               # 'crescendo from p to f over 8 bars'
            start = MARKINGS[found["m0"].lower()] + (MASTER_OFFSET if target == MASTER else 0.0)
            end = "0" if found.get("none") else f"{level:g} db"
            return f"{found['m0'].lower()} → {said}", f"{target}{'' if target in (MASTER, 'gain') else ' gain'} from {start:g} db to {end}{rest}"
        if target == "gain" and found.get("none"):
            return said, f"fade out{rest}"                 # to nothing, no part said: everything, as 'fade to nothing'
        if target == "gain":
            return said, f"gain to {level:g} db{rest}"
        return said, (f"fade {target} out{rest}" if found.get("none") else f"fade {target} to {level:g} db{rest}")
    return None


def _target(words: str, model: PatchModel) -> str | None:
    """The words as the grammar will read them when they name a part; the master; or, none said,
    'gain': the grammar's level of the voice in focus. None when the words are something else
    ('a bit more forte': not a part — the line is left to the grammar)."""
    words = re.sub(r"^(?:on|for|the|it|this|that)\s*$", "", words.strip(), flags=re.I)
    if re.fullmatch(_WHOLE, words, re.I) or not model.voices():
        return MASTER
    if not words:
        return "gain"
    return words if _names_part(words, model) else None


def _names_part(words: str, model: PatchModel) -> bool:
    """'the strings', 'kick drum', 'hats', 'saw1': one part of the patch, by id, track, type or nickname."""
    said = re.sub(r"^(?:the|my|our)\s+", "", words.lower()).split()
    if not 1 <= len(said) <= 2:
        return False
    name = said[-1] if said[-1] != "drum" else said[0]
    names = set(model.modules) | set(model.tracks) | set(model.modules.values()) | set(NICKNAMES)
    return name in names or name.rstrip("s") in names


__all__ = ["MARKINGS", "with_dynamics"]
