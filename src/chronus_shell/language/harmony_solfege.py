"""Note names in solfège (do re mi fa sol la si) and the Spanish harmony words around them ('la menor',
'Sol mayor', 'si bemol', 'acorde', 'tonalidad'), written as the letter names the harmony readers know;
French, Italian, Portuguese and German ones ('ré mineur', 'la minore', 'lá menor', 'fis-Moll') too.

'do', 'la' and 'si' are English words too, so a syllable is a note only where it cannot be anything
else: with its accidental or its mode ('re menor', 'fa sostenido', 'mib'), or in a run of at least two
syllables ('do re mi', 'la menor, fa, do, sol'), or right after a word that announces notes ('notes',
'acorde', 'key'). Every other use of the words is left as it is.
"""
from __future__ import annotations

import re

#: Fixed-do syllables → letter names ('ti' is the English spelling of 'si').
SYLLABLES = {"do": "c", "re": "d", "mi": "e", "fa": "f", "sol": "g", "so": "g", "la": "a", "si": "b", "ti": "b"}
#: Spanish (and false-friend English) harmony words → the English the readers know.
_WORDS = {"mayor": "major", "menor": "minor", "acorde": "chord", "acordes": "chords", "tonalidad": "key",
          "tonality": "key", "arpegio": "arpeggio", "escala": "scale", "semicorcheas": "16ths", "semicorchea": "16th",
          "corcheas": "8ths", "corchea": "8th", "negras": "quarter notes", "negra": "quarter note",
          "progresión": "progression", "progresion": "progression", "notas": "notes", "de": "of", "es": "is",
          # Portuguese (Brazilian musicians): bars, arpeggios, chords, major and minor
          "compasso": "bar", "compassos": "bars", "compás": "bar", "compases": "bars", "arpejo": "arpeggio",
          "maior": "major", "acordes de": "chords of"}
_ACCIDENTALS = {"sostenido": "#", "sharp": "#", "#": "#", "bemol": "b", "flat": "b", "b": "b", "": ""}
#: Words after which a lone syllable is a note ('acorde de la', 'key of sol').
_CUES = r"notes?|notas?|chords?|acordes?|progression|progresión|melody|scale|escala|arpeggio|arpegio|key|tonality|tonalidad|bass"
_SYLLABLE = r"(?:do|re|mi|fa|sol|so|la|si|ti)"
_ONE = rf"(?P<s>{_SYLLABLE})(?P<acc>#|b(?![a-z])|\s+(?:sostenido|bemol|sharp|flat)\b)?"
_MARKED = re.compile(rf"\b{_ONE}(?=\s+(?:mayor|menor|major|minor)\b)|\b(?P<s2>{_SYLLABLE})(?P<acc2>#|\s+(?:sostenido|bemol)\b)")
_ITEM = rf"\b{_SYLLABLE}(?:#|b(?![a-z])|\s+(?:sostenido|bemol)\b)?(?:\s+(?:major|minor|mayor|menor)\b)?"
_RUN = re.compile(rf"(?:(?<=^)|(?<=[\s,]))(?:{_ITEM})(?:(?:\s*,\s*|\s+(?:y|and|then|luego)\s+|\s+){_ITEM}(?![\w#]))+(?![\w#])")
_CUED = re.compile(rf"\b(?:{_CUES})(?:\s+(?:of|de|in|en|is|es|to|a))?\s+(?:the\s+)?{_ONE}(?![\w#])")
_SPANISH = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")\b")
_SIGNS = re.compile(rf"\b{_SYLLABLE}\b|mayor|menor|bemol|sostenido|compass?o|compás|compases|arpejo|maior")
_EACH_BAR = re.compile(r"\b(?:one|uno|una) (?:for|per|por|each|a) (?:the )?(?:compás|compas|bar)\b")


def _letter(syllable: str, accidental: str | None) -> str:
    return SYLLABLES[syllable] + _ACCIDENTALS[(accidental or "").strip()]


def _one(match: re.Match) -> str:
    syllable = match.group("s") or match.group("s2")
    return _letter(syllable, match.group("acc") if match.group("s") else match.group("acc2"))


#: 'so' is a note only in a run of three or more ('do re mi fa so'), never in 'do so' or 'so do'.
_SO_ALONE = re.compile(rf"^(?:{_SYLLABLE}\s*)?\bso\b(?:\s*{_SYLLABLE})?$|^(?:{_SYLLABLE}\s+)?so$")
_IN_RUN = re.compile(rf"\b{_ONE}(?![\w#])")


#: French, Italian, Portuguese and German harmony words, as the Spanish ones this module reads.
_EUROPEAN = {"ré": "re", "lá": "la", "dó": "do", "fá": "fa", "mí": "mi", "sí": "si", "majeur": "mayor", "maggiore": "mayor",
             "dur": "mayor", "mineur": "menor", "minore": "menor", "moll": "menor", "dièse": "sostenido", "diese": "sostenido",
             "diesis": "sostenido", "sustenido": "sostenido", "bémol": "bemol", "bemolle": "bemol", "tonalité": "tonalidad",
             "tonalità": "tonalidad", "tonalidade": "tonalidad", "accords": "acordes", "accordi": "acordes",
             "accord": "acorde", "accordo": "acorde", "di": "de", "quarte": "fourth", "quinte": "fifth", "tierce": "third",
             "sixte": "sixth", "demi-ton": "semitone", "demi ton": "semitone", "une": "a", "un": "a"}
_EUROPEAN_WORD = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, _EUROPEAN), key=len, reverse=True)) + r")(?![\w])")
#: German note names with their mode ('a-Moll', 'Es-Dur', 'fis-moll'): H is B, B is B flat, -is sharp, -es flat.
_GERMAN_KEY = re.compile(r"\b(?:(?P<flat>es|as)|(?P<letter>[a-h])(?P<acc>is|es)?)[\s-](?P<mode>dur|moll)\b")


def _german(match: re.Match) -> str:
    if match.group("flat"):
        letter = match.group("flat")[0] + "b"
    else:
        letter = {"h": "b", "b": "bb"}.get(match.group("letter"), match.group("letter"))
        letter += {"is": "#", "es": "b"}.get(match.group("acc") or "", "")
    return f"{letter} {'mayor' if match.group('mode') == 'dur' else 'menor'}"


def solfege(text: str) -> str:
    """The lower-case line with its solfège notes as letters and its Spanish harmony words in English
    (French, Italian, Portuguese and German ones read as the Spanish: 'la mineur', 'a-Moll', 'Es-Dur')."""
    if "dur" in text or "moll" in text:
        text = _GERMAN_KEY.sub(_german, text)
    text = _EUROPEAN_WORD.sub(lambda m: _EUROPEAN[m.group(0)], text)
    if not _SIGNS.search(text):
        return text
    text = _EACH_BAR.sub("a bar each", text)
    text = _RUN.sub(lambda m: m.group(0) if _SO_ALONE.search(m.group(0)) else _IN_RUN.sub(_one, m.group(0)), text)
    text = _MARKED.sub(_one, text)
    text = _CUED.sub(lambda m: m.group(0)[:m.start("s") - m.start()] + _one(m), text)
    return _SPANISH.sub(lambda m: _WORDS[m.group(0)], text)


__all__ = ["solfege", "SYLLABLES"]
