"""The voice a harmony phrase names by nickname or instrument ('the pad', 'the organ': harmony_constituents
reads instruments a pad stands for as 'pad'), resolved before a harmony handler runs."""
from __future__ import annotations

from dataclasses import replace

from . import intents as it
from .rephrasings import nickname


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
    """A harmony handler whose intent's voice may be a nickname ('on the organ'): resolved first."""
    def handle(ctx, intent):
        target = getattr(intent, "target", None)
        return handler(ctx, replace(intent, target=_nicknamed(ctx, target)) if target is not None else intent)
    return handle


__all__ = ["voiced"]
