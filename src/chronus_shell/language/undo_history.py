"""The translator's undo history (a mix-in of Translator): each line that changed something is one step —
the inverse of its messages, and the messages themselves for a redo (a fade redone fades again); a line the
engine refused is forgotten, so the context never describes a patch that does not exist."""
from __future__ import annotations

from ..protocol.message import Message
from .errors import LanguageError
from .intents import Fixed
from .sequence_messages import mutes
from .undo_steps import UndoStep, simplify_undo

MAX_UNDO = 500          # undo steps kept


class UndoHistory:
    """Uses the translator's model, undo_stack, redo_stack, _transaction and _before_line."""

    def _push_undo(self, inverses: list[list[Message]], forward: list[Message]) -> None:
        """One undo step: the inverses of a line's messages, last first, and the messages themselves
        for a redo; at most MAX_UNDO steps are kept (a controller sending values for hours must not
        grow the shell without end)."""
        inverse = [m for step in reversed(inverses) for m in step]
        if not inverse:
            return
        self.undo_stack.append(UndoStep(simplify_undo(inverse), forward))
        self.redo_stack.clear()
        if len(self.undo_stack) > MAX_UNDO and self._transaction is None:
            del self.undo_stack[:-MAX_UNDO]

    def named_step(self, labels_before: dict) -> None:
        """A line that gave a sound a name ('call the saw bob'): a step of its own (no message says it)."""
        self.undo_stack.append(UndoStep([], [], (labels_before, self.model.labels)))
        self.redo_stack.clear()

    def observe(self, messages: list[Message]) -> list[Message]:
        """Apply messages to the context and remember how to undo them."""
        self._push_undo([self._apply(message) for message in messages], messages)
        return messages

    def rollback(self, kept: list[Message]) -> None:
        """The engine refused a message of the last translated line: forget the line, then take
        in `kept`, the messages before the refused one (the engine applied those)."""
        self._forget_line()
        self.observe(kept)

    def take_back(self, accepted: list[Message]) -> list[Message]:
        """The engine refused a message of the last line after applying `accepted`: forget the line and
        return what undoes `accepted`, for the engine — a refused line changes nothing ('load amen.wav'
        with no such file leaves no empty sampler behind)."""
        self._forget_line()
        clean = self.model.snapshot()
        inverses = [self._apply(message) for message in accepted]          # (worked out on a model then dropped)
        self.model.restore(clean)
        return simplify_undo([m for step in reversed(inverses) for m in step])

    def _forget_line(self) -> None:
        """The context as it was before the last line (model, undo and redo, transaction)."""
        model, undo, redo, self._transaction = self._before_line
        self.model.restore(model)
        self.undo_stack[:], self.redo_stack[:] = undo, redo

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

    def _cancelled(self, intent):
        """'cancel that' with no change set open: refused here, never sent (the engine would refuse the abort while a
        ramp the last line started goes on), with the undo it likely means."""
        if isinstance(intent, Fixed) and intent.address == "/patch/abort" and self._transaction is None:
            raise LanguageError("nothing to cancel: no change set is open ('begin' opens one) — 'undo' takes back the last "
                                "line", 0)
        return intent

    def _repeat(self, step, times: int | None) -> list[Message]:
        """'undo 3 times': as many steps as there are (at least one, or the usual error); 'undo
        everything' (times None): every step there is."""
        messages = step()
        for _ in range(MAX_UNDO if times is None else times - 1):
            if not (self.undo_stack if step == self.undo else self.redo_stack):
                break
            messages += step()
        return messages

    def undo(self) -> list[Message]:
        if not self.undo_stack:
            raise LanguageError("nothing to undo", 0)
        step = self.undo_stack.pop()
        self._replay(step)
        self.redo_stack.append(UndoStep(step.forward, step.forward, step.labels))
        if step.labels:
            self.model.labels = step.labels[0]
        return list(step)

    def redo(self) -> list[Message]:
        """Send again the messages of the line the last undo took back: a ramp ramps again from
        where the undo left it (the inverse of the undo would jump to the ramp's target)."""
        if not self.redo_stack:
            raise LanguageError("nothing to redo", 0)
        messages = self.redo_stack.pop()
        labels = getattr(messages, "labels", None)
        self.undo_stack.append(UndoStep(simplify_undo(self._replay(messages)), messages, labels))
        if labels:
            self.model.labels = labels[1]
        return list(messages)

    def _replay(self, messages: list[Message]) -> list[Message]:
        inverse = [m for step in reversed([self._apply(message) for message in messages]) for m in step]
        muted = {self.model.tracks[str(m.args[0])].target for m in messages if mutes(m) and str(m.args[0]) in self.model.tracks}
        silenced = {m.parts[1] for m in messages if m.address.startswith("/mod/") and m.address.endswith("/gain")
                    and m.args and float(m.args[0]) == 0.0} & muted
        self.model.track_drones += tuple(sorted(silenced - set(self.model.track_drones)))   # (an unmute undone: the drone
        return inverse                                # silenced with its track again, so the next unmute brings it back)
