"""Intents + context → messages, validated against the ParamSpecs.

The mapper reads the patch model but never changes it: the Translator applies the returned
messages afterwards, so a command that fails changes nothing. `Mapper.map` looks the intent's
type up in HANDLERS, the intent → handler table joined from one table a family (mapper_modules,
mapper_values, mapper_changes, mapper_comparatives, mapper_levels, mapper_edges, mapper_sequencer, mapper_shell, …);
each handler is a function of a MapContext (mapper_context) and the intent.
"""
from __future__ import annotations

from ..protocol.message import Message
from . import (mapper_arpeggios, mapper_changes, mapper_chord_swaps, mapper_comparatives, mapper_edges, mapper_gear,
               mapper_harmony, mapper_harmony_again,
               mapper_held_notes, mapper_levels, mapper_modules, mapper_progressions, mapper_rhythm, mapper_sequencer, mapper_shell,
               mapper_song_moves, mapper_stereo, mapper_tracks, mapper_transpose, mapper_values, mapper_voicing)
from . import intents as it
from .chord_rhythms import restrike_held
from .chord_room import with_room
from .errors import LanguageError
from .mapper_carry import carry
from .mapper_context import MapContext
from .mapper_levels import muted_yet_raised, what_it_took
from .patch_model import PatchModel
from .resolve import Resolver

_FAMILIES = (mapper_modules, mapper_values, mapper_changes, mapper_comparatives, mapper_levels, mapper_edges, mapper_sequencer,
             mapper_shell, mapper_tracks, mapper_gear, mapper_rhythm, mapper_stereo, mapper_harmony, mapper_voicing,
             mapper_harmony_again, mapper_held_notes, mapper_transpose, mapper_song_moves, mapper_chord_swaps,
             mapper_arpeggios, mapper_progressions)


def _joined(families) -> dict:
    """One table from the families' tables; an intent type claimed twice is a mistake."""
    table = {}
    for family in families:
        twice = table.keys() & family.HANDLERS.keys()
        if twice:
            raise RuntimeError(f"{family.__name__} maps {sorted(t.__name__ for t in twice)} again")
        table.update(family.HANDLERS)
    return table


#: Intent type → handler(ctx, intent) -> list[Message].
HANDLERS = _joined(_FAMILIES)


class Mapper:
    def __init__(self, model: PatchModel):
        self.understood: list[str] = []                 # inferred readings of the last line, said back by the REPL
        self.context = MapContext(model, Resolver(model, self.understood), self.map, self.understood)

    def map(self, intent) -> list[Message]:
        handler = HANDLERS.get(type(intent))
        if handler is None:
            raise LanguageError(f"{type(intent).__name__.lower()} is not available here")
        messages = restrike_held(self.context.model, handler(self.context, intent))   # a rhythm over held chords
        messages = with_room(self.context.model, messages)   # a bigger chord: the voice plays as many notes
        if isinstance(intent, (it.Mute, it.Drop, it.RemoveModule)):
            what_it_took(self.context, intent, messages)      # 'turn it off': which part, said back
        else:
            muted_yet_raised(self.context, messages)          # 'fiddle louder' on a muted track: said
        return messages

    def carry(self, previous, intent):
        """In "mute the kick and the snare", the bare "the snare" repeats the previous command."""
        return carry(self.context, previous, intent)


__all__ = ["Mapper", "HANDLERS"]
