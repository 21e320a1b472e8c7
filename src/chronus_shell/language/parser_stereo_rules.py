"""Grammar rules → intents for the stereo commands (grammar/stereo.lark)."""
from __future__ import annotations

import re

from lark import Token

from . import intents as it
from . import intents_stereo as stereo
from .parser_values import first_of


def _side(children) -> tuple[int, bool, str | None, int]:
    """(−1 left / +1 right, hard, 'little' or None, column) from the SIDE token ("left", "hard
    right", "a little to the left", "left a touch")."""
    token = next(c for c in children if isinstance(c, Token) and c.type == "SIDE")
    text = str(token).lower()
    little = "little" if text.split()[0] in ("a", "slightly", "slight", "somewhat") or not text.endswith(("left", "right")) else None
    return (-1 if re.search(r"\bleft\b", text) else 1), text.startswith(("hard", "all", "fully", "completely")), little, token.start_pos


class StereoRules:
    """Part of the parse-tree Transformer: pan, centre, ping-pong, narrow/widen."""

    def pan(self, *children):
        side, hard, little, column = _side(children)
        return stereo.Pan(first_of(children, it.Words), side, first_of(children, it.Value), hard, little, column)

    pan_after = pan

    def pan_value(self, kw, *children):
        """'pan -0.5', 'pan the hats 0.3': the number is the position."""
        target = first_of(children, it.Words)
        words = (target.items if target else ()) + (it.Word("pan", kw.start_pos),)
        return it.SetParam(it.Words(words), first_of(children, it.Value))

    def centre(self, *children):
        token = next(c for c in children if isinstance(c, Token) and c.type == "CENTRE")
        return stereo.Pan(first_of(children, it.Words), 0, None, False, None, token.start_pos)

    def ping_pong(self, *children):
        token = next(c for c in children if isinstance(c, Token) and c.type == "PINGPONG")
        off = any(isinstance(c, Token) and (c.type == "OFF" or str(c).lower() == "no") for c in children)
        return stereo.PingPong(first_of(children, it.Words), not off, token.start_pos)

    def narrow(self, verb, *children):
        word = "wider" if str(verb).lower() == "widen" else "narrower"
        return it.Comparative(word, first_of(children, it.Words), first_of(children, it.Value), None, verb.start_pos)
