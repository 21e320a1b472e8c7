"""The sequencer's params as the language names them: tempo and swing (not module params).

"tempo 128", "more swing", "the tempo of it": the words name one of two ParamSpecs, which
/seq/bpm and /seq/swing take.
"""
from __future__ import annotations

from ..engine.params import ParamSpec
from ..engine.sequencer_verbs import SWING, TEMPO
from . import intents as it


SEQ_PARAMS = {"tempo": TEMPO, "bpm": TEMPO, "swing": SWING, "shuffle": SWING}


def seq_param(words: it.Words | None) -> ParamSpec | None:
    """TEMPO or SWING when the words name one ('swing', 'swing it', 'the tempo of it')."""
    if words is None:
        return None
    texts = [t for t in words.texts if t not in _THE_MUSIC]
    return SEQ_PARAMS.get(texts[0]) if len(texts) == 1 else None


_THE_MUSIC = {"it", "this", "things", "everything", "music", "of"}
