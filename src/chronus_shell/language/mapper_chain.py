"""Chain edits: move a module before or after another, and refuse an edge that makes a loop.

"put the delay before the reverb", "move the distortion after the filter", "run it through
the reverb" (an effect that exists moves; one that does not is added there). Audio feeding
back into itself is refused with the loop named ("feed the reverb into the delay").
"""
from __future__ import annotations

from ..protocol.message import Message
from .errors import LanguageError
from .mapper_words import message
from .patch_model import MASTER


class ChainMapper:
    """Part of Mapper: moving modules within the audio chain."""

    def _move(self, module_id: str, anchor: str, before: bool, column: int) -> list[Message]:
        """Take `module_id` out of its place (its inputs then feed its outputs) and put it right
        before or after `anchor`."""
        if module_id == anchor:
            raise LanguageError(f"{module_id} cannot go {'before' if before else 'after'} itself", column)
        if anchor == MASTER:
            raise LanguageError("master is the end of every chain: name a module", column)
        if self.model.spec(module_id).role not in ("processor",) and before is False and \
                self.model.spec(anchor).role == "processor" and module_id in self.model.voice_of(anchor)[:1]:
            raise LanguageError(f"{module_id} is the source of that chain: it can only start it", column)
        ins, outs = self.model.inputs(module_id), self.model.outputs(module_id)
        if (before and outs == [anchor]) or (not before and ins == [anchor]):
            raise LanguageError(f"{module_id} is already right {'before' if before else 'after'} {anchor}", column)
        edges = [e for e in self.model.edges if module_id not in e]
        messages = [message("/patch/disconnect", a, b) for a, b in self.model.edges if module_id in (a, b)]
        for a in ins:
            for b in outs:
                if (a, b) not in edges:
                    edges.append((a, b))
                    messages.append(message("/patch/connect", a, b))
        if before:
            feeding = [a for a, b in edges if b == anchor]
            messages += [message("/patch/disconnect", a, anchor) for a in feeding]
            messages += [message("/patch/connect", a, module_id) for a in feeding]
            messages.append(message("/patch/connect", module_id, anchor))
        else:
            fed = [b for a, b in edges if a == anchor] or [MASTER]
            messages += [message("/patch/disconnect", anchor, b) for b in fed if (anchor, b) in edges]
            messages.append(message("/patch/connect", anchor, module_id))
            messages += [message("/patch/connect", module_id, b) for b in fed]
        return messages

    def _right_before(self, module_id: str, anchor: str) -> list[Message]:
        """Insert a new `module_id` between whatever feeds `anchor` and `anchor`."""
        feeding = self.model.inputs(anchor)
        return ([message("/patch/disconnect", a, anchor) for a in feeding]
                + [message("/patch/connect", a, module_id) for a in feeding]
                + [message("/patch/connect", module_id, anchor)])

    def _check_loop(self, source: str, dest: str, column: int) -> None:
        """An audio edge source → dest must not close a loop (dest already reaching source)."""
        seen, todo = set(), [dest]
        while todo:
            node = todo.pop()
            if node == source:
                raise LanguageError(f"that would make a loop: {dest} already feeds {source} — move it instead, "
                                    f"e.g. 'put {source} after {dest}'", column)
            if node not in seen:
                seen.add(node)
                todo.extend(self.model.outputs(node))
