"""'put the filter on the reese', 'move the reverb to the pad': an effect the patch has, said with 'the',
moves to that part with its settings (never a second, default one beside the first); two it could be
are asked about; one already there is said so. 'put a filter on the reese' still adds one."""
from __future__ import annotations

import re

from .errors import LanguageError
from .intents import Word, Words
from .mapper_chain import own_end
from .patch_model import MASTER, PatchModel
from .resolve import Resolver

_MOVE = re.compile(r"^(?:put|move|stick|throw|shift|take|slap|place)\s+(?:the|that|my|your)\s+(?P<what>[\w-]+(?:\s+[\w-]+)?)"
                   r"\s+(?:on|onto|on\s+to|to|over\s+to|over\s+onto|across\s+to)\s+(?:the\s+|my\s+)?(?P<to>[\w-]+(?:\s+[\w-]+)?)"
                   r"(?:\s+instead|\s+now|\s+please)*[\s.!]*$", re.I)
#: Effects that shape the sound itself: straight after the oscillator (a reverb, a delay: at the end).
_AT_THE_SOURCE = ("filter", "acid_filter", "distortion")


def moved_effect(text: str, model: PatchModel) -> tuple[str, str] | None:
    """(the echo, the line as a move) when `text` puts an effect that is on another part onto a part."""
    found = _MOVE.match(text)
    if found is None:
        return None
    resolve = Resolver(model)
    try:
        part = resolve.module(_words(found.group("to")), hints=False)
    except LanguageError:
        return None
    voice = model.voice_of(part)
    kind = _type_of(found.group("what"), model)
    if not voice or kind is None or model.spec(voice[0]).role not in ("source", "drum"):
        return None
    named = found.group("what").lower().replace(" ", "_")
    candidates = [named] if named in model.modules else model.of_type(kind)      # 'put filter1 on …': that one
    mine = [m for m in candidates if m in voice]
    others = [m for m in candidates if m not in voice and model.voice_of(m)]
    if mine:
        raise LanguageError(f"{mine[0]} is on {voice[0]} already — for another one say 'add a {kind} to {voice[0]}'",
                            found.start("what"))
    if len(others) != 1:
        if others:
            where = " or ".join(f"{m} (on {model.voice_of(m)[0]})" for m in others)
            raise LanguageError(f"which {kind}? {where}: say 'put {others[0]} on {voice[0]}', or 'add a {kind} to "
                                f"{voice[0]}' for a new one", found.start("what"))
        return None
    moving, anchor = others[0], voice[0] if kind in _AT_THE_SOURCE else own_end(model, voice) or voice[-1]
    was = model.voice_of(moving)[0]
    return f"moved {moving} from {was} to {voice[0]} (its settings kept)", f"move {moving} after {anchor}"


def _type_of(said: str, model: PatchModel) -> str | None:
    """The type of the module the words name ('filter', 'the delay', 'reverb1'), when one is there."""
    try:
        module_id = Resolver(model).module(_words(said), hints=False)
    except LanguageError as err:
        names = [s for s in err.suggestions if s in model.modules]
        kinds = {model.modules[s] for s in names}
        return kinds.pop() if len(kinds) == 1 else None          # 'the filter' of two: each a filter
    spec = model.spec(module_id)
    return model.modules[module_id] if spec is not None and spec.role == "processor" and module_id != MASTER else None


def _words(text: str) -> Words:
    return Words(tuple(Word(w.lower(), 0) for w in text.split()))


__all__ = ["moved_effect"]
