"""Translator: lines of English (or raw `/address args`) → messages, with context and undo.

Context carries from line to line: the patch model (modules, values, edges, tracks, tempo), the
focus, and an undo stack holding the inverse of each command that changed something.
"""
from __future__ import annotations

from ..protocol.message import Message
from .errors import LanguageError
from .intents import Undo
from .mapper import Mapper
from .parser import parse
from .patch_model import PatchModel, simplify_undo


class Translator:
    def __init__(self):
        self.model = PatchModel()
        self.mapper = Mapper(self.model)
        self.undo_stack: list[list[Message]] = []

    def translate(self, line: str) -> list[Message]:
        """One line → messages (applied to the context), or LanguageError (context unchanged)."""
        text = line.strip()
        if not text:
            return []
        if text.startswith("/"):
            return self.observe([_raw(line)])
        try:
            intent = parse(line)
            if isinstance(intent, Undo):
                return self.undo()
            return self.observe(self.mapper.map(intent))
        except LanguageError as err:
            err.line = err.line or line
            raise

    def parse_intent(self, line: str):
        """The intent of a line without mapping it (scripts use this to find `wait`)."""
        return parse(line)

    def observe(self, messages: list[Message]) -> list[Message]:
        """Apply messages to the context and remember how to undo them."""
        inverse: list[Message] = []
        for message in messages:
            inverse = self.model.apply(message) + inverse
        if inverse:
            self.undo_stack.append(simplify_undo(inverse))
        return messages

    def undo(self) -> list[Message]:
        if not self.undo_stack:
            raise LanguageError("nothing to undo", 0)
        messages = self.undo_stack.pop()
        for message in messages:
            self.model.apply(message)
        return messages


def _raw(line: str) -> Message:
    try:
        return Message.parse(line)
    except ValueError as err:
        raise LanguageError(f"bad raw message: {err}", 0, (), line) from None


__all__ = ["Translator"]
