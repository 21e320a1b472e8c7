"""What a musician says after a dash or a comma, read as they mean it. After a part's name alone ('Piano, please — the
accompaniment must be softer', 'piano — too loud') the rest is the instruction, of that part: 'it', 'the
accompaniment', 'the sound' are the part just named. After a command, a reason that agrees with it ('piano softer —
it is too loud') or a word that all is well with a part ('bass louder — the piano is fine') is a remark: left out and
said back, never a second step nor a change of the part called fine.
"""
from __future__ import annotations

import re

from .param_words import COMPARATIVES
from .parser_patch_rules import ADJECTIVES
from .patch_model import PatchModel

_DASH = re.compile(r"\s*[—–]\s*|\s+-{1,2}\s+(?![\d.])")          # ('glock - 1 octave': a minus, never a dash)
_CLAUSES = re.compile(r"\s*(?:[—–,;]|\s-{1,2}\s(?![\d.]))\s*")
#: How a part just named is said again: a pronoun, or a word for what it plays in the band.
_SUBJECT = (r"(?:it|this|that|she|he|they|(?:the|this|that|my|our|your)\s+(?:accompaniment|comping|backing|part|line|sound|"
            r"tone|one|thing|chords|voicing|melody|tune|riff|playing|instrument|volume|level))")
_SAID_AGAIN = re.compile(rf"^(?P<subject>{_SUBJECT})\b", re.I)
#: A part's name alone before the dash ('Piano, please', 'the piano', 'piano:').
_PART_ALONE = re.compile(r"^(?:(?:the|my|your)\s+)?(?P<part>[\w'-]+)(?:[\s,]+(?:please|pls))?[\s,:]*$", re.I)
#: All is well with a part, or it is to stay as it is ('keyboard stays', 'the keys keep playing'): nothing to do there.
_FINE = re.compile(r"^(?:but\s+|and\s+|while\s+)?(?:the\s+|my\s+|your\s+)?(?P<part>[\w'-]+)\s+(?:(?:is|are|'s|sounds?|seems?|feels?)\s+"
                   r"(?:just\s+|really\s+|totally\s+)?(?:fine|ok|okay|good|great|perfect|alright|all\s+right|nice|lovely)|"
                   r"stays?(?:\s+(?:in|on|put|the\s+same))?|remains?|keeps?\s+(?:playing|going)|carr(?:y|ies)\s+on|continues?)"
                   r"(?:\s+(?:as\s+(?:it\s+)?is|now|already|though))?[.!]*$", re.I)
#: A complaint of the part the command is about ('it is too loud', 'way too loud'): the command's reason.
_COMPLAINT = re.compile(rf"^(?:because\s+|cause\s+|'cause\s+)?(?:{_SUBJECT}(?:\s+(?:is|are|was|sounds?|seems?|feels?|gets?)|'s|'re)\s+)?"
                        r"(?:(?:way|a\s+bit|much|far|kinda|just|a\s+little)\s+)?too\s+(?P<adj>[\w-]+)[.!]*$", re.I)


def remark_after(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a line with such a dash or remark, else None."""
    text = line.strip().rstrip(".!")
    dash = _DASH.search(text)
    if dash is not None:
        head, tail = text[:dash.start()].strip(), text[dash.end():].strip()
        alone = _PART_ALONE.match(head)
        others = [w for w in re.findall(r"[\w'-]+", tail.lower()) if w != alone["part"].lower() and _names(w, model, part_named)] \
            if alone else []
        if alone and tail and not others and _names(alone["part"], model, part_named):   # ('bass — the piano …': not of it)
            part = alone["part"].lower()
            said = _SAID_AGAIN.sub(part, tail, count=1) if _SAID_AGAIN.match(tail) else \
                re.sub(r"\b(?:it|this|that)\b", part, tail, count=1) if re.search(r"\b(?:it|this|that)\b", tail, re.I) \
                else f"{part} {tail}"
            return f"'{tail}' of the {part}: {said}", said
    clauses = [c for c in _CLAUSES.split(text) if c]
    if len(clauses) < 2:
        return None
    kept = list(clauses)
    while len(kept) > 1 and (_FINE.match(kept[-1]) and _names(_FINE.match(kept[-1])["part"], model, part_named)
                             or _agrees(kept[-1], kept[:-1]) or _pace_said_again(kept[-1], kept[:-1], model)):
        kept.pop()
    if len(kept) == len(clauses):
        return None
    left = "; ".join(f"'{c}'" for c in clauses[len(kept):])
    spared = [m["part"] for c in clauses[len(kept):] if (m := _FINE.match(c))]
    if spared and _GROUP.search(", ".join(kept)):    # 'mute everything, keyboard stays': all but it; 'mute the drums, kick
        said = ", ".join(kept)                         # stays': which drums is not guessed (refused as said)
        return (f"'{spared[0]}' kept out of it", f"{said} except {spared[0]}") if _ALL_OUT.match(said) else None
    return f"left out: {left} (a remark on the change, not another)", ", ".join(kept)


#: Words naming several parts at once: a part said to stay may be one of them.
_GROUP = re.compile(r"\b(?:everything|everyone|everybody|all|drums|kit|band|tutti|whole|tracks|parts)\b", re.I)
#: Everything out ('mute everything', 'drop it all'): 'except' the part said to stay reads as a solo of it.
_ALL_OUT = re.compile(r"^(?:mute|drop|kill|cut|silence)\s+(?:everything|it\s+all|all)$", re.I)


def _names(word: str, model: PatchModel, part_named) -> bool:
    word = word.lower().removesuffix("'s")
    return word in model.tracks or word in model.labels or part_named(word) is not None


def _agrees(clause: str, before: list[str]) -> bool:
    """A complaint whose change the command before it already makes ('softer' and 'too loud': both quieter)."""
    complaint = _COMPLAINT.match(clause)
    if complaint is None or complaint["adj"].lower() not in ADJECTIVES:
        return False
    wanted = COMPARATIVES.get(ADJECTIVES[complaint["adj"].lower()][0])
    said = [COMPARATIVES.get(w) for c in before for w in re.findall(r"[\w-]+", c.lower())]
    return wanted is not None and wanted in said


#: How fast, said after a tempo given as a number (never how to get there: 'tempo 80, slowly' is a glide) ('tempo 80 over 8 bars, slow for the sad part', 'slow down to 80,
#: nice and slow'): the number is the tempo meant — until session 45 the word went on 5 bpm past it.
_PACE = re.compile(r"^(?:(?:nice|nice\s+and|real|really|very|a\s+bit|bit|little|lil|so)\s+)*(?P<way>slow|slower|fast|faster|quick|"
                   r"quicker)(?:\s+and\s+[\w-]+)?(?:\s+(?:for|in|during)\s+.+)?$", re.I)
_TEMPO_VALUE = re.compile(r"\b(?:tempo|bpm)\s*(?:to\s+|at\s+)?(?P<a>\d+(?:\.\d+)?)|\b(?P<b>\d+(?:\.\d+)?)\s*bpm\b|"
                          r"\b(?:slow|speed|bring|take)\s+(?:\w+\s+)?(?:down|up)?\s*to\s+(?P<c>\d+(?:\.\d+)?)", re.I)


def _pace_said_again(clause: str, before: list[str], model: PatchModel) -> bool:
    """A pace word after a tempo said as a number, the number already that way from the tempo now."""
    pace, said = _PACE.match(clause), [m for c in before for m in _TEMPO_VALUE.finditer(c)]
    if pace is None or len(said) != 1 or model.bpm is None:
        return False
    tempo = float(said[0]["a"] or said[0]["b"] or said[0]["c"])
    return tempo < model.bpm if pace["way"].lower().startswith("slow") else tempo > model.bpm


__all__ = ["remark_after"]
