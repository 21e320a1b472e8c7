"""'Filter envelope' is the acid filter's own envelope (its env_amount, and its decay), never an amp
envelope (an adsr inserted in the voice, or patched onto a pitch): 'more filter envelope', 'filter
env to 80%', 'filter envelope decay 300'. Asking to add one is answered with how to use the one there
(an acid filter always has it); with no acid filter, the line is refused with what can move a cutoff.
"""
from __future__ import annotations

import re

from .errors import LanguageError
from .intents import Word, Words
from .patch_model import PatchModel
from .resolve import Resolver
from .units import format_number

_ENV = r"(?:env(?:elope)?|eg|contour)"
_AMOUNT = r"(?:\s+(?:amount|amt|depth|mod(?:ulation)?|intensity|level))?"
#: 'filter envelope', 'the 303's env mod', 'filter env decay'; 'envelope on the filter', 'an env to the cutoff'.
_NAMED = re.compile(rf"\b(?:(?:the\s+)?(?:filter|vcf|cutoff|303|acid)(?:'s)?\s+{_ENV}(?:\s+(?P<decay>decay|length))?{_AMOUNT}"
                    rf"|(?:an?\s+|the\s+)?{_ENV}{_AMOUNT}\s+(?:on|to|of|for)\s+(?:the\s+)?(?:filter|vcf|cutoff|303|acid(?:\s+filter)?))\b",
                    re.I)
#: Asking for one ('add a filter envelope', 'give it a filter env'); 'give it more filter envelope' is more of it.
_ADD = re.compile(r"\b(?:add|put|give|insert|throw|stick|slap|want|need|use)\b(?!.*\b(?:more|less)\b)", re.I)

#: Nothing after it but where it goes ('a filter envelope on the bass', 'filter envelope'): asking for one too.
_PLACED = re.compile(r"^\s*(?:(?:on|to|for|in)\s+(?:the\s+)?[a-z_]+\d*)?\s*[.!?]*\s*$", re.I)
_DECAY_OF = re.compile(r"\b(?:decay|length)\s+(?:on|of|for|in)\s+$", re.I)
_PART = re.compile(r"\s+(?:on|for|in)\s+(?:the\s+)?([a-z_]+\d*)\b", re.I)
_BARE = re.compile(r"\s*(?:(?:an?|the|some)\s+)?", re.I)


#: 'kill the env', 'less of the envelope': the acid filter's when the patch has no amp envelope (an adsr), or when
#: an amount of it is asked (an adsr has none).
_THE_ENV = re.compile(r"\bthe\s+(?:env|envelope)\b(?!\s*(?:attack|decay|sustain|release|on|to|for)\b)", re.I)


#: Verbs of an amount ('kill the env', 'more of the envelope'): an amp envelope (an adsr) has none, the acid filter's has.
_AN_AMOUNT = re.compile(r"\b(?:kill|more|less|lose|cut|reduce|increase|max|zero|no|turn\s+(?:up|down|off))\b(?:\s+of)?\s*$|"
                        r"\b(?:kill|lose|cut)\b.*\band\s*$", re.I)


_OFF = re.compile(r"\b(?:turn|switch|shut)\s+off\s+$", re.I)


def _the_only_envelope(line: str, model: PatchModel) -> str:
    """'the env' as the acid filter's env_amount where it can only be that one — never the voice's level ('kill the
    env' had muted the bass)."""
    bare = _THE_ENV.search(line)
    acid = model.of_type("acid_filter")
    if bare is None or len(acid) != 1 or _ADD.search(line[:bare.start()]) or \
            model.of_type("adsr") and not _AN_AMOUNT.search(line[:bare.start()]):
        return line
    off = _OFF.search(line[:bare.start()])
    if off is not None:                                  # 'turn off the envelope': its amount to none
        return f"{line[:off.start()]}{acid[0]} env_amount 0{line[bare.end():]}"
    return f"{line[:bare.start()]}{acid[0]} env_amount{line[bare.end():]}"


def filter_envelope(line: str, model: PatchModel) -> str:
    """The line with 'the filter envelope' said as the acid filter's param; the same line when it
    names none. LanguageError when it asks for one to be added, or when there is no acid filter."""
    match = _NAMED.search(line)
    if match is None and not line.lstrip().startswith("/"):
        return _the_only_envelope(line, model)
    if match is None or line.lstrip().startswith("/"):
        return line
    acid = model.of_type("acid_filter")
    if not acid:
        filters = model.of_type("filter")
        where = f"{filters[0]} cutoff" if filters else "cutoff"
        raise LanguageError(f"there is no filter envelope: only an acid filter has one ('add an acid filter', then "
                            f"'more filter envelope'); to move a cutoff over time, say 'add an lfo to {where}' or "
                            f"'sweep the {where} from 200 to 2k over 4 bars'", match.start(), (), line)
    part = _PART.match(line[match.end():])
    module_id = _acid_filter(model, part.group(1) if part else None, match.start())
    start = match.start()
    decay = _DECAY_OF.search(line[:start])                  # 'longer decay on the filter env'
    if decay is not None:
        start = decay.start()
    param = "decay" if match.group("decay") or decay else "env_amount"
    if _ADD.search(line[:start]) or _PLACED.match(line[match.end():]) and _BARE.fullmatch(line[:start]):
        amount, decay_ms = (format_number(float(model.value(module_id, p))) for p in ("env_amount", "decay"))
        raise LanguageError(f"{module_id} has its own filter envelope (env_amount {amount}, decay {decay_ms} ms): say 'more filter envelope', 'filter envelope "
                            f"to 80%' or 'filter envelope decay 400 ms'", match.start(), (), line)
    rest = line[match.end() + (part.end() if part else 0):]
    return f"{line[:start]}{module_id} {param}{rest}"


def _acid_filter(model: PatchModel, part: str | None, column: int) -> str:
    """The acid filter of the part named ('on the bass'), else the one the focus picks."""
    resolver = Resolver(model)
    if part is not None:
        try:
            voice = model.voice_of(resolver.module(Words((Word(part, column),)), hints=False))
        except LanguageError:
            voice = []
        found = [m for m in voice if model.modules[m] == "acid_filter"]
        if found:
            return found[0]
    return resolver.module(Words((Word("acid_filter", column),)))


__all__ = ["filter_envelope"]
