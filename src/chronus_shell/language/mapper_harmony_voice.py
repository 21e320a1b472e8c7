"""The voice a harmony phrase names by nickname or instrument ('the pad', 'the organ': harmony_constituents
reads instruments a pad stands for as 'pad'), resolved before a harmony handler runs."""
from __future__ import annotations

from dataclasses import replace

from . import intents as it
from .errors import LanguageError
from .rephrasings import nickname
from .sequence_messages import chord_tracks, single_notes_over


def _nicknamed(ctx, words: it.Words | None) -> it.Words | None:
    """'the pad', 'the organ' (harmony_constituents reads instruments a pad stands for as 'pad'): the
    voice the nickname means in this patch, said in the echo; any other words as they are."""
    if words is None or len(words.items) != 1:
        return words
    word = words.items[0]
    if word.text in ctx.model.modules or word.text in ctx.model.tracks:
        return words
    found = nickname(word.text, ctx.model)
    if found is None:
        return words
    ctx.understood.append(f"{word.text} → {found}")
    return it.Words((it.Word(found, word.column),))


def voiced(handler):
    """A harmony handler whose intent's voice may be a nickname ('on the organ'): resolved first — never to write a
    line of single notes over the chords that voice plays ('continuo: d2 c2 bb1 a1' with only the harpsichord)."""
    def handle(ctx, intent):
        target = getattr(intent, "target", None)
        named = _nicknamed(ctx, target) if target is not None else None
        chordal = chord_tracks(ctx.model)
        messages = handler(ctx, replace(intent, target=named) if target is not None else intent)
        if named is not target and single_notes_over(messages, chordal):
            raise LanguageError(f"no part is called {target.text!r} yet, and {named.text} plays the chords: add one "
                                f"('add a triangle called {target.text}'), or name {named.text}", target.column)
        return messages
    return handle


__all__ = ["voiced"]
