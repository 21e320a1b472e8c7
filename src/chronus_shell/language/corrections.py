"""A correction said in the middle of a line ('tempo 100 no wait 120', 'pan the guitar, i mean the chords, left',
'dbmaj9 cm7 bbm9 ebm9.. wait no ebm7. one bar each', 'snare... i mean shime, less noise'): what is said after the
correction replaces what was said just before it — a value a value, a pattern a pattern, a chord a chord, an interval
an interval, a part a part — and the line is read as if said right the first time. Nothing else is guessed: a plain 'no' corrects only
after a pause ('…, no,' '... no', '— no,'), since '…, no reverb' asks for no reverb.
"""
from __future__ import annotations

import re

from .chords import Chord
from .interval_corrections import INTERVAL_NAMES
from .nicknames import NICKNAMES, STAND_INS
from .vocabulary import is_known_word

_STRONG = r"no+[,.!]*\s+wait|wait[,.!]*\s+no+|i\s+mean(?:t)?|or\s+rather|sorry|correction|make\s+that|nein|perd[oó]n"
_MARK = re.compile(rf"(?:\s*(?:\.{{2,}}|…|[,;:!—–]|(?<=\s)-{{1,2}})\s*(?:(?:ah+|oh+|eh+|um+|hm+|erm?)[,.!]*\s+)?(?:{_STRONG}|(?:no+|nah|nope|actually|wait|(?:hold|hang)\s+on|scratch\s+that)(?:[,.!]*\s+(?:sorry|wait|(?:hold|hang)\s+on|i\s+mean(?:t)?|make\s+(?:it|that)))?)|"
                   rf"\s*(?:\.{{2,}}|…)\s*(?:n[ãa]o|nahi+n?|아니)|\s+(?:{_STRONG}))(?:\s*[—–])?[,.!:]*\s+(?P<said>\S.*)$", re.I)      # ('250 Hz, no sorry, 500')
_UNIT = r"(?:\s*(?:%|hz|khz|k|ms|s|db|bpm|cents?|semitones?|percent)\b)?"
#: What a correction may replace, at the end of the words before it, and what begins the words after it.
_INTERVAL = rf"(?:a|an|one)\s+(?:{INTERVAL_NAMES})"
_NOTES = r"(?:[a-g](?:#|b)?\d\s+)+[a-g](?:#|b)?\d"      # a melody's notes ('a4 b4 c5 e5')
_SIDE = r"(?:(?:hard|all\s+the\s+way|a\s+(?:bit|little)|slightly)\s+)?(?:to\s+the\s+)?(?:left|right)(?:\s+\d+\s*%?)?|\d+\s*%?\s+(?:left|right)|" \
        r"(?:the\s+)?(?:center|centre|middle)"
_KINDS = (
    (re.compile(rf"(?:{_SIDE})$", re.I), re.compile(rf"^(?:{_SIDE})(?=[\s,.!;:]|$)", re.I)),   # 'keys hard left... no, left 40'
    (re.compile(rf"{_INTERVAL}$", re.I), re.compile(rf"^{_INTERVAL}(?=[\s,.!;:]|$)", re.I)),   # 'up a fifth, no sorry, a fourth'
    (re.compile(rf"-?\d+(?:\.\d+)?{_UNIT}(?:\s*(?:,|and|&)\s*-?\d+(?:\.\d+)?{_UNIT})*$", re.I),    # (a list: '1 and 3')
     re.compile(rf"^-?\d+(?:\.\d+)?{_UNIT}(?:\s*(?:,|and|&)\s*-?\d+(?:\.\d+)?{_UNIT})*(?=[\s,.!;:]|$)", re.I)),
    (re.compile(rf"{_NOTES}$", re.I), re.compile(rf"^{_NOTES}(?=[\s,.!;:]*$)", re.I)),
    (re.compile(r"[xX.~][xX.~\-| ]{3,}$"), re.compile(r"^[xX.~][xX.~\-| ]{3,}?(?=[\s,.!;:]*$|[\s,;:]+[a-z])")),
    (re.compile(r"(?:the\s+)?\b[a-g](?:#|b)?(?:\s+(?:major|minor|flat|sharp))?(?:\s+(?:seventh|7th|chord))*$|\S+$", re.I),
     re.compile(r"^[a-g](?:#|b)?(?:\s+(?:major|minor|flat|sharp))?(?:\s+(?:seventh|7th|chord))*(?=[\s,.!;:]|$)|^\S+?(?=[\s,.!;:]|$)", re.I)),
)


def corrected(line: str, part_named) -> list[tuple[str, str]]:
    """[(the line as meant, how it was read)] for a line corrected in the middle, else []; `part_named(word)` is the
    module a word names, or None. A part said after the correction replaces the part (or the unknown word, the
    instrument not there) said just before it."""
    mark = _MARK.search(line.strip())
    if not mark:
        return []
    before, said = line.strip()[:mark.start()].rstrip(" ,;:.!…"), mark.group("said").strip()
    if not before:
        return []
    last = before.split()[-1].strip(",.;:!").lower()
    word = re.sub(r"^(?:the|my)\s+", "", said, flags=re.I)
    first_part = re.split(r"[\s,.;:!]+", word)[0].lower()
    clause = re.sub(r"^(?:the|my)\s+", "", before, flags=re.I).split()
    strong = re.search(_STRONG, line.strip()[mark.start():mark.start("said")], re.I)     # (a plain 'no' may be a 'no kick')
    if strong and part_named(first_part) and len(clause) > 1 and part_named(clause[0].strip(",.;:!").lower()):
        return [(said, f"corrected: '{before}' → '{said}'")]     # 'kick 1 and 3, no wait, snare 2 and 4': the clause
    if part_named(first_part) and not re.match(r"-?\d", last) and \
            (part_named(last) or last in NICKNAMES.keys() | STAND_INS.keys() or not is_known_word(last)):
        kept = re.sub(r"\s*(?:the|my)?\s*\S+$", "", before)            # 'pan the guitar' → 'pan'
        if kept:                                  # ('pan the guitar, i mean the chords, left': the aside's comma ends)
            word = re.sub(r"^(\S+?),\s*", r"\1 ", word)
        return [(f"{kept} the {word}".strip(), f"corrected: '{last}' → '{first_part}'")]
    for end, begin in _KINDS:
        old, new = end.search(before), begin.match(said)
        if old and new and _same_kind(old.group(0), new.group(0)):
            said = _unit_kept(old.group(0), new.group(0), said)
            return [(before[:old.start()] + said, f"corrected: '{old.group(0).strip()}' → '{new.group(0).strip()}'")]
    return []


def _unit_kept(old: str, new: str, said: str) -> str:
    """'give me 200 bpm... no, 190': the number said again without its unit keeps it ('give me 190' reads as nothing)."""
    unit = re.fullmatch(rf"-?\d+(?:\.\d+)?(?P<unit>{_UNIT})", old.strip(), re.I)
    if unit and unit["unit"] and re.fullmatch(r"-?\d+(?:\.\d+)?", new.strip()):
        return f"{new.strip()} {unit['unit'].strip()}{said[len(new.rstrip()):]}"
    return said


def _same_kind(old: str, new: str) -> bool:
    """Both numbers, both patterns, both melodies, or both chords (a word after a chord that is no chord is no correction of it)."""
    if re.fullmatch(_SIDE, old.strip(), re.I) and re.fullmatch(_SIDE, new.strip(), re.I):
        return True                                   # (a place in the stereo field for another)
    if re.fullmatch(_INTERVAL, old.strip(), re.I) or re.fullmatch(_INTERVAL, new.strip(), re.I):
        return bool(re.fullmatch(_INTERVAL, old.strip(), re.I) and re.fullmatch(_INTERVAL, new.strip(), re.I))
    if re.match(r"-?\d", old) or re.match(r"-?\d", new):
        return bool(re.match(r"-?\d", old) and re.match(r"-?\d", new))
    if all(re.fullmatch(_NOTES, text.strip(), re.I) for text in (old, new)):
        return True                                   # (a melody's notes for another's)
    if re.match(r"[xX.~]", old) and re.match(r"[xX.~]", new):
        return "x" in old.lower() and "x" in new.lower()
    return _chord(old) and _chord(new) and not (len(old.split()) == 1 < len(new.split()))   # (a note is no chord's)


def _chord(text: str) -> bool:
    words = re.sub(r"^the\s+|\s+chord$", "", text.strip(), flags=re.I).split()
    if len(words) == 1:
        return Chord.parse(words[0].lower()) is not None
    quality = {"major": "", "minor": "m", "seventh": "7", "7th": "7"}
    root = words[0].lower() + {"flat": "b", "sharp": "#"}.get(words[1].lower(), "")
    return Chord.parse(root + "".join(quality.get(w.lower(), "?") for w in words[1:] if w.lower() not in ("flat", "sharp"))) \
        is not None


__all__ = ["corrected"]
