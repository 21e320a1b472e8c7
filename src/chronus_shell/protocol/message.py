"""The Message value: an OSC-style address plus typed arguments, as every layer exchanges it; and
the Address, the shape of one address, which each layer declares next to the handler that answers it."""
from __future__ import annotations

import re
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
        if parts[0] == "/seq/add" and len(parts) > 4:   # a pattern with spaces, unquoted
            now = parts[-1:] if parts[-1].lower() == "now" else []
            parts = parts[:3] + [" ".join(parts[3:len(parts) - len(now)])] + now
        return cls(parts[0], tuple(_parse_arg(p) for p in parts[1:]))

    @property
    def parts(self) -> list[str]:
        return [p for p in self.address.split("/") if p]


@dataclass(frozen=True)
class Address:
    """One address: `kinds` per required arg, `optional` kinds, `rest` kind for a variadic tail;
    `aliases` are old spellings (resolved where a message comes in); `replies` marks a query.

    Kinds: `s` text, `n` number, `a` either.
    """

    path: str
    usage: str
    kinds: str = ""
    optional: str = ""
    rest: str | None = None
    doc: str = ""
    aliases: tuple[str, ...] = ()
    replies: bool = False

    @property
    def pattern(self) -> re.Pattern:
        return re.compile("^" + re.sub(r"<[a-z]+>", "[a-z][a-z0-9_]*", self.path) + "$")


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
