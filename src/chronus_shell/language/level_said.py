"""A part's level or place said the way a mixing musician says it, read before the grammar: a complaint then the step
it asks for ('the claps too much, down 6db', 'kick is too loud — 3 db down'): one step, the one said, never the
complaint's own step as well; a side then how far, after a level ('hats quieter 3 db and a bit more right, 30'): a
pan of that many percent; and the parts said to stay as they are after the change ('Hi-hat softer; kick and snare
stay as they are'): left out, when the change names none of them. A step against its complaint ('too loud, up 3 db')
is no step the musician meant: refused."""
from __future__ import annotations

import re
from collections.abc import Callable

from .errors import LanguageError
from .lead_words import LEAD

_LOUD, _QUIET = r"loud|much|hot|strong|boomy|harsh|present|forward", r"quiet|soft|low|weak|buried|thin|far|back"
_COMPLAINT = re.compile(
    rf"^{LEAD}(?P<part>(?:the\s+|my\s+)?[\w-]+(?:\s+(?:and|&)\s+(?:the\s+)?[\w-]+)?)(?:'s)?\s+(?:(?:is|are|'s|sounds?|still)\s+)*"
    rf"(?:(?:way|a\s+bit|a\s+little|much|far)\s+)?too\s+(?:(?P<loud>{_LOUD})|(?P<quiet>{_QUIET}))\s*(?:[,.;:!—–]|\s-)+\s*"
    r"(?:(?:so|just|bring\s+(?:it|them)|turn\s+(?:it|them)|take\s+(?:it|them))\s+)?(?:(?P<way>down|up|lower|higher|quieter|softer|louder)\s+)?"
    r"(?:by\s+)?(?P<minus>-|minus\s+)?(?P<n>\d+(?:\.\d+)?)\s*db(?:\s+(?P<way2>down|up|lower|higher|quieter|softer|louder))?[\s.!]*$", re.I)
_DOWN = ("down", "lower", "quieter", "softer")
#: '… and a bit more right, 30', '…, more to the left: 20': the side, then how far (a pan knob's percent).
_SIDE_THEN_HOW_FAR = re.compile(r"\b(?:and\s+)?(?:pan(?:ned)?\s+)?(?:(?:a\s+)?(?:(?:bit|little|touch|tad)\s+)+|slightly\s+)?(?:more\s+)?(?:(?:to|on)\s+the\s+)?"
                                r"(?P<side>left|right)\s*[,:]\s*(?P<n>\d{1,3})\s*%?[\s.!]*$", re.I)
#: '; kick and snare stay as they are', ', leave the kick alone': the parts not to change.
_STAY = re.compile(r"\s*[;,.—–]\s*(?:(?:but|and)\s+)?(?:(?:leave|keep)\s+(?P<left>.+?)\s+(?:alone|as\s+(?:it\s+is|they\s+are)|untouched|where\s+"
                   r"(?:it\s+is|they\s+are))|(?P<stay>.+?)\s+(?:stays?|remains?)\s+(?:as\s+(?:it\s+is|they\s+are)|the\s+same|where\s+(?:it\s+is|"
                   r"they\s+are)|untouched|unchanged|put))[\s.!]*$", re.I)


#: Words for several parts at once: one of them said to stay is no remark ('mute everything, leave the kick alone').
_GROUP = re.compile(r"\b(?:everything|all|drums|kit|band|every(?:one|body)|whole|rest|others?|both|mix)\b", re.I)


def level_said(line: str, part_named: Callable[[str], str | None]) -> tuple[str, str] | None:
    """(how it was read, the line in the grammar's words) for a level or a place said so, else None."""
    return _complaint_step(line) or _side_how_far(line) or _others_stay(line, part_named)


def _complaint_step(line: str) -> tuple[str, str] | None:
    match = _COMPLAINT.match(line.strip())
    if match is None:
        return None
    way = (match["way"] or match["way2"] or "").lower()
    down = way in _DOWN or bool(match["minus"]) if way or match["minus"] else bool(match["loud"])
    if down != bool(match["loud"]):
        raise LanguageError(f"'{match.group(0).strip()}': too {match['loud'] or match['quiet']}, yet "
                            f"{'down' if down else 'up'}? say the step, e.g. '{match['part']} {'up' if down else 'down'} "
                            f"{match['n']} db'", 0)
    return f"too {(match['loud'] or match['quiet']).lower()}: {'down' if down else 'up'} {match['n']} db", \
        f"{match['part']} {'down' if down else 'up'} {match['n']} db"


def _side_how_far(line: str) -> tuple[str, str] | None:
    match = _SIDE_THEN_HOW_FAR.search(line.strip())
    before = line.strip()[:match.start()].rstrip(" ,") if match else ""
    if match is None or int(match["n"]) > 100 or re.search(r"\b(?:the|a|on|to|in|at|of)$", before, re.I) \
            or re.search(r"\bpan(?:ned)?\b", before, re.I):
        return None                                   # (the side's own words cut off, or a pan said: not this)
    if not before:                                    # ('a little bit to the left, 20' after 'hats louder': the part in focus)
        return f"{match['side'].lower()}, {match['n']}: pan {match['n']}% {match['side'].lower()}", \
            f"pan {match['n']}% {match['side'].lower()}"
    joined = " and" if match.group(0).lower().startswith("and") else \
        "" if re.fullmatch(r"(?:the\s+|my\s+)?[\w-]+", before, re.I) else ","   # ('hats a bit more right, 30': hats pan …)
    said = f"pan {match['n']}% {match['side'].lower()}"
    return f"{match['side'].lower()}, {match['n']}: {said}", f"{before}{joined} {said}"


def _others_stay(line: str, part_named: Callable[[str], str | None]) -> tuple[str, str] | None:
    match = _STAY.search(line.strip())
    if match is None:
        return None
    kept, change = match["left"] or match["stay"], line.strip()[:match.start()].strip()
    words = [w for w in re.split(r"[\s,&]+|\band\b|\bthe\b|\bmy\b|\bboth\b", kept.lower()) if w]
    stays = {part_named(w) for w in words}
    if not change or not words or None in stays or stays & {part_named(w) for w in re.findall(r"[\w-]+", change.lower())} \
            or _GROUP.search(change):
        return None                                   # (a part both changed and said to stay, or in a group changed: not guessed)
    return f"'{match.group(0).strip(' ;,.')}' left out: nothing to change", change


__all__ = ["level_said"]
