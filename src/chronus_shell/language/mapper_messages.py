"""Messages as the mapper builds them, with values checked against what the engine accepts."""
from __future__ import annotations

from ..engine.catalogue import module_spec
from ..engine.params import ParamError, ParamSpec, format_number
from ..protocol.message import Message
from .errors import LanguageError, with_hint
from .units import tidy


def message(address: str, *args) -> Message:
    return Message(address, tuple(args))


def checked(spec: ParamSpec, amount: float, column: int | None = None) -> float:
    """`amount` as `spec` accepts it, or the range error (with a did-you-mean) at `column`."""
    try:
        return spec.coerce(tidy(amount))
    except ParamError as err:
        raise LanguageError(with_hint(str(err), err.suggestions), column) from None


def playable(hz: float, name: str | None, column: int) -> float:
    """`hz` if an oscillator can play it (its freq range, which the engine checks for gates too)."""
    pitch = module_spec("sine").param("freq")
    if not pitch.low <= hz <= pitch.high:
        what = f"{name} is {format_number(hz)} Hz" if name else f"{format_number(hz)} Hz is out of range"
        raise LanguageError(f"{what}: notes play from {pitch.range_text()} Hz", column)
    return hz
