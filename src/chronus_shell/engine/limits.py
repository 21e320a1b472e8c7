"""How big a patch may get: the one place the size limits are declared.

A live patch far beyond what a block can render only silences the music, and a file or a packet
flood that builds one can freeze the shell: these limits are checked before anything is parsed
(file size), built (counts, text lengths) or sent to a slot (the supervisor's admission). They sit
well above any set a musician plays (a dense set is 50–150 modules) and well below what freezes.
"""
from __future__ import annotations

MAX_MODULES = 1000            # modules in one patch, master included
MAX_EDGES = 4000              # audio edges plus modulation edges
MAX_TRACKS = 128              # sequencer tracks
MAX_NOTES = 1024              # notes in one track's note list
MAX_TEXT = 1024               # characters in any one text (ids, names, patterns, focus, enums)
MAX_SESSION_BYTES = 4 * 1024 * 1024   # a session or autosave file; a 1000-module set is ~250 KB
MAX_JSON_DEPTH = 32           # a session is 5 levels deep; deeper is a damaged or hostile file

__all__ = ["MAX_MODULES", "MAX_EDGES", "MAX_TRACKS", "MAX_NOTES", "MAX_TEXT", "MAX_SESSION_BYTES",
           "MAX_JSON_DEPTH", "shorten"]


def shorten(value, limit: int = 40) -> str:
    """`repr(value)`, cut to `limit` characters: a hostile value is never printed whole."""
    text = repr(value) if not isinstance(value, str) or len(value) <= limit else repr(value[:limit])
    if isinstance(value, str) and len(value) > limit:
        return f"{text[:-1]}…{text[-1]} ({len(value):,} characters)"
    return text if len(text) <= limit else text[:limit] + "…"
