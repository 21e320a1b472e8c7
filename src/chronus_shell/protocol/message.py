"""The Message value: an OSC-style address plus typed arguments, as every layer exchanges it."""
from __future__ import annotations

import shlex
from dataclasses import dataclass

Arg = float | int | str


@dataclass(frozen=True, slots=True)
class Message:
    address: str
    args: tuple[Arg, ...] = ()

    def __str__(self) -> str:
        return " ".join([self.address, *(_format_arg(a) for a in self.args)])

    def to_list(self) -> list:
        """JSON form used by `chronus translate`: [address, arg, ...]."""
        return [self.address, *self.args]

    @classmethod
    def parse(cls, line: str) -> "Message":
        """Parse a raw script line `/address arg arg` (numbers become floats, quoted text stays text)."""
        parts = shlex.split(line.strip(), comments=False)
        if not parts or not parts[0].startswith("/"):
            raise ValueError(f"not a raw message: {line.strip()!r}")
        if parts[0] in ("/seq/add", "/seq/update/pattern") and len(parts) > 4:   # a pattern with spaces, unquoted
            now = parts[-1:] if parts[-1].lower() == "now" else []
            parts = parts[:3] + [" ".join(parts[3:len(parts) - len(now)])] + now
        return cls(parts[0], tuple(_parse_arg(p) for p in parts[1:]))

    @property
    def parts(self) -> list[str]:
        return [p for p in self.address.split("/") if p]


def _parse_arg(text: str) -> Arg:
    try:
        return int(text) if text.lstrip("+-").isdigit() else float(text)
    except ValueError:
        return text


def _format_arg(arg: Arg) -> str:
    if isinstance(arg, str):
        return shlex.quote(arg) if (not arg or any(c.isspace() for c in arg)) else arg
    if isinstance(arg, float):
        return repr(arg)
    return str(arg)
