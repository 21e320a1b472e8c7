"""What the echo says of a sound just added that the musician may not expect: a sound the patch has no module for
played by one it has ('add a clap': a snare plays it), or a second of a type added where the first was likely meant
('yo add a kik', then 'add a kick': kick2 beside kick1)."""
from __future__ import annotations

import re

from ..engine.params import ModuleSpec
from . import intents as it
from .errors import LanguageError
from .nicknames import STAND_INS

#: Words that ask for one more of a type (the grammar drops them as filler: the line still says them).
_MORE_OF = re.compile(r"\b(?:another|one more|more|extra|new|two|three|both)\b", re.I)


def said_of_new(ctx, said: it.Words, spec: ModuleSpec, module_id: str, another: bool) -> None:
    """Note in the echo what the new module stands in for or that it is a second of its type; LanguageError for a
    stand-in said when its player is there already."""
    _stand_in(ctx, said, spec, module_id)
    there = [m for m, t in ctx.model.modules.items() if t == spec.type]
    if there and not (another or _MORE_OF.search(ctx.line)) and spec.role in ("source", "drum") and not ctx.understood:
        ctx.understood.append(f"a second {spec.type.replace('_', ' ')}: {module_id} ({there[0]} is there already — "
                              f"'undo' if that one was meant)")


def _stand_in(ctx, said: it.Words, spec: ModuleSpec, module_id: str) -> None:
    """'add a clap', 'add a shaker': there is no such sound, a snare (a hat) plays it — with one in the
    patch already that one is it (a second made in silence is not what was asked), else the echo says so."""
    word = next((w for w in said.texts if spec.type in STAND_INS.get(w, ())), None)
    present = [m for m, t in ctx.model.modules.items() if t == spec.type]
    if word is not None and present:
        raise LanguageError(f"there is no {word} sound: the {spec.type} ({present[0]}) plays it — e.g. '{word} on 2 and "
                            f"4'; for a second {spec.type} of its own: 'add another {spec.type}'", said.column)
    if word is not None:
        ctx.understood.append(f"no {word} sound: a {spec.type} ({module_id}) plays it")


__all__ = ["said_of_new"]
