"""Transport said in other words, read before the grammar: a recording switched off ('recording off', 'turn the
recording off'; never 'the recorder', a flute): the recording stopped; the end of the bar said as when it ends ('stop when the bar ends', 'stop once
this bar is over') or typed with an '@' ('stop @ end of bar'): at the end of the bar, as the grammar says it."""
from __future__ import annotations

import re

from .lead_words import LEAD

#: The words that end a recording ('recording off', 'recording finish', 'rec done').
_ENDED = r"off|stop|done|over|finish(?:ed)?|end(?:ed)?|out"
_RECORDING_OFF = re.compile(rf"^{LEAD}(?:(?:turn|switch|shut)\s+(?:off\s+)?)?(?:the\s+|my\s+)?(?:recording|rec)"
                            rf"(?:\s+(?:{_ENDED}))?(?:\s+(?:now|please))?[\s.!]*$|"
                            rf"^{LEAD}(?:turn|switch|shut)\s+off\s+(?:the\s+|my\s+)?(?:recording|rec)(?:\s+(?:now|please))?[\s.!]*$",
                            re.I)
_BAR_ENDS = re.compile(r"\b(?:when|once|as\s+soon\s+as|after)\s+(?:the|this)\s+bar\s+(?:ends|is\s+(?:over|done|finished|out)|finishes)\b",
                       re.I)
_AT_SIGN = re.compile(r"\s*@\s*(?=(?:the\s+)?(?:end|next|bar|downbeat|top)\b)", re.I)


def transport_said(line: str) -> tuple[str, str] | None:
    """(how it was read, the line in the grammar's words) for transport said so, else None."""
    text = line.strip()
    if _RECORDING_OFF.match(text) and re.search(rf"\b(?:{_ENDED})\b", text, re.I):
        return "recording off: stop recording", "stop recording"
    said = _AT_SIGN.sub(" at ", _BAR_ENDS.sub("at the end of the bar", text))
    return (f"read as '{said}'", said) if said != text else None


__all__ = ["transport_said"]
