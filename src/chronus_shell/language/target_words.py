"""Words that name what a command acts on: the sequencer, the screen, a pronoun, a track, a topic.

"stop everything" acts on the sequencer, "clear the screen" on the terminal, "mute it" on the
focus, "the kick pattern" on the kick's track; the parser and the mapper read the same tables.
"""
from __future__ import annotations

from . import intents as it
from .resolve import type_named

SEQUENCER_WORDS = {"sequencer", "seq", "everything", "all", "music", "playback", "patterns",
                   "pattern", "tracks", "all patterns", "all tracks", "beat", "loop", "it all", "song", "piece"}
SCREEN_WORDS = {"screen", "console", "terminal"}
PRONOUN_REFS = (("it",), ("that",), ("this",), ("them",), ("everything",), ("all",))
LIST_TOPICS = {"modules": "modules", "module": "modules", "patch": "modules", "types": "types",
               "params": "params", "tracks": "tracks", "playing": "tracks", "sessions": "sessions",
               "saves": "sessions", "saved": "sessions", "snapshots": "sessions"}
#: A track's name when it differs from its drum's type: the hat plays the "hats".
TRACK_NAMES = {"hat": "hats"}
TRACK_WORDS = ("pattern", "track", "part", "groove", "line", "loop", "beat")


def track_words(words: it.Words) -> it.Words:
    """'the kick pattern' → 'kick': words that only say "track" are dropped."""
    kept = tuple(w for w in words.items if w.text.lower() not in TRACK_WORDS)
    return it.Words(kept) if kept else words


def track_name(words: it.Words, tracks=()) -> str:
    """The track the words name: one of `tracks` by its own name ('the pulse' when a track is called so, never a
    square's), else the track of the type said ('the hat': hats), else the words joined."""
    words = track_words(words)
    if "_".join(words.texts) in tracks:
        return "_".join(words.texts)
    type_name = type_named(words.texts)
    return TRACK_NAMES.get(type_name, type_name) if type_name else "_".join(words.texts)
