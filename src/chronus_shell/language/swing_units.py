"""Which note value a swing swings: the one said ('swing the 8ths'), else the one the tracks play.

A swing of 16ths delays every second 16th; drums that play only on 8ths (hats x.x.x.x.) have no
second 16th to delay, so a swing begun on them swings the 8ths — the shuffle a musician hears.
The engine keeps the note value until told another (`/seq/swing amount 8|16`), so a message
names it only when it changes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..engine.mini_notation import PatternError, compile_pattern
from ..protocol.message import Message
from .chords import token_pitches
from .mapper_messages import message


def swing_message(ctx, amount: float, unit: int | None = None) -> Message:
    """`/seq/swing amount`, with the note value when it changes: the one said, else — a swing
    begun from none — the one the playing tracks need."""
    if unit is None and amount and not ctx.model.swing:
        unit = heard_unit(ctx.model)
    if unit is None or unit == ctx.model.swing_unit:
        return message("/seq/swing", amount)
    return message("/seq/swing", amount, unit)


def swing_said(ctx, said: Message) -> str:
    """'every second 16th 0.2 of a step late', or of 8ths: the swing a message leaves, for the echo."""
    unit = int(said.args[1]) if len(said.args) > 1 else ctx.model.swing_unit
    return f"every second {unit}th {said.args[0]:g} of {'a step' if unit == 16 else 'an 8th'} late"


def heard_unit(model) -> int | None:
    """16 if a playing track has a note on a second 16th (or inside a step); 8 if one sits on an off-beat
    8th, or notes play on quarters (a walking bass under held chords: a jazz band's swing — an MPC's 16ths
    would move nothing there); None with nothing to go on (no track, a kick on the beat alone)."""
    playing = [t for t in model.tracks.values() if t.pattern and not t.muted and t.style.get("speed", 1) == 1]
    units = {_unit_of(track.pattern) for track in playing}
    pitched = any(_unit_of(t.pattern) is None and any(token_pitches(n) for n in t.notes) for t in playing)
    return 16 if 16 in units else 8 if 8 in units or pitched else None


@lru_cache(maxsize=64)
def _unit_of(pattern: str) -> int | None:
    try:
        table = compile_pattern(pattern)
    except PatternError:
        return None
    if table.steps % 4:
        return 16                     # a cycle of odd 8ths: its 8ths fall on second 16ths from cycle to cycle
    hits = [(step, hit) for variant in table.variants for step, cell in enumerate(variant) for hit in cell or ()]
    if any(step % 2 or hit.offset for step, hit in hits):
        return 16
    return 8 if any(step % 4 == 2 for step, _ in hits) else None


def global_swing_note(line: str, messages: list[Message], model, part_named) -> str | None:
    """'swing the hats', 'more swing on the snare': the sequencer swings the whole groove (/seq/swing has no track), so a
    swing said of a part is said back as every part's — never heard as the hats alone without a word of it."""
    if not any(m.address == "/seq/swing" for m in messages) or \
            any(m.address != "/seq/swing" and not m.address.startswith("/patch/") for m in messages):
        return None
    said = [w for w in re.findall(r"[\w-]+", line.lower()) if w not in ("swing", "it", "me", "a", "bit")
            and (w in model.tracks or part_named(w))]
    if not said:
        return None
    return f"swing is the whole groove's: every part swings, not the {said[0]} alone (no part swings on its own)"


#: Swing said on a part ('more swing on the hats', 'swing on the kick', 'some swing for the snare, 20%').
_ON_A_PART = re.compile(r"^(?P<swing>(?:(?:more|less|some|a\s+bit\s+(?:of|more)|a\s+little(?:\s+more)?|add(?:\s+some)?|put(?:\s+some)?)"
                        r"\s+)?swing(?:\s+\d{1,2}\s*%?)?)\s+(?:on|to|for|in)\s+(?:the\s+|my\s+)?(?P<part>[\w-]+)"
                        r"(?:\s*,?\s*(?P<amount>\d{1,2}\s*%))?[\s.!]*$", re.I)


def swing_on_a_part(line: str, model, part_named) -> tuple[str, str] | None:
    """(what was understood, the line in the grammar's words) for a swing said on a part: the whole groove's, said so."""
    match = _ON_A_PART.match(line.strip())
    if match is None or not (match["part"].lower() in model.tracks or part_named(match["part"].lower())):
        return None
    said = re.sub(r"^(?:add|put)(?:\s+some)?\s+", "more ", match["swing"], flags=re.I)
    said = f"swing {match['amount']}" if match["amount"] else said
    return f"swing is the whole groove's: every part swings, not the {match['part']} alone (no part swings on its own)", said
