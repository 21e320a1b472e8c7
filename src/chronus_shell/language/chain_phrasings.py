"""Phrasings that build or reorder a voice's chain, read again for the second stage (rephrasings.py asks
here): a layer an interval from a part ('layer a square an octave below the saw'), a new oscillator into an
effect ('a saw into a filter'), a new module with a setting ('delay with feedback 40%'), a module put first or
last, a filter mode said of a voice ('highpass the pad at 200'), two effects swapped."""
from __future__ import annotations

import re

from ..engine.catalogue import CATALOGUE
from .patch_model import PatchModel

_SWAP = re.compile(r"^(?:swap|switch|exchange|flip)\s+(?:the\s+)?(.+?)\s+(?:and|with)\s+(?:the\s+)?(.+?)(?:\s+around)?$", re.I)


def chain_readings(text: str, model: PatchModel) -> list[tuple[str, str]]:
    """(how it was read, the line said the grammar's way) for each chain form that fits."""
    found = [built for built in (_chained(text, model), _new_with(text, model), _first_or_last(text, model),
                                 _filter_voice(text, model)) if built]
    swap = _SWAP.match(text)
    if swap:
        found.append(_swapped(swap.group(1), swap.group(2), model))
    return found


_INTERVAL = re.compile(r"^(?:and\s+)?(?:layer|stack|add|double)?\s*(?:(?:another|a|an|one)\s+)?(\w+)?\s*(an? octave|two octaves|a fifth|"
                       r"a fourth|\d+ semitones?)\s+(below|under|underneath|above|over|up|down|lower|higher)"
                       r"(?:\s+(?:the\s+)?(\w+))?$", re.I)
_SEMITONES = {"an octave": 12, "a octave": 12, "two octaves": 24, "a fifth": 7, "a fourth": 5}


def layered(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'layer a square an octave below the saw', 'another sine a fifth up': a new oscillator at that
    interval from one there (the focus when none is named), into the same chain."""
    match = _INTERVAL.match(text)
    if not match:
        return None
    kind, interval, where, named = match.groups()
    semis = _SEMITONES.get(interval.lower()) or int(interval.split()[0])
    down = where.lower() in ("below", "under", "underneath", "down", "lower")
    if kind and kind.lower() in ("one", "it", "layer"):
        kind = None
    if named:
        reference = named if named in model.modules else next(
            (m for m, t in model.modules.items() if t in CATALOGUE and (t == named or named in CATALOGUE[t].spec.aliases)),
            None)
    else:
        reference = _pitched_reference(model, kind)
    if reference not in model.modules or CATALOGUE[model.modules[reference]].spec.role != "source" or \
            not CATALOGUE[model.modules[reference]].spec.has_param("freq"):
        return None
    type_name = kind or model.modules[reference]
    hz = float(model.value(reference, "freq")) * 2 ** ((-semis if down else semis) / 12)
    outs = [o for o in model.outputs(reference) if o != "master"]
    into = f" into {outs[0]}" if outs else ""
    line = f"add a {type_name}{into} at {hz:.2f} hz"
    return f"{interval} {'below' if down else 'above'} {reference}: {line}", line


def _pitched_reference(model: PatchModel, kind: str | None) -> str | None:
    """The oscillator an interval is counted from when none is named: the one of the kind being
    added ('a second saw an octave up'), else the source of the voice in focus (never a filter's cutoff)."""
    same = [m for m, t in model.modules.items() if kind and t == kind.lower()]
    if len(same) == 1:
        return same[0]
    return next(iter(model.voice_of(model.focus)), model.focus)


_CHAIN = re.compile(r"^(?:add\s+)?(?:an?\s+)?(sine|saw|square|triangle|noise)(?:\s+(?:bass|lead|pad|wave|osc|sub))?"
                    r"((?:\s+(?:at\s+)?[\d.]+\s*(?:hz|k|khz)?)?)\s+(?:into|through|thru|->|\+|plus|then)\s+"
                    r"(?:an?\s+|some\s+)?(.+)$", re.I)


_WITH = re.compile(r"^(\w+)\s+with\s+(?:an?\s+)?(?:long|short|longer|shorter|big|small)?\s*(\w+),?\s+([\d.]+.*)$", re.I)


def _new_with(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'snare with a long decay, 400ms' with no snare yet: one added, with that setting."""
    match = _WITH.match(text)
    if match is None or match.group(1).lower() not in CATALOGUE or model.of_type(match.group(1).lower()):
        return None
    kind, param, value = match.groups()
    return f"a new {kind}", f"add a {kind}, {kind} {param} {value}"


def _chained(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'saw into an acid filter, cutoff 300', 'saw 55 + acid filter': a new voice, source first
    (only when there is no such source yet: with one, 'route the saw to …' is the reading)."""
    match = _CHAIN.match(text)
    if match is None or model.of_type(match.group(1).lower()):
        return None
    source, at, rest = match.groups()
    there = re.match(r"(?:the|my|our|that)\s+(\w+)$", rest, re.I)
    if there and (model.of_type(there.group(1).lower()) or there.group(1) in model.modules):
        return f"a {source} into the {there.group(1)} there", f"add a {source}{at} into {there.group(1)}"
    line = f"add a {source}{at}, add a {rest}"
    return f"a {source} into {rest}", line


_FIRST_LAST = re.compile(r"^(?:put|move)\s+(?:the\s+)?(\w+)\s+(first|last|at the start|at the end)$", re.I)


def _first_or_last(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'put the reverb first': right after its voice's source ('last': at the end)."""
    match = _FIRST_LAST.match(text)
    if not match:
        return None
    word, where = match.group(1).lower(), match.group(2).lower()
    module_id = next((m for m, t in model.modules.items() if word in (m, t) or word.rstrip("s") == t), None)
    voice = model.voice_of(module_id) if module_id else []
    if len(voice) < 2:
        return None
    anchor = voice[0] if where in ("first", "at the start") else voice[-1]
    return f"{word} {where}", f"put {module_id} after {anchor}"


_FILTER_MODE = re.compile(r"^(highpass|lowpass|bandpass|hpf|lpf|bpf)\s+(?:the\s+)?(.+?)(?:\s+(?:at|to)\s+|\s+)?"
                          r"(\d[\d.]*\s*k?(?:hz)?)?$", re.I)


_MODE_ON = re.compile(r"^(highpass|lowpass|bandpass|hpf|lpf|bpf)\s+(?:at\s+)?(\d[\d.]*\s*k?(?:hz)?)\s+(?:on|for)\s+"
                      r"(?:the\s+)?(.+)$", re.I)


_MODES = {"hpf": "highpass", "lpf": "lowpass", "bpf": "bandpass"}
_PART_FIRST = re.compile(r"^(?:the\s+)?(\w+)\s+(highpass|lowpass|bandpass|hpf|lpf|bpf)\b(?=\s+(?:at\s+)?\d|$)", re.I)


def _filter_voice(text: str, model: PatchModel) -> tuple[str, str] | None:
    """'lowpass the hats 8k': a filter in that mode on that voice (the one there, else a new one)."""
    match = _FILTER_MODE.match(_PART_FIRST.sub(r"\2 \1", _MODE_ON.sub(r"\1 \3 \2", text)).strip())
    if not match:
        return None
    mode, target, value = match.groups()
    at = f" at {value}" if value else ""
    ids = [m for m, t in model.modules.items() if t == "filter"]
    if target.lower() in ("it", "this", "that") and model.focus in model.modules:
        target = model.focus
    named = next((m for m in model.modules if target.lower() in (m, model.modules[m])
                  or target.lower().rstrip("s") == model.modules[m]), None)
    if named and any(m in model.voice_of(named) for m in ids):
        return f"{mode} {target}", f"{target} filter mode {mode}" + (f", cutoff {value}" if value else "")
    at = at or (" at 100 hz" if _MODES.get(mode.lower(), mode.lower()) == "highpass" else "")   # a low cut keeps the body
    return f"{mode} {target}: a new filter", f"add a {mode} filter to {target}{at}"


def _swapped(first: str, second: str, model: PatchModel) -> tuple[str, str]:
    """'swap the filter and the reverb': the earlier one of the chain goes after the later one."""
    def position(words: str) -> int:
        word = words.lower().split()[-1]
        for module_id, type_name in model.modules.items():
            if word in (module_id, type_name) or word.rstrip("s") == type_name or \
                    (type_name in CATALOGUE and word in CATALOGUE[type_name].spec.aliases):
                voice = model.voice_of(module_id)
                return voice.index(module_id) if module_id in voice else -1
        return -1
    if position(first) > position(second):
        first, second = second, first
    return f"swap {first} and {second}", f"put {first} after {second}"


__all__ = ["chain_readings", "layered"]
