"""ParamSpec and ModuleSpec: the single source of truth for every module parameter.

One declaration drives the `/mod/<id>/<param>` address, range checks, the English
vocabulary, tab completion, `help` output and docs/commands.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .close_words import close_matches

Role = Literal["source", "processor", "modulator", "drum", "master"]


class ParamError(ValueError):
    """A bad parameter name or value; the text is one readable line for the user."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()):
        super().__init__(message)
        self.suggestions = suggestions


def did_you_mean(word: str, vocabulary) -> tuple[str, ...]:
    """The closest words by edit distance, best first (empty when nothing is close): difflib's
    get_close_matches, worked out faster (close_words)."""
    return tuple(close_matches(word.lower(), list(vocabulary), n=3, cutoff=0.6))


def format_number(value: float) -> str:
    """A compact human form: 20000 -> '20000', 0.95 -> '0.95', 1e-3 -> '0.001'."""
    return f"{value:.6g}"


@dataclass(frozen=True)
class ParamSpec:
    """One parameter: name, unit, range, default, aliases, enum choices and a one-line doc."""

    name: str
    unit: str
    default: float | str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    doc: str = ""

    @property
    def is_enum(self) -> bool:
        return bool(self.choices)

    @property
    def span(self) -> float:
        return float(self.high) - float(self.low)

    def range_text(self) -> str:
        if self.is_enum:
            return "/".join(self.choices)
        return f"{format_number(self.low)}–{format_number(self.high)}"

    def from_percent(self, percent: float) -> float:
        """Percent of the param's range: 'resonance 80%' on 0–0.95 → 0.76."""
        return self.low + percent / 100.0 * self.span

    def coerce(self, value) -> float | str:
        """Validate a value and return its canonical form, or raise ParamError naming the range."""
        if self.is_enum:
            text = str(value).strip().lower()
            for choice in self.choices:
                if text == choice:
                    return choice
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                index = int(value)
                if index == value and 0 <= index < len(self.choices):
                    return self.choices[index]
            hint = did_you_mean(text, self.choices)
            extra = f" — did you mean {hint[0]}?" if hint else ""
            raise ParamError(
                f"{self.name} {value!s} is not one of {', '.join(self.choices)}{extra}", hint
            )
        if isinstance(value, str):
            low = value.strip().lower()
            if low in ("on", "true", "yes") and self.unit == "bool":
                value = 1.0
            elif low in ("off", "false", "no") and self.unit == "bool":
                value = 0.0
            else:
                try:
                    value = float(value)
                except ValueError:
                    raise ParamError(
                        f"{self.name} needs a number in {self.range_text()} {self.unit}, got {value!r}"
                    ) from None
        number = float(value)
        unit = "" if self.unit in ("ratio", "bool") else f" {self.unit}"
        if number != number or number in (float("inf"), float("-inf")):
            raise ParamError(f"{self.name} {value} is not a finite number (range {self.range_text()}{unit})")
        if number < self.low or number > self.high:
            raise ParamError(
                f"{self.name} {format_number(number)} is out of range {self.range_text()}{unit}"
            )
        return number


@dataclass(frozen=True)
class ModuleSpec:
    """A module type: its role in a voice, its params, English aliases and a one-line doc."""

    type: str
    role: Role
    params: tuple[ParamSpec, ...]
    doc: str = ""
    aliases: tuple[str, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        for spec in self.params:
            self._index[spec.name] = spec
        for spec in self.params:
            for alias in spec.aliases:
                self._index.setdefault(alias, spec)

    def names(self) -> tuple[str, ...]:
        """Canonical param names and their aliases."""
        return tuple(self._index)

    def has_param(self, name: str) -> bool:
        return name.lower() in self._index

    def param(self, name: str) -> ParamSpec:
        """Look a param up by name or alias, or raise ParamError with the valid names."""
        try:
            return self._index[name.lower()]
        except KeyError:
            hint = did_you_mean(name, self._index)
            valid = ", ".join(p.name for p in self.params)
            extra = f" — did you mean {hint[0]}?" if hint else ""
            raise ParamError(
                f"{self.type} has no param {name!r}{extra} (params: {valid})", hint
            ) from None

    def defaults(self) -> dict[str, float | str]:
        return {p.name: p.default for p in self.params}


def number(name, unit, default, low, high, doc="", aliases=()) -> ParamSpec:
    """Shorthand for a numeric ParamSpec."""
    return ParamSpec(name, unit, float(default), float(low), float(high), (), tuple(aliases), doc)


def choice(name, choices, default, doc="", aliases=()) -> ParamSpec:
    """Shorthand for an enum ParamSpec."""
    return ParamSpec(name, "enum", default, None, None, tuple(choices), tuple(aliases), doc)
