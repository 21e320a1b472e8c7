"""One rule for 'sweep': a sweep is a ramp of the param named (a filter's: its cutoff) from where it
is, or from the 'from' said, to the target said ('to 2k', or 'up'/'down': a big move that way),
over the time said — over 4 bars when none is said (echoed), as 'slowly' and a fade. A sweep that
repeats is an lfo, said with one ('sweep the filter with a slow lfo', 'sweep faster' when an lfo
moves it). A sweep with neither a target nor a way is asked about, never guessed.
"""
from __future__ import annotations

import re

from .errors import LanguageError

DEFAULT_SWEEP = "4 bars"
SWEEP_WHERE = ("a sweep to where? say 'sweep the cutoff to 2k' (over 4 bars unless you say 'over 8 bars'), "
               "'filter sweep up', or for one that repeats 'lfo on the cutoff'")
#: A line that is a sweep: the word heads it, or follows what sweeps ('filter sweep up to 8k').
_SWEEP = re.compile(r"^\s*(?:(?:please\s+)?(?:do|add|give\s+(?:me|it)|start|make|put)\s+)?(?:an?\s+|the\s+|some\s+)?"
                    r"(?:(?:filter|cutoff|pitch|resonance|reso|pw|pulse\s+width)\s+)?sweeps?\b(?P<rest>.*)$", re.I)
#: The lfo's sweep: one that repeats, its speed, its depth.
_REPEATS = re.compile(r"\b(?:lfo|faster|slower|rate|speed|depth|cycles?|every|hz|per|like|effect|repeat\w*)\b", re.I)
_TARGET = re.compile(r"\b(?:to|->|up|down|2)\b|→", re.I)
_TIME = re.compile(r"\b(?:over|in|during|across|within|for)\s+(?:\w+\s+)?(?:bars?|beats?|measures?|seconds?|secs?|s|minutes?|"
                   r"steps?|takts?)\b|\b(?:slowly|gradually|quickly)\b", re.I)

_NOTHING_NAMED = re.compile(r"^(\s*sweep)\s+(?P<it>(?:it|that|this|them)\s+)?(?=(?:up\s+|down\s+)?to\b|(?:up|down)\b)", re.I)


def sweep_line(text: str, model) -> tuple[str, str | None]:
    """(the line, what the echo says): a sweep without a time gets the default; a sweep without a
    target is refused with the forms that work; 'sweep it up' with no cutoff in the voice in focus is refused (it was
    another voice's filter, in silence). Any other line comes back as it is."""
    match = _SWEEP.match(text)
    if match is None or _REPEATS.search(text):
        return text, None
    rest = match.group("rest")
    if not _TARGET.search(rest):
        raise LanguageError(SWEEP_WHERE, 0, (), text)
    named = _NOTHING_NAMED.match(text)
    if named and named["it"] and model.focus in model.modules and \
            not any(model.spec(m).has_param("cutoff") for m in model.voice_of(model.focus) or [model.focus]):
        other = next((m for m in model.modules if model.spec(m) and model.spec(m).has_param("cutoff")), None)
        raise LanguageError(f"{model.focus} has no filter cutoff to sweep: add a filter ('add a filter to {model.focus}')" +
                            (f", or name the one meant ('sweep {other} up to 2k')" if other else ""), 0, (), text)
    text = _NOTHING_NAMED.sub(r"\1 the cutoff ", text)          # 'sweep down to 300': a sweep is a filter's
    if _TIME.search(rest):
        return text, None
    return f"{text.rstrip(' .!')} over {DEFAULT_SWEEP}", f"sweep: over {DEFAULT_SWEEP} (no time said)"


__all__ = ["sweep_line", "DEFAULT_SWEEP", "SWEEP_WHERE"]
