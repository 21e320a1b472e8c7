"""Which part of the patch one word names: the one lookup every reader uses (the second stage, and the readers
before it: 'the bass back up', 'the drone is flat', 'big reverb on the pad'), so a word naming a part in one
reading names the same part in every other."""
from __future__ import annotations

from .nicknames import nickname
from .patch_model import PatchModel
from .several_parts import part_names


def part_named(word: str, model: PatchModel) -> str | None:
    """The module one word names now: an id, a type there once, a track, a nickname ('the flute'), or a label the
    musician gave it (left as said before a colon: 'zabumba: a roll on the last beat')."""
    labelled = model.labels.get(word)
    return part_names(model).get(word) or nickname(word, model) or (labelled if labelled in model.modules else None)


__all__ = ["part_named"]
