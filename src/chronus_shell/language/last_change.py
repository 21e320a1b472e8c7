"""'what did you do?', 'what just happened', 'what did that change': the last change said back as its messages (what
'verbose on' shows as each line goes), never a change itself. A question about a part ('what happened to the bass')
is not this: it names the part and is left to the questions about the state."""
from __future__ import annotations

import re

#: How many of the last change's messages are said back (a long line's rest is counted).
_SHOWN = 6
_WHAT_DID = re.compile(
    r"^(?:(?:huh|hm+|wait|sorry|ok(?:ay)?|so|and|uh+|um+|erm|eh|oh|hey)[\s,.!?]+)*"
    r"(?:what\s+(?:(?:did|have)\s+(?:you|that|it|this|i)\s+(?:just\s+)?(?:do|done|did|change|changed|set|send|sent)|"
    r"(?:(?:has\s+)?just\s+)?(?:happened|changed)|has\s+changed|was\s+(?:that|just\s+done|done|sent|changed)|"
    r"did\s+(?:my|the)\s+last\s+(?:line|command)\s+do)|(?:show|tell)\s+me\s+what\s+(?:you|that|it)\s+(?:just\s+)?"
    r"(?:did|changed|sent))(?:\s+(?:just\s+now|now|there|exactly|then))?[\s?!.]*$", re.I)


def what_it_did(line: str, undo_stack, redo_stack) -> str | None:
    """What the last change sent, said back for a question about it; None for any other line."""
    if not _WHAT_DID.match(line.strip()):
        return None
    if not undo_stack:
        return "nothing has changed yet" + (" ('redo' brings back what the last undo took away)" if redo_stack else "")
    sent = [str(m) for m in undo_stack[-1].forward]
    more = f" … and {len(sent) - _SHOWN} more" if len(sent) > _SHOWN else ""
    undone = " (then an undo took a change back: 'redo' brings it again)" if redo_stack else ""
    return f"the last change sent: {'; '.join(sent[:_SHOWN])}{more}{undone} — 'undo' takes it back"


__all__ = ["what_it_did"]
