"""A refused line of several clauses read one clause at a time ('kick to the left, snare to the
right', or joined by 'and' when no comma parts them, or said with nothing between: 'hats pan left snare pan right'): each clause a command of its own, each read as a whole line would be (the second stage
included), all of them one undo step — taken only when no clause leans on or describes another."""
from __future__ import annotations

import re

from ..protocol.message import Message
from .asides import BARE_MOVE
from .errors import LanguageError
from .several_parts import names_part


def clause_by_clause(translator, line: str) -> list[Message] | None:
    """'kick to the left, snare to the right': each clause a whole command of its own (two
    words or more: a bare value or word leans on the clause before) on something no other
    clause sets, read one after the other, taken together as one step; else None."""
    clauses = [c.strip() for c in (line.split(",") if "," in line else _AND.split(line))]
    if len(clauses) < 2:
        clauses = _run_on(line, translator.model)   # 'hats pan left snare pan right': nothing between the clauses
    if len(clauses) >= 2 and names_part(re.sub(r"^(?:the|di)\s+", "", clauses[0], flags=re.I), translator.model):
        part = clauses[0]                     # 'the hats, a touch quieter and a little to the right': each of them the hats'
        clauses = [f"{part} {c.strip()}" for rest in clauses[1:] for c in _AND.split(rest)]
    if len(clauses) < 2 or any(len(c.split()) < 2 or c.lower().startswith(("like ", "no ")) or BARE_MOVE.match(c)
                               or _AMOUNT.match(c) for c in clauses):
        return None                           # ('…, like an 808 tail': a simile; 'no too much': a hedge; '…, move it up': whose move?;
                                              # '… 3 bars and a bit': an amount of the clause before, never a command)
    before, messages, understood, touched = translator._state(), [], [], set()
    try:
        for clause in clauses:
            said = translator._translate_line(clause)
            set_now = {_what_is_set(m) for m in said}
            if touched & set_now or any(m.address == "/seq/key" for m in said):
                raise LanguageError("one clause describes another (the same thing set, a key said)", 0)
            touched |= set_now
            messages += said
            understood += translator.mapper.understood
    except LanguageError:
        translator._restore(before)
        return None
    translator._restore(before)
    return as_one_step(translator, before, line, messages, understood)


def as_one_step(translator, before, line: str, messages: list[Message], understood: list[str]) -> list[Message]:
    """Messages read a part of the line at a time (the context put back after), applied as the line's: one
    undo step, and an engine refusal takes back the whole line."""
    translator._before_line, translator._last_text = before, line.strip()
    translator.mapper.understood[:] = understood
    return translator.observe(messages)


def _what_is_set(message) -> str:
    """What a message sets: its address, and for the sequencer the track it names ('kick …, snare …')."""
    named = message.address.startswith("/seq/") and message.args and isinstance(message.args[0], str)
    return f"{message.address} {message.args[0]}" if named else message.address


def _run_on(line: str, model) -> list[str]:
    """The clauses of a line said without a break between them, each beginning with the part it shapes ('hats pan left
    snare pan right', 'kick louder snare quieter'): a part's name after a word that neither joins it to the words before
    ('on the snare', 'like the kick') nor lists it with another part ('kick snare and hats')."""
    words, starts = line.split(), [0]
    for index in range(1, len(words)):
        before = words[index - 1].lower()
        named = words[index + 1] if words[index].lower() in ("the", "my") and index + 1 < len(words) else words[index]
        if names_part(named, model) and before not in _JOINING and not names_part(before, model) and \
                not re.search(r"[,;:]$", before):
            starts.append(index)                  # ('the kick louder the snare quieter': at its article)
    if len(starts) < 2 or not names_part(words[0], model) and not names_part(" ".join(words[:2]).removeprefix("the "), model):
        return []
    return [" ".join(words[a:b]) for a, b in zip(starts, starts[1:] + [len(words)])]


#: Words that join a part's name to the words before it: it is no new clause.
_JOINING = frozenset("the a an my our its their this that on to into onto in at of with from and or for like than as through "
                     "by before after over under plus then but except without between behind above below & + send put".split())
#: A clause that is only an amount ('a bit', 'a half'): it leans on the clause before.
_AMOUNT = re.compile(r"^(?:an?|some)\s+(?:bit|half|little|lot|touch|tad|quarter|third)[\s.!?]*$", re.I)
#: Clauses joined by 'and' when no comma parts them ('bass pan a bit left and hats right').
_AND = re.compile(r"\s+(?:and|an|&)\s+", re.I)


__all__ = ["as_one_step", "clause_by_clause"]
