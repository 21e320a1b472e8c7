"""An interval corrected on the next line: 'transpose the strings up a fifth', then 'no, a fourth' or 'I meant a
minor third' — the move the last line made, made again by the interval meant: the difference, from where the
last line left the notes ('down 2 semitones'), so the part lands where it would have with the right word.
Only a correction (no, sorry, I meant, make that; actually, … instead: `said_instead`) of a line that moved by an interval is read so.
"""
from __future__ import annotations

import re

from .errors import LanguageError
from .harmony_moves import _INTERVALS
from .lead_words import TAKE_BACK

#: ('wait a second' is no correction to a second: the interval is said with its quality, 'a major second')
INTERVAL_NAMES = "|".join(sorted((re.escape(n) for n in _INTERVALS if len(n) > 2 and n != "second"), key=len, reverse=True))
_UP, _DOWN = r"up|higher|above", r"down|lower|below"
#: ... or the interval said first taken back: 'not a half step: a whole step'.
_MARK = rf"(?:{TAKE_BACK}[\s,.!—–]+)+" \
        r"(?:i\s+meant?\s+|make\s+(?:it|that)\s+)?|(?:i\s+meant?|make\s+(?:it|that))[\s,]+|" \
        rf"(?:{TAKE_BACK}[\s,.!—–]+)*not\s+(?:(?:{_UP}|{_DOWN})\s+)?(?:by\s+)?(?:a|an|one)\s+(?:{INTERVAL_NAMES})[\s,.!:;—–-]+"
#: What only says it was a slip ('sorry, I said it backwards', 'my bad'), after the interval meant.
_SLIP = r"instead|sorry|please|only|my\s+(?:bad|mistake)|i\s+misspoke|i\s+mean[t]?|from\s+where\s+(?:it|they)\s+(?:was|were)|(?:please\s+)?forgive\s+me|i\s+(?:said|got)\s+it\s+(?:backwards|wrong|the\s+wrong\s+way)|not\s+an?\s+\w+"
_CORRECTION = re.compile(rf"^(?:{_MARK})(?:just\s+|only\s+)?(?:(?P<dir1>{_UP}|{_DOWN})\s+)?(?:by\s+)?(?:just\s+|only\s+)?(?:(?:a|an|one)\s+)?"
                         rf"(?P<size>{INTERVAL_NAMES})(?:\s+(?P<dir2>{_UP}|{_DOWN}))?(?:[\s,.!]+(?:{_SLIP}))*[\s,.!]*$", re.I)
#: The move in the last line: a direction and an interval, in either order ('up a fifth', 'a fifth lower').
_MOVE = re.compile(rf"\b(?:(?P<dir1>{_UP}|{_DOWN})\s+(?:by\s+)?(?:a|an|one)\s+(?P<size1>{INTERVAL_NAMES})|(?:a|an|one)\s+(?P<size2>{INTERVAL_NAMES})"
                   rf"\s+(?P<dir2>{_UP}|{_DOWN}))\b", re.I)


#: A line that made something at an interval rather than moved it: corrected by 'undo' and the line again, not here.
_MADE = re.compile(r"\b(?:add|layer|stack|double|another|second|copy|new|chords?|interval)\b", re.I)


def _way(word: str) -> int:
    return 1 if re.fullmatch(_UP, word, re.I) else -1


def corrected_interval(line: str, last_text: str) -> list[tuple[str, str]]:
    """[(the line that makes the correction, how it was read)] for an interval corrected after a move by one, else []."""
    said, moved = _CORRECTION.match(line.strip()), _MOVE.search(last_text or "")
    if said is None:
        return []
    if _MADE.search(last_text or ""):
        return []                                     # ('layer a square a fifth above the saw': said again, a second square)
    if moved is None:
        raise LanguageError(f"'a {said['size'].lower()}' corrects a move by an interval, and the last line made none: "
                            f"say what moves, e.g. 'transpose the bass up a {said['size'].lower()}'", said.start("size"))
    old_way = _way(moved["dir1"] or moved["dir2"])
    old = old_way * _INTERVALS[(moved["size1"] or moved["size2"]).lower()]
    new_word = said["dir1"] or said["dir2"]
    new = (_way(new_word) if new_word else old_way) * _INTERVALS[said["size"].lower()]
    change = new - old
    if change == 0:
        raise LanguageError(f"'{moved.group(0)}' is the move the last line made: nothing to correct ('undo' takes it "
                            f"back)", said.start("size"))
    steps = f"{abs(change)} semitone{'s' if abs(change) > 1 else ''}"
    if moved["dir1"]:
        move = f"{'up' if change > 0 else 'down'} {steps}"
    else:
        move = f"{steps} {'higher' if change > 0 else 'lower'}"
    text = last_text[:moved.start()] + move + last_text[moved.end():]
    return [(text, f"corrected: '{moved.group(0)}' → '{said['size'].lower()}': {move} from there")]


#: A line that played notes somewhere, not moved them: a step said after it is a step of its own.
_PLAYED = re.compile(r"\b(?:play|plays|scale|arpeggio|arp|melody|notes?|from)\b", re.I)
#: A correction said with no 'no' first: 'actually …', '… instead' ('Down a whole step instead.').
_UNMARKED = re.compile(rf"^(?:actually[\s,]+)?(?P<said>(?:{_UP}|{_DOWN})\s+(?:by\s+)?(?:a|an|one)\s+(?:{INTERVAL_NAMES})|"
                       rf"(?:a|an|one)\s+(?:{INTERVAL_NAMES})\s+(?:{_UP}|{_DOWN}))(?P<instead>[\s,]+instead)?[\s.!]*$", re.I)


def said_instead(line: str, last_text: str) -> tuple[str, str] | None:
    """(how it was read, the line that makes the correction) for a move by an interval said 'instead' of the one the
    last line made ('transpose everything up a half step', then 'down a whole step instead'), else None: the line is
    read as it stands (a move of the part in focus)."""
    said = _UNMARKED.match(line.strip())
    if said is None or not (said["instead"] or line.strip().lower().startswith("actually")) or \
            _MOVE.search(last_text or "") is None or _MADE.search(last_text or "") or _PLAYED.search(last_text or ""):
        return None                                   # ('play a C major scale, one octave up from middle C': no move)
    found = corrected_interval(f"no, {said['said']}", last_text)
    return (found[0][1], found[0][0]) if found else None


__all__ = ["INTERVAL_NAMES", "corrected_interval", "said_instead"]
