"""'Them both', 'both of them', and 'them' after a change of several parts: the parts meant, the line said
for each (as 'kick and snare louder' is) — never the part in focus alone. Both are the two the last
change moved, else the two voices heard (with no such pair the line asks which two); 'them' is the parts
the last change moved when it moved several (else it is what it always was: the part in focus)."""
from __future__ import annotations

import re

from ..protocol.message import Message
from .errors import LanguageError
from .scene_words import em_as_them
from .param_words import COMPARATIVES
from .patch_model import MASTER, PatchModel

#: 'them' as the parts themselves ('half of them' is a share of the hits, 'them both' the pair above).
_THEM = re.compile(r"(?<!\bof\s)\bthem\b(?!\s+both\b)", re.I)
#: The pronoun of two parts; a bare 'both' only before what it does ('both louder', 'both to the left').
#: The part a change is measured against ('make them louder than the hats'): not one of the parts changed.
_THAN = re.compile(r"\bthan\s+(?:the\s+|my\s+)?[\w-]+", re.I)
#: An effect's name said as what the line does to both ('lowpass both at 300', 'distort them both'): no part named.
_EFFECT_VERB = re.compile(r"^\s*(?:lowpass|low-pass|highpass|high-pass|bandpass|band-pass|filter|distort|delay|reverb|crush)\b", re.I)
_BOTH = re.compile(r"\b(?:them\s+both|both\s+of\s+them|the\s+two\s+of\s+them|both\s+of\s+those|both(?=\s*(?:$|[,.!]|"
                   r"(?:up|down|to|at|a\s+bit|a\s+little|more|less|-?\d)\b|(?:" + "|".join(COMPARATIVES) + r")\b)))", re.I)


_PUT_BACK = re.compile(r"^\s*put\s+(?:them|those)(?:\s+both)?\s+back(?:\s+please)?[\s.!]*$", re.I)


def both_parts(line: str, model: PatchModel, last_change: list[Message], named) -> tuple[str, str] | None:
    """(what was understood, the line said once for each part meant), or None when the line has no such
    pronoun, names its parts itself ('kick and snare both louder'), or says 'them' after a change of one
    part. `named` tells whether a word names a part now."""
    line = em_as_them(line)                               # ('bring em back' after 'mute the kick and snare')
    if _PUT_BACK.match(line) and len(_changed(last_change)) >= 2:   # 'kick and snare down 2 db', 'put them back':
        return "put them back: the last change, on both", "put it back"   # that change taken back (its parts said)
    match = _BOTH.search(line)
    changed = _changed(last_change)
    parts = (changed if len(changed) == 2 else _heard_pair(model)) if match else None
    if match is None:
        match = _THEM.search(line)
        parts = changed if match and len(changed) >= 2 else None
        if parts is None:
            return None
    around = _THAN.sub("", line[:match.start()] + " " + line[match.end():])   # 'louder than the hats': a yardstick
    around = _EFFECT_VERB.sub("", around)             # 'lowpass both at 300': the verb, though the one filter's alias
    if re.search(r"\band\b|[&+,]", line[:match.start()]) or any(named(w) for w in re.findall(r"[\w-]+", around)):
        return None                                   # 'doum and tek both louder': the parts said
    if parts is None:
        raise LanguageError(f"'{match.group(0)}' — which two? name them, e.g. 'the kick and the snare louder'", match.start(), (), line)
    said = [line[:match.start()] + part + line[match.end():] for part in parts]
    return f"{match.group(0)}: {', '.join(parts[:-1])} and {parts[-1]}", ", ".join(s.strip().rstrip(".!") for s in said)


def _changed(last_change: list[Message]) -> list[str]:
    """The modules (not the mix) the last change set values of, in order — or the tracks it muted or
    brought back ('mute the snare and the hats', 'bring them back')."""
    changed: list[str] = []
    for message in last_change:
        parts = message.parts
        if len(parts) == 3 and parts[0] in ("mod", "ramp") and parts[1] != MASTER and parts[1] not in changed:
            changed.append(parts[1])
    muted = [str(m.args[0]) for m in last_change if m.address == "/seq/mute" and m.args]
    return changed or list(dict.fromkeys(muted))


def moved_together(messages: list[Message], before: PatchModel) -> tuple[tuple[str, str], ...]:
    """The (module, param)s a line moved when it moved one param on several parts the same way ('kick and snare
    louder'), else none: a follow-up ('more', 'too much', 'again') is then of them all. Moved opposite ways ('kick
    louder and hats quieter'), 'more' is of the last alone — never the first turned back."""
    moved = {}
    for m in messages:
        parts = m.address.split("/")
        if m.address.startswith(("/mod/", "/ramp/")) and len(parts) == 4 and parts[2] != MASTER and m.args:
            moved[(parts[2], parts[3])] = _way(before, parts[2], parts[3], m.args[0])
    together = tuple(moved)
    if len({module for module, _ in together}) < 2 or len(together) != len({m for m, _ in together}):
        return ()
    return together if len(set(moved.values())) == 1 else ()


def step_from(model: PatchModel, before: PatchModel, messages: list[Message]) -> float | None:
    """Where the line moved the last param from, when it moved it at once ('more resonance': 0.707 → 2.697)."""
    if model.last_param is None or model.last_param[0] == "seq":
        return None
    module, param = model.last_param
    if not any(m.address == f"/mod/{module}/{param}" for m in messages):
        return None
    try:
        return float(before.value(module, param))
    except (TypeError, ValueError, AttributeError, KeyError):
        return None


def ramp_starts(known: dict[str, float], before: PatchModel, messages: list[Message]) -> dict[str, float]:
    """`known` with where each ramp the line started begins ('fade out over 16 bars': the master from 0 dB); a value
    set since is where 'back' goes no more ('cutoff 300' after a sweep: 'back up' is no longer to its start)."""
    started, known = {}, dict(known)
    for m in messages:
        parts = m.address.split("/")
        if m.address.startswith("/mod/") and len(parts) == 4:
            known.pop(f"{parts[2]}.{parts[3]}", None)
            started.pop(f"{parts[2]}.{parts[3]}", None)
        if m.address.startswith("/ramp/") and len(parts) == 4:
            try:
                started[f"{parts[2]}.{parts[3]}"] = float(m.args[3]) if len(m.args) > 3 else \
                    float(before.value(parts[2], parts[3]))
            except (TypeError, ValueError, AttributeError, KeyError):
                continue
    return {**known, **started}


def _way(before: PatchModel, module: str, param: str, value) -> int:
    """+1, −1 or 0: which way a value moved from what the model had before the line (0 where it cannot tell)."""
    try:
        old = float(before.value(module, param))
        return (float(value) > old) - (float(value) < old)
    except (TypeError, ValueError, AttributeError, KeyError):
        return 0


def _heard_pair(model: PatchModel) -> list[str] | None:
    """The first modules of the voices heard, when there are two."""
    heard = [voice[0] for voice in model.sounding_voices()]
    return heard if len(heard) == 2 else None


__all__ = ["both_parts", "moved_together"]
