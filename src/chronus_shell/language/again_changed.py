"""The last line done again with one thing changed ('again but to 300' after 'filter down to 600 over 4 bars', 'same
but 4 bars' after '… for 2 bars', 'then down again to 400 in 4 bars' after 'filter up to 4000 over 8 bars'): the last
line said again with what is said in place of what it had — a way (up, down), a value it went to, a length of time —
each of which the last line said once. Anything the last line did not say once (two values, no time) is not guessed:
the line is left to the refusal."""
from __future__ import annotations

import re

from .errors import LanguageError
from .lead_words import LEAD
from .timed_then import then_after_timed

#: The ways a line can go, by what they move: a way said again is one of the same kind ('louder' is no way of a filter).
_KINDS = (("up", "down", "higher", "lower"), ("louder", "quieter", "softer"), ("faster", "slower"))
_WAY = "|".join(w for kind in _KINDS for w in kind)
_SAME = r"(?:(?:the\s+)?same(?:\s+(?:thing|again))?|(?:do\s+)?(?:it|that)\s+again|again|once\s+more|one\s+more\s+time)"
_NUMBER = r"-?\d+(?:\.\d+)?(?:\s*(?:khz|k|hz|db|bpm|ms)\b|%)?"
_SPAN = r"(?:(?:over|in|for|across|during)\s+)?(?:the\s+next\s+)?\d+\s+(?:bars?|beats?)"
#: What changes: a way, a value gone to, a length of time (at least one of them).
_CHANGE = rf"(?=\S)(?:(?P<way>{_WAY})\b\s*)?(?:again\s+)?(?:(?:(?:to|at)\s+)?(?P<value>{_NUMBER})\s*)?(?P<span>{_SPAN})?"
_AGAIN_BUT = re.compile(rf"^{LEAD}{_SAME}[\s,]+(?:but|only|just)\s+(?:this\s+time\s+)?{_CHANGE}(?:\s+this\s+time)?[\s.!]*$", re.I)
#: 'then down again to 400 in 4 bars': the way back, with 'again' in it.
_WAY_AGAIN = re.compile(rf"^{LEAD}(?P<way>{_WAY})\s+again\s+(?:(?:to|at)\s+(?P<value>{_NUMBER})\s*)?"
                        rf"(?P<span>{_SPAN})?[\s.!]*$", re.I)


def again_changed(line: str, last_text: str) -> tuple[str, str] | None:
    """(how it was read, the last line with the change made) for the last line done again with a change, else None."""
    match = _AGAIN_BUT.match(line.strip()) or _WAY_AGAIN.match(line.strip())
    if match is None or not last_text or last_text.lstrip().startswith("/") or not any(match.group("way", "value", "span")):
        return None
    cut = then_after_timed(line, last_text)
    if cut is not None:                               # ('then down again …' after a ramp: at once it would cut it short)
        raise LanguageError(cut[0], 0)
    text = last_text.strip().rstrip(".!")
    if match["way"] and not match["value"] and _once(text, rf"\b(?:to|at)\s+{_NUMBER}"):
        return None                                   # ('down to 600', then 'same but up': up to 600 is no way up)
    for change, replaced in ((match["way"], _way_turned), (match["value"], _value_to), (match["span"], _span_to)):
        if change:
            text = replaced(text, change.strip())
            if text is None:
                return None
    return f"the last line again: '{text}'", text


def _once(text: str, pattern: str) -> re.Match | None:
    found = list(re.finditer(pattern, text, re.I))
    return found[0] if len(found) == 1 else None


def _way_turned(text: str, way: str) -> str | None:
    """The last line's one way ('up') said as the one meant ('down'); kept when it is that way already."""
    said = _once(text, rf"\b(?:{_WAY})\b")
    if said is None or not any(way.lower() in kind and said.group(0).lower() in kind for kind in _KINDS):
        return None
    return text[:said.start()] + way.lower() + text[said.end():]


def _value_to(text: str, value: str) -> str | None:
    """The one value the last line went to ('to 600', 'at 2k') said as the one meant."""
    said = _once(text, rf"\b(?P<prep>to|at)\s+{_NUMBER}")
    return None if said is None else f"{text[:said.start()]}{said['prep']} {value}{text[said.end():]}"


def _span_to(text: str, span: str) -> str | None:
    """The one length of time of the last line ('over 8 bars') said as the one meant ('in 4 bars', '4 bars')."""
    said = _once(text, r"\b(?P<prep>over|in|for|across|during)\s+(?:the\s+next\s+)?\d+\s+(?:bars?|beats?)\b")
    if said is None:
        return None
    span = span if re.match(r"(?:over|in|for|across|during)\b", span, re.I) else f"{said['prep']} {span}"
    return text[:said.start()] + span + text[said.end():]


__all__ = ["again_changed"]
