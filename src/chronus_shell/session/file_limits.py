"""Reading a session file that may be hostile: sizes are checked before parsing and building.

A JSON bomb, a 50 MB string or a 640k-module file must be refused in a fraction of a second with
one line naming the file and the field, never a traceback, never the hostile text printed whole
(engine/limits.py declares the limits). Order: the file size (before reading), the parse (a depth
bomb is a RecursionError), the counts of the big collections (before walking them), then one walk
over the whole tree for text lengths and depth — all before `schema.validate` builds anything.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..engine.limits import (
    MAX_EDGES, MAX_JSON_DEPTH, MAX_MODULES, MAX_NOTES, MAX_SESSION_BYTES, MAX_TEXT, MAX_TRACKS, shorten,
)
from .paths import SessionError

__all__ = ["read_json_limited", "check_counts", "check_tree"]


def read_json_limited(path: Path) -> Any:
    """The parsed JSON of `path`, or a SessionError naming the file (and the line:column or field)."""
    try:
        raw = _parse(path)
        check_counts(raw)
        check_tree(raw)
    except SessionError as err:
        text = str(err)
        raise SessionError(f"{path}:{text}" if text[:1].isdigit() else f"{path}: {text}") from None
    return raw


def _parse(path: Path) -> Any:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise SessionError(f"cannot read: {err.strerror or err}") from None
    if size > MAX_SESSION_BYTES:
        raise SessionError(f"the file is {size / 1e6:.1f} MB: a session is at most "
                           f"{MAX_SESSION_BYTES / 1e6:.0f} MB ({MAX_MODULES} modules) — not loaded")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SessionError(f"cannot read: {getattr(err, 'strerror', None) or err}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise SessionError(f"{err.lineno}:{err.colno}: not valid JSON ({err.msg}) — "
                           "the file is corrupt or truncated") from None
    except ValueError as err:                    # an integer of thousands of digits
        raise SessionError(f"not a session: {str(err).split(':')[0]}") from None
    except RecursionError:
        raise SessionError(f"nested deeper than a session ever is (at most {MAX_JSON_DEPTH} levels) — "
                           "not loaded") from None


def check_counts(state: Any) -> None:
    """The big collections (current and v0 names) within their limits, before anything walks them."""
    if not isinstance(state, dict):
        return
    _at_most(state.get("modules"), MAX_MODULES, "modules", "modules")
    edges = sum(len(state.get(key)) for key in ("edges", "mod_edges", "connections")
                if isinstance(state.get(key), (list, dict)))
    if edges > MAX_EDGES:
        raise SessionError(f"edges: {edges:,} edges, at most {MAX_EDGES:,}")
    sequencer = state.get("sequencer")
    tracks = sequencer.get("tracks") if isinstance(sequencer, dict) else state.get("patterns")
    _at_most(tracks, MAX_TRACKS, "sequencer.tracks", "tracks")
    if isinstance(tracks, dict):
        for name, track in tracks.items():
            if isinstance(track, dict):
                _at_most(track.get("notes"), MAX_NOTES, f"sequencer.tracks.{shorten(name)}.notes", "notes")


def check_tree(value: Any) -> None:
    """Every text at most MAX_TEXT characters, nesting at most MAX_JSON_DEPTH (iterative: no recursion)."""
    stack = [(value, (), 0)]
    while stack:
        node, where, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise SessionError(f"{_path(where)}: nested deeper than {MAX_JSON_DEPTH} levels")
        if isinstance(node, str):
            if len(node) > MAX_TEXT:
                raise SessionError(f"{_path(where)}: {shorten(node)} is too long (at most {MAX_TEXT} characters)")
        elif isinstance(node, dict):
            for key, item in node.items():
                if len(key) > MAX_TEXT:
                    raise SessionError(f"{_path(where)}: a key of {len(key):,} characters (at most {MAX_TEXT})")
                stack.append((item, (*where, key), depth + 1))
        elif isinstance(node, list):
            stack.extend((item, (*where, f"[{i}]"), depth + 1) for i, item in enumerate(node))


def _at_most(collection: Any, limit: int, where: str, what: str) -> None:
    if isinstance(collection, (dict, list)) and len(collection) > limit:
        raise SessionError(f"{where}: {len(collection):,} {what}, at most {limit:,} — not loaded")


def _path(where: tuple) -> str:
    text = ".".join(str(part) for part in where).replace(".[", "[")
    return text or "the session"
