"""MIDI settings in session files: the mappings and the voice MIDI plays, as a `gear` section.

The session layer writes and validates the patch; this adds the section to the file it has just
written (atomically, as it writes) and reads it back after a load, so a session made here opens
anywhere (the section is ignored by a reader that does not know it).
"""
from __future__ import annotations

import json
import re

from ..protocol.message import Message
from ..session.paths import session_path
from ..session.snapshot import write_json_atomic

SECTION = "gear"


def add_to_saved(name: str, section: dict) -> None:
    path = session_path(name)
    state = json.loads(path.read_text(encoding="utf-8"))
    state[SECTION] = section
    write_json_atomic(path, state)


def saved_section(name: str) -> dict:
    """The `gear` section of a session file ({} when it has none or is unreadable here)."""
    try:
        state = json.loads(session_path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    section = state.get(SECTION) if isinstance(state, dict) else None
    return section if isinstance(section, dict) else {}


def section_messages(state: dict) -> list[Message]:
    """The `/midi/map` and `/midi/plays` messages that bring back a state's `gear` section (an
    autosave recovered after a crash), so the language knows them too and undo works on them."""
    section = state.get(SECTION) if isinstance(state, dict) else None
    if not isinstance(section, dict):
        return []
    maps = section.get("maps") if isinstance(section.get("maps"), dict) else {}
    messages = [Message("/midi/map", (str(c), str(t))) for c, t in sorted(maps.items())
                if re.fullmatch(r"(cc|knob)\d{1,3}", str(c)) and "." in str(t)]
    plays = section.get("plays")
    return messages + ([Message("/midi/plays", (plays,))] if isinstance(plays, str) else [])
