"""The `ramps` section of a session: param ramps saved in progress (engine/ramps.py `in_progress`).

    "ramps": [{"target": "acid1.cutoff", "from": 640.0, "to": 3000.0, "beats": 12.5, "curve": "exp"}]

A loaded ramp starts again from `from` and reaches `to` after the beats that were left.
"""
from __future__ import annotations

from typing import Any

from ..engine.catalogue import module_spec
from ..engine.limits import shorten
from ..engine.params import ParamError
from ..engine.ramps import parse_args
from ..engine.sequencer_verbs import TEMPO, check
from ..engine.tempo_curve import TEMPO_TARGET
from ..protocol.message import Message
from .paths import SessionError

MAX_RAMPS = 4096


def validate_ramps(value: Any, modules: dict) -> list[dict]:
    """Each saved ramp checked against the session's modules and the param's range."""
    if not isinstance(value, list):
        raise SessionError(f"ramps: expected a list [...], got {type(value).__name__}")
    if len(value) > MAX_RAMPS:
        raise SessionError(f"ramps: {len(value)} ramps, at most {MAX_RAMPS}")
    types = {"master": "master", **{m: entry["type"] for m, entry in modules.items()}}
    out = []
    for index, ramp in enumerate(value):
        where = f"ramps[{index}]"
        if not isinstance(ramp, dict):
            raise SessionError(f"{where}: a ramp is {{target, from, to, beats, curve}}, got {shorten(ramp)}")
        if ramp.get("target") == TEMPO_TARGET:
            out.append(_tempo(ramp, where))
            continue
        module_id, _, name = str(ramp.get("target", "")).partition(".")
        if module_id not in types or not name:
            raise SessionError(f"{where}.target: {shorten(ramp.get('target'))} is not <module>.<param> of this session")
        try:
            spec = module_spec(types[module_id]).param(name)
            to, beats, curve, begin = parse_args(spec, (ramp.get("to"), ramp.get("beats"), ramp.get("curve", "lin"),
                                                        ramp.get("from")))
        except (ParamError, TypeError, ValueError) as err:
            raise SessionError(f"{where}: {err}") from None
        out.append({"target": f"{module_id}.{spec.name}", "from": begin, "to": to, "beats": beats, "curve": curve})
    return out


def _tempo(ramp: dict, where: str) -> dict:
    """A tempo ramp in progress: from and to in the tempo range, the beats left as /seq/bpm takes them."""
    try:
        check(Message("/seq/bpm", (ramp.get("from"), "now")))
        check(Message("/seq/bpm", (ramp.get("to"), "ramp", ramp.get("beats"))))
    except (ParamError, TypeError, ValueError) as err:
        raise SessionError(f"{where}: {err} (a tempo ramp's from and to are {TEMPO.range_text()} bpm)") from None
    return {"target": TEMPO_TARGET, "from": float(ramp["from"]), "to": float(ramp["to"]),
            "beats": float(ramp["beats"]), "curve": "lin"}
