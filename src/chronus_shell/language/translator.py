"""Translator: lines of English (or raw `/address args`) → messages, with context and undo.

Context carries from line to line: the patch model (modules, values, edges, tracks, tempo), the
focus, and an undo stack holding the inverse of each command that changed something. A
transaction's `abort` takes the model back to its `begin`; a line the engine refuses is
forgotten (`rollback`), so the context never describes a patch that does not exist.
"""
from __future__ import annotations

from ..protocol.message import Message
from .errors import LanguageError
from .intents import Redo, Sequence, Undo
from .mapper import Mapper
from .parser import as_question, parse
from .patch_model import PatchModel, simplify_undo

MAX_UNDO = 500          # undo steps kept


class Translator:
    def __init__(self):
        self.model = PatchModel()
        self.mapper = Mapper(self.model)
        self.undo_stack: list[list[Message]] = []
        self.redo_stack: list[list[Message]] = []
        self._transaction: tuple[PatchModel, int] | None = None   # (model at begin, undo depth then)
        self._before_line = self._state()

    def _state(self):
        return self.model.snapshot(), list(self.undo_stack), list(self.redo_stack), self._transaction

    def translate(self, line: str) -> list[Message]:
        """One line → messages (applied to the context), or LanguageError (context unchanged)."""
        text = line.strip()
        if not text:
            return []
        self._before_line = self._state()
        if text.startswith("/"):
            return self.observe([_raw(line)])
        try:
            return self._translate(line)
        except LanguageError as err:
            question = as_question(line)              # "cutoff?": not a command, so a question
            if question is None:
                raise
            try:
                return self._translate(question)
            except LanguageError:
                raise err from None

    def _translate(self, line: str) -> list[Message]:
        try:
            intent = parse(line)
            if isinstance(intent, Undo):
                return self._repeat(self.undo, intent.times)
            if isinstance(intent, Redo):
                return self._repeat(self.redo, intent.times)
            if isinstance(intent, Sequence):
                return self._sequence(intent)
            return self.observe(self.mapper.map(intent))
        except LanguageError as err:
            err.line = err.line or line
            raise

    def _sequence(self, intent: Sequence) -> list[Message]:
        """Several commands: each sees the context the one before left; all or nothing, one undo."""
        snapshot = self.model.snapshot()
        messages: list[Message] = []
        inverse: list[list[Message]] = []
        previous = None
        try:
            for item in intent.items:
                if isinstance(item, (Undo, Redo)):
                    raise LanguageError("undo and redo go on a line of their own", 0)
                item = self.mapper.carry(previous, item)
                produced = self.mapper.map(item)
                inverse += [self._apply(message) for message in produced]
                messages += produced
                previous = item
        except LanguageError:
            self.model.restore(snapshot)
            raise
        self._push_undo(inverse)
        return messages

    def _push_undo(self, inverses: list[list[Message]]) -> None:
        """One undo step: the inverses of a line's messages, last first; at most MAX_UNDO steps
        are kept (a controller sending values for hours must not grow the shell without end)."""
        inverse = [m for step in reversed(inverses) for m in step]
        if not inverse:
            return
        self.undo_stack.append(simplify_undo(inverse))
        self.redo_stack.clear()
        if len(self.undo_stack) > MAX_UNDO and self._transaction is None:
            del self.undo_stack[:-MAX_UNDO]

    def parse_intent(self, line: str):
        """The intent of a line without mapping it (scripts use this to find `wait`)."""
        return parse(line)

    def observe(self, messages: list[Message]) -> list[Message]:
        """Apply messages to the context and remember how to undo them."""
        self._push_undo([self._apply(message) for message in messages])
        return messages

    def rollback(self, kept: list[Message]) -> None:
        """The engine refused a message of the last translated line: forget the line, then take
        in `kept`, the messages before the refused one (the engine applied those)."""
        model, undo, redo, self._transaction = self._before_line
        self.model.restore(model)
        self.undo_stack[:], self.redo_stack[:] = undo, redo
        self.observe(kept)

    def _apply(self, message: Message) -> list[Message]:
        """Apply one message to the model (transactions included); return its inverse."""
        if message.address == "/patch/begin" and self._transaction is None:
            self._transaction = (self.model.snapshot(), len(self.undo_stack))
        elif message.address in ("/patch/commit", "/patch/abort") and self._transaction is not None:
            before, depth = self._transaction
            self._transaction = None
            if message.address == "/patch/abort":
                self.model.revert_patch(before)
                del self.undo_stack[depth:]          # the transaction's steps undo nothing now
                return []
        return self.model.apply(message)

    def _repeat(self, step, times: int) -> list[Message]:
        """'undo 3 times': as many steps as there are (at least one, or the usual error)."""
        messages = step()
        for _ in range(times - 1):
            if not (self.undo_stack if step == self.undo else self.redo_stack):
                break
            messages += step()
        return messages

    def undo(self) -> list[Message]:
        if not self.undo_stack:
            raise LanguageError("nothing to undo", 0)
        messages = self.undo_stack.pop()
        self.redo_stack.append(self._replay(messages))
        return messages

    def redo(self) -> list[Message]:
        """Apply again what the last undo took back."""
        if not self.redo_stack:
            raise LanguageError("nothing to redo", 0)
        messages = self.redo_stack.pop()
        self.undo_stack.append(simplify_undo(self._replay(messages)))
        return messages

    def _replay(self, messages: list[Message]) -> list[Message]:
        return [m for step in reversed([self._apply(message) for message in messages]) for m in step]


def _raw(line: str) -> Message:
    try:
        return Message.parse(line)
    except ValueError as err:
        raise LanguageError(f"bad raw message: {err}", 0, (), line) from None


__all__ = ["Translator"]
