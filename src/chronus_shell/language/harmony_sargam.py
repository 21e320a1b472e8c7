"""Hindustani note names (sargam: sa re ga ma pa dha ni, komal and tivra) and the thaats and raags that
are scales, written as the letter names and modes the harmony readers know.

Sargam is movable: Sa is whatever note the musician says ('Sa is C#', 'Sa = D', 'with Sa on E', 'C# as
Sa'), so the syllables become letters only with their Sa said in the line; a line of sargam without
it is a question (`needs_sa`), never notes guessed from an assumed Sa. A thaat or raag said as a scale
('raag Yaman', 'Kafi thaat') is its mode ('lydian', 'dorian'), on Sa when Sa is said.
"""
from __future__ import annotations

import re

from ..engine.scales import SCALES
from .chords import FLAT_NAMES, LETTERS, NATURAL, root_text

#: Semitones above Sa of each syllable (shuddh, the natural one), its komal (flat) and tivra (sharp) forms.
_SHUDDH = {"sa": 0, "re": 2, "ri": 2, "ga": 4, "ma": 5, "pa": 7, "dha": 9, "dh": 9, "ni": 11}
_KOMAL = {"re": 1, "ri": 1, "ga": 3, "dha": 8, "dh": 8, "ni": 10}
_TIVRA = {"ma": 6}
#: Thaats and raags that are one of the scales (a raag by its thaat's scale; Bhupali by its five notes).
RAAG_SCALES = {"bilawal": "major", "bilaval": "major", "kalyan": "lydian", "yaman": "lydian", "kafi": "dorian",
               "khamaj": "mixolydian", "asavari": "minor", "asawari": "minor", "bhairavi": "phrygian",
               "bhupali": "major_pentatonic", "bhoopali": "major_pentatonic"}
_RAAG = "|".join(sorted(RAAG_SCALES, key=len, reverse=True))
_RAAG_SAID = re.compile(rf"\b(?:(?:raa?g|raga|thaat|that|scale of)\s+(?P<a>{_RAAG})|(?P<b>{_RAAG})\s+(?:raa?g|raga|thaat|that))\b")
_SA = re.compile(r"(?:,\s*|\.\s*|\s+|^)(?:(?:with|and|where|taking|take|keep)\s+)?(?:the\s+)?sa\s*(?:is|=|:|at|on|in|as)\s+"
                 r"(?P<sa>[a-g](?:#|b)?)(?![\w#])[.,]?|(?:,\s*|\s+|^)(?P<sa2>[a-g](?:#|b)?)\s+(?:is|as)\s+(?:the\s+)?sa\b[.,]?")
_SYLLABLE = r"(?:(?P<mark>komal|tivra|teevra)\s+)?(?P<syl>sa|re|ri|ga|ma|pa|dha|dh|ni)'?"
_ONE = re.compile(rf"\b{_SYLLABLE}(?![\w'])")
_ANY = r"(?:(?:komal|tivra|teevra)\s+)?(?:sa|re|ri|ga|ma|pa|dha|dh|ni)'?"
#: Two or more syllables in a row (a phrase of sargam: 'sa re ga', 'Sa and Pa'), or one marked komal/tivra.
_RUN = re.compile(rf"\b{_ANY}(?:(?:\s*,\s*|\s+)(?:and\s+|&\s+)?{_ANY})+(?![\w'])|\b(?:komal|tivra|teevra)\s+"
                  rf"(?:re|ri|ga|ma|dha|dh|ni)\b")
#: The seven-note scales by their steps (a komal or tivra note said for the scale: its mode).
_MODES = {frozenset(steps): name for name, steps in SCALES.items() if len(steps) == 7 and name not in ("melodic_minor",)}
_SIGNS = re.compile(r"\b(?:sa|komal|tivra|teevra|raa?g|raga|thaat|sargam)\b")


def sargam(text: str) -> str:
    """The lower-case line with its sargam as letter names on the Sa it says, its raag or thaat as a mode."""
    if not _SIGNS.search(text):
        return text
    said = _SA.search(text)
    sa_name = (said.group("sa") or said.group("sa2")) if said else None
    sa = (root_text(sa_name)[0], sa_name) if said else None
    if said:
        text = (text[:said.start()] + " " + text[said.end():]).strip()
        if not text.strip(" ,."):
            return f"key of {sa_name}"                # 'Sa is C' alone: the tonic, kept as the session key
    raag = _RAAG_SAID.search(text)
    if raag:
        mode = RAAG_SCALES[raag.group("a") or raag.group("b")].replace("_", " ")
        text = text[:raag.start()] + (f"{sa[1]} {mode}" if sa and not _has_tonic(text) else mode) + text[raag.end():]
    elif sa and re.search(r"\b(?:komal|tivra|teevra)\s+(?:re|ga|ma|dha|ni)\b.*\bscale\b|\bscale\b.*\b(?:tivra|teevra|komal)\b", text):
        return _scale_with(text, sa[1])
    if sa is None:
        return text
    return _RUN.sub(lambda m: _letters(m.group(0), sa, text[:m.start()]), text)


def needs_sa(text: str) -> bool:
    """A phrase of sargam with no Sa said: which note is Sa must be asked."""
    return bool(_RUN.search(text)) and not _SA.search(text) and bool(re.search(r"\bsa\b|\bdha\b|\bni\b|\bkomal\b|\btivra\b", text))


def _letters(run: str, sa: tuple[int, str], before: str) -> str:
    """A run of syllables as letter names, spelled from Sa's letter (Sa C#: c# d# e# f# g#; komal re on D:
    eb); a phrase of three or more is a melody ('notes …') unless the line already says what the notes are."""
    names = []
    for found in _ONE.finditer(run):
        syllable, mark = found.group("syl"), found.group("mark")
        table = _KOMAL if mark == "komal" else _TIVRA if mark in ("tivra", "teevra") else _SHUDDH
        names.append(_spelled(sa, table.get(syllable, _SHUDDH[syllable])))
    melody = len(names) >= 3 and not re.search(r"\b(?:notes?|chords?|drones?|together|melody|line|scale)\W*$", before)
    return ("notes " if melody else "") + " ".join(names)


#: The letter each step above Sa is written on (komal re: the second letter flat; tivra ma: the fourth sharp).
_LETTER_STEPS = (0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6)


def _spelled(sa: tuple[int, str], step: int) -> str:
    """The note `step` semitones above Sa, on its letter (one sharp or flat at most, else its usual name)."""
    pc, name = sa
    letter = LETTERS[(LETTERS.index(name[0]) + _LETTER_STEPS[step]) % 7]
    accidental = {0: "", 1: "#", 11: "b"}.get((pc + step - NATURAL[letter]) % 12)
    return letter + accidental if accidental is not None else _name(pc + step)


def _name(pc: int) -> str:
    """A pitch class as keys usually spell it (Eb, Bb, F#, C#)."""
    return FLAT_NAMES[pc % 12] if pc % 12 in (3, 10) else ("c", "c#", "d", "d#", "e", "f", "f#", "g", "g#", "a", "a#", "b")[pc % 12]


def _has_tonic(text: str) -> bool:
    return bool(re.search(r"\bkey\s+(?:of\s+)?[a-g](?:#|b)?\b", text))


def _scale_with(text: str, sa: str) -> str:
    """'tivra Ma in the scale, Sa is C': the major scale with that note moved — a mode when it is one."""
    steps = {0, 2, 4, 5, 7, 9, 11}
    for found in re.finditer(r"\b(komal|tivra|teevra)\s+(re|ga|ma|dha|ni)\b", text):
        syllable = found.group(2)
        steps.discard(_SHUDDH[syllable])
        steps.add((_KOMAL if found.group(1) == "komal" else _TIVRA).get(syllable, _SHUDDH[syllable]))
    mode = _MODES.get(frozenset(steps))
    return f"key {sa} {mode.replace('_', ' ')}" if mode else text


__all__ = ["sargam", "needs_sa", "RAAG_SCALES"]
