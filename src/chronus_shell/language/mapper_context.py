"""What every mapping handler reads: the patch model, its resolver, and what the line understood.

A handler is `handler(ctx, intent) -> list[Message]`; a handler that hands an intent on to
another (a swap that is really an add) calls `ctx.map(intent)`, the table's own dispatch.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..protocol.message import Message
from .patch_model import PatchModel
from .resolve import Resolver


@dataclass
class MapContext:
    model: PatchModel
    resolve: Resolver
    map: Callable[[object], list[Message]]
    understood: list[str] = field(default_factory=list)   # inferred readings of the last line, said back by the REPL
    line: str = ""                  # the words the intent was read from (the grammar drops articles: 'the lfo', 'an lfo')
    after_refusal: bool = False     # the line before was refused: what it tried is unknown, so no part is guessed from focus
