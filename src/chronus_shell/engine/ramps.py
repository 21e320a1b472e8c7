"""Param ramps: `/ramp/<id>/<param> target beats [lin|exp [from]]` — a param moving sample by sample.

A ramp is absolute in samples (start, end, from, to, curve), so its value at any sample is known
without rendering: a slot that skips blocks (a cold restore) or a pickled snapshot (failover, a
commit's clone) goes on exactly where the ramp is. While a ramp runs, the engine hands the module
its per-sample values for each segment (`Module.driven`) and the module renders outside the fused
voice bank (like a modulated module); when the ramp lands on its target the module settles there
and fuses again. A module without a ramp pays nothing.

Curves: `exp` moves a Hz param geometrically (equal time per octave) and a dB param linearly in dB
(exponential in amplitude); `lin` moves the value linearly (on a dB param: linearly in amplitude,
so a fade lands on the floor smoothly). Defaults: exp for Hz and dB, lin for everything else.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..protocol.message import Message
from . import tempo_curve
from .params import ParamError, ParamSpec, format_number

CURVES = ("lin", "exp")
MAX_BEATS = 4096.0     # 1024 bars: longer is a typo, not a sweep


@dataclass(frozen=True)
class Ramp:
    start: int          # the sample that plays `begin`
    end: int            # the sample that plays `target` (and every sample after it)
    begin: float
    target: float
    curve: str          # "lin" | "exp" as applied (see `shape`)
    unit: str

    def values(self, position: int, n: int) -> np.ndarray:
        """The ramp's value at samples position … position+n−1 (float64)."""
        span = self.end - self.start
        if span <= 0:
            return np.full(n, self.target)
        frac = np.clip((np.arange(position, position + n) - self.start) / span, 0.0, 1.0)
        out = self._shape(frac)
        out[frac >= 1.0] = self.target
        return out

    def at(self, sample: int) -> float:
        return float(self.values(sample, 1)[0])

    def _shape(self, frac: np.ndarray) -> np.ndarray:
        a, b = self.begin, self.target
        if self.unit == "dB":
            if self.curve == "exp":           # linear in dB = exponential in amplitude
                return a + (b - a) * frac
            amp_a, amp_b = 10.0 ** (a / 20.0), 10.0 ** (b / 20.0)
            return 20.0 * np.log10(np.maximum(amp_a + (amp_b - amp_a) * frac, 1e-12))
        if self.curve == "exp" and a > 0.0 and b > 0.0:
            return a * (b / a) ** frac
        return a + (b - a) * frac


def default_curve(spec: ParamSpec) -> str:
    return "exp" if spec.unit in ("Hz", "dB") else "lin"


def parse_args(spec: ParamSpec, args) -> tuple[float, float, str, float | None]:
    """(target, beats, curve, from or None) of a /ramp message, or ParamError in one line."""
    if spec.is_enum:
        raise ParamError(f"{spec.name} is a choice ({spec.range_text()}): it cannot ramp, set it instead")
    if len(args) < 2 or len(args) > 4:
        raise ParamError(f"/ramp takes a target ({spec.range_text()}), a length in beats [, lin|exp [, from]]")
    target = float(spec.coerce(args[0]))
    try:
        beats = float(args[1])
    except (TypeError, ValueError):
        raise ParamError(f"a ramp's length is a number of beats, got {args[1]!r}") from None
    if not 0.0 <= beats <= MAX_BEATS:
        raise ParamError(f"a ramp lasts 0–{format_number(MAX_BEATS)} beats, got {format_number(beats)}")
    curve = str(args[2]).lower() if len(args) > 2 else default_curve(spec)
    if curve not in CURVES:
        raise ParamError(f"a ramp's curve is lin or exp, got {args[2]!r}")
    begin = float(spec.coerce(args[3])) if len(args) > 3 else None
    if curve == "exp" and spec.unit != "dB" and (target <= 0.0 or (begin is not None and begin <= 0.0)):
        raise ParamError(f"an exp ramp of {spec.name} needs values above 0: use lin to reach 0")
    return target, beats, curve, begin


def start_ramp(engine, module_id: str, name: str, args, at: int) -> None:
    """Apply a validated /ramp at sample `at`: from where the param is (or `from`) to the target."""
    module = engine.modules[module_id]
    spec = module.spec.param(name)
    target, beats, curve, begin = parse_args(spec, args)
    key = (module_id, spec.name)
    running = engine.param_ramps.get(key)
    if begin is None:       # where the param is (or, within 5 ms of a set, where its de-zipper glide is going)
        begin = running.at(at) if running is not None else float(module.targets[spec.name])
    end = tempo_curve.sample_after(engine.sequencer, at, beats)
    module.set(spec.name, target)
    engine.settings.setdefault(module_id, {})[spec.name] = target
    engine.param_ramps[key] = Ramp(at, end, begin, target, curve, spec.unit)
    if _copies(engine, module_id):
        return                                # a polyphonic voice's notes move together, block by block
    if not module.__dict__.get("driven"):
        engine._order = None                  # it leaves the fused voice bank while it ramps
    module.driven = {**module.__dict__.get("driven", {}), spec.name: np.full(0, begin)}


def stop_ramp(engine, module_id: str, name: str) -> None:
    """A /mod set of a ramping param: the ramp ends where it is; the set glides on from there."""
    ramp = engine.param_ramps.pop((module_id, name), None)
    if ramp is None:
        return
    module = engine.modules[module_id]
    module.current[name] = ramp.at(engine.position)
    _release(engine, module, name)


def drive(engine, n: int) -> None:
    """Before a segment of n samples: every ramping module gets its per-sample values; ramps that
    land on their target within the segment are finished (the module settles there)."""
    position = engine.position
    for key, ramp in list(engine.param_ramps.items()):
        module = engine.modules.get(key[0])
        if module is None:
            del engine.param_ramps[key]
            continue
        copies = _copies(engine, key[0])
        if copies:
            _move_notes(engine, key, ramp, (module, *copies), n)
            continue
        driven = module.__dict__.get("driven")
        if driven is None:                    # a module reset after a fault: back out of the bank
            driven = module.driven = {}
            engine._order = None
        if position >= ramp.end:
            del engine.param_ramps[key]
            module.current[key[1]] = ramp.target
            _release(engine, module, key[1])
            continue
        driven[key[1]] = ramp.values(position, n)


def _copies(engine, module_id: str) -> tuple:
    poly = getattr(engine, "poly", None)
    return tuple(poly.copies.get(module_id, ())) if poly is not None else ()


def _move_notes(engine, key, ramp: Ramp, modules: tuple, n: int) -> None:
    """A polyphonic voice's ramp: the notes are copies fused in the voice bank, so the ramp moves
    their target once a segment (to its value at the segment's end) and the 5 ms de-zipper glide
    follows it — close, though not sample by sample as a mono voice's ramp."""
    position = engine.position
    value = ramp.target if position + n >= ramp.end else ramp.at(position + n)
    for each in modules:
        each.set(key[1], value)
    if position + n >= ramp.end:
        del engine.param_ramps[key]


def _release(engine, module, name: str) -> None:
    driven = module.__dict__.get("driven", {})
    driven.pop(name, None)
    if not driven:
        module.__dict__.pop("driven", None)
        engine._order = None                  # it may fuse again
        if getattr(module, "bank", None) is not None:
            module.bank.dirty.add(module)


def in_progress(engine) -> list[dict]:
    """Running ramps as session data: where each param is now, its target and the beats left (a
    tempo ramp too, as `seq.bpm`)."""
    tempo = tempo_curve.in_progress(engine.sequencer)
    out = [tempo] if tempo else []
    for (module_id, name), ramp in sorted(engine.param_ramps.items()):
        left = tempo_curve.beats_between(engine.sequencer, engine.position, ramp.end)
        if left > 0:
            out.append({"target": f"{module_id}.{name}", "from": ramp.at(engine.position), "to": ramp.target,
                        "beats": left, "curve": ramp.curve})
    return out


def tempo_messages(saved: dict) -> list[Message]:
    """A saved tempo ramp as messages: the tempo where it was, then the glide on from there."""
    return [Message("/seq/bpm", (saved["from"], "now")), Message("/seq/bpm", (saved["to"], "ramp", saved["beats"]))]
