"""A change over time called off while it runs: 'stop the fade', 'hold the sweep there', 'freeze the filter sweep'
keep the param where it is now; 'cancel the fade', 'scrap that fade', 'never mind the fade' put it back where the
ramp started. Only the ramps running now are stopped (the shell's ramp watch says which, and where each is); the
word says which ones — a fade is a level, a sweep a cutoff or a tone, a glide a pitch — and with none running the
line is refused with what could be meant.
"""
from __future__ import annotations

import re

from .errors import LanguageError
from .patch_model import PatchModel
from ..engine.params import format_number

_HOLD = r"stop|halt|hold|freeze|pause|end|kill"
_BACK = r"cancel|undo|abort|scrap|forget|drop|never\s*mind|nevermind|call\s+off|take\s+back"
_WHAT = (r"fade(?:\s+(?:out|in))?|fading|swell|sweep|filter\s+sweep|riser|ramp|glide|automation|build(?:\s*-?\s*up)?|"
         r"speeding\s+up|slowing\s+down|accelerating|decelerating|accelerando|ritardando|rallentando")
_STOP = re.compile(rf"^(?:(?:ok|okay|no|wait|actually|hey)[\s,!]+)*(?P<verb>{_HOLD}|{_BACK})\s+(?:the\s+|that\s+|this\s+|my\s+|it'?s\s+)?"
                   rf"(?:(?P<part>[\w-]+)(?:'s)?\s+)?(?P<what>{_WHAT})(?:\s+(?:there|here|now|where\s+it\s+is|please|pls))*[\s.!]*$",
                   re.I)
#: Said mid-ramp with no ramp named: 'hold it there', 'stop there', 'freeze it', 'stop right there', 'keep it where it is',
#: 'freeze the filter', 'hold the cutoff there' — where the ramps are now (a word of place, or freeze/hold, says so).
_HERE = r"(?:right\s+)?(?:there|here|where\s+(?:it|they)(?:\s+is|\s+are|'s|'re)|at\s+that|like\s+that)"
_HOLD_IT = re.compile(rf"^(?:(?:ok|okay|no|wait|actually|hey|and|now)[\s,!]+)*(?:(?P<verb>stop|halt|hold|freeze|pause|keep|leave|"
                      rf"park|stay)(?:\s+(?P<what>it|that|this|them|those|everything|things|it\s+all|all|the\s+[\w-]+))?"
                      rf"(?P<here>(?:\s+{_HERE})?))(?:\s+(?:please|pls|now))*[\s.!]*$", re.I)
#: The params each word stops (a word not here stops any running ramp).
_PARAMS = {"fade": ("gain",), "fading": ("gain",), "swell": ("gain",), "sweep": ("cutoff", "tone", "freq"),
           "glide": ("freq", "bpm"), "riser": ("cutoff", "freq", "gain"), **dict.fromkeys(
               ("speeding", "slowing", "accelerating", "decelerating", "accelerando", "ritardando", "rallentando"), ("bpm",))}
_TEMPO = "seq.bpm"


def ramp_stop(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a running ramp stopped or called off; None for any
    other line; LanguageError when no such ramp runs."""
    match = _STOP.match(line.strip())
    if match is None:
        return held_where_it_is(line, model, part_named)
    what, hold = match["what"].lower().split()[0], re.fullmatch(_HOLD, match["verb"], re.I) is not None
    named = re.sub(r"\s+", " ", match["what"].lower()) if _PARAMS.get(what) == ("bpm",) else what   # ('speeding up')
    part = part_named(match["part"].lower()) if match["part"] else None
    if match["part"] and part is None and match["part"].lower() != "filter":
        return None
    voice = set(model.voice_of(part)) | {part} if part else None
    running = [key for key in model.going_to
               if (voice is None or key.split(".")[0] in voice) and key.split(".")[1] in _PARAMS.get(what, (key.split(".")[1],))]
    if not running:
        raise LanguageError(f"no {named} is running now: nothing to {match['verb'].lower()} — to set a level at once, "
                            f"e.g. 'volume -6 db'; 'undo' takes back the last line", match.start("what"))
    settings, said = [], []
    for key in running:
        module_id, param = key.split(".")
        now = model.bpm if key == _TEMPO else float(model.value(module_id, param))
        value = now if hold else model.ramp_from.get(key, now)
        settings.append(f"tempo {format_number(value)}" if key == _TEMPO else f"set {module_id} {param} to {format_number(value)}")
        said.append(f"tempo {format_number(value)} bpm" if key == _TEMPO else
                    f"{module_id} {param} {format_number(value)}{_unit(model, module_id, param)}")
    how = "stopped where it is" if hold else "called off: back where it started"
    other = f"'cancel the {named}' puts it back where it started" if hold else f"'stop the {named}' keeps it where it is"
    return f"the {named} {how}: {', '.join(said)} ({other})", " and ".join(settings)


def held_where_it_is(line: str, model: PatchModel, part_named) -> tuple[str, str] | None:
    """'hold it there', 'stop there', 'freeze it' said while ramps run: each stopped where it plays; 'it' with two running
    asks which (the fade or the sweep); 'freeze the filter' the one on that part. None for any other line (no ramp
    running and no word of place: 'hold it' is a held note's), LanguageError when none runs and one was meant."""
    match = _HOLD_IT.match(line.strip())
    verb = match["verb"].lower() if match else ""
    placed = bool(match and match["here"].strip())
    if match is None or not placed and verb not in ("freeze", "hold") or verb in ("keep", "leave", "park") and not match["what"]:
        return None
    what = (match["what"] or "").lower()
    named = what[4:] if what.startswith("the ") else None
    if named in ("fade", "sweep", "ramp", "glide", "riser", "automation", "music", "beat", "whole", "lot"):
        return None                                     # (the ramp said by its word: above; 'stop the music': the transport)
    part = part_named(named) if named else None
    running = [key for key in model.going_to if named is None or key.split(".")[0] in set(model.voice_of(part)) | {part}
               or key.split(".")[1] == named or named in model.modules.get(key.split(".")[0], "").split("_") or named in ("volume", "level") and key.endswith(".gain")
               or named == "tempo" and key == _TEMPO]
    if not running:
        if not model.going_to and not placed:
            return None
        raise LanguageError(f"nothing {'of that ' if named else ''}is changing over time now: nothing to {verb} "
                            f"({'no ramp on ' + named if named else 'no fade, sweep or glide running'}); 'undo' takes back the "
                            f"last line", 0)
    if what in ("it", "that", "this") and len(running) > 1:
        said = " or ".join(f"'hold the {_word(key)} there'" for key in running)
        raise LanguageError(f"'{what}': {len(running)} changes are running — {said}, or 'hold everything there'", 0)
    settings, said = zip(*(_held(model, key) for key in running))
    return f"stopped where {'it is' if len(running) == 1 else 'they are'}: {', '.join(said)}", " and ".join(settings)


def _word(key: str) -> str:
    """How a musician names a running ramp: the fade (a level), the tempo, else its param."""
    return "tempo" if key == _TEMPO else "fade" if key.endswith(".gain") else key.split(".")[1]


def _held(model: PatchModel, key: str) -> tuple[str, str]:
    """(the setting in the grammar's words, what is said back) that keeps a ramping param where it plays now."""
    module_id, param = key.split(".")
    if key == _TEMPO:
        return f"tempo {format_number(model.bpm)}", f"tempo {format_number(model.bpm)} bpm"
    now = float(model.value(module_id, param))
    return f"set {module_id} {param} to {format_number(now)}", f"{module_id} {param} {format_number(now)}{_unit(model, module_id, param)}"


def _unit(model: PatchModel, module_id: str, param: str) -> str:
    unit = model.spec(module_id).param(param).unit
    return "" if unit in ("ratio", "enum", "bool") else f" {unit}"


__all__ = ["ramp_stop"]
