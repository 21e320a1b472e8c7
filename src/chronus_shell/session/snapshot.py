"""Session snapshots: the whole patch plus the shell's focus, as human-readable JSON.

Files are data (JSON, never pickle), written atomically (temp file in the same folder, fsync,
os.replace) so a crash leaves either the old file or the new one, and never overwritten
without `force=True`. Loading migrates old schemas and validates everything before anything is
applied; a load is then played back as ordinary messages (`state_to_messages`) so it goes
through the same validated path as typed commands.
"""
from __future__ import annotations

import difflib
import json
import os
import re
import tempfile
import time
from pathlib import Path

from ..engine.ramps import tempo_messages
from ..engine.tempo_curve import TEMPO_TARGET
from ..protocol.message import Message
from .file_limits import read_json_limited
from .paths import (
    SESSION_SUFFIX, SessionError, data_dir, is_explicit_path, session_label, session_path, sessions_dir, validate_name,
)
from .schema import migrate, validate

__all__ = [
    "SessionError", "save_session", "load_session", "list_sessions", "delete_session",
    "state_to_messages", "write_json_atomic", "read_state_file", "remove_interrupted_saves", "said_forms",
]

TEMP_MIN_AGE_S = 10.0   # a save takes milliseconds: an older temp file is what a crash left


def save_session(name_or_path, state: dict, force: bool = False) -> Path:
    """Validate and write a state; refuse to replace an existing session unless `force`."""
    path = session_path(name_or_path)
    if path.exists() and not force:
        label = session_label(name_or_path)
        raise SessionError(f"session {label} exists — use 'save session as {label} overwrite'")
    write_json_atomic(path, validate(migrate(dict(state))))
    return path


def load_session(name_or_path) -> dict:
    """Read, migrate and validate a session; SessionError names the problem and where it is."""
    path = session_path(name_or_path)
    if not path.exists() and not is_explicit_path(name_or_path):
        path = _saved_as(str(name_or_path)) or path
    if not path.exists():
        hint = "" if is_explicit_path(name_or_path) else _available_hint(str(name_or_path))
        raise SessionError(f"no session {session_label(name_or_path)} ({path}){hint}")
    return read_state_file(path)


def _loosely(name: str, article: bool) -> str:
    """A name as said, not as typed: case and the separators (space, '_', '-', '.') aside, and with
    `article` a leading 'the'/'my'/'our' too ('load the closer' for closer, never 'my set' for set)."""
    said = re.sub(r"[\s_.-]+", "_", name.strip().lower())
    return re.sub(r"^(?:the|my|our)_", "", said) if article else said


def said_forms(name: str) -> list[str]:
    """The ways a name said to load may match a saved one's (its stem, `_loosely` without the article), in the
    order tried: as said, without 'the'/'my'/'our', then without a 'session'/'song' at its end ('load the vespers
    session')."""
    bare = _NOUN_AT_END.sub("", name)                 # ('load night drive session', 'load the closer song')
    return [_loosely(said, article) for said in (name, bare) for article in (False, True)]


def _saved_as(name: str) -> Path | None:
    """The one saved session a name means when typed another way ('load jones wedding set 2' for
    jones_wedding_set_2, 'load the closer' for closer); None when none or several are."""
    saved = [p for p in sessions_dir().glob("*" + SESSION_SUFFIX) if p.is_file()]
    for said in said_forms(name):                     # (as said first)
        found = [p for p in saved if _loosely(p.stem, False) == said]
        if found:
            return found[0] if len(found) == 1 else None
    return None


#: What a name said to load may end with and the saved name not: 'session', 'song', 'tune', 'project'.
_NOUN_AT_END = re.compile(r"[\s_.-]+(?:sessions?|songs?|tunes?|projects?)\s*$", re.I)


def read_state_file(path: Path) -> dict:
    """Parse a state file; errors are one line: file, then line:column or the JSON path.

    Sizes are checked before parsing and building (file_limits.py), so a hostile file is refused
    at once; nothing is applied unless everything is valid."""
    raw = read_json_limited(path)
    try:
        if not isinstance(raw, dict):
            raise SessionError(f"a session is a JSON object {{...}}, got {type(raw).__name__}")
        return validate(migrate(raw))
    except SessionError as err:
        raise SessionError(f"{path}: {err}") from None


def list_sessions() -> list[str]:
    """Names of the saved sessions, sorted."""
    return sorted(p.stem for p in sessions_dir().glob("*" + SESSION_SUFFIX) if p.is_file())


def delete_session(name: str) -> Path:
    path = sessions_dir() / (validate_name(name) + SESSION_SUFFIX)
    try:
        path.unlink()
    except FileNotFoundError:
        raise SessionError(f"no session {name}{_available_hint(name)}") from None
    return path


def write_json_atomic(path: Path, data: dict | list) -> None:
    """Write indent-2 sorted-key JSON via a temp file in the same folder, fsync, os.replace."""
    try:
        text = json.dumps(data, indent=2, sort_keys=True, allow_nan=False) + "\n"
    except ValueError as err:
        raise SessionError(f"cannot save: {err}") from None
    temp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
        temp_name = None
    except OSError as err:
        raise SessionError(f"cannot save {path}: {_reason(err)}") from None
    finally:
        if temp_name is not None:
            Path(temp_name).unlink(missing_ok=True)


def remove_interrupted_saves(min_age_s: float = TEMP_MIN_AGE_S) -> list[Path]:
    """Temp files of saves a crash interrupted (the old file is intact; the temp is debris).

    A temp younger than `min_age_s` may be another shell's save in progress: it is left alone.
    Returns what was removed."""
    removed = []
    now = time.time()
    for folder in (data_dir(), sessions_dir()):
        for temp in folder.glob(f".*{SESSION_SUFFIX}.*.tmp"):
            try:
                if now - temp.stat().st_mtime >= min_age_s:
                    temp.unlink()
                    removed.append(temp)
            except OSError:
                continue
    return removed


def state_to_messages(state: dict, current: dict | None = None) -> list[Message]:
    """The messages that turn the patch `current` (default: a fresh one) into `state`.

    Order: drop the commands waiting on a bar, stop and clear the sequencer, remove the current modules, create, set every param,
    connect, modulate, then tempo, swing, tracks and notes, and start if it was running.
    """
    state = validate(migrate(dict(state)))
    messages = [Message("/at/clear"), Message("/seq/stop"), Message("/seq/clear")]   # (the last piece's timed lines too)
    if current:
        messages += [Message("/patch/remove", (m,)) for m in current.get("modules", {}) if m != "master"]
    for module_id, entry in state["modules"].items():
        if module_id != "master":
            messages.append(Message("/patch/create", (module_id, entry["type"])))
    for module_id, entry in state["modules"].items():
        messages += [Message(f"/mod/{module_id}/{name}", (value,)) for name, value in entry["params"].items()]
    messages += [Message("/patch/connect", tuple(edge)) for edge in state["edges"] + state["mod_edges"]]
    messages += [Message("/patch/poly", (module_id, notes)) for module_id, notes in state.get("poly", {}).items()]
    seq = state["sequencer"]
    eighths = seq.get("swing_unit") == 8 or (current or {}).get("sequencer", {}).get("swing_unit") == 8
    messages += [Message("/seq/bpm", (seq["bpm"],)),
                 Message("/seq/swing", (seq["swing"], seq.get("swing_unit", 16)) if eighths else (seq["swing"],))]
    if seq.get("key") or (current or {}).get("sequencer", {}).get("key"):
        messages.append(Message("/seq/key", tuple(seq.get("key", "none").split())))
    if seq.get("capo") or (current or {}).get("sequencer", {}).get("capo"):
        messages.append(Message("/seq/capo", (seq.get("capo", 0),)))
    for name, track in seq["tracks"].items():
        messages.append(Message("/seq/add", (name, track["target"], track["pattern"])))
        if track["notes"]:
            steps = ["+".join(map(str, note)) if isinstance(note, list) else note for note in track["notes"]]
            messages.append(Message("/seq/notes", (name, *steps)))
        if track.get("muted"):
            messages.append(Message("/seq/mute", (name, 1)))
        messages += [Message(f"/seq/{key}", (name, int(track[key]) if key == "reverse" else track[key]))
                     for key in ("shift", "reverse", "speed", "chance", "humanize") if key in track]
    messages += [Message("/seq/seed", (seq["seed"],))] if seq.get("seed") else []
    if seq["running"]:
        messages.append(Message("/seq/start"))
    for ramp in state.get("ramps", ()):              # in progress when saved: on from where they were
        if ramp["target"] == TEMPO_TARGET:
            messages += tempo_messages(ramp)
            continue
        module_id, name = ramp["target"].split(".", 1)
        messages.append(Message(f"/ramp/{module_id}/{name}", (ramp["to"], ramp["beats"], ramp["curve"], ramp["from"])))
    return messages


def _available_hint(asked: str) -> str:
    """The saved names, the likeliest first when one is near what was asked ('slow drift' for
    slow-drift: the same words with other separators, or a typo)."""
    names = list_sessions()
    if not names:
        return " (no sessions saved yet)"
    plain = {_letters(n): n for n in names}
    near = plain.get(_letters(asked)) or next(iter(difflib.get_close_matches(asked.strip(), names, 1, 0.75)), None)
    guess = f" — did you mean {near}?" if near else ""
    return f"{guess} (saved: {', '.join(names)})"


def _letters(name: str) -> str:
    return re.sub(r"[\s_.-]+", "", name).lower()


def _reason(err: Exception) -> str:
    return getattr(err, "strerror", None) or str(err)
