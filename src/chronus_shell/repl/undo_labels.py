"""What an undo or a redo took back, said in the words typed: the line that made each undo step, so `undo` says
`undid: bass notes c2 c2 e2 g2` (or `undid 3 lines: …`) rather than the messages it sent."""
from __future__ import annotations

from .line_tokens import is_filler, keyword_of


def undo_verb(line: str) -> str | None:
    """'UNDO' or 'REDO' for a line that undoes or redoes, else None."""
    words = [w for w in line.split() if not is_filler(w)]
    verb = keyword_of(words[0]) if words else None
    return verb if verb in ("UNDO", "REDO") else None


class StepLabels:
    """The line that made each undo step (a step is the list the translator keeps), so an undo says
    what it took back in the words typed: `undid: bass notes c2 c2 e2 g2`, `undid 3 lines: …`."""

    def __init__(self, translator):
        self.translator = translator
        self.labels: dict[int, tuple[list, str]] = {}    # id(step) → (step, line): the step kept alive
        self.depth, self.said = 0, []

    def _stack(self, verb: str | None) -> list:
        return self.translator.redo_stack if verb == "REDO" else self.translator.undo_stack

    def before(self, verb: str | None) -> None:
        """Remember the stack the line may take steps from, and the line that made each, top first."""
        stack = self._stack(verb)
        self.depth = len(stack)
        self.said = [self.labels.get(id(step), (None, None))[1] for step in reversed(stack)]

    def taken(self, verb: str) -> list[str | None]:
        """The lines of the steps the undo or redo took, the last typed first (None: not known)."""
        return self.said[:max(self.depth - len(self._stack(verb)), 0)]

    def after(self, verb: str | None, line: str) -> None:
        """Label the steps the line left on top: a new one by the line, moved ones by their makers."""
        if verb is None:
            stack, labels = self.translator.undo_stack, [line]
        else:
            stack, labels = self._stack("REDO" if verb == "UNDO" else None), self.taken(verb)   # first taken, first put
        for step, label in zip(stack[len(stack) - len(labels):] if labels else [], labels):
            if label is not None:
                self.labels[id(step)] = (step, label)
        kept = {id(step) for step in (*self.translator.undo_stack, *self.translator.redo_stack)}
        self.labels = {key: value for key, value in self.labels.items() if key in kept}


__all__ = ["StepLabels", "undo_verb"]
