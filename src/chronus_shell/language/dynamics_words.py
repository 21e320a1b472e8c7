"""A score's words for loudness and place, said as levels the grammar knows: dynamic markings
("strings at pianissimo", "crescendo to forte over 4 bars", "diminuendo to nothing", "mf"), one said to the whole
band ("Fortissimo, everyone!", "Subito piano"), "half as loud", "tacet" after a part, a swell or a build over a
time, and a pan knob read as a clock face ("10 o'clock").

A marking is an absolute level: on a voice's 0–1 level it is dBFS (ff full scale, mf −6 dB: a
voice's default), on the master its offset from unity (mf 0 dB). A line naming no part means the
voice in focus (the grammar's "gain") when it is the one part heard, else the master (a conductor's
hairpin is the whole piece's); "everything", "tutti", "the band" mean the master. Words that
name no part with a level (or a pan, for the clock) leave the line to the grammar untouched.
"""
from __future__ import annotations

import math
import re

from ..engine.catalogue import CATALOGUE
from .musician_words import GROUPS
from .patch_model import MASTER, PatchModel
from .part_naming import part_named
from .nicknames import NICKNAMES
from .time_phrases import DEFAULT_BARS

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
_HAIRPIN = r"(?:crescendo|cresc|decrescendo|diminuendo|dim|decresc)\.?"
_NOTHING = r"(?:nothing|niente|silence|zero)"
_SPAN = r"(?P<rest>\s+(?:over|in|across|during|within)\s+(?:(?!\bfrom\b).)+)"     # (', from pp' after it: no span)
_POLITE = r"(?:\s+(?:please|pls|now))?"
#: 'crescendo to forte over 4 bars', 'dim. to pp', 'crescendo from p to f', 'cresc the strings to ff'.
_CRESCENDO = re.compile(rf"^{_HAIRPIN}(?:\s+(?:up|down))?(?:\s+(?:on\s+|in\s+)?(?P<what>(?!to\b|from\b).+?))?"
                        rf"(?:\s+from\s+(?P<m0>{_WORDS}))?\s+(?:al|to)\s+(?:(?P<m>{_WORDS})|(?P<none>{_NOTHING})){_SPAN}?$", re.I)
#: A marking said with its part: 'strings at pianissimo please', 'the hats to mf', 'mezzo forte on the strings',
#: 'pianissimo', 'play it mf', 'the strings pianissimo'.
_AT_MARKING = (
    re.compile(rf"^(?:(?:bring|take|put|set|play|make)\s+)?(?P<what>.+?)\s+(?:down\s+|up\s+|back\s+)?(?:at|to|in)\s+"
               rf"(?P<m>{_WORDS})(?:\s+(?:dynamics?|level|please|pls))*$", re.I),
    re.compile(rf"^(?:(?:play|make)\s+(?:it|this|that)\s+)?(?P<m>{_WORDS})(?:\s+(?:on|for)\s+)?\s*(?P<what>.*?){_POLITE}$", re.I),
    re.compile(rf"^(?:play\s+)?(?P<what>.+?)\s+(?P<m>{_WORDS}){_POLITE}$", re.I),
)
#: A marking said to the whole band ('Fortissimo, everyone!', 'everybody, pianissimo') or at once ('Subito piano'):
#: the master, 'piano' too (said so, it is the marking, never the sound).
_BAND = r"(?:everyone|everybody|all\s+of\s+you|y'?all|tutti|(?:the\s+)?(?:whole\s+)?band|gentlemen|ladies\s+and\s+gentlemen|folks|guys)"
_TO_THE_BAND = re.compile(rf"^(?:(?P<to>{_BAND})[,:\s]+)?(?P<subito>(?:subito|suddenly|sudden)\s+)?(?P<m>{_WORDS})"
                          rf"(?:[,\s]+(?P<subito2>subito))?(?:[,\s]+please)?(?:[,\s]+(?P<to2>{_BAND}))?(?:[,\s]+please)?$", re.I)
_TOLD_THE_BAND = re.compile(rf"\s*,\s*{_BAND}$", re.I)
_BARE_HAIRPIN = re.compile(rf"^(?:(?:and|now|then)\s+)?(?:an?\s+)?(?P<h>{_HAIRPIN}){_SPAN}?{_POLITE}$", re.I)
_PART_HAIRPINS = (re.compile(rf"^(?P<h>{_HAIRPIN})\s+(?:on\s+|for\s+)?(?P<what>(?:the\s+)?[\w-]+){_SPAN}?{_POLITE}$", re.I),
                  re.compile(rf"^(?P<what>(?:the\s+)?[\w-]+)\s+(?P<h>{_HAIRPIN}){_SPAN}?{_POLITE}$", re.I))
#: 'the hats half as loud', 'kick twice as loud': the level halved or doubled (−6 / +6 dB).
_HALF_DB = -20 * math.log10(0.5)        # 6.02: half the level exactly
_AS_LOUD = re.compile(r"^(?:make\s+)?(?P<what>.+?)\s+(?P<how>half|twice|double)\s+as\s+(?:loud|strong)(?P<rest>.*)$", re.I)
#: 'the bass is tacet', 'kick tacet for 8 bars', 'drums tacet'.
_TACET = re.compile(r"^(?P<what>(?!tacet\b).+?)(?:\s+part)?(?:\s+(?:is|are|goes|go))?\s+tacet(?P<rest>(?:\s+(?:for|till|until)\s.+)?)$",
                    re.I)
#: 'pan the snare to 10 o'clock', 'hats at 2 o'clock': a pan knob's face, 7 hard left, 12 centre, 5 hard right.
_CLOCK = re.compile(r"^(?:pan\s+)?(?P<what>.+?)\s+(?:to|at)\s+(?P<h>1[0-2]|[1-9])(?::00)?\s*o'?\s*clock(?P<rest>.*)$", re.I)
_KNOB_HOURS = {7: -5, 8: -4, 9: -3, 10: -2, 11: -1, 12: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5}     # hours from noon
#: A swell or a build over a time is a crescendo ('make it swell gradually, like the swell pedal, over four
#: bars', 'build into the bridge over 4 bars').
_SWELLS = (
    (re.compile(rf"^(?:(?:can|could|would)\s+you\s+)?(?:make\s+|let\s+)?(?:(?P<what>it|the\s+\w+|everything)\s+)?swell(?:s|ing)?"
                rf"(?:\s+up)?(?:\s+(?:gradually|slowly|gently))?(?:,?\s+like\s+[^,]+?,?)?{_SPAN}$", re.I), "swell"),
    (re.compile(rf"^(?P<what>(?!it\b|everything\b|the\b)[a-z][\w-]*)\s+swell(?:s|ing)?(?:\s+in|\s+up)?{_SPAN}$", re.I), "swell in"),  # ('pad
    #                                                                          swell over 2 bars': the noun, a swell from nothing)
    (re.compile(rf"^(?:an?\s+)?(?:big\s+|slow\s+|long\s+|gentle\s+)?swell\s+on\s+(?P<what>the\s+\w+){_SPAN}$", re.I), "swell in"),
    (re.compile(rf"^(?:slowly\s+|gently\s+)?swell\s+(?P<what>it|the\s+\w+|everything)(?!\s+in\s+(?:over|from|across)\b)(?:\s+up)?"
                rf"{_SPAN}$", re.I), "swell in"),                 # ('swell the pad in over 8 bars': a fade in, read elsewhere)
    (re.compile(rf"^(?:(?P<what>the\s+\w+|everything)\s+)?(?:build|builds|build\s+up|builds\s+up|building)(?:\s+(?:it|everything|up))?(?:\s+up)?"
                rf"(?:\s+(?:into|to|towards|before)\s+(?:the\s+)?(?:\w+\s+)?(?:bridge|chorus|drop|verse|outro|hook|end))?{_SPAN}$", re.I),
     "build"),
)


def with_dynamics(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(how it was read, the line the grammar's way) when the line says a level by a marking,
    'half as loud', 'tacet', a swell or a clock-face pan; None otherwise."""
    text = text.strip().rstrip(".!?")
    for read in (_swell, _clock, _tacet, _as_loud, _crescendo, _bare_hairpin, _bring_it, _to_the_band, _at_marking):
        found = read(text, model)
        if found is not None:
            return found
    return None


#: A swell's length said bare after it ('swell on the keys, 4 bars'): over that long.
_BARE_SPAN = re.compile(r"(?<=\S)\s*,?\s+(?=\d+\s+(?:bars?|beats?)$)", re.I)
_SPAN_SAID = re.compile(r"\b(?:over|in|across|during|within|über|ueber)\s+\d", re.I)


def _swell(text: str, model: PatchModel):
    text = _BARE_SPAN.sub(" over ", text) if "swell" in text.lower() and not _SPAN_SAID.search(text) else text
    for form, word in _SWELLS:
        swell = form.match(text)
        if swell:
            what = (swell.groupdict().get("what") or "").lower()
            if word == "swell in":                    # 'swell the strings over 4 bars': in from nothing, as a swell pedal
                return "swell: in from nothing", f"swell {what} in{swell.group('rest')}"
            if word == "build" and what in ("", "it"):
                what = "everything"                   # 'build up over 8 bars': the whole track, never the part last touched
            on = "" if what in ("", "it") else " on master" if what == "everything" else f" on {what}"
            return f"{word}: a crescendo", f"crescendo{on}{swell.group('rest')}"
    return None


def _clock(text: str, model: PatchModel):
    clock = _CLOCK.match(text)
    if clock is None or _target(clock.group("what"), model, "pan") in (None, "gain", MASTER):
        return None
    hours = _KNOB_HOURS.get(int(clock.group("h")))
    if hours is None:
        return None                                       # 6 o'clock: past the knob's travel (7 to 5)
    pan = hours / 5.0                                     # 10 → −2 h → −0.4
    return f"{clock.group('h')} o'clock: pan {pan:+.1f}", f"pan {clock.group('what')} to {pan:g}{clock.group('rest')}"


def _tacet(text: str, model: PatchModel):
    tacet = _TACET.match(text)
    if tacet is None:
        return None
    what = tacet.group("what")
    if what.lower().removeprefix("the ") not in GROUPS and _target(what, model) in (None, "gain", MASTER):
        return None                                       # 'now tacet': no part named
    return "tacet: muted", f"mute {what}{tacet.group('rest')}"


def _as_loud(text: str, model: PatchModel):
    loud = _AS_LOUD.match(text)
    target = _target(loud.group("what"), model) if loud else None
    if target is None:
        return None
    way = "down" if loud.group("how").lower() == "half" else "up"
    return (f"{loud.group('how')} as loud: {'−' if way == 'down' else '+'}6 dB",
            f"{target} {way} {_HALF_DB:.4f} db{loud.group('rest')}")


def _crescendo(text: str, model: PatchModel):
    match = _CRESCENDO.match(text)
    target = _target(match.group("what") or "", model) if match else None
    if target is None:
        return None
    marking, nothing = (match.group("m") or "").lower(), match.group("none")
    rest = match.group("rest") or f" over {DEFAULT_BARS} bars"          # a hairpin takes time
    level = MARKINGS.get(marking, 0.0) + (MASTER_OFFSET if target == MASTER else 0.0)
    said = f"{marking or nothing}: " + ("faded out" if nothing else f"{level:g} dB") + \
        ("" if match.group("rest") else f", over {DEFAULT_BARS} bars")
    param = "" if target in (MASTER, "gain") else " gain"
    if match.group("m0"):                                               # 'crescendo from p to f'
        start = MARKINGS[match.group("m0").lower()] + (MASTER_OFFSET if target == MASTER else 0.0)
        end = "0" if nothing else f"{level:g} db"
        return f"{match.group('m0').lower()} → {said}", f"{target}{param} from {start:g} db to {end}{rest}"
    if target == "gain" and nothing:
        return said, f"fade out{rest}"                                  # to nothing, no part said: all, as 'fade to nothing'
    if target == "gain":
        return said, f"gain to {level:g} db{rest}"
    return said, (f"fade {target} out{rest}" if nothing else f"fade {target} to {level:g} db{rest}")


#: A bandleader's 'bring it down' / 'bring it back up' (for the speech, for the verse; 'take it down' only so): the whole
#: band's level.
_BRING_IT = re.compile(r"^(?:(?P<said>[^,]+),\s*)?(?:(?:ok|okay|now|and|so|alright|right)[,\s]+)*(?:let'?s\s+)?(?P<verb>bring|take)\s+it\s+(?:all\s+)?"
                       r"(?P<back>back\s+)?(?P<way>down|up)(?:\s+(?P<bit>a\s+(?:bit|little|touch|notch)|some))?"
                       r"(?P<when>\s+(?:for|during|under|while)\s+(?!(?:\d+|one|two|three|four|eight|a|an|the\s+next\s+\w+)\s+"
                       r"(?:bars?|beats?|measures?)\b)(?![\w' ]*\b(?:octaves?|semitones?|tones?|steps?|fifths?|fourths?)\b)[\w' ]+)?$", re.I)


def _bring_it(text: str, model: PatchModel):
    """'bring it down for the speech' with no one part just named: the master (it lowered the kick in focus: trial)."""
    match = _BRING_IT.match(text)
    if match is None or model.just_named is not None or match["verb"].lower() == "take" and not match["when"]:
        return None                                       # ('take it down' alone: the part in focus)
    if match.group("said") and (re.search(r"\btoo\b|\bloud|\bquiet|\bflat\b|\bsharp\b|out\s+of\s+tune", match.group("said"), re.I)
                                or any(part_named(w, model) for w in re.findall(r"[\w-]+", match.group("said").lower()))):
        return None                                       # ('the speech is over, …': a remark; 'the drone is flat, bring
        #                                                   it up': its pitch, never the band's level)
    way = "quieter" if match.group("way").lower() == "down" else "louder"
    return f"{match['verb'].lower()} it {'back ' if match['back'] else ''}{match['way'].lower()}: the whole band", f"everything {way}"


def _bare_hairpin(text: str, model: PatchModel):
    """'crescendo over 4 bars' with a drum in focus: the whole kit grows (a conductor's hairpin), not the hats; with the
    part just named or alone in focus, that part ('crescendo the violin over 4 bars', then 'decrescendo'); 'the violin
    crescendo', 'diminuendo on the cello': the part said."""
    told = _TOLD_THE_BAND.search(text)                # 'A crescendo over four bars, everybody.': the whole mix
    text = text[:told.start()] if told else text
    match = _BARE_HAIRPIN.match(text)
    said = None if match or told else next((m for m in (form.match(text) for form in _PART_HAIRPINS) if m), None)
    if said is not None:
        target = _target(said.group("what"), model)
        if target in (None, "gain", MASTER):
            return None
        match, on = said, f"{said.group('what')} "
    else:
        target = (MASTER if told else _target("", model)) if match else None
        if target is None:
            return None
        on = "everything " if target == MASTER else ""
    hairpin = match.group("h").lower()
    way = "quieter" if hairpin.startswith(("d", "dim")) else "louder"
    whom = "everything" if target == MASTER else said.group("what") if said else model.focus
    return f"{hairpin}: {whom}", f"{on}{way}{match.group('rest') or f' over {DEFAULT_BARS} bars'}"


def _to_the_band(text: str, model: PatchModel):
    match = _TO_THE_BAND.match(text)
    if match is None or not any(match.group("to", "subito", "subito2", "to2")):
        return None
    level = MARKINGS[match.group("m").lower()] + MASTER_OFFSET
    return f"{match.group('m').lower()}: the whole band, {level:g} dB", f"{MASTER} to {level:g} db"


def _at_marking(text: str, model: PatchModel):
    for form in _AT_MARKING:
        match = form.match(text)
        if match is None or match.group("m").lower() in _AMBIGUOUS and not _dynamic_piano(match, model):
            continue                                                    # 'key to f' is a note, 'the piano' a sound
        target = _target(match.group("what"), model)
        if target is None or target == MASTER and match.group("m").lower() in _AMBIGUOUS:
            return None                                                 # (a bare 'piano': never the whole mix)
        marking = match.group("m").lower()
        level = MARKINGS[marking] + (MASTER_OFFSET if target == MASTER else 0.0)
        whole = "the whole mix, " if target == MASTER and not match.group("what").strip() else ""
        step = _the_other_way(marking, level, target, model)
        if step is not None:
            return f"{marking}: {target} is {step[1]} already — a step {step[0]}", f"{target} {step[0]}"
        return f"{marking}: {whole}{level:g} dB", f"{target} to {level:g} db"
    return None


_LOUD, _SOFT = {"forte", "f", "ff", "fortissimo", "fff", "fortississimo"}, {"piano", "p", "pp", "pianissimo", "ppp",
                                                                          "pianississimo"}


def _the_other_way(marking: str, level: float, target: str, model: PatchModel) -> tuple[str, str] | None:
    """('louder', 'above −3 dB') when a loud marking's level is below the part's own ('snare forte' on a snare at 0.8),
    or a soft one's above it: a musician saying forte never means quieter — a step that way instead."""
    module = part_named(re.sub(r"^(?:the|my)\s+", "", target.lower()), model)
    if marking not in _LOUD | _SOFT or module is None or not (model.spec(module) and model.spec(module).has_param("gain")):
        return None
    gain = model.value(module, "gain")
    if not isinstance(gain, (int, float)) or gain <= 0:
        return None                                   # (a silent part: the marking's level, whichever way)
    now = 20 * math.log10(gain)
    if marking in _LOUD and now > level + 0.01:       # (at the marking's level already: left there, never crept up)
        return "louder", f"above {level:g} dB"
    return ("quieter", f"below {level:g} dB") if marking in _SOFT and now < level - 0.01 else None


_ARTICLES = ("the", "a", "an", "my", "some", "that", "this")


def _dynamic_piano(match: re.Match, model: PatchModel) -> bool:
    """'piano', 'make it piano', 'the cello piano': the marking p when the musician named the parts and none piano (a
    cellist's dynamic; 'play piano', 'the piano', 'piano and bass' stay a part, as on a patch of unnamed sounds)."""
    named = {label for label, module in model.labels.items() if module in model.modules} | \
        {m for m in model.modules if m != "master" and not re.fullmatch(r"[a-z_]+\d+", m)}   # ('add a saw called cello')
    return match.group("m").lower() == "piano" and not re.match(r"\s*play\b", match.string, re.I) and \
        not match.string[match.end("m"):].strip(" .!") and match.group("what").strip().lower() not in _ARTICLES and \
        bool(named) and "piano" not in named and "piano" not in model.modules and "piano" not in model.tracks


def _target(words: str, model: PatchModel, param: str = "gain") -> str | None:
    """The words as the grammar will read them when they name a part with `param`; the master; or, none
    said, 'gain': the grammar's level of the voice in focus (the master on a patch of no voices). None
    when the words are something else ('add a kick at mf', 'the reverb to pp': left to the grammar)."""
    words = re.sub(r"^(?:on|for|the|it|this|that)\s*$", "", words.strip(), flags=re.I)
    if re.fullmatch(_WHOLE, words, re.I):
        return MASTER
    if not words:                                   # a drum in focus, several parts heard: the whole mix (a conductor's
        focused = CATALOGUE[model.modules[model.focus]].spec.role if model.focus in model.modules else None   # hairpin)
        one = len(model.sounding_voices()) < 2 or model.voice_of(model.focus)[:1] in ([model.just_written],   # or just
                                                                                    [model.just_named])    # written or named
        return "gain" if model.voices() and focused != "drum" and one else MASTER
    return words if _names_part(words, model, param) else None


def _names_part(words: str, model: PatchModel, param: str) -> bool:
    """'the strings', 'kick drum', 'hats', 'saw1': one part of the patch that has `param` (a voice's
    level or pan, not an effect's), by id, track, type or nickname."""
    said = re.sub(r"^(?:the|my|our)\s+", "", words.lower()).split()
    if not 1 <= len(said) <= 2:
        return False
    name = said[-1] if said[-1] != "drum" else said[0]
    if name in NICKNAMES or name.rstrip("s") in NICKNAMES:
        return True
    track = model.tracks.get(name) or model.tracks.get(name.rstrip("s"))
    ids = [track.target] if track else [m for m, kind in model.modules.items() if name in (m, kind, kind + "s")]
    return any(model.modules.get(m) in CATALOGUE and CATALOGUE[model.modules[m]].spec.has_param(param) for m in ids)


__all__ = ["MARKINGS", "with_dynamics"]
