"""The session file format: validation against the catalogue, and migration of old versions.

A session (schema 1) is `Engine.patch_state()` plus the shell's focus:

    {"schema_version": 1,
     "modules":   {"saw1": {"type": "saw", "params": {"freq": 110.0, ...}}, "master": {...}},
     "edges":     [["saw1", "acid_filter1"], ["acid_filter1", "master"]],
     "mod_edges": [["lfo1", "acid_filter1.cutoff"]],
     "sequencer": {"bpm": 120.0, "swing": 0.0, "running": true,
                   "tracks": {"bass": {"target": "saw1", "pattern": "x.X.", "notes": ["a2", 110.0]}},
                   "key": "d minor"},
     "poly": {"saw1": 4},
     "focus": "acid_filter1"}

`key` (the session key) and `poly` (voices playing several notes) are there only when set; a
track's note may be a chord (a list of notes or Hz) or "." (a rest).

Everything is checked here, before anything is applied, so a hand-edited mistake is one line
naming where it is (`modules.acid_filter1.params.resonance: resonance 3 is out of range 0–0.95`).
"""
from __future__ import annotations

import re
from typing import Any

from ..engine.catalogue import CATALOGUE, module_spec
from ..engine.engine import PATCH_SCHEMA_VERSION as SCHEMA_VERSION
from ..engine.limits import shorten
from ..engine.mini_notation import compile_pattern
from ..engine.note_steps import MAX_CHORD, REST
from ..engine.params import ParamError, did_you_mean
from ..engine.scales import parse_key
from ..engine.sequencer_verbs import CAPO_FRETS, SWING, TEMPO
from ..engine.track_play import check_style
from .file_limits import check_counts
from .paths import SessionError
from .schema_ramps import validate_ramps

_ID = re.compile(r"[a-z][a-z0-9_]{0,31}")
_NOTE = re.compile(r"[a-gA-G](#|b|s|sharp|flat)?-?\d")
_TRACK = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}")


def migrate(state: dict) -> dict:
    """Bring a state of any older schema up to SCHEMA_VERSION (refusing newer ones)."""
    check_counts(state)
    version = state.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise SessionError(f"schema_version: {shorten(version)} is not a version number (0, 1, …)")
    if version > SCHEMA_VERSION:
        raise SessionError(
            f"written by a newer Chronus (schema {version}, this one reads ≤ {SCHEMA_VERSION})"
        )
    if version == 0:
        state = _migrate_v0(state)
    return state


def _migrate_v0(state: dict) -> dict:
    """v0 (the seed's files): no schema_version, `frequency` params, `patterns` of `{target, steps}`.

    Param names are resolved through the catalogue aliases (so `frequency` → `freq` and, on
    `filter`, `resonance` → `q`); the top-level `tempo` becomes the sequencer's `bpm`.
    """
    modules = {}
    for module_id, entry in _mapping(state.get("modules", {}), "modules").items():
        entry = _mapping(entry, f"modules.{module_id}")
        params = _mapping(entry.get("params", {}), f"modules.{module_id}.params")
        spec = _module_spec_at(entry.get("type"), f"modules.{module_id}.type")
        renamed = {}
        for name, value in params.items():
            renamed[_param_spec_at(spec, name, f"modules.{module_id}.params.{name}").name] = value
        modules[module_id] = {"type": entry.get("type"), "params": renamed}
    tracks = {}
    for name, track in _mapping(state.get("patterns", {}), "patterns").items():
        if isinstance(track, str):
            raise SessionError(f"patterns.{_key(name)}: {shorten(track)} has no target — a v0 pattern is "
                               '{"target": "saw1", "steps": "x.x."}')
        track = _mapping(track, f"patterns.{_key(name)}")
        tracks[name] = {"target": track.get("target"), "pattern": track.get("steps", track.get("pattern", "")),
                        "notes": track.get("notes", [])}
    return {
        "schema_version": SCHEMA_VERSION,
        "modules": modules,
        "edges": state.get("connections", state.get("edges", [])),
        "mod_edges": state.get("mod_edges", []),
        "sequencer": {"bpm": state.get("tempo", 120.0), "swing": state.get("swing", 0.0),
                      "running": state.get("playing", True), "tracks": tracks},
        "focus": state.get("focus"),
    }


def validate(state: Any) -> dict:
    """Check a (migrated) state against the catalogue; return it canonical (aliases resolved).

    Raises SessionError with the path of the first problem.
    """
    state = _mapping(state, "the session")
    check_counts(state)
    modules = {}
    for module_id, entry in _mapping(state.get("modules", {}), "modules").items():
        modules[module_id] = _module(module_id, entry)
    if "master" in modules and modules["master"]["type"] != "master":
        raise SessionError("modules.master: the id 'master' is reserved for the master module")
    ids = set(modules) | {"master"}
    edges = [_edge(edge, f"edges[{i}]", ids) for i, edge in enumerate(_list(state.get("edges", []), "edges"))]
    mod_edges = [
        _mod_edge(edge, f"mod_edges[{i}]", modules)
        for i, edge in enumerate(_list(state.get("mod_edges", []), "mod_edges"))
    ]
    focus = state.get("focus")
    if focus is not None and focus not in ids:
        raise SessionError(f"focus: {_unknown_id(focus, ids)}")
    poly = {module_id: _poly(module_id, notes, ids) for module_id, notes in _mapping(state.get("poly", {}), "poly").items()}
    return {
        "schema_version": SCHEMA_VERSION,
        "modules": modules,
        "edges": edges,
        "mod_edges": mod_edges,
        "sequencer": _sequencer(state.get("sequencer", {}), ids),
        "focus": focus,
    } | ({"poly": poly} if poly else {}) \
      | ({"ramps": validate_ramps(state["ramps"], modules)} if state.get("ramps") else {}) \
      | ({"gear": state["gear"]} if isinstance(state.get("gear"), dict) else {})   # MIDI settings: gear/sessions.py


def _poly(module_id: Any, notes: Any, ids: set[str]) -> int:
    if module_id not in ids or module_id == "master":
        raise SessionError(f"poly.{_key(module_id)}: {_unknown_id(module_id, ids)}")
    if isinstance(notes, bool) or not isinstance(notes, int) or not 1 <= notes <= MAX_CHORD:
        raise SessionError(f"poly.{_key(module_id)}: {shorten(notes)} is not a number of notes 1–{MAX_CHORD}")
    return notes


def without_orphan_tracks(state: dict) -> tuple[dict, list[str]]:
    """The engine's state minus tracks that cannot play: no target (notes whose track was never
    added) or a target module that was removed. They make no sound and a session cannot name a
    missing module, so a save leaves them out (and says so) instead of failing."""
    seq = state.get("sequencer") or {}
    tracks = seq.get("tracks") or {}
    modules = set(state.get("modules") or {}) | {"master"}
    orphans = sorted(name for name, track in tracks.items() if track.get("target") not in modules)
    if not orphans:
        return state, []
    kept = {name: track for name, track in tracks.items() if name not in orphans}
    return {**state, "sequencer": {**seq, "tracks": kept}}, orphans


def _module(module_id: Any, entry: Any) -> dict:
    where = f"modules.{_key(module_id)}"
    if not isinstance(module_id, str) or not _ID.fullmatch(module_id):
        raise SessionError(f"{where}: bad module id {shorten(module_id)} (lowercase letter, then a-z 0-9 _)")
    entry = _mapping(entry, where)
    spec = _module_spec_at(entry.get("type"), f"{where}.type")
    params = {}
    for name, value in _mapping(entry.get("params", {}), f"{where}.params").items():
        param = _param_spec_at(spec, name, f"{where}.params.{name}")
        try:
            params[param.name] = param.coerce(value)
        except ParamError as err:
            raise SessionError(f"{where}.params.{name}: {err}") from None
    return {"type": spec.type, "params": params}


def _module_spec_at(type_name: Any, where: str):
    if not isinstance(type_name, str):
        raise SessionError(f"{where}: missing module type (types: {', '.join(sorted(CATALOGUE))})")
    try:
        return module_spec(type_name)
    except ParamError as err:
        raise SessionError(f"{where}: {err}") from None


def _param_spec_at(spec, name: Any, where: str):
    try:
        return spec.param(str(name))
    except ParamError as err:
        raise SessionError(f"{where}: {err}") from None


def _edge(edge: Any, where: str, ids: set[str]) -> list[str]:
    if not (isinstance(edge, list) and len(edge) == 2 and all(isinstance(e, str) for e in edge)):
        raise SessionError(f"{where}: an edge is [source, destination], got {shorten(edge)}")
    for end in edge:
        if end not in ids:
            raise SessionError(f"{where}: {_unknown_id(end, ids)}")
    if edge[0] == "master":
        raise SessionError(f"{where}: master is the output, it cannot feed {edge[1]}")
    return list(edge)


def _mod_edge(edge: Any, where: str, modules: dict) -> list[str]:
    if not (isinstance(edge, list) and len(edge) == 2 and all(isinstance(e, str) for e in edge)):
        raise SessionError(f"{where}: a modulation edge is [source, \"id.param\"], got {shorten(edge)}")
    source, destination = edge
    if source not in modules:
        raise SessionError(f"{where}: {_unknown_id(source, modules)}")
    target, _, param = destination.partition(".")
    if target not in modules or not param:
        raise SessionError(f"{where}: {shorten(destination)} is not <module>.<param> of a module in this session")
    spec = module_spec(modules[target]["type"])
    return [source, f"{target}.{_param_spec_at(spec, param, where).name}"]


def _sequencer(seq: Any, ids: set[str]) -> dict:
    seq = _mapping(seq, "sequencer")
    tracks = {}
    for name, track in _mapping(seq.get("tracks", {}), "sequencer.tracks").items():
        where = f"sequencer.tracks.{_key(name)}"
        if not isinstance(name, str) or not _TRACK.fullmatch(name):
            raise SessionError(f"{where}: bad track name {shorten(name)}")
        track = _mapping(track, where)
        if track.get("target") not in ids:
            raise SessionError(f"{where}.target: {_unknown_id(track.get('target'), ids)}")
        pattern = track.get("pattern", "")
        try:
            compile_pattern(pattern if isinstance(pattern, str) else "")
        except ParamError as err:
            raise SessionError(f"{where}.pattern: {err}") from None
        notes = _list(track.get("notes", []), f"{where}.notes")
        for i, note in enumerate(notes):
            chord = isinstance(note, list) and 2 <= len(note) <= MAX_CHORD and all(map(_is_note, note))
            if not (_is_note(note) or chord or note in (REST, "-")):
                raise SessionError(f"{where}.notes[{i}]: {shorten(note)} is not a note name (a2, c#3), Hz, "
                                   "a chord [\"a3\", \"c4\"], \"-\" (hold) or \".\" (a rest)")
        tracks[name] = {"target": track["target"], "pattern": pattern, "notes": list(notes)}
        if track.get("muted"):
            tracks[name]["muted"] = True
        tracks[name].update(_track_style(track, where))
    key = seq.get("key")
    if key is not None:
        try:
            parse_key(str(key).split())
        except ParamError as err:
            raise SessionError(f"sequencer.key: {err}") from None
    return {
        "bpm": _number_in(seq.get("bpm", TEMPO.default), (TEMPO.low, TEMPO.high), "sequencer.bpm"),
        "swing": _number_in(seq.get("swing", SWING.default), (SWING.low, SWING.high), "sequencer.swing"),
        "running": bool(seq.get("running", True)),
        "tracks": tracks,
        **({"seed": _seed(seq["seed"])} if seq.get("seed") else {}),
        **({"swing_unit": _swing_unit(seq["swing_unit"])} if seq.get("swing_unit", 16) != 16 else {}),
        **({"capo": _capo(seq["capo"])} if seq.get("capo") else {}),
    } | ({"key": str(key)} if key is not None else {})


def _swing_unit(value) -> int:
    """The note value swing swings: 16 (left out, as before it could be said) or 8."""
    if value not in (8, 16):
        raise SessionError(f"sequencer.swing_unit is 16 or 8, not {str(value)[:20]!r}")
    return int(value)


def _track_style(track: dict, where: str) -> dict:
    """shift, reverse, speed, chance, humanize: checked as their /seq/* messages are."""
    style = {}
    for key in ("shift", "reverse", "speed", "chance", "humanize"):
        if key in track:
            value = track[key]
            arg = int(bool(value)) if key == "reverse" and isinstance(value, bool) else value
            if isinstance(arg, bool) or not isinstance(arg, (int, float)):
                raise SessionError(f"{where}.{key}: {shorten(value)} is not a number")
            try:
                check_style(key, ["track", arg])
            except ParamError as err:
                raise SessionError(f"{where}.{key}: {err}") from None
            style[key] = bool(value) if key == "reverse" else value
    return style


def _seed(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**31:
        raise SessionError(f"sequencer.seed: {shorten(value)} is not a whole number 0–2147483647")
    return value


def _capo(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= CAPO_FRETS:
        raise SessionError(f"sequencer.capo: {shorten(value)} is not a fret 0–{CAPO_FRETS}")
    return value


def _is_note(note: Any) -> bool:
    if isinstance(note, str):
        return bool(_NOTE.fullmatch(note))
    return isinstance(note, (int, float)) and not isinstance(note, bool) and 0 < note <= 20000


def _number_in(value: Any, bounds: tuple[float, float], where: str) -> float:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise SessionError(f"{where}: {shorten(value)} is out of range {low:g}–{high:g}")
    return float(value)


def _unknown_id(name: Any, ids) -> str:
    if not isinstance(name, str) or len(name) > 40:
        return f"unknown module {shorten(name)} (modules: {_some(ids)})"
    hint = did_you_mean(name, ids)
    extra = f" — did you mean {hint[0]}?" if hint else ""
    return f"unknown module {name!r}{extra} (modules: {_some(ids)})"


def _key(name: Any) -> str:
    """A name as part of a JSON path: as it is, or shortened when it is not a short text."""
    return name if isinstance(name, str) and len(name) <= 40 else shorten(name)


def _some(ids, shown: int = 12) -> str:
    """A few of the ids (a big patch's list would bury the line)."""
    names = sorted(ids)
    more = f", … {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _mapping(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise SessionError(f"{where}: expected an object {{...}}, got {type(value).__name__}")
    return value


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise SessionError(f"{where}: expected a list [...], got {type(value).__name__}")
    return value
